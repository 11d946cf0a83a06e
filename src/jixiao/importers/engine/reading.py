"""What the table engine reads out of a file, before any kind makes a record of it.

The engine knows what header cells mean (column roles) and what rows are (fields of a head block, money lines,
indicator rows, summary rows), not which record they go into. It gives a sequence of text lines and *units*:
a unit is one project's (or one department's) tables, however many tables or pages they run over. A kind
module turns the units into its record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from jixiao.model import Source


class Attrs(NamedTuple):
    """What a header cell says besides its words: required (*), core (★), formula, points, period, month, unit."""

    required: bool = False
    core: bool = False
    formula: str | None = None
    points: Decimal | None = None
    period: str | None = None
    month: int | None = None
    money_unit: str | None = None
    percent: bool = False
    choice: str | None = None  # the tick-box label of a column under a two-row header (经费保障 …)


class Column(NamedTuple):
    """A column of a grid: where it is (0-based), its role, the header as written and its attributes."""

    at: int
    role: str
    header: str
    attrs: Attrs = Attrs()


class Cell(NamedTuple):
    """A cell's text (stripped) and where it was written; ``attrs`` of the header or label it sits under."""

    text: str
    source: Source
    attrs: Attrs = Attrs()
    label: str = ""  # the label (or header) as written


@dataclass(slots=True)
class FundRow:
    """A money line: its label as written, its amounts by role, and what the label says of it."""

    label: str
    amounts: dict[str, Cell]
    source: Source
    period: str = "annual"
    is_total: bool = False


@dataclass(slots=True)
class GridRow:
    """A data row of a grid: its cells by role after carry-down, the texts as written, where it is."""

    cells: dict[str, Cell]
    written: dict[str, str]
    source: Source
    group: str = ""  # the heading of the block it is in (年度绩效目标1 …), if any
    group_attrs: Attrs = field(default_factory=Attrs)


@dataclass
class Unit:
    """One project's (or a department's) tables as read: head fields, money, plan, goals, grid rows, totals."""

    number: int
    source: Source
    fields: dict[str, list[Cell]] = field(default_factory=dict)
    details: list[tuple[str, Cell]] = field(default_factory=list)
    funds: list[FundRow] = field(default_factory=list)
    money_columns: dict[str, Attrs] = field(default_factory=dict)
    money_attrs: Attrs = field(default_factory=Attrs)  # the money block's label: 预算执行情况（万元）（20分）
    money_unit: str | None = None
    spending: list[tuple[str, Cell | None]] = field(default_factory=list)
    spending_source: Source | None = None
    columns: list[Column] = field(default_factory=list)
    rows: list[GridRow] = field(default_factory=list)
    tasks: list[GridRow] = field(default_factory=list)
    summaries: list[GridRow] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # every role its headers took, in order
    has_header: bool = False
    header_source: Source | None = None  # where the indicator grid's header is
    has_money: bool = False
    department_total: bool = False  # a 合计 line of several projects, not a project

    def first(self, role: str) -> Cell | None:
        """The first field of a role, or None."""
        cells = self.fields.get(role)
        return cells[0] if cells else None

    def text(self, role: str) -> str:
        """The first field of a role's text, '' when absent."""
        cell = self.first(role)
        return cell.text if cell else ""

    def add(self, role: str, cell: Cell) -> None:
        """Add a field of a role."""
        self.fields.setdefault(role, []).append(cell)
        if role not in self.roles:
            self.roles.append(role)

    def note_role(self, role: str) -> None:
        """Remember that a header took a role."""
        if role not in self.roles:
            self.roles.append(role)
