"""F: money (SPEC §11.2) — the budget split, the 资金支出计划 and the money units of cost indicators."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from jixiao.model import Finding, Indicator, PerformanceDocument, Project, SpendingPoint, Subject
from jixiao.model.units import convert, unit_dimension
from jixiao.rules.base import RuleContext, indicators, rule
from jixiao.rules.framework import is_cost

_MONTH = re.compile(r"(\d{1,2})\s*月")
_FULL_YEAR = 12
_HUNDRED = Decimal(100)
# Money units the unit table does not know (foreign currencies, 百元): a cost in them cannot be compared.
_CURRENCY = re.compile(
    r"^[十百千万亿]*(?:元|美元|美金|欧元|日元|韩元|港元|港币|澳元|澳门币|加元|英镑|卢布|法郎|新台币)$"
)


def _amount(value: Decimal | None) -> str:
    """An amount as written in the table (13.00), or 空白 when the cell is blank."""
    return "空白" if value is None else f"{value:f}"


def _percent(value: Decimal) -> str:
    """A percentage without exponent notation (100, 37.5)."""
    return f"{value.normalize():f}"


@rule(
    "F01",
    title="预算数与资金来源合计",
    description="预算数应等于财政资金与其他资金之和（空白按 0 计），允许的误差由配置项 money_tolerance 决定"
    "（默认 0.005 万元）。两项资金来源都未填写时不作比较。",
    severity="error",
    tags=("completeness",),
    message="项目 {project}“{name}”的预算数 {total} {unit}与财政资金 {fiscal} + 其他资金 {other}"
    "（合计 {parts} {unit}）不符，相差 {diff} {unit}。",
    suggestion="核对预算数与各资金来源，使预算数等于财政资金与其他资金之和。",
    basis="绩效目标表“预算规模及资金用途”栏的含义；audit_agent 以 0.1 为误差 [V S18]",
    failing="预算数 13.10，财政资金 13.00，其他资金空白",
    passing="预算数 13.00，财政资金 13.00，其他资金空白或 0.00",
    needs=("funds|budget",),
)
def f01(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    tolerance = ctx.profile.money_tolerance
    for p_no, project in enumerate(doc.projects, start=1):
        total, fiscal, other = project.budget_total, project.budget_fiscal, project.budget_other
        if total is None or (fiscal is None and other is None):
            continue  # a blank 预算数 is S07's; no sources given means nothing to add up
        parts = (fiscal or Decimal(0)) + (other or Decimal(0))
        if not (total.is_finite() and parts.is_finite()):
            continue
        diff = abs(total - parts)
        if diff > tolerance:
            yield ctx.finding(
                project.source_of("budget_total"),
                Subject(project=p_no, field="budget_total"),
                project=p_no,
                name=project.name,
                total=_amount(total),
                fiscal=_amount(fiscal),
                other=_amount(other),
                parts=f"{parts:f}",
                diff=f"{diff:f}",
                unit=project.money_unit,
            )


def _zero_other_funds(doc: PerformanceDocument, finding: Finding) -> PerformanceDocument:
    """Write 0.00 into the blank 其他资金 the finding names, when 预算数 = 财政资金 proves it is zero."""
    number = finding.subject.project
    if number is None or not 1 <= number <= len(doc.projects):
        return doc
    project = doc.projects[number - 1]
    total, fiscal = project.budget_total, project.budget_fiscal
    if project.budget_other is not None or total is None or fiscal is None or not total.is_finite():
        return doc
    if total != fiscal:
        return doc  # the blank may hide a real amount: F01 decides
    zero = Decimal(0).quantize(total)
    projects = list(doc.projects)
    projects[number - 1] = replace(project, budget_other=zero)
    return replace(doc, projects=tuple(projects))


@rule(
    "F02",
    title="其他资金留空",
    description="没有其他资金时，“其他资金”栏应写 0.00 或“—”，不应留空；留空无法区分“没有”与“漏填”。"
    "预算数等于财政资金时，自动修正填写 0.00。",
    severity="info",
    tags=("completeness",),
    message="项目 {project}“{name}”的其他资金栏为空。",
    suggestion="没有其他资金时填写 0.00。",
    basis="[I]",
    failing="其他资金栏空白",
    passing="其他资金 0.00",
    fix=_zero_other_funds,
    needs=("funds",),
)
def f02(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        if project.budget_other is None and project.budget_total is not None:
            yield ctx.finding(
                project.source_of("budget_other"),
                Subject(project=p_no, field="budget_other"),
                project=p_no,
                name=project.name,
            )


def _month(point: SpendingPoint) -> int | None:
    """The month number of a milestone (``10月底`` → 10), or None when it names no month."""
    match = _MONTH.search(point.month)
    return int(match.group(1)) if match else None


def _plan_label(point: SpendingPoint) -> str:
    return "".join(point.month.split()) or "（未命名）"


def _plan_problems(plan: tuple[SpendingPoint, ...]) -> Iterator[str]:
    """What is wrong with a spending plan: values outside 0–100, a decreasing total, 12月底 not 100%."""
    highest: tuple[str, Decimal] | None = None
    for point in plan:
        value = point.percent
        if value is None or not value.is_finite():
            continue
        label = _plan_label(point)
        if not _HUNDRED >= value >= 0:
            yield f"{label}为 {_percent(value)}%，超出 0–100% 的范围"
            continue
        if highest is not None and value < highest[1]:
            yield f"{label}累计 {_percent(value)}% 低于{highest[0]}的 {_percent(highest[1])}%，累计支出进度不应减少"
        if highest is None or value >= highest[1]:
            highest = (label, value)
        if _month(point) == _FULL_YEAR and value != _HUNDRED:
            yield f"{label}累计为 {_percent(value)}%，全年支出计划应达到 100%"


@rule(
    "F03",
    title="资金支出计划的数值",
    description="资金支出计划各栏是截至该月底的累计支出比例：每个已填数值应在 0–100% 之间，按表头顺序不应减少，"
    "12月底应为 100%。",
    severity="error",
    tags=("feasibility",),
    message="项目 {project}“{name}”的资金支出计划：{problem}。",
    suggestion="按截至各月底的累计支出比例填写资金支出计划，12月底为 100%。",
    basis="[I]：表头“X月底”表示累计进度",
    failing="6月底 60%，10月底 40%；或 12月底 90%",
    passing="3月底 25%，6月底 50%，10月底 80%，12月底 100%",
    needs=("spending_plan",),
)
def f03(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        for problem in _plan_problems(project.spending_plan):
            yield ctx.finding(
                project.source_of("spending_plan"),
                Subject(project=p_no, field="spending_plan"),
                project=p_no,
                name=project.name,
                problem=problem,
            )


@rule(
    "F04",
    title="资金支出计划有空白月份",
    description="资金支出计划的每个月份（3月底、6月底、10月底、12月底）都应填写累计支出比例；只填 12月底 的计划"
    "无法用于绩效运行监控中执行进度与计划的比较。整个计划栏缺失时不报告。",
    severity="warning",
    tags=("completeness",),
    message="项目 {project}“{name}”的资金支出计划{what}。",
    suggestion="按预计支出进度填写各月底的累计支出比例。",
    basis="[I]：运行监控按支出计划和序时进度比较执行情况（SPEC §5）",
    failing="只填 12月底 100%",
    passing="3月底 25%，6月底 50%，10月底 80%，12月底 100%",
    needs=("spending_plan",),
)
def f04(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        plan = project.spending_plan
        if not plan:
            continue  # no plan read at all: this layout has none
        blank = [_plan_label(point) for point in plan if point.percent is None]
        filled = [_plan_label(point) for point in plan if point.percent is not None]
        if not filled:
            what = "各月均未填写"
        elif blank:
            what = f" {'、'.join(blank)} 未填写，只填了 {'、'.join(filled)}"
        else:
            continue
        yield ctx.finding(
            project.source_of("spending_plan"),
            Subject(project=p_no, field="spending_plan"),
            project=p_no,
            name=project.name,
            what=what,
        )


def _cumulative_at(plan: tuple[SpendingPoint, ...], month: int) -> tuple[Decimal, str] | None:
    """The cumulative percent at ``month`` and a note when it was read from a blank cell (None: nothing to judge).

    A blank month takes the last filled value before it (0 if none), provided a later month is filled:
    the plan is cumulative, so money not planned by then is money spent later.
    """
    index = next((i for i, point in enumerate(plan) if _month(point) == month), None)
    if index is None:
        return None
    value = plan[index].percent
    if value is not None:
        return (value, "") if value.is_finite() else None
    if not any(point.percent is not None for point in plan[index + 1 :]):
        return None
    earlier = [p for p in plan[:index] if p.percent is not None and p.percent.is_finite()]
    if not earlier or earlier[-1].percent is None:
        return Decimal(0), "（该月未填写，按 0 计）"
    return earlier[-1].percent, f"（该月未填写，按{_plan_label(earlier[-1])}的数值计）"


@rule(
    "F05",
    title="资金支出计划集中在年末",
    description="截至配置项 backloaded_month（默认 10月底）的累计支出比例低于 backloaded_min_percent（默认 75%）时，"
    "支出集中在年末，执行进度存在风险。该月留空而其后月份已填写时，按此前最后一个已填数值（没有则为 0）计。",
    severity="warning",
    tags=("feasibility",),
    message="项目 {project}“{name}”的资金支出计划截至 {month}累计 {percent}%{note}，低于 {minimum}%，支出集中在年末。",
    suggestion="按实际用款进度安排支出计划，避免资金集中在年末支出。",
    basis="[I]（阈值未经核实，可配置）",
    failing="10月底空白、12月底 100%（10月底按 0% 计）",
    passing="10月底 80%，12月底 100%",
    needs=("spending_plan",),
)
def f05(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    wanted = _month(SpendingPoint(ctx.profile.backloaded_month))
    minimum = ctx.profile.backloaded_min_percent
    if wanted is None:
        return
    for p_no, project in enumerate(doc.projects, start=1):
        found = _cumulative_at(project.spending_plan, wanted)
        if found is None or found[0] >= minimum:
            continue
        value, note = found
        yield ctx.finding(
            project.source_of("spending_plan"),
            Subject(project=p_no, field="spending_plan"),
            project=p_no,
            name=project.name,
            month="".join(ctx.profile.backloaded_month.split()),
            percent=_percent(value),
            note=note,
            minimum=_percent(minimum),
        )


def _is_money(unit: str) -> bool:
    """True for a simple money unit, known (元, 万元) or not (美元, 百元)."""
    return unit_dimension(unit) == "money" or bool(_CURRENCY.match(unit))


def _uncomparable_unit(project: Project, indicator: Indicator) -> str | None:
    """The unit of a cost indicator in money that cannot be converted to the budget's unit, if so."""
    value, budget_unit = indicator.value, project.money_unit
    unit = (value.unit or "").strip()
    if not (is_cost(indicator) and value.is_quantitative and unit) or "/" in unit:
        return None  # a unit cost (元/人) is compared per unit, not with the budget
    if not _is_money(unit) or unit_dimension(budget_unit) != "money":
        return None
    number = value.number
    if number is None:
        return None
    return unit if convert(number, unit, budget_unit) is None else None


@rule(
    "F06",
    title="金额单位可换算",
    description="表头“单位：万元”适用于预算金额；指标值中的金额可以用元、万元等单位，比较前换算。以金额为单位的成本"
    "指标（非单位成本）如果使用无法换算为预算金额单位的单位（如美元、百元），就无法与预算数比较。",
    severity="error",
    tags=("appropriateness",),
    message="项目 {project} 成本指标“{name}”的单位“{unit}”无法换算为预算金额单位“{budget_unit}”，无法与预算数比较。",
    suggestion="以人民币元或万元填写成本指标。",
    basis="[I]；audit_agent 因单位不一致停用了成本与预算的比较 [S18]",
    failing="成本指标“设备购置成本” ≤5 万美元，预算单位万元",
    passing="成本指标“人均救助标准” ≤7300 元/年；“工会经费数额” 13 万元",
    needs=("funds|budget",),
)
def f06(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project, i_no, ind in indicators(doc):
        unit = _uncomparable_unit(project, ind)
        if unit is not None:
            yield ctx.finding(
                ind.source_of("value"),
                Subject(project=p_no, indicator=i_no, field="value"),
                project=p_no,
                name=ind.level3,
                unit=unit,
                budget_unit=project.money_unit,
            )


MONEY_RULES = (f01, f02, f03, f04, f05, f06)
