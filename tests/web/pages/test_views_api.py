"""The pages' view-models as JSON give what the pages show (WEB.md P10)."""

from __future__ import annotations

import pytest

from tests.web.conftest import Api, Cast, advance

pytestmark = pytest.mark.django_db


def test_overview_is_the_home_page_as_json(api: Api, cast: Cast) -> None:
    from jixiao.service import pages

    r = api(cast["drafter_a"], "GET", "/overview")
    assert r.status_code == 200
    items = r.json()
    expected = pages.my_documents(cast["drafter_a"].actor)
    assert [(i["document"]["id"], i["counts"], i["suggested_grade"]) for i in items] == [
        (s.row.id, s.counts, s.grade) for s in expected
    ]
    assert [i["document"]["unit_code"] for i in items] == ["A"]


def test_reviewer_overview_by_status(api: Api, cast: Cast) -> None:
    advance(cast, "B", "submitted")
    r = api(cast["reviewer_r"], "GET", "/overview", {"status": "submitted"})
    assert [i["document"]["unit_code"] for i in r.json()] == ["B"]


def test_value_reading(api: Api, cast: Cast) -> None:
    r = api(cast["public"], "GET", "/values/read", {"text": "≥242人数"})
    body = r.json()
    assert (body["operator"], body["number"], body["unit"], body["kind"]) == (
        "≥",
        "242",
        "人数",
        "quantitative",
    )


def test_public_search(api: Api, cast: Cast) -> None:
    advance(cast, "C", "published")
    hits = api(cast["anonymous"], "GET", "/public/search", {"q": "困难职工"}).json()
    assert [h["document"]["unit_code"] for h in hits] == ["C"]
    assert any("困难职工" in w for w in hits[0]["found"])
    assert api(cast["anonymous"], "GET", "/public/search", {"q": "没有这样的项目"}).json() == []
