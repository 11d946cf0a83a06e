"""Audit entries carry the request id and address; a changed grant takes effect on the next request."""

from __future__ import annotations

import pytest

from jixiao.store.models import Grant, Unit  # the test changes a grant behind the service's back
from tests.web.conftest import Api, Cast

pytestmark = pytest.mark.django_db


def test_audit_entry_has_the_request_id_and_address(api: Api, cast: Cast) -> None:
    r = api(
        cast["drafter_a"],
        "POST",
        f"/documents/{cast.docs['A']}/submit",
        {"expected_version": 1},
        headers={"X-Request-ID": "req-42"},
    )
    assert (r.status_code, r["X-Request-ID"]) == (200, "req-42")
    entry = api(cast["drafter_a"], "GET", f"/documents/{cast.docs['A']}/audit").json()[-1]
    assert (entry["action"], entry["request_id"], entry["actor_role"], entry["actor_scope"]) == (
        "jixiao.document.submitted",
        "req-42",
        "drafter",
        "unit:A",
    )


def test_a_moved_drafter_loses_the_old_unit_at_once(api: Api, cast: Cast) -> None:
    drafter = cast["drafter_a"]
    assert api(drafter, "GET", f"/documents/{cast.docs['A']}").status_code == 200
    Grant.objects.filter(user__username="drafter_a").update(unit=Unit.objects.get(code="B"))
    assert api(drafter, "GET", f"/documents/{cast.docs['A']}").status_code == 404
    assert api(drafter, "GET", f"/documents/{cast.docs['B']}").status_code == 200
