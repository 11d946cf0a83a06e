"""Monitoring reports and self-evaluations of a document: create, read, list, and a conditional write."""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.utils import timezone

from jixiao.store.models import TrackingRecord
from jixiao.store.records import StaleWrite, TrackingRow


def _row(t: TrackingRecord) -> TrackingRow:
    return TrackingRow(
        t.pk,
        t.document_id,
        t.kind,
        t.month,
        t.based_on_version,
        t.version,
        dict(t.snapshot),
        t.created_at,
        t.updated_at,
    )


def exists(document_id: int, kind: str, month: int | None) -> bool:
    """True when the document already has a record of this kind (and month)."""
    return TrackingRecord.objects.filter(document_id=document_id, kind=kind, month=month).exists()


def create(
    document_id: int,
    kind: str,
    month: int | None,
    based_on_version: int,
    snapshot: dict[str, Any],
    user_id: int,
) -> TrackingRow:
    """A new record at version 1."""
    now = timezone.now()
    t = TrackingRecord.objects.create(
        document_id=document_id,
        kind=kind,
        month=month,
        based_on_version=based_on_version,
        snapshot=snapshot,
        created_by_id=user_id,
        created_at=now,
        updated_at=now,
    )
    return _row(t)


def get(document_id: int, tracking_id: int) -> TrackingRow | None:
    """A record of the document, or None."""
    t = TrackingRecord.objects.filter(pk=tracking_id, document_id=document_id).first()
    return _row(t) if t is not None else None


def for_document(document_id: int) -> list[TrackingRow]:
    """The document's records: monitoring by month, then self-evaluations."""
    return [_row(t) for t in TrackingRecord.objects.filter(document_id=document_id)]


def write(tracking_id: int, expected_version: int, snapshot: dict[str, Any]) -> TrackingRow:
    """Save new content if the record is still at ``expected_version``; else :class:`StaleWrite`."""
    changed = TrackingRecord.objects.filter(pk=tracking_id, version=expected_version).update(
        snapshot=snapshot, version=F("version") + 1, updated_at=timezone.now()
    )
    if changed != 1:
        current = TrackingRecord.objects.filter(pk=tracking_id).values_list("version", flat=True).first()
        raise StaleWrite(current)
    return _row(TrackingRecord.objects.get(pk=tracking_id))
