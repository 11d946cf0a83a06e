"""Check profiles kept in the database: made in the admin site, validated, named in the findings API."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from jixiao.service.errors import ValidationFailed
from jixiao.service.profiles import build, resolve
from tests.web.conftest import Api, Cast, advance

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(cast: Cast) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def test_a_profile_made_in_the_admin_is_used_by_the_findings_api(api: Api, cast: Cast, admin: Client) -> None:
    r = admin.post(
        "/admin/store/profile/add/",
        {
            "name": "xingtai",
            "title": "邢台市",
            "base": "hebei-county",
            "settings": 'ignore = ["V", "B", "K", "D"]',
        },
    )
    assert r.status_code == 302
    assert resolve("xingtai").name == "xingtai"
    advance(cast, "A", "submitted")
    listed = api(cast["reviewer_r"], "GET", "/me/profiles").json()
    assert [(p["name"], p["shipped"]) for p in listed] == [
        ("default", True),
        ("hebei-county", True),
        ("central-2021", True),
        ("xingtai", False),
    ]
    full = api(
        cast["reviewer_r"], "GET", f"/documents/{cast.docs['A']}/findings", {"profile": "hebei-county"}
    ).json()
    narrowed = api(
        cast["reviewer_r"], "GET", f"/documents/{cast.docs['A']}/findings", {"profile": "xingtai"}
    ).json()
    assert narrowed["profile"] == "xingtai"
    assert {f["code"][0] for f in full["findings"]} & {"V", "B"}
    assert not {f["code"][0] for f in narrowed["findings"]} & {"V", "B", "K", "D"}


def test_the_admin_refuses_settings_the_checker_cannot_read(admin: Client) -> None:
    r = admin.post(
        "/admin/store/profile/add/", {"name": "bad", "base": "default", "settings": "satisfaction_mini = 3"}
    )
    assert r.status_code == 200
    assert "未知的设置项“satisfaction_mini”" in r.content.decode()
    with pytest.raises(ValidationFailed):
        resolve("bad")


def test_bad_toml_and_unknown_names() -> None:
    with pytest.raises(ValidationFailed, match="不是有效的 TOML"):
        build("x", "default", "ignore = [")
    with pytest.raises(ValidationFailed, match="没有名为“nowhere”的配置"):
        resolve("nowhere")
