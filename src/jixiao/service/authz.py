"""Permissions as data: action names, the role → actions table, and predicates on scope and state (WEB.md P3).

Pure: no database. The service enforces these; pages only ask :func:`allowed` to show or hide a button.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.model.records import Status
from jixiao.model.workflow import EDITABLE, LOCKED, WorkflowAction, next_status
from jixiao.service.actor import Actor, Role

ACTIONS = (
    "document:view",
    "document:history",
    "document:create",
    "document:edit",
    "document:comment",
    "document:submit",
    "document:review",
    "document:approve",
    "document:publish",
    "document:adjust",
    "document:track",
    "account:manage",
)

ROLE_ACTIONS: dict[Role, frozenset[str]] = {
    "anonymous": frozenset({"document:view"}),
    "public": frozenset({"document:view"}),
    "drafter": frozenset(
        {
            "document:view",
            "document:history",
            "document:create",
            "document:edit",
            "document:comment",
            "document:submit",
            "document:adjust",
            "document:track",
        }
    ),
    "reviewer": frozenset(
        {
            "document:view",
            "document:history",
            "document:comment",
            "document:review",
            "document:approve",
            "document:publish",
        }
    ),
    "admin": frozenset({"document:view", "document:history", "account:manage"}),
}

# which workflow action each permission stands for (state comes from the transition table)
WORKFLOW_OF: dict[str, WorkflowAction] = {
    "document:submit": "submit",
    "document:review": "return",
    "document:approve": "approve",
    "document:publish": "publish",
    "document:adjust": "adjust",
}

REVIEWER_SEES: frozenset[Status] = frozenset({"submitted", "returned", "approved", "published"})


@dataclass(frozen=True)
class DocRef:
    """What permissions look at in a document: its unit, its region with the regions above, its status."""

    unit_code: str
    regions: tuple[str, ...]
    status: Status


def in_unit(actor: Actor, doc: DocRef) -> bool:
    """The actor drafts for the document's unit."""
    return actor.role == "drafter" and actor.unit_code == doc.unit_code


def in_region(actor: Actor, doc: DocRef) -> bool:
    """The actor reviews the document's region or a region above it."""
    return actor.role == "reviewer" and actor.region_code in doc.regions


def can_see(actor: Actor, doc: DocRef) -> bool:
    """Whether the actor may know the document exists (outside this, a lookup is "not found")."""
    if doc.status == "published" or actor.role == "admin":
        return True
    if actor.role == "reviewer":
        return in_region(actor, doc) and doc.status in REVIEWER_SEES
    return in_unit(actor, doc)


def in_scope(actor: Actor, action: str, doc: DocRef) -> bool:
    """The role has the action and the document is within the actor's unit or region for it."""
    if action not in ROLE_ACTIONS[actor.role]:
        return False
    if action in {"document:view", "account:manage"}:
        return True
    if actor.role == "admin":
        return True
    return in_unit(actor, doc) or in_region(actor, doc)


def state_allows(action: str, doc: DocRef) -> bool:
    """The document's status allows the action."""
    if action == "document:edit":
        return doc.status in EDITABLE
    if action == "document:track":
        return doc.status in LOCKED
    if action in WORKFLOW_OF:
        return next_status(doc.status, WORKFLOW_OF[action]) is not None
    return True


def allowed(actor: Actor, action: str, doc: DocRef) -> bool:
    """Whether the actor may do the action to the document now (for showing buttons)."""
    return can_see(actor, doc) and in_scope(actor, action, doc) and state_allows(action, doc)


def allowed_actions(actor: Actor, doc: DocRef) -> tuple[str, ...]:
    """Every action the actor may do to the document now, in :data:`ACTIONS` order."""
    return tuple(a for a in ACTIONS if a != "account:manage" and allowed(actor, a, doc))
