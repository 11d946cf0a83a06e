"""The text shapes of LAYOUTS.md ("Table shapes" 1–5), written from documents given as tables of cells.

A document here is a list of blocks: a paragraph (``str``) kept as it is in every shape, or a table as rows of
cell texts placed on the table's grid (a merged cell's text in its first cell, the cells it covers blank). The
fixtures of :mod:`tests.forms` and the tab-separated example give such documents; :func:`write` lays one out in
a shape, and :func:`facts` lists what a reading of it holds, to compare a shape's reading with the tab layout's.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from jixiao.importers.errors import UnreadableError
from jixiao.kinds import read_any
from jixiao.model import (
    AnyDocument,
    DepartmentTargets,
    MonitoringReport,
    PerformanceDocument,
    SelfEvaluation,
)
from tests.forms import office
from tests.forms.tuples import _n, pairs

Grid = list[list[str]]
Doc = list[str | Grid]


# -- documents as tables of cells -------------------------------------------------------------------------


def from_office(blocks: Sequence[office.Block]) -> Doc:
    """A fixture's blocks as paragraphs and grids; a line break inside a cell (``经济效益\\n指标``) is kept: the
    shapes join the pieces, except ``cells-broken`` which writes each piece on a line of its own."""
    doc: Doc = []
    for block in blocks:
        if isinstance(block, str):
            doc.append(block)
            continue
        rows, width, placed = office.grid(block)
        cells = [[""] * width for _ in range(rows)]
        for r, c, cell in placed:
            cells[r][c] = "\n".join(part.strip() for part in cell.text.split("\n"))
        doc.append(cells)
    return doc


def from_tab_text(text: str) -> Doc:
    """A tab-separated text as paragraphs and grids: a run of lines holding tabs is one table."""
    doc: Doc = []
    table: Grid | None = None
    for line in text.split("\n"):
        if "\t" in line:
            if table is None:
                table = []
                doc.append(table)
            table.append([c.strip() for c in line.split("\t")])
            continue
        table = None
        doc.append(line)
    for block in doc:
        if isinstance(block, list):
            width = max(len(r) for r in block)
            for cells in block:
                cells.extend([""] * (width - len(cells)))
    return doc


# -- the shapes --------------------------------------------------------------------------------------------


def _filled(row: Sequence[str]) -> list[str]:
    return [c for c in row if c]


def _width(text: str) -> int:
    """Display width: a CJK character takes two columns, as a monospaced text extraction lays it out."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _tab(grid: Grid) -> list[str]:
    return ["\t".join(row) for row in grid]


def _pipe(grid: Grid) -> list[str]:
    """Cells between |, empty cells kept (runs of ||||)."""
    return ["|".join(row) for row in grid]


def _markdown(grid: Grid) -> list[str]:
    """| a | b | with a rule under the first row."""
    lines = ["| " + " | ".join(row) + " |" for row in grid]
    return [lines[0], "|" + "---|" * len(grid[0]), *lines[1:]]


def _pipe_wide(grid: Grid, factor: int = 24) -> list[str]:
    """Every column expanded into ``factor`` (a colspan expanded cell by cell): hundreds of | on a line."""
    return ["|" + "|".join(c + "|" * (factor - 1) for c in row) + "|" for row in grid]


def _cells(end: str = "", blank: bool = False, indent: str = "") -> Callable[[Grid], list[str]]:
    """One non-empty cell per line, ending in ``end``, a blank line after each when ``blank``, indented."""

    def write(grid: Grid) -> list[str]:
        out: list[str] = []
        for row in grid:
            for cell in _filled(row):
                out.append(f"{indent}{cell}{end}")
                if blank:
                    out.append("")
        return out

    return write


def _spaced(grid: Grid) -> list[str]:
    """Non-empty cells of a row between two spaces, each blank leading cell indenting the row by four."""
    out = []
    for row in grid:
        lead = next((n for n, c in enumerate(row) if c), len(row))
        out.append("    " * lead + "  ".join(_filled(row)))
    return out


def _single_spaced(grid: Grid) -> list[str]:
    """Non-empty cells of a row between single spaces, a row whose first cells are blank indented by two."""
    out = []
    for row in grid:
        lead = next((n for n, c in enumerate(row) if c), len(row))
        out.append(("  " if lead else "") + " ".join(_filled(row)))
    return out


def _aligned(grid: Grid) -> list[str]:
    """Columns padded to their widest cell (monospaced text extraction, ``pdftotext -layout``)."""
    widths = [0] * len(grid[0])
    for row in grid:
        for n, cell in enumerate(row):
            if cell and n + 1 < len(row) and not any(row[n + 1 :]):
                continue  # a cell with nothing after it does not widen its column
            widths[n] = max(widths[n], _width(cell))
    out = []
    for row in grid:
        line = ""
        for n, cell in enumerate(row):
            line += cell + " " * (widths[n] - _width(cell) + 2)
        out.append(line.rstrip())
    return out


def _flat(grid: Grid) -> list[str]:
    """The whole table on one line, cells between single spaces."""
    return [" ".join(c for row in grid for c in _filled(row))]


def _glued(grid: Grid) -> list[str]:
    """The whole table on one line, cells run together."""
    return ["".join(c for row in grid for c in _filled(row))]


SHAPES: dict[str, Callable[[Grid], list[str]]] = {
    "tab": _tab,
    "pipe": _pipe,
    "pipe-markdown": _markdown,
    "pipe-wide": _pipe_wide,
    "cells": _cells(),
    "cells-pipe": _cells(" |"),
    "cells-blank": _cells(blank=True),
    "cells-indent": _cells(indent="    "),
    "cells-pipe-blank-indent": _cells(" |", blank=True, indent="  "),
    "cells-pipe-all": _cells(" |"),
    "cells-broken": _cells(),
    "cells-wrapped": _cells(),
    "spaces": _spaced,
    "spaces-aligned": _aligned,
    "spaces-single": _single_spaced,
    "flat": _flat,
    "glued": _glued,
}
#: The shape of LAYOUTS.md each shape here writes.
LAYOUT_SHAPE = {
    "tab": 1,
    "pipe": 2,
    "pipe-markdown": 2,
    "pipe-wide": 2,
    "cells": 3,
    "cells-pipe": 3,
    "cells-blank": 3,
    "cells-indent": 3,
    "cells-pipe-blank-indent": 3,
    "cells-pipe-all": 3,
    "cells-broken": 3,
    "cells-wrapped": 3,
    "spaces": 4,
    "spaces-aligned": 4,
    "spaces-single": 4,
    "flat": 5,
    "glued": 5,
}


def _wrap(line: str, width: int = 14) -> list[str]:
    """A long cell wrapped over lines of ``width`` characters, as a narrow table column prints it."""
    return [line[n : n + width] for n in range(0, len(line), width)] or [line]


def _joined(grid: Grid) -> Grid:
    return [[c.replace("\n", "") for c in row] for row in grid]


def write(doc: Doc, shape: str) -> str:
    """The document as text in a shape: paragraphs as they are, each table in the shape, a blank line after it.

    ``cells-pipe-all`` is ``cells-pipe`` with every paragraph ending in `` |`` too."""
    if shape == "cells-pipe-all":
        piped = write(doc, "cells-pipe").split("\n")
        return "\n".join(f"{line} |" if line and not line.endswith("|") else line for line in piped)
    lines: list[str] = []
    for block in doc:
        if isinstance(block, str):
            lines.append(block)
        elif shape == "cells-wrapped":
            lines += [piece for line in _cells()(_joined(block)) for piece in _wrap(line)]
            lines.append("")
        elif shape == "cells-broken":
            lines += [piece for line in _cells()(block) for piece in line.split("\n")]
            lines.append("")
        else:
            lines += SHAPES[shape](_joined(block))
            lines.append("")
    return "\n".join(lines) + "\n"


# -- what a reading holds --------------------------------------------------------------------------------

Fact = tuple[object, ...]


def facts(record: AnyDocument) -> list[Fact]:
    """The (三级指标, 指标值) pairs, the budgets, and the totals and fund lines of a self-evaluation or monitoring."""
    found: list[Fact] = [("pair", *p) for p in pairs(record)]
    if isinstance(record, PerformanceDocument):
        found += [("budget", p.name, _n(p.total_budget)) for p in record.projects]
        if record.department_table is not None:
            found += facts(record.department_table)[len(pairs(record.department_table)) :]
    elif isinstance(record, DepartmentTargets):
        found += [("fund", f.label, _n(f.amount)) for f in record.funds]
    elif isinstance(record, SelfEvaluation):
        for p in record.projects:
            found.append(("evaluation", p.name, _n(p.execution_score), _n(p.total_score)))
            found += [("actual", i.level3, i.actual.raw if i.actual else "") for i in p.indicators]
            found += [("fund", f.name, _n(f.budget_full_year), _n(f.executed)) for f in p.funds]
    elif isinstance(record, MonitoringReport):
        for q in record.projects:
            found += [("progress", i.level3, i.progress.raw if i.progress else "") for i in q.indicators]
            found += [("fund", f.name, _n(f.budget_initial), _n(f.executed)) for f in q.funds]
    return found


def read_facts(text: str) -> list[Fact]:
    """The facts of a text read with read_any; a text refused as no performance document holds none."""
    try:
        record, _ = read_any(text.encode(), "x.txt")
    except UnreadableError:
        return []
    return facts(record)


def share(found: Sequence[Fact], wanted: Sequence[Fact]) -> tuple[int, int]:
    """(how many of the wanted facts were found, how many were wanted), counting repeats."""
    hit = Counter(found) & Counter(wanted)
    return sum(hit.values()), len(wanted)


def documents() -> dict[str, Doc]:
    """Every fixture document of tests.forms and the example, by name."""
    from tests.conftest import EXAMPLE
    from tests.forms.fixtures_targets import DEPARTMENTS, TARGETS
    from tests.forms.fixtures_tracking import FORMS

    docs: dict[str, Doc] = {"example": from_tab_text(EXAMPLE.read_text(encoding="utf-8"))}
    for name, spec in TARGETS.items():
        docs[name] = from_office(spec.blocks())
    for name, dept in DEPARTMENTS.items():
        docs[name] = from_office(dept.blocks())
    for name, form in FORMS.items():
        docs[name] = from_office(form.blocks())
    return docs


def main() -> None:
    """Print, per shape, the share of what the tab layout reads that the shape reads: ``python -m tests.core.shapes``."""
    docs = documents()
    reference = {name: read_facts(write(doc, "tab")) for name, doc in docs.items()}
    for shape in SHAPES:
        hit = wanted = 0
        low = []
        for name, doc in docs.items():
            h, w = share(read_facts(write(doc, shape)), reference[name])
            hit, wanted = hit + h, wanted + w
            if h < w:
                low.append(f"{name} {h}/{w}")
        print(
            f"{LAYOUT_SHAPE[shape]}  {shape:24s} {100 * hit / wanted:5.1f} %  ({hit}/{wanted})  {' '.join(low)}"
        )


if __name__ == "__main__":
    main()
