"""Build small documents inline for rule tests, and run one rule on them.

``clean_document()`` is a document that passes every rule; a test changes one thing with ``with_project``
or ``with_indicator`` and asserts on compact tuples ``(code, project, row)``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from jixiao.model import (
    ContentsEntry,
    DepartmentGoals,
    Indicator,
    PerformanceDocument,
    Project,
    Safeguard,
    SpendingPoint,
    SubGoal,
    parse_value,
)
from jixiao.rules import BUILTIN_RULES, Profile, Rule, RuleContext

BASIS = "《巨鹿县职工帮扶工作实施方案》（巨工发〔2023〕5号）"


def ind(
    level1: str, level2: str, level3: str, value: str, basis: str = BASIS, description: str = ""
) -> Indicator:
    """An indicator row; the description defaults to a phrase that differs from the name."""
    return Indicator(level1, level2, level3, description or f"{level3}的年度目标", parse_value(value), basis)


def clean_indicators() -> tuple[Indicator, ...]:
    """Seven rows in the legacy framework that satisfy every rule."""
    return (
        ind("产出指标", "数量指标", "帮扶困难职工人数", "≥20 人"),
        ind("产出指标", "质量指标", "救助资金发放准确率", "=100%"),
        ind("产出指标", "时效指标", "救助资金发放时间", "2024年6月底前"),
        ind("产出指标", "成本指标", "人均救助标准", "≤6500 元/人"),
        ind("效益指标", "经济效益指标", "困难职工家庭人均增收", "≥500 元"),
        ind("效益指标", "社会效益指标", "困难职工脱困率", "≥60%"),
        ind(
            "满意度指标",
            "服务对象满意度指标",
            "受助职工满意度",
            "≥90%",
            basis="2023 年受助职工满意度抽样调查结果（历史标准）",
        ),
    )


def clean_project(number: int = 1, **changes: Any) -> Project:
    """A project that passes every rule; keyword arguments replace its fields."""
    project = Project(
        code=f"13052924P00584011{number:03d}X",
        name=f"困难职工帮扶救助项目{number}",
        budget_total=Decimal("13.00"),
        budget_fiscal=Decimal("13.00"),
        budget_other=Decimal("0.00"),
        purpose="用于困难职工生活救助、医疗救助和子女助学救助",
        spending_plan=(
            SpendingPoint("3月底", Decimal(25)),
            SpendingPoint("6月底", Decimal(50)),
            SpendingPoint("10月底", Decimal(80)),
            SpendingPoint("12月底", Decimal(100)),
        ),
        goals=("帮扶困难职工不少于 20 人", "救助资金按时足额发放", "困难职工家庭人均增收"),
        indicators=clean_indicators(),
        unit_code="711001",
        unit_name="巨鹿县总工会",
    )
    return replace(project, **changes)


def clean_document(projects: int = 2, **changes: Any) -> PerformanceDocument:
    """A document of ``projects`` clean projects, part one and contents matching; keyword arguments replace fields."""
    ps = tuple(clean_project(n) for n in range(1, projects + 1))
    goals = DepartmentGoals(
        overall_goal=f"2024 年部门预算总额 {13 * projects:.2f} 万元，帮扶困难职工 {20 * projects} 人，"
        "救助资金发放准确率 100%，受助职工满意度不低于 90%。",
        sub_goals=tuple(
            SubGoal(
                title=p.name,
                goal="帮扶困难职工不少于 20 人。",
                indicator_text="帮扶困难职工人数不少于 20 人，受助职工满意度达到 90%。",
                number=n,
            )
            for n, p in enumerate(ps, start=1)
        ),
        safeguards=(Safeguard("一", "健全工会帮扶工作机制，明确困难职工建档立卡和救助审批流程。"),),
    )
    doc = PerformanceDocument(
        unit_code="711001",
        unit_name="巨鹿县总工会",
        division_code="130529",
        fiscal_year=2024,
        status="draft",
        compiled_by="巨鹿县总工会",
        reviewed_by="巨鹿县财政局",
        contents=tuple(ContentsEntry(f"{n}.{p.display_title}", n + 4) for n, p in enumerate(ps, start=1)),
        department_goals=goals,
        projects=ps,
        framework_version="legacy_88",
    )
    return replace(doc, **changes)


def with_project(doc: PerformanceDocument, number: int, **changes: Any) -> PerformanceDocument:
    """The document with fields of project ``number`` (1-based) replaced."""
    projects = list(doc.projects)
    projects[number - 1] = replace(projects[number - 1], **changes)
    return replace(doc, projects=tuple(projects))


def with_indicator(doc: PerformanceDocument, project: int, row: int, **changes: Any) -> PerformanceDocument:
    """The document with fields of indicator ``row`` of ``project`` replaced; ``value`` may be given as text."""
    if isinstance(changes.get("value"), str):
        changes["value"] = parse_value(changes["value"])
    rows = list(doc.projects[project - 1].indicators)
    rows[row - 1] = replace(rows[row - 1], **changes)
    return with_project(doc, project, indicators=tuple(rows))


RULES: dict[str, Rule] = {r.code: r for r in BUILTIN_RULES}


def run(
    code: str, doc: PerformanceDocument, profile: Profile | None = None
) -> list[tuple[str, int | None, int | None]]:
    """The findings of one rule as (code, project, row) tuples."""
    rule = RULES[code]
    ctx = RuleContext(profile or Profile()).bound(rule)
    return [(f.code, f.subject.project, f.subject.indicator) for f in rule.check(doc, ctx)]


def messages(code: str, doc: PerformanceDocument, profile: Profile | None = None) -> list[str]:
    """The messages of one rule's findings."""
    rule = RULES[code]
    return [f.message for f in rule.check(doc, RuleContext(profile or Profile()).bound(rule))]


def with_sub_goal(doc: PerformanceDocument, number: int, **changes: Any) -> PerformanceDocument:
    """The document with fields of part one's sub-goal ``number`` (1-based) replaced."""
    subs = list(doc.department_goals.sub_goals)
    subs[number - 1] = replace(subs[number - 1], **changes)
    return replace(doc, department_goals=replace(doc.department_goals, sub_goals=tuple(subs)))
