"""Score a filled-in self-evaluation: execution, every indicator, total and grade per project (SPEC §6.4)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import EvaluatedIndicator, ProjectEvaluation, SelfEvaluation
from jixiao.scoring._numbers import fmt, round_to
from jixiao.scoring.categories import row_weights
from jixiao.scoring.execution import ExecutionScore, grade_of, score_execution
from jixiao.scoring.indicators import IndicatorScore, score_indicator
from jixiao.scoring.profile import CENTRAL, Grade, ScoringProfile, scoring_profile


@dataclass(frozen=True)
class ProjectScore:
    """The computed 自评 of one project: execution score, indicator scores (in row order), total and grade."""

    project: ProjectEvaluation
    execution: ExecutionScore
    indicators: tuple[IndicatorScore, ...]
    total: Decimal
    grade: Grade
    grade_label: str
    expected_weights: tuple[Decimal | None, ...]  # what the profile gives each row, for E-11
    expected_execution_weight: Decimal

    @property
    def weight_total(self) -> Decimal:
        """The execution weight plus every indicator's weight (E-05 wants 100)."""
        return self.execution.weight + sum((s.weight for s in self.indicators), Decimal(0))

    @property
    def explanation(self) -> str:
        """The total's arithmetic in Chinese."""
        scores = [self.execution.score, *(s.score for s in self.indicators)]
        parts = " + ".join(fmt(score) for score in scores)
        return f"总分 = {parts} = {fmt(self.total)}，等级：{self.grade_label}"


@dataclass(frozen=True)
class EvaluationScore:
    """The computed 自评 of every project of a self-evaluation, under one scoring profile."""

    projects: tuple[ProjectScore, ...]
    profile: ScoringProfile


def profile_of(name: str | None, override: ScoringProfile | None = None) -> ScoringProfile:
    """The scoring profile to use: ``override``, else the preset a record names (ValueError when unknown)."""
    if override is not None:
        return override
    return scoring_profile(name or CENTRAL.name)


def score_project(project: ProjectEvaluation, *, profile: ScoringProfile | None = None) -> ProjectScore:
    """Recompute one project's 自评表 from its amounts, targets, actuals and weights; never raises."""
    profile = profile or CENTRAL
    expected_execution, expected = row_weights([(i.level1, i.level2) for i in project.indicators], profile)
    fund = project.total_fund
    budget = None if fund is None else fund.budget_full_year or fund.budget_initial
    executed = None if fund is None else fund.executed
    execution_weight = (
        project.execution_weight if project.execution_weight is not None else expected_execution
    )
    execution = score_execution(budget, executed, execution_weight, profile=profile)
    scores = tuple(
        _score_row(row, weight, profile) for row, weight in zip(project.indicators, expected, strict=True)
    )
    total = round_to(execution.score + sum((s.score for s in scores), Decimal(0)), profile.places)
    grade, label = grade_of(total, profile=profile)
    return ProjectScore(project, execution, scores, total, grade, label, expected, expected_execution)


def _score_row(row: EvaluatedIndicator, expected: Decimal | None, profile: ScoringProfile) -> IndicatorScore:
    weight = row.weight if row.weight is not None else expected
    if weight is None:
        return IndicatorScore(
            Decimal(0), Decimal(0), "unreadable", "分值未填写，且无法从指标类别推定，无法计分"
        )
    actual = row.actual.raw if row.actual is not None else ""
    return score_indicator(
        row.target.raw,
        actual,
        weight,
        profile=profile,
        given_score=row.score,
        direction=row.direction,
        level1=row.level1,
        level2=row.level2,
    )


def score_self_evaluation(
    evaluation: SelfEvaluation, *, profile: ScoringProfile | None = None
) -> EvaluationScore:
    """Recompute every project of a self-evaluation under its profile (or ``profile``); ValueError if unknown."""
    chosen = profile_of(evaluation.scoring_profile, profile)
    return EvaluationScore(tuple(score_project(p, profile=chosen) for p in evaluation.projects), chosen)
