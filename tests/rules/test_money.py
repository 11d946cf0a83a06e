"""F rules: a failing and a passing example each, written inline; then the example document."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from jixiao.model import PerformanceDocument, SpendingPoint
from jixiao.rules import Profile, RuleContext

from .helpers import RULES, clean_document, messages, run, with_indicator, with_project

F_CODES = ("F01", "F02", "F03", "F04", "F05", "F06")


def plan(*percents: int | str | None) -> tuple[SpendingPoint, ...]:
    """A spending plan over 3/6/10/12月底 with the given cumulative percentages (None for a blank cell)."""
    months = ("3月底", "6月底", "10月底", "12月底")
    return tuple(
        SpendingPoint(month, None if p is None else Decimal(p))
        for month, p in zip(months, percents, strict=True)
    )


def test_f01_budget_equals_fiscal_plus_other() -> None:
    doc = with_project(clean_document(), 2, budget_total=Decimal("13.10"))
    assert run("F01", doc) == [("F01", 2, None)]
    assert messages("F01", doc) == [
        "项目 2“困难职工帮扶救助项目2”的预算数 13.10 万元与财政资金 13.00 + 其他资金 0.00（合计 13.00 万元）不符，"
        "相差 0.10 万元。"
    ]
    doc = with_project(clean_document(), 1, budget_fiscal=Decimal("10.00"), budget_other=None)
    assert run("F01", doc) == [("F01", 1, None)]
    assert (
        run("F01", with_project(clean_document(), 1, budget_fiscal=Decimal("10.00"), budget_other=Decimal(3)))
        == []
    )
    assert run("F01", with_project(clean_document(), 1, budget_other=None)) == []  # blank counts as 0
    assert run("F01", with_project(clean_document(), 1, budget_total=Decimal("13.004"))) == []  # within 0.005
    strict = Profile(money_tolerance=Decimal("0.001"))
    assert run("F01", with_project(clean_document(), 1, budget_total=Decimal("13.004")), strict) == [
        ("F01", 1, None)
    ]
    assert run("F01", with_project(clean_document(), 1, budget_total=None)) == []  # S07's
    assert run("F01", with_project(clean_document(), 1, budget_fiscal=None, budget_other=None)) == []
    assert run("F01", clean_document()) == []


def test_f02_blank_other_funds() -> None:
    doc = with_project(clean_document(), 1, budget_other=None)
    assert run("F02", doc) == [("F02", 1, None)]
    assert messages("F02", doc) == ["项目 1“困难职工帮扶救助项目1”的其他资金栏为空。"]
    assert run("F02", with_project(clean_document(), 1, budget_other=None, budget_total=None)) == []
    assert run("F02", clean_document()) == []


def test_f02_fix_writes_zero() -> None:
    doc = with_project(clean_document(), 2, budget_other=None)
    rule = RULES["F02"]
    assert rule.fix is not None
    finding = next(iter(rule.check(doc, RuleContext(Profile()).bound(rule))))
    fixed = rule.fix(doc, finding)
    assert fixed.projects[1].budget_other == Decimal("0.00")
    assert f"{fixed.projects[1].budget_other:f}" == "0.00"
    assert rule.fix(fixed, finding) == fixed
    uneven = with_project(doc, 2, budget_fiscal=Decimal("10.00"))
    assert rule.fix(uneven, finding) == uneven  # the blank may hide 3.00: left to F01
    assert run("F02", fixed) == []


def test_f03_spending_plan_values() -> None:
    doc = with_project(clean_document(), 1, spending_plan=plan(25, 60, 40, 100))
    assert run("F03", doc) == [("F03", 1, None)]
    assert messages("F03", doc) == [
        "项目 1“困难职工帮扶救助项目1”的资金支出计划：10月底累计 40% 低于6月底的 60%，累计支出进度不应减少。"
    ]
    doc = with_project(clean_document(), 2, spending_plan=plan(25, 50, 80, 90))
    assert messages("F03", doc) == [
        "项目 2“困难职工帮扶救助项目2”的资金支出计划：12月底累计为 90%，全年支出计划应达到 100%。"
    ]
    doc = with_project(clean_document(), 2, spending_plan=plan(25, 150, 80, 100))
    assert messages("F03", doc) == [
        "项目 2“困难职工帮扶救助项目2”的资金支出计划：6月底为 150%，超出 0–100% 的范围。"
    ]
    assert run("F03", with_project(clean_document(), 1, spending_plan=plan(-5, 50, 80, 100))) == [
        ("F03", 1, None)
    ]
    assert run("F03", with_project(clean_document(), 1, spending_plan=plan(None, None, None, 100))) == []
    assert run("F03", with_project(clean_document(), 1, spending_plan=plan(30, None, 30, None))) == []
    assert run("F03", with_project(clean_document(), 1, spending_plan=plan("37.5", 50, 80, "100.00"))) == []
    assert run("F03", with_project(clean_document(), 1, spending_plan=())) == []
    assert run("F03", clean_document()) == []


def test_f04_blank_months() -> None:
    doc = with_project(clean_document(), 2, spending_plan=plan(None, None, None, 100))
    assert run("F04", doc) == [("F04", 2, None)]
    assert messages("F04", doc) == [
        "项目 2“困难职工帮扶救助项目2”的资金支出计划 3月底、6月底、10月底 未填写，只填了 12月底。"
    ]
    doc = with_project(clean_document(), 1, spending_plan=plan(None, None, None, None))
    assert messages("F04", doc) == ["项目 1“困难职工帮扶救助项目1”的资金支出计划各月均未填写。"]
    assert run("F04", with_project(clean_document(), 1, spending_plan=plan(25, 50, 80, None))) == [
        ("F04", 1, None)
    ]
    assert run("F04", with_project(clean_document(), 1, spending_plan=())) == []  # no plan in this layout
    assert run("F04", clean_document()) == []


def test_f05_back_loaded_plan() -> None:
    doc = with_project(clean_document(), 1, spending_plan=plan(None, None, None, 100))
    assert run("F05", doc) == [("F05", 1, None)]
    assert messages("F05", doc) == [
        "项目 1“困难职工帮扶救助项目1”的资金支出计划截至 10月底累计 0%（该月未填写，按 0 计），低于 75%，支出集中在年末。"
    ]
    doc = with_project(clean_document(), 2, spending_plan=plan(10, 30, 60, 100))
    assert run("F05", doc) == [("F05", 2, None)]
    doc = with_project(clean_document(), 2, spending_plan=plan(10, 50, None, 100))
    assert messages("F05", doc) == [
        "项目 2“困难职工帮扶救助项目2”的资金支出计划截至 10月底累计 50%（该月未填写，按6月底的数值计），低于 75%，"
        "支出集中在年末。"
    ]
    assert (
        run("F05", with_project(clean_document(), 2, spending_plan=plan(10, 80, None, 100))) == []
    )  # carried on
    assert run("F05", with_project(clean_document(), 2, spending_plan=plan(None, None, None, None))) == []
    assert (
        run(
            "F05",
            with_project(clean_document(), 2, spending_plan=plan(10, 30, 60, 100)),
            Profile(backloaded_min_percent=Decimal(60)),
        )
        == []
    )
    assert run(
        "F05", clean_document(), Profile(backloaded_month="6月底", backloaded_min_percent=Decimal(60))
    ) == [
        ("F05", 1, None),
        ("F05", 2, None),
    ]
    assert run("F05", with_project(clean_document(), 1, spending_plan=())) == []
    assert run("F05", clean_document()) == []


def test_f06_money_units_convertible() -> None:
    doc = with_indicator(clean_document(), 1, 4, level3="设备购置成本", value="≤5 万美元")
    assert run("F06", doc) == [("F06", 1, 4)]
    assert messages("F06", doc) == [
        "项目 1 成本指标“设备购置成本”的单位“万美元”无法换算为预算金额单位“万元”，无法与预算数比较。"
    ]
    assert run("F06", with_indicator(clean_document(), 2, 4, value="≤65 百元")) == [("F06", 2, 4)]
    assert run("F06", with_indicator(clean_document(), 1, 4, value="≤130000 元")) == []
    assert run("F06", with_indicator(clean_document(), 1, 4, value="≤13 万元")) == []
    assert run("F06", with_indicator(clean_document(), 1, 4, value="≤7300 元/年")) == []  # a unit cost
    assert run("F06", with_indicator(clean_document(), 1, 4, value="≤5 美元/人")) == []
    assert run("F06", with_indicator(clean_document(), 1, 5, value="≥500 美元")) == []  # not a cost indicator
    assert run("F06", with_indicator(clean_document(), 1, 4, value="≤5 人")) == []  # not money
    assert run("F06", with_indicator(clean_document(), 1, 4, value="控制在预算范围内")) == []
    assert (
        run("F06", with_project(with_indicator(clean_document(), 1, 4, value="≤5 万美元"), 1, money_unit=""))
        == []
    )
    assert run("F06", clean_document()) == []


def test_money_rules_on_example(example: PerformanceDocument) -> None:
    found = [t for code in F_CODES for t in run(code, example)]
    every = [1, 2, 3, 4, 5, 6]
    assert found == [
        *(("F02", p, None) for p in every),
        *(("F04", p, None) for p in every),
        *(("F05", p, None) for p in every),
    ]


def test_money_rules_pass_clean_document() -> None:
    for projects in (1, 2, 3):
        assert [t for code in F_CODES for t in run(code, clean_document(projects))] == []


def test_money_rules_tolerate_odd_content() -> None:
    odd = with_project(
        clean_document(),
        1,
        budget_total=Decimal("NaN"),
        budget_fiscal=None,
        budget_other=Decimal("Infinity"),
        money_unit="",
        spending_plan=(SpendingPoint(""), SpendingPoint("年底", Decimal("NaN")), SpendingPoint("12月底")),
        indicators=(),
    )
    doc = replace(
        odd, projects=(*odd.projects, replace(odd.projects[0], spending_plan=plan(None, None, "NaN", 100)))
    )
    for code in F_CODES:
        run(code, doc)
