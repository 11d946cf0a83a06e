"""ScoringProfile: the numbers of self-evaluation scoring and monitoring that vary by place ([R]/[I] in SPEC).

SPEC §6.3 gives the first-level weights (central 10/50/30/10, Hubei 20/40/40 with 效益 and 满意度 sharing 40,
Sichuan 10 + 90 for all indicators), §6.4 the rounding, qualitative bands and grades, §2.4 the ``=`` rule
(a proposal [I]), §11.9 the over-achievement factor k, and issue 5 the monitoring light thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Category = Literal["execution", "output", "benefit", "satisfaction", "cost"]
QualitativeGrade = Literal["achieved", "partly_achieved", "not_achieved"]
Grade = Literal["excellent", "good", "fair", "poor"]
Alert = Literal["red", "yellow", "green", "blue"]
Likelihood = Literal["certain", "possible", "unlikely"]

# A group of first-level categories sharing one weight (Hubei: 效益 and 满意度 together 40).
WeightGroup = tuple[tuple[Category, ...], Decimal]


@dataclass(frozen=True)
class ScoringProfile:
    """Settings of scoring and monitoring; the defaults are the central ones (财预〔2020〕10号)."""

    name: str = "central"
    title: str = "中央（财预〔2020〕10号）"
    # §6.3 first-level weights, each group summing its categories; all groups sum to 100
    weight_groups: tuple[WeightGroup, ...] = (
        (("execution",), Decimal(10)),
        (("output",), Decimal(50)),
        (("benefit",), Decimal(30)),
        (("satisfaction",), Decimal(10)),
    )
    # §6.4 rounding of every score and rate (Langfang rounded to 0 places)
    places: int = 2
    # §11.9 E-07: a positive indicator with actual/target above k is over-achieved
    over_achievement_factor: Decimal = Decimal("1.2")
    # §6.4 qualitative bands as shares of the weight: [low, high] for the top grade, [low, high) below it
    qualitative_bands: tuple[tuple[QualitativeGrade, Decimal, Decimal], ...] = (
        ("achieved", Decimal("0.8"), Decimal(1)),
        ("partly_achieved", Decimal("0.5"), Decimal("0.8")),
        ("not_achieved", Decimal(0), Decimal("0.5")),
    )
    # §2.3 the words of the qualitative actuals (full forms, 10号 and vendor spellings, short forms)
    qualitative_words: tuple[tuple[str, QualitativeGrade], ...] = (
        ("达成预期指标", "achieved"),
        ("达成年度指标", "achieved"),
        ("达成", "achieved"),
        ("部分达成预期指标并具有一定效果", "partly_achieved"),
        ("部分达成年度指标并具有一定效果", "partly_achieved"),
        ("部分达成", "partly_achieved"),
        ("未达成预期指标且效果较差", "not_achieved"),
        ("未完成预期指标且效果较差", "not_achieved"),
        ("未达成年度指标且效果较差", "not_achieved"),
        ("未达成", "not_achieved"),
    )
    # §2.4 the = rule [I]: full marks when |actual − target| ≤ tolerance × |target|, else w·max(0, 1 − |B−A|/A)
    equal_tolerance: Decimal = Decimal("0.001")
    # §6.4 grades: the lowest total of each grade, best first; below the last one is 差
    grade_bands: tuple[tuple[Grade, str, Decimal], ...] = (
        ("excellent", "优", Decimal(90)),
        ("good", "良", Decimal(80)),
        ("fair", "中", Decimal(60)),
    )
    poor_label: str = "差"
    # §11.9 E-02/E-04/E-10: a printed score may differ from the recomputed one by this much (rounding)
    score_tolerance: Decimal = Decimal("0.1")
    # §11.9 E-03: an execution rate (%) below this needs a written reason (Sichuan 90 %)
    execution_reason_below: Decimal = Decimal(90)
    # issue 5 monitoring lights: progress ÷ standard (%) below red_below is red, below yellow_below yellow,
    # below blue_from green, from blue_from on blue
    red_below: Decimal = Decimal(60)
    yellow_below: Decimal = Decimal(80)
    blue_from: Decimal = Decimal(120)
    # M-02 [I]: the execution rate may trail time progress, or the spending plan's milestone, by this many
    # percentage points before a warning
    execution_gap: Decimal = Decimal(20)
    # M-04: the deviation-cause categories (central [R]; Huangshi: 规划和目标设计/投入保障/制度保障/项目管理)
    deviation_categories: tuple[str, ...] = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")

    def __post_init__(self) -> None:
        total = sum((weight for _, weight in self.weight_groups), Decimal(0))
        if total != 100:
            raise ValueError(f"评分方案 {self.name} 的一级指标权重合计为 {total}，应为 100")
        if not self.red_below <= self.yellow_below <= self.blue_from:
            raise ValueError(f"评分方案 {self.name} 的预警阈值应满足 红 ≤ 黄 ≤ 蓝")

    def weight_of(self, category: Category) -> tuple[tuple[Category, ...], Decimal] | None:
        """The weight group holding a first-level category (its categories and their shared weight)."""
        for categories, weight in self.weight_groups:
            if category in categories:
                return categories, weight
        return None

    def redistributed(self, present: frozenset[Category] | set[Category]) -> tuple[WeightGroup, ...]:
        """The weight groups with absent categories dropped and the rest re-scaled to 100 (SPEC §6.3)."""
        kept = [(cats, weight) for cats, weight in self.weight_groups if any(c in present for c in cats)]
        total = sum((weight for _, weight in kept), Decimal(0))
        if not kept or total == 0:
            return ()
        return tuple((cats, weight * 100 / total) for cats, weight in kept)


CENTRAL = ScoringProfile()
HUBEI = ScoringProfile(
    name="hubei",
    title="湖北",
    weight_groups=(
        (("execution",), Decimal(20)),
        (("output",), Decimal(40)),
        (("benefit", "satisfaction"), Decimal(40)),
    ),
    deviation_categories=("规划和目标设计", "投入保障", "制度保障", "项目管理", "其他"),
)
SICHUAN = ScoringProfile(
    name="sichuan",
    title="四川（2023）",
    weight_groups=(
        (("execution",), Decimal(10)),
        (("output", "benefit", "satisfaction", "cost"), Decimal(90)),
    ),
)
PRESETS: dict[str, ScoringProfile] = {p.name: p for p in (CENTRAL, HUBEI, SICHUAN)}


def scoring_profile(name: str = "central") -> ScoringProfile:
    """The preset profile of that name (central, hubei, sichuan); ValueError for another name."""
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"没有名为 {name} 的评分方案（可选：{'、'.join(PRESETS)}）") from None
