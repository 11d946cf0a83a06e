"""The self-evaluation kind: a 项目支出绩效自评表 (any province's form) read into a SelfEvaluation.

A file is a self-evaluation when its grids print scores (得分), or actuals beside weights or the year's
execution (全年执行数), not merely because an 实际完成值 column stands empty in a target form.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from jixiao.importers.engine.cells import split_reason
from jixiao.importers.engine.reader import Reading
from jixiao.importers.engine.reading import GridRow, Unit
from jixiao.importers.errors import UnreadableError
from jixiao.kinds import forms
from jixiao.kinds.base import DocumentKind, lazy, writers
from jixiao.kinds.common import (
    Builder,
    direction_of,
    is_core,
    level_text,
    optional_value,
    report_missing_columns,
    report_unkept,
    strip_core_mark,
    text_of,
    ticked,
    value_of,
)
from jixiao.kinds.tracking import (
    GRADES,
    fund_lines,
    read_lines,
    report_incomplete,
    summary_number,
    total_row,
)
from jixiao.model import EvaluatedIndicator, Finding, ProjectEvaluation, SelfEvaluation, Source, parse_value

KEPT = frozenset(
    {
        "level1",
        "level2",
        "level3",
        "target",
        "operator",
        "unit",
        "deviation",
        "deviation_reason",
        "corrective_action",
        "direction",
        "value_type",
        "explanation",
        "scoring_rule",
        "remark",
        "core",
        "actual",
        "weight",
        "score",
    }
)
REQUIRED = ("level3", "target", "actual", "score")
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")
LABELS = {
    "level1": "一级指标",
    "level3": "三级指标",
    "target": "年度指标值",
    "actual": "实际完成值",
    "weight": "分值",
    "score": "得分",
}


def _filled(units: list[Unit], role: str) -> bool:
    return any(text_of(r, role).strip() for u in units for r in u.rows)


def evidence(reading: Reading) -> int:
    """Scores printed (得分) or filled actuals beside weights or the year's execution."""
    units = reading.units
    roles = {r for u in units for r in u.roles}
    score = 0
    if "score" in roles:
        score += 8
    if "actual" in roles and _filled(units, "actual") and roles & {"weight", "executed", "budget_full_year"}:
        score += 4
    if "executed" in roles and not roles & {"forecast_executed", "likelihood"}:
        score += 2
    return score


def _evaluated(b: Builder, row: GridRow, ordinal: int) -> EvaluatedIndicator:
    reason, action = text_of(row, "deviation_reason"), text_of(row, "corrective_action")
    if "deviation" in row.cells:
        reason2, action2 = split_reason(text_of(row, "deviation"))
        reason, action = reason or reason2, action or action2
    sources = {role: cell.source for role, cell in row.cells.items()}
    if "deviation" in sources:
        sources.setdefault("deviation_reason", sources["deviation"])
        sources.setdefault("corrective_action", sources["deviation"])
    actual = value_of(row, "actual")
    return EvaluatedIndicator(
        level1=level_text(text_of(row, "level1")),
        level2=level_text(text_of(row, "level2")),
        level3=strip_core_mark(text_of(row, "level3")),
        target=parse_value(value_of(row)),
        actual=optional_value(actual),
        weight=b.decimal(row.cells.get("weight"), "分值", "weight", ordinal),
        score=b.decimal(row.cells.get("score"), "得分", "score", ordinal),
        deviation_reason=reason,
        corrective_action=action,
        direction=direction_of(text_of(row, "direction")),
        value_type=text_of(row, "value_type"),
        explanation=text_of(row, "explanation"),
        scoring_rule=text_of(row, "scoring_rule"),
        remark=text_of(row, "remark"),
        core=is_core(row),
        source=row.source,
        cell_sources=tuple(sources.items()),
    )


def _block_weights(unit: Unit, indicators: tuple[EvaluatedIndicator, ...]) -> tuple[EvaluatedIndicator, ...]:
    """With no 分值 column, each row's share of its block's points (年度绩效目标1（40分）over 4 rows: 10 each),
    as the execution weight comes from 预算执行情况（20分）; rows outside a block with points keep none."""
    if any(i.weight is not None for i in indicators) or any(c.role == "weight" for c in unit.columns):
        return indicators
    counts = Counter(row.group for row in unit.rows if row.group_attrs.points is not None)
    if not counts:
        return indicators
    weighted = []
    for ind, row in zip(indicators, unit.rows, strict=True):
        points = row.group_attrs.points
        if points is None:
            weighted.append(ind)
            continue
        share = (Decimal(points) / counts[row.group]).quantize(Decimal("0.01")).normalize()
        weighted.append(replace(ind, weight=share))
    return tuple(weighted)


def project_of(b: Builder, unit: Unit) -> ProjectEvaluation:
    """The 自评表 of one project from its unit."""
    funds = fund_lines(b, unit.funds)
    total = total_row(unit.funds)
    cells: dict[str, Source] = {}
    execution_weight: Decimal | None = None
    execution_score: Decimal | None = None
    reason = ""
    if total is not None:
        for role in ("budget_initial", "budget_full_year", "executed"):
            if role in total.amounts:
                cells[role] = total.amounts[role].source
        for role, field in (("weight", "execution_weight"), ("score", "execution_score")):
            cell = total.amounts.get(role)
            if cell is not None:
                cells[field] = cell.source
                value = b.decimal(cell, "分值" if role == "weight" else "得分", field)
                if field == "execution_weight":
                    execution_weight = value
                else:
                    execution_score = value
        reason_cell = total.amounts.get("deviation_reason") or total.amounts.get("deviation")
        if reason_cell is not None:
            reason = reason_cell.text
            cells["execution_reason"] = reason_cell.source
    if execution_weight is None:
        execution_weight = unit.money_attrs.points or _points(unit)
    grade = unit.text("grade")
    total_score = None
    for row in unit.summaries:
        number, found = summary_number(b, row, "总分", "total_score")
        total_score = number if number is not None else total_score
        grade = grade or found
        if "score" in row.cells:
            cells["total_score"] = row.cells["score"].source
        elif number is not None:
            cells["total_score"] = next(
                (c.source for c in row.cells.values() if c.text.strip() == format(number, "f")), row.source
            )
    written_total = unit.first("total_score")
    if total_score is None and written_total is not None:
        numbers = _NUMBERS.findall(written_total.text)
        if len(numbers) > 1:  # 分值 100 and the total on the 总分 row
            written_total = written_total._replace(text=numbers[-1])
        total_score = b.decimal(written_total, "总分", "total_score")
        cells["total_score"] = written_total.source
    details = []
    for label, cell in unit.details:
        if not cell.text.strip():
            continue
        if label == "评价结论" and cell.text.strip() in GRADES and not grade:
            grade = cell.text.strip()
            continue
        details.append((label, cell.text))
    for role, label in (("corrective_action", "改进措施"), ("deviation_reason", "偏差原因")):
        details += [(c.label or label, c.text) for c in unit.fields.get(role, [])]
    name_cell = unit.first("project_name")
    name = b.clean(name_cell.text, name_cell.source, "项目名称", "name") if name_cell else ""
    if name_cell is not None:
        cells["name"] = name_cell.source
    code = unit.text("project_code").strip()
    for role in ("supervising_department", "implementing_unit"):
        cell = unit.first(role)
        if cell is not None:
            cells["department" if role == "supervising_department" else role] = cell.source
    indicators = _block_weights(
        unit, tuple(_evaluated(b, row, n) for n, row in enumerate(unit.rows, start=1))
    )
    report_incomplete(b, unit, "自评表", bool(name or code))
    report_missing_columns(b, unit, REQUIRED, LABELS)
    report_unkept(b, unit, KEPT, "自评表")
    return ProjectEvaluation(
        code=code,
        name=name,
        department=unit.text("supervising_department"),
        implementing_unit=unit.text("implementing_unit"),
        attribute=ticked(unit.text("attribute")),
        category=ticked(unit.text("category")),
        details=tuple(details),
        money_unit=b.money_unit,
        funds=tuple(funds),
        execution_weight=execution_weight,
        execution_score=execution_score,
        execution_reason=reason,
        overall_goal=b.lines("goal"),
        achieved=b.lines("achieved"),
        indicators=indicators,
        total_score=total_score,
        grade=grade,
        source=unit.source,
        cell_sources=tuple(cells.items()),
    )


def _points(unit: Unit) -> Decimal | None:
    """The execution weight a money header states in its points: 得分（20分*执行率）."""
    for role in ("score", "weight", "rate"):
        attrs = unit.money_columns.get(role)
        if attrs is not None and attrs.points is not None:
            return attrs.points
    return None


def build(reading: Reading) -> tuple[SelfEvaluation, list[Finding]]:
    """The SelfEvaluation of a reading. Raises UnreadableError when it holds none."""
    lines = read_lines(reading, "自评表")
    units = [u for u in reading.units if not u.department_total]
    if not units and lines.title is None:
        raise UnreadableError(
            "没有找到绩效自评表的内容（项目名称、项目资金、绩效指标等栏目）。这可能不是该类表格，或者版式暂不支持。",
            reading.file,
        )
    projects = []
    for n, unit in enumerate(units, start=1):
        unit.number = n
        money_unit = unit.money_unit or lines.money_unit or "万元"
        projects.append(project_of(Builder(reading.ctx, unit, money_unit), unit))
    title = lines.title
    unit_name, unit_code = lines.unit
    return (
        SelfEvaluation(
            unit_code=unit_code,
            unit_name=unit_name,
            fiscal_year=title.year if title else lines.others.fiscal_year,
            title=(title.title if title and title.title else SelfEvaluation.title),
            targets=lines.targets,
            scoring_profile=lines.profile,
            projects=tuple(projects),
            form=forms.form_of(reading, "self_evaluation"),
            source=reading.ctx.source(None),
        ),
        reading.ctx.findings,
    )


KIND = DocumentKind(
    name="self_evaluation",
    label="绩效自评表",
    record=SelfEvaluation,
    json_format="jixiao.self-evaluation",
    to_dict=lazy("jixiao.model.serialize_tracking", "self_evaluation_to_dict"),
    from_dict=lazy("jixiao.model.serialize_tracking", "self_evaluation_from_dict"),
    evidence=evidence,
    build=build,
    writers=writers("jixiao.exporters", "write_tracking"),
    required=REQUIRED,
    rules="self_evaluation",
)
