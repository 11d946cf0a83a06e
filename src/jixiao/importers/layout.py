"""The intermediate layout every extractor produces: text lines and tables, each with its position.

One assembler turns a layout into the model, so a new file format is one extractor, not a new parser.
Merged cells appear as their text in the first cell and blanks in the cells they cover. The records are
named tuples rather than dataclasses: they are many and short-lived, and cheaper to define at start-up.
"""

from __future__ import annotations

from typing import NamedTuple


class TextLine(NamedTuple):
    """A line (or paragraph) of running text outside any table."""

    text: str
    line: int | None = None
    page: int | None = None


class Row(NamedTuple):
    """One row of a table: its cells' texts in column order (1-based columns when reported)."""

    cells: tuple[str, ...]
    line: int | None = None
    page: int | None = None

    def cell(self, column: int) -> str:
        """The text of a 0-based column, or '' beyond the row's end."""
        return self.cells[column] if 0 <= column < len(self.cells) else ""

    @property
    def is_blank(self) -> bool:
        """True when every cell is empty."""
        return not "".join(self.cells).strip()


class Table(NamedTuple):
    """A table: its rows and its 1-based number in the file."""

    rows: tuple[Row, ...]
    number: int
    page: int | None = None


Block = TextLine | Table


class Layout(NamedTuple):
    """The lines and tables of one file, in reading order."""

    file: str | None
    blocks: tuple[Block, ...]
