"""score_indicator scores rows as a plain rule-following scorer does (SPEC §2.3, §2.4, §6.4).

The plain scorer: ≥ / positive → weight × min(actual ÷ target, 1); ≤ / negative → weight × min(target ÷ actual, 1);
a qualitative target met (word for word, or the actual says so) → full; a deadline met → full. With no operator
written, the direction is the form's 指标方向, else what the row's level implies (成本 and time spans: lower is
better; everything else: higher is better).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model import Direction, EvaluatedIndicator, ProjectEvaluation, parse_value
from jixiao.scoring import score_indicator, score_project

D = Decimal

NUM, QUA, TIME, PACE = (
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "进度指标"),
)
COST88 = ("产出指标", "成本指标")  # legacy 88号: 成本 under 产出
ECON_COST, SOC_COST, ENV_COST = (
    ("成本指标", "经济成本指标"),
    ("成本指标", "社会成本指标"),
    ("成本指标", "生态环境成本指标"),
)
ECON, SOC, ECOL, SUS = (
    ("效益指标", "经济效益指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "生态效益指标"),
    ("效益指标", "可持续影响指标"),
)
SAT = ("满意度指标", "服务对象满意度指标")

# target, actual, weight, 指标方向, 一级, 二级, the plain scorer's score
ROWS: list[tuple[str, str, int, str, str, str, str]] = [
    # percentages
    ("≥95%", "98%", 10, "", *QUA, "10"),
    ("≥95%", "92%", 10, "", *QUA, "9.68"),
    ("≥90%", "85%", 5, "正向", *SAT, "4.72"),
    ("90%", "96%", 10, "", *SAT, "10"),  # no operator: exceeding the target is no loss
    ("90%", "85%", 10, "", *SAT, "9.44"),
    ("100%", "100%", 5, "", *QUA, "5"),
    ("98%", "99.5%", 5, "正向", *QUA, "5"),
    ("≥80%", "80%", 10, "", *SOC, "10"),
    ("不低于90%", "92%", 5, "", *QUA, "5"),
    ("92.5%", "95%", 5, "", *QUA, "5"),
    ("＝100%", "95%", 5, "", *QUA, "4.75"),  # written ＝: SPEC §2.4 w · max(0, 1 − |B − A| ÷ A)
    ("≥95%", "90%", 5, "", *TIME, "4.74"),
    ("100%", "100%", 5, "", *TIME, "5"),  # a timeliness rate is no time span: positive
    # counts
    ("2200篇", "2350篇", 10, "", *NUM, "10"),
    ("2200篇", "2000篇", 10, "", *NUM, "9.09"),
    ("≥500人次", "620人次", 10, "", *NUM, "10"),
    ("≥12次", "10次", 6, "", *NUM, "5"),
    ("30户", "35户", 5, "", *NUM, "5"),
    ("1200人", "1150人", 8, "正向指标", *NUM, "7.67"),
    ("≥10项", "8项", 5, "", *NUM, "4"),
    ("3000篇", "3000篇", 5, "", *NUM, "5"),
    ("≥90分", "95分", 5, "", *QUA, "5"),
    ("0起", "0起", 5, "", *QUA, "5"),  # a target of 0 can only be "no more than"
    ("0次", "1次", 5, "", *SOC, "0"),
    # negative: written, or the form's 指标方向
    ("≤5%", "3%", 10, "", *QUA, "10"),
    ("≤5%", "8%", 10, "", *QUA, "6.25"),
    ("<2%", "2.5%", 10, "", *QUA, "8"),
    ("5%", "4%", 10, "反向", *SOC, "10"),
    ("3%", "6%", 10, "反向指标", *QUA, "5"),
    ("2%", "1.5%", 5, "反向", *QUA, "5"),
    # money, 元 and 万元 mixed; cost rows (88号 二级 or 101号 一级) are lower-is-better
    ("≤50万元", "48万元", 10, "", *COST88, "10"),
    ("≤50万元", "520000元", 10, "", *COST88, "9.62"),
    ("50万元", "48.6万元", 10, "", *COST88, "10"),
    ("50万元", "55万元", 10, "", *COST88, "9.09"),
    ("120万元", "1150000元", 10, "", *ECON_COST, "10"),
    ("80万元", "85万元", 5, "", *ECON_COST, "4.71"),
    ("≤7300元/年", "8000元/年", 10, "", *COST88, "9.13"),
    ("≤300元/人", "280元/人", 5, "", *COST88, "5"),
    ("≥200万元", "260万元", 10, "", *ECON, "10"),
    ("200万元", "180万元", 10, "", *ECON, "9"),
    ("≥5万元", "40000元", 10, "", *ECON, "8"),
    ("1.2万元", "12000元", 5, "", *COST88, "5"),
    ("≤10吨", "12吨", 5, "", *ENV_COST, "4.17"),
    ("10吨", "8吨", 5, "", *ENV_COST, "5"),
    ("0起", "0起", 5, "", *SOC_COST, "5"),
    # 完成 against a money target
    ("≤50万元", "完成", 10, "", *COST88, "10"),
    ("50万元", "已完成", 10, "", *ECON_COST, "10"),
    ("≤13万元", "按时完成", 5, "", *COST88, "5"),
    # time spans in a timeliness row are lower-is-better
    ("30天", "25天", 5, "", *TIME, "5"),
    ("30天", "36天", 5, "", *TIME, "4.17"),
    ("≤3个月", "2个月", 5, "", *TIME, "5"),
    ("12小时", "10小时", 5, "", *PACE, "5"),
    ("≤7个工作日", "9个工作日", 5, "", *TIME, "3.89"),
    ("10个工作日", "8个工作日", 5, "", *TIME, "5"),
    ("15天", "12天", 5, "反向", *SOC, "5"),
    # deadlines
    ("2024年12月31日前", "2024年11月30日", 5, "", *TIME, "5"),
    ("2024年6月30日前", "2024年8月15日", 5, "", *TIME, "0"),
    ("12月底前", "按时完成", 5, "", *TIME, "5"),
    ("2024年12月底前", "完成", 5, "", *TIME, "5"),
    ("2024年10月前", "已完成", 5, "", *TIME, "5"),
    ("年底前完成", "12月20日", 5, "", *TIME, "5"),
    ("2024年12月前", "如期完成", 5, "", *TIME, "5"),
    # ranges
    ("80%-90%", "85%", 10, "", *QUA, "10"),
    ("80%-90%", "76%", 10, "", *QUA, "9.5"),
    ("10-15万元", "12万元", 10, "", *COST88, "10"),
    # qualitative: met word for word, said to be met, or graded (no score given: the top of the grade's band)
    ("有效", "有效", 10, "", *SOC, "10"),
    ("显著提升", "显著提升", 10, "", *SOC, "10"),
    ("高", "高", 5, "", *QUA, "5"),
    ("有效", "有效。", 5, "", *SUS, "5"),
    ("长期", " 长期", 5, "", *SUS, "5"),
    ("效果明显", "达成预期指标", 10, "", *SOC, "10"),
    ("效果明显", "部分达成预期指标并具有一定效果", 10, "", *SOC, "7.99"),
    ("效果明显", "未达成预期指标且效果较差", 10, "", *SOC, "4.99"),
    ("符合相关规定", "符合", 5, "", *QUA, "5"),
    ("严格执行相关制度规定", "已落实", 5, "", *QUA, "5"),
    ("按规定执行", "是", 5, "", *QUA, "5"),
    ("明显改善", "已实现", 10, "", *ECOL, "10"),
    ("持续发挥效益", "达到预期目标", 10, "", *SUS, "10"),
    ("效果明显", "100%完成", 5, "", *SOC, "5"),
    ("按时完成", "未按时完成", 5, "", *TIME, "0"),
    ("提升", "未提升", 5, "", *SOC, "0"),
]

# Rows where jixiao deliberately differs from the plain scorer: target, actual, weight, 指标方向, 一级, 二级,
# the plain scorer's score, jixiao's score, what jixiao's explanation says
DEPARTURES: list[tuple[str, str, int, str, str, str, str, str, str]] = [
    # 完成 gives no number: a count or rate target cannot be scored from it
    ("≥95%", "完成", 10, "", *QUA, "10", "0", "不是数值"),
    ("≥100人", "已完成", 10, "", *NUM, "10", "0", "不是数值"),
]


@pytest.mark.parametrize(("target", "actual", "weight", "direction", "level1", "level2", "expected"), ROWS)
def test_agrees_with_a_plain_scorer(
    target: str, actual: str, weight: int, direction: str, level1: str, level2: str, expected: str
) -> None:
    result = score_indicator(target, actual, weight, direction=direction, level1=level1, level2=level2)
    assert abs(result.score - D(expected)) <= D("0.01"), result.explanation
    assert result.explanation


def test_the_table_is_large_enough() -> None:
    assert len(ROWS) >= 60


@pytest.mark.parametrize(
    ("target", "actual", "weight", "direction", "level1", "level2", "plain", "score", "why"), DEPARTURES
)
def test_deliberate_departures_are_explained(
    target: str,
    actual: str,
    weight: int,
    direction: str,
    level1: str,
    level2: str,
    plain: str,
    score: str,
    why: str,
) -> None:
    result = score_indicator(target, actual, weight, direction=direction, level1=level1, level2=level2)
    assert result.score == D(score) != D(plain)
    assert result.rule == "unreadable"
    assert why in result.explanation


# which source decided the direction of a target written without an operator
@pytest.mark.parametrize(
    ("target", "actual", "direction", "levels", "rule", "text"),
    [
        ("90%", "95%", "正向", SAT, "positive", "目标未写运算符，按指标方向“正向”计分"),
        ("90%", "95%", "正向指标", SAT, "positive", "目标未写运算符，按指标方向“正向”计分"),
        ("5%", "4%", "反向", QUA, "negative", "目标未写运算符，按指标方向“反向”计分"),
        ("50万元", "40万元", "", COST88, "negative", "目标未写运算符，按成本指标（越低越好）计分"),
        ("50万元", "40万元", "", ECON_COST, "negative", "目标未写运算符，按成本指标（越低越好）计分"),
        ("50万元", "40万元", "", ("成本指标", ""), "negative", "目标未写运算符，按成本指标（越低越好）计分"),
        ("30天", "20天", "", TIME, "negative", "目标未写运算符，按时效指标的时长（越短越好）计分"),
        ("30天", "20天", "", NUM, "positive", "目标未写运算符，按正向计分"),
        ("2200篇", "2350篇", "", NUM, "positive", "目标未写运算符，按正向计分"),
        ("2200篇", "2350篇", "", ("", ""), "positive", "目标未写运算符，按正向计分"),
        ("50万元", "40万元", "正向", COST88, "positive", "按指标方向“正向”计分"),  # the form before the level
        ("0起", "0起", "", QUA, "negative", "目标值为 0，按反向（不超过目标）计分"),
        ("=100%", "95%", "正向", QUA, "equal", "“=”指标"),  # a written operator decides
        ("≥95%", "92%", "", COST88, "positive", "正向指标"),
    ],
)
def test_the_direction_says_where_it_came_from(
    target: str, actual: str, direction: str, levels: tuple[str, str], rule: str, text: str
) -> None:
    result = score_indicator(target, actual, 10, direction=direction, level1=levels[0], level2=levels[1])
    assert result.rule == rule, result.explanation
    assert text in result.explanation


def test_a_written_operator_beats_the_form_and_says_so() -> None:
    result = score_indicator("≥95%", "92%", 10, direction="反向")
    assert (result.rule, result.score) == ("positive", D("9.68"))
    assert "指标方向“反向”与运算符“≥”不一致，按运算符计分" in result.explanation


def test_no_operator_and_no_direction_is_no_longer_equal() -> None:
    result = score_indicator("2200篇", "3000篇", 10)
    assert (result.rule, result.score, result.over_achieved) == ("positive", D(10), True)


@pytest.mark.parametrize(
    ("target", "actual", "text"),
    [
        ("有效", "有效", "实际完成值与目标一致"),
        ("显著 提升", "显著提升；", "实际完成值与目标一致"),
        ("效果明显", "已完成", "实际完成值表明已达成目标"),
        ("符合相关规定", "全部符合", "实际完成值表明已达成目标"),
        ("效果明显", "有效", "实际完成值表明已达成目标"),
    ],
)
def test_a_met_qualitative_target_scores_full(target: str, actual: str, text: str) -> None:
    result = score_indicator(target, actual, 10)
    assert (result.rule, result.score, result.grade) == ("qualitative", D(10), "achieved")
    assert text in result.explanation


@pytest.mark.parametrize(
    "actual", ["未完成", "没有达到", "部分完成", "基本完成", "不符合", "完成80%", "效果很好", "延期完成"]
)
def test_an_actual_that_does_not_say_met_stays_unreadable(actual: str) -> None:
    result = score_indicator("效果明显", actual, 10)
    assert (result.rule, result.score) == ("unreadable", D(0)), result.explanation


def test_a_met_qualitative_target_takes_a_given_score_in_the_top_band() -> None:
    inside = score_indicator("有效", "有效", 10, given_score="9")
    assert inside.score == D(9) and "在区间内" in inside.explanation
    below = score_indicator("有效", "有效", 10, given_score="6")
    assert below.score == D(8) and "按区间下限计 8" in below.explanation


@pytest.mark.parametrize(
    ("target", "actual", "rule", "text"),
    [
        ("2024年6月30日前", "按时完成", "deadline", "实际完成值“按时完成”表明已在截止时间前完成"),
        ("12月底前", "已完成", "deadline", "表明已在截止时间前完成"),
        ("≤50万元", "完成", "qualitative", "实际完成值“完成”没有金额，表明已按目标完成"),
        ("13万元", "已完成", "qualitative", "没有金额"),
    ],
)
def test_done_against_money_or_a_deadline_scores_full(target: str, actual: str, rule: str, text: str) -> None:
    result = score_indicator(target, actual, 5)
    assert (result.rule, result.score) == (rule, D(5))
    assert text in result.explanation


@pytest.mark.parametrize("actual", ["未完成", "延期完成", "部分完成"])
def test_not_done_against_money_or_a_deadline_stays_unreadable(actual: str) -> None:
    for target in ("2024年6月30日前", "≤50万元"):
        result = score_indicator(target, actual, 5)
        assert (result.rule, result.score) == ("unreadable", D(0)), result.explanation


def test_a_project_passes_each_rows_direction_and_levels() -> None:
    def row(
        levels: tuple[str, str], target: str, actual: str, direction: Direction = ""
    ) -> EvaluatedIndicator:
        return EvaluatedIndicator(
            *levels, "指标", parse_value(target), parse_value(actual), D(10), direction=direction
        )

    project = ProjectEvaluation(
        code="P1",
        name="示例项目",
        indicators=(
            row(COST88, "50万元", "40万元"),
            row(QUA, "5%", "4%", "反向"),
            row(TIME, "30天", "25天"),
            row(NUM, "2200篇", "2350篇"),
        ),
    )
    scores = score_project(project).indicators
    assert [(s.rule, s.score) for s in scores] == [
        ("negative", D(10)),
        ("negative", D(10)),
        ("negative", D(10)),
        ("positive", D(10)),
    ]
    assert "成本指标（越低越好）" in scores[0].explanation
    assert "指标方向“反向”" in scores[1].explanation
