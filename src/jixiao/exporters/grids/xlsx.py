"""A grid document as XLSX: one sheet per table (with an optional summary sheet first), merged cells kept.

Money, weights and scores are numbers with 0.00 formats, rates percentages; each table's sheet holds its title
and rows on the grid the DOCX and text forms use. Without a summary sheet, the document's title and lines stand
above the first table.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from jixiao.exporters.grids.cells import GridCell, GridDocument, GridTable
from jixiao.exporters.xlsx import _Sheet, _SheetNames, _Styles, open_workbook

SUMMARY_SHEET = "汇总"
_MM_PER_CHARACTER = 1.9  # millimetres of the DOCX grid per Excel column unit (11-point 宋体, with padding)

Summary = Callable[[Any, list[str], _Styles], None]


def write_grid_xlsx(doc: GridDocument, summary: Summary | None = None) -> bytes:
    """A grid document as an Excel workbook; the XLSX importer reads it back equal."""
    buffer = io.BytesIO()
    workbook = open_workbook(
        buffer,
        {
            "title": doc.title,
            "subject": doc.property("subject"),
            "keywords": doc.property("keywords"),
            "category": doc.property("category"),
            "author": doc.property("author"),
            "company": doc.property("author"),
        },
    )
    styles = _Styles(workbook)
    names = _SheetNames()
    first = workbook.add_worksheet(names.take(SUMMARY_SHEET)) if summary is not None else None
    wanted = doc.sheets or tuple(f"表{n}" for n in range(1, len(doc.tables) + 1))
    sheets = [names.take(name) for name in wanted]
    if summary is not None and first is not None:
        summary(first, sheets, styles)
    for n, (table, name) in enumerate(zip(doc.tables, sheets, strict=True)):
        lines = (doc.title, *doc.lines) if summary is None and n == 0 else ()
        _write_table(workbook.add_worksheet(name), table, styles, lines)
    if first is not None:
        first.activate()
    workbook.close()
    return buffer.getvalue()


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


def _write_table(ws: Any, table: GridTable, st: _Styles, lines: tuple[str, ...] = ()) -> None:
    columns = len(table.widths_mm)
    sheet = _Sheet(ws, columns, st)
    for n, line in enumerate(lines):
        sheet.line(line, st.title if n == 0 else st.left)
    if lines:
        sheet.row += 1
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
