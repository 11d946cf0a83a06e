"""C rules: a failing and a passing example each, written inline; the example document."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from jixiao.model import PerformanceDocument, parse_value
from jixiao.rules import Profile, RuleContext
from jixiao.rules.consistency import CONSISTENCY_RULES, match_sub_goals

from .helpers import clean_document, ind, messages, run, with_indicator, with_project, with_sub_goal

CODES = ("C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08")


def _all(doc: PerformanceDocument) -> list[tuple[str, int | None, int | None]]:
    return [t for code in CODES for t in run(code, doc)]


def _with_costs(doc: PerformanceDocument, project: int, *costs: tuple[str, str]) -> PerformanceDocument:
    """The project with its cost row replaced by the given (name, value) cost rows."""
    rows = [i for i in doc.projects[project - 1].indicators if i.level2 != "成本指标"]
    added = [ind("产出指标", "成本指标", name, value) for name, value in costs]
    return with_project(doc, project, indicators=(*rows[:3], *added, *rows[3:]))


def test_c01_cost_restates_budget() -> None:
    doc = with_indicator(clean_document(), 1, 4, level3="帮扶资金数额", value="13 万元")
    assert run("C01", doc) == [("C01", 1, 4)]
    assert messages("C01", doc) == [
        "项目 1 指标表第 4 行的成本指标“帮扶资金数额”为 13 万元，等于项目预算数 13.00 万元，只是照抄了预算总额。"
    ]
    assert run("C01", with_indicator(clean_document(), 2, 4, level3="帮扶金额", value="≤130000 元")) == [
        ("C01", 2, 4)
    ]


def test_c01_passes_unit_cost_or_item_cap() -> None:
    assert run("C01", clean_document()) == []  # 人均救助标准 ≤6500 元/人
    assert run("C01", with_indicator(clean_document(), 1, 4, level3="帮扶资金数额", value="≤8 万元")) == []
    assert run("C01", with_indicator(clean_document(), 1, 4, level3="人均帮扶资金", value="13 万元")) == []
    assert run("C01", with_project(clean_document(), 1, budget_total=None)) == []


def test_c02_cost_total_over_budget() -> None:
    doc = _with_costs(clean_document(), 1, ("职工书屋租金", "≤10 万元"), ("书屋维护费", "≤5 万元"))
    assert run("C02", doc) == [("C02", 1, None)]
    assert messages("C02", doc) == [
        "项目 1 的成本指标第 4 行“职工书屋租金”、第 5 行“书屋维护费”合计 15 万元，超过项目预算数 13.00 万元。"
    ]
    doc = _with_costs(clean_document(), 2, ("项目总成本", "≤150000 元"), ("书屋维护费", "≤5 万元"))
    assert run("C02", doc) == [("C02", 2, 4)]


def test_c02_passes_within_budget() -> None:
    doc = _with_costs(clean_document(), 1, ("职工书屋租金", "≤8 万元"), ("书屋维护费", "≤5 万元"))
    assert run("C02", doc) == []
    # a total named 总 is compared alone, not added to its items
    doc = _with_costs(
        clean_document(), 1, ("项目总成本", "≤13 万元"), ("职工书屋租金", "≤8 万元"), ("维护费", "≤5 万元")
    )
    assert run("C02", doc) == []
    assert run("C02", clean_document()) == []


def test_c03_derived_unit_cost() -> None:
    doc = with_indicator(clean_document(), 1, 1, value="≥10 人")  # 130000 元 ÷ 10 人 = 13000 > 6500
    assert run("C03", doc) == [("C03", 1, 4)]
    assert messages("C03", doc) == [
        "项目 1 预算数 13.00 万元 ÷ 10 人（第 1 行“帮扶困难职工人数”）= 13000 元/人，不满足第 4 行成本指标“人均救助标准”≤6500 元/人。"
    ]
    doc = with_indicator(clean_document(), 1, 4, level3="人均每月补助", value="≤500 元/人·月")
    assert messages("C03", doc) == [
        "项目 1 预算数 13.00 万元 ÷ 20 人（第 1 行“帮扶困难职工人数”）÷ 12 = 541.67 元/人·月，"
        "不满足第 4 行成本指标“人均每月补助”≤500 元/人·月。"
    ]
    doc = with_indicator(clean_document(), 2, 4, value="=6000 元/人")
    assert run("C03", doc) == [("C03", 2, 4)]


def test_c03_passes_consistent_unit_cost() -> None:
    assert run("C03", clean_document()) == []  # 130000 元 ÷ 20 人 = 6500 ≤ 6500
    doc = with_indicator(clean_document(), 1, 4, level3="人均救助指标", value="≤7300 元/年")
    assert run("C03", with_project(doc, 1, budget_total=Decimal("13.10"))) == []  # the example's project 2
    assert run("C03", with_indicator(clean_document(), 1, 4, value="≤600 元/人·月")) == []
    assert run("C03", with_indicator(clean_document(), 1, 4, value="=6500 元/人")) == []
    assert run("C03", with_indicator(clean_document(), 1, 4, value="≤6500 元/天")) == []  # no annual quantity
    assert run("C03", with_indicator(clean_document(), 1, 1, value="≥0 人")) == []


def test_c04_below_last_year() -> None:
    doc = with_indicator(clean_document(), 1, 6, value="≥55%", previous_value=parse_value("≥60%"))
    assert run("C04", doc) == [("C04", 1, 6)]
    assert messages("C04", doc) == [
        "项目 1 指标表第 6 行“困难职工脱困率”的目标 ≥55% 低于上年指标值 ≥60%，未说明原因。"
    ]
    doc = with_indicator(clean_document(), 2, 5, value="≥400 元", previous_value=parse_value("0.05 万元"))
    assert run("C04", doc) == [("C04", 2, 5)]


def test_c04_passes_higher_or_explained() -> None:
    assert run("C04", with_indicator(clean_document(), 1, 6, previous_value=parse_value("≥50%"))) == []
    doc = with_indicator(
        clean_document(),
        1,
        6,
        value="≥55%",
        previous_value=parse_value("≥60%"),
        description="受助对象减少，目标下调",
    )
    assert run("C04", doc) == []
    assert run("C04", with_indicator(clean_document(), 1, 4, previous_value=parse_value("≤6000 元/人"))) == []
    assert run("C04", clean_document()) == []


def test_c05_part_one_numbers_against_tables() -> None:
    doc = with_sub_goal(
        clean_document(), 1, indicator_text="帮扶困难职工不少于 20 人，受助职工满意度达到 80%。"
    )
    assert run("C05", doc) == [("C05", 1, 7)]
    assert messages("C05", doc) == [
        "第一部分分项绩效目标“困难职工帮扶救助项目1”写满意度 80%，与项目 1 指标表第 7 行“受助职工满意度”的指标值 ≥90% 不一致。"
    ]
    doc = with_sub_goal(clean_document(), 2, goal="落实 25 名困难职工的帮扶救助。")
    assert run("C05", doc) == [("C05", 2, 1)]
    assert messages("C05", doc) == [
        "第一部分分项绩效目标“困难职工帮扶救助项目2”写数量 25 名，与项目 2 指标表第 1 行“帮扶困难职工人数”的"
        "指标值 ≥20 人 不一致。"
    ]


def test_c05_passes_matching_numbers() -> None:
    doc = with_sub_goal(clean_document(), 2, goal="落实 20 名困难职工的帮扶救助，满意度不低于 90%。")
    assert run("C05", doc) == []
    # 万人 converts to 人; a number with no row of its unit is not compared
    doc = with_indicator(clean_document(), 1, 1, value="≥15000 人")
    doc = with_sub_goal(doc, 1, goal="帮扶 1.5 万人。", indicator_text="受助职工满意度达到 90%。")
    assert run("C05", doc) == []
    assert run("C05", with_sub_goal(clean_document(), 1, goal="开展 3 场帮扶活动。")) == []
    assert run("C05", clean_document()) == []


def test_c05_matches_sub_goals_by_name(example: PerformanceDocument) -> None:
    titles = {pi + 1: sub.title for pi, sub in match_sub_goals(example, Profile()).items()}
    assert titles == {
        1: "公安辅警工会经费",
        2: "落实困难职工及劳模帮扶救助专项资金",
        3: "落实劳模荣誉津贴",
        4: "特岗教师工会经费",
        5: "县直单位及各乡镇工会经费",
        6: "职工书屋租赁费",
    }


def test_c06_goal_without_indicator() -> None:
    doc = with_project(clean_document(), 1, goals=(*clean_document().projects[0].goals, "提高职工积极性"))
    assert run("C06", doc) == [("C06", 1, None)]
    assert messages("C06", doc) == [
        "项目 1 的第 4 条绩效目标“提高职工积极性”没有对应的绩效指标（与指标名称和描述的字词重合 17%，低于 20%）。"
    ]
    # the threshold comes from the profile
    assert run("C06", doc, Profile(goal_coverage_min=Decimal("0.1"))) == []


def test_c06_passes_covered_goals() -> None:
    assert run("C06", clean_document()) == []
    assert run("C06", with_project(clean_document(), 1, goals=())) == []


def test_c07_identical_goals() -> None:
    doc = with_project(clean_document(3), 3, name="职工书屋租赁费")
    assert run("C07", doc) == [("C07", 3, None)]
    assert messages("C07", doc) == [
        "项目 3“职工书屋租赁费”的绩效目标与项目 1“困难职工帮扶救助项目1”完全相同。"
    ]
    reordered = with_project(doc, 3, goals=tuple(reversed(doc.projects[0].goals)))
    assert run("C07", reordered) == [("C07", 3, None)]


def test_c07_passes_distinct_goals_or_related_projects() -> None:
    assert run("C07", clean_document(3)) == []  # one programme in three budget lines
    doc = with_project(
        clean_document(), 2, name="职工书屋租赁费", goals=("丰富职工精神文化生活", "书屋每周开放")
    )
    assert run("C07", doc) == []


def test_c08_purpose_against_name_and_cost() -> None:
    doc = with_project(clean_document(), 1, name="职工书屋租赁费", purpose="用于支付职工书屋租赁费")
    doc = with_indicator(doc, 1, 4, level3="投入资金", description="职工书屋租赁及维护费", value="≤13 万元")
    assert run("C08", doc) == [("C08", 1, 4)]
    assert messages("C08", doc) == [
        "项目 1“职工书屋租赁费”：第 4 行成本指标“投入资金”（职工书屋租赁及维护费）含有维修维护支出，"
        "而项目名称和资金用途只说明了租赁。"
    ]
    doc = with_project(clean_document(), 2, name="职工书屋租赁费", purpose="用于购置图书")
    assert run("C08", doc)[0] == ("C08", 2, None)


def test_c08_passes_consistent_purpose() -> None:
    doc = with_project(clean_document(), 1, name="职工书屋租赁费", purpose="用于支付职工书屋租赁费")
    doc = with_indicator(doc, 1, 4, level3="职工书屋年租金", description="职工书屋年租金", value="≤13 万元")
    assert run("C08", doc) == []
    # 维护…合法权益 is not a maintenance expense
    assert run("C08", with_project(clean_document(), 1, purpose="用于困难职工救助，维护职工合法权益")) == []
    assert run("C08", clean_document()) == []


def test_consistency_rules_on_example(example: PerformanceDocument) -> None:
    """SPEC §12 items 6, 14 and 15; C06 and C08 as tuned; C02, C03 and C04 give nothing."""
    assert _all(example) == [
        ("C01", 1, 4),  # 13 万元
        ("C01", 3, 4),  # 10 万元
        ("C01", 4, 4),  # 17 万元
        ("C01", 5, 4),  # 620 万元
        ("C01", 6, 4),  # 5 万元; project 2 uses ≤7300 元/年 per person
        ("C05", 1, 7),  # 80% vs ≥95%
        ("C05", 2, 7),  # 100% vs ≥90%
        ("C05", 3, 7),  # 100% vs ≥95% (47 名 = 47 人数 agrees)
        ("C05", 4, 7),  # 80% vs ≥95%
        ("C05", 5, 7),  # 80% vs ≥95%
        ("C05", 6, 7),  # 80% vs ≥90%
        ("C06", 1, None),  # 提高职工积极性
        ("C06", 3, None),  # 维护职工合法权益
        ("C06", 3, None),  # 完善工会参与社会管理机制
        ("C06", 3, None),  # 提升工会服务大局影响力
        ("C06", 4, None),  # 提高教师的积极性
        ("C06", 5, None),  # 维护职工合法权益
        ("C06", 5, None),  # 完善工会参与社会管理机制
        ("C06", 6, None),  # 丰富职工精神文化生活
        ("C06", 6, None),  # 确保广大职工的基本文化权益
        ("C07", 5, None),  # same goals as project 3
        ("C08", 6, 4),  # 租赁费 project, cost row 租赁及维护费
    ]
    assert "项目 3“全国、省部级、市级劳动模范荣誉津贴”" in messages("C07", example)[0]


def test_clean_document_passes_consistency_rules() -> None:
    assert _all(clean_document()) == []
    assert _all(clean_document(4)) == []


def test_consistency_rules_never_raise_on_odd_content() -> None:
    doc = with_project(clean_document(3), 1, budget_total=None, goals=("", "  "), indicators=())
    doc = with_project(doc, 2, budget_total=Decimal(0), money_unit="元")
    doc = with_indicator(doc, 2, 1, value="≥0 人数")
    doc = with_indicator(doc, 2, 4, value="≤abc 元/人", previous_value=parse_value("**"))
    doc = with_indicator(doc, 3, 4, value="≤NaN 元/人", previous_value=parse_value("≥5 个"))
    doc = with_indicator(doc, 3, 6, value="≥5%", previous_value=parse_value("≥1 人"))
    doc = replace(doc, department_goals=replace(doc.department_goals, sub_goals=()))
    for rule in CONSISTENCY_RULES:
        list(rule.check(doc, RuleContext(Profile()).bound(rule)))
    assert _all(PerformanceDocument()) == []
