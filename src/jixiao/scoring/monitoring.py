"""Monitoring (双监控, SPEC §5, M-01 to M-04): time progress, the four-colour light per indicator, reasons."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import parse_value
from jixiao.scoring._numbers import fmt, in_unit, round_to
from jixiao.scoring.profile import CENTRAL, Alert, Likelihood, ScoringProfile

ALERT_LABELS: dict[Alert, str] = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "blue": "蓝灯"}
LIKELIHOOD_WORDS: dict[str, Likelihood] = {
    "确定能": "certain",
    "有可能": "possible",
    "不可能": "unlikely",
    "完全不可能": "unlikely",
    "certain": "certain",
    "possible": "possible",
    "unlikely": "unlikely",
}
# Units of rates: a rate is not built up over the year, so its standard is the target itself.
_RATE_UNITS = frozenset({"%", "‰", "个百分点"})


@dataclass(frozen=True)
class Light:
    """The light of one indicator: colour (None when it cannot be lit), the ratio in %, and why."""

    alert: Alert | None
    explanation: str
    ratio: Decimal | None = None  # progress ÷ standard in % (inverted for negative indicators)
    standard: Decimal | None = (
        None  # what should be reached by now: target × month/12 (or the target for rates)
    )

    @property
    def needs_reason(self) -> bool:
        """True for a red or yellow light: a deviation reason and a corrective action are required."""
        return self.alert in ("red", "yellow")


def time_progress(month: int) -> Decimal:
    """Time progress at the end of a month as a percentage, month/12 × 100 (7 → 58.33); ValueError outside 1–12."""
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise ValueError(f"月份应为 1–12 的整数，而不是 {month!r}")
    return round_to(Decimal(month) * 100 / 12, 2)


def likelihood_of(text: str | None) -> Likelihood | None:
    """The likelihood code of a 完成目标可能性 cell (确定能 → certain, 有可能 → possible, 不可能 → unlikely)."""
    return LIKELIHOOD_WORDS.get("".join((text or "").split()))


def needs_reason(value: Light | str | None) -> bool:
    """True when a light is red or yellow, or a likelihood is anything but 确定能: reason and action required."""
    if value is None:
        return False
    if isinstance(value, Light):
        return value.needs_reason
    text = "".join(value.split())
    if not text or text in ("green", "blue", "绿灯", "蓝灯", "绿", "蓝"):
        return False
    return text in ("red", "yellow", "红灯", "黄灯", "红", "黄") or likelihood_of(text) != "certain"


def light(
    target: str | None,
    progress_value: str | None,
    month: int,
    *,
    profile: ScoringProfile | None = None,
    cumulative: bool | None = None,
) -> Light:
    """The light of an indicator at the end of a month: standard = target × month/12, ratio = progress ÷ standard.

    ``cumulative=None`` prorates every target except rates and per-unit values (%, ‰, 元/人), whose standard
    is the target itself.
    """
    profile = profile or CENTRAL
    try:
        elapsed = time_progress(month)
    except ValueError as problem:
        return Light(None, str(problem))
    goal = parse_value(target)
    if goal.kind == "qualitative":
        return Light(None, "定性指标不按比例亮灯，请按“完成目标可能性”判断并说明进展")
    if goal.kind == "deadline":
        return Light(None, "时限指标不按比例亮灯，请按“完成目标可能性”判断能否在截止时间前完成")
    if goal.number is None:
        return Light(None, f"年度指标值“{target or ''}”未填写或无法读取，不能亮灯")
    done = parse_value(progress_value)
    if not done.is_quantitative or done.number is None or done.upper is not None:
        return Light(None, f"执行情况“{progress_value or ''}”不是单一数值，不能亮灯")
    b = in_unit(done.number, done.unit, goal.unit)
    if b is None:
        return Light(None, f"执行情况的单位“{done.unit}”与目标的单位“{goal.unit}”不能换算，不能亮灯")
    is_rate = goal.unit in _RATE_UNITS or "/" in (goal.unit or "")
    prorated = not is_rate if cumulative is None else cumulative
    a = goal.number
    if prorated:
        standard = a * month / 12
        text = f"时间进度 {month}/12 = {fmt(elapsed)}%；标准值 = 目标 {fmt(a)} × {month}/12 = {fmt(round_to(standard, profile.places))}；"
    else:
        standard = a
        text = f"比率或单位值指标不按时间折算，标准值 = 目标 {fmt(a)}；"
    if goal.operator in ("≤", "<"):
        if b <= 0:
            return Light("green", text + f"反向指标：执行 {fmt(b)} 未超出标准，绿灯", None, standard)
        ratio = standard / b * 100
        text += f"反向指标：完成比 = 标准 {fmt(round_to(standard, profile.places))} ÷ 执行 {fmt(b)}"
    else:
        if standard <= 0:
            return Light(None, text + "标准值为 0，无法计算完成比，不能亮灯", None, standard)
        ratio = b / standard * 100
        text += f"完成比 = 执行 {fmt(b)} ÷ 标准 {fmt(round_to(standard, profile.places))}"
    alert = _alert(ratio, profile)
    shown = round_to(ratio, profile.places)
    text += f" = {fmt(shown)}%，{ALERT_LABELS[alert]}（{_band(alert, profile)}）"
    if alert in ("red", "yellow"):
        text += "，需分析偏差原因并提出改进举措"
    return Light(alert, text, shown, standard)


def _alert(ratio: Decimal, profile: ScoringProfile) -> Alert:
    if ratio < profile.red_below:
        return "red"
    if ratio < profile.yellow_below:
        return "yellow"
    if ratio < profile.blue_from:
        return "green"
    return "blue"


def _band(alert: Alert, profile: ScoringProfile) -> str:
    red, yellow, blue = fmt(profile.red_below), fmt(profile.yellow_below), fmt(profile.blue_from)
    return {
        "red": f"低于 {red}%",
        "yellow": f"{red}%–{yellow}%",
        "green": f"{yellow}%–{blue}%",
        "blue": f"达到或超过 {blue}%",
    }[alert]
