"""What every kind does with the engine's cells: read money, numbers, values and texts, reporting each repair."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from jixiao.importers.cleanup import join_broken, label_key
from jixiao.importers.engine.cells import (
    is_blank,
    join_unit,
    join_value,
    read_lines,
    read_money,
    read_number,
    split_numbered,
)
from jixiao.importers.engine.context import Context, where
from jixiao.importers.engine.reading import Cell, FundRow, GridRow, Unit
from jixiao.model import Direction, FundSource, IndicatorValue, Source, Subject, parse_value

_PARTS = re.compile(r"([^\d\s：:；;，,]{1,8})\s*[:：]\s*([+-]?\d[\d,，]*(?:\.\d+)?)\s*(万元|元)?")
_TICKED = re.compile(r"[☑√■▇✔✓☒]\s*([^☑√■▇✔✓☒□☐○\s]+)")
_CODE_SPACE = re.compile(r"\s")


class Builder:
    """A unit being made into a record: its number for messages and the context that collects findings."""

    def __init__(self, ctx: Context, unit: Unit, money_unit: str = "万元") -> None:
        self.ctx = ctx
        self.unit = unit
        self.number = unit.number
        self.money_unit = money_unit

    @property
    def label(self) -> str:
        """``项目 2“某某项目”`` for messages."""
        name = self.unit.text("project_name")
        return f"项目 {self.number}“{name}”" if name else f"项目 {self.number}"

    def subject(self, field: str | None = None, indicator: int | None = None) -> Subject:
        """The subject of a finding on this unit."""
        return Subject(project=self.number, indicator=indicator, field=field)

    # -- texts ----------------------------------------------------------------------------------------------
    def clean(self, text: str, src: Source, what: str, field: str, indicator: int | None = None) -> str:
        """The text with stray spaces between CJK characters removed; a change is reported (S08)."""
        return self.ctx.clean(text, src, what, self.subject(field, indicator))

    def joined(self, role: str, what: str, clean: bool = True) -> tuple[str, Source | None]:
        """All fields of a role joined (a cell broken over rows), cleaned; and where the first was."""
        cells = self.unit.fields.get(role, [])
        text = ""
        for cell in cells:
            part = self.clean(cell.text, cell.source, what, role) if clean else cell.text.strip()
            text = join_broken(text, part)
        return text, cells[0].source if cells else None

    def items(self, role: str, what: str) -> tuple[tuple[str, ...], Source | None]:
        """A numbered list (goals) from the fields of a role: ``1.… 2.…`` split, each item cleaned."""
        cells = self.unit.fields.get(role, [])
        found: list[str] = []
        for cell in cells:
            found += [self.clean(item, cell.source, what, role) for item in split_numbered(cell.text)]
        return tuple(found), cells[0].source if cells else None

    def lines(self, role: str) -> str:
        """A field's texts as lines (a numbered list one item a line)."""
        text = " ".join(c.text for c in self.unit.fields.get(role, []))
        return read_lines(text) if text else ""

    # -- numbers -------------------------------------------------------------------------------------------
    def money(self, cell: Cell | None, what: str, field: str) -> Decimal | None:
        """An amount in the form's money unit; a cell that is not one is reported (P08) and read as blank."""
        if cell is None:
            return None
        amount, unit, ok = read_money(cell.text)
        if not ok:
            parts = _PARTS.findall(cell.text)
            if parts:
                return sum((Decimal(p[1].replace(",", "").replace("，", "")) for p in parts), Decimal(0))
            self.ctx.report(
                "P08",
                f"{self.where(cell)}{self.label}的{what}“{cell.text}”不是金额，已按空白读取。"
                f"请填写以{self.money_unit}为单位的数字，如 13.00。",
                cell.source,
                self.subject(field),
                suggestion=f"填写以{self.money_unit}为单位的数字，如 13.00。",
            )
        elif unit and unit != self.money_unit:
            self.ctx.report(
                "P08",
                f"{self.where(cell)}{self.label}的{what}写作“{cell.text}”，与表头单位“{self.money_unit}”不一致；"
                "已按所写数字读取，请核对单位。",
                cell.source,
                self.subject(field),
            )
        return amount

    def decimal(
        self, cell: Cell | None, what: str, field: str, indicator: int | None = None
    ) -> Decimal | None:
        """A score or weight; a cell that is not a number is reported (P08) and read as blank."""
        if cell is None:
            return None
        value, ok = read_number(cell.text)
        if not ok:
            row = f"第 {indicator} 条指标的" if indicator is not None else ""
            self.ctx.report(
                "P08",
                f"{where(cell.source)}：{self.label}{row}“{what}”写作“{cell.text}”，不是数字，已按空白读取。"
                "请在该单元格填写阿拉伯数字（如 90 或 8.5），不要写汉字或其他文字。",
                cell.source,
                self.subject(field, indicator),
                suggestion="填写阿拉伯数字，如 90 或 8.5。",
            )
        return value

    def where(self, cell: Cell) -> str:
        """``file 表 1 第 3 行第 2 列：`` for a message, '' when the file has lines (the finding says them)."""
        return "" if cell.source.line is not None and cell.source.table is None else f"{where(cell.source)}："


def text_of(row: GridRow, role: str) -> str:
    """A grid row's text of a role, '' when the grid has no such column."""
    cell = row.cells.get(role)
    return cell.text if cell is not None else ""


def value_of(row: GridRow, role: str = "target") -> str:
    """A 指标值 as written: the cell, or operator, number and unit joined from their own columns."""
    value = text_of(row, role)
    if role == "target" and ("operator" in row.cells or "unit" in row.cells):
        return join_value(value, text_of(row, "operator"), text_of(row, "unit"))
    if role != "target" and "unit" in row.cells:
        return join_unit(value, text_of(row, "unit"))
    return value.strip()


def optional_value(text: str) -> IndicatorValue | None:
    """The reading of a value cell, or None when the cell is empty."""
    return parse_value(text) if text and not text.isspace() else None


def direction_of(text: str) -> Direction:
    """正向 / 反向 from a 指标方向 cell (正向指标, 反向, 越低越好 …); '' when it says neither."""
    if not text:
        return ""
    key = label_key(text)
    if not key:
        return ""
    if "反" in key or "越低" in key or "越小" in key or "逆向" in key:
        return "反向"
    if "正" in key or "越高" in key or "越大" in key:
        return "正向"
    return ""


def is_core(row: GridRow) -> bool:
    """True for a core indicator: ★ before its name or on its header, or 是 in a 是否核心指标 column."""
    if "core" not in row.cells and "level3" not in row.cells:
        return False
    name = text_of(row, "level3")
    if name.startswith(("★", "☆")) or name.endswith("★"):
        return True
    mark = text_of(row, "core")
    return label_key(mark) in ("是", "√", "★", "核心", "y", "Y")


def strip_core_mark(name: str) -> str:
    """A 三级 name without the ★ that marks a core indicator."""
    return name.strip().strip("★☆").strip()


_POINTS = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")


@lru_cache(maxsize=8192)
def level_text(text: str) -> str:
    """A level label as read: no whitespace inside, no points note (产出指标(50分) → 产出指标)."""
    key = "".join(text.split())
    return _POINTS.sub("", key) if "分" in key else key


def ticked(text: str) -> str:
    """The options ticked in a checkbox cell (☑本级项目 □转移支付 → 本级项目); the text when none is ticked."""
    found = _TICKED.findall(text)
    if found:
        return "、".join(found)
    return "" if "□" in text or "☐" in text else text.strip()


def check_code(b: Builder, code: str, src: Source) -> None:
    """A project code with spaces in it cannot be told from a layout break: reported (S01), kept as written."""
    if _CODE_SPACE.search(code):
        b.ctx.report(
            "S01",
            f"项目编码“{code}”中含有空格（共 {len(code)} 个字符），无法确定是否为排版断行，已按原文保留。",
            src,
            b.subject("code"),
            suggestion="核对项目编码，删除其中的空格（规范编码为 21 位）。",
        )


def fund_sources(b: Builder, funds: list[FundRow]) -> list[FundSource]:
    """The money lines of a head block as FundSources, periods settled.

    A line whose label names no period is the year's, unless the form prints the year's total apart (当年资金总额
    beside 资金总额): then the unmarked lines are the whole period's (中期).
    """
    # 资金总额 beside 当年资金总额: the unmarked lines are the whole period's
    two_totals = any(f.is_total and f.period == "annual" for f in funds) and any(
        f.is_total and not f.period for f in funds
    )
    out: list[FundSource] = []
    for f in funds:
        cell = f.amounts.get("amount") or next(iter(f.amounts.values()), None)
        period = f.period or ("mid_term" if two_totals else "annual")
        label = f.label.strip().rstrip(":：")
        amount = b.money(cell, label, _national_field(label, f.is_total)) if cell is not None else None
        out.append(
            FundSource(label, amount, "mid_term" if period == "mid_term" else "annual", f.is_total, f.source)
        )
    return out


def _fund_key(label: str) -> str:
    """A money line's label without 其中： and the year it is of (当年其他资金 → 其他资金)."""
    key = label_key(label).removeprefix("其中:")
    for year in ("当年", "本年", "年度", "全年"):
        if key.startswith(year) and len(key) > len(year) + 1:
            return key.removeprefix(year)
    return key


def _national_field(label: str, is_total: bool) -> str:
    key = _fund_key(label)
    if is_total:
        return "budget_total"
    if "财政" in key and "专户" not in key:
        return "budget_fiscal"
    return "budget_other" if key.startswith("其他") else "funds"


def national_split(funds: list[FundSource]) -> tuple[dict[str, Decimal | None], dict[str, Source], bool]:
    """预算数 / 财政资金 / 其他资金 from the year's money lines; True when those three say all the lines say."""
    found: dict[str, Decimal | None] = {}
    sources: dict[str, Source] = {}
    complete = True
    for f in funds:
        if f.period != "annual":
            complete = False
            continue
        key = _fund_key(f.label)
        name: str | None = None
        if f.is_total:
            name = "budget_total"
        elif "财政" in key and "专户" not in key:
            name = "budget_fiscal"
        elif key.startswith("其他资金") or key == "其他":
            name = "budget_other"
        if name is None or name in found:
            complete = False
            continue
        found[name] = f.amount
        sources[name] = f.source
    return found, sources, complete


def blank(text: str) -> bool:
    """True for an empty or dash cell."""
    return is_blank(text)


def report_missing_columns(b: Builder, unit: Unit, required: tuple[str, ...], labels: dict[str, str]) -> None:
    """An indicator header without a column the kind needs (P06)."""
    if not unit.has_header:
        return
    roles = {c.role for c in unit.columns}
    missing = [r for r in required if r not in roles]
    if missing:
        names = "、".join(f"“{labels[r]}”" for r in missing)
        b.ctx.report(
            "P06",
            f"{b.label}的指标表头缺少{names}列，这些内容按空白读取；请在指标表头补上{names}列并填写。",
            unit.header_source or unit.source,
            b.subject(missing[0]),
            suggestion="补齐指标表头：" + "、".join(labels[r] for r in required) + "。",
        )


def report_unkept(b: Builder, unit: Unit, kept: frozenset[str], what: str) -> None:
    """A column the record does not keep (半年度指标值, 中长期指标值 in a 监控表 …), holding text: P11, once each."""
    for col in unit.columns:
        if col.role in kept or col.role in ("seq", "label", "unknown"):
            continue
        filled = [r for r in unit.rows if text_of(r, col.role).strip()]
        if not filled:
            continue
        src = filled[0].cells[col.role].source
        header = unit.header_source or unit.source
        b.ctx.report(
            "P11",
            f"{where(src)}：{b.label}指标表的“{col.header}”列不属于{what}的记录内容，未读取（导出时不会写出）；"
            "请保留原文件备查。",
            header._replace(column=col.at + 1, cell=col.header),
            b.subject(),
        )
