"""Loading a document for an actor: scope (404), permission (403), state (409); and writing the audit entry."""

from __future__ import annotations

from typing import Any

from jixiao.model.records import STATUS_LABELS
from jixiao.model.workflow import status_of
from jixiao.service import authz
from jixiao.service.actor import Actor
from jixiao.service.audit_actions import AUDIT_ACTIONS
from jixiao.service.errors import Forbidden, InvalidTransition, NotAuthenticated, NotFound
from jixiao.store import audit as store_audit
from jixiao.store import documents as store_documents
from jixiao.store.records import DocumentRow, ScopeClause

PUBLISHED = ScopeClause(statuses=frozenset({"published"}))


def scope_for(actor: Actor) -> tuple[ScopeClause, ...]:
    """The clauses of the documents an actor may see; mirrors :func:`jixiao.service.authz.can_see`."""
    if actor.role == "admin":
        return (ScopeClause(),)
    if actor.role == "drafter" and actor.unit_code:
        return (ScopeClause(unit_code=actor.unit_code), PUBLISHED)
    if actor.role == "reviewer" and actor.region_code:
        return (ScopeClause(region_code=actor.region_code, statuses=authz.REVIEWER_SEES), PUBLISHED)
    return (PUBLISHED,)


def doc_ref(row: DocumentRow) -> authz.DocRef:
    """The permission view of a stored document."""
    return authz.DocRef(row.unit_code, store_documents.region_path(row.region_code), status_of(row.status))


def load(actor: Actor, document_id: int, action: str = "document:view") -> DocumentRow:
    """The document if the actor may do ``action`` to it; else NotFound, Forbidden or InvalidTransition."""
    return load_ref(actor, document_id, action)[0]


def load_ref(
    actor: Actor, document_id: int, action: str = "document:view"
) -> tuple[DocumentRow, authz.DocRef]:
    """As :func:`load`, with the permission view of the document (to show what else the actor may do)."""
    row = store_documents.get(document_id)
    if row is None:
        raise NotFound("没有找到该绩效文本，或您没有查看权限。", {"document_id": document_id})
    ref = doc_ref(row)
    if not authz.can_see(actor, ref):
        raise NotFound("没有找到该绩效文本，或您没有查看权限。", {"document_id": document_id})
    if not authz.in_scope(actor, action, ref):
        if not actor.is_authenticated:
            raise NotAuthenticated("请先登录。")
        raise Forbidden("您没有权限执行此操作。", {"action": action})
    if not authz.state_allows(action, ref):
        label = STATUS_LABELS.get(row.status, row.status)
        raise InvalidTransition(
            f"绩效文本当前为“{label}”状态，不能执行此操作。", {"action": action, "status": row.status}
        )
    return row, ref


def require_login(actor: Actor) -> None:
    """Raise NotAuthenticated for the anonymous visitor."""
    if not actor.is_authenticated:
        raise NotAuthenticated("请先登录。")


def record(
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: str | int,
    *,
    document_id: int | None = None,
    before: int | None = None,
    after: int | None = None,
    data: dict[str, Any] | None = None,
) -> None:
    """Append the audit entry of a write, in the caller's transaction; the action code must be registered."""
    if action not in AUDIT_ACTIONS:
        raise KeyError(f"unregistered audit action {action!r}")
    store_audit.append(
        user_id=actor.user_id,
        role=actor.role,
        scope=actor.scope,
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        document_id=document_id,
        version_before=before,
        version_after=after,
        data=data,
        request_id=actor.request_id,
        ip=actor.ip,
    )
