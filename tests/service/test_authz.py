"""Permissions without HTTP: (role, scope, state) → allowed, as tables (WEB.md P3)."""

from __future__ import annotations

import pytest

from jixiao.model.records import STATUSES, Status
from jixiao.model.workflow import TRANSITIONS, actions_from, next_status, status_of
from jixiao.service.actor import ANONYMOUS, Actor
from jixiao.service.authz import ACTIONS, ROLE_ACTIONS, DocRef, allowed, allowed_actions, can_see

DRAFTER_A = Actor(1, "drafter", unit_code="A")
REVIEWER_R = Actor(2, "reviewer", region_code="R")
REVIEWER_S = Actor(3, "reviewer", region_code="S")
ADMIN = Actor(4, "admin")
PUBLIC = Actor(5, "public")


def doc(status: Status, unit: str = "A", regions: tuple[str, ...] = ("R1", "R")) -> DocRef:
    return DocRef(unit, regions, status)


@pytest.mark.parametrize(
    ("actor", "status", "unit", "expected"),
    [
        (DRAFTER_A, "draft", "A", True),
        (DRAFTER_A, "draft", "B", False),
        (DRAFTER_A, "published", "B", True),
        (REVIEWER_R, "draft", "A", False),
        (REVIEWER_R, "submitted", "A", True),
        (REVIEWER_S, "submitted", "A", False),
        (REVIEWER_S, "published", "A", True),
        (PUBLIC, "approved", "A", False),
        (PUBLIC, "published", "A", True),
        (ANONYMOUS, "draft", "A", False),
        (ANONYMOUS, "published", "A", True),
        (ADMIN, "draft", "B", True),
    ],
)
def test_who_sees_what(actor: Actor, status: Status, unit: str, expected: bool) -> None:
    assert can_see(actor, doc(status, unit)) is expected


@pytest.mark.parametrize(
    ("actor", "status", "expected"),
    [
        (
            DRAFTER_A,
            "draft",
            (
                "document:view",
                "document:history",
                "document:create",
                "document:edit",
                "document:comment",
                "document:submit",
            ),
        ),
        (
            DRAFTER_A,
            "returned",
            (
                "document:view",
                "document:history",
                "document:create",
                "document:edit",
                "document:comment",
                "document:submit",
            ),
        ),
        (
            DRAFTER_A,
            "submitted",
            ("document:view", "document:history", "document:create", "document:comment"),
        ),
        (
            DRAFTER_A,
            "approved",
            (
                "document:view",
                "document:history",
                "document:create",
                "document:comment",
                "document:adjust",
                "document:track",
            ),
        ),
        (
            REVIEWER_R,
            "submitted",
            ("document:view", "document:history", "document:comment", "document:review", "document:approve"),
        ),
        (
            REVIEWER_R,
            "approved",
            ("document:view", "document:history", "document:comment", "document:publish"),
        ),
        (REVIEWER_R, "published", ("document:view", "document:history", "document:comment")),
        (REVIEWER_S, "published", ("document:view",)),
        (REVIEWER_S, "submitted", ()),
        (ADMIN, "submitted", ("document:view", "document:history")),
        (PUBLIC, "published", ("document:view",)),
    ],
)
def test_allowed_actions_by_role_and_state(actor: Actor, status: Status, expected: tuple[str, ...]) -> None:
    assert allowed_actions(actor, doc(status)) == expected


def test_other_units_drafter_may_do_nothing_but_read_published() -> None:
    assert allowed_actions(DRAFTER_A, doc("published", unit="B")) == ("document:view",)
    assert not allowed(DRAFTER_A, "document:edit", doc("draft", unit="B"))


def test_every_role_action_is_a_known_action() -> None:
    assert set().union(*ROLE_ACTIONS.values()) <= set(ACTIONS)


def test_transition_table() -> None:
    assert [(s, actions_from(s)) for s in STATUSES] == [
        ("draft", ("submit",)),
        ("submitted", ("return", "approve")),
        ("returned", ("submit",)),
        ("approved", ("publish", "adjust")),
        ("published", ("adjust",)),
    ]
    assert next_status("draft", "approve") is None
    assert all(status_of(t) == t for t in TRANSITIONS.values())
    with pytest.raises(ValueError, match="unknown status"):
        status_of("lost")
