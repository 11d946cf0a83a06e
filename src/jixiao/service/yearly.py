"""The year after approval, in the store: start monitoring (by month) or a self-evaluation of an approved
document from its approved version (targets locked), read them with their lights or scores, save them with the
version read. Writes are audited like every other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jixiao.model import MonitoringReport, SelfEvaluation
from jixiao.model.serialize import SchemaError
from jixiao.model.serialize_tracking import (
    monitoring_report_from_dict,
    monitoring_report_to_dict,
    self_evaluation_from_dict,
    self_evaluation_to_dict,
)
from jixiao.service.access import load, record
from jixiao.service.actor import Actor
from jixiao.service.errors import InvalidTransition, NotFound, StaleVersion, ValidationFailed
from jixiao.store import documents as store_documents
from jixiao.store import tracking as store_tracking
from jixiao.store import uow
from jixiao.store.mapping import document_from_snapshot
from jixiao.store.records import StaleWrite, TrackingRow

KIND_LABELS = {"monitoring": "绩效运行监控", "self_evaluation": "绩效自评"}


@dataclass(frozen=True)
class TrackingView:
    """A monitoring report or self-evaluation with what is computed from it (lights or scores)."""

    row: TrackingRow
    record: SelfEvaluation | MonitoringReport
    computed: dict[str, Any]


def _scoring(name: str | None) -> Any:
    from jixiao.scoring import scoring_profile

    if not name:
        return None
    try:
        return scoring_profile(name)
    except ValueError as exc:
        raise ValidationFailed(str(exc), {"scoring": name}) from None


def _approved_targets(document_id: int, approved_version: int | None) -> Any:
    if approved_version is None:  # pragma: no cover - approved documents always have one
        raise InvalidTransition("该绩效文本尚未审核通过。")
    data = store_documents.snapshot(document_id, approved_version)
    assert data is not None
    return document_from_snapshot(data)


def start_monitoring(actor: Actor, document_id: int, month: int, scoring: str | None = None) -> TrackingView:
    """Start the 监控 of 1–``month``月 from the approved targets (one per month)."""
    from jixiao.scoring import start_monitoring as start

    row = load(actor, document_id, "document:track")
    if not 1 <= month <= 12:
        raise ValidationFailed("监控月份应在 1–12 之间。", {"month": month})
    if store_tracking.exists(document_id, "monitoring", month):
        raise InvalidTransition(f"1–{month}月的绩效监控已经开始，无需重复创建。", {"month": month})
    report = start(_approved_targets(document_id, row.approved_version), month, profile=_scoring(scoring))
    return _create(
        actor, row.id, "monitoring", month, row.approved_version or 0, monitoring_report_to_dict(report)
    )


def start_self_evaluation(actor: Actor, document_id: int, scoring: str | None = None) -> TrackingView:
    """Start the 自评 from the approved targets (one per document)."""
    from jixiao.scoring import start_self_evaluation as start

    row = load(actor, document_id, "document:track")
    if store_tracking.exists(document_id, "self_evaluation", None):
        raise InvalidTransition("绩效自评已经开始，无需重复创建。")
    evaluation = start(_approved_targets(document_id, row.approved_version), profile=_scoring(scoring))
    data = self_evaluation_to_dict(evaluation)
    return _create(actor, row.id, "self_evaluation", None, row.approved_version or 0, data)


def _create(
    actor: Actor, document_id: int, kind: str, month: int | None, based_on: int, data: dict[str, Any]
) -> TrackingView:
    assert actor.user_id is not None  # document:track needs an account
    with uow.atomic():
        created = store_tracking.create(document_id, kind, month, based_on, data, actor.user_id)
        record(
            actor,
            "jixiao.tracking.started",
            kind,
            created.id,
            document_id=document_id,
            after=created.version,
            data={"kind": kind, "month": month, "based_on_version": based_on},
        )
    return _view(created)


def _record(row: TrackingRow) -> SelfEvaluation | MonitoringReport:
    if row.kind == "monitoring":
        return monitoring_report_from_dict(row.snapshot)
    return self_evaluation_from_dict(row.snapshot)


def _view(row: TrackingRow) -> TrackingView:
    from jixiao.exporters.score_report import evaluation_to_dict, progress_to_dict
    from jixiao.scoring import monitor_report, score_self_evaluation

    rec = _record(row)
    try:
        if isinstance(rec, MonitoringReport):
            computed = progress_to_dict(rec, monitor_report(rec))
        else:
            computed = evaluation_to_dict(rec, score_self_evaluation(rec))
    except ValueError as exc:  # a scoring profile the record names but jixiao does not know
        computed = {"error": str(exc)}
    return TrackingView(row, rec, computed)


def list_tracking(actor: Actor, document_id: int) -> list[TrackingRow]:
    """The document's monitoring reports and self-evaluation."""
    load(actor, document_id, "document:history")
    return store_tracking.for_document(document_id)


def get_tracking(actor: Actor, document_id: int, tracking_id: int) -> TrackingView:
    """One monitoring report or self-evaluation with its lights or scores."""
    load(actor, document_id, "document:history")
    row = store_tracking.get(document_id, tracking_id)
    if row is None:
        raise NotFound("没有找到该监控或自评记录。", {"tracking_id": tracking_id})
    return _view(row)


def save_tracking(
    actor: Actor, document_id: int, tracking_id: int, expected_version: int, content: object
) -> TrackingView:
    """Save filled-in progress or actuals, if the record is still at the version read; the targets stay locked."""
    load(actor, document_id, "document:track")
    row = store_tracking.get(document_id, tracking_id)
    if row is None:
        raise NotFound("没有找到该监控或自评记录。", {"tracking_id": tracking_id})
    try:
        new: SelfEvaluation | MonitoringReport = (
            monitoring_report_from_dict(content)
            if row.kind == "monitoring"
            else self_evaluation_from_dict(content)
        )
    except (SchemaError, ValueError) as exc:
        raise ValidationFailed(f"{KIND_LABELS[row.kind]}格式不正确：{exc}") from None
    old = _record(row)
    if new.targets != old.targets or list(new.tracked_targets()) != list(old.tracked_targets()):
        raise ValidationFailed("批复的绩效目标已锁定：监控和自评不能修改项目与指标值。", {"field": "targets"})
    data = (
        monitoring_report_to_dict(new) if isinstance(new, MonitoringReport) else self_evaluation_to_dict(new)
    )
    with uow.atomic():
        try:
            saved = store_tracking.write(tracking_id, expected_version, data)
        except StaleWrite as exc:
            raise StaleVersion(
                f"该{KIND_LABELS[row.kind]}已被他人修改（当前版本 {exc.current_version}），本次保存没有写入。",
                {"current_version": exc.current_version, "expected_version": expected_version},
            ) from None
        record(
            actor,
            "jixiao.tracking.saved",
            row.kind,
            tracking_id,
            document_id=document_id,
            before=expected_version,
            after=saved.version,
        )
    return _view(saved)
