"""The XLSX form of a self-evaluation or a monitoring report: a summary sheet and one sheet per project.

The summary sheet holds the main title, 填报单位, the approved targets followed (unit, year, title and the
fingerprint) and one row per project with its money, 执行率 and, for a self-evaluation, its 总分 and 等级. Each
project sheet holds the project's table (:mod:`jixiao.exporters.grids.xlsx`). The importer reads the title lines
of the summary sheet and skips its project list, which repeats the project sheets.
"""

from __future__ import annotations

from typing import Any

from jixiao.exporters.grids.xlsx import write_grid_xlsx
from jixiao.exporters.tracking.grid import cover_lines, execution_rate, title_line, tracking_document
from jixiao.exporters.xlsx import _Sheet, _Styles
from jixiao.model import MonitoringReport, ProjectEvaluation, ProjectMonitoring, SelfEvaluation


def write_tracking_xlsx(record: SelfEvaluation | MonitoringReport) -> bytes:
    """A self-evaluation or monitoring report as an Excel workbook; the XLSX importer reads it back equal."""

    def summary(ws: Any, sheets: list[str], styles: _Styles) -> None:
        _write_summary(ws, record, sheets, styles)

    return write_grid_xlsx(tracking_document(record), summary)


def _write_summary(
    ws: Any, record: SelfEvaluation | MonitoringReport, sheets: list[str], st: _Styles
) -> None:
    heads = ["序号", "项目编码", "项目名称", "金额单位", "年初预算数", "全年预算数"]
    if isinstance(record, SelfEvaluation):
        heads += ["全年执行数", "执行率", "总分", "自评等级", "指标数"]
    else:
        heads += [f"{record.period}执行数", "执行率", "全年预计执行数", "指标数"]
    sheet = _Sheet(ws, len(heads), st)
    sheet.line(title_line(record), st.title)
    for line in cover_lines(record):
        sheet.line(line, st.left)
    sheet.row += 1
    for col, head in enumerate(heads):
        sheet.text(col, head, st.header)
    sheet.row += 1
    first = sheet.row
    projects: tuple[ProjectEvaluation | ProjectMonitoring, ...] = record.projects
    for number, (project, name) in enumerate(zip(projects, sheets, strict=True), start=1):
        ws.write_number(sheet.row, 0, number, st.number("0"))
        sheet.text(1, project.code, st.cell)
        target = name.replace("'", "''")
        ws.write_url(sheet.row, 2, f"internal:'{target}'!A1", st.link, project.name or name)
        sheet.texts.append((sheet.row, 2, 2, sheet.row, project.name))
        sheet.text(3, project.money_unit, st.center)
        total = project.total_fund
        sheet.amount(4, total.budget_initial if total else None, 2)
        sheet.amount(5, total.budget_full_year if total else None, 2)
        sheet.amount(6, total.executed if total else None, 2)
        sheet.amount(7, execution_rate(total), 2, percent=True)
        if isinstance(project, ProjectEvaluation):
            sheet.amount(8, project.total_score, 2)
            sheet.text(9, project.grade, st.center)
        else:
            sheet.amount(8, total.forecast_executed if total else None, 2)
        ws.write_number(sheet.row, len(heads) - 1, len(project.indicators), st.number("0"))
        sheet.row += 1
    sheet.finish((6, 24, 30, 8, 12, 12, 12, 10, 12, 10, 8), 40)
    ws.freeze_panes(first, 0)
    ws.set_landscape()
