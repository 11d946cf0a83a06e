"""D rules: a failing and a passing example each, written inline; then the example document."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from jixiao.model import DepartmentGoals, PerformanceDocument, Safeguard, SubGoal
from jixiao.rules import Profile

from .helpers import clean_document, messages, run, with_project, with_sub_goal

D_CODES = ("D01", "D02", "D03")

NARRATIVE = "2024 年，认真贯彻落实党的二十大精神，加强对劳模及困难职工的关心关爱，做好困难职工帮扶救助工作。"
COUNTY_POLICY = "全力以赴抓投资、促消费，壮大装备制造产业；全力以赴抓污染、优生态，保障粮食安全。"


def with_goals(doc: PerformanceDocument, **changes: Any) -> PerformanceDocument:
    """The document with fields of part one replaced."""
    return replace(doc, department_goals=replace(doc.department_goals, **changes))


def narrative_only(doc: PerformanceDocument) -> PerformanceDocument:
    """Part one with a narrative overall goal and sub-goals that quote only a satisfaction rate."""
    subs = tuple(
        replace(s, goal="帮扶困难职工 20 人。", indicator_text="落实帮扶资金，使职工满意度达到 80%。")
        for s in doc.department_goals.sub_goals
    )
    return with_goals(doc, overall_goal=NARRATIVE, sub_goals=subs)


def with_total(doc: PerformanceDocument, total: str) -> PerformanceDocument:
    """The document whose overall goal states the department's budget total."""
    return with_goals(doc, overall_goal=f"{doc.department_goals.overall_goal}部门预算总额 {total} 万元。")


def test_d01_part_one_narrative_only() -> None:
    doc = narrative_only(clean_document())
    assert run("D01", doc) == [("D01", None, None)]
    assert messages("D01", doc) == [
        "第一部分部门整体绩效目标只有文字表述：总体绩效目标和 2 条分项绩效指标中，除满意度百分比外没有带计量单位的"
        "产出、效益指标。"
    ]
    assert run("D01", with_sub_goal(doc, 2, indicator_text="帮扶困难职工 20 人，满意度达到 80%。")) == []
    assert run("D01", with_sub_goal(doc, 1, indicator_text="救助资金发放准确率 100%。")) == []
    assert run("D01", with_sub_goal(doc, 1, indicator_text="救助资金发放准确率 100\uff05。")) == []
    assert run("D01", with_sub_goal(doc, 1, indicator_text="使职工满意度达到 80\uff05。")) == [
        ("D01", None, None)
    ]
    assert run("D01", with_sub_goal(doc, 1, indicator_text="", goal="帮扶困难职工不少于 20 人。")) == []
    assert run(
        "D01", with_sub_goal(doc, 1, indicator_text="2024 年 6 月底前完成，第 2 批次满意度 90%。")
    ) == [("D01", None, None)]
    assert run("D01", with_goals(doc, overall_goal="全年发放救助资金 13.10 万元。")) == []
    assert run("D01", replace(doc, department_goals=DepartmentGoals())) == []  # no part one
    assert run("D01", clean_document()) == []


def test_d02_project_budget_total() -> None:
    doc = with_goals(clean_document(3), overall_goal="2024 年帮扶困难职工 60 人，受助职工满意度不低于 90%。")
    assert run("D02", doc) == [("D02", None, None)]
    assert messages("D02", doc) == [
        "第二部分 3 个项目的预算数合计 39.00 万元（13.00 + 13.00 + 13.00）；文本未给出部门预算总额，无从核对。"
    ]
    assert messages("D02", with_total(doc, "40.00")) == [
        "第二部分 3 个项目的预算数合计 39.00 万元（13.00 + 13.00 + 13.00），与第一部分所写部门预算总额 40.00 万元不符，"
        "相差 1.00 万元。"
    ]
    assert run("D02", with_total(doc, "39.00")) == []
    assert run("D02", with_total(doc, "39.004")) == []  # within money_tolerance
    assert run("D02", with_total(doc, "39.004"), Profile(money_tolerance=Decimal("0.001"))) == [
        ("D02", None, None)
    ]
    in_yuan = with_project(with_total(doc, "39.00"), 3, budget_total=Decimal(130000), money_unit="元")
    assert run("D02", in_yuan) == []
    odd_unit = with_project(with_total(doc, "26.00"), 3, money_unit="美元")
    assert messages("D02", odd_unit) == [
        "第二部分 2 个项目的预算数合计 26.00 万元（13.00 + 13.00），第一部分所写部门预算总额为 26.00 万元；"
        "项目 3（单位“美元”）的金额单位无法换算，未计入。"
    ]
    no_budgets = with_project(with_project(clean_document(), 1, budget_total=None), 2, budget_total=None)
    assert run("D02", no_budgets) == []
    assert run("D02", with_total(clean_document(), "26.00")) == []


def test_d03_safeguards_of_county_policy() -> None:
    generic = Safeguard("二", f"主动作为、精准发力，全力推动县委、县政府重大决策部署落实。{COUNTY_POLICY}")
    doc = with_goals(clean_document(), safeguards=(*clean_document().department_goals.safeguards, generic))
    assert run("D03", doc) == [("D03", None, None)]
    assert messages("D03", doc) == [
        "工作保障措施（二）列举的是全县性工作（产业、消费、投资、粮食、生态、污染），没有提到本单位的业务"
        "（如“职工”、“困难”、“帮扶”）。"
    ]
    own = Safeguard("二", f"{COUNTY_POLICY}结合工会职能，做好困难职工帮扶。")
    assert run("D03", with_goals(clean_document(), safeguards=(own,))) == []
    one_word = Safeguard("二", "全力推动县委、县政府重大决策部署落实，做好招商引资。")
    assert run("D03", with_goals(clean_document(), safeguards=(one_word,))) == []
    assert run("D03", with_goals(doc, safeguards=(generic,)), Profile(county_policy_words=())) == []
    # a department whose own business is on the county list (粮食) is not generic when it mentions it
    assert run("D03", with_project(doc, 1, name="粮食安全储备项目")) == []
    nameless = replace(
        doc, unit_name=None, projects=tuple(replace(p, name="", unit_name=None) for p in doc.projects)
    )
    assert run("D03", nameless) == []
    assert run("D03", clean_document()) == []


def test_d03_own_words_from_unit_name() -> None:
    section = Safeguard("一", f"{COUNTY_POLICY}总工会围绕中心、服务大局。")
    doc = with_goals(clean_document(), safeguards=(section,))
    assert run("D03", doc) == []  # 工会 comes from 巨鹿县总工会
    assert run("D03", replace(doc, unit_name="巨鹿县农业农村局")) == [("D03", None, None)]


def test_department_rules_on_example(example: PerformanceDocument) -> None:
    assert [t for code in D_CODES for t in run(code, example)] == [
        ("D01", None, None),
        ("D02", None, None),
        ("D03", None, None),
    ]
    assert messages("D02", example) == [
        "第二部分 6 个项目的预算数合计 678.10 万元（13.00 + 13.10 + 10.00 + 17.00 + 620.00 + 5.00）；"
        "文本未给出部门预算总额，无从核对。"
    ]
    from jixiao.rules import RuleContext

    from .helpers import RULES

    d03 = RULES["D03"]
    (finding,) = d03.check(example, RuleContext(Profile()).bound(d03))
    assert finding.subject.field == "safeguards[1]"
    assert finding.message.startswith("工作保障措施（一）列举的是全县性工作（产业、消费、投资、三农")


def test_department_rules_pass_clean_document() -> None:
    for projects in (1, 2, 3):
        doc = clean_document(projects)
        assert [t for code in ("D01", "D03") for t in run(code, doc)] == []
        # D02 reports the project total until part one states a department total that reconciles with it
        assert run("D02", with_total(doc, f"{13 * projects}.00")) == []


def test_department_rules_tolerate_odd_content() -> None:
    odd = replace(
        clean_document(),
        unit_name="",
        department_goals=DepartmentGoals(
            overall_goal="1.5e3 %% 第 年",
            sub_goals=(SubGoal(title=""),),
            safeguards=(Safeguard("", ""), Safeguard("三", "投资产业 999999999999999999999 亿元")),
        ),
    )
    odd = with_project(odd, 1, budget_total=Decimal("NaN"), money_unit="")
    for code in D_CODES:
        run(code, odd)
