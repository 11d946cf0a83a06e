"""The admin site (zh-hans): reference data edited with an audit entry; documents and the audit log read-only."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from jixiao.store import audit
from tests.web.conftest import Cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(cast: Cast) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


@pytest.mark.parametrize("model", ["region", "unit", "user", "document", "auditentry"])
def test_changelists_open_in_chinese(admin_client_: Client, model: str) -> None:
    r = admin_client_.get(f"/admin/store/{model}/")
    assert r.status_code == 200
    assert "jixiao 绩效管理 · 管理后台" in r.content.decode()


def test_adding_a_region_is_audited(admin_client_: Client) -> None:
    before = audit.count()
    r = admin_client_.post("/admin/store/region/add/", {"code": "T", "name": "区域 T", "parent": ""})
    assert r.status_code == 302
    entries = audit.entries()
    assert len(entries) == before + 1
    assert (
        entries[-1].action,
        entries[-1].actor,
        entries[-1].subject_type,
        sorted(entries[-1].data["changed"]),
    ) == (
        "jixiao.admin.saved",
        "admin",
        "region",
        ["code", "name"],
    )


def test_documents_and_audit_entries_cannot_be_changed_here(admin_client_: Client, cast: Cast) -> None:
    doc_id = cast.docs["A"]
    assert admin_client_.get("/admin/store/document/add/").status_code == 403
    r = admin_client_.post(f"/admin/store/document/{doc_id}/change/", {"title": "改了"})
    assert r.status_code == 403
    assert admin_client_.get(f"/admin/store/document/{doc_id}/delete/").status_code == 403
    entry = audit.entries()[0]
    assert (
        admin_client_.post(f"/admin/store/auditentry/{entry.id}/delete/", {"post": "yes"}).status_code == 403
    )
    assert audit.entries()[0] == entry


def test_drafters_do_not_reach_the_admin(cast: Cast) -> None:
    client = Client()
    client.force_login(get_user_model().objects.get(username="drafter_a"))
    assert client.get("/admin/store/region/").status_code == 302
