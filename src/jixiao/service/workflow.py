"""The workflow: the one function that changes a document's status, over the table in ``jixiao.model.workflow``.

Submit, return with comments, approve with a grade (which locks the targets), publish, adjust after approval
(a new draft with a reason, reviewed again). Each is one transaction with its audit entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from jixiao.model.records import STATUS_LABELS
from jixiao.model.workflow import ACTION_LABELS, GRADES, WorkflowAction, next_status, status_of
from jixiao.service.access import load, record
from jixiao.service.actor import Actor
from jixiao.service.audit_actions import WORKFLOW_AUDIT
from jixiao.service.authz import WORKFLOW_OF
from jixiao.service.errors import InvalidTransition, ValidationFailed
from jixiao.service.review import check_path
from jixiao.service.targets import DocumentView, _expect, _stale, _view
from jixiao.store import documents as store_documents
from jixiao.store import uow
from jixiao.store.records import DocumentRow, StaleWrite

PERMISSION: dict[WorkflowAction, str] = {v: k for k, v in WORKFLOW_OF.items()}


def transition(
    actor: Actor,
    document_id: int,
    action: WorkflowAction,
    expected_version: int,
    *,
    reason: str = "",
    grade: str | None = None,
    comments: Sequence[tuple[str, str]] = (),
) -> DocumentView:
    """Move a document along the workflow; the only code that changes ``status``."""
    row = _load_for(actor, document_id, action)
    _expect(row, expected_version)
    status = status_of(row.status)
    target = next_status(status, action)
    assert target is not None  # load() checked the table
    reason = reason.strip()
    fields: dict[str, Any] = {}
    if action == "return" and not (reason or comments):
        raise ValidationFailed("退回修改时请写明原因或审核意见。", {"field": "reason"})
    if action == "adjust" and not reason:
        raise ValidationFailed("调整已批准的绩效目标须说明理由。", {"field": "reason"})
    if action == "approve":
        if grade not in GRADES:
            raise ValidationFailed(
                "审核通过须给出审核结果：优、良、中或差。", {"field": "grade", "known": list(GRADES)}
            )
        fields = {"grade": grade, "approved_version": expected_version + 1, "locked_at": datetime.now(UTC)}
    elif action == "adjust":
        fields = {"grade": "", "locked_at": None}
    elif grade is not None:
        raise ValidationFailed("只有审核通过时才给出审核结果。", {"field": "grade"})
    snapshot = store_documents.snapshot(document_id) or {}
    for path, _ in comments:
        check_path(snapshot, path)
    snapshot = {**snapshot, "status": target}
    from jixiao.store.mapping import checksum

    with uow.atomic():
        try:
            new = store_documents.write(
                document_id,
                expected_version,
                user_id=actor.user_id,
                action=action,
                status=target,
                snapshot=(snapshot, checksum(snapshot)),
                reason=reason,
                fields=fields,
            )
        except StaleWrite as exc:
            raise _stale(exc.current_version, expected_version) from None
        added = []
        for path, text in comments:
            if actor.user_id is None:
                break
            comment = store_documents.add_comment(document_id, new.version, path, text.strip(), actor.user_id)
            added.append({"id": comment.id, "path": path, "text": comment.text})
        data: dict[str, Any] = {"status": {"old": status, "new": target}, "reason": reason}
        if grade is not None:
            data["grade"] = grade
        if added:
            data["comments"] = added
        record(
            actor,
            WORKFLOW_AUDIT[action],
            "document",
            document_id,
            document_id=document_id,
            before=expected_version,
            after=new.version,
            data=data,
        )
    return _view(actor, new, snapshot)


def _load_for(actor: Actor, document_id: int, action: WorkflowAction) -> DocumentRow:
    try:
        return load(actor, document_id, PERMISSION[action])
    except InvalidTransition as exc:
        status = str(exc.details.get("status", ""))
        if status in STATUS_LABELS and next_status(status_of(status), action) is None:
            already = _already(status, action)
            raise InvalidTransition(already or exc.message, exc.details) from None
        raise


def _already(status: str, action: WorkflowAction) -> str | None:
    done = {"submit": "submitted", "return": "returned", "approve": "approved", "publish": "published"}
    if done.get(action) == status:
        return f"绩效文本已经是“{STATUS_LABELS[status]}”状态，无需再次{ACTION_LABELS[action]}。"
    return None


def submit(actor: Actor, document_id: int, expected_version: int) -> DocumentView:
    """送审: a draft or returned document goes to its reviewers."""
    return transition(actor, document_id, "submit", expected_version)


def return_for_revision(
    actor: Actor,
    document_id: int,
    expected_version: int,
    reason: str,
    comments: Sequence[tuple[str, str]] = (),
) -> DocumentView:
    """退回修改 with a reason and comments on the document, projects or indicators."""
    return transition(actor, document_id, "return", expected_version, reason=reason, comments=comments)


def approve(
    actor: Actor, document_id: int, expected_version: int, grade: str, reason: str = ""
) -> DocumentView:
    """审核通过 with a grade 优/良/中/差; the approved targets are locked."""
    return transition(actor, document_id, "approve", expected_version, grade=grade, reason=reason)


def publish(actor: Actor, document_id: int, expected_version: int) -> DocumentView:
    """公开 an approved document."""
    return transition(actor, document_id, "publish", expected_version)


def adjust(actor: Actor, document_id: int, expected_version: int, reason: str) -> DocumentView:
    """调整 after approval: a new working draft, with the reason, to be reviewed again."""
    return transition(actor, document_id, "adjust", expected_version, reason=reason)
