"""The records of a 部门预算绩效文本: document, department goals, projects and their indicators.

Every record is a frozen dataclass. ``source`` and ``cell_sources`` say where a record was read from; they do
not take part in equality, so a document read from text and one read from JSON compare equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar, Literal

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
Details = tuple[tuple[str, str], ...]  # labelled texts a form prints that no field of the record holds

Period = Literal["annual", "mid_term", "long_term"]
PERIODS: tuple[Period, ...] = ("annual", "mid_term", "long_term")
PERIOD_LABELS: dict[str, str] = {"annual": "年度", "mid_term": "中期", "long_term": "长期"}
Direction = Literal["", "正向", "反向"]


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
    direction: Direction = ""  # 指标方向: 正向 (higher is better) or 反向, when the form says
    value_type: str = ""  # 指标值类型 as the form writes it: 定量 / 定性
    explanation: str = ""  # 指标解释
    scoring_rule: str = ""  # 评（扣）分标准
    remark: str = ""  # 备注
    core: bool = False  # 核心指标 (★)
    long_term_value: IndicatorValue | None = None  # 指标值（长期/中期） beside the annual one
    long_term_level2: str = ""  # 二级指标（长期） where the form has its own long-term columns
    long_term_level3: str = ""  # 三级指标（长期）
    source: Source = field(default_factory=Source, compare=False, repr=False)
    cell_sources: CellSources = field(default=(), compare=False, repr=False)

    def source_of(self, name: str) -> Source:
        """The cell a field was read from, or the row's source when unknown."""
        return _source_of(self.cell_sources, self.source, name)


@dataclass(frozen=True)
class FundSource:
    """One money line as the form writes it: 年度资金总额, 其中：财政拨款, 上年结转, 中期资金总额, 项目支出 …

    ``is_total`` marks the line the others make up (预算数, 年度资金总额, 资金总额); ``period`` says whether the
    amount is the year's or the whole period's (中期).
    """

    label: str
    amount: Decimal | None = None
    period: Period = "annual"
    is_total: bool = False
    source: Source = field(default_factory=Source, compare=False, repr=False)


def derived_total(funds: tuple[FundSource, ...], period: Period = "annual") -> Decimal | None:
    """A period's total: the amount of its total line, else the sum of its sources; None when nothing is given."""
    lines = [f for f in funds if f.period == period]
    for line in lines:
        if line.is_total and line.amount is not None:
            return line.amount
    amounts = [f.amount for f in lines if not f.is_total and f.amount is not None]
    return sum(amounts, Decimal(0)) if amounts else None


@dataclass(frozen=True)
class FormRef:
    """The form a document was read from: a known form's id, or the signature of one no catalogue names.

    ``columns`` are the roles of the indicator grid's columns in order, ``head`` the fields of the head block; a
    rule that needs a field the form has no place for stays quiet. ``headers`` are the grid's header words as
    the form prints them, one per column, so that the document is written back in its own words. ``None`` on a
    record means jixiao's own layout.
    """

    id: str | None = None
    signature: str = ""
    label: str = ""
    columns: tuple[str, ...] = ()
    head: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()

    def header_of(self, role: str) -> str | None:
        """The header word the form prints over a column of this role, if it was kept."""
        if role in self.columns and len(self.headers) == len(self.columns):
            return self.headers[self.columns.index(role)] or None
        return None

    def has(self, role: str) -> bool:
        """True when the form has a column or a head field of this role."""
        return role in self.columns or role in self.head


def form_has(form: FormRef | None, role: str) -> bool:
    """True when a record's form has a role; a record of jixiao's own layout (no form) has them all."""
    return form is None or form.has(role)


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
    supervising_department: str = ""  # 主管部门
    implementing_unit: str = ""  # 实施单位
    attribute: str = ""  # 项目属性 / 项目性质: 新增, 延续 …
    category: str = ""  # 项目类别 / 项目类型
    period: str = ""  # 项目期限 / 项目起止时间
    funds: tuple[FundSource, ...] = ()  # every money line as the form writes it
    mid_term_goals: tuple[str, ...] = ()  # 中期目标 (the whole period); ``goals`` are the year's
    details: Details = ()  # 立项依据, 项目概况, 项目负责人及电话 … as labelled texts
    source: Source = field(default_factory=Source, compare=False, repr=False)
    cell_sources: CellSources = field(default=(), compare=False, repr=False)

    @property
    def total_budget(self) -> Decimal | None:
        """预算数 as written, else the year's total derived from the fund lines."""
        return self.budget_total if self.budget_total is not None else derived_total(self.funds)

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
class AnnualTask:
    """A row of 年度履职目标 / 年度主要任务: the duty, the task, its content, the project and its budget."""

    duty: str = ""  # 部门职能
    task: str = ""  # 年度目标任务 / 任务名称
    content: str = ""  # 主要内容
    project: str = ""  # 支出项目名称
    budget_total: Decimal | None = None  # 预算金额（总额）
    budget_fiscal: Decimal | None = None  # 其中：财政拨款
    budget_other: Decimal | None = None  # 其他资金
    source: Source = field(default_factory=Source, compare=False, repr=False)


@dataclass(frozen=True)
class DepartmentTargets:
    """A 部门（单位）整体绩效目标表: duties, the year's goals, tasks with budgets, funds and the indicator grid."""

    unit_code: str | None = None
    unit_name: str | None = None
    fiscal_year: int | None = None
    title: str = "部门整体绩效目标表"
    duties: str = ""  # 部门职责
    goals: tuple[str, ...] = ()  # 年度总体目标 (目标1 … n)
    mid_term_goals: tuple[str, ...] = ()
    annual_tasks: tuple[AnnualTask, ...] = ()
    money_unit: str = "万元"
    funds: tuple[FundSource, ...] = ()  # 资金总额 / 项目支出 / 基本支出 …
    indicators: tuple[Indicator, ...] = ()
    details: Details = ()
    form: FormRef | None = field(default=None, compare=False)
    source: Source = field(default_factory=Source, compare=False, repr=False)
    cell_sources: CellSources = field(default=(), compare=False, repr=False)

    KIND: ClassVar[str] = "department_targets"

    @property
    def total_budget(self) -> Decimal | None:
        """资金总额 as written, else the sum of the year's fund lines."""
        return derived_total(self.funds)

    @property
    def indicator_count(self) -> int:
        """The number of indicator rows."""
        return len(self.indicators)

    def source_of(self, name: str) -> Source:
        """The cell a field was read from, or the table's source when unknown."""
        return _source_of(self.cell_sources, self.source, name)


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
    department_table: DepartmentTargets | None = None  # a 部门整体绩效目标表 printed with the projects
    form: FormRef | None = field(default=None, compare=False)
    source: Source = field(default_factory=Source, compare=False, repr=False)

    KIND: ClassVar[str] = "targets"

    @property
    def indicator_count(self) -> int:
        """The number of indicator rows over all projects."""
        return sum(len(p.indicators) for p in self.projects)

    @property
    def is_empty(self) -> bool:
        """True when nothing of a performance document was found."""
        return (
            not self.projects
            and self.department_goals.is_empty
            and self.fiscal_year is None
            and self.department_table is None
        )
