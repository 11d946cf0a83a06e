"""The text extractor: tab-separated tables and running text, as PDF text extraction gives them."""

from __future__ import annotations

import re

from jixiao.importers.cells import Cell, cell_text, ends_cells, rebuild_rows, starts_cells
from jixiao.importers.cleanup import join_broken
from jixiao.importers.codes import import_finding
from jixiao.importers.decode import decode_text
from jixiao.importers.layout import Block, Layout, Row, Table, TextLine
from jixiao.model import Finding, Source

_PAGE_FOOTER = re.compile(r"^\s*[-—–]+\s*\d{1,4}\s*[-—–]+\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def text_file_layout(data: bytes, file: str | None = None) -> tuple[Layout, list[Finding]]:
    """The layout of a text file's bytes, with P01 first when it was not UTF-8. Raises UnreadableError."""
    text, encoding = decode_text(data, file)
    layout, findings = extract_text_layout(text, file)
    if encoding == "gb18030":
        findings.insert(
            0,
            import_finding(
                "P01",
                "文件不是 UTF-8 编码，已按 GBK/GB18030 读取；请核对中文是否显示正确，建议另存为 UTF-8。",
                Source(file=file),
            ),
        )
    return layout, findings


def extract_text_layout(text: str, file: str | None = None) -> tuple[Layout, list[Finding]]:
    """Split text into lines and tables: a run of lines holding tabs is one table, or one cell per line."""
    blocks: list[Block] = []
    findings: list[Finding] = []
    rows: list[Row] = []
    region: list[Cell] | None = None  # a table written one cell per line, from its 项目编码 line
    page = 1
    tables = 0

    def close_table() -> None:
        nonlocal rows, tables
        if rows:
            tables += 1
            blocks.append(Table(tuple(rows), tables, rows[0].page))
            rows = []

    def close_region() -> None:
        nonlocal region, rows
        if region:
            rows, found = rebuild_rows(region, file)
            findings.extend(found)
            close_table()
        region = None

    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        page += raw.count("\f")
        line = raw.replace("\f", "").rstrip(" \r\u3000")
        if _PAGE_FOOTER.match(line):
            continue
        if region is not None:
            if not ends_cells(line):
                if cell := cell_text(line):
                    region.append(Cell(cell, number, page))
                continue
            close_region()
        if "\t" in line and (rows or line.strip()):
            # a line of tabs alone inside a table is a row of empty cells, not the table's end
            rows.append(Row(tuple(c.strip() for c in line.split("\t")), number, page))
        elif line.count("|") >= 2 and not _RULE.match(line):
            # one table row per line with | between cells, sometimes with leading and trailing |
            cells = line.strip()
            cells = cells[1:] if cells.startswith("|") else cells
            cells = cells[:-1] if cells.endswith("|") else cells
            rows.append(Row(tuple(c.strip() for c in cells.split("|")), number, page))
        elif _RULE.match(line) and rows:
            continue  # a markdown rule under a header: |---|---|
        elif "项目" in line and starts_cells(line):
            close_table()
            region = [Cell(cell_text(line), number, page)]
        elif not line.strip():
            close_table()
        elif rows:
            # A line without tabs right under a table row is the rest of that row's last filled cell.
            rows[-1] = _continue_row(rows[-1], line.strip())
            findings.append(
                import_finding(
                    "P04",
                    f"第 {number} 行“{line.strip()}”接在上一行表格单元格之后，已并入该单元格。",
                    Source(file=file, line=number, page=page, cell=line.strip()),
                )
            )
        else:
            blocks.append(TextLine(line.strip(), number, page))
    close_region()
    close_table()
    return Layout(file, tuple(blocks)), findings


def _continue_row(row: Row, rest: str) -> Row:
    cells = list(row.cells)
    last = max((i for i, c in enumerate(cells) if c), default=0)
    cells[last] = join_broken(cells[last], rest)
    return Row(tuple(cells), row.line, row.page)
