"""First light: the API answers and speaks the one error shape."""

from __future__ import annotations

import pytest

from tests.web.conftest import Api, Cast

pytestmark = pytest.mark.django_db


def test_list_as_drafter(api: Api, cast: Cast) -> None:
    r = api(cast["drafter_a"], "GET", "/documents")
    assert r.status_code == 200, r.content
    assert [d["unit_code"] for d in r.json()["items"]] == ["A"]


def test_unknown_document_is_404_in_one_shape(api: Api, cast: Cast) -> None:
    r = api(cast["drafter_a"], "GET", "/documents/99999")
    assert r.status_code == 404
    assert r.json() == {
        "code": "not_found",
        "message": "没有找到该绩效文本，或您没有查看权限。",
        "details": {"document_id": 99999},
    }


def test_the_database_is_the_one_asked_for() -> None:
    """With JIXIAO_TEST_DATABASE_URL set (CI), the suite runs on PostgreSQL and never falls back silently."""
    import os

    from django.db import connection

    expected = "postgresql" if os.environ.get("JIXIAO_TEST_DATABASE_URL") else "sqlite"
    assert connection.vendor == expected
