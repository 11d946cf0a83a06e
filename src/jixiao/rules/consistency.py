"""C: budget–target consistency (SPEC §11.6, 适当性 and 相关性) — cost against budget, part one against the tables.

Money is compared in the project's own unit (``Project.money_unit``, 万元 in the Hebei layout) after exact
conversion with ``jixiao.model.units.convert``; a value whose unit does not convert is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import TypeGuard

from jixiao.model import Finding, Indicator, IndicatorValue, PerformanceDocument, Project, SubGoal, Subject
from jixiao.model.units import QUANTITY_NOUN_UNITS, convert, normalize_unit, unit_dimension
from jixiao.rules.base import RuleContext, rule
from jixiao.rules.framework import is_cost, is_quantity, is_satisfaction
from jixiao.rules.matching import match_sub_goals as match_projects
from jixiao.rules.profile import Profile
from jixiao.rules.text import bigrams, similarity, strip_numbering

_AVERAGE_COUNTS = {"人均": "人", "生均": "人", "户均": "户", "次均": "次", "场均": "场"}
_PERIODS_PER_YEAR = {"年": 1, "季度": 4, "个季度": 4, "月": 12, "个月": 12}
_SAME_COUNT = {"名": "人", "位": "人"}
_NOT_WORD = re.compile(r"[\s，。、；：,.;:！!？?（）()《》“”\"'【】\[\]—\-]+")
_SATISFACTION_PERCENT = re.compile(r"满意[度率]?[^%％\d。；;]{0,12}?(\d+(?:\.\d+)?)\s*[%％]")
# A count quoted in running text: 47 名, 20 人 (the unit tried as two characters, then one).
_COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([\u4e00-\u9fff]{1,2})")


def _name(ind: Indicator) -> str:
    return ind.level3 or ind.description


def _show(number: Decimal) -> str:
    """A Decimal as people write it: 13, 13.1, 6550 (no exponent, no trailing zeros)."""
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _round(number: Decimal) -> Decimal:
    try:
        return number.quantize(Decimal("0.01"))
    except InvalidOperation:
        return number


def _finite(number: Decimal | None) -> TypeGuard[Decimal]:
    """True for a number that can be compared (not None, NaN or infinite)."""
    return number is not None and number.is_finite()


def _plain_money(value: IndicatorValue) -> bool:
    unit = value.unit or ""
    return value.is_quantitative and "/" not in unit and unit_dimension(unit) == "money"


def _in_budget_unit(value: IndicatorValue, project: Project) -> Decimal | None:
    """A plain money value in the project's money unit, or None."""
    if not _plain_money(value) or not _finite(value.number) or value.unit is None:
        return None
    return convert(value.number, value.unit, project.money_unit)


def _tolerance(ctx: RuleContext, project: Project) -> Decimal:
    """The profile's money tolerance (万元) in the project's money unit."""
    tol = convert(ctx.profile.money_tolerance, "万元", project.money_unit)
    return tol if tol is not None else ctx.profile.money_tolerance


def _per_unit_name(ind: Indicator, profile: Profile) -> bool:
    """True when the 三级指标 names a per-unit cost (人均…, 每…, …单价); the description is not read."""
    return any(w in ind.level3 for w in profile.per_unit_words)


@rule(
    "C01",
    title="成本指标照抄预算数",
    description="成本指标的值等于项目预算数、名称又是“数额”“金额”“投入资金”“经费”之类的总额，"
    "只是把投入重复一遍，不是绩效目标。应改用单位成本，或在无法测算单位成本时设分项成本控制数。",
    severity="warning",
    tags=("appropriateness",),
    message="项目 {project} 指标表第 {row} 行的成本指标“{name}”为 {raw}，等于项目预算数 {budget} {unit}，"
    "只是照抄了预算总额。",
    suggestion="改用单位成本（如人均、每平方米、每场次成本），或设分项成本控制数（如租金、维护费各不超过多少万元）。",
    basis="分项成本控制数 [V S2]；投入不能作为绩效目标 [V-local dybbs8]",
    failing="预算数 13.00 万元，成本指标“公安局辅警工会费数额 13 万元”",
    passing="预算数 13.10 万元，成本指标“人均救助指标 ≤7300 元/年”",
    needs=("funds|budget",),
)
def c01(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    words = ctx.profile.restates_budget_words
    for p_no, project in enumerate(doc.projects, start=1):
        budget = project.budget_total
        if budget is None or not budget.is_finite():
            continue
        tol = _tolerance(ctx, project)
        for i_no, ind in enumerate(project.indicators, start=1):
            if not is_cost(ind) or _per_unit_name(ind, ctx.profile):
                continue
            if not any(w in ind.level3 or w in ind.description for w in words):
                continue
            amount = _in_budget_unit(ind.value, project)
            if amount is None or abs(amount - budget) > tol:
                continue
            yield ctx.finding(
                ind.source_of("value"),
                Subject(project=p_no, indicator=i_no, field="value"),
                project=p_no,
                row=i_no,
                name=_name(ind),
                raw=ind.value.raw,
                budget=f"{budget:f}",
                unit=project.money_unit,
            )


@rule(
    "C02",
    title="成本指标合计超过预算数",
    description="总额形式的成本指标（以元、万元计，不含人均等单位成本）换算成预算单位后，合计不应超过项目预算数；"
    "名称标明“总”“合计”的成本指标单独与预算数比较，不与分项相加。",
    severity="error",
    tags=("appropriateness",),
    message="项目 {project} 的成本指标{what}合计 {total} {unit}，超过项目预算数 {budget} {unit}。",
    suggestion="核对成本指标与预算数：成本控制数不应超过预算安排的资金。",
    basis="S18（按单位换算后）；[I]",
    failing="预算数 13.00 万元，成本指标“租金 ≤10 万元”“维护费 ≤5 万元”",
    passing="预算数 13.00 万元，成本指标“租金 ≤8 万元”“维护费 ≤5 万元”",
    needs=("funds|budget",),
)
def c02(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        budget = project.budget_total
        if budget is None or not budget.is_finite():
            continue
        tol = _tolerance(ctx, project)
        items: list[tuple[int, Indicator, Decimal]] = []
        for i_no, ind in enumerate(project.indicators, start=1):
            if not is_cost(ind) or _per_unit_name(ind, ctx.profile) or ind.value.operator in ("≥", ">"):
                continue
            amount = _in_budget_unit(ind.value, project)
            if amount is None:
                continue
            if any(w in ind.level3 for w in ctx.profile.total_words):
                if amount > budget + tol:
                    what = f"第 {i_no} 行“{_name(ind)}”"
                    yield _c02(ctx, project, p_no, i_no, what, amount, budget)
            else:
                items.append((i_no, ind, amount))
        total = sum((amount for _, _, amount in items), Decimal(0))
        if items and total > budget + tol:
            rows = [i for i, _, _ in items]
            what = "、".join(f"第 {i} 行“{_name(ind)}”" for i, ind, _ in items)
            yield _c02(ctx, project, p_no, rows[0] if len(rows) == 1 else None, what, total, budget)


def _c02(
    ctx: RuleContext, project: Project, p_no: int, row: int | None, what: str, total: Decimal, budget: Decimal
) -> Finding:
    source = project.indicators[row - 1].source_of("value") if row else project.source_of("budget_total")
    return ctx.finding(
        source,
        Subject(project=p_no, indicator=row, field="value" if row else "budget_total"),
        project=p_no,
        what=what,
        total=_show(total),
        budget=f"{budget:f}",
        unit=project.money_unit,
    )


def _count_unit(unit: str) -> str | None:
    """A count unit in its plain form: 人数 → 人, 名 → 人, 个数 → 个; None if not a count."""
    plain = QUANTITY_NOUN_UNITS.get(unit, unit)
    plain = _SAME_COUNT.get(plain, plain)
    return plain if unit_dimension(plain) == "count" else None


def _per_unit(ind: Indicator) -> tuple[str, str, int] | None:
    """A per-unit cost's money unit, the count it is per, and periods per year: 元/人·月 → (元, 人, 12)."""
    unit = normalize_unit(ind.value.unit or "")
    numerator, slash, rest = unit.partition("/")
    if unit_dimension(numerator) != "money":
        return None
    counts: list[str] = []
    periods = 1
    times = 0
    for part in rest.split("·") if slash else []:
        count = _count_unit(part)
        if count is not None:
            counts.append(count)
        elif part in _PERIODS_PER_YEAR:
            periods, times = _PERIODS_PER_YEAR[part], times + 1
        else:
            return None  # 元/天, 元/平方米: no annual quantity to divide by
    if not counts:
        name = ind.level3 + ind.description
        counts = [c for w, c in _AVERAGE_COUNTS.items() if w in name]
        m = re.search(r"每([\u4e00-\u9fff]{1,2})", name)
        if not counts and m:
            counts = [c for c in (_count_unit(m.group(1)), _count_unit(m.group(1)[:1])) if c][:1]
    if len(set(counts)) != 1 or times > 1:
        return None
    return numerator, counts[0], periods


def _quantity_for(project: Project, count: str, cost: Indicator) -> tuple[int, Indicator] | None:
    """The 数量 indicator counted in ``count``; when several, the one whose name is closest to the cost's."""
    found = [
        (i_no, ind)
        for i_no, ind in enumerate(project.indicators, start=1)
        if is_quantity(ind)
        and ind.value.is_quantitative
        and ind.value.number
        and _count_unit(normalize_unit(ind.value.unit or "")) == count
    ]
    if len(found) <= 1:
        return found[0] if found else None
    scored = sorted(((similarity(_name(ind), _name(cost)), i, ind) for i, ind in found), reverse=True)
    if scored[0][0] == scored[1][0]:
        return None
    return scored[0][1], scored[0][2]


@rule(
    "C03",
    title="单位成本与预算数不匹配",
    description="用预算数除以数量指标得出的实际单位成本，应满足单位成本指标（如“人均救助 ≤7300 元/年”）。"
    "按月计的单位成本（元/人·月）乘以 12 个月；按天、按面积计的不检查；未写运算符的单位成本按上限（≤）理解。",
    severity="warning",
    tags=("appropriateness",),
    message="项目 {project} 预算数 {budget} {unit} ÷ {quantity}（第 {quantity_row} 行“{quantity_name}”）{per_period}"
    "= {derived} {cost_unit}，不满足第 {row} 行成本指标“{name}”{raw}。",
    suggestion="核对预算数、数量指标和单位成本指标三者是否一致，调整其中有误的一项。",
    basis="88号 适当性 [R]；[I]",
    failing="预算数 13.10 万元，保障 10 人，人均成本 ≤7300 元/年（实际 13100 元/人）",
    passing="预算数 13.10 万元，保障 20 人，人均成本 ≤7300 元/年（实际 6550 元/人）",
    needs=("funds|budget",),
)
def c03(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        budget = project.budget_total
        if budget is None or not budget.is_finite():
            continue
        for i_no, ind in enumerate(project.indicators, start=1):
            value = ind.value
            if not is_cost(ind) or not _finite(value.number) or value.operator in ("≥", ">"):
                continue
            per = _per_unit(ind)
            if per is None:
                continue
            money, count, periods = per
            match = _quantity_for(project, count, ind)
            if match is None:
                continue
            q_row, quantity = match
            q_number = quantity.value.number
            budget_money = convert(budget, project.money_unit, money)
            tol = convert(ctx.profile.money_tolerance, "万元", money)
            if not _finite(q_number) or q_number <= 0 or budget_money is None or tol is None:
                continue
            derived = budget_money / q_number / periods
            slack = tol / q_number / periods
            exact = value.operator == "="
            if (abs(derived - value.number) <= slack) if exact else derived <= value.number + slack:
                continue
            yield ctx.finding(
                ind.source_of("value"),
                Subject(project=p_no, indicator=i_no, field="value"),
                project=p_no,
                budget=f"{budget:f}",
                unit=project.money_unit,
                quantity=f"{_show(q_number)} {count}",
                quantity_row=q_row,
                quantity_name=_name(quantity),
                per_period=f"÷ {periods} " if periods > 1 else "",
                derived=_show(_round(derived)),
                cost_unit=f"{money}/{count}" + ("·月" if periods == 12 else "·季度" if periods == 4 else ""),
                row=i_no,
                name=_name(ind),
                raw=value.raw,
            )


@rule(
    "C04",
    title="指标值低于上年",
    description="填有上年指标值时，正向指标（≥、＞）的目标低于上年，应在绩效指标描述中说明原因；"
    "按历史标准，目标在可实现的前提下应相对较高。",
    severity="warning",
    tags=("appropriateness",),
    message="项目 {project} 指标表第 {row} 行“{name}”的目标 {raw} 低于上年指标值 {previous}，未说明原因。",
    suggestion="说明目标低于上年的原因（如预算减少、对象减少），或把目标调整到不低于上年的水平。",
    basis="历史标准“相对较高” [R]；上年指标值 snindexval [V-local S11]",
    failing="上年 ≥95%，本年 ≥90%，描述未说明原因",
    passing="上年 ≥90%，本年 ≥95%",
)
def c04(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        for i_no, ind in enumerate(project.indicators, start=1):
            value, previous = ind.value, ind.previous_value
            if previous is None or value.operator not in ("≥", ">") or not _finite(value.number):
                continue
            if not _finite(previous.number) or not value.unit or not previous.unit:
                continue
            before = convert(previous.number, previous.unit, value.unit)
            if before is None or value.number >= before:
                continue
            if any(w in ind.description for w in ctx.profile.decrease_reason_words):
                continue
            yield ctx.finding(
                ind.source_of("value"),
                Subject(project=p_no, indicator=i_no, field="value"),
                project=p_no,
                row=i_no,
                name=_name(ind),
                raw=value.raw,
                previous=previous.raw,
            )


def match_sub_goals(doc: PerformanceDocument, profile: Profile) -> dict[int, SubGoal]:
    """The sub-goal of part one that belongs to each project (0-based index), by fuzzy name match as in S06."""
    subs = doc.department_goals.sub_goals
    return {pi: subs[si] for pi, si in match_projects(doc, profile).items()}


def _narrative_counts(text: str) -> Iterator[tuple[Decimal, str, str]]:
    """Counts quoted in a text: (number, plain count unit, as written), e.g. 47 名 → (47, 人, 47 名)."""
    for m in _COUNT.finditer(text):
        for unit in (m.group(2), m.group(2)[:1]):
            plain = _count_unit(unit)
            if plain is not None:
                yield Decimal(m.group(1)), plain, f"{m.group(1)} {unit}"
                break


def _same_count(number: Decimal, unit: str, value: IndicatorValue) -> bool | None:
    """Whether a quoted count equals a row's value (万人 converted to 人), or None when they do not compare."""
    row_unit = _count_unit(normalize_unit(value.unit or ""))
    if row_unit is None or not _finite(value.number):
        return None
    converted = convert(number, unit, row_unit)
    return None if converted is None else converted == value.number


@rule(
    "C05",
    title="第一部分的数字与项目表不一致",
    description="第一部分分项绩效目标中写到的满意度百分比和人数、个数等数量，应与对应项目绩效目标表中的指标值相同。"
    "分项目标按名称近似匹配到项目（同 S06）。",
    severity="warning",
    tags=("relevance",),
    message="第一部分分项绩效目标“{title}”写{what} {narrative}，与项目 {project} 指标表第 {row} 行“{name}”的"
    "指标值 {raw} 不一致。",
    suggestion="统一第一部分与项目绩效目标表中的数值，以项目表中经过测算的指标值为准。",
    basis="[I]",
    failing="分项目标写“满意度达到 80%”，项目表为“满意度 ≥95%”",
    passing="分项目标写“满意度达到 90%”，项目表为“满意度 ≥90%”",
)
def c05(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for pi, sub in sorted(match_sub_goals(doc, ctx.profile).items()):
        project = doc.projects[pi]
        text = f"{sub.goal}\n{sub.indicator_text}"
        rows = list(enumerate(project.indicators, start=1))
        satisfaction = [(i, ind) for i, ind in rows if is_satisfaction(ind) and ind.value.unit == "%"]
        satisfaction = satisfaction or [
            (i, ind) for i, ind in rows if "满意" in ind.level3 and ind.value.unit == "%"
        ]
        for m in _SATISFACTION_PERCENT.finditer(text):
            quoted = Decimal(m.group(1))
            if satisfaction and all(ind.value.number != quoted for _, ind in satisfaction):
                i_no, ind = satisfaction[0]
                yield _c05(ctx, sub, pi + 1, i_no, ind, "满意度", f"{m.group(1)}%")
        for number, unit, written in _narrative_counts(text):
            counted = [(i, ind, _same_count(number, unit, ind.value)) for i, ind in rows]
            counted = [(i, ind, same) for i, ind, same in counted if same is not None]
            if counted and not any(same for _, _, same in counted):
                i_no, ind, _ = counted[0]
                yield _c05(ctx, sub, pi + 1, i_no, ind, "数量", written)


def _c05(
    ctx: RuleContext, sub: SubGoal, p_no: int, i_no: int, ind: Indicator, what: str, narrative: str
) -> Finding:
    return ctx.finding(
        sub.source,
        Subject(project=p_no, indicator=i_no, field="value"),
        title=sub.title,
        what=what,
        narrative=narrative,
        project=p_no,
        row=i_no,
        name=_name(ind),
        raw=ind.value.raw,
    )


@rule(
    "C06",
    title="绩效目标没有对应的指标",
    description="项目的每一条绩效目标都应有至少一条绩效指标衡量它。按字词（相邻两字）重合度判断："
    "目标中的字词出现在指标名称或描述中的比例低于设定值（goal_coverage_min），即视为没有对应指标。",
    severity="info",
    tags=("relevance",),
    message="项目 {project} 的第 {number} 条绩效目标“{goal}”没有对应的绩效指标"
    "（与指标名称和描述的字词重合 {share}%，低于 {minimum}%）。",
    suggestion="为这条目标设置可衡量的指标，或删去无法衡量、与资金无关的目标。",
    basis="88号 相关性 [R]；S18",
    failing="目标“提高职工积极性”，指标中没有与积极性有关的一条",
    passing="目标“帮扶困难职工不少于 20 人”，指标“帮扶困难职工人数 ≥20 人”",
)
def c06(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    minimum = ctx.profile.goal_coverage_min
    for p_no, project in enumerate(doc.projects, start=1):
        if not project.indicators:
            continue
        covered: set[str] = set()
        for ind in project.indicators:
            covered |= bigrams(ind.level3 + "，" + ind.description)
        for n, goal in enumerate(project.goals, start=1):
            words = bigrams(strip_numbering(goal))
            if not words:
                continue
            share = Decimal(len(words & covered)) / Decimal(len(words))
            if share >= minimum:
                continue
            yield ctx.finding(
                project.source_of("goals"),
                Subject(project=p_no, field=f"goals[{n}]"),
                project=p_no,
                number=n,
                goal=strip_numbering(goal),
                share=_show((share * 100).quantize(Decimal(1))),
                minimum=_show(minimum * 100),
            )


def _goal_key(goals: tuple[str, ...]) -> frozenset[str]:
    return frozenset(k for k in (_NOT_WORD.sub("", strip_numbering(g)) for g in goals) if k)


@rule(
    "C07",
    title="不同项目的绩效目标完全相同",
    description="每个项目的绩效目标应说明这笔资金要达到的效果；两个不相关的项目写着完全相同的目标，"
    "通常是套用了其他项目的文字，目标与资金用途无关。名称相近的项目（同一事项分列的几笔资金）不报。",
    severity="warning",
    tags=("relevance",),
    message="项目 {project}“{name}”的绩效目标与项目 {first}“{first_name}”完全相同。",
    suggestion="按本项目的资金用途重写绩效目标，写明这笔资金要产出什么、达到什么效果。",
    basis="88号 相关性 [R]；[I]",
    failing="劳模荣誉津贴与县直单位工会费两个项目的三条目标完全相同",
    passing="各项目的目标各自对应其资金用途",
)
def c07(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    keys = [_goal_key(p.goals) for p in doc.projects]
    for later, project in enumerate(doc.projects):
        if not keys[later]:
            continue
        for first in range(later):
            other = doc.projects[first]
            if (
                keys[first] != keys[later]
                or similarity(other.name, project.name) >= ctx.profile.related_name_similarity
            ):
                continue
            yield ctx.finding(
                project.source_of("goals"),
                Subject(project=later + 1, field="goals"),
                project=later + 1,
                name=project.name,
                first=first + 1,
                first_name=other.name,
            )
            break


def _kinds(text: str, profile: Profile) -> set[str]:
    return {kind for kind, words in profile.expense_kinds.items() if any(w in text for w in words)}


@rule(
    "C08",
    title="资金用途与项目名称、成本指标不一致",
    description="资金用途应与项目名称所说的支出相同，成本指标也应衡量这项支出（如租赁费项目的成本指标是租金）。"
    "只比较能识别出的支出类别（租赁、维修维护、建设、购置、津贴补贴、救助慰问、工会经费等），"
    "识别不出类别时不报。",
    severity="info",
    tags=("relevance",),
    message="项目 {project}“{name}”：{what}。",
    suggestion="使资金用途、项目名称和成本指标说的是同一项支出；其他支出应另列项目或在资金用途中写明。",
    basis="[I]",
    failing="职工书屋租赁费项目，成本指标为“职工书屋租赁及维护费”",
    passing="职工书屋租赁费项目，成本指标为“职工书屋年租金 ≤5 万元”",
    needs=("purpose",),
)
def c08(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        named, used = _kinds(project.name, ctx.profile), _kinds(project.purpose, ctx.profile)
        if named and used and not named & used:
            what = f"资金用途“{project.purpose}”是{'、'.join(sorted(used))}，项目名称是{'、'.join(sorted(named))}"
            yield ctx.finding(
                project.source_of("purpose"), Subject(project=p_no, field="purpose"), project=p_no,
                name=project.name, what=what,
            )  # fmt: skip
        stated = named | used
        if not stated:
            continue
        for i_no, ind in enumerate(project.indicators, start=1):
            if not is_cost(ind):
                continue
            extra = _kinds(ind.level3 + "，" + ind.description, ctx.profile) - stated
            if not extra:
                continue
            what = (
                f"第 {i_no} 行成本指标“{ind.level3}”（{ind.description}）含有{'、'.join(sorted(extra))}支出，"
                f"而项目名称和资金用途只说明了{'、'.join(sorted(stated))}"
            )
            yield ctx.finding(
                ind.source_of("level3"),
                Subject(project=p_no, indicator=i_no, field="level3"),
                project=p_no,
                name=project.name,
                what=what,
            )


CONSISTENCY_RULES = (c01, c02, c03, c04, c05, c06, c07, c08)
