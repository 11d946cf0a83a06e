"""What 自评表 and 监控表 share: the lines above their tables, their money lines, and the incomplete-table report.

Before the tables stand the main title (``2024 年项目支出绩效自评表``, a monitoring report's with ``（1–7月）``),
``填报单位：``, ``依据绩效目标：`` and ``评分方案：`` lines; every project's table may have its title line above it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.importers.cleanup import label_key
from jixiao.importers.engine.reader import Reading
from jixiao.importers.engine.reading import FundRow, GridRow, Unit
from jixiao.importers.lines.tracking import (
    Title,
    is_table_title,
    labelled,
    read_targets,
    read_title,
    split_unit,
    starts_with_year,
)
from jixiao.kinds.common import Builder
from jixiao.kinds.titles import DocumentLines, read_labelled
from jixiao.model import FundLine, Subject, TargetsRef
from jixiao.model.normalize import has_digit

DEFAULT_PROFILE = "central"
_PERIOD_LINE = re.compile(
    r"^\s*[(（]\s*(20\d{2})\s*年度?\s*(?:(?:1|一)?\s*[-–—~～至到]\s*(\d{1,2})\s*月份?)?\s*[)）]\s*$"
)
_AMOUNTS = ("budget_initial", "budget_full_year", "executed", "forecast_executed")
_AMOUNT_LABELS = {
    "budget_initial": "年初预算数",
    "budget_full_year": "全年预算数",
    "executed": "执行数",
    "forecast_executed": "全年预计执行数",
}
GRADES = frozenset({"优", "良", "中", "差"})


class TrackingLines:
    """What the lines around a 自评表's or 监控表's tables said."""

    def __init__(self) -> None:
        self.title: Title | None = None
        self.unit: tuple[str | None, str | None] = (None, None)
        self.targets = TargetsRef()
        self.profile = DEFAULT_PROFILE
        self.money_unit: str | None = None
        self.table_month: int | None = None
        self.others = DocumentLines()


def read_lines(reading: Reading, kind_label: str) -> TrackingLines:
    """Read the lines outside the tables; what is not understood is reported."""
    out = TrackingLines()
    ctx = reading.ctx
    seen_unit = False
    for block in reading.blocks:
        if isinstance(block, Unit):
            seen_unit = True
            continue
        text = block.text.strip()
        src = ctx.source(block.line, block.page, text)
        if lab := labelled(text):
            if lab.label == "填报单位":
                out.unit = split_unit(lab.value)
            elif lab.label == "依据绩效目标":
                out.targets = read_targets(lab.value)
            elif lab.label == "评分方案":
                out.profile = lab.value or DEFAULT_PROFILE
            else:
                out.money_unit = lab.value
            continue
        if read_labelled(text, out.others):
            if out.others.money_unit:
                out.money_unit = out.others.money_unit
            continue
        if (period := _PERIOD_LINE.match(text)) is not None:
            out.others.fiscal_year = out.others.fiscal_year or int(period.group(1))
            if period.group(2):
                out.table_month = out.table_month or int(period.group(2))
            continue
        title = read_title(text)
        if out.title is None and not seen_unit and (starts_with_year(text) or is_table_title(text)):
            out.title = title
        elif is_table_title(text) or label_key(text).endswith("表"):
            if title.month is not None:
                out.table_month = out.table_month or title.month
            if out.title is None:
                out.title = title
        elif not seen_unit:
            if out.title is None:
                out.title = title
            else:
                ctx.report("P10", f"表格前的“{text[:40]}”无法识别，已忽略；请核对标题和填报单位。", src)
        else:
            ctx.report(
                "P07",
                f"第 {block.line} 行“{text[:40]}”不在任何表格之中，也不是表格标题，已跳过；请核对它属于哪个项目。",
                src,
            )
    if out.unit == (None, None) and out.others.unit_name:
        out.unit = (out.others.unit_name, out.others.unit_code)
    return out


def fund_lines(b: Builder, funds: list[FundRow]) -> list[FundLine]:
    """The money block's lines as FundLines, each amount read in the block's money unit."""
    lines: list[FundLine] = []
    for f in funds:
        amounts: dict[str, Decimal | None] = {}
        for role in _AMOUNTS:
            cell = f.amounts.get(role)
            if cell is not None:
                amounts[role] = b.money(cell, f"{f.label or '资金'}的{_AMOUNT_LABELS[role]}", role)
        if "amount" in f.amounts and "budget_full_year" not in amounts:
            amounts["budget_full_year"] = b.money(f.amounts["amount"], f.label or "资金", "budget_full_year")
        lines.append(FundLine(f.label, **amounts, source=f.source))
    return lines


def total_row(funds: list[FundRow]) -> FundRow | None:
    """The 年度资金总额 line of a money block (the first line when none is named so)."""
    for f in funds:
        key = label_key(f.label)
        if "总额" in key or "合计" in key or key in ("总计", "预算数", "资金总额"):
            return f
    return funds[0] if funds else None


def summary_number(b: Builder, row: GridRow, what: str, field: str) -> tuple[Decimal | None, str]:
    """The score a 总分/合计 row prints (under 得分, else its last number that is not the 100 of 分值) and a grade."""
    grade = ""
    numbers: list[tuple[str, str]] = []
    for role, text in row.written.items():
        t = text.strip()
        if not t or role in ("seq", "label"):
            continue
        if t in GRADES:
            grade = t
            continue
        if t.startswith(("自评等级", "等级", "评价等级")) and t[-1:] in GRADES:
            grade = t[-1]
            continue
        numbers.append((role, t))
    score = row.cells.get("score")
    if score is not None and score.text.strip():
        return b.decimal(score, what, field), grade
    candidates = [(r, t) for r, t in numbers if r not in ("weight",) and has_digit(t)]
    if not candidates:
        return None, grade
    role, text = candidates[-1]
    if len(candidates) == 1 and text in ("100", "100.00") and role != "score":
        return None, grade
    cell = row.cells.get(role)
    if cell is None:
        return None, grade
    return b.decimal(cell, what, field), grade


def report_incomplete(b: Builder, unit: Unit, what: str, has_name: bool) -> None:
    """A table missing its name, money header, indicator header or rows (P09)."""
    missing = []
    if not has_name:
        missing.append("项目名称和项目编码")
    if not unit.has_money:
        missing.append("项目资金表头（年初预算数、执行数等）")
    if not unit.has_header:
        missing.append("指标表头")
    elif not unit.rows:
        missing.append("指标行")
    if missing:
        b.ctx.report(
            "P09",
            f"{b.label}的{what}不完整：缺少" + "、".join(missing) + "。表格可能被截断或版式不同。",
            unit.source,
            Subject(project=unit.number),
            suggestion=f"核对原文件，补全该项目的{what}。",
        )
