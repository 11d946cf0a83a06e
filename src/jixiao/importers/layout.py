"""The intermediate layout every extractor produces: text lines and tables, each with its position.

One assembler turns a layout into the model, so a new file format is one extractor, not a new parser.
Merged cells appear as their text in the first cell and blanks in the cells they cover.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextLine:
    """A line (or paragraph) of running text outside any table."""

    text: str
    line: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class Row:
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
        return not any(c.strip() for c in self.cells)


@dataclass(frozen=True)
class Table:
    """A table: its rows and its 1-based number in the file."""

    rows: tuple[Row, ...]
    number: int
    page: int | None = None


Block = TextLine | Table


@dataclass(frozen=True)
class Layout:
    """The lines and tables of one file, in reading order."""

    file: str | None
    blocks: tuple[Block, ...]
