"""The records of a 部门预算绩效文本: document, department goals, projects and their indicators.

Every record is a frozen dataclass. ``source`` and ``cell_sources`` say where a record was read from; they do
not take part in equality, so a document read from text and one read from JSON compare equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from jixiao.model.findings import Source
from jixiao.model.indicator_value import IndicatorValue

Status = Literal["draft", "submitted", "returned", "approved", "published"]
STATUSES: tuple[Status, ...] = ("draft", "submitted", "returned", "approved", "published")
STATUS_LABELS: dict[str, str] = {
    "draft": "草案",
    "submitted": "送审",
    "returned": "退回",
    "approved": "审核通过",
    "published": "公开",
}

FrameworkVersion = Literal["legacy_88", "guide_101"]
FRAMEWORK_VERSIONS: tuple[FrameworkVersion, ...] = ("legacy_88", "guide_101")

CellSources = tuple[tuple[str, Source], ...]


def _source_of(cell_sources: CellSources, default: Source, name: str) -> Source:
    for key, src in cell_sources:
        if key == name:
            return src
    return default


@dataclass(frozen=True)
class Indicator:
    """One row of a 绩效指标 table: 一级/二级/三级指标, 绩效指标描述, 指标值 and 指标值确定依据."""

    level1: str
    level2: str
    level3: str
    description: str
    value: IndicatorValue
    basis: str
    previous_value: IndicatorValue | None = None
    weight: Decimal | None = None
    source: Source = field(default_factory=Source, compare=False, repr=False)
    cell_sources: CellSources = field(default=(), compare=False, repr=False)

    def source_of(self, name: str) -> Source:
        """The cell a field was read from, or the row's source when unknown."""
        return _source_of(self.cell_sources, self.source, name)


@dataclass(frozen=True)
class SpendingPoint:
    """A milestone of the 资金支出计划: a named month (``3月底``) and the cumulative percentage, if filled."""

    month: str
    percent: Decimal | None = None


@dataclass(frozen=True)
class Project:
    """A budget project with its 绩效目标表: code, name, budget, purpose, spending plan, goals, indicators."""

    code: str
    name: str
    budget_total: Decimal | None = None
    budget_fiscal: Decimal | None = None
    budget_other: Decimal | None = None
    money_unit: str = "万元"
    purpose: str = ""
    spending_plan: tuple[SpendingPoint, ...] = ()
    goals: tuple[str, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    unit_code: str | None = None
    unit_name: str | None = None
    title: str | None = None
    source: Source = field(default_factory=Source, compare=False, repr=False)
    cell_sources: CellSources = field(default=(), compare=False, repr=False)

    @property
    def display_title(self) -> str:
        """The table's title: as written, or ``<name>绩效目标表``."""
        return self.title if self.title is not None else f"{self.name}绩效目标表"

    def source_of(self, name: str) -> Source:
        """The cell a field was read from, or the table's source when unknown."""
        return _source_of(self.cell_sources, self.source, name)


@dataclass(frozen=True)
class SubGoal:
    """One 分项绩效目标 of part one: a title, its 绩效目标 text and its 绩效指标 text."""

    title: str
    goal: str = ""
    indicator_text: str = ""
    number: int | None = None
    source: Source = field(default_factory=Source, compare=False, repr=False)


@dataclass(frozen=True)
class Safeguard:
    """One section of 工作保障措施, numbered （一）（二）…: the number in Chinese and the text after it."""

    number: str
    text: str
    source: Source = field(default_factory=Source, compare=False, repr=False)


@dataclass(frozen=True)
class DepartmentGoals:
    """第一部分 部门整体绩效目标: the overall goal, the sub-goals and the safeguard sections."""

    overall_goal: str = ""
    sub_goals: tuple[SubGoal, ...] = ()
    safeguards: tuple[Safeguard, ...] = ()
    source: Source = field(default_factory=Source, compare=False, repr=False)

    @property
    def is_empty(self) -> bool:
        """True when part one holds nothing."""
        return not (self.overall_goal or self.sub_goals or self.safeguards)


@dataclass(frozen=True)
class ContentsEntry:
    """A line of the table of contents: its title (numbering kept) and page number, if any."""

    title: str
    page: int | None = None


@dataclass(frozen=True)
class PerformanceDocument:
    """A 部门预算绩效文本: one unit's performance targets for one fiscal year."""

    unit_code: str | None = None
    unit_name: str | None = None
    division_code: str | None = None
    fiscal_year: int | None = None
    status: Status | None = None
    title: str = "部门预算绩效文本"
    compiled_by: str | None = None
    reviewed_by: str | None = None
    contents: tuple[ContentsEntry, ...] = ()
    department_goals: DepartmentGoals = field(default_factory=DepartmentGoals)
    projects: tuple[Project, ...] = ()
    framework_version: FrameworkVersion | None = None
    source: Source = field(default_factory=Source, compare=False, repr=False)

    @property
    def indicator_count(self) -> int:
        """The number of indicator rows over all projects."""
        return sum(len(p.indicators) for p in self.projects)

    @property
    def is_empty(self) -> bool:
        """True when nothing of a performance document was found."""
        return not self.projects and self.department_goals.is_empty and self.fiscal_year is None
