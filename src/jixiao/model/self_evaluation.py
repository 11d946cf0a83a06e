"""The records of a 绩效自评 (self-evaluation): per project the 自评表 of SPEC §6.2, against locked targets.

Printed numbers (分值, 得分, 总分) are kept as they were filled in, so that the checker can recompute them and
point at every one that does not follow the rules (E-02, E-04, E-10). ``None`` is an empty cell.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from jixiao.model.findings import Source
from jixiao.model.indicator_value import IndicatorValue
from jixiao.model.records import CellSources, Details, Direction, FormRef, _source_of
from jixiao.model.tracking import FundLine, TargetsRef, TrackedProject, total_fund


@dataclass(frozen=True)
class EvaluatedIndicator:
    """One indicator row of a 自评表: the locked 年度指标值, the 实际完成值, 分值, 得分 and the deviation text."""

    level1: str
    level2: str
    level3: str
    target: IndicatorValue
    actual: IndicatorValue | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    deviation_reason: str = ""  # 偏差原因分析
    corrective_action: str = ""  # 改进措施
    direction: Direction = ""  # 指标方向 as the form says: 正向 / 反向
    value_type: str = ""  # 指标值类型: 定量 / 定性
    explanation: str = ""  # 指标解释
    scoring_rule: str = ""  # 评（扣）分标准
    remark: str = ""  # 备注
    core: bool = False  # 核心指标 (★)
    source: Source = field(default_factory=Source, compare=False, repr=False)
    cell_sources: CellSources = field(default=(), compare=False, repr=False)

    def source_of(self, name: str) -> Source:
        """The cell a field was read from, or the row's source when unknown."""
        return _source_of(self.cell_sources, self.source, name)

    @property
    def explained(self) -> bool:
        """True when 偏差原因分析及改进措施 says something."""
        return bool((self.deviation_reason + self.corrective_action).strip())


@dataclass(frozen=True)
class ProjectEvaluation:
    """The 自评表 of one project: money block with its execution score, goal and results, indicator rows, total."""

    code: str
    name: str
    department: str = ""  # 主管部门
    implementing_unit: str = ""  # 实施单位
    attribute: str = ""  # 项目属性
    category: str = ""  # 项目类别 / 项目类型
    details: Details = ()  # 项目负责人及电话, 评价结论, 存在问题 … as labelled texts
    money_unit: str = "万元"
    funds: tuple[FundLine, ...] = ()
    execution_weight: Decimal | None = None  # 分值 of the 年度资金总额 row
    execution_score: Decimal | None = None  # 得分 of the 年度资金总额 row
    execution_reason: str = ""  # why the execution rate is low (E-03)
    overall_goal: str = ""  # 年度总体目标：预期目标
    achieved: str = ""  # 年度总体目标：实际完成情况
    indicators: tuple[EvaluatedIndicator, ...] = ()
    total_score: Decimal | None = None  # 总分 as printed
    grade: str = ""  # 自评等级 as printed (优/良/中/差), if any
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
class SelfEvaluation:
    """A unit's 绩效自评 for one fiscal year: one 自评表 per project, following an approved target document."""

    unit_code: str | None = None
    unit_name: str | None = None
    fiscal_year: int | None = None
    title: str = "项目支出绩效自评表"
    targets: TargetsRef = field(default_factory=TargetsRef)
    scoring_profile: str = "central"
    projects: tuple[ProjectEvaluation, ...] = ()
    form: FormRef | None = field(default=None, compare=False)
    source: Source = field(default_factory=Source, compare=False, repr=False)

    KIND: ClassVar[str] = "self_evaluation"

    @property
    def indicator_count(self) -> int:
        """The number of indicator rows over all projects."""
        return sum(len(p.indicators) for p in self.projects)

    def tracked_targets(self) -> Iterator[TrackedProject]:
        """The projects with their target rows, as :func:`jixiao.model.tracking.fingerprint` takes them."""
        for p in self.projects:
            yield p.code, p.name, [(i.level1, i.level2, i.level3, i.target.raw) for i in p.indicators]
