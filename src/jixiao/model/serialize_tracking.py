"""The versioned JSON forms of a self-evaluation and a monitoring report, as plain dicts (no I/O).

They follow the document form of :mod:`jixiao.model.serialize`: keys are the glossary's identifiers, money and
scores travel as strings (``"9.50"``), never as floats, an indicator value is an object whose ``raw`` is
authoritative, and ``sources`` adds where every record was read from. Reading raises SchemaError with a path.
"""

from __future__ import annotations

from typing import Any

from jixiao.model.findings import Source
from jixiao.model.indicator_value import IndicatorValue
from jixiao.model.monitoring import MonitoredIndicator, MonitoringReport, ProjectMonitoring
from jixiao.model.records import CellSources, SpendingPoint
from jixiao.model.self_evaluation import EvaluatedIndicator, ProjectEvaluation, SelfEvaluation
from jixiao.model.serialize import (
    SCHEMA_VERSION,
    JsonDict,
    SchemaError,
    _cells,
    _dec,
    _items,
    _obj,
    _opt_dec,
    _opt_int,
    _opt_str,
    _source,
    _str,
    _value,
    _with_cells,
    _with_source,
    value_to_dict,
)
from jixiao.model.serialize_extras import (
    details_from_dict,
    details_to_dict,
    flag_from_dict,
    form_from_dict,
    form_to_dict,
    texts_from_dict,
    texts_to_dict,
    value_from_dict,
)
from jixiao.model.tracking import FundLine, TargetsRef

_ROW_TEXTS = ("direction", "value_type", "explanation", "scoring_rule")

SELF_EVALUATION_FORMAT = "jixiao.self-evaluation"
MONITORING_FORMAT = "jixiao.monitoring-report"

__all__ = [
    "MONITORING_FORMAT",
    "SCHEMA_VERSION",
    "SELF_EVALUATION_FORMAT",
    "SchemaError",
    "monitoring_report_from_dict",
    "monitoring_report_to_dict",
    "self_evaluation_from_dict",
    "self_evaluation_to_dict",
]


# -- writing ---------------------------------------------------------------------------------------


def self_evaluation_to_dict(record: SelfEvaluation, *, sources: bool = False) -> JsonDict:
    """The JSON form of a self-evaluation; with ``sources``, every record says where it was read from."""
    out: JsonDict = {
        "format": SELF_EVALUATION_FORMAT,
        "schema_version": SCHEMA_VERSION,
        **_head(record.unit_code, record.unit_name, record.fiscal_year, record.title),
        "targets": _targets_to_dict(record.targets),
        "scoring_profile": record.scoring_profile,
        "projects": [_evaluation_to_dict(p, sources) for p in record.projects],
    }
    if record.form is not None:
        out["form"] = form_to_dict(record.form)
    return _with_source(out, record.source, sources)


def monitoring_report_to_dict(record: MonitoringReport, *, sources: bool = False) -> JsonDict:
    """The JSON form of a monitoring report; with ``sources``, every record says where it was read from."""
    out: JsonDict = {
        "format": MONITORING_FORMAT,
        "schema_version": SCHEMA_VERSION,
        **_head(record.unit_code, record.unit_name, record.fiscal_year, record.title),
        "month": record.month,
        "targets": _targets_to_dict(record.targets),
        "scoring_profile": record.scoring_profile,
        "projects": [_monitoring_to_dict(p, sources) for p in record.projects],
    }
    if record.form is not None:
        out["form"] = form_to_dict(record.form)
    return _with_source(out, record.source, sources)


def _head(unit_code: str | None, unit_name: str | None, year: int | None, title: str) -> JsonDict:
    return {"unit_code": unit_code, "unit_name": unit_name, "fiscal_year": year, "title": title}


def _targets_to_dict(ref: TargetsRef) -> JsonDict:
    return {
        "unit_code": ref.unit_code,
        "unit_name": ref.unit_name,
        "fiscal_year": ref.fiscal_year,
        "title": ref.title,
        "fingerprint": ref.fingerprint,
    }


def _fund_to_dict(line: FundLine, sources: bool) -> JsonDict:
    out: JsonDict = {
        "name": line.name,
        "budget_initial": _dec(line.budget_initial),
        "budget_full_year": _dec(line.budget_full_year),
        "executed": _dec(line.executed),
        "forecast_executed": _dec(line.forecast_executed),
    }
    return _with_source(out, line.source, sources)


def _optional_value(value: IndicatorValue | None) -> JsonDict | None:
    return None if value is None else value_to_dict(value)


def _project_head(p: ProjectEvaluation | ProjectMonitoring, sources: bool) -> JsonDict:
    out: JsonDict = {
        "code": p.code,
        "name": p.name,
        "department": p.department,
        "implementing_unit": p.implementing_unit,
        "money_unit": p.money_unit,
        "funds": [_fund_to_dict(f, sources) for f in p.funds],
    }
    out.update(texts_to_dict(p, ("attribute", "category")))
    if p.details:
        out["details"] = details_to_dict(p.details)
    return out


def _row_extras(i: EvaluatedIndicator | MonitoredIndicator) -> JsonDict:
    out = texts_to_dict(i, _ROW_TEXTS)
    if i.core:
        out["core"] = True
    return out


def _evaluation_to_dict(p: ProjectEvaluation, sources: bool) -> JsonDict:
    out: JsonDict = {
        **_project_head(p, sources),
        "execution_weight": _dec(p.execution_weight),
        "execution_score": _dec(p.execution_score),
        "execution_reason": p.execution_reason,
        "overall_goal": p.overall_goal,
        "achieved": p.achieved,
        "indicators": [_evaluated_to_dict(i, sources) for i in p.indicators],
        "total_score": _dec(p.total_score),
        "grade": p.grade,
    }
    return _with_cells(_with_source(out, p.source, sources), p.cell_sources, sources)


def _evaluated_to_dict(i: EvaluatedIndicator, sources: bool) -> JsonDict:
    out: JsonDict = {
        "level1": i.level1,
        "level2": i.level2,
        "level3": i.level3,
        "target": value_to_dict(i.target),
        "actual": _optional_value(i.actual),
        "weight": _dec(i.weight),
        "score": _dec(i.score),
        "deviation_reason": i.deviation_reason,
        "corrective_action": i.corrective_action,
        **_row_extras(i),
    }
    if i.remark:
        out["remark"] = i.remark
    return _with_cells(_with_source(out, i.source, sources), i.cell_sources, sources)


def _monitoring_to_dict(p: ProjectMonitoring, sources: bool) -> JsonDict:
    out: JsonDict = {
        **_project_head(p, sources),
        "spending_plan": {s.month: _dec(s.percent) for s in p.spending_plan},
        "indicators": [_monitored_to_dict(i, sources) for i in p.indicators],
        "deviation_reason": p.deviation_reason,
        "corrective_action": p.corrective_action,
    }
    return _with_cells(_with_source(out, p.source, sources), p.cell_sources, sources)


def _monitored_to_dict(i: MonitoredIndicator, sources: bool) -> JsonDict:
    out: JsonDict = {
        "level1": i.level1,
        "level2": i.level2,
        "level3": i.level3,
        "target": value_to_dict(i.target),
        "progress": _optional_value(i.progress),
        "likelihood": i.likelihood,
        "deviation_category": i.deviation_category,
        "deviation_reason": i.deviation_reason,
        "corrective_action": i.corrective_action,
        "note": i.note,
        **_row_extras(i),
    }
    if i.forecast is not None:
        out["forecast"] = value_to_dict(i.forecast)
    return _with_cells(_with_source(out, i.source, sources), i.cell_sources, sources)


# -- reading ---------------------------------------------------------------------------------------


def self_evaluation_from_dict(data: object) -> SelfEvaluation:
    """A self-evaluation from its JSON form. Raises SchemaError naming the path of the first problem."""
    d = _checked_head(data, SELF_EVALUATION_FORMAT, "绩效自评表")
    return SelfEvaluation(
        unit_code=_opt_str(d, "unit_code", ""),
        unit_name=_opt_str(d, "unit_name", ""),
        fiscal_year=_opt_int(d, "fiscal_year", ""),
        title=_opt_str(d, "title", "") or SelfEvaluation.title,
        targets=_targets_from_dict(d.get("targets"), "targets"),
        scoring_profile=_opt_str(d, "scoring_profile", "") or SelfEvaluation.scoring_profile,
        projects=tuple(_evaluation_from_dict(p, path) for p, path in _items(d, "projects", "")),
        form=form_from_dict(d),
        source=_source(d, ""),
    )


def monitoring_report_from_dict(data: object) -> MonitoringReport:
    """A monitoring report from its JSON form. Raises SchemaError naming the path of the first problem."""
    d = _checked_head(data, MONITORING_FORMAT, "绩效运行监控表")
    month = _opt_int(d, "month", "")
    if month is not None and not 1 <= month <= 12:
        raise SchemaError("month", "应为 1–12 的整数（监控期间 1–m 月的 m）")
    return MonitoringReport(
        unit_code=_opt_str(d, "unit_code", ""),
        unit_name=_opt_str(d, "unit_name", ""),
        fiscal_year=_opt_int(d, "fiscal_year", ""),
        month=MonitoringReport.month if month is None else month,
        title=_opt_str(d, "title", "") or MonitoringReport.title,
        targets=_targets_from_dict(d.get("targets"), "targets"),
        scoring_profile=_opt_str(d, "scoring_profile", "") or MonitoringReport.scoring_profile,
        projects=tuple(_monitoring_from_dict(p, path) for p, path in _items(d, "projects", "")),
        form=form_from_dict(d),
        source=_source(d, ""),
    )


def _checked_head(data: object, fmt: str, what: str) -> JsonDict:
    d = _obj(data, "")
    found = d.get("format", fmt)
    if found != fmt:
        raise SchemaError("format", f"应为“{fmt}”，实为“{found}”：这不是 jixiao 的{what} JSON")
    version = d.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version > SCHEMA_VERSION:
        raise SchemaError("schema_version", f"不支持的版本 {version!r}（本程序支持到 {SCHEMA_VERSION}）")
    return d


def _targets_from_dict(data: object, path: str) -> TargetsRef:
    if data is None:
        return TargetsRef()
    d = _obj(data, path)
    return TargetsRef(
        unit_code=_opt_str(d, "unit_code", path),
        unit_name=_opt_str(d, "unit_name", path),
        fiscal_year=_opt_int(d, "fiscal_year", path),
        title=_str(d, "title", path),
        fingerprint=_str(d, "fingerprint", path),
    )


def _funds_from_dict(d: JsonDict, path: str) -> tuple[FundLine, ...]:
    return tuple(
        FundLine(
            name=_str(f, "name", p),
            budget_initial=_opt_dec(f, "budget_initial", p),
            budget_full_year=_opt_dec(f, "budget_full_year", p),
            executed=_opt_dec(f, "executed", p),
            forecast_executed=_opt_dec(f, "forecast_executed", p),
            source=_source(f, p),
        )
        for f, p in _items(d, "funds", path)
    )


def _optional_value_from(d: JsonDict, key: str, path: str) -> IndicatorValue | None:
    data = d.get(key)
    return None if data is None else _value(data, f"{path}.{key}")


def _project_kwargs(d: JsonDict, path: str) -> dict[str, Any]:
    return {
        "code": _str(d, "code", path),
        "name": _str(d, "name", path),
        "department": _str(d, "department", path),
        "implementing_unit": _str(d, "implementing_unit", path),
        "money_unit": _opt_str(d, "money_unit", path) or "万元",
        "funds": _funds_from_dict(d, path),
        **texts_from_dict(d, ("attribute", "category"), path),
        "details": details_from_dict(d, path),
        "source": _source(d, path),
        "cell_sources": _cells(d, path),
    }


def _row_kwargs(d: JsonDict, path: str) -> dict[str, Any]:
    source: Source = _source(d, path)
    cells: CellSources = _cells(d, path)
    return {
        "level1": _str(d, "level1", path),
        "level2": _str(d, "level2", path),
        "level3": _str(d, "level3", path),
        "target": _value(d.get("target"), f"{path}.target"),
        "deviation_reason": _str(d, "deviation_reason", path),
        "corrective_action": _str(d, "corrective_action", path),
        **texts_from_dict(d, _ROW_TEXTS, path),
        "core": flag_from_dict(d, "core", path),
        "source": source,
        "cell_sources": cells,
    }


def _evaluation_from_dict(d: JsonDict, path: str) -> ProjectEvaluation:
    return ProjectEvaluation(
        **_project_kwargs(d, path),
        execution_weight=_opt_dec(d, "execution_weight", path),
        execution_score=_opt_dec(d, "execution_score", path),
        execution_reason=_str(d, "execution_reason", path),
        overall_goal=_str(d, "overall_goal", path),
        achieved=_str(d, "achieved", path),
        indicators=tuple(
            EvaluatedIndicator(
                **_row_kwargs(i, p),
                actual=_optional_value_from(i, "actual", p),
                weight=_opt_dec(i, "weight", p),
                score=_opt_dec(i, "score", p),
                remark=_str(i, "remark", p),
            )
            for i, p in _items(d, "indicators", path)
        ),
        total_score=_opt_dec(d, "total_score", path),
        grade=_str(d, "grade", path),
    )


def _monitoring_from_dict(d: JsonDict, path: str) -> ProjectMonitoring:
    plan = d.get("spending_plan") or {}
    if not isinstance(plan, dict):
        raise SchemaError(f"{path}.spending_plan", "应为对象（月份 → 百分比）")
    return ProjectMonitoring(
        **_project_kwargs(d, path),
        spending_plan=tuple(
            SpendingPoint(str(month), _opt_dec(plan, month, f"{path}.spending_plan")) for month in plan
        ),
        indicators=tuple(
            MonitoredIndicator(
                **_row_kwargs(i, p),
                progress=_optional_value_from(i, "progress", p),
                likelihood=_str(i, "likelihood", p),
                deviation_category=_str(i, "deviation_category", p),
                note=_str(i, "note", p),
                forecast=value_from_dict(i, "forecast", p),
            )
            for i, p in _items(d, "indicators", path)
        ),
        deviation_reason=_str(d, "deviation_reason", path),
        corrective_action=_str(d, "corrective_action", path),
    )
