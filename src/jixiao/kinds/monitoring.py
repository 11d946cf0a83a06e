"""The monitoring kind: a 项目支出绩效监控表 (any province's form) read into a MonitoringReport.

A file is a monitoring report when its grids ask how likely the targets are (完成目标可能性), forecast the
year (全年预计执行数, 全年预计完成情况), or report progress to a month (1–7月执行情况).
"""

from __future__ import annotations

from jixiao.importers.engine.cells import read_percent, split_reason
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
from jixiao.kinds.tracking import fund_lines, read_lines, report_incomplete, total_row
from jixiao.model import (
    Finding,
    MonitoredIndicator,
    MonitoringReport,
    ProjectMonitoring,
    SpendingPoint,
    parse_value,
)

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
        "forecast",
        "likelihood",
        "deviation_category",
    }
)
REQUIRED = ("level3", "target", "actual", "likelihood")
LABELS = {
    "level1": "一级指标",
    "level3": "三级指标",
    "target": "年度指标值",
    "actual": "执行情况",
    "likelihood": "完成目标可能性",
}


def evidence(reading: Reading) -> int:
    """Likelihoods, forecasts of the year, progress to a month."""
    units = reading.units
    roles = {r for u in units for r in u.roles}
    score = 0
    if "likelihood" in roles:
        score += 10
    if roles & {"forecast", "forecast_executed"}:
        score += 6
    months = [c.attrs.month for u in units for c in u.columns if c.role == "actual"]
    months += [a.month for u in units for r, a in u.money_columns.items() if r == "executed"]
    if any(m is not None and m < 12 for m in months):
        score += 5
    return score


def _monitored(b: Builder, row: GridRow) -> MonitoredIndicator:
    reason, action = text_of(row, "deviation_reason"), text_of(row, "corrective_action")
    if "deviation" in row.cells:
        r2, a2 = split_reason(text_of(row, "deviation"))
        reason, action = reason or r2, action or a2
    sources = {role: cell.source for role, cell in row.cells.items()}
    if "actual" in sources:
        sources["progress"] = sources.pop("actual")
    return MonitoredIndicator(
        level1=level_text(text_of(row, "level1")),
        level2=level_text(text_of(row, "level2")),
        level3=strip_core_mark(text_of(row, "level3")),
        target=parse_value(value_of(row)),
        progress=optional_value(value_of(row, "actual")),
        likelihood=text_of(row, "likelihood"),
        deviation_category=text_of(row, "deviation_category"),
        deviation_reason=reason,
        corrective_action=action,
        note=text_of(row, "remark"),
        forecast=optional_value(value_of(row, "forecast")),
        direction=direction_of(text_of(row, "direction")),
        value_type=text_of(row, "value_type"),
        explanation=text_of(row, "explanation"),
        scoring_rule=text_of(row, "scoring_rule"),
        core=is_core(row),
        source=row.source,
        cell_sources=tuple(sources.items()),
    )


def project_of(b: Builder, unit: Unit) -> ProjectMonitoring:
    """The 监控表 of one project from its unit."""
    name_cell = unit.first("project_name")
    name = b.clean(name_cell.text, name_cell.source, "项目名称", "name") if name_cell else ""
    code = unit.text("project_code").strip()
    plan = []
    for month, cell in unit.spending:
        percent = read_percent(cell.text)[0] if cell is not None else None
        plan.append(SpendingPoint(month, percent))
    details = [(label, cell.text) for label, cell in unit.details if cell.text.strip()]
    report_incomplete(b, unit, "监控表", bool(name or code))
    report_missing_columns(b, unit, REQUIRED, LABELS)
    report_unkept(b, unit, KEPT, "监控表")
    cells = {"name": name_cell.source} if name_cell else {}
    total = total_row(unit.funds)
    if total is not None:
        for role in ("budget_initial", "budget_full_year", "executed", "forecast_executed"):
            if role in total.amounts:
                cells[role] = total.amounts[role].source
    if unit.spending_source is not None:
        cells["spending_plan"] = unit.spending_source
    return ProjectMonitoring(
        code=code,
        name=name,
        department=unit.text("supervising_department"),
        implementing_unit=unit.text("implementing_unit"),
        attribute=ticked(unit.text("attribute")),
        category=ticked(unit.text("category")),
        details=tuple(details),
        money_unit=b.money_unit,
        funds=tuple(fund_lines(b, unit.funds)),
        spending_plan=tuple(plan),
        indicators=tuple(_monitored(b, row) for row in unit.rows),
        deviation_reason=b.lines("deviation_reason"),
        corrective_action=b.lines("corrective_action"),
        source=unit.source,
        cell_sources=tuple(cells.items()),
    )


def _month(reading: Reading, title_month: int | None, table_month: int | None) -> int | None:
    for unit in reading.units:
        attrs = unit.money_columns.get("executed")
        if attrs is not None and attrs.month is not None:
            return attrs.month
        for col in unit.columns:
            if col.role == "actual" and col.attrs.month is not None:
                return col.attrs.month
    return title_month or table_month


def build(reading: Reading) -> tuple[MonitoringReport, list[Finding]]:
    """The MonitoringReport of a reading. Raises UnreadableError when it holds none."""
    lines = read_lines(reading, "监控表")
    units = [u for u in reading.units if not u.department_total]
    if not units and lines.title is None:
        raise UnreadableError(
            "没有找到绩效运行监控表的内容（项目名称、项目资金、绩效指标等栏目）。这可能不是该类表格，或者版式暂不支持。",
            reading.file,
        )
    projects = []
    for n, unit in enumerate(units, start=1):
        unit.number = n
        money_unit = unit.money_unit or lines.money_unit or "万元"
        projects.append(project_of(Builder(reading.ctx, unit, money_unit), unit))
    title = lines.title
    month = (title.month if title else None) or _month(reading, None, lines.table_month)
    if month is None:
        reading.ctx.report(
            "P10",
            f"没有找到监控期间（标题或表头中的“1–m月”），按 1–{MonitoringReport.month}月读取；"
            "请在标题后注明监控期间，如“（1–7月）”。",
            reading.ctx.source(None),
        )
        month = MonitoringReport.month
    unit_name, unit_code = lines.unit
    return (
        MonitoringReport(
            unit_code=unit_code,
            unit_name=unit_name,
            fiscal_year=title.year if title else lines.others.fiscal_year,
            month=month,
            title=(title.title if title and title.title else MonitoringReport.title),
            targets=lines.targets,
            scoring_profile=lines.profile,
            projects=tuple(projects),
            form=forms.form_of(reading, "monitoring"),
            source=reading.ctx.source(None),
        ),
        reading.ctx.findings,
    )


KIND = DocumentKind(
    name="monitoring",
    label="绩效运行监控表",
    record=MonitoringReport,
    json_format="jixiao.monitoring-report",
    to_dict=lazy("jixiao.model.serialize_tracking", "monitoring_report_to_dict"),
    from_dict=lazy("jixiao.model.serialize_tracking", "monitoring_report_from_dict"),
    evidence=evidence,
    build=build,
    writers=writers("jixiao.exporters", "write_tracking"),
    required=REQUIRED,
    rules="monitoring",
)
