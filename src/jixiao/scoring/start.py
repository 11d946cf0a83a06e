"""Start a self-evaluation or a monitoring report from an approved target document, its targets carried over."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import (
    EvaluatedIndicator,
    FundLine,
    MonitoredIndicator,
    MonitoringReport,
    PerformanceDocument,
    Project,
    ProjectEvaluation,
    ProjectMonitoring,
    SelfEvaluation,
    targets_ref,
)
from jixiao.model.tracking import FUND_FISCAL, FUND_OTHER, FUND_TOTAL
from jixiao.scoring.categories import row_weights
from jixiao.scoring.monitoring import time_progress
from jixiao.scoring.profile import CENTRAL, ScoringProfile


def start_self_evaluation(
    doc: PerformanceDocument, *, profile: ScoringProfile | None = None
) -> SelfEvaluation:
    """A blank 自评 of every project: targets locked from ``doc``, 分值 from the profile, actuals to be filled."""
    profile = profile or CENTRAL
    return SelfEvaluation(
        unit_code=doc.unit_code,
        unit_name=doc.unit_name,
        fiscal_year=doc.fiscal_year,
        targets=targets_ref(doc),
        scoring_profile=profile.name,
        projects=tuple(_evaluation(doc, p, profile) for p in doc.projects),
    )


def _funds(project: Project, *, monitoring: bool) -> tuple[FundLine, ...]:
    def line(name: str, amount: Decimal | None) -> FundLine:
        if monitoring:
            return FundLine(name, budget_initial=amount)
        return FundLine(name, budget_initial=amount, budget_full_year=amount)

    lines = [line(FUND_TOTAL, project.budget_total), line(FUND_FISCAL, project.budget_fiscal)]
    if project.budget_other is not None:
        lines.append(line(FUND_OTHER, project.budget_other))
    return tuple(lines)


def _evaluation(doc: PerformanceDocument, project: Project, profile: ScoringProfile) -> ProjectEvaluation:
    execution, weights = row_weights([(i.level1, i.level2) for i in project.indicators], profile)
    return ProjectEvaluation(
        code=project.code,
        name=project.name,
        department=doc.unit_name or "",
        implementing_unit=project.unit_name or doc.unit_name or "",
        money_unit=project.money_unit,
        funds=_funds(project, monitoring=False),
        execution_weight=execution,
        overall_goal="\n".join(project.goals),
        indicators=tuple(
            EvaluatedIndicator(i.level1, i.level2, i.level3, i.value, weight=i.weight or weight)
            for i, weight in zip(project.indicators, weights, strict=True)
        ),
    )


def start_monitoring(
    doc: PerformanceDocument, month: int, *, profile: ScoringProfile | None = None
) -> MonitoringReport:
    """A blank 监控 of every project for 1–``month``月: targets and spending plan locked from ``doc``."""
    time_progress(month)  # raises ValueError with a Chinese message outside 1–12
    profile = profile or CENTRAL
    return MonitoringReport(
        unit_code=doc.unit_code,
        unit_name=doc.unit_name,
        fiscal_year=doc.fiscal_year,
        month=month,
        targets=targets_ref(doc),
        scoring_profile=profile.name,
        projects=tuple(
            ProjectMonitoring(
                code=p.code,
                name=p.name,
                department=doc.unit_name or "",
                implementing_unit=p.unit_name or doc.unit_name or "",
                money_unit=p.money_unit,
                funds=_funds(p, monitoring=True),
                spending_plan=p.spending_plan,
                indicators=tuple(
                    MonitoredIndicator(i.level1, i.level2, i.level3, i.value) for i in p.indicators
                ),
            )
            for p in doc.projects
        ),
    )
