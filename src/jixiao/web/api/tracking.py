"""Monitoring (监控) and self-evaluation (自评) of an approved document: start, list, read with lights or
scores, save with the version read. Registered on the documents router.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Schema, Status

from jixiao.model import MonitoringReport
from jixiao.model.serialize_tracking import monitoring_report_to_dict, self_evaluation_to_dict
from jixiao.service import yearly
from jixiao.service.types import TrackingRow
from jixiao.web.api.auth import actor
from jixiao.web.api.documents import ERRORS, router

ScoringName = Literal["central", "hubei", "sichuan"]


class TrackingOut(Schema):
    """A monitoring report or self-evaluation, without its content."""

    id: int
    kind: Literal["monitoring", "self_evaluation"]
    month: int | None
    based_on_version: int
    version: int
    created_at: datetime
    updated_at: datetime


class TrackingDetailOut(Schema):
    """The record in its JSON form and what is computed from it (lights or scores)."""

    tracking: TrackingOut
    content: dict[str, Any]
    computed: dict[str, Any]


class MonitoringIn(Schema):
    """Which months the monitoring covers (1–month月) and the scoring preset."""

    month: int = Field(ge=1, le=12)
    scoring: ScoringName | None = None


class SelfEvaluationIn(Schema):
    """The scoring preset of a self-evaluation (default: the central one)."""

    scoring: ScoringName | None = None


class TrackingUpdateIn(Schema):
    """Filled-in content, with the version it was read at."""

    expected_version: int = Field(ge=1)
    content: dict[str, Any]


def _out(row: TrackingRow) -> TrackingOut:
    return TrackingOut(
        id=row.id,
        kind=row.kind,  # type: ignore[arg-type]
        month=row.month,
        based_on_version=row.based_on_version,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _detail(view: yearly.TrackingView) -> TrackingDetailOut:
    rec = view.record
    content = (
        monitoring_report_to_dict(rec) if isinstance(rec, MonitoringReport) else self_evaluation_to_dict(rec)
    )
    return TrackingDetailOut(tracking=_out(view.row), content=content, computed=view.computed)


@router.get(
    "/{int:document_id}/tracking", response={200: list[TrackingOut], **ERRORS}, url_name="list_tracking"
)
def list_tracking(request: HttpRequest, document_id: int) -> list[TrackingOut]:
    """该绩效文本的绩效监控与绩效自评。"""
    return [_out(r) for r in yearly.list_tracking(actor(request), document_id)]


@router.post(
    "/{int:document_id}/monitoring", response={201: TrackingDetailOut, **ERRORS}, url_name="start_monitoring"
)
def start_monitoring(request: HttpRequest, document_id: int, body: MonitoringIn) -> Status[TrackingDetailOut]:
    """据批复的绩效目标开始 1–N 月的绩效运行监控（目标锁定）。"""
    return Status(
        201, _detail(yearly.start_monitoring(actor(request), document_id, body.month, body.scoring))
    )


@router.post(
    "/{int:document_id}/self-evaluation",
    response={201: TrackingDetailOut, **ERRORS},
    url_name="start_self_evaluation",
)
def start_self_evaluation(
    request: HttpRequest, document_id: int, body: SelfEvaluationIn
) -> Status[TrackingDetailOut]:
    """据批复的绩效目标开始绩效自评（目标锁定，分值按评分方案）。"""
    return Status(201, _detail(yearly.start_self_evaluation(actor(request), document_id, body.scoring)))


@router.get(
    "/{int:document_id}/tracking/{int:tracking_id}",
    response={200: TrackingDetailOut, **ERRORS},
    url_name="get_tracking",
)
def get_tracking(request: HttpRequest, document_id: int, tracking_id: int) -> TrackingDetailOut:
    """读取监控表（含预警灯）或自评表（含重新计算的得分）。"""
    return _detail(yearly.get_tracking(actor(request), document_id, tracking_id))


@router.put(
    "/{int:document_id}/tracking/{int:tracking_id}",
    response={200: TrackingDetailOut, **ERRORS},
    url_name="save_tracking",
)
def save_tracking(
    request: HttpRequest, document_id: int, tracking_id: int, body: TrackingUpdateIn
) -> TrackingDetailOut:
    """保存填写的执行情况或实际完成值；须带读取时的版本号，绩效目标不可改。"""
    view = yearly.save_tracking(actor(request), document_id, tracking_id, body.expected_version, body.content)
    return _detail(view)
