"""``POST /api/documents`` with a file whose indicator rows cannot be placed: 422 without ``confirm_lost=true``,
saying what was lost and where; with it, the document keeps the warning (``GET …/findings``)."""

from __future__ import annotations

import io
from typing import Any

import pytest

from tests.web.conftest import EXAMPLE, Api, Cast
from tests.web.lost_rows import PARTLY_TXT, lost_file

pytestmark = pytest.mark.django_db


def _upload(data: bytes, name: str, **fields: Any) -> dict[str, Any]:
    f = io.BytesIO(data)
    f.name = name
    return {"file": f, "unit_code": "A", **fields}


def _count(api: Api, cast: Cast) -> int:
    return int(api(cast["drafter_a"], "GET", "/documents", {"unit": "A"}).json()["total"])


@pytest.mark.parametrize("ext", ["txt", "xlsx"])
def test_an_import_that_loses_every_indicator_is_refused_until_confirmed(
    api: Api, cast: Cast, ext: str
) -> None:
    drafter = cast["drafter_a"]
    before = _count(api, cast)
    r = api(drafter, "POST", "/documents", data=_upload(lost_file(ext), f"辅警.{ext}"))
    body = r.json()
    assert r.status_code == 422
    assert set(body) == {"code", "message", "details"}
    assert body["code"] == "confirmation_required"
    assert "没有读出任何指标" in body["message"] and "confirm_lost=true" in body["message"]
    lost = body["details"]["lost"]
    assert body["details"]["confirm"] == "confirm_lost"
    assert lost[0]["code"] == "P13" and "“乙栏”" in lost[0]["message"]
    assert lost[0]["source"]["table"] == 1 and lost[0]["source"]["row"] == 5
    assert "表 1 第 5 行" in lost[0]["where"]
    assert {w["code"] for w in lost[1:]} >= {"P07"}
    assert _count(api, cast) == before  # nothing saved

    r = api(drafter, "POST", "/documents", data=_upload(lost_file(ext), f"辅警.{ext}", confirm_lost="true"))
    assert r.status_code == 201, r.content
    created = r.json()
    doc_id = created["document"]["id"]
    assert _count(api, cast) == before + 1

    warnings = api(drafter, "GET", f"/documents/{doc_id}/findings").json()["import_warnings"]
    assert [w["code"] for w in warnings][:1] == ["P13"]
    assert all(w["version"] == 1 for w in warnings)
    first = warnings[0]
    assert (first["file"], first["table"], first["row"], first["title"]) == (
        f"辅警.{ext}",
        1,
        5,
        "表格中有指标行，却没有读出任何指标",
    )

    # kept through later versions, and seen by the reviewer
    r = api(
        drafter,
        "PUT",
        f"/documents/{doc_id}",
        {"expected_version": 1, "content": {**created["content"], "unit_name": "巨鹿县总工会"}},
    )
    assert r.status_code == 200, r.content
    r = api(drafter, "POST", f"/documents/{doc_id}/submit", {"expected_version": 2})
    assert r.status_code == 200
    again = api(cast["reviewer_r"], "GET", f"/documents/{doc_id}/findings").json()["import_warnings"]
    assert again == warnings

    audit = api(drafter, "GET", f"/documents/{doc_id}/audit").json()
    assert audit[0]["action"] == "jixiao.document.imported"
    assert audit[0]["data"]["confirmed_lost"] is True
    assert "P13" in audit[0]["data"]["lost"]


def test_columns_not_read_need_no_confirmation_but_are_kept(api: Api, cast: Cast) -> None:
    drafter = cast["drafter_a"]
    r = api(drafter, "POST", "/documents", data=_upload(PARTLY_TXT, "辅警.txt"))
    assert r.status_code == 201, r.content
    doc_id = r.json()["document"]["id"]
    warnings = api(drafter, "GET", f"/documents/{doc_id}/findings").json()["import_warnings"]
    assert "P12" in [w["code"] for w in warnings]
    assert "P13" not in [w["code"] for w in warnings]


def test_a_file_read_whole_has_no_import_warnings(api: Api, cast: Cast) -> None:
    drafter = cast["drafter_a"]
    r = api(drafter, "POST", "/documents", data=_upload(EXAMPLE.read_bytes(), EXAMPLE.name))
    assert r.status_code == 201
    doc_id = r.json()["document"]["id"]
    assert api(drafter, "GET", f"/documents/{doc_id}/findings").json()["import_warnings"] == []
    # a document not imported from a file has none either
    assert api(drafter, "GET", f"/documents/{cast.docs['A']}/findings").json()["import_warnings"] == []


def test_the_refusal_comes_after_the_permission_check(api: Api, cast: Cast) -> None:
    data = _upload(lost_file("txt"), "辅警.txt", unit_code="B")
    r = api(cast["drafter_a"], "POST", "/documents", data=data)
    assert (r.status_code, r.json()["code"]) == (403, "forbidden")
