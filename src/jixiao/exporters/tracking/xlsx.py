"""The XLSX form of a self-evaluation or a monitoring report: a summary sheet and one sheet per project.

The summary sheet holds the main title, 填报单位, the approved targets followed (unit, year, title and the
fingerprint) and one row per project with its money, 执行率 and, for a self-evaluation, its 总分 and 等级. Each
project sheet holds the project's table under its title, on the grid the DOCX and text forms use, with merged
cells; money, weights and scores are numbers with 0.00 formats, rates percentages. The importer reads the
title lines of the summary sheet and skips its project list, which repeats the project sheets.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from jixiao.exporters.tracking.grid import (
    GridCell,
    GridTable,
    cover_lines,
    execution_rate,
    tables_of,
    title_line,
)
from jixiao.exporters.xlsx import _Sheet, _SheetNames, _Styles
from jixiao.model import MonitoringReport, ProjectEvaluation, ProjectMonitoring, SelfEvaluation

SUMMARY_SHEET = "汇总"
_MM_PER_CHARACTER = 1.9  # millimetres of the DOCX grid per Excel column unit (11-point 宋体, with padding)


def write_tracking_xlsx(record: SelfEvaluation | MonitoringReport) -> bytes:
    """A self-evaluation or monitoring report as an Excel workbook; the XLSX importer reads it back equal."""
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    workbook.set_properties(
        {
            "title": title_line(record),
            "subject": next((line for line in cover_lines(record) if line.startswith("依据")), ""),
            "keywords": record.targets.fingerprint,
            "category": "绩效自评表" if isinstance(record, SelfEvaluation) else "绩效运行监控表",
            "author": record.unit_name or "",
            "company": record.unit_name or "",
            "comments": "由 jixiao 生成",
        }
    )
    styles = _Styles(workbook)
    names = _SheetNames()
    summary = workbook.add_worksheet(names.take(SUMMARY_SHEET))
    tables = tables_of(record)
    projects: tuple[ProjectEvaluation | ProjectMonitoring, ...] = record.projects
    sheets = [names.take(f"{n}.{p.name}" if p.name else f"项目{n}") for n, p in enumerate(projects, start=1)]
    _write_summary(summary, record, sheets, styles)
    for table, name in zip(tables, sheets, strict=True):
        _write_table(workbook.add_worksheet(name), table, styles)
    summary.activate()
    workbook.close()
    return buffer.getvalue()


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


def _vertical_extent(rows: tuple[tuple[GridCell, ...], ...], r: int, col: int) -> int:
    """How many rows below row ``r`` the cell opening a vertical merge at grid column ``col`` covers."""
    covered = 0
    for row in rows[r + 1 :]:
        cell = _cell_at(row, col)
        if cell is None or cell.merge != "continue":
            break
        covered += 1
    return covered


def _cell_at(row: tuple[GridCell, ...], col: int) -> GridCell | None:
    start = 0
    for cell in row:
        if start == col:
            return cell
        start += cell.span
    return None


def _write_table(ws: Any, table: GridTable, st: _Styles) -> None:
    columns = len(table.widths_mm)
    sheet = _Sheet(ws, columns, st)
    sheet.line(table.title, st.title)
    for r, row in enumerate(table.rows):
        col = 0
        for cell in row:
            last_col = col + cell.span - 1
            if cell.merge != "continue":
                last_row = sheet.row + (
                    _vertical_extent(table.rows, r, col) if cell.merge == "restart" else 0
                )
                _write_cell(sheet, cell, col, last_col, last_row, st)
            col = last_col + 1
        sheet.row += 1
    widths = tuple(max(6, round(mm / _MM_PER_CHARACTER)) for mm in table.widths_mm)
    sheet.finish(widths, max(widths))
    ws.set_landscape()


def _write_cell(sheet: _Sheet, cell: GridCell, col: int, last_col: int, last_row: int, st: _Styles) -> None:
    if cell.number is None:
        fmt = st.label if cell.label else st.center if cell.align in ("center", "right") else st.cell
        sheet.text(col, cell.text, fmt, last_col, last_row)
        return
    if last_col > col or last_row > sheet.row:
        sheet.ws.merge_range(sheet.row, col, last_row, last_col, "", st.cell)
    places = 0 if cell.percent else 2
    sheet.amount(col, Decimal(cell.number), places, percent=cell.percent)
