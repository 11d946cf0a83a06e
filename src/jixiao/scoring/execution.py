"""The budget execution score of a self-evaluation (SPEC §6.4, E-01 to E-03) and the grade of a total (E-10)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.scoring._numbers import fmt, in_unit, read_amount, round_to
from jixiao.scoring.profile import CENTRAL, Grade, ScoringProfile

Amount = Decimal | int | str | None


@dataclass(frozen=True)
class ExecutionScore:
    """The execution score: rate (%, rounded, capped at 100), score, and the arithmetic in Chinese."""

    score: Decimal
    weight: Decimal
    execution_rate: Decimal | None  # executed ÷ budget in %, capped at 100; None when it cannot be computed
    explanation: str
    over_executed: bool = False  # executed above the budget (E-01)
    below_reason_threshold: bool = False  # rate below the profile's threshold: a reason is required (E-03)

    @property
    def needs_reason(self) -> bool:
        """True when the score is below the weight or the rate is below the threshold for a written reason."""
        return self.score < self.weight or self.below_reason_threshold


def score_execution(
    budget: Amount, executed: Amount, weight: Decimal | int | str, *, profile: ScoringProfile | None = None
) -> ExecutionScore:
    """Score budget execution: weight × min(executed ÷ budget, 1), rounded; never raises."""
    profile = profile or CENTRAL
    zero = round_to(Decimal(0), profile.places)
    points, points_unit = read_amount(weight)
    if points is None or points < 0 or points_unit:
        return ExecutionScore(Decimal(0), Decimal(0), None, f"分值“{weight}”不是非负数，无法计分")
    budget_number, budget_unit = read_amount(budget)
    executed_number, executed_unit = read_amount(executed)
    if budget_number is None or budget_number <= 0:
        shown = "未填写" if budget_number is None else f"为 {fmt(budget_number)}"
        return ExecutionScore(zero, points, None, f"全年预算数{shown}，无法计算执行率，得 0 分")
    if executed_number is None:
        return ExecutionScore(zero, points, None, "全年执行数未填写或无法读取，无法计算执行率，得 0 分")
    note = ""
    converted = in_unit(executed_number, executed_unit, budget_unit)
    if converted is None:
        return ExecutionScore(
            zero, points, None, f"执行数的单位“{executed_unit}”与预算数的单位“{budget_unit}”不能换算，得 0 分"
        )
    if converted != executed_number:
        note = f"执行数 {fmt(executed_number)} {executed_unit} 已换算为 {fmt(converted)} {budget_unit}；"
    if converted < 0:
        return ExecutionScore(zero, points, None, f"{note}全年执行数为负数 {fmt(converted)}，得 0 分")
    raw_rate = converted / budget_number
    over = raw_rate > 1
    rate = min(raw_rate, Decimal(1))
    score = min(round_to(points * rate, profile.places), points)
    shown_rate = round_to(rate * 100, profile.places)
    text = (
        f"{note}预算执行：执行率 = 执行数 {fmt(converted)} ÷ 预算数 {fmt(budget_number)} = "
        f"{fmt(round_to(raw_rate * 100, profile.places))}%"
    )
    if over:
        text += "，执行数超过预算数，执行率按 100% 计"
    text += f"；得分 = 分值 {fmt(points)} × {fmt(shown_rate)}% = {fmt(score)}"
    below = rate * 100 < profile.execution_reason_below
    if below:
        text += f"；执行率低于 {fmt(profile.execution_reason_below)}%，需说明原因"
    return ExecutionScore(score, points, shown_rate, text, over, below)


def grade_of(total: Decimal | int | str, *, profile: ScoringProfile | None = None) -> tuple[Grade, str]:
    """The grade of a total score: (excellent, 优) from 90, (good, 良) from 80, (fair, 中) from 60, else (poor, 差)."""
    profile = profile or CENTRAL
    number, _ = read_amount(total)
    if number is not None:
        for grade, label, lowest in profile.grade_bands:
            if number >= lowest:
                return grade, label
    return "poor", profile.poor_label
