"""What the CLI prints: a readable outline of a document, and findings as lines, JSON or a summary."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from jixiao.model import (
    SEVERITY_LABELS,
    STATUS_LABELS,
    Finding,
    IndicatorValue,
    PerformanceDocument,
    count_by_severity,
    format_value,
)

if TYPE_CHECKING:
    pass

_KIND_LABELS = {"quantitative": "定量", "qualitative": "定性", "deadline": "时限", "placeholder": "未填"}


def outline(doc: PerformanceDocument) -> str:
    """A readable outline of a document: cover, part one in brief, every project and indicator."""
    year = f"{doc.fiscal_year} 年" if doc.fiscal_year else ""
    status = f"（{STATUS_LABELS[doc.status]}）" if doc.status else ""
    lines = [f"{doc.unit_name or '（单位未知）'} {year}{doc.title}{status}"]
    meta = [
        f"单位代码 {doc.unit_code}" if doc.unit_code else "",
        f"编制 {doc.compiled_by}" if doc.compiled_by else "",
        f"审核 {doc.reviewed_by}" if doc.reviewed_by else "",
        f"指标体系 {doc.framework_version}" if doc.framework_version else "",
    ]
    lines.append("  " + " · ".join(m for m in meta if m))
    goals = doc.department_goals
    if not goals.is_empty:
        lines.append("第一部分 部门整体绩效目标")
        lines.append(f"  总体绩效目标：{_clip(goals.overall_goal, 60)}")
        lines.append(
            f"  分项绩效目标 {len(goals.sub_goals)} 项：" + "；".join(s.title for s in goals.sub_goals)
        )
        lines.append(f"  工作保障措施 {len(goals.safeguards)} 项")
    total = sum((p.budget_total for p in doc.projects if p.budget_total is not None), start=0)
    lines.append(
        f"第二部分 预算项目绩效目标：{len(doc.projects)} 个项目，{doc.indicator_count} 条指标，预算合计 {total:f}"
    )
    for n, p in enumerate(doc.projects, start=1):
        lines.append(f"{n}. {p.name}  [{p.code}]")
        money = "  ".join(
            f"{label} {'—' if v is None else f'{v:f}'}"
            for label, v in (
                ("预算数", p.budget_total),
                ("财政资金", p.budget_fiscal),
                ("其他资金", p.budget_other),
            )
        )
        lines.append(f"   {money}（{p.money_unit}）")
        plan = "  ".join(
            f"{s.month} {'—' if s.percent is None else f'{s.percent:f}%'}" for s in p.spending_plan
        )
        if plan:
            lines.append(f"   资金支出计划：{plan}")
        for g, goal in enumerate(p.goals, start=1):
            lines.append(f"   目标{g}：{goal}")
        for i, ind in enumerate(p.indicators, start=1):
            lines.append(
                f"   {i:>2}. {ind.level1}/{ind.level2}/{ind.level3}：{ind.value.raw or '（空）'}"
                f"  → {reading(ind.value)}"
            )
    return "\n".join(lines) + "\n"


def reading(v: IndicatorValue) -> str:
    """How a value was read: kind, then operator, number and unit (or the deadline, or the text)."""
    if v.kind == "quantitative" and v.number is not None:
        number = f"{v.number:f}" + (f"–{v.upper:f}" if v.upper is not None else "")
        parts = [v.operator or "（未写运算符）", number, v.unit or "（无单位）"]
        text = " ".join(parts)
    elif v.kind == "deadline":
        text = f"{v.operator or ''} {v.deadline or format_value(v)}".strip()
    else:
        text = format_value(v) or "（空）"
    return f"{_KIND_LABELS[v.kind]} {text}"


def _clip(text: str, width: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= width else text[:width] + "…"


def findings_summary(findings: Iterable[Finding], file: str) -> str:
    """One line counting findings by severity, pointing at ``jixiao check``."""
    counts = count_by_severity(list(findings))
    text = "，".join(f"{SEVERITY_LABELS[s]} {n} 条" for s, n in counts.items() if n)
    return f"读取时发现：{text}。用 jixiao check {file} 查看详情。\n"
