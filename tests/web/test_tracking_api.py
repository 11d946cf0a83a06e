"""Monitoring and self-evaluation through the API: start from the approved targets, fill in, save, read lights."""

from __future__ import annotations

import pytest

from tests.web.conftest import Api, Cast, advance

pytestmark = pytest.mark.django_db


def test_monitoring_through_the_api(api: Api, cast: Cast) -> None:
    advance(cast, "A", "published")
    drafter, doc_id = cast["drafter_a"], cast.docs["A"]
    r = api(drafter, "POST", f"/documents/{doc_id}/monitoring", {"month": 7})
    assert r.status_code == 201, r.content
    started = r.json()
    tid = started["tracking"]["id"]
    assert (started["tracking"]["kind"], started["tracking"]["month"], started["content"]["month"]) == (
        "monitoring",
        7,
        7,
    )
    content = started["content"]
    fund = content["projects"][0]["funds"][0]
    fund["executed"] = "6.50"
    r = api(
        drafter, "PUT", f"/documents/{doc_id}/tracking/{tid}", {"expected_version": 1, "content": content}
    )
    assert r.status_code == 200, r.content
    assert r.json()["content"]["projects"][0]["funds"][0]["executed"] == "6.50"
    assert r.json()["tracking"]["version"] == 2
    r = api(
        drafter, "PUT", f"/documents/{doc_id}/tracking/{tid}", {"expected_version": 1, "content": content}
    )
    assert (r.status_code, r.json()["code"]) == (409, "stale_version")
    r = api(drafter, "POST", f"/documents/{doc_id}/monitoring", {"month": 7})
    assert (r.status_code, r.json()["code"]) == (409, "invalid_transition")
    listed = api(cast["reviewer_r"], "GET", f"/documents/{doc_id}/tracking").json()
    assert [(t["kind"], t["month"], t["version"]) for t in listed] == [("monitoring", 7, 2)]
    audit = [e["action"] for e in api(drafter, "GET", f"/documents/{doc_id}/audit").json()]
    assert audit[-2:] == ["jixiao.tracking.started", "jixiao.tracking.saved"]
