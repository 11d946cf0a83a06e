"""The versioned JSON form of a document: plain dicts in, plain dicts out (the caller does the I/O).

Keys are the glossary's identifiers. Money and numbers travel as strings (``"13.00"``), never as floats. An
indicator value is an object whose ``raw`` is authoritative: reading re-derives the parsed fields from it.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, cast

from jixiao.model.findings import Source
from jixiao.model.indicator_value import IndicatorValue
from jixiao.model.records import (
    FRAMEWORK_VERSIONS,
    STATUSES,
    AnnualTask,
    ContentsEntry,
    DepartmentGoals,
    DepartmentTargets,
    Indicator,
    PerformanceDocument,
    Project,
    Safeguard,
    SpendingPoint,
    SubGoal,
)
from jixiao.model.serialize_extras import (
    PROJECT_TEXTS,
    ROW_TEXTS,
    SchemaError,
    details_from_dict,
    details_to_dict,
    flag_from_dict,
    form_from_dict,
    form_to_dict,
    funds_from_dict,
    funds_to_dict,
    strings_from_dict,
    texts_from_dict,
    texts_to_dict,
    value_from_dict,
)
from jixiao.model.value_grammar import parse_value

FORMAT = "jixiao.performance-document"
SCHEMA_VERSION = 2  # 2: the fields other provinces' forms add, the 部门整体 table, the form read from
DEPARTMENT_FORMAT = "jixiao.department-targets"

JsonDict = dict[str, Any]


# -- writing ---------------------------------------------------------------------------------------


def document_to_dict(doc: PerformanceDocument, *, sources: bool = False) -> JsonDict:
    """The JSON form of a document; with ``sources``, every record says where it was read from."""
    out: JsonDict = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "unit_code": doc.unit_code,
        "unit_name": doc.unit_name,
        "division_code": doc.division_code,
        "fiscal_year": doc.fiscal_year,
        "status": doc.status,
        "title": doc.title,
        "compiled_by": doc.compiled_by,
        "reviewed_by": doc.reviewed_by,
        "framework_version": doc.framework_version,
        "contents": [{"title": e.title, "page": e.page} for e in doc.contents],
        "department_goals": _goals_to_dict(doc.department_goals, sources),
        "projects": [_project_to_dict(p, sources) for p in doc.projects],
    }
    if doc.department_table is not None:
        out["department_table"] = _department_body(doc.department_table, sources)
    if doc.form is not None:
        out["form"] = form_to_dict(doc.form)
    return _with_source(out, doc.source, sources)


def department_to_dict(record: DepartmentTargets, *, sources: bool = False) -> JsonDict:
    """The JSON form of a 部门整体绩效目标表 on its own."""
    out: JsonDict = {
        "format": DEPARTMENT_FORMAT,
        "schema_version": SCHEMA_VERSION,
        **_department_body(record, sources),
    }
    if record.form is not None:
        out["form"] = form_to_dict(record.form)
    return out


def _department_body(d: DepartmentTargets, sources: bool) -> JsonDict:
    out: JsonDict = {
        "unit_code": d.unit_code,
        "unit_name": d.unit_name,
        "fiscal_year": d.fiscal_year,
        "title": d.title,
        "duties": d.duties,
        "goals": list(d.goals),
        "money_unit": d.money_unit,
        "funds": funds_to_dict(d.funds, sources),
        "annual_tasks": [_task_to_dict(t, sources) for t in d.annual_tasks],
        "indicators": [_indicator_to_dict(i, sources) for i in d.indicators],
    }
    if d.mid_term_goals:
        out["mid_term_goals"] = list(d.mid_term_goals)
    if d.details:
        out["details"] = details_to_dict(d.details)
    return _with_cells(_with_source(out, d.source, sources), d.cell_sources, sources)


def _task_to_dict(t: AnnualTask, sources: bool) -> JsonDict:
    out: JsonDict = {
        "duty": t.duty,
        "task": t.task,
        "content": t.content,
        "project": t.project,
        "budget_total": _dec(t.budget_total),
        "budget_fiscal": _dec(t.budget_fiscal),
        "budget_other": _dec(t.budget_other),
    }
    return _with_source(out, t.source, sources)


def _goals_to_dict(goals: DepartmentGoals, sources: bool) -> JsonDict:
    return {
        "overall_goal": goals.overall_goal,
        "sub_goals": [
            _with_source(
                {"number": s.number, "title": s.title, "goal": s.goal, "indicator_text": s.indicator_text},
                s.source,
                sources,
            )
            for s in goals.sub_goals
        ],
        "safeguards": [
            _with_source({"number": s.number, "text": s.text}, s.source, sources) for s in goals.safeguards
        ],
    }


def _project_to_dict(p: Project, sources: bool) -> JsonDict:
    out: JsonDict = {
        "code": p.code,
        "name": p.name,
        "title": p.title,
        "unit_code": p.unit_code,
        "unit_name": p.unit_name,
        "money_unit": p.money_unit,
        "budget_total": _dec(p.budget_total),
        "budget_fiscal": _dec(p.budget_fiscal),
        "budget_other": _dec(p.budget_other),
        "purpose": p.purpose,
        "spending_plan": {s.month: _dec(s.percent) for s in p.spending_plan},
        "goals": list(p.goals),
        "indicators": [_indicator_to_dict(i, sources) for i in p.indicators],
    }
    out.update(texts_to_dict(p, PROJECT_TEXTS))
    if p.funds:
        out["funds"] = funds_to_dict(p.funds, sources)
    if p.mid_term_goals:
        out["mid_term_goals"] = list(p.mid_term_goals)
    if p.details:
        out["details"] = details_to_dict(p.details)
    return _with_cells(_with_source(out, p.source, sources), p.cell_sources, sources)


def _indicator_to_dict(i: Indicator, sources: bool) -> JsonDict:
    out: JsonDict = {
        "level1": i.level1,
        "level2": i.level2,
        "level3": i.level3,
        "description": i.description,
        "value": value_to_dict(i.value),
        "basis": i.basis,
        "previous_value": None if i.previous_value is None else value_to_dict(i.previous_value),
        "weight": _dec(i.weight),
    }
    out.update(texts_to_dict(i, ROW_TEXTS))
    if i.core:
        out["core"] = True
    if i.long_term_value is not None:
        out["long_term_value"] = value_to_dict(i.long_term_value)
    return _with_cells(_with_source(out, i.source, sources), i.cell_sources, sources)


def value_to_dict(v: IndicatorValue) -> JsonDict:
    """The JSON object of an indicator value."""
    return {
        "raw": v.raw,
        "kind": v.kind,
        "operator": v.operator,
        "number": _dec(v.number),
        "unit": v.unit,
        "raw_unit": v.raw_unit,
        "operator_raw": v.operator_raw,
        "upper": _dec(v.upper),
        "deadline": v.deadline,
        "doubts": list(v.doubts),
    }


def source_to_dict(src: Source) -> JsonDict:
    """A source as an object of its known fields only."""
    return {name: value for name, value in src._asdict().items() if value is not None}


def _with_source(out: JsonDict, src: Source, sources: bool) -> JsonDict:
    if sources and source_to_dict(src):
        out["source"] = source_to_dict(src)
    return out


def _with_cells(out: JsonDict, cells: tuple[tuple[str, Source], ...], sources: bool) -> JsonDict:
    if sources and cells:
        out["cells"] = {name: source_to_dict(src) for name, src in cells}
    return out


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


# -- reading ---------------------------------------------------------------------------------------


def document_from_dict(data: object) -> PerformanceDocument:
    """A document from its JSON form. Raises SchemaError naming the path of the first problem."""
    d = _obj(data, "")
    fmt = d.get("format", FORMAT)
    if fmt != FORMAT:
        raise SchemaError("format", f"应为“{FORMAT}”，实为“{fmt}”：这不是 jixiao 的绩效文本 JSON")
    _check_version(d)
    status = _opt_str(d, "status", "")
    if status is not None and status not in STATUSES:
        raise SchemaError("status", f"应为 {'/'.join(STATUSES)} 之一")
    framework = _opt_str(d, "framework_version", "")
    if framework is not None and framework not in FRAMEWORK_VERSIONS:
        raise SchemaError("framework_version", f"应为 {'/'.join(FRAMEWORK_VERSIONS)} 之一")
    return PerformanceDocument(
        unit_code=_opt_str(d, "unit_code", ""),
        unit_name=_opt_str(d, "unit_name", ""),
        division_code=_opt_str(d, "division_code", ""),
        fiscal_year=_opt_int(d, "fiscal_year", ""),
        status=status,
        title=_opt_str(d, "title", "") or "部门预算绩效文本",
        compiled_by=_opt_str(d, "compiled_by", ""),
        reviewed_by=_opt_str(d, "reviewed_by", ""),
        framework_version=framework,
        contents=tuple(
            ContentsEntry(_str(e, "title", p), _opt_int(e, "page", p)) for e, p in _items(d, "contents", "")
        ),
        department_goals=_goals_from_dict(d.get("department_goals") or {}, "department_goals"),
        projects=tuple(_project_from_dict(p, path) for p, path in _items(d, "projects", "")),
        department_table=(
            None
            if d.get("department_table") is None
            else _department_from(_obj(d["department_table"], "department_table"), "department_table")
        ),
        form=form_from_dict(d),
        source=_source(d, ""),
    )


def department_from_dict(data: object) -> DepartmentTargets:
    """A 部门整体绩效目标表 from its JSON form. Raises SchemaError naming the path of the first problem."""
    d = _obj(data, "")
    fmt = d.get("format", DEPARTMENT_FORMAT)
    if fmt != DEPARTMENT_FORMAT:
        raise SchemaError(
            "format", f"应为“{DEPARTMENT_FORMAT}”，实为“{fmt}”：这不是 jixiao 的部门整体绩效目标表 JSON"
        )
    _check_version(d)
    return _department_from(d, "")


def _department_from(d: JsonDict, path: str) -> DepartmentTargets:
    return DepartmentTargets(
        unit_code=_opt_str(d, "unit_code", path),
        unit_name=_opt_str(d, "unit_name", path),
        fiscal_year=_opt_int(d, "fiscal_year", path),
        title=_opt_str(d, "title", path) or DepartmentTargets.title,
        duties=_str(d, "duties", path),
        goals=strings_from_dict(d, "goals", path),
        mid_term_goals=strings_from_dict(d, "mid_term_goals", path),
        annual_tasks=tuple(
            AnnualTask(
                duty=_str(t, "duty", p),
                task=_str(t, "task", p),
                content=_str(t, "content", p),
                project=_str(t, "project", p),
                budget_total=_opt_dec(t, "budget_total", p),
                budget_fiscal=_opt_dec(t, "budget_fiscal", p),
                budget_other=_opt_dec(t, "budget_other", p),
                source=_source(t, p),
            )
            for t, p in _items(d, "annual_tasks", path)
        ),
        money_unit=_opt_str(d, "money_unit", path) or "万元",
        funds=funds_from_dict(d, path),
        indicators=tuple(_indicator_from_dict(i, p) for i, p in _items(d, "indicators", path)),
        details=details_from_dict(d, path),
        form=form_from_dict(d) if not path else None,
        source=_source(d, path),
        cell_sources=_cells(d, path),
    )


def _check_version(d: JsonDict) -> None:
    version = d.get("schema_version", SCHEMA_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version > SCHEMA_VERSION:
        raise SchemaError("schema_version", f"不支持的版本 {version!r}（本程序支持到 {SCHEMA_VERSION}）")


def _goals_from_dict(data: object, path: str) -> DepartmentGoals:
    d = _obj(data, path)
    return DepartmentGoals(
        overall_goal=_str(d, "overall_goal", path),
        sub_goals=tuple(
            SubGoal(
                title=_str(s, "title", p),
                goal=_str(s, "goal", p),
                indicator_text=_str(s, "indicator_text", p),
                number=_opt_int(s, "number", p),
                source=_source(s, p),
            )
            for s, p in _items(d, "sub_goals", path)
        ),
        safeguards=tuple(
            Safeguard(_str(s, "number", p), _str(s, "text", p), source=_source(s, p))
            for s, p in _items(d, "safeguards", path)
        ),
    )


def _project_from_dict(d: JsonDict, path: str) -> Project:
    plan = d.get("spending_plan") or {}
    if not isinstance(plan, dict):
        raise SchemaError(f"{path}.spending_plan", "应为对象（月份 → 百分比）")
    return Project(
        code=_str(d, "code", path),
        name=_str(d, "name", path),
        title=_opt_str(d, "title", path),
        unit_code=_opt_str(d, "unit_code", path),
        unit_name=_opt_str(d, "unit_name", path),
        money_unit=_opt_str(d, "money_unit", path) or "万元",
        budget_total=_opt_dec(d, "budget_total", path),
        budget_fiscal=_opt_dec(d, "budget_fiscal", path),
        budget_other=_opt_dec(d, "budget_other", path),
        purpose=_str(d, "purpose", path),
        spending_plan=tuple(
            SpendingPoint(str(month), _opt_dec(plan, month, f"{path}.spending_plan")) for month in plan
        ),
        goals=tuple(_as_str(g, f"{path}.goals[{n}]") for n, g in enumerate(_list(d, "goals", path), 1)),
        indicators=tuple(_indicator_from_dict(i, p) for i, p in _items(d, "indicators", path)),
        **texts_from_dict(d, PROJECT_TEXTS, path),
        funds=funds_from_dict(d, path),
        mid_term_goals=strings_from_dict(d, "mid_term_goals", path),
        details=details_from_dict(d, path),
        source=_source(d, path),
        cell_sources=_cells(d, path),
    )


def _indicator_from_dict(d: JsonDict, path: str) -> Indicator:
    previous = d.get("previous_value")
    return Indicator(
        level1=_str(d, "level1", path),
        level2=_str(d, "level2", path),
        level3=_str(d, "level3", path),
        description=_str(d, "description", path),
        value=_value(d.get("value"), f"{path}.value"),
        basis=_str(d, "basis", path),
        previous_value=None if previous is None else _value(previous, f"{path}.previous_value"),
        weight=_opt_dec(d, "weight", path),
        **texts_from_dict(d, ROW_TEXTS, path),  # type: ignore[arg-type]
        core=flag_from_dict(d, "core", path),
        long_term_value=value_from_dict(d, "long_term_value", path),
        source=_source(d, path),
        cell_sources=_cells(d, path),
    )


def _value(data: object, path: str) -> IndicatorValue:
    if data is None:
        return parse_value("")
    if isinstance(data, str):
        return parse_value(data)
    d = _obj(data, path)
    return parse_value(_str(d, "raw", path))


def _source(d: JsonDict, path: str) -> Source:
    raw = d.get("source")
    if raw is None:
        return Source()
    src = _obj(raw, f"{path}.source")
    kwargs: dict[str, Any] = {}
    for name in Source._fields:
        value = src.get(name)
        if value is not None:
            kind = str if name in ("file", "cell") else int
            if not isinstance(value, kind) or isinstance(value, bool):
                raise SchemaError(f"{path}.source.{name}", "类型不对")
            kwargs[name] = value
    return Source(**kwargs)


def _cells(d: JsonDict, path: str) -> tuple[tuple[str, Source], ...]:
    raw = d.get("cells")
    if raw is None:
        return ()
    cells = _obj(raw, f"{path}.cells")
    return tuple((str(k), _source({"source": v}, f"{path}.cells.{k}")) for k, v in cells.items())


# -- small typed readers ----------------------------------------------------------------------------


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _obj(data: object, path: str) -> JsonDict:
    if not isinstance(data, dict):
        raise SchemaError(path, "应为对象")
    return cast(JsonDict, data)


def _as_str(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise SchemaError(path, "应为字符串")
    return value


def _str(d: JsonDict, key: str, path: str) -> str:
    value = d.get(key)
    return "" if value is None else _as_str(value, _at(path, key))


def _opt_str(d: JsonDict, key: str, path: str) -> str | None:
    value = d.get(key)
    return None if value is None else _as_str(value, _at(path, key))


def _opt_int(d: JsonDict, key: str, path: str) -> int | None:
    value = d.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise SchemaError(_at(path, key), "应为整数")
    return value


def _opt_dec(d: JsonDict, key: str, path: str) -> Decimal | None:
    value = d.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SchemaError(_at(path, key), '应为数字字符串（如 "13.00"），不能是浮点数')
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise SchemaError(_at(path, key), f"“{value}”不是数字") from None
    if not number.is_finite():
        raise SchemaError(_at(path, key), f"“{value}”不是有限数字")
    return number


def _list(d: JsonDict, key: str, path: str) -> list[Any]:
    value = d.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise SchemaError(_at(path, key), "应为数组")
    return value


def _items(d: JsonDict, key: str, path: str) -> list[tuple[JsonDict, str]]:
    where = _at(path, key)
    return [(_obj(item, f"{where}[{n}]"), f"{where}[{n}]") for n, item in enumerate(_list(d, key, path), 1)]


__all__ = [
    "DEPARTMENT_FORMAT",
    "FORMAT",
    "SCHEMA_VERSION",
    "SchemaError",
    "department_from_dict",
    "department_to_dict",
    "document_from_dict",
    "document_to_dict",
    "value_to_dict",
]
