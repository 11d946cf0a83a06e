"""The shapes a table takes in text (LAYOUTS.md "Table shapes"), told apart line by line.

- tab-separated rows and ``|``-separated rows keep every cell (the text extractor reads them directly);
- one cell per line (or per paragraph, blank lines between, indented, often ending in `` |``);
- one row per line, cells between two or more spaces (``rows``, their display columns kept) or between single
  spaces (``words``), an indented line a sub-row of the one above;
- a whole table on one line, cells between single spaces (``flat``) or run together (``glued``).

The last three lose the blank cells; their cells go to :func:`jixiao.importers.cells.rebuild_rows`. A region of
them starts only where a label of a performance table stands and more rows or labels follow, so running text
stays text (and a region whose rebuilt rows hold no table goes back to text lines).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from jixiao.importers.cells import Cell, cell_text, ends_cells, is_label_cell, starts_cells
from jixiao.importers.glued import glued_cells
from jixiao.importers.pieces import join_label_pieces

_GAP = re.compile(r"(?:[ \u00a0]{2,}|\u3000+)")
_INNER_GAP = re.compile(r"\S(?:[ \u00a0]{2,}|\u3000+)\S")
_LOOKAHEAD = 8


def width(text: str) -> int:
    """Display width: a CJK character takes two columns, as monospaced text extraction lays it out."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def spaced_parts(line: str) -> list[tuple[int, str]]:
    """The cells of a line whose cells stand between two or more spaces: (display column, text) each."""
    text = line.rstrip()
    out: list[tuple[int, str]] = []
    at = column = 0  # at: index in the text, column: its display column
    for m in _GAP.finditer(text):
        part = text[at : m.start()]
        lead = len(part) - len(part.lstrip())
        if part.strip():
            out.append((column + width(part[:lead]), part.strip()))
        column += width(text[at : m.end()])
        at = m.end()
    part = text[at:]
    if part.strip():
        out.append((column + width(part[: len(part) - len(part.lstrip())]), part.strip()))
    return out


def has_gap(line: str) -> bool:
    """True when a line holds two cells between two or more spaces."""
    if "  " not in line and "\u3000" not in line and "\u00a0" not in line:
        return False
    return _INNER_GAP.search(line.strip()) is not None


def indent_of(line: str) -> int:
    """The display width of a line's indentation."""
    return width(line) - width(line.lstrip(" \u3000\u00a0"))


def _cellish(line: str) -> bool:
    return "\t" not in line and line.count("|") <= 1


Shape = Literal["cells", "rows", "words", "flat", "glued"]


def region_at(lines: Sequence[str], at: int) -> Shape | None:
    """The shape of the table that starts at line ``at`` (one cell a line, rows between spaces, the whole table
    on the line), or None when none starts there."""
    line = lines[at]
    if "\t" in line or line.count("|") >= 2:
        return None
    text = cell_text(line)
    first = text.split(maxsplit=1)[0] if text else ""
    if not (
        (len(text) <= 24 and is_label_cell(text))
        or (len(first) <= 24 and is_label_cell(first))
        or text.count("指标") >= 6  # a table run together, its first label glued to what follows
    ):
        return None  # every table this reads starts with a label or a header word
    if has_gap(line) and opens_rows(lines, at):
        return "rows"
    if opens_words(lines, at):
        return "words"
    if len(line) <= 60:
        return "cells" if opens_cells(lines, at) else None
    if line.count(" ") >= 7 and flat_cells(line, at + 1, 0) is not None:
        return "flat"
    return "glued" if glued_cells(line, at + 1, 0) is not None else None


def continues_cells(lines: Sequence[str], at: int) -> bool:
    """True when the table written one cell per line goes on after a blank line (a page break): the next line
    is a cell of it (a level label, a value, a short text), not a paragraph of running text."""
    following = next((line for line in lines[at : at + 3] if line.strip()), "")
    text = cell_text(following)
    if not text or ends_cells(following) or has_gap(following):
        return False
    return len(text) <= 30 and not text.endswith(("。", "：", ":"))


def opens_cells(lines: Sequence[str], at: int) -> bool:
    """True when line ``at`` is a label on its own and more labels stand on their own in the lines after it."""
    if not starts_cells(lines[at]):
        return False
    seen = labels = spaced = 0
    for line in lines[at + 1 : at + 1 + 3 * _LOOKAHEAD]:
        if not line.strip():
            continue
        if not _cellish(line) or ends_cells(line):
            return False
        if has_gap(line):
            spaced += 1
            if spaced >= 2:
                return False  # rows of cells between spaces, not one cell a line
        seen += 1
        text = cell_text(line)
        if len(text) <= 24 and is_label_cell(text):
            labels += 1
            if labels >= 2:
                return True
        if seen >= _LOOKAHEAD:
            break
    return False


def opens_rows(lines: Sequence[str], at: int) -> bool:
    """True when line ``at`` is a row of cells between spaces that starts with a label, and rows follow."""
    line = lines[at]
    if "\t" in line or line.count("|") >= 2:
        return False
    first = _GAP.split(line.strip(), maxsplit=1)[0]
    if not first or len(first) > 24 or not is_label_cell(first):
        return False
    rows = 0
    for line in lines[at + 1 : at + 1 + _LOOKAHEAD]:
        if not line.strip():
            break
        if has_gap(line):
            rows += 1
            if rows >= 2:
                return True
    return False


def word_cells(line: str, number: int, page: int) -> list[Cell]:
    """The cells of a row written between single spaces, a label spaced out joined (绩 效 指 标)."""
    indent = indent_of(line)
    return [Cell(t, number, page, indent) for t in join_label_pieces(line.split())]


def opens_words(lines: Sequence[str], at: int) -> bool:
    """True when line ``at`` is a row of cells between single spaces starting with a label (项目名称 某项目),
    and more such rows follow: two of the next four lines hold several words."""
    line = lines[at]
    words = cell_text(line).split()
    if not 2 <= len(words) <= 40 or not is_label_cell(words[0]) or ends_cells(line):
        return False
    rows = 0
    for following in lines[at + 1 : at + 5]:
        if not following.strip() or ends_cells(following):
            break
        if len(cell_text(following).split()) >= 2:
            rows += 1
    return rows >= 2


def flat_cells(line: str, number: int, page: int) -> list[Cell] | None:
    """The cells of a whole table written on one line between single spaces, or None when the line is not one.

    A space also stands inside cells: single characters in a row are one label spaced out (绩 效 指 标), and
    two pieces that read as a label only together are one (预算规模及 资金用途)."""
    if line.count(" ") < 7 or "\t" in line or line.count("|") >= 2:
        return None
    tokens = line.split()
    if len(tokens) < 8:
        return None
    labels = sum(1 for t in tokens if len(t) <= 16 and is_label_cell(t))
    if labels < 4:
        return None
    return [Cell(t, number, page) for t in join_label_pieces(tokens)]
