"""D: department-level text (SPEC §11.7) — quantified targets in part one, the budget total, own safeguards."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Finding, PerformanceDocument, Subject
from jixiao.model.units import convert, unit_dimension
from jixiao.rules.base import RuleContext, rule

# A number and the text after it, where a unit may start (47 名, 80%, 500 平方米).
_QUANTITY = re.compile(r"(第\s*)?(\d+(?:\.\d+)?)\s*([%％‰]|[\u4e00-\u9fff]{1,4})")
_CALENDAR_UNITS = frozenset({"年", "月", "日"})
_CLAUSE_END = re.compile(r"[，。；;,！？!?\n]")
_SATISFACTION = "满意"
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
# A place prefix of a unit name (巨鹿县 in 巨鹿县总工会), left out of the department's own words.
_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,5}?(?:自治区|自治州|自治县|省|市|县|区|旗)")
# A department total stated in part one (部门预算总额 678.10 万元).
_DEPARTMENT_TOTAL = re.compile(
    r"预算(?:总额|总计|合计|总数|资金|支出|收入)?(?:共计|合计|总计|共|为|是|达)?\s*(\d+(?:\.\d+)?)\s*(亿元|万元|元)"
)


def _quantities(text: str) -> list[str]:
    """The quantities written in a text (47 名, 100%), leaving out dates, ordinals and satisfaction rates."""
    found: list[str] = []
    for match in _QUANTITY.finditer(text):
        ordinal, number, tail = match.groups()
        if ordinal:
            continue
        unit = next((tail[:k] for k in range(len(tail), 0, -1) if unit_dimension(tail[:k]) is not None), None)
        if unit is None or unit in _CALENDAR_UNITS:
            continue
        if unit_dimension(unit) == "percent":
            clause = _CLAUSE_END.split(text[: match.start()])[-1]
            if _SATISFACTION in clause:
                continue
        found.append(f"{number}{unit}")
    return found


@rule(
    "D01",
    title="部门整体绩效目标缺少量化指标",
    description="第一部分部门整体绩效目标应有量化的产出、效益指标（指标表，或至少带计量单位的数值），不能只有文字"
    "表述。检查总体绩效目标和各分项的“绩效指标”段（没有该段时看“绩效目标”段）；满意度百分比、年份和日期不算。",
    severity="warning",
    tags=("completeness",),
    message="第一部分部门整体绩效目标只有文字表述：总体绩效目标和 {count} 条分项绩效指标中，{what}没有带计量单位的"
    "产出、效益指标。",
    suggestion="为部门整体绩效目标设置量化指标，如服务人数、发放金额、完成率，或附部门整体绩效指标表。",
    basis="一体化系统有部门整体指标表 [V-local S11]；河北部门整体目标层级 [V S15]",
    failing="分项绩效指标只写“使职工满意度达到 80%”",
    passing="总体绩效目标写明“帮扶困难职工 40 人，救助资金发放准确率 100%”",
)
def d01(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    goals = doc.department_goals
    if goals.is_empty:
        return  # no part one: nothing to judge here
    texts = [goals.overall_goal, *(sub.indicator_text or sub.goal for sub in goals.sub_goals)]
    if any(_quantities(text) for text in texts):
        return
    with_satisfaction = any(_SATISFACTION in text and ("%" in text or "％" in text) for text in texts)
    yield ctx.finding(
        goals.source,
        Subject(part="department_goals"),
        count=len(goals.sub_goals),
        what="除满意度百分比外" if with_satisfaction else "",
    )


def _department_total(doc: PerformanceDocument) -> tuple[Decimal, str] | None:
    """A department budget total stated in part one (the first one), with its unit."""
    goals = doc.department_goals
    for text in (goals.overall_goal, *(section.text for section in goals.safeguards)):
        match = _DEPARTMENT_TOTAL.search(text)
        if match:
            return Decimal(match.group(1)), match.group(2)
    return None


@rule(
    "D02",
    title="项目预算合计",
    description="第二部分各项目预算数的合计应与部门预算总额一致。第一部分写明了部门预算总额（如“部门预算总额 "
    "678.10 万元”）时比较两者（误差由配置项 money_tolerance 决定），一致则不报告；没有写明时报告项目合计，供人工核对。",
    severity="info",
    tags=("completeness",),
    message="第二部分 {count} 个项目的预算数合计 {total} {unit}（{parts}）{comparison}。",
    suggestion="核对项目预算合计与部门预算总额。",
    basis="[I]",
    failing="第一部分写部门预算 700.00 万元，项目合计 678.10 万元",
    passing="项目合计 678.10 万元，与部门预算总额一致",
)
def d02(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    units = Counter(p.money_unit for p in doc.projects if p.budget_total is not None)
    if not units:
        return
    unit = units.most_common(1)[0][0]
    parts: list[str] = []
    skipped: list[str] = []
    total = Decimal(0)
    for p_no, project in enumerate(doc.projects, start=1):
        amount = project.budget_total
        if amount is None or not amount.is_finite():
            continue
        converted = convert(amount, project.money_unit, unit)
        if converted is None:
            skipped.append(f"项目 {p_no}（单位“{project.money_unit}”）")
            continue
        total += converted
        parts.append(f"{converted:f}")
    if not parts:
        return
    comparison = "；文本未给出部门预算总额，无从核对"
    stated = _department_total(doc)
    if stated is not None:
        department = convert(stated[0], stated[1], unit)
        if department is not None:
            diff = abs(department - total)
            if diff > ctx.profile.money_tolerance:
                comparison = f"，与第一部分所写部门预算总额 {department:f} {unit}不符，相差 {diff:f} {unit}"
            elif skipped:
                comparison = f"，第一部分所写部门预算总额为 {department:f} {unit}"
            else:
                return  # reconciled: nothing to report
    if skipped:
        comparison += f"；{'、'.join(skipped)}的金额单位无法换算，未计入"
    yield ctx.finding(
        doc.source,
        Subject(part="projects", field="budget_total"),
        count=len(parts),
        total=f"{total:f}",
        unit=unit,
        parts=" + ".join(parts),
        comparison=comparison,
    )


def _strip_place(name: str) -> str:
    """A unit name without its place prefix (巨鹿县总工会 → 总工会)."""
    while True:
        match = _PLACE.match(name)
        if match is None or len(name) - match.end() < 2:
            return name
        name = name[match.end() :]


def _own_words(doc: PerformanceDocument, generic: tuple[str, ...]) -> Counter[str]:
    """Words of the department's own business: bigrams of the unit name and the project names, by frequency."""
    unit_name = doc.unit_name or next((p.unit_name for p in doc.projects if p.unit_name), None) or ""
    names = [_strip_place(unit_name), *(p.name for p in doc.projects)]
    words: Counter[str] = Counter()
    for name in names:
        pairs = (name[i : i + 2] for i in range(len(name) - 1))
        words.update(list(dict.fromkeys(b for b in pairs if _HAN.match(b) and b not in generic)))
    return words


def _examples(words: Counter[str], names: list[str], text: str, limit: int = 3) -> list[str]:
    """The own words used most in part one, leaving out halves of one longer word (会费 beside 工会 in 工会费)."""
    ranked = sorted(words, key=lambda w: (-text.count(w), -words[w]))
    chosen: list[str] = []
    for word in ranked:
        if len(chosen) == limit:
            break
        joined = [a + b[1] for a, b in ((word, c) for c in chosen) if a[1] == b[0]]
        joined += [b + a[1] for a, b in ((word, c) for c in chosen) if b[1] == a[0]]
        if not any(j in name for j in joined for name in names):
            chosen.append(word)
    return chosen


@rule(
    "D03",
    title="工作保障措施与本单位业务无关",
    description="工作保障措施应写本单位为完成绩效目标采取的措施。某一节只列全县性工作（投资、产业、污染等，"
    "见配置项 county_policy_words），却不提本单位的业务（由单位名称和项目名称得出的词，如工会、职工），"
    "多是照抄县委、县政府的文件。",
    severity="info",
    tags=("relevance",),
    message="工作保障措施（{number}）列举的是全县性工作（{policy}），没有提到本单位的业务（如{own}）。",
    suggestion="改写为本单位为完成绩效目标采取的具体措施。",
    basis="[I]",
    failing="（一）全力以赴抓投资、促消费……抓产业……抓污染、优生态",
    passing="（三）全力保证工会经费使用平稳运行，确保职工合法权益得到有效保障",
)
def d03(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    own = _own_words(doc, ctx.profile.generic_name_words)
    if not own:
        return  # no unit or project names: the department's business is unknown
    goals = doc.department_goals
    names = [doc.unit_name or "", *(p.name for p in doc.projects)]
    policy_words = [w for w in ctx.profile.county_policy_words if w and not any(w in name for name in names)]
    part_one = "".join([goals.overall_goal, *(s.goal + s.indicator_text for s in goals.sub_goals)])
    examples = "、".join(f"“{w}”" for w in _examples(own, names, part_one))
    for n, section in enumerate(goals.safeguards, start=1):
        text = "".join(section.text.split())
        policy = [w for w in policy_words if w in text]
        if len(policy) < ctx.profile.county_policy_min_words or any(word in text for word in own):
            continue
        yield ctx.finding(
            section.source,
            Subject(part="department_goals", field=f"safeguards[{n}]"),
            number=section.number,
            policy="、".join(policy),
            own=examples,
        )


DEPARTMENT_RULES = (d01, d02, d03)
