"""The forms documents come in: a catalogue of known forms, and the form a reading was read from.

A form is recognised by the roles its headers take (the indicator grid's columns in order, and the head's fields),
never by its exact words: the closest known form whose roles overlap enough, else an unknown form named by a
signature of its roles. The document keeps it (``FormRef``) so that rules needing a column the form has not stay
quiet, a profile can be chosen by form or province, and the document can be written back in its own form.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from jixiao.importers.engine.grid import names_a_column
from jixiao.importers.engine.reader import Reading
from jixiao.importers.engine.reading import Unit
from jixiao.model import FormRef
from jixiao.model.forms import FORMS, FormSpec

_HEAD_ROLES = frozenset(
    {
        "project_code",
        "project_name",
        "supervising_department",
        "implementing_unit",
        "attribute",
        "category",
        "period",
        "funds",
        "purpose",
        "spending_plan",
        "goal",
        "mid_term_goal",
        "achieved",
        "unit_name",
        "unit_code",
        "duties",
        "deviation_reason",  # a project's 偏差原因分析 / 相关建议或举措 below its grid (a 监控表's footer)
        "corrective_action",
    }
)
_GRID_IGNORED = frozenset({"seq", "label", "unknown", "core", "content"})


def roles_of(units: Sequence[Unit]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The grid roles (column order of the first grid) and the head roles a reading's units took."""
    grid: list[str] = []
    head: list[str] = []
    for unit in units:
        for col in unit.columns:
            if col.role not in _GRID_IGNORED and col.role not in grid:
                grid.append(col.role)
        for role in unit.roles:
            if role in _HEAD_ROLES and role not in head:
                head.append(role)
        for role in unit.money_columns:
            if f"money_{role}" not in head:
                head.append(f"money_{role}")
    return tuple(grid), tuple(head)


def headers_of(units: Sequence[Unit], grid: Sequence[str]) -> tuple[str, ...]:
    """The header words over each grid role, as the form first prints them (whitespace removed)."""
    words: dict[str, str] = {}
    for unit in units:
        for col in unit.columns:
            if names_a_column(col.header):  # a header read from its column's data (P16) is not kept
                words.setdefault(col.role, "".join(col.header.split()))
    return tuple(words.get(role, "") for role in grid)


def _similarity(spec: FormSpec, grid: tuple[str, ...], head: tuple[str, ...]) -> float:
    a, b = set(spec.grid), set(grid)
    if not a or not b:
        return 0.0
    grid_score = len(a & b) / len(a | b)
    order = 1.0 if [r for r in grid if r in a] == [r for r in spec.grid if r in b] else 0.9
    # a field printed as a column of the grid (several projects in one table) is the grid's, not the head's
    mine = set(head) - b
    theirs = set(spec.head) - a
    head_score = len(theirs & mine) / len(theirs | mine) if theirs or mine else 1.0
    return grid_score * order * 0.75 + head_score * 0.25


def signature(grid: tuple[str, ...], head: tuple[str, ...]) -> str:
    """A short, stable name of an unknown form: 12 hex digits over its roles."""
    text = "|".join(grid) + "#" + "|".join(sorted(head))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def form_of(reading: Reading, kind: str, units: Sequence[Unit] | None = None) -> FormRef | None:
    """The form a reading's tables are in: the closest known form of the kind, else an unknown one's signature."""
    chosen = list(units if units is not None else reading.units)
    grid, head = roles_of(chosen)
    if not grid and not head:
        return None
    scored = [(_similarity(f, grid, head), f) for f in FORMS if f.kind == kind]
    score, best = max(scored, key=lambda s: s[0], default=(0.0, None))
    sig, headers = signature(grid, head), headers_of(chosen, grid)
    if best is not None and score >= 0.8:
        return FormRef(best.id, sig, best.label, grid, head, headers)
    return FormRef(None, sig, "", grid, head, headers)
