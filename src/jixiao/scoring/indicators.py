"""Indicator scores of a self-evaluation (SPEC §2.4, §6.4, E-04 to E-07): one pure function, every result explained."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from jixiao.model import DOUBTS, IndicatorValue, parse_value
from jixiao.model.framework import COST, COST_LEVEL2, TIMELINESS, compact, level1_key, level2_key
from jixiao.model.units import unit_dimension
from jixiao.scoring._numbers import fmt, in_unit, read_amount, round_to
from jixiao.scoring.profile import CENTRAL, QualitativeGrade, ScoringProfile

Rule = Literal["positive", "negative", "equal", "range", "deadline", "qualitative", "unreadable"]
RULES: tuple[Rule, ...] = ("positive", "negative", "equal", "range", "deadline", "qualitative", "unreadable")

_GRADE_LABELS: dict[QualitativeGrade, str] = {
    "achieved": "达成预期指标",
    "partly_achieved": "部分达成预期指标并具有一定效果",
    "not_achieved": "未达成预期指标且效果较差",
}
_STRIP = " \t\r\n　。.；;，,、!！"

# A qualitative actual that says the target is met (SPEC §2.3): one of these words, exactly or inside it …
_MET_WORDS = ("达到", "达成", "完成", "实现", "符合", "满足", "落实", "达标")
_MET_EXACT = frozenset({"是", "有效", "合格", "通过", "已通过", "及时", "按时", "按期", "如期"})
# … and none of these, which say it is not (or only partly) met
_NOT_MET = (
    *("未", "没", "不", "无法", "部分", "基本", "尚", "暂", "否", "仅", "欠", "缺", "差", "低于", "待"),
    *("延期", "延迟", "延后", "逾期", "推迟", "滞后"),
)
# Time units that measure a span (天, 个月, 小时 …), unlike 学时/课时, which count training
_SPAN_EXCLUDED = frozenset({"学时", "课时"})
_Direction = Literal["positive", "negative"]


@dataclass(frozen=True)
class IndicatorScore:
    """The score of one indicator: the rounded score, the rule applied and the arithmetic in Chinese."""

    score: Decimal
    weight: Decimal
    rule: Rule
    explanation: str
    over_achieved: bool = False
    ratio: Decimal | None = None  # actual ÷ target for positive indicators, target ÷ actual for negative ones
    grade: QualitativeGrade | None = None  # the qualitative actual's grade

    @property
    def needs_reason(self) -> bool:
        """True when the score is below the weight: 偏差原因分析及改进措施 must be filled (E-06)."""
        return self.score < self.weight


class _Unreadable(Exception):
    """Raised inside the scoring to end it with rule 'unreadable' and this Chinese explanation."""


def qualitative_grade(
    actual: str | None, *, profile: ScoringProfile | None = None
) -> QualitativeGrade | None:
    """The grade of a qualitative actual (达成预期指标, 部分达成, 未达成 …), or None if it is not one of them."""
    profile = profile or CENTRAL
    text = "".join((actual or "").split()).strip(_STRIP)
    for code in _GRADE_LABELS:
        if text == code:  # the English code itself
            return code
    for word, grade in profile.qualitative_words:
        if text == word:
            return grade
    return None


def qualitative_band(
    actual: str | None, *, profile: ScoringProfile | None = None
) -> tuple[Decimal, Decimal] | None:
    """The band (low, high) of a qualitative actual as shares of the weight, e.g. (0.5, 0.8); None if no grade."""
    profile = profile or CENTRAL
    grade = qualitative_grade(actual, profile=profile)
    for band_grade, low, high in profile.qualitative_bands:
        if band_grade == grade:
            return low, high
    return None


def score_in_band(
    actual: str | None, score: Decimal, weight: Decimal, *, profile: ScoringProfile | None = None
) -> bool | None:
    """Whether a filled-in score lies in the band of its qualitative actual (high end open below the top grade)."""
    profile = profile or CENTRAL
    band = qualitative_band(actual, profile=profile)
    if band is None:
        return None
    low, high = band
    top = high == max(h for _, _, h in profile.qualitative_bands)
    return weight * low <= score and (score <= weight * high if top else score < weight * high)


def score_indicator(
    target: str | None,
    actual: str | None,
    weight: Decimal | int | str,
    *,
    profile: ScoringProfile | None = None,
    given_score: Decimal | int | str | None = None,
    direction: str = "",
    level1: str = "",
    level2: str = "",
) -> IndicatorScore:
    """Score one indicator from its target and actual cell texts; never raises (rule 'unreadable' instead).

    ``direction`` is the form's 指标方向 (正向/反向, also 正向指标/反向指标) and ``level1``/``level2`` the row's
    一级/二级 labels. They decide the direction of a quantitative target written without an operator: the form's
    指标方向, else what the level implies (成本 rows and time spans in 时效 rows lower-is-better), else positive.
    """
    profile = profile or CENTRAL
    number, unit = read_amount(weight)
    if number is None or number < 0 or unit:
        return IndicatorScore(Decimal(0), Decimal(0), "unreadable", f"分值“{weight}”不是非负数，无法计分")
    row = _Row(_form_direction(direction), level1_key(level1), level2_key(level2))
    try:
        return _score(target or "", actual or "", number, profile, given_score, row)
    except _Unreadable as problem:
        return IndicatorScore(round_to(Decimal(0), profile.places), number, "unreadable", str(problem))
    except Exception:  # a bug must not stop a report: say the row could not be scored
        return IndicatorScore(
            round_to(Decimal(0), profile.places), number, "unreadable", "计分时出现内部错误，请人工核对"
        )


@dataclass(frozen=True)
class _Row:
    """What the form says about a row besides its cells: 指标方向 and the canonical 一级/二级 keys."""

    direction: str  # 正向 / 反向 / ""
    level1: str | None
    level2: str | None


def _form_direction(text: str) -> str:
    """正向 or 反向 from the form's 指标方向 (正向指标, 反向 …); "" when it says neither."""
    key = compact(text).removesuffix("指标")
    return key if key in ("正向", "反向") else ""


def _score(
    target: str,
    actual: str,
    weight: Decimal,
    profile: ScoringProfile,
    given: Decimal | int | str | None,
    row: _Row,
) -> IndicatorScore:
    goal = parse_value(target)
    done = parse_value(actual)
    if goal.kind == "placeholder" or "unreadable" in goal.doubts:
        raise _Unreadable(f"年度指标值“{target}”无法计分：{_problem(goal)}")
    if not actual.strip():
        raise _Unreadable("实际完成值未填写，暂不能计分")
    grade = qualitative_grade(actual, profile=profile)
    if goal.kind == "qualitative" or (goal.kind == "deadline" and grade is not None):
        return _qualitative(target, actual, done, weight, profile, given)
    if done.kind == "placeholder":
        raise _Unreadable(f"实际完成值“{actual}”无法计分：{_problem(done)}")
    if goal.kind == "deadline":
        if done.kind != "deadline" and _says_met(actual):
            text = (
                f"时限指标：实际完成值“{_clean(actual)}”表明已在截止时间前完成（未写日期），得满分 {{score}}"
            )
            return _result(weight, Decimal(1), "deadline", text, profile)
        return _deadline(goal, done, actual, weight, profile)
    if _is_money(goal) and not done.is_quantitative and (grade is not None or _says_met(actual)):
        lead = f"年度指标值 {goal.raw} 是金额，实际完成值“{_clean(actual)}”没有金额，表明已按目标完成；"
        if grade is not None:
            lead = f"年度指标值 {goal.raw} 是金额，实际完成值没有金额，按定性等级计分；"
        return _qualitative(target, actual, done, weight, profile, given, lead=lead, met=grade is None)
    return _quantitative(goal, done, actual, weight, profile, row)


def _clean(text: str) -> str:
    """A cell text normalised for comparison: NFKC, 繁→简, no whitespace, no leading or trailing punctuation."""
    return compact(text).strip(_STRIP)


def _says_met(actual: str) -> bool:
    """True when a qualitative actual states that the target is met (已完成, 达到预期目标, 是 …) and not the opposite."""
    text = _clean(actual)
    if not text or any(word in text for word in _NOT_MET):
        return False
    if any(ch.isdigit() for ch in text.replace("100%", "")):  # 完成95% is not met; only 100% may stand
        return False
    return text in _MET_EXACT or any(word in text for word in _MET_WORDS)


def _met_reason(target: str, actual: str) -> str | None:
    """Why a qualitative actual meets its target (“与目标一致” or “表明已达成目标”), or None when it does not."""
    if _clean(actual) and _clean(actual) == _clean(target):
        return "实际完成值与目标一致"
    if _says_met(actual):
        return "实际完成值表明已达成目标"
    return None


def _is_money(goal: IndicatorValue) -> bool:
    return goal.is_quantitative and bool(goal.unit) and unit_dimension(goal.unit or "") == "money"


def _problem(value: IndicatorValue) -> str:
    for code in ("empty", "none_marker", "placeholder", "unreadable"):
        if code in value.doubts:
            return DOUBTS[code]
    return "未填写或无法读取"


def _result(
    weight: Decimal,
    share: Decimal,
    rule: Rule,
    explanation: str,
    profile: ScoringProfile,
    *,
    over_achieved: bool = False,
    ratio: Decimal | None = None,
    grade: QualitativeGrade | None = None,
) -> IndicatorScore:
    """The result for a share of the weight in [0, 1]: rounded, never above the weight."""
    share = min(max(share, Decimal(0)), Decimal(1))
    score = min(round_to(weight * share, profile.places), weight)
    return IndicatorScore(
        score, weight, rule, explanation.replace("{score}", fmt(score)), over_achieved, ratio, grade
    )


# --- quantitative -------------------------------------------------------------------------------


def _quantitative(
    goal: IndicatorValue,
    done: IndicatorValue,
    actual_text: str,
    weight: Decimal,
    profile: ScoringProfile,
    row: _Row,
) -> IndicatorScore:
    if goal.number is None:
        raise _Unreadable(f"年度指标值“{goal.raw}”没有可用的数值")
    if not done.is_quantitative or done.number is None:
        raise _Unreadable(f"实际完成值“{actual_text}”不是数值，无法与目标 {goal.raw} 比较")
    if done.upper is not None:
        raise _Unreadable(f"实际完成值“{actual_text}”是一个区间，应填写单一的实际数值")
    notes: list[str] = []
    b = in_unit(done.number, done.unit, goal.unit)
    if b is None:
        raise _Unreadable(
            f"实际完成值的单位“{done.unit}”与目标的单位“{goal.unit}”不能换算，无法计分（应使用同一计量单位）"
        )
    if done.unit and goal.unit and done.unit != goal.unit:
        notes.append(f"实际 {fmt(done.number)} {done.unit} 已换算为 {fmt(b)} {goal.unit}")
    elif done.unit and not goal.unit:
        notes.append(f"目标未写单位，按实际的单位 {done.unit} 理解")
    elif goal.unit and not done.unit:
        notes.append(f"实际未写单位，按目标的单位 {goal.unit} 理解")
    a = goal.number
    prefix = "；".join(notes) + "；" if notes else ""
    if goal.upper is not None:
        return _range(a, goal.upper, b, weight, profile, prefix)
    operator = goal.operator
    if operator is None:
        direction, why = _implied_direction(a, goal.unit, row)
        prefix += f"目标未写运算符，{why}计分；"
    elif operator == "=":
        return _equal(a, b, weight, profile, prefix)
    else:
        direction = "positive" if operator in ("≥", ">") else "negative"
        if row.direction and row.direction != ("正向" if direction == "positive" else "反向"):
            prefix += f"指标方向“{row.direction}”与运算符“{operator}”不一致，按运算符计分；"
    if direction == "positive":
        return _positive(a, b, weight, profile, prefix)
    return _negative(a, b, weight, profile, prefix)


def _implied_direction(target: Decimal, unit: str | None, row: _Row) -> tuple[_Direction, str]:
    """The direction of a target without an operator and the Chinese words saying which source decided it."""
    if row.direction:
        return ("positive" if row.direction == "正向" else "negative"), f"按指标方向“{row.direction}”"
    if row.level2 in COST_LEVEL2 or row.level1 == COST:
        return "negative", "按成本指标（越低越好）"
    if row.level2 == TIMELINESS and unit and unit not in _SPAN_EXCLUDED and unit_dimension(unit) == "time":
        return "negative", "按时效指标的时长（越短越好）"
    if target == 0:
        return "negative", "目标值为 0，按反向（不超过目标）"
    return "positive", "按正向"


def _positive(
    a: Decimal, b: Decimal, weight: Decimal, profile: ScoringProfile, prefix: str
) -> IndicatorScore:
    if a <= 0:
        raise _Unreadable(f"{prefix}正向指标的目标值为 {fmt(a)}，无法按 实际 ÷ 目标 计分")
    ratio = b / a
    over = ratio > profile.over_achievement_factor
    text = f"{prefix}正向指标：得分 = 权重 {fmt(weight)} × min(实际 {fmt(b)} ÷ 目标 {fmt(a)}, 1) = {{score}}"
    if b < 0:
        text += "（实际为负数，按 0 计）"
    if over:
        text += (
            f"；实际为目标的 {fmt(round_to(ratio * 100, profile.places))}%，超过 "
            f"{fmt(profile.over_achievement_factor)} 倍，属超额完成，需说明原因"
        )
    return _result(weight, ratio, "positive", text, profile, over_achieved=over, ratio=ratio)


def _negative(
    a: Decimal, b: Decimal, weight: Decimal, profile: ScoringProfile, prefix: str
) -> IndicatorScore:
    if a < 0:
        raise _Unreadable(f"{prefix}反向指标的目标值为负数 {fmt(a)}，无法按 目标 ÷ 实际 计分")
    if b <= 0:
        text = f"{prefix}反向指标：实际 {fmt(b)} 未超过目标 {fmt(a)}（实际为 0 或负数），得满分 {{score}}"
        return _result(weight, Decimal(1), "negative", text, profile)
    ratio = a / b
    text = f"{prefix}反向指标：得分 = 权重 {fmt(weight)} × min(目标 {fmt(a)} ÷ 实际 {fmt(b)}, 1) = {{score}}"
    return _result(weight, ratio, "negative", text, profile, ratio=ratio)


def _equal(a: Decimal, b: Decimal, weight: Decimal, profile: ScoringProfile, prefix: str) -> IndicatorScore:
    difference = abs(b - a)
    tolerance = profile.equal_tolerance * abs(a)
    if difference <= tolerance:
        text = (
            f"{prefix}“=”指标：实际 {fmt(b)} 与目标 {fmt(a)} 相等（容差为目标的 "
            f"{fmt(profile.equal_tolerance * 100)}%），得满分 {{score}}"
        )
        return _result(weight, Decimal(1), "equal", text, profile, ratio=b / a if a else None)
    if a == 0:
        raise _Unreadable(f"{prefix}“=”指标的目标值为 0，实际 {fmt(b)} 与之不等，无法按偏离比例计分")
    share = 1 - difference / abs(a)
    text = (
        f"{prefix}“=”指标：得分 = 权重 {fmt(weight)} × max(0, 1 − |实际 {fmt(b)} − 目标 {fmt(a)}| ÷ 目标 "
        f"{fmt(abs(a))}) = {{score}}"
    )
    return _result(weight, share, "equal", text, profile, ratio=b / a)


def _range(
    low: Decimal, high: Decimal, b: Decimal, weight: Decimal, profile: ScoringProfile, prefix: str
) -> IndicatorScore:
    shown = f"{fmt(low)}–{fmt(high)}"
    if low <= b <= high:
        text = f"{prefix}区间指标：实际 {fmt(b)} 在目标区间 {shown} 内，得满分 {{score}}"
        return _result(weight, Decimal(1), "range", text, profile)
    if b < low:
        if low <= 0:
            raise _Unreadable(f"{prefix}区间指标的下限为 {fmt(low)}，无法按 实际 ÷ 下限 计分")
        text = f"{prefix}区间指标：实际低于区间 {shown}，得分 = 权重 {fmt(weight)} × 实际 {fmt(b)} ÷ 下限 {fmt(low)} = {{score}}"
        return _result(weight, b / low, "range", text, profile, ratio=b / low)
    text = f"{prefix}区间指标：实际高于区间 {shown}，得分 = 权重 {fmt(weight)} × 上限 {fmt(high)} ÷ 实际 {fmt(b)} = {{score}}"
    return _result(weight, high / b, "range", text, profile, ratio=high / b)


# --- deadlines ----------------------------------------------------------------------------------


def _deadline(
    goal: IndicatorValue, done: IndicatorValue, actual_text: str, weight: Decimal, profile: ScoringProfile
) -> IndicatorScore:
    if done.kind != "deadline" or not done.deadline or not goal.deadline:
        raise _Unreadable(
            f"时限指标的实际完成值“{actual_text}”不是日期，也不是“达成预期指标”等定性等级，无法判断是否按时完成"
        )
    goal_year, done_year = _year(goal.deadline), _year(done.deadline)
    goal_first, goal_last = _bounds(goal.deadline, goal_year or done_year)
    done_first, done_last = _bounds(done.deadline, done_year or goal_year)
    known = bool(goal_year or done_year)
    shown_goal = _show(goal_first, goal_last, known, end=True)
    shown_done = _show(done_first, done_last, known)
    if goal.operator in ("≥", ">"):
        if done_first >= goal_first:
            text = f"时限指标：实际完成时间 {shown_done} 不早于 {shown_goal}，得满分 {{score}}"
            return _result(weight, Decimal(1), "deadline", text, profile)
        if done_last < goal_first:
            text = f"时限指标：实际完成时间 {shown_done} 早于要求的 {shown_goal}，得 0 分"
            return _result(weight, Decimal(0), "deadline", text, profile)
    else:
        if done_last <= goal_last:
            text = f"时限指标：实际完成时间 {shown_done} 不晚于截止时间 {shown_goal}，得满分 {{score}}"
            return _result(weight, Decimal(1), "deadline", text, profile)
        if done_first > goal_last:
            text = f"时限指标：实际完成时间 {shown_done} 晚于截止时间 {shown_goal}，未按时完成，得 0 分"
            return _result(weight, Decimal(0), "deadline", text, profile)
    raise _Unreadable(f"实际完成时间 {shown_done} 不够具体，无法判断是否在 {shown_goal} 前完成，请写明日期")


def _year(iso: str) -> int | None:
    return None if iso.startswith("--") else int(iso[:4])


def _bounds(iso: str, year: int | None) -> tuple[date, date]:
    """The first and last day an ISO (partial) date can mean; a date without a year in ``year`` (else 2000)."""
    parts = iso.lstrip("-").split("-") if iso.startswith("--") else iso.split("-")[1:]
    year = year or 2000
    month = int(parts[0]) if parts and parts[0] else None
    day = int(parts[1]) if len(parts) > 1 and parts[1] else None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, last_day)
    day = min(day, last_day)
    return date(year, month, day), date(year, month, day)


def _show(first: date, last: date, year_known: bool, *, end: bool = False) -> str:
    """A (partial) date in Chinese: 2024年12月31日, 2024年12月底 (a deadline) or 2024年12月 (an actual)."""
    year = f"{first.year}年" if year_known else ""
    if first == last:
        return f"{year}{first.month}月{first.day}日"
    if first.month == last.month:
        return f"{year}{first.month}月{'底' if end else ''}"
    return f"{year}{'底' if end and year else ''}" or "全年"


# --- qualitative --------------------------------------------------------------------------------


def _qualitative(
    target: str,
    actual: str,
    done: IndicatorValue,
    weight: Decimal,
    profile: ScoringProfile,
    given: Decimal | int | str | None,
    *,
    lead: str = "",
    met: bool = False,
) -> IndicatorScore:
    """A qualitative actual scored in its grade's band; an actual meeting the target counts as 达成预期指标."""
    grade = qualitative_grade(actual, profile=profile)
    reason = None
    if grade is None:
        reason = "实际完成值表明已达成目标" if met else _met_reason(target, actual)
        if reason is None:
            if done.kind == "placeholder":
                raise _Unreadable(f"实际完成值“{actual}”无法计分：{_problem(done)}")
            raise _Unreadable(
                f"定性指标的实际完成值应为“达成预期指标”“部分达成预期指标并具有一定效果”“未达成预期指标且效果较差”之一，"
                f"“{actual}”不是其中之一，也没有与目标一致或表明已达成目标"
            )
        grade = "achieved"
    band = next(((low, high) for g, low, high in profile.qualitative_bands if g == grade), None)
    if band is None:
        raise _Unreadable(f"评分方案没有“{_GRADE_LABELS[grade]}”的得分区间，无法计分")
    low, high = band
    top = high == max(h for _, _, h in profile.qualitative_bands)
    unit = Decimal(1).scaleb(-profile.places)
    lowest, highest = weight * low, weight * high if top else max(weight * high - unit, weight * low)
    shown_band = f"[{fmt(low * 100)}%, {fmt(high * 100)}%{']' if top else ')'}"
    shown_points = f"[{fmt(weight * low)}, {fmt(weight * high)}{']' if top else ')'}"
    said = f"实际“{_GRADE_LABELS[grade]}”"
    if reason is not None:
        said = f"{reason}（目标“{_clean(target)}”，实际“{_clean(actual)}”），按“{_GRADE_LABELS[grade]}”计"
    text = f"{lead}定性指标：{said}，得分区间为权重 {fmt(weight)} 的 {shown_band}，即 {shown_points}；"
    if given is None or (isinstance(given, str) and not given.strip()):
        text += "未给出评分，按区间上限计 {score}"
        return _result(
            weight, highest / weight if weight else Decimal(0), "qualitative", text, profile, grade=grade
        )
    number, unit_text = read_amount(given)
    if number is None or unit_text:
        text += f"评分“{given}”不是数值，按区间上限计 {{score}}"
        return _result(
            weight, highest / weight if weight else Decimal(0), "qualitative", text, profile, grade=grade
        )
    if lowest <= number and (number <= weight * high if top else number < weight * high):
        text += f"评分 {fmt(number)} 在区间内，得分 {{score}}"
        points = number
    else:
        points = lowest if number < lowest else highest
        text += f"评分 {fmt(number)} 不在区间内，按区间{'下' if number < lowest else '上'}限计 {{score}}"
    return _result(
        weight, points / weight if weight else Decimal(0), "qualitative", text, profile, grade=grade
    )
