"""The whole workflow through the API, as issue 6 asks: import → check → submit → return with a comment on one
indicator → fix and resubmit → approve with a grade → publish → the public sees it and nobody else's drafts.
"""

from __future__ import annotations

import copy
import io

import pytest

from tests.web.conftest import EXAMPLE, Api, Cast

pytestmark = pytest.mark.django_db


def test_whole_workflow(api: Api, cast: Cast) -> None:
    drafter, reviewer, public = cast["drafter_a"], cast["reviewer_r"], cast["public"]
    upload = io.BytesIO(EXAMPLE.read_bytes())
    upload.name = EXAMPLE.name
    r = api(drafter, "POST", "/documents", data={"file": upload, "unit_code": "A"})
    assert r.status_code == 201, r.content
    created = r.json()
    doc_id, version = created["document"]["id"], created["document"]["version"]
    assert (created["document"]["status"], version, len(created["projects"])) == ("draft", 1, 6)
    assert created["projects"][0]["budget_total"] == "13.00"

    r = api(drafter, "GET", f"/documents/{doc_id}/findings", {"profile": "hebei-county"})
    assert r.status_code == 200
    assert r.json()["counts"]["error"] >= 1

    r = api(drafter, "POST", f"/documents/{doc_id}/submit", {"expected_version": version})
    assert (r.status_code, r.json()["document"]["status"]) == (200, "submitted")
    version = r.json()["document"]["version"]

    # the drafter can no longer edit a submitted document
    r = api(
        drafter, "PUT", f"/documents/{doc_id}", {"expected_version": version, "content": created["content"]}
    )
    assert (r.status_code, r.json()["code"]) == (409, "invalid_transition")

    path = "projects[0].indicators[0]"
    r = api(
        reviewer,
        "POST",
        f"/documents/{doc_id}/return",
        {
            "expected_version": version,
            "reason": "指标值缺少运算符",
            "comments": [{"path": path, "text": "请写明 ≥ 或 ＝"}],
        },
    )
    assert (r.status_code, r.json()["document"]["status"]) == (200, "returned")
    version = r.json()["document"]["version"]

    r = api(drafter, "GET", f"/documents/{doc_id}/comments")
    assert [(c["path"], c["text"], c["author"]) for c in r.json()] == [(path, "请写明 ≥ 或 ＝", "reviewer_r")]

    content = copy.deepcopy(api(drafter, "GET", f"/documents/{doc_id}").json()["content"])
    indicator = content["projects"][0]["indicators"][0]
    assert indicator["value"]["raw"] == "242 人数"
    indicator["value"] = {"raw": "≥242人"}
    r = api(
        drafter,
        "PUT",
        f"/documents/{doc_id}",
        {"expected_version": version, "content": content, "reason": "按审核意见修改"},
    )
    assert r.status_code == 200, r.content
    assert r.json()["content"]["projects"][0]["indicators"][0]["value"]["operator"] == "≥"
    version = r.json()["document"]["version"]

    r = api(drafter, "POST", f"/documents/{doc_id}/submit", {"expected_version": version})
    version = r.json()["document"]["version"]
    r = api(reviewer, "POST", f"/documents/{doc_id}/approve", {"expected_version": version, "grade": "良"})
    assert (
        r.json()["document"]["status"],
        r.json()["document"]["grade"],
        r.json()["document"]["locked"],
    ) == (
        "approved",
        "良",
        True,
    )
    version = r.json()["document"]["version"]
    r = api(reviewer, "POST", f"/documents/{doc_id}/publish", {"expected_version": version})
    assert r.json()["document"]["status"] == "published"

    # the public reader sees the published document and nobody's drafts (A's, B's and C's drafts exist)
    r = api(public, "GET", "/documents")
    assert [d["id"] for d in r.json()["items"]] == [doc_id]
    assert api(public, "GET", f"/documents/{doc_id}").status_code == 200
    for other in cast.docs.values():
        assert api(public, "GET", f"/documents/{other}").status_code == 404
    assert [d["id"] for d in api(cast["anonymous"], "GET", "/documents").json()["items"]] == [doc_id]

    r = api(drafter, "GET", f"/documents/{doc_id}/audit")
    steps = [(e["action"], e["actor"], e["version_before"], e["version_after"]) for e in r.json()]
    assert steps == [
        ("jixiao.document.imported", "drafter_a", None, 1),
        ("jixiao.document.submitted", "drafter_a", 1, 2),
        ("jixiao.document.returned", "reviewer_r", 2, 3),
        ("jixiao.document.edited", "drafter_a", 3, 4),
        ("jixiao.document.submitted", "drafter_a", 4, 5),
        ("jixiao.document.approved", "reviewer_r", 5, 6),
        ("jixiao.document.published", "reviewer_r", 6, 7),
    ]
    edited = r.json()[3]["data"]["changes"]
    assert edited["projects[0].indicators[0].value.raw"] == {"old": "242 人数", "new": "≥242人"}

    r = api(drafter, "GET", f"/documents/{doc_id}/diff", {"old": 3, "new": 4})
    assert ("projects[0].indicators[0].value.raw", "242 人数", "≥242人") in [
        (c["path"], c["old"], c["new"]) for c in r.json()
    ]
    versions = api(drafter, "GET", f"/documents/{doc_id}/versions").json()
    assert [(v["number"], v["status"], v["is_current"]) for v in versions] == [
        (1, "draft", False),
        (2, "submitted", False),
        (3, "returned", False),
        (4, "returned", False),
        (5, "submitted", False),
        (6, "approved", False),
        (7, "published", True),
    ]
