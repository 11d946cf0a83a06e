"""API tokens: listed without the secret, revoked by their owner only, at once."""

from __future__ import annotations

import pytest

from tests.web.conftest import Api, Cast

pytestmark = pytest.mark.django_db


def test_revoke_own_token(api: Api, cast: Cast) -> None:
    drafter = cast["drafter_a"]
    tokens = api(drafter, "GET", "/me/tokens").json()
    assert [(t["name"], t["prefix"]) for t in tokens] == [("tests", (drafter.token or "")[:8])]
    assert drafter.token is not None
    assert all(drafter.token not in str(t) for t in tokens)
    # another account cannot revoke it, and is not told it exists
    r = api(cast["reviewer_r"], "DELETE", f"/me/tokens/{tokens[0]['id']}")
    assert (r.status_code, r.json()["code"]) == (404, "not_found")
    assert api(drafter, "GET", "/me").status_code == 200
    r = api(drafter, "DELETE", f"/me/tokens/{tokens[0]['id']}")
    assert (r.status_code, r.content) == (204, b"")
    assert api(drafter, "GET", "/me").status_code == 401
