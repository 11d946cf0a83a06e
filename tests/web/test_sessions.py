"""Sessions: CSRF on unsafe API calls, login throttling, Argon2 in production settings."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from jixiao.web import settings as production
from tests.web.conftest import PASSWORD, Cast

pytestmark = pytest.mark.django_db


def test_session_post_without_csrf_token_is_refused(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="public"))
    r = client.post("/api/me/tokens", {"name": "x"}, content_type="application/json")
    assert (r.status_code, r.json()["code"]) == (403, "csrf_failed")
    client.get("/admin/login/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    r = client.post(
        "/api/me/tokens", {"name": "x"}, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert r.status_code == 201


def test_session_reads_need_no_csrf(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="drafter_a"))
    assert client.get("/api/me").json()["unit_code"] == "A"


def test_login_is_throttled_after_repeated_failures(cast: Cast) -> None:
    client = Client()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        assert not client.login(username="drafter_a", password="wrong")
    assert not client.login(username="drafter_a", password=PASSWORD)
    from django.core.cache import cache

    cache.clear()
    assert client.login(username="drafter_a", password=PASSWORD)


def test_production_settings_hash_with_argon2_and_validate_passwords() -> None:
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    assert [str(v["NAME"]).rsplit(".", 1)[1] for v in production.AUTH_PASSWORD_VALIDATORS] == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert production.LANGUAGE_CODE == "zh-hans"
