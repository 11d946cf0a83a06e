"""A project's 绩效目标表 from layout rows: header block, spending plan, goals and the indicator table."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache, partial

from jixiao.importers.assemble.context import Context
from jixiao.importers.assemble.numbers import read_money, read_percent, split_numbered
from jixiao.importers.cleanup import join_broken, join_cjk_spaces, label_key
from jixiao.importers.layout import Row, Table
from jixiao.importers.spending import MonthSpan, month_at, month_spans
from jixiao.model import Indicator, Project, Source, SpendingPoint, Subject, parse_value

INDICATOR_HEADERS: dict[str, str] = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "绩效指标描述": "description",
    "指标描述": "description",
    "指标值": "value",
    "年度指标值": "value",
    "指标值确定依据": "basis",
    "确定依据": "basis",
    "指标解释": "description",
    # operator and unit in columns of their own (Sichuan, Chongqing, the central 2021 template)
    "指标性质": "operator",
    "计算符号": "operator",
    "度量单位": "unit",
    "计量单位": "unit",
}
# Read into the 指标值 cell, not kept as fields of their own: ``＝ | 100 | %`` reads as ``＝100%``.
_VALUE_PARTS = ("operator", "unit")
INDICATOR_FIELDS = ("level1", "level2", "level3", "description", "value", "basis")
FIELD_LABELS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "description": "绩效指标描述",
    "value": "指标值",
    "basis": "指标值确定依据",
    "operator": "指标性质",
    "unit": "度量单位",
}
_ROW_LABELS = (
    "项目编码",
    "项目名称",
    "预算规模",
    "预算数",
    "资金支出计划",
    "绩效目标",
    "一级指标",
    "资金用途",
)
_CODE_SPACE = re.compile(r"\s")


class IndicatorDraft:
    """An indicator row being read: its cells by field (after carry-down) and as written."""

    def __init__(
        self, cells: dict[str, str], written: dict[str, str], source: Source, cell_sources: dict[str, Source]
    ) -> None:
        self.cells = cells
        self.written = written
        self.source = source
        self.cell_sources = cell_sources


class ProjectDraft:
    """A project being read; continued tables append to it before it is frozen."""

    def __init__(
        self,
        source: Source,
        title: str | None = None,
        unit_code: str | None = None,
        unit_name: str | None = None,
        money_unit: str = "万元",
    ) -> None:
        self.source = source
        self.title = title
        self.unit_code = unit_code
        self.unit_name = unit_name
        self.money_unit = money_unit
        self.code = ""
        self.name = ""
        self.budget: dict[str, Decimal | None] = {}
        self.purpose = ""
        self.spending_plan: list[SpendingPoint] = []
        self.goals: tuple[str, ...] = ()
        self.indicators: list[IndicatorDraft] = []
        self.columns: dict[str, int] = {}
        self.cell_sources: dict[str, Source] = {}
        self.has_header = False


@lru_cache(maxsize=4096)
def is_label(cell: str) -> bool:
    """True when a cell is one of the table's row labels."""
    key = label_key(cell)
    return bool(key) and any(key.startswith(lbl) for lbl in _ROW_LABELS)


@lru_cache(maxsize=4096)
def _is_row_label(cell: str) -> bool:
    key = label_key(cell)
    return is_label(cell) or key.startswith(("其中", "其他资金", "财政资金"))


class ProjectTableReader:
    """Reads the rows of one or more tables into a ProjectDraft, reporting every repair."""

    def __init__(self, ctx: Context, draft: ProjectDraft, project_number: int) -> None:
        self.ctx = ctx
        self.draft = draft
        self.number = project_number
        self.mode = "head"
        self.month_spans: list[MonthSpan] = []
        self.carried: dict[str, list[int]] = {"level1": [], "level2": []}
        self.repeated_header: Source | None = None
        self.last_label = ""

    def _rejoin_label(self, table: Table, index: int, row: Row) -> Row:
        """A row label broken by a page (预算规模及资 | 金用途): the rest joins the label above, the row reads on."""
        head, rest = self.last_label, row.cell(0)
        if not (head and rest) or is_label(rest) or not is_label(head + rest):
            return row
        self.ctx.report(
            "P04",
            f"项目 {self.number} 的栏目名称“{head.strip()}{rest.strip()}”被分页断开，"
            f"第 {row.line} 行的“{rest.strip()}”已并回上一页的栏目名称。",
            self._src(table, index, row, 0),
            self._subject(),
        )
        return Row(("", *row.cells[1:]), row.line, row.page)

    # -- cells --------------------------------------------------------------------------------------
    def _src(self, table: Table, row_index: int, row: Row, column: int | None = None) -> Source:
        cell = row.cell(column) if column is not None else None
        return Source(
            file=self.ctx.file,
            page=row.page,
            line=row.line,
            table=table.number,
            row=row_index + 1,
            column=None if column is None else column + 1,
            cell=cell,
        )

    def _clean(
        self,
        text: str,
        src: Source | Callable[[], Source],
        what: str,
        field_name: str | None = None,
        indicator: int | None = None,
    ) -> str:
        """The text with stray spaces between CJK characters removed; a change is reported (S08)."""
        cleaned = join_cjk_spaces(text)
        if cleaned != text.strip():
            self.ctx.report(
                "S08",
                f"{what}“{text.strip()}”中有多余空格，已读作“{cleaned}”。",
                src if isinstance(src, Source) else src(),
                self._subject(field_name, indicator),
            )
        return cleaned

    def _value_after(self, row: Row, label: str) -> tuple[str, int | None]:
        """The cell after a label; one blank cell (a merged gap) may sit between them."""
        for i, cell in enumerate(row.cells):
            if label not in label_key(cell):
                continue
            first = row.cell(i + 1)
            if i + 1 >= len(row.cells) or _is_row_label(first):
                return "", None
            if first.strip():
                return first, i + 1
            second = row.cell(i + 2)
            if second.strip() and not _is_row_label(second):
                return second, i + 2
            return "", i + 1
        return "", None

    # -- rows ---------------------------------------------------------------------------------------
    def read(self, table: Table) -> None:
        """Read every row of a table into the draft."""
        first = True
        for index, original in enumerate(table.rows):
            if original.is_blank:
                continue
            row = self._rejoin_label(table, index, original) if first else original
            first = False
            self.last_label = row.cell(0)
            key = label_key(row.cell(0))
            if key != "一级指标" and self.mode != "indicators":
                self._clean_labels(table, index, row)
            if key == "一级指标":
                self._indicator_header(table, index, row)
            elif self.mode == "indicators":
                self._indicator_row(table, index, row)
            elif key.startswith(("项目编码", "项目名称")):
                self._code_row(table, index, row)
            elif key.startswith(("预算规模", "预算数", "项目资金")):
                self._budget_row(table, index, row)
                self.mode = "purpose"
            elif key.startswith("资金用途") or (key == "" and self.mode == "purpose"):
                self._purpose_row(table, index, row)
            elif key.startswith("资金支出计划"):
                self._spending_header(table, index, row)
            elif key == "" and self.mode == "spending":
                self._spending_values(table, index, row)
            elif key.startswith(("绩效目标", "年度绩效目标", "项目绩效目标")):
                self._goals_row(table, index, row)
            else:
                self.ctx.report(
                    "P07",
                    f"项目 {self.number} 的表格中有一行无法识别（“{row.cell(0) or '（空）'}”开头），已跳过。",
                    self._src(table, index, row, 0),
                    self._subject(),
                )

    def _clean_labels(self, table: Table, index: int, row: Row) -> None:
        for col, cell in enumerate(row.cells):
            if _is_row_label(cell):
                self._clean(cell, partial(self._src, table, index, row, col), "标签")

    def _subject(self, field_name: str | None = None, indicator: int | None = None) -> Subject:
        return Subject(project=self.number, indicator=indicator, field=field_name)

    def _code_row(self, table: Table, index: int, row: Row) -> None:
        d = self.draft
        d.source = self._src(table, index, row)
        code, col = self._value_after(row, "项目编码")
        name, ncol = self._value_after(row, "项目名称")
        if col is not None:
            d.code = code.strip()
            src = self._src(table, index, row, col)
            d.cell_sources["code"] = src
            if _CODE_SPACE.search(d.code):
                self.ctx.report(
                    "S01",
                    f"项目编码“{d.code}”中含有空格（共 {len(d.code)} 个字符），无法确定是否为排版断行，已按原文保留。",
                    src,
                    self._subject("code"),
                    suggestion="核对项目编码，删除其中的空格（规范编码为 21 位）。",
                )
        if ncol is not None:
            src = self._src(table, index, row, ncol)
            d.name = self._clean(name, src, "项目名称", "name")
            d.cell_sources["name"] = src

    def _budget_row(self, table: Table, index: int, row: Row) -> None:
        for field_name, label in (
            ("budget_total", "预算数"),
            ("budget_fiscal", "财政资金"),
            ("budget_other", "其他资金"),
        ):
            text, col = self._value_after(row, label)
            if col is None:
                continue
            src = self._src(table, index, row, col)
            self.draft.cell_sources[field_name] = src
            amount, unit, ok = read_money(text)
            if not ok:
                self.ctx.report(
                    "P08",
                    f"项目 {self.number} 的{label}“{text}”不是金额，已按空白读取。",
                    src,
                    self._subject(field_name),
                    suggestion="填写以万元为单位的数字，如 13.00。",
                )
            if unit and unit != self.draft.money_unit:
                self.ctx.report(
                    "P08",
                    f"项目 {self.number} 的{label}写作“{text}”，与表头单位“{self.draft.money_unit}”不一致。",
                    src,
                    self._subject(field_name),
                )
            self.draft.budget[field_name] = amount

    def _purpose_row(self, table: Table, index: int, row: Row) -> None:
        start = 1 if label_key(row.cell(0)).startswith("资金用途") else 0
        for col in range(start, len(row.cells)):
            if row.cells[col].strip():
                src = self._src(table, index, row, col)
                text = self._clean(row.cells[col], src, "资金用途", "purpose")
                self.draft.purpose = join_broken(self.draft.purpose, text)
                self.draft.cell_sources.setdefault("purpose", src)
        self.mode = "head"

    def _spending_header(self, table: Table, index: int, row: Row) -> None:
        self.month_spans = month_spans(row)
        self.draft.spending_plan = [SpendingPoint(month) for _, _, month in self.month_spans]
        self.draft.cell_sources["spending_plan"] = self._src(table, index, row)
        self.mode = "spending"

    def _spending_values(self, table: Table, index: int, row: Row) -> None:
        self.mode = "head"
        plan = {p.month: p.percent for p in self.draft.spending_plan}
        gaps = any(end > start for start, end, _ in self.month_spans[:-1])
        for col, cell in enumerate(row.cells):
            if not cell.strip() or col == 0:
                continue
            src = self._src(table, index, row, col)
            month = month_at(self.month_spans, col)
            percent, ok = read_percent(cell)
            if month is None or not ok:
                self.ctx.report(
                    "P08",
                    f"项目 {self.number} 的资金支出计划第 {col + 1} 列“{cell}”"
                    + ("不在任何月份之下" if month is None else "不是百分比")
                    + "，已忽略。",
                    src,
                    self._subject("spending_plan"),
                )
                continue
            if plan.get(month) is not None:
                self.ctx.report(
                    "P08",
                    f"项目 {self.number} 的资金支出计划“{month}”下有两个数值，只取第一个。",
                    src,
                    self._subject("spending_plan"),
                )
                continue
            plan[month] = percent
            if gaps:
                self.ctx.report(
                    "P03",
                    f"项目 {self.number} 的资金支出计划：“{cell.strip()}”位于第 {col + 1} 列，"
                    f"按表头对齐读作“{month}”（表头有合并单元格留下的空列，不按数值的先后顺序计数）。",
                    src,
                    self._subject("spending_plan"),
                )
        self.draft.spending_plan = [SpendingPoint(p.month, plan[p.month]) for p in self.draft.spending_plan]

    def _goals_row(self, table: Table, index: int, row: Row) -> None:
        parts = [(i, c) for i, c in enumerate(row.cells) if i > 0 and c.strip()]
        text = " ".join(c.strip() for _, c in parts)
        src = self._src(table, index, row, parts[0][0] if parts else None)
        goals = []
        for goal in split_numbered(text):
            goals.append(self._clean(goal, src, "绩效目标", "goals"))
        self.draft.goals = self.draft.goals + tuple(goals)
        self.draft.cell_sources.setdefault("goals", src)
        self.mode = "head"

    # -- indicators ---------------------------------------------------------------------------------
    def _indicator_header(self, table: Table, index: int, row: Row) -> None:
        columns: dict[str, int] = {}
        for col, cell in enumerate(row.cells):
            name = INDICATOR_HEADERS.get(label_key(cell))
            if name and name not in columns:
                columns[name] = col
                if label_key(cell) != cell.strip():
                    self._clean(cell, partial(self._src, table, index, row, col), "表头")
        self.repeated_header = self._src(table, index, row) if self.draft.has_header else None
        missing = [f for f in INDICATOR_FIELDS if f not in columns]
        if missing:
            self.ctx.report(
                "P06",
                f"项目 {self.number} 的指标表头缺少"
                + "、".join(f"“{FIELD_LABELS[f]}”" for f in missing)
                + "列，这些内容按空白读取。",
                self._src(table, index, row),
                self._subject(),
                suggestion="补齐表头：一级指标、二级指标、三级指标、绩效指标描述、指标值、指标值确定依据。",
            )
        self.draft.columns = columns
        self.draft.has_header = True
        self.mode = "indicators"

    def _indicator_row(self, table: Table, index: int, row: Row) -> None:
        cols = self.draft.columns
        written = {f: row.cell(c).strip() for f, c in cols.items()}
        if "operator" in written or "unit" in written:
            written = _join_value_columns(written)
        prev = self.draft.indicators[-1] if self.draft.indicators else None
        filled = [f for f, text in written.items() if text]
        if prev and filled and _continues(prev, written, filled):
            self._continue_indicator(prev, written, filled, table, index, row)
            return
        short = [f for f, c in cols.items() if c >= len(row.cells)]
        ordinal = len(self.draft.indicators) + 1
        if short:
            self.ctx.report(
                "P05",
                f"项目 {self.number} 指标表第 {ordinal} 行只有 {len(row.cells)} 列，缺少"
                + "、".join(f"“{FIELD_LABELS[f]}”" for f in short)
                + "，按空白读取。",
                self._src(table, index, row),
                self._subject(indicator=ordinal),
            )
        cells: dict[str, str] = {}
        sources: dict[str, Source] = {}
        for f in INDICATOR_FIELDS:
            col = cols.get(f)
            src = self._src(table, index, row, col) if col is not None else self._src(table, index, row)
            sources[f] = src
            text = written.get(f, "")
            cells[f] = text if f == "value" else self._clean(text, src, FIELD_LABELS[f], f, ordinal)
        for f in ("level1", "level2"):
            if not cells[f] and prev is not None:
                cells[f] = prev.cells[f]
                self.carried[f].append(ordinal)
        if self.repeated_header is not None:
            self._report_continuation(ordinal, cells, written, row)
        self.draft.indicators.append(IndicatorDraft(cells, written, self._src(table, index, row), sources))

    def _report_continuation(
        self, ordinal: int, cells: dict[str, str], written: dict[str, str], row: Row
    ) -> None:
        assert self.repeated_header is not None
        inherited = "" if written.get("level1") else f"续表第一行的一级指标为空，沿用“{cells['level1']}”；"
        self.ctx.report(
            "S04",
            f"项目 {self.number}“{self.draft.name}”的指标表在第 {self.repeated_header.line} 行重复了表头"
            f"（跨页续表），已并入该项目：{inherited}第 {row.line} 行起为该项目的第 {ordinal} 条指标。",
            self.repeated_header,
            self._subject(indicator=ordinal),
        )
        self.repeated_header = None

    def _continue_indicator(
        self,
        prev: IndicatorDraft,
        written: dict[str, str],
        filled: list[str],
        table: Table,
        index: int,
        row: Row,
    ) -> None:
        for f in filled:
            prev.cells[f] = join_broken(prev.cells[f], join_cjk_spaces(written[f]))
            prev.written[f] = join_broken(prev.written[f], written[f])
        self.ctx.report(
            "P04",
            f"项目 {self.number} 指标表第 {len(self.draft.indicators)} 行的"
            + "、".join(f"“{FIELD_LABELS[f]}”" for f in filled)
            + f"在第 {row.line} 行断开，已连接为一个单元格。",
            self._src(table, index, row),
            self._subject(indicator=len(self.draft.indicators)),
        )

    def finish_carry_report(self) -> None:
        """Report the blank merged cells filled from the row above, one finding per level."""
        for f, rows in self.carried.items():
            if rows:
                self.ctx.report(
                    "P02",
                    f"项目 {self.number} 指标表第 {_ranges(rows)} 行的{FIELD_LABELS[f]}为空（合并单元格），"
                    "已沿用上一行。",
                    self.draft.indicators[rows[0] - 1].source,
                    self._subject(f),
                )
        self.carried = {"level1": [], "level2": []}


def _join_value_columns(written: dict[str, str]) -> dict[str, str]:
    """Operator, value and unit from three columns joined into one 指标值 as it would be written in one cell."""
    operator, unit = written.pop("operator", ""), written.pop("unit", "")
    if operator in ("定性", "6"):
        operator = ""
    value = written.get("value", "")
    if value and value[-1:].isdigit() and unit and unit not in ("%", "％", "‰"):
        unit = " " + unit
    written["value"] = f"{operator}{value}{unit}" if value else ""
    return written


def _continues(prev: IndicatorDraft, written: dict[str, str], filled: list[str]) -> bool:
    """A row without 三级指标 and 指标值 whose texts all sit under filled cells: a cell broken across lines."""
    return not written.get("level3") and not written.get("value") and all(prev.written.get(f) for f in filled)


def _ranges(rows: list[int]) -> str:
    spans: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        spans.append(str(start) if start == prev else f"{start}–{prev}")
        if r is not None:
            start = prev = r
    return "、".join(spans)


def freeze(draft: ProjectDraft) -> Project:
    """The immutable Project of a finished draft."""
    indicators = tuple(
        Indicator(
            level1=d.cells["level1"],
            level2=d.cells["level2"],
            level3=d.cells["level3"],
            description=d.cells["description"],
            value=parse_value(d.cells["value"]),
            basis=d.cells["basis"],
            source=d.source,
            cell_sources=tuple(d.cell_sources.items()),
        )
        for d in draft.indicators
    )
    return Project(
        code=draft.code,
        name=draft.name,
        budget_total=draft.budget.get("budget_total"),
        budget_fiscal=draft.budget.get("budget_fiscal"),
        budget_other=draft.budget.get("budget_other"),
        money_unit=draft.money_unit,
        purpose=draft.purpose,
        spending_plan=tuple(draft.spending_plan),
        goals=draft.goals,
        indicators=indicators,
        unit_code=draft.unit_code,
        unit_name=draft.unit_name,
        title=draft.title if draft.title != f"{draft.name}绩效目标表" else None,
        source=draft.source,
        cell_sources=tuple(draft.cell_sources.items()),
    )
