"""The 部门整体 targets kind: a 部门（单位）整体绩效目标表 read into DepartmentTargets.

A unit that names no project but a department (部门职责, 年度履职目标, 部门（单位）名称, 基本支出 …) is the
department-level table; a file holding nothing else is this kind, and a 部门预算绩效文本 holding one beside its
projects keeps it as its ``department_table``.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.cleanup import label_key
from jixiao.importers.engine.reader import Reading
from jixiao.importers.engine.reading import GridRow, Unit
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import TextLine
from jixiao.kinds import forms
from jixiao.kinds.base import DocumentKind, lazy, writers
from jixiao.kinds.common import Builder, fund_sources, text_of
from jixiao.kinds.indicators import indicator_of
from jixiao.kinds.titles import DocumentLines, read_labelled
from jixiao.model import AnnualTask, DepartmentTargets, Finding

_DEPARTMENT_FUNDS = ("基本支出", "项目支出", "人员经费", "公用经费", "人员支出", "公用支出")


def is_department_unit(unit: Unit) -> bool:
    """True for a unit that names no project but a department: duties, tasks, a unit name, department funds."""
    if unit.first("project_name") is not None or unit.first("project_code") is not None:
        return False
    if unit.first("duties") is not None or unit.tasks:
        return True
    if any(any(w in label_key(f.label) for w in _DEPARTMENT_FUNDS) for f in unit.funds):
        return True
    return unit.first("unit_name") is not None and bool(unit.rows)


def evidence(reading: Reading) -> int:
    """High when every unit with rows is a department's; 0 when any names a project."""
    units = [u for u in reading.units if u.rows or u.tasks or u.fields]
    if not units or not all(is_department_unit(u) for u in units):
        return 0
    return 9


def _money(b: Builder, row: GridRow, role: str) -> Decimal | None:
    return b.money(row.cells.get(role), "预算金额", "annual_tasks")


def department_of(
    reading: Reading, unit: Unit, lines: DocumentLines
) -> tuple[DepartmentTargets, list[Finding]]:
    """The DepartmentTargets of a department unit."""
    ctx = reading.ctx
    money_unit = unit.money_unit or lines.money_unit or "万元"
    b = Builder(ctx, unit, money_unit)
    duties, _ = b.joined("duties", "部门职责")
    goals, _ = b.items("goal", "年度总体目标")
    mid_goals, _ = b.items("mid_term_goal", "中期目标")
    tasks = []
    for row in unit.tasks:
        tasks.append(
            AnnualTask(
                duty=text_of(row, "duty"),
                task=text_of(row, "task"),
                content=text_of(row, "task_content"),
                project=text_of(row, "task_project"),
                budget_total=_money(b, row, "task_budget"),
                source=row.source,
            )
        )
    funds = tuple(fund_sources(b, unit.funds))
    indicators = tuple(indicator_of(b, row, n) for n, row in enumerate(unit.rows, start=1))
    details = tuple((label, cell.text) for label, cell in unit.details if cell.text.strip())
    unit_name = unit.text("unit_name") or lines.unit_name
    record = DepartmentTargets(
        unit_code=unit.text("unit_code") or lines.unit_code,
        unit_name=unit_name or None,
        fiscal_year=lines.fiscal_year,
        title=lines.title or DepartmentTargets.title,
        duties=duties,
        goals=goals,
        mid_term_goals=mid_goals,
        annual_tasks=tuple(tasks),
        money_unit=money_unit,
        funds=funds,
        indicators=indicators,
        details=details,
        form=forms.form_of(reading, "department_targets", [unit]),
        source=unit.source,
    )
    return record, ctx.findings


def build(reading: Reading) -> tuple[DepartmentTargets, list[Finding]]:
    """The DepartmentTargets of a reading whose units are a department's. Raises UnreadableError when none."""
    lines = DocumentLines()
    for block in reading.blocks:
        if isinstance(block, TextLine) and not read_labelled(block.text, lines) and lines.title is None:
            lines.note_title(block.text)
    units = [u for u in reading.units if is_department_unit(u)]
    if not units:
        raise UnreadableError(
            "没有找到部门整体绩效目标表的内容（部门职责、年度总体目标、绩效指标等栏目）。", reading.file
        )
    record, findings = department_of(reading, units[0], lines)
    if len(units) > 1:
        extra = [i for u in units[1:] for i in department_of(reading, u, lines)[0].indicators]
        from dataclasses import replace

        record = replace(record, indicators=record.indicators + tuple(extra))
    return record, findings


KIND = DocumentKind(
    name="department_targets",
    label="部门（单位）整体绩效目标表",
    record=DepartmentTargets,
    json_format="jixiao.department-targets",
    to_dict=lazy("jixiao.model.serialize", "department_to_dict"),
    from_dict=lazy("jixiao.model.serialize", "department_from_dict"),
    evidence=evidence,
    build=build,
    writers=writers("jixiao.exporters.department", "write_department"),
    required=("level3", "target"),
    rules="department_targets",
)
