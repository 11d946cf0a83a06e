"""The records of a 绩效运行监控 report (双监控, SPEC §5): spending to date and progress of every locked target."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from jixiao.model.findings import Source
from jixiao.model.indicator_value import IndicatorValue
from jixiao.model.records import CellSources, Details, Direction, FormRef, SpendingPoint, _source_of
from jixiao.model.tracking import FundLine, TargetsRef, TrackedProject, total_fund


@dataclass(frozen=True)
class MonitoredIndicator:
    """One indicator row of a 监控表: the locked 指标值, progress to date, 完成目标可能性 and the deviation text."""

    level1: str
    level2: str
    level3: str
    target: IndicatorValue
    progress: IndicatorValue | None = None  # 1–m月指标执行情况
    likelihood: str = ""  # 完成目标可能性 as written: 确定能 / 有可能 / 不可能
    deviation_category: str = ""  # 偏差原因类别, from the profile's list (M-04)
    deviation_reason: str = ""  # 原因分析
    corrective_action: str = ""  # 改进措施
    note: str = ""  # 备注
    forecast: IndicatorValue | None = None  # 全年预计完成情况
    direction: Direction = ""  # 指标方向 as the form says: 正向 / 反向
    value_type: str = ""  # 指标值类型: 定量 / 定性
    explanation: str = ""  # 指标解释
    scoring_rule: str = ""  # 评（扣）分标准
    core: bool = False  # 核心指标 (★)
    source: Source = field(default_factory=Source, compare=False, repr=False)
    cell_sources: CellSources = field(default=(), compare=False, repr=False)

    def source_of(self, name: str) -> Source:
        """The cell a field was read from, or the row's source when unknown."""
        return _source_of(self.cell_sources, self.source, name)


@dataclass(frozen=True)
class ProjectMonitoring:
    """The 监控表 of one project: money to date against the budget and the spending plan, indicator progress."""

    code: str
    name: str
    department: str = ""  # 主管部门
    implementing_unit: str = ""  # 执行单位
    attribute: str = ""  # 项目属性
    category: str = ""  # 项目类别 / 项目类型
    details: Details = ()  # 项目负责人及电话, 评价结论, 存在问题 … as labelled texts
    money_unit: str = "万元"
    funds: tuple[FundLine, ...] = ()
    spending_plan: tuple[SpendingPoint, ...] = ()  # carried from the targets
    indicators: tuple[MonitoredIndicator, ...] = ()
    deviation_reason: str = ""  # 偏差或不能完成目标原因分析
    corrective_action: str = ""  # 相关建议或举措
    source: Source = field(default_factory=Source, compare=False, repr=False)
    cell_sources: CellSources = field(default=(), compare=False, repr=False)

    def source_of(self, name: str) -> Source:
        """The cell a field was read from, or the table's source when unknown."""
        return _source_of(self.cell_sources, self.source, name)

    @property
    def total_fund(self) -> FundLine | None:
        """The 年度资金总额 row (the first row when none is named so)."""
        return total_fund(self.funds)


@dataclass(frozen=True)
class MonitoringReport:
    """A unit's 绩效运行监控 for the months 1 to ``month`` of a fiscal year, following approved targets."""

    unit_code: str | None = None
    unit_name: str | None = None
    fiscal_year: int | None = None
    month: int = 7  # the period is 1–month月 (central 1–7月, local often 1–6月)
    title: str = "项目支出绩效运行监控表"
    targets: TargetsRef = field(default_factory=TargetsRef)
    scoring_profile: str = "central"
    projects: tuple[ProjectMonitoring, ...] = ()
    form: FormRef | None = field(default=None, compare=False)
    source: Source = field(default_factory=Source, compare=False, repr=False)

    KIND: ClassVar[str] = "monitoring"

    @property
    def period(self) -> str:
        """The period as written in the tables: ``1–7月``."""
        return f"1–{self.month}月" if self.month > 1 else "1月"

    @property
    def indicator_count(self) -> int:
        """The number of indicator rows over all projects."""
        return sum(len(p.indicators) for p in self.projects)

    def tracked_targets(self) -> Iterator[TrackedProject]:
        """The projects with their target rows, as :func:`jixiao.model.tracking.fingerprint` takes them."""
        for p in self.projects:
            yield p.code, p.name, [(i.level1, i.level2, i.level3, i.target.raw) for i in p.indicators]
