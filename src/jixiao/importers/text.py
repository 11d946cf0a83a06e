"""The text extractor: tables and running text in every shape text gives them (LAYOUTS.md "Table shapes").

Tab-separated rows and ``|``-separated rows (runs of ``||||`` for blank cells, a border ``|`` on every row,
markdown rules, a colspan expanded into hundreds of ``|``) keep every cell and are read as they are. A table
written one cell per line (or per paragraph, indented, each line ending in `` |``), one row per line between
spaces, or whole on one line keeps only its written cells: those are gathered from the table's first label
(:mod:`jixiao.importers.shapes`) and rebuilt into rows (:mod:`jixiao.importers.cells`).
"""

from __future__ import annotations

import re

from jixiao.importers.cells import Cell, Mode, cell_text, ends_cells, looks_like_table, rebuild_rows
from jixiao.importers.cleanup import join_broken
from jixiao.importers.codes import import_finding
from jixiao.importers.decode import decode_text
from jixiao.importers.glued import glued_cells
from jixiao.importers.layout import Block, Layout, Row, Table, TextLine
from jixiao.importers.shapes import continues_cells, flat_cells, region_at, spaced_parts, word_cells
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
    """Split text into lines and tables: tab or | rows, and tables whose blank cells left no trace (one cell per
    line, one row per line between spaces, a whole table on one line), rebuilt into rows."""
    blocks: list[Block] = []
    findings: list[Finding] = []
    rows: list[Row] = []
    region: list[Cell] | None = None  # a table whose blanks left no trace, from its first label
    mode: Mode = "cells"
    paragraphs = False  # one cell per paragraph: blank lines between the cells
    piped = False  # the rows being read are | rows
    page = 1
    tables = 0

    def close_table() -> None:
        nonlocal rows, tables, piped
        if rows:
            tables += 1
            blocks.append(Table(tuple(_unpipe(rows) if piped else rows), tables, rows[0].page))
            rows = []
        piped = False

    def close_region() -> None:
        nonlocal region, rows
        if region:
            rebuilt, found = rebuild_rows(region, file, mode)
            if looks_like_table(rebuilt):
                rows = rebuilt
                findings.extend(found)
                close_table()
            else:  # labels in running text, no table: the lines stay text
                for number in sorted({c.line for c in region}):
                    blocks.append(
                        TextLine(lines[number - 1].replace("\f", "").strip(), number, region[0].page)
                    )
        region = None

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, start=1):
        page += raw.count("\f")
        line = raw.replace("\f", "").rstrip(" \r\u3000")
        if _PAGE_FOOTER.match(line):
            continue
        if region is not None:
            if mode == "cells" and not ends_cells(line):
                if cell := cell_text(line):
                    region.append(Cell(cell, number, page))
                    continue
                if paragraphs or not region or line.strip() or continues_cells(lines, number):
                    continue  # a line holding only |, or a blank line (a page break) inside the table
            elif mode == "rows" and line.strip() and not ends_cells(line):
                region += [Cell(t, number, page, at) for at, t in spaced_parts(line)]
                continue
            elif mode == "words" and line.strip() and not ends_cells(line):
                region += word_cells(line, number, page)
                continue
            close_region()
        if "\t" in line and (rows or line.strip()):
            # a line of tabs alone inside a table is a row of empty cells, not the table's end
            rows.append(Row(tuple([c.strip() for c in line.split("\t")]), number, page))
        elif "|" in line and _is_pipe_row(lines, number - 1, piped) and not _RULE.match(line):
            # one table row per line with | between cells, sometimes with leading and trailing |
            if rows and not piped:
                close_table()
            piped = True
            rows.append(Row(tuple(line.strip().split("|")), number, page))
        elif rows and "-" in line and _RULE.match(line):
            continue  # a markdown rule under a header: |---|---|
        elif not line.strip():
            close_table()
        elif not rows and (shape := region_at(lines, number - 1)) is not None:
            # a table whose blank cells left no trace starts here: its cells are gathered, then rebuilt
            if shape == "cells":
                region, mode = [Cell(cell_text(line), number, page)], "cells"
                paragraphs = number < len(lines) and not lines[number].strip()
            elif shape == "rows":
                region, mode = [Cell(t, number, page, at) for at, t in spaced_parts(line)], "rows"
            elif shape == "words":
                region, mode = word_cells(line, number, page), "words"
            else:  # the whole table on this line
                region = (flat_cells if shape == "flat" else glued_cells)(line, number, page)
                mode = "flat"
                close_region()
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
            blocks.append(TextLine(cell_text(line) if "|" in line else line.strip(), number, page))
    close_region()
    close_table()
    return Layout(file, tuple(blocks)), findings


def _is_pipe_row(lines: list[str], at: int, piped: bool) -> bool:
    """A row of | rows: two | or more; one | between two cells in a | table or right above a | row."""
    line = lines[at]
    count = line.count("|")
    if count >= 2:
        return True
    if count == 0 or line.strip().endswith("|") or line.strip().startswith("|"):
        return piped and count == 1
    if piped:
        return True
    for following in lines[at + 1 : at + 6]:  # rows of two cells, then a row of more
        if not following.strip():
            continue
        if following.count("|") >= 2:
            return "\t" not in following
        if following.count("|") != 1 or following.strip().endswith("|"):
            return False
    return False


def _unpipe(rows: list[Row]) -> list[Row]:
    """| rows with their cells: a leading (trailing) | that every row has is a border, not an empty cell."""
    lead = all(r.cells and not r.cells[0].strip() for r in rows)
    trail = all(len(r.cells) > 1 and not r.cells[-1].strip() for r in rows)
    out = []
    for r in rows:
        cells = r.cells[1 if lead else 0 : len(r.cells) - 1 if trail else len(r.cells)]
        out.append(Row(tuple(c.strip() for c in cells), r.line, r.page))
    return out


def _continue_row(row: Row, rest: str) -> Row:
    cells = list(row.cells)
    last = max((i for i, c in enumerate(cells) if c), default=0)
    cells[last] = join_broken(cells[last], rest)
    return Row(tuple(cells), row.line, row.page)
