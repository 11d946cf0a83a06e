"""Monitoring a whole report (双监控, SPEC §5): spending against time progress and the plan, a light per row."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import MonitoringReport, ProjectMonitoring, SpendingPoint
from jixiao.scoring._numbers import fmt, round_to
from jixiao.scoring.evaluation import profile_of
from jixiao.scoring.monitoring import Light, light, time_progress
from jixiao.scoring.profile import CENTRAL, ScoringProfile

_MONTH = re.compile(r"(\d{1,2})\s*月")


@dataclass(frozen=True)
class ProjectProgress:
    """Monitoring of one project at the end of a month: execution rate, its benchmarks and the lights."""

    project: ProjectMonitoring
    month: int
    time_progress: Decimal  # m/12 in %
    execution_rate: Decimal | None  # executed to date ÷ budget in %
    forecast_rate: Decimal | None  # forecast for the year ÷ budget in %
    plan_percent: Decimal | None  # the spending plan's cumulative % at the latest milestone by this month
    plan_month: str | None  # that milestone as written (6月底)
    lights: tuple[Light, ...]
    explanation: str

    def behind(self, gap: Decimal) -> list[str]:
        """What the execution rate trails by more than ``gap`` points: 时间进度 and/or 资金支出计划."""
        if self.execution_rate is None:
            return []
        out = []
        if self.time_progress - self.execution_rate > gap:
            out.append(f"时间进度 {fmt(self.time_progress)}%")
        if self.plan_percent is not None and self.plan_percent - self.execution_rate > gap:
            out.append(f"资金支出计划（{self.plan_month}累计 {fmt(self.plan_percent)}%）")
        return out


@dataclass(frozen=True)
class ReportProgress:
    """Monitoring of every project of a report, under one scoring profile."""

    projects: tuple[ProjectProgress, ...]
    profile: ScoringProfile


def plan_milestone(plan: tuple[SpendingPoint, ...], month: int) -> SpendingPoint | None:
    """The latest filled milestone of a spending plan at or before a month (``6月底`` for month 7)."""
    best: tuple[int, SpendingPoint] | None = None
    for point in plan:
        found = _MONTH.search(point.month)
        if found is None or point.percent is None:
            continue
        at = int(found.group(1))
        if at <= month and (best is None or at >= best[0]):
            best = (at, point)
    return best[1] if best else None


def monitor_project(
    project: ProjectMonitoring, month: int, *, profile: ScoringProfile | None = None
) -> ProjectProgress:
    """The execution rate against time progress and the plan, and the light of every indicator row."""
    profile = profile or CENTRAL
    elapsed = time_progress(month)
    fund = project.total_fund
    budget = None if fund is None else fund.budget_full_year or fund.budget_initial
    rate = forecast = None
    executed = fund.executed if fund is not None else None
    if fund is not None and budget:
        if executed is not None:
            rate = round_to(executed / budget * 100, profile.places)
        if fund.forecast_executed is not None:
            forecast = round_to(fund.forecast_executed / budget * 100, profile.places)
    milestone = plan_milestone(project.spending_plan, month)
    plan = milestone.percent if milestone else None
    if rate is None:
        text = "预算数或执行数未填写，无法计算执行率"
    else:
        text = f"执行率 = 执行数 {fmt(executed or Decimal(0))} ÷ 预算数 {fmt(budget or Decimal(0))} = {fmt(rate)}%"
        text += f"；时间进度 {month}/12 = {fmt(elapsed)}%"
        if milestone is not None and plan is not None:
            text += f"；资金支出计划{milestone.month}累计 {fmt(plan)}%"
    lights = tuple(
        light(row.target.raw, row.progress.raw if row.progress else None, month, profile=profile)
        for row in project.indicators
    )
    return ProjectProgress(
        project, month, elapsed, rate, forecast, plan, milestone.month if milestone else None, lights, text
    )


def monitor_report(report: MonitoringReport, *, profile: ScoringProfile | None = None) -> ReportProgress:
    """Monitor every project of a report under its profile (or ``profile``); ValueError for an unknown one."""
    chosen = profile_of(report.scoring_profile, profile)
    return ReportProgress(
        tuple(monitor_project(p, report.month, profile=chosen) for p in report.projects), chosen
    )
