"""V: values, operators and units (SPEC §11.4) — what the 指标值 grammar read, and whether it is measurable.

The grammar (``jixiao.model.value_grammar``) never raises; what it read without certainty is in
``IndicatorValue.doubts``. V01 reports those doubts, V02 placeholders, V03 a missing unit; the other rules
look at the operator, number and unit. V01 and V04 offer safe fixes that rewrite ``value.raw`` only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from jixiao.model import (
    DOUBTS,
    Finding,
    Indicator,
    IndicatorValue,
    Operator,
    PerformanceDocument,
    Subject,
    format_value,
    parse_value,
)
from jixiao.model.framework import compact
from jixiao.model.normalize import normalize_text
from jixiao.model.units import QUANTITY_NOUN_UNITS, normalize_unit, unit_dimension
from jixiao.rules.base import RuleContext, indicators, rule
from jixiao.rules.framework import is_cost, is_quantity, is_satisfaction_name
from jixiao.rules.profile import Profile

# Doubts other rules report: V02 (placeholders, none markers), V03 (no unit), S07 (an empty cell).
_NOT_V01 = frozenset({"empty", "none_marker", "placeholder", "placeholder_prefix", "unit_missing"})
# Doubts about spelling only: the canonical spelling reads the same (V01's safe fix).
_SPELLING_DOUBTS = frozenset({"operator_spelling", "operator_doubled", "traditional"})
_PLACEHOLDER_DOUBTS = ("placeholder", "placeholder_prefix", "none_marker")


@lru_cache(maxsize=16)
def _pattern(pattern: str) -> re.Pattern[str]:
    """A profile's pattern, compiled once (an invalid one matches nothing rather than raising)."""
    try:
        return re.compile(pattern)
    except re.error:
        return re.compile(r"(?!)")


_PERCENT_UNITS = frozenset({"%", "‰", "个百分点"})


# --- shared helpers -------------------------------------------------------------------------------


def _number(value: IndicatorValue) -> Decimal | None:
    """The value's number when it is a finite quantitative target."""
    number = value.number
    if value.kind != "quantitative" or number is None or not number.is_finite():
        return None
    return number


def _raw(value: IndicatorValue) -> str:
    return value.raw.strip()


def _row(p_no: int, i_no: int) -> Subject:
    return Subject(project=p_no, indicator=i_no, field="value")


def _locate(doc: PerformanceDocument, finding: Finding) -> Indicator | None:
    """The indicator a finding is about, or None when the subject no longer exists."""
    p_no, i_no = finding.subject.project, finding.subject.indicator
    if p_no is None or i_no is None or not 1 <= p_no <= len(doc.projects):
        return None
    rows = doc.projects[p_no - 1].indicators
    return rows[i_no - 1] if 1 <= i_no <= len(rows) else None


def _with_raw(doc: PerformanceDocument, finding: Finding, raw: str) -> PerformanceDocument:
    """The document with the finding's indicator value re-read from ``raw``; nothing else changes."""
    p_no, i_no = finding.subject.project, finding.subject.indicator
    assert p_no is not None and i_no is not None
    project = doc.projects[p_no - 1]
    rows = list(project.indicators)
    rows[i_no - 1] = replace(rows[i_no - 1], value=parse_value(raw))
    projects = list(doc.projects)
    projects[p_no - 1] = replace(project, indicators=tuple(rows))
    return replace(doc, projects=tuple(projects))


def _same_reading(a: IndicatorValue, b: IndicatorValue) -> bool:
    return (a.kind, a.operator, a.number, a.upper) == (b.kind, b.operator, b.number, b.upper)


def is_rate_name(text: str | None, profile: Profile) -> bool:
    """True when a name says it is a rate (…率, 比例, 占比, 满意度 …): profile.rate_pattern."""
    return _pattern(profile.rate_pattern).search(compact(text)) is not None


def unmeasurable_words(text: str | None, profile: Profile) -> str | None:
    """The words of a name that give its percentage no clear numerator and denominator, or None."""
    match = _pattern("|".join(profile.unmeasurable_patterns)).search(compact(text))
    return match.group() if match else None


def _defines_rate(ind: Indicator, profile: Profile) -> bool:
    """True when the name or the description is a rate with a clear numerator and denominator."""
    return any(
        is_rate_name(text, profile) and unmeasurable_words(text, profile) is None
        for text in (ind.level3, ind.description)
    )


# --- V01 ------------------------------------------------------------------------------------------


def canonical_spelling(value: IndicatorValue) -> str | None:
    """The canonical spelling of a quantitative value whose only doubts are about spelling; None otherwise."""
    if _number(value) is None or not set(value.doubts) <= _SPELLING_DOUBTS:
        return None
    canonical = format_value(value)
    if compact(canonical) == "".join(value.raw.split()):
        return None
    reread = parse_value(canonical)
    if reread.doubts or not _same_reading(reread, value) or reread.unit != value.unit:
        return None
    return canonical


def _spelled_oddly(value: IndicatorValue) -> bool:
    """True when the raw text has full-width digits, look-alike operators or other non-standard characters."""
    raw = "".join(value.raw.split()).translate(_DICTIONARY_OPERATORS)
    return "".join(normalize_text(raw).split()) != raw


# ＞ ＝ ＜ are the 指标性质 dictionary's own spellings (SPEC §2.3), not look-alikes to correct
_DICTIONARY_OPERATORS = str.maketrans({"＞": ">", "＝": "=", "＜": "<"})


def fix_canonical_spelling(doc: PerformanceDocument, finding: Finding) -> PerformanceDocument:
    """V01's safe fix: rewrite the value in its canonical spelling (>=95% → ≥95%, ９５％ → 95%)."""
    ind = _locate(doc, finding)
    canonical = canonical_spelling(ind.value) if ind is not None else None
    return doc if canonical is None else _with_raw(doc, finding, canonical)


@rule(
    "V01",
    title="指标值的读取",
    description="指标值应能确定地读成运算符（≥ ＞ ＝ ＜ ≤）、数值和单位，或一段定性文字。写法不规范（>=、≧、＞＝、"
    "全角数字、重复的 ≥≥、“不低于”等）、近似、区间、多个数值、疑似 OCR 错误等都会使目标不确定。只涉及写法的可自动改为"
    "标准写法。",
    severity="warning",
    tags=("feasibility",),
    message="指标值“{raw}”{what}。",
    suggestion="核对并改写指标值，写成“运算符 数值 单位”的形式（如“≥95%”）。",
    basis="指标性质枚举 [V-local S11]",
    failing="指标值写作 >=95%、≥≥98% 或 约95%",
    passing="≥95%",
    fix=fix_canonical_spelling,
)
def v01(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        doubts = [code for code in value.doubts if code not in _NOT_V01]
        canonical = canonical_spelling(value)
        odd = canonical is not None and _spelled_oddly(value)
        if not doubts and not odd:
            continue
        reasons = [DOUBTS.get(code, code) for code in doubts]
        if odd and not doubts:
            reasons.append("含有全角数字或不规范的符号")
        suggestion = f"改写为标准写法“{canonical}”。" if canonical is not None else None
        yield ctx.finding(
            ind.source_of("value"),
            _row(p_no, i_no),
            suggestion,
            raw=_raw(value),
            what="：" + "；".join(reasons),
        )


@rule(
    "V02",
    title="未填写的占位符",
    description="指标值中不能残留模板占位符（*、**、XX、××、_、“指标1：”），也不能只写“无”“/”“-”或只有运算符和单位。",
    severity="error",
    tags=("completeness",),
    message="指标值“{raw}”{what}。",
    suggestion="填写具体的目标值。",
    basis="一体化系统校验 [V-local S11]；S18",
    failing="≥**%",
    passing="≥95%",
)
def v02(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        if not value.raw.strip():
            continue  # an empty cell is S07's
        reasons = [DOUBTS[code] for code in _PLACEHOLDER_DOUBTS if code in value.doubts]
        if value.kind == "placeholder" and not reasons:
            reasons.append("只有运算符或单位，没有数值")
        if reasons:
            yield ctx.finding(
                ind.source_of("value"), _row(p_no, i_no), raw=_raw(value), what="：" + "；".join(reasons)
            )


@rule(
    "V03",
    title="定量指标缺少单位",
    description="定量指标值必须有计量单位（%、人、万元、平方米等）；定性指标除外。",
    severity="error",
    tags=("completeness",),
    message="指标值“{raw}”是定量目标，但没有计量单位。",
    suggestion="补上计量单位，如“{raw}%”或“{raw} 人”。",
    basis="一体化系统必填 [V-local S11]",
    failing=">=85",
    passing="≥85%",
)
def v03(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        if _number(value) is not None and not value.unit:
            yield ctx.finding(ind.source_of("value"), _row(p_no, i_no), raw=_raw(value))


# --- V04 ------------------------------------------------------------------------------------------


def _noun_free_unit(unit: str) -> str | None:
    """The unit with quantity nouns replaced (人数 → 人, 元/人数 → 元/人); None when it has none."""
    normal = normalize_unit(unit)
    numerator, slash, rest = normal.partition("/")
    atoms = [numerator, *rest.split("·")] if slash else [numerator]
    if not any(atom in QUANTITY_NOUN_UNITS for atom in atoms):
        return None
    mapped = [QUANTITY_NOUN_UNITS.get(atom, atom) for atom in atoms]
    return mapped[0] + ("/" + "·".join(mapped[1:]) if slash else "")


def noun_unit_fix(value: IndicatorValue) -> str | None:
    """The raw text with the quantity noun unit replaced (242 人数 → 242 人), or None when not safe."""
    if not value.unit or not value.raw_unit:
        return None
    mapped = _noun_free_unit(value.unit)
    at = value.raw.rfind(value.raw_unit)
    if mapped is None or at < 0:
        return None
    fixed = value.raw[:at] + mapped + value.raw[at + len(value.raw_unit) :]
    reread = parse_value(fixed)
    if not _same_reading(reread, value) or reread.unit != mapped:
        return None
    return fixed


def fix_noun_unit(doc: PerformanceDocument, finding: Finding) -> PerformanceDocument:
    """V04's safe fix: replace the quantity noun by its unit in the raw text (人数 → 人), keeping the rest."""
    ind = _locate(doc, finding)
    fixed = noun_unit_fix(ind.value) if ind is not None else None
    return doc if fixed is None else _with_raw(doc, finding, fixed)


@rule(
    "V04",
    title="计量单位写成了数量名词",
    description="计量单位应是真正的单位（人、个、次、天、户），而不是“人数”“个数”“次数”“天数”“户数”这类数量名词。",
    severity="warning",
    tags=("completeness",),
    message="指标值“{raw}”的单位“{noun}”是数量名词，应写作“{unit}”。",
    suggestion="将单位“{noun}”改为“{unit}”。",
    basis="[I]；模板单位表 [V-local S19]",
    failing="242 人数",
    passing="≥242 人",
    fix=fix_noun_unit,
)
def v04(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        if value.kind != "quantitative" or not value.unit:
            continue
        mapped = _noun_free_unit(value.unit)
        if mapped is not None:
            yield ctx.finding(
                ind.source_of("value"),
                _row(p_no, i_no),
                raw=_raw(value),
                noun=value.raw_unit or value.unit,
                unit=mapped,
            )


@rule(
    "V05",
    title="指标值没有运算符",
    description="定量指标值应写明运算符（≥、≤、＝ 等）。只写“100%”“13 万元”“242 人”时，不清楚是下限、上限还是"
    "确切值，自评时无法判断是否完成。",
    severity="warning",
    tags=("feasibility",),
    message="指标值“{raw}”没有写明运算符，目标方向不明确。",
    suggestion="写明运算符，如“{hint}”。",
    basis="中央及四川表格单列指标性质 [V-local S8]",
    failing="13 万元；100%；242 人",
    passing="≤13 万元；＝100%；≥242 人",
)
def v05(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        number = _number(value)
        if number is None or value.operator is not None or value.upper is not None:
            continue  # a range (80-90%) says both bounds
        operator: Operator = "≤" if is_cost(ind) else "=" if value.unit == "%" and number == 100 else "≥"
        hint = format_value(replace(value, operator=operator))
        yield ctx.finding(ind.source_of("value"), _row(p_no, i_no), raw=_raw(value), hint=hint)


@rule(
    "V06",
    title="数量指标用了 ≤ 或 ＜",
    description="数量指标是正向指标，目标应写作 ≥、＞ 或 ＝。用 ≤、＜ 给数量设上限，意味着做得越少越好，通常是写反了。",
    severity="warning",
    tags=("appropriateness",),
    message="数量指标“{name}”的指标值“{raw}”用了“{operator}”，数量指标一般应为 ≥。",
    suggestion="确认目标方向；通常应写作“≥{number}”。",
    basis="正向/反向约定 [V-local S9, S10]；[I]",
    failing="困难职工脱困解困人数 ≤20 人",
    passing="困难职工脱困解困人数 ≥20 人",
)
def v06(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    return _wrong_direction(doc, ctx, is_quantity, ("≤", "<"))


@rule(
    "V07",
    title="成本指标用了 ≥ 或 ＞",
    description="成本指标说明预期的成本控制范围，是上限，应写作 ≤、＜ 或 ＝，不能用 ≥、＞。",
    severity="warning",
    tags=("appropriateness",),
    message="成本指标“{name}”的指标值“{raw}”用了“{operator}”，成本指标应为 ≤。",
    suggestion="改为“≤{number}”。",
    basis="预期控制范围 [V S2]；S18",
    failing="人均救助标准 ≥6500 元/人",
    passing="人均救助标准 ≤6500 元/人",
)
def v07(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    return _wrong_direction(doc, ctx, is_cost, ("≥", ">"))


def _wrong_direction(
    doc: PerformanceDocument,
    ctx: RuleContext,
    applies: Callable[[Indicator], bool],
    operators: tuple[str, ...],
) -> Iterator[Finding]:
    """Rows a predicate picks whose quantitative value uses one of the operators that point the wrong way."""
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        if applies(ind) and value.operator in operators and value.kind == "quantitative":
            yield ctx.finding(
                ind.source_of("value"),
                _row(p_no, i_no),
                name=compact(ind.level3),
                raw=_raw(value),
                operator=value.operator,
                number=format_value(replace(value, operator=None)),
            )


@rule(
    "V08",
    title="百分比超出 0–100",
    description="百分比应在 0 到 100 之间；名称表明是增长率、变化率（同比、环比、增幅等）的除外。",
    severity="error",
    tags=("feasibility",),
    message="指标“{name}”的指标值“{raw}”超出 0–100% 的范围。",
    suggestion="核对数值；若是增长率，请在名称中写明“增长率”。",
    basis="S18",
    failing="救助资金发放准确率 ≥120%",
    passing="救助资金发放准确率 ＝100%；营业收入增长率 ≥120%",
)
def v08(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    growth = ctx.profile.growth_words
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        number = _number(value)
        if number is None or value.unit != "%":
            continue
        bounds = [number] + ([value.upper] if value.upper is not None and value.upper.is_finite() else [])
        if all(0 <= b <= 100 for b in bounds):
            continue
        text = compact(ind.level3) + compact(ind.description)
        if any(word and word in text for word in growth):
            continue
        yield ctx.finding(ind.source_of("value"), _row(p_no, i_no), name=compact(ind.level3), raw=_raw(value))


@rule(
    "V09",
    title="满意度指标值",
    description="满意度指标应以百分比表示、运算符为 ≥，目标在合理区间（默认 80%–100%）。“＝100%”“≥100%”无法核实，"
    "只要有一人不满意就不能完成。",
    severity="warning",
    tags=("feasibility",),
    message="满意度指标“{name}”的指标值“{raw}”：{what}。",
    suggestion="写作“≥{low}%”或更高、但低于 100% 的目标，并写明调查方法和样本。",
    basis="[I]；阈值未经核实 [gap]",
    failing="受助职工满意度 ＝100%",
    passing="受助职工满意度 ≥90%",
)
def v09(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    low, high = ctx.profile.satisfaction_min, ctx.profile.satisfaction_max
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        if not is_satisfaction_name(ind.level3) or value.kind == "placeholder":
            continue
        problems = _satisfaction_problems(value, low, high)
        if problems:
            yield ctx.finding(
                ind.source_of("value"),
                _row(p_no, i_no),
                name=compact(ind.level3),
                raw=_raw(value),
                what="；".join(problems),
                low=low,
            )


def _satisfaction_problems(value: IndicatorValue, low: Decimal, high: Decimal) -> list[str]:
    number = _number(value)
    if number is None or value.unit != "%":
        return ["不是百分比"] if value.kind != "quantitative" or value.unit else []  # no unit is V03's
    problems: list[str] = []
    if value.operator is not None and value.operator not in ("≥", ">"):
        problems.append(f"运算符应为“≥”，而不是“{value.operator}”")
    if number >= 100 and value.operator in (None, "=", "≥"):
        problems.append("100% 的满意度无法核实，只要有一人不满意就不能完成")
    elif number < low or number > high:
        problems.append(f"目标 {number}% 不在 {low}%–{high}% 的合理区间内")
    return problems


@rule(
    "V10",
    title="率指标的可计量性",
    description="名称为“…率”的指标应以百分比表示；以百分比表示的指标应有清楚的分子和分母。“社会影响力”“…热潮”"
    "“…水平提升”“有效缓解…”之类的名称说不出是什么占什么的百分之几，无法计量。",
    severity="warning",
    tags=("feasibility",),
    message="指标“{name}”的指标值“{raw}”{what}。",
    suggestion="改为有明确分子、分母的率（如“受助职工家庭人均收入增长率”），或在绩效指标描述中写明计算方法。",
    basis="量化易评原则 [R]；S18",
    failing="社会影响力 ≥80%",
    passing="救助资金发放准确率 ＝100%",
)
def v10(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        what = _rate_problem(ind, ctx.profile)
        if what:
            yield ctx.finding(
                ind.source_of("value"), _row(p_no, i_no), name=compact(ind.level3), raw=_raw(value), what=what
            )


def _rate_problem(ind: Indicator, profile: Profile) -> str:
    value = ind.value
    if value.kind == "placeholder" or not value.raw.strip():
        return ""
    unit = value.unit or ""
    percent = unit in _PERCENT_UNITS or unit_dimension(unit) == "percent"
    if is_rate_name(ind.level3, profile) and "满意" not in compact(ind.level3) and not percent:
        if value.kind == "quantitative" and not unit:
            return ""  # no unit is V03's
        return "不是百分比，而名称是一个率"
    if not percent or value.kind != "quantitative":
        return ""
    words = unmeasurable_words(ind.level3, profile)
    if words is None:
        return ""
    description = ind.description
    if is_rate_name(description, profile) and unmeasurable_words(description, profile) is None:
        return ""  # the description gives the rate
    return f"是百分比，但“{words}”没有明确的分子和分母，无法计量"


@rule(
    "V11",
    title="三级指标中的模糊用语",
    description="三级指标中的“有效”“明显”“进一步”“显著”“大幅”“提升”“加强”“影响力”等用语本身不可计量；"
    "除非指标值本身可计量（计数、金额、时限，或分子分母明确的率），否则应改写。",
    severity="warning",
    tags=("feasibility",),
    message="三级指标“{name}”含有模糊用语“{words}”，没有可计量的定义。",
    suggestion="改写为可计量的指标，如“困难职工家庭人均收入增长率 ≥5%”，或在绩效指标描述中写明口径。",
    basis="[R]；S18",
    failing="有效缓解职工家庭困难 ≥90%",
    passing="困难职工脱困率提升 ≥5 个百分点",
)
def v11(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    vague = ctx.profile.vague_words
    for p_no, _project, i_no, ind in indicators(doc):
        name = compact(ind.level3)
        words = [word for word in vague if word and word in name]
        if not words or _measurable(ind, ctx.profile):
            continue
        yield ctx.finding(
            ind.source_of("level3"),
            Subject(project=p_no, indicator=i_no, field="level3"),
            name=name,
            words="”“".join(words),
        )


def _measurable(ind: Indicator, profile: Profile) -> bool:
    """True when the target is measurable whatever the name's adjectives: a deadline, a count or money, a clear rate."""
    value = ind.value
    if value.kind == "deadline":
        return True
    if _number(value) is None or not value.unit:
        return False
    if unit_dimension(value.unit) != "percent" and value.unit not in _PERCENT_UNITS:
        return unit_dimension(value.unit) is not None
    return _defines_rate(ind, profile)


@rule(
    "V12",
    title="定性指标值的写法",
    description="定性指标值应写成可检查的分级或标准（达到/符合某标准、在某时限前完成、达成预期指标），而不是“效果明显”"
    "“良好”“有所提高”之类的单纯形容词。",
    severity="info",
    tags=("feasibility",),
    message="定性指标值“{raw}”只是形容词，无法检查是否达成。",
    suggestion="写成可检查的表述，如“符合《…》标准”“2024年12月底前完成”，或改为定量指标。",
    basis="88号时期“定性的分级分档” [V S17]",
    failing="效果明显",
    passing="符合《工会经费收支管理办法》规定",
)
def v12(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        text = compact(value.raw)
        if value.kind != "qualitative" or not text or set(value.doubts) - {"traditional"}:
            continue
        if any(word in text for word in ctx.profile.checkable_words):
            continue
        if any(word in text for word in ctx.profile.bare_adjectives):
            yield ctx.finding(ind.source_of("value"), _row(p_no, i_no), raw=_raw(value))


VALUE_RULES = (v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11, v12)
