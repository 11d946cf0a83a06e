"""The workflow of a target document as data: states, actions and the one transition table (WEB.md P8).

草案 → 送审 → 退回 ↺ | 审核通过 → 公开; after approval a change is an 调整 that starts a new draft with a reason.
Pure: the service enforces it together with the permissions; nothing else changes a document's status.
"""

from __future__ import annotations

from typing import Literal

from jixiao.model.records import STATUSES, Status

WorkflowAction = Literal["submit", "return", "approve", "publish", "adjust"]
WORKFLOW_ACTIONS: tuple[WorkflowAction, ...] = ("submit", "return", "approve", "publish", "adjust")
ACTION_LABELS: dict[str, str] = {
    "submit": "送审",
    "return": "退回修改",
    "approve": "审核通过",
    "publish": "公开",
    "adjust": "调整",
}

TRANSITIONS: dict[tuple[Status, WorkflowAction], Status] = {
    ("draft", "submit"): "submitted",
    ("returned", "submit"): "submitted",
    ("submitted", "return"): "returned",
    ("submitted", "approve"): "approved",
    ("approved", "publish"): "published",
    ("approved", "adjust"): "draft",
    ("published", "adjust"): "draft",
}

EDITABLE: frozenset[Status] = frozenset({"draft", "returned"})
LOCKED: frozenset[Status] = frozenset({"approved", "published"})

Grade = Literal["优", "良", "中", "差"]
GRADES: tuple[Grade, ...] = ("优", "良", "中", "差")


def next_status(status: Status, action: WorkflowAction) -> Status | None:
    """The state ``action`` leads to from ``status``, or None when the table has no such transition."""
    return TRANSITIONS.get((status, action))


def actions_from(status: Status) -> tuple[WorkflowAction, ...]:
    """The workflow actions the table allows from ``status``, in table order."""
    return tuple(a for (s, a) in TRANSITIONS if s == status)


def status_of(name: str) -> Status:
    """The status named ``name``; raises ValueError for a name that is not a workflow state."""
    for status in STATUSES:
        if status == name:
            return status
    raise ValueError(f"unknown status {name!r}")
