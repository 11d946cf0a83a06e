"""Fixture documents in real forms, written the way an office suite writes them: DOCX, XLSX and, through
LibreOffice, PDF. Independent of jixiao's own exporters, so a form jixiao never wrote is what gets read.

A document is a list of blocks: a paragraph (``str``) or a :class:`Table`. A table is a list of rows; a row
lists its cells left to right as an HTML table does: a cell covered by a vertical merge from above is not
listed again. Cells are ``str`` or :class:`C` (spans, rotation, a number for XLSX).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple


class C(NamedTuple):
    """A table cell: text, columns and rows spanned, rotated text (a label column), a number for XLSX."""

    text: str = ""
    span: int = 1
    rows: int = 1
    vertical: bool = False
    number: Decimal | None = None  # XLSX writes it as a number (with ``number_format``); DOCX writes ``text``
    number_format: str = "General"
    formula: str | None = None  # XLSX writes this formula (without a cached value, as a typed "=100%" is)


class Table(NamedTuple):
    """A table: its rows of cells."""

    rows: Sequence[Sequence[str | C]]


Block = str | Table


def _cell(cell: str | C) -> C:
    return cell if isinstance(cell, C) else C(cell)


def grid(table: Table) -> tuple[int, int, list[tuple[int, int, C]]]:
    """The table placed on its grid: (rows, columns, [(row, column, cell)]) with merges resolved."""
    covered: set[tuple[int, int]] = set()
    placed: list[tuple[int, int, C]] = []
    width = 0
    for r, row in enumerate(table.rows):
        col = 0
        for raw in row:
            cell = _cell(raw)
            while (r, col) in covered:
                col += 1
            placed.append((r, col, cell))
            for dr in range(cell.rows):
                for dc in range(cell.span):
                    covered.add((r + dr, col + dc))
            col += cell.span
            width = max(width, col)
        while (r, col) in covered:
            col += 1
        width = max(width, col)
    return len(table.rows), width, placed


# -- DOCX ----------------------------------------------------------------------------------------------


def docx_bytes(blocks: Sequence[Block], landscape: bool = True) -> bytes:
    """A Word file of the blocks, tables with real merges (gridSpan, vMerge) as Word writes them."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    document: Any = docx.Document()
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(15)
    section.top_margin = section.bottom_margin = Mm(15)
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        rows, cols, placed = grid(block)
        table = document.add_table(rows=rows, cols=cols)
        table.style = "Table Grid"
        for r, c, cell in placed:
            target = table.cell(r, c)
            if cell.span > 1 or cell.rows > 1:
                target = target.merge(table.cell(r + cell.rows - 1, c + cell.span - 1))
            lines = cell.text.split("\n")
            target.text = lines[0]
            for line in lines[1:]:
                target.add_paragraph(line)
            if cell.vertical:
                props = target._tc.get_or_add_tcPr()
                direction = OxmlElement("w:textDirection")
                direction.set(qn("w:val"), "tbRlV")
                props.append(direction)
        document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- XLSX ----------------------------------------------------------------------------------------------


def xlsx_bytes(blocks: Sequence[Block], sheets: Sequence[Sequence[Block]] | None = None) -> bytes:
    """An Excel file: the blocks top to bottom on one sheet (or ``sheets``, one list of blocks per sheet).

    A paragraph is a line in column A; a table's merges are real merged ranges; a cell with ``number`` is a
    number cell with its format; a cell with ``formula`` is a formula with no cached value.
    """
    import openpyxl  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment  # type: ignore[import-untyped]

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for n, sheet_blocks in enumerate(sheets if sheets is not None else [blocks], start=1):
        ws = workbook.create_sheet(f"Sheet{n}")
        row = 1
        for block in sheet_blocks:
            if isinstance(block, str):
                ws.cell(row=row, column=1, value=block)
                row += 2 if not block else 1
                continue
            rows, _, placed = grid(block)
            for r, c, cell in placed:
                target = ws.cell(row=row + r, column=1 + c)
                if cell.formula is not None:
                    target.value = cell.formula
                elif cell.number is not None:
                    target.value = float(cell.number) if cell.number % 1 else int(cell.number)
                    target.number_format = cell.number_format
                else:
                    target.value = cell.text or None
                if cell.vertical:
                    target.alignment = Alignment(text_rotation=255, wrap_text=True)
                elif "\n" in cell.text:
                    target.alignment = Alignment(wrap_text=True)
                if cell.span > 1 or cell.rows > 1:
                    ws.merge_cells(
                        start_row=row + r,
                        start_column=1 + c,
                        end_row=row + r + cell.rows - 1,
                        end_column=c + cell.span,
                    )
            row += rows + 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# -- PDF through LibreOffice -----------------------------------------------------------------------------

SOFFICE = shutil.which("soffice")


def pdf_files(sources: dict[str, bytes], workdir: Path) -> dict[str, bytes]:
    """Print DOCX or XLSX files to PDF with LibreOffice in one run: {name.docx: bytes} → {name.docx: pdf}."""
    assert SOFFICE, "LibreOffice is missing: run make install (it installs libreoffice-writer-nogui)"
    src = workdir / "src"
    out = workdir / "pdf"
    src.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in sources.items():
        path = src / name
        path.write_bytes(data)
        paths.append(str(path))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                *paths,
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    return {name: (out / f"{Path(name).stem}.pdf").read_bytes() for name in sources}
