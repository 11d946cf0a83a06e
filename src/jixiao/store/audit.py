"""The only writer of the audit log."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from jixiao.store.models import AuditEntry
from jixiao.store.records import AuditRow

SECRET_KEYS = frozenset({"password", "token", "secret", "key"})


def _masked(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: "***" if k in SECRET_KEYS else _masked(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_masked(v) for v in data]
    return data


def append(
    *,
    user_id: int | None,
    role: str,
    scope: str,
    action: str,
    subject_type: str,
    subject_id: str,
    document_id: int | None = None,
    version_before: int | None = None,
    version_after: int | None = None,
    data: dict[str, Any] | None = None,
    request_id: str = "",
    ip: str | None = None,
) -> None:
    """Append one entry; secrets in ``data`` are masked."""
    AuditEntry.objects.create(
        at=timezone.now(),
        actor_id=user_id,
        actor_role=role,
        actor_scope=scope,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        document_id=document_id,
        version_before=version_before,
        version_after=version_after,
        data=_masked(data or {}),
        request_id=request_id,
        ip=ip,
    )


def entries(document_id: int | None = None) -> list[AuditRow]:
    """Audit entries, oldest first; of one document when given."""
    qs = AuditEntry.objects.select_related("actor")
    if document_id is not None:
        qs = qs.filter(document_id=document_id)
    return [
        AuditRow(
            e.pk,
            e.at,
            e.actor.username if e.actor else None,
            e.actor_role,
            e.actor_scope,
            e.action,
            e.subject_type,
            e.subject_id,
            e.document_id,
            e.version_before,
            e.version_after,
            dict(e.data),
            e.request_id,
        )
        for e in qs
    ]


def count() -> int:
    """How many entries the log holds."""
    return AuditEntry.objects.count()
