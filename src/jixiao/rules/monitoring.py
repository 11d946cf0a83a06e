"""M: checks of a monitoring report (SPEC §11.10): money to date, spending pace, likelihood, deviation causes."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from jixiao.model import Finding, MonitoringReport, Subject, form_has
from jixiao.rules.base import DocumentKind, RuleContext, rule
from jixiao.rules.tracking_helpers import chosen_profile, place
from jixiao.scoring._numbers import fmt
from jixiao.scoring.monitoring import ALERT_LABELS, likelihood_of
from jixiao.scoring.profile import ScoringProfile
from jixiao.scoring.progress import ReportProgress, monitor_report

_M: DocumentKind = "monitoring"


@lru_cache(maxsize=8)
def _monitored(report: MonitoringReport, profile: ScoringProfile) -> ReportProgress:
    return monitor_report(report, profile=profile)


def monitored(report: MonitoringReport, ctx: RuleContext) -> ReportProgress:
    """The execution rates and lights of a report under the profile the check uses (cached per record)."""
    return _monitored(report, chosen_profile(report.scoring_profile, ctx)[0])


@rule(
    "M01",
    title="执行数、预计执行数与预算数",
    description="每一资金行应满足：截至本期执行数 ≤ 全年预计执行数 ≤ 全年预算数。",
    severity="error",
    tags=("completeness", "monitoring"),
    message="{where}“{fund}”{problem}",
    suggestion="核对执行数和全年预计执行数；预计超出预算的，应先调整预算。",
    basis="[V-local S12] 监控表栏目；[I]",
    failing="预算 13.00，1–7月执行 8.00，全年预计执行 7.50",
    passing="预算 13.00，1–7月执行 8.00，全年预计执行 13.00",
    applies_to=_M,
    needs=("money_executed",),
)
def m01(doc: MonitoringReport, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        for line in project.funds:
            budget = line.budget_full_year if line.budget_full_year is not None else line.budget_initial
            executed, forecast = line.executed, line.forecast_executed
            problem = ""
            if executed is not None and forecast is not None and executed > forecast:
                problem = f"截至 {doc.month} 月的执行数 {fmt(executed)} 大于全年预计执行数 {fmt(forecast)}。"
            elif forecast is not None and budget is not None and forecast > budget:
                problem = f"全年预计执行数 {fmt(forecast)} 大于全年预算数 {fmt(budget)}。"
            elif forecast is None and executed is not None and budget is not None and executed > budget:
                problem = f"截至 {doc.month} 月的执行数 {fmt(executed)} 大于全年预算数 {fmt(budget)}。"
            if problem:
                yield ctx.finding(
                    line.source,
                    Subject(project=p_no, field="forecast_executed"),
                    where=place(p_no, project),
                    fund=line.name,
                    problem=problem,
                )


@rule(
    "M02",
    title="支出进度落后",
    description="预算执行率低于时间进度（月份/12），或低于资金支出计划在本期的累计比例，超过评分方案的差距（默认 20 个百分点）时提醒。",
    severity="warning",
    tags=("feasibility", "monitoring"),
    message="{where}截至 {month} 月的预算执行率为 {rate}%，落后于{behind}超过 {gap} 个百分点。",
    suggestion="分析支出进度慢的原因，采取措施加快执行；确实无法执行的资金应按规定调整。",
    basis="双监控 [V S13]；差距阈值 [I]",
    failing="7 月末执行率 20%（时间进度 58.33%）",
    passing="7 月末执行率 55%",
    applies_to=_M,
    needs=("money_executed",),
)
def m02(doc: MonitoringReport, ctx: RuleContext) -> Iterator[Finding]:
    progress = monitored(doc, ctx)
    gap = progress.profile.execution_gap
    for p_no, result in enumerate(progress.projects, start=1):
        behind = result.behind(gap)
        if behind:
            yield ctx.finding(
                result.project.source_of("executed"),
                Subject(project=p_no, field="executed"),
                where=place(p_no, result.project),
                month=doc.month,
                rate=fmt(result.execution_rate or Decimal(0)),
                behind="、".join(behind),
                gap=fmt(gap),
            )


@rule(
    "M03",
    title="完成目标可能性与偏差说明",
    description="完成目标可能性只能填“确定能”“有可能”“不可能”；不是“确定能”的，或指标亮红灯、黄灯的，"
    "必须填写偏差原因分析和改进举措。",
    severity="error",
    tags=("completeness", "monitoring"),
    message="{where}{problem}",
    suggestion="填写偏差原因分析和改进举措。",
    basis="[V-local S12]",
    failing="完成目标可能性“有可能”，原因与举措空白",
    passing="完成目标可能性“有可能”，写明原因与举措",
    applies_to=_M,
    needs=("likelihood",),
)
def m03(doc: MonitoringReport, ctx: RuleContext) -> Iterator[Finding]:
    progress = monitored(doc, ctx)
    for p_no, result in enumerate(progress.projects, start=1):
        project = result.project
        for r_no, (row, lit) in enumerate(zip(project.indicators, result.lights, strict=True), start=1):
            where = place(p_no, project, r_no, row)
            written = "".join(row.likelihood.split())
            likelihood = likelihood_of(written)
            if written and likelihood is None:
                yield ctx.finding(
                    row.source_of("likelihood"),
                    Subject(project=p_no, indicator=r_no, field="likelihood"),
                    where=where,
                    problem=f"的完成目标可能性“{written}”不是“确定能”“有可能”“不可能”之一。",
                    suggestion="从“确定能”“有可能”“不可能”中选择一项。",
                )
            elif not written:
                yield ctx.finding(
                    row.source_of("likelihood"),
                    Subject(project=p_no, indicator=r_no, field="likelihood"),
                    where=where,
                    problem="未填写完成目标可能性。",
                    suggestion="从“确定能”“有可能”“不可能”中选择一项。",
                )
            why = []
            if likelihood in ("possible", "unlikely"):
                why.append(f"完成目标可能性为“{written}”")
            if lit.needs_reason and lit.alert is not None:
                why.append(f"{ALERT_LABELS[lit.alert]}（{lit.explanation}）")
            missing = [
                name
                for name, text, places in (
                    ("偏差原因分析", row.deviation_reason, ("deviation_reason", "deviation")),
                    ("改进举措", row.corrective_action, ("corrective_action", "deviation")),
                )
                if not text.strip()
                and any(form_has(doc.form, p) for p in places)  # not where the form has none
            ]
            if (
                why
                and missing
                and not (project.deviation_reason.strip() and project.corrective_action.strip())
            ):
                field = "deviation_reason" if "偏差原因分析" in missing else "corrective_action"
                yield ctx.finding(
                    row.source_of(field),
                    Subject(project=p_no, indicator=r_no, field=field),
                    where=where,
                    problem=f"{'；'.join(why)}，但未填写{'和'.join(missing)}。",
                )


@rule(
    "M04",
    title="偏差原因类别",
    description="偏差原因类别应从评分方案规定的类别中选择（中央：经费保障、制度保障、人员保障、硬件条件保障、其他；"
    "湖北黄石：规划和目标设计、投入保障、制度保障、项目管理）。",
    severity="warning",
    tags=("completeness", "monitoring"),
    message="{where}的偏差原因类别“{category}”不在规定的类别中（{allowed}）。",
    suggestion="从规定的类别中选择；其他原因选“其他”并在原因分析中说明。",
    basis="[V-local S12], [R]",
    failing="偏差原因类别“天气原因”",
    passing="偏差原因类别“经费保障”",
    applies_to=_M,
    needs=("deviation_category",),
)
def m04(doc: MonitoringReport, ctx: RuleContext) -> Iterator[Finding]:
    profile = monitored(doc, ctx).profile
    allowed = {"".join(c.split()) for c in profile.deviation_categories}
    for p_no, project in enumerate(doc.projects, start=1):
        for r_no, row in enumerate(project.indicators, start=1):
            category = "".join(row.deviation_category.split())
            if category and category not in allowed:
                yield ctx.finding(
                    row.source_of("deviation_category"),
                    Subject(project=p_no, indicator=r_no, field="deviation_category"),
                    where=place(p_no, project, r_no, row),
                    category=row.deviation_category,
                    allowed="、".join(profile.deviation_categories),
                )


MONITORING_RULES = (m01, m02, m03, m04)
