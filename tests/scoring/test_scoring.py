"""The scoring rules of issue 5 (SPEC §2.4, §5, §6.3–6.4), table by table, and a property: never raise, 0 ≤ score ≤ weight."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.scoring import (
    CENTRAL,
    HUBEI,
    SICHUAN,
    ScoringProfile,
    grade_of,
    light,
    needs_reason,
    qualitative_band,
    score_execution,
    score_in_band,
    score_indicator,
    scoring_profile,
    time_progress,
)

D = Decimal

# target, actual, weight, score, rule, over_achieved, a piece of the explanation
INDICATORS = [
    # positive ≥ / >: w · min(B/A, 1)
    (
        "≥95%",
        "92%",
        10,
        "9.68",
        "positive",
        False,
        "正向指标：得分 = 权重 10 × min(实际 92 ÷ 目标 95, 1) = 9.68",
    ),
    ("≥95%", "95%", 10, "10", "positive", False, "= 10"),
    ("≥95%", "99%", 10, "10", "positive", False, "min(实际 99 ÷ 目标 95, 1)"),
    (">90%", "45%", 20, "10", "positive", False, "正向指标"),
    ("≥100人", "120人", 10, "10", "positive", False, "正向指标"),
    ("≥100人", "121人", 10, "10", "positive", True, "超额完成"),
    ("≥100人", "150人", 10, "10", "positive", True, "实际为目标的 150%，超过 1.2 倍"),
    ("≥100人", "0人", 10, "0", "positive", False, "= 0"),
    ("≥3 次", "2次", 5, "3.33", "positive", False, "= 3.33"),
    # negative ≤ / <: w · min(A/B, 1); an actual of 0 gets full marks
    (
        "≤7300 元/年",
        "8000 元/年",
        10,
        "9.13",
        "negative",
        False,
        "反向指标：得分 = 权重 10 × min(目标 7300 ÷ 实际 8000, 1)",
    ),
    ("≤7300 元/年", "7000 元/年", 10, "10", "negative", False, "反向指标"),
    ("<5%", "10%", 10, "5", "negative", False, "目标 5 ÷ 实际 10"),
    ("≤2%", "0%", 10, "10", "negative", False, "实际为 0"),
    ("≤0起", "0起", 5, "5", "negative", False, "得满分 5"),
    ("≤0起", "1起", 5, "0", "negative", False, "目标 0 ÷ 实际 1"),
    # = : full marks within the tolerance, else w · max(0, 1 − |B−A|/A)
    ("=100%", "100%", 10, "10", "equal", False, "相等"),
    ("=100%", "99.95%", 10, "10", "equal", False, "容差"),
    ("=100%", "90%", 10, "9", "equal", False, "max(0, 1 − |实际 90 − 目标 100| ÷ 目标 100)"),
    ("=100%", "110%", 10, "9", "equal", False, "|实际 110 − 目标 100|"),
    ("=10台", "25台", 10, "0", "equal", False, "max(0"),
    # no operator (and no 指标方向 or level given): positive, not = (exceeding the target loses nothing)
    ("100%", "100%", 10, "10", "positive", False, "目标未写运算符，按正向计分"),
    ("242 人数", "230 人", 10, "9.5", "positive", False, "目标未写运算符"),
    ("90%", "96%", 10, "10", "positive", False, "目标未写运算符，按正向计分"),
    # ranges
    ("80-90%", "85%", 10, "10", "range", False, "在目标区间 80–90 内"),
    ("80-90%", "72%", 10, "9", "range", False, "实际 72 ÷ 下限 80"),
    ("80-90%", "100%", 10, "9", "range", False, "上限 90 ÷ 实际 100"),
    # mixed units: the actual is converted into the target's unit
    ("13 万元", "130000元", 10, "10", "positive", False, "实际 130000 元 已换算为 13 万元"),
    ("≤13 万元", "143000元", 10, "9.09", "negative", False, "已换算为 14.3 万元"),
    ("≥5 万元", "40000元", 10, "8", "positive", False, "已换算为 4 万元"),
    ("≥95%", "92", 10, "9.68", "positive", False, "实际未写单位，按目标的单位 % 理解"),
    # deadlines: full marks on or before the deadline, else 0
    ("2024年12月底前", "2024年11月20日", 5, "5", "deadline", False, "不晚于截止时间 2024年12月底"),
    ("2024年12月31日前", "2024年12月31日", 5, "5", "deadline", False, "得满分"),
    ("2024年6月30日前", "2024年7月1日", 5, "0", "deadline", False, "晚于截止时间 2024年6月30日，未按时完成"),
    ("2024年底前", "2025年1月3日", 5, "0", "deadline", False, "晚于截止时间 2024年12月底"),
    ("12月底前", "10月31日", 5, "5", "deadline", False, "不晚于截止时间 12月底"),
    ("2024年6月30日前", "达成预期指标", 5, "5", "qualitative", False, "定性指标"),
    # qualitative: the top of the grade's band when no score is given
    ("效果明显", "达成预期指标", 10, "10", "qualitative", False, "[80%, 100%]，即 [8, 10]"),
    ("效果明显", "达成", 10, "10", "qualitative", False, "按区间上限计 10"),
    ("效果明显", "部分达成预期指标并具有一定效果", 10, "7.99", "qualitative", False, "[50%, 80%)，即 [5, 8)"),
    ("效果明显", "部分达成", 10, "7.99", "qualitative", False, "按区间上限计 7.99"),
    ("效果明显", "未达成预期指标且效果较差", 10, "4.99", "qualitative", False, "[0%, 50%)"),
    ("符合相关规定", "未达成", 6, "2.99", "qualitative", False, "按区间上限计 2.99"),
    ("符合相关规定", "未完成预期指标且效果较差", 6, "2.99", "qualitative", False, "未达成预期指标"),
    # unreadable: score 0, a Chinese explanation, never an exception
    ("≥95%", "", 10, "0", "unreadable", False, "实际完成值未填写"),
    ("≥95%", "-", 10, "0", "unreadable", False, "没有给出目标"),
    ("≥95%", "基本完成", 10, "0", "unreadable", False, "不是数值"),
    ("≥95%", "90-95%", 10, "0", "unreadable", False, "是一个区间"),
    ("", "95%", 10, "0", "unreadable", False, "年度指标值“”无法计分"),
    ("≥**%", "95%", 10, "0", "unreadable", False, "占位符"),
    ("≥0%", "5%", 10, "0", "unreadable", False, "目标值为 0"),
    ("=0起", "2起", 10, "0", "unreadable", False, "目标值为 0"),
    ("13 万元", "130000人", 10, "0", "unreadable", False, "不能换算"),
    ("效果明显", "效果很好", 10, "0", "unreadable", False, "不是其中之一"),
    ("效果明显", "", 10, "0", "unreadable", False, "实际完成值未填写"),
    ("2024年12月15日前", "2024年12月", 5, "0", "unreadable", False, "不够具体"),
    ("2024年6月30日前", "效果很好", 5, "0", "unreadable", False, "不是日期"),
    ("2024年6月30日前", "按时完成", 5, "5", "deadline", False, "表明已在截止时间前完成"),
    ("≥95%", "92%", "十分", "0", "unreadable", False, "分值“十分”不是非负数"),
    ("≥95%", "92%", -5, "0", "unreadable", False, "不是非负数"),
]


@pytest.mark.parametrize(("target", "actual", "weight", "score", "rule", "over", "text"), INDICATORS)
def test_score_indicator(
    target: str, actual: str, weight: int | str, score: str, rule: str, over: bool, text: str
) -> None:
    result = score_indicator(target, actual, weight)
    assert (result.score, result.rule, result.over_achieved) == (D(score), rule, over), result.explanation
    assert text in result.explanation
    assert result.needs_reason == (result.score < result.weight)
    assert result.score <= result.weight


@pytest.mark.parametrize(
    ("actual", "given", "score", "text"),
    [
        ("部分达成", "7", "7", "评分 7 在区间内"),
        ("部分达成", "5", "5", "在区间内"),
        ("部分达成", "8", "7.99", "不在区间内，按区间上限计 7.99"),
        ("部分达成", "3", "5", "按区间下限计 5"),
        ("达成预期指标", "8", "8", "在区间内"),
        ("达成预期指标", "10", "10", "在区间内"),
        ("未达成", "0", "0", "在区间内"),
        ("未达成", "x", "4.99", "不是数值"),
        ("达成", "", "10", "未给出评分"),
    ],
)
def test_qualitative_given_score(actual: str, given: str, score: str, text: str) -> None:
    result = score_indicator("效果明显", actual, 10, given_score=given)
    assert result.score == D(score)
    assert text in result.explanation


@pytest.mark.parametrize(
    ("actual", "band", "score", "inside"),
    [
        ("达成预期指标", ("0.8", "1"), "10", True),
        ("达成", ("0.8", "1"), "7.9", False),
        ("部分达成预期指标并具有一定效果", ("0.5", "0.8"), "8", False),
        ("部分达成", ("0.5", "0.8"), "5", True),
        ("未达成预期指标且效果较差", ("0", "0.5"), "4.99", True),
        ("未达成", ("0", "0.5"), "5", False),
    ],
)
def test_qualitative_band(actual: str, band: tuple[str, str], score: str, inside: bool) -> None:
    assert qualitative_band(actual) == (D(band[0]), D(band[1]))
    assert score_in_band(actual, D(score), D(10)) is inside


def test_qualitative_band_of_other_text() -> None:
    assert qualitative_band("效果很好") is None
    assert score_in_band("效果很好", D(5), D(10)) is None


# profile overrides: k, rounding, the = tolerance
@pytest.mark.parametrize(
    ("profile", "target", "actual", "weight", "score", "over"),
    [
        (ScoringProfile(over_achievement_factor=D("1.5")), "≥100人", "150人", 10, "10", False),
        (ScoringProfile(over_achievement_factor=D("1.5")), "≥100人", "151人", 10, "10", True),
        (ScoringProfile(places=0), "≥95%", "92%", 10, "10", False),
        (ScoringProfile(places=0), "≥95%", "80%", 10, "8", False),
        (ScoringProfile(places=1), "≥95%", "92%", 10, "9.7", False),
        (ScoringProfile(equal_tolerance=D("0.05")), "=100%", "96%", 10, "10", False),
        (ScoringProfile(equal_tolerance=D(0)), "=100%", "99.9%", 10, "9.99", False),
        (HUBEI, "≥95%", "92%", 10, "9.68", False),
    ],
)
def test_profile_settings(
    profile: ScoringProfile, target: str, actual: str, weight: int, score: str, over: bool
) -> None:
    result = score_indicator(target, actual, weight, profile=profile)
    assert (result.score, result.over_achieved) == (D(score), over)


@pytest.mark.parametrize(
    ("name", "category", "categories", "weight"),
    [
        ("central", "execution", ("execution",), 10),
        ("central", "output", ("output",), 50),
        ("central", "benefit", ("benefit",), 30),
        ("central", "satisfaction", ("satisfaction",), 10),
        ("hubei", "execution", ("execution",), 20),
        ("hubei", "output", ("output",), 40),
        ("hubei", "satisfaction", ("benefit", "satisfaction"), 40),
        ("sichuan", "execution", ("execution",), 10),
        ("sichuan", "benefit", ("output", "benefit", "satisfaction", "cost"), 90),
    ],
)
def test_preset_weights(name: str, category: str, categories: tuple[str, ...], weight: int) -> None:
    assert scoring_profile(name).weight_of(category) == (categories, D(weight))  # type: ignore[arg-type]


def test_presets_and_redistribution() -> None:
    assert CENTRAL.weight_of("cost") is None
    assert SICHUAN.weight_groups[1][1] == 90
    with pytest.raises(ValueError, match="没有名为"):
        scoring_profile("beijing")
    with pytest.raises(ValueError, match="合计为 90"):
        ScoringProfile(weight_groups=((("execution",), D(10)), (("output",), D(80))))
    # no satisfaction indicator: its 10 is spread over the rest in proportion (10/90 · 100 …)
    groups = dict(CENTRAL.redistributed({"execution", "output", "benefit"}))
    assert {cats: round(w, 2) for cats, w in groups.items()} == {
        ("execution",): D("11.11"),
        ("output",): D("55.56"),
        ("benefit",): D("33.33"),
    }
    assert dict(HUBEI.redistributed({"execution", "output", "benefit"}))[("benefit", "satisfaction")] == 40


# budget, executed, weight, score, rate, over, below the reason threshold, a piece of the explanation
EXECUTIONS = [
    ("13.10", "12", 10, "9.16", "91.6", False, False, "执行率 = 执行数 12 ÷ 预算数 13.1 = 91.6%"),
    (D("13.10"), D("13.10"), 10, "10", "100", False, False, "得分 = 分值 10 × 100% = 10"),
    (D(100), D(120), 10, "10", "100", True, False, "执行率按 100% 计"),
    (D(100), D("86.2"), 10, "8.62", "86.2", False, True, "需说明原因"),
    (D(100), D("86.2"), 20, "17.24", "86.2", False, True, "分值 20"),
    ("13.10万元", "120000元", 10, "9.16", "91.6", False, False, "已换算为 12 万元"),
    ("1,310", "655", 10, "5", "50", False, True, "= 50%"),
    (100, 0, 10, "0", "0", False, True, "= 0%"),
    (D(0), D(5), 10, "0", None, False, False, "全年预算数为 0"),
    (None, D(5), 10, "0", None, False, False, "全年预算数未填写"),
    ("", D(5), 10, "0", None, False, False, "未填写"),
    (D(10), None, 10, "0", None, False, False, "全年执行数未填写"),
    (D(10), "约", 10, "0", None, False, False, "无法读取"),
    (D(10), D(-1), 10, "0", None, False, False, "负数"),
    ("10万元", "5人", 10, "0", None, False, False, "不能换算"),
    (D(10), D(5), "x", "0", None, False, False, "分值“x”"),
]


@pytest.mark.parametrize(
    ("budget", "executed", "weight", "score", "rate", "over", "below", "text"), EXECUTIONS
)
def test_score_execution(
    budget: Decimal | str | None,
    executed: Decimal | str | None,
    weight: int | str,
    score: str,
    rate: str | None,
    over: bool,
    below: bool,
    text: str,
) -> None:
    result = score_execution(budget, executed, weight)
    assert result.score == D(score)
    assert result.execution_rate == (None if rate is None else D(rate))
    assert (result.over_executed, result.below_reason_threshold) == (over, below)
    assert text in result.explanation
    assert result.score <= result.weight


def test_execution_rounding_follows_the_profile() -> None:
    # Langfang rounded 86.2 % × 10 to 9
    assert score_execution(D(100), D("86.2"), 10, profile=ScoringProfile(places=0)).score == D(9)


@pytest.mark.parametrize(
    ("total", "grade", "label"),
    [
        (100, "excellent", "优"),
        (90, "excellent", "优"),
        ("89.99", "good", "良"),
        (80, "good", "良"),
        (D("79.99"), "fair", "中"),
        (60, "fair", "中"),
        (D("59.99"), "poor", "差"),
        (0, "poor", "差"),
        ("?", "poor", "差"),
    ],
)
def test_grade_of(total: int | str | Decimal, grade: str, label: str) -> None:
    assert grade_of(total) == (grade, label)


@pytest.mark.parametrize(("month", "progress"), [(1, "8.33"), (6, "50"), (7, "58.33"), (12, "100")])
def test_time_progress(month: int, progress: str) -> None:
    assert time_progress(month) == D(progress)


@pytest.mark.parametrize("month", [0, 13, -1])
def test_time_progress_outside_the_year(month: int) -> None:
    with pytest.raises(ValueError, match="1–12"):
        time_progress(month)


# target, progress, month, alert, ratio (%), a piece of the explanation
LIGHTS = [
    ("≥120人", "30人", 6, "red", "50", "红灯（低于 60%），需分析偏差原因"),
    ("≥120人", "36人", 6, "yellow", "60", "黄灯（60%–80%）"),
    ("≥120人", "47人", 6, "yellow", "78.33", "黄灯"),
    ("≥120人", "48人", 6, "green", "80", "绿灯（80%–120%）"),
    ("≥120人", "71人", 6, "green", "118.33", "绿灯"),
    ("≥120人", "72人", 6, "blue", "120", "蓝灯（达到或超过 120%）"),
    ("≥242人", "150人", 7, "green", "106.26", "标准值 = 目标 242 × 7/12 = 141.17"),
    ("≥12 万元", "36000元", 6, "yellow", "60", "执行 3.6 ÷ 标准 6"),
    ("≥95%", "96%", 7, "green", "101.05", "比率或单位值指标不按时间折算"),
    ("≥95%", "50%", 7, "red", "52.63", "红灯"),
    # negative indicators: the ratio inverted (standard ÷ progress)
    ("≤7300元", "3000元", 6, "blue", "121.67", "反向指标：完成比 = 标准 3650 ÷ 执行 3000"),
    ("≤7300元", "3650元", 6, "green", "100", "反向指标"),
    ("≤7300元", "7300元", 6, "red", "50", "反向指标"),
    ("≤0起", "1起", 6, "red", "0", "反向指标"),
    ("≤0起", "0起", 6, "green", None, "未超出标准"),
    # no light
    ("效果明显", "进展顺利", 7, None, None, "定性指标不按比例亮灯"),
    ("2024年10月底前", "已完成", 7, None, None, "时限指标不按比例亮灯"),
    ("≥120人", "较好", 7, None, None, "不是单一数值"),
    ("", "30人", 7, None, None, "未填写"),
    ("≥12 万元", "30000人", 6, None, None, "不能换算"),
    ("≥0人", "3人", 6, None, None, "标准值为 0"),
    ("≥120人", "30人", 13, None, None, "1–12"),
]


@pytest.mark.parametrize(("target", "progress", "month", "alert", "ratio", "text"), LIGHTS)
def test_light(
    target: str, progress: str, month: int, alert: str | None, ratio: str | None, text: str
) -> None:
    result = light(target, progress, month)
    assert result.alert == alert, result.explanation
    assert result.ratio == (None if ratio is None else D(ratio))
    assert text in result.explanation
    assert result.needs_reason == (alert in ("red", "yellow"))


def test_light_thresholds_and_proration_are_settings() -> None:
    strict = ScoringProfile(red_below=D(70), yellow_below=D(90), blue_from=D(150))
    assert light("≥120人", "36人", 6, profile=strict).alert == "red"
    assert light("≥120人", "72人", 6, profile=strict).alert == "green"
    assert light("≥95%", "50%", 6, cumulative=True).alert == "green"
    assert light("≥120人", "60人", 6, cumulative=False).alert == "red"
    with pytest.raises(ValueError, match="预警阈值"):
        ScoringProfile(red_below=D(90), yellow_below=D(80))


@pytest.mark.parametrize(
    ("value", "needed"),
    [
        ("确定能", False),
        ("有可能", True),
        ("不可能", True),
        ("完全不可能", True),
        ("certain", False),
        ("possible", True),
        ("red", True),
        ("yellow", True),
        ("green", False),
        ("blue", False),
        (None, False),
        ("", False),
        ("大概能", True),
    ],
)
def test_needs_reason(value: str | None, needed: bool) -> None:
    assert needs_reason(value) is needed


def test_needs_reason_of_a_light() -> None:
    assert needs_reason(light("≥120人", "30人", 6))
    assert not needs_reason(light("≥120人", "60人", 6))


_CELLS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["≥", "≤", "=", ">", "<", ""]).flatmap(
        lambda op: st.builds(
            lambda n, u: f"{op}{n}{u}",
            st.decimals(min_value=-1000, max_value=10**6, places=2, allow_nan=False),
            st.sampled_from(["%", "人", "元", "万元", "元/年", "", "起", "年", "月"]),
        )
    ),
    st.sampled_from(["达成", "部分达成", "未达成", "2024年12月底前", "2024-06-30", "-", "**", "效果明显"]),
)


@settings(max_examples=300, deadline=None)
@given(
    target=_CELLS,
    actual=_CELLS,
    weight=st.decimals(min_value=0, max_value=100, places=2, allow_nan=False),
)
def test_score_indicator_never_raises_and_stays_within_the_weight(
    target: str, actual: str, weight: Decimal
) -> None:
    result = score_indicator(target, actual, weight)
    assert D(0) <= result.score <= weight
    assert result.explanation
    assert result.rule != "unreadable" or result.score == 0
