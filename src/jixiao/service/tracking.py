"""Use cases of the year after approval: start monitoring or a self-evaluation from targets, score a file."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from jixiao.exporters.score_report import (
    evaluation_html,
    evaluation_text,
    evaluation_to_dict,
    progress_html,
    progress_text,
    progress_to_dict,
)
from jixiao.importers import UnreadableError
from jixiao.model import AnyDocument, Finding, MonitoringReport, PerformanceDocument, SelfEvaluation
from jixiao.scoring import (
    EvaluationScore,
    ReportProgress,
    ScoringProfile,
    monitor_report,
    score_self_evaluation,
    scoring_profile,
    start_monitoring,
    start_self_evaluation,
)
from jixiao.service.documents import read_any_file, read_file, write_any_file


class Started(NamedTuple):
    """A monitoring report or self-evaluation written from targets, and notes for the user."""

    record: SelfEvaluation | MonitoringReport
    notes: tuple[str, ...]


def _targets(path: str | Path, fmt: str | None) -> tuple[PerformanceDocument, list[str]]:
    result = read_file(path, fmt)
    doc = result.document
    if not doc.projects:
        raise UnreadableError(
            "没有读到任何项目的绩效目标表，无法据此开始。请确认这是绩效目标文本。", str(path)
        )
    notes = []
    if doc.status not in ("approved", "published"):
        notes.append("提示：该绩效目标文本未标为“审核通过”或“公开”；自评和监控应依据批复的绩效目标。")
    errors = sum(1 for f in result.findings if f.severity == "error")
    if errors:
        notes.append(f"提示：读取目标文本时有 {errors} 个错误，请先用 jixiao check 核对。")
    return doc, notes


def _scoring(name: str | None) -> ScoringProfile | None:
    """The preset a user named (None when none was named); UnreadableError for an unknown name."""
    if not name:
        return None
    try:
        return scoring_profile(name)
    except ValueError as exc:
        raise UnreadableError(str(exc), "--scoring") from None


def new_self_evaluation(
    targets: str | Path, output: str | Path, *, scoring: str | None = None, fmt: str | None = None
) -> Started:
    """Write a blank self-evaluation started from a target file; targets locked, weights from the profile."""
    doc, notes = _targets(targets, fmt)
    record = start_self_evaluation(doc, profile=_scoring(scoring))
    write_any_file(record, output)
    return Started(record, tuple(notes))


def new_monitoring(
    targets: str | Path,
    output: str | Path,
    month: int,
    *,
    scoring: str | None = None,
    fmt: str | None = None,
) -> Started:
    """Write a blank monitoring report for 1–month月 started from a target file."""
    doc, notes = _targets(targets, fmt)
    try:
        record = start_monitoring(doc, month, profile=_scoring(scoring))
    except ValueError as exc:
        raise UnreadableError(str(exc), "--month") from None
    write_any_file(record, output)
    return Started(record, tuple(notes))


class Scored(NamedTuple):
    """A file read and scored: the record, what reading found, and the computed result."""

    record: SelfEvaluation | MonitoringReport
    findings: tuple[Finding, ...]
    result: EvaluationScore | ReportProgress


def score_file(path: str | Path, *, scoring: str | None = None, fmt: str | None = None) -> Scored:
    """Read a self-evaluation or monitoring report and compute its scores or lights. Raises UnreadableError."""
    read = read_any_file(path, fmt)
    record: AnyDocument = read.document
    override = _scoring(scoring)
    try:
        if isinstance(record, SelfEvaluation):
            return Scored(record, read.findings, score_self_evaluation(record, profile=override))
        if isinstance(record, MonitoringReport):
            return Scored(record, read.findings, monitor_report(record, profile=override))
    except ValueError as exc:  # an unknown profile named in the file
        raise UnreadableError(f"{exc}。可用 --scoring 指定评分方案。", str(path)) from None
    raise UnreadableError(
        "这是绩效目标文本，没有实际完成值可以计分。请先用 jixiao evaluate new 或 jixiao monitor new 据此创建自评表或监控表，"
        "填写后再计分。",
        str(path),
    )


def render_score(scored: Scored, fmt: str) -> str:
    """The score report in text, json or html."""
    record, result = scored.record, scored.result
    if fmt == "json":
        import json

        if isinstance(record, SelfEvaluation) and isinstance(result, EvaluationScore):
            data = evaluation_to_dict(record, result)
        elif isinstance(record, MonitoringReport) and isinstance(result, ReportProgress):
            data = progress_to_dict(record, result)
        else:  # pragma: no cover - score_file pairs them
            raise TypeError("record and result do not match")
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if isinstance(record, SelfEvaluation) and isinstance(result, EvaluationScore):
        return evaluation_html(record, result) if fmt == "html" else evaluation_text(record, result) + "\n"
    if isinstance(record, MonitoringReport) and isinstance(result, ReportProgress):
        return progress_html(record, result) if fmt == "html" else progress_text(record, result) + "\n"
    raise TypeError("record and result do not match")  # pragma: no cover
