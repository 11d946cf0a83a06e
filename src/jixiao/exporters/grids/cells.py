"""The cells of a grid document: text with spans and vertical merges, numbers for spreadsheets."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from jixiao.model import IndicatorValue


class GridCell(NamedTuple):
    """One cell to write: its text, columns spanned, vertical merge, whether a label, alignment, a number."""

    text: str = ""
    span: int = 1
    merge: str | None = None  # "restart" opens a vertical merge, "continue" is covered by the cell above
    label: bool = False
    align: str = "left"
    number: Decimal | None = None  # written as a number in XLSX, ``text`` elsewhere
    percent: bool = False  # ``number`` is a percentage (``96.15`` for 96.15%)


class GridTable(NamedTuple):
    """A project's table: its title above it and its rows on a grid of ``len(widths_mm)`` columns."""

    title: str
    widths_mm: tuple[float, ...]
    rows: tuple[tuple[GridCell, ...], ...]


def label(text: str, span: int = 1, merge: str | None = None) -> GridCell:
    """A label cell: bold, centred."""
    return GridCell(text, span, merge, label=True, align="center")


def amount(value: Decimal | None, span: int = 1) -> GridCell:
    """A number cell (money, a weight, a score): written as the record holds it."""
    return GridCell("" if value is None else format(value, "f"), span, align="right", number=value)


def percent(value: Decimal | None, span: int = 1) -> GridCell:
    """A percentage cell such as ``96.15%``."""
    text = "" if value is None else f"{value:f}%"
    return GridCell(text, span, align="right", number=value, percent=True)


def continued(span: int = 1) -> GridCell:
    """A cell covered by the vertically merged cell above it."""
    return GridCell("", span, "continue", label=True, align="center")


def row_texts(row: Sequence[GridCell]) -> list[str]:
    """A row's texts, one per grid column: a merged cell's text in its first column, blanks after it."""
    out: list[str] = []
    for cell in row:
        out += ["" if cell.merge == "continue" else cell.text] + [""] * (cell.span - 1)
    return out


def value_text(value: IndicatorValue | None) -> str:
    """An indicator value as written; an empty cell for none."""
    return "" if value is None else value.raw


def lines_text(text: str, separator: str = "\n") -> str:
    """A text of several lines written in one cell as a numbered list (``1.…`` ``2.…``), read back line by line."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return text.strip()
    return separator.join(f"{n}.{line}" for n, line in enumerate(lines, start=1))


class GridDocument(NamedTuple):
    """A document to write: its main title, the lines under it, its tables, and the file's properties.

    ``properties`` are (name, value) pairs for the file's metadata: title, subject, keywords, category, author.
    ``sheets`` names the XLSX sheet of each table (one sheet each); empty means one sheet for all.
    """

    title: str
    lines: tuple[str, ...]
    tables: tuple[GridTable, ...]
    properties: tuple[tuple[str, str], ...] = ()
    sheets: tuple[str, ...] = ()

    def property(self, name: str) -> str:
        """A property's value, '' when not set."""
        return next((v for k, v in self.properties if k == name), "")
