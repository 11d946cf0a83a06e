"""One project's 自评表 or 监控表 from layout rows: head, money block, goals, spending plan, indicators, total.

Rows are recognised by their labels and headers, not by their position, so the SPEC §6.2 layout, the Sichuan
2023 variant (指标性质 | 指标值 | 度量单位, 权重, 调整后预算数, four fund rows) and Huangshi's monitoring table
read alike. Values are placed under the header cell they sit below (merged cells leave blanks). Every cell
that cannot be read is reported with where it is and what to do; nothing raises.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.importers.assemble.context import Context
from jixiao.importers.assemble.numbers import read_money, read_percent
from jixiao.importers.assemble.project_table import _ranges
from jixiao.importers.cleanup import join_broken, join_cjk_spaces, label_key
from jixiao.importers.layout import Row, Table
from jixiao.importers.spending import MonthSpan, month_at, month_spans
from jixiao.importers.tracking.cells import (
    join_unit,
    join_value,
    read_lines,
    read_number,
    split_reason,
    where,
)
from jixiao.importers.tracking.labels import (
    COLUMN_LABELS,
    EVALUATION_COLUMNS,
    GRADE_LABELS,
    GRADES,
    HEAD_LABELS,
    MONEY_COLUMNS,
    MONITORING_COLUMNS,
    MONITORING_FOOTERS,
    NOT_KEPT_FOOTERS,
    REQUIRED_COLUMNS,
    Kind,
    column_of,
    header_key,
    is_not_kept,
    row_label,
)
from jixiao.model import FundLine, Source, SpendingPoint, Subject

_MONEY_BLOCK = re.compile(r"^(?:项目资金|资金情况|预算资金|项目预算)(?:\((.+)\))?")
_GOAL_BLOCK = ("年度总体目标", "总体目标", "年度目标")
_INDICATOR_BLOCK = ("绩效指标", "年度绩效指标")
_TOTAL = ("总分", "自评总分", "合计得分")
_GRADE_IN_CELL = re.compile(r"^(?:自评|评价)?等级\s*[:：]?\s*(优|良|中|差)$")
_TEXT_FIELDS = ("level1", "level2", "level3")
_NUMBER_FIELDS = ("weight", "score")


class RowDraft:
    """An indicator row being read: its texts and numbers by field, as written, and where each cell was."""

    def __init__(self, source: Source) -> None:
        self.texts: dict[str, str] = {}
        self.numbers: dict[str, Decimal | None] = {}
        self.written: dict[str, str] = {}
        self.source = source
        self.cell_sources: dict[str, Source] = {}


class ProjectDraft:
    """A project's table being read; tables continued after a page break append to it."""

    def __init__(self, number: int, source: Source, money_unit: str | None) -> None:
        self.number = number
        self.source = source
        self.texts: dict[str, str] = {}
        self.numbers: dict[str, Decimal | None] = {}
        self.money_unit = money_unit or "万元"
        self.funds: list[FundLine] = []
        self.spending_plan: list[SpendingPoint] = []
        self.rows: list[RowDraft] = []
        self.cell_sources: dict[str, Source] = {}
        self.has_header = False
        self.has_money = False
        self.month: int | None = None  # a period read from a header (1–7月执行数)

    @property
    def label(self) -> str:
        """``项目 2“公安局辅警工会费”`` for messages."""
        name = self.texts.get("name", "")
        return f"项目 {self.number}“{name}”" if name else f"项目 {self.number}"


class ProjectTableReader:
    """Reads the rows of one or more tables into a ProjectDraft, reporting every repair and doubt."""

    def __init__(self, ctx: Context, kind: Kind, draft: ProjectDraft) -> None:
        self.ctx = ctx
        self.kind = kind
        self.draft = draft
        self.mode = "head"
        self.columns: dict[str, int] = {}
        self.money_columns: dict[str, int] = {}
        self.goal_spans: list[tuple[int, int, str]] = []
        self.month_spans: list[MonthSpan] = []
        self.carried: list[int] = []
        self.not_kept_reported: set[str] = set()

    # -- helpers ------------------------------------------------------------------------------------
    def _src(self, table: Table, index: int, row: Row, column: int | None = None) -> Source:
        return Source(
            file=self.ctx.file,
            page=row.page,
            line=row.line,
            table=table.number,
            row=index + 1,
            column=None if column is None else column + 1,
            cell=row.cell(column) if column is not None else None,
        )

    def _subject(self, field: str | None = None, indicator: int | None = None) -> Subject:
        return Subject(project=self.draft.number, indicator=indicator, field=field)

    def _number(
        self, text: str, src: Source, what: str, field: str, indicator: int | None = None
    ) -> Decimal | None:
        value, ok = read_number(text)
        if not ok:
            row = f"第 {indicator} 条指标的" if indicator is not None else ""
            self.ctx.report(
                "P08",
                f"{where(src)}：{self.draft.label}{row}“{what}”写作“{text.strip()}”，不是数字，已按空白读取。"
                f"请在该单元格填写阿拉伯数字（如 90 或 8.5），不要写汉字或其他文字。",
                src,
                self._subject(field, indicator),
                suggestion="填写阿拉伯数字，如 90 或 8.5。",
            )
        return value

    def _money(self, text: str, src: Source, what: str, field: str) -> Decimal | None:
        amount, unit, ok = read_money(text)
        if not ok:
            self.ctx.report(
                "P08",
                f"{where(src)}：{self.draft.label}的“{what}”写作“{text.strip()}”，不是金额，已按空白读取。"
                f"请填写以{self.draft.money_unit}为单位的数字，如 13.00。",
                src,
                self._subject(field),
                suggestion=f"填写以{self.draft.money_unit}为单位的数字，如 13.00。",
            )
        elif unit and unit != self.draft.money_unit:
            self.ctx.report(
                "P08",
                f"{where(src)}：{self.draft.label}的“{what}”写作“{text.strip()}”，"
                f"与表头的金额单位“{self.draft.money_unit}”不一致；已按所写数字读取，请核对单位。",
                src,
                self._subject(field),
            )
        return amount

    def _clean(self, text: str, src: Source, what: str, field: str, indicator: int | None = None) -> str:
        cleaned = join_cjk_spaces(text)
        if cleaned != text.strip():
            self.ctx.report(
                "S08",
                f"{self.draft.label}的{what}“{text.strip()}”中有多余空格，已读作“{cleaned}”。",
                src,
                self._subject(field, indicator),
            )
        return cleaned

    # -- rows ---------------------------------------------------------------------------------------
    def read(self, table: Table, start: int = 0) -> int | None:
        """Read a table's rows from ``start``; returns the index of a row starting another project, if any."""
        for index in range(start, len(table.rows)):
            row = table.rows[index]
            if row.is_blank:
                continue
            if index > start and self._starts_project(row):
                return index
            self.row(table, index, row)
        return None

    def _starts_project(self, row: Row) -> bool:
        """A 项目名称/项目编码 row once this project has its name or code and has gone past its head."""
        field = HEAD_LABELS.get(row_label(_first(row)))
        return field in ("name", "code") and self.mode != "head" and bool(self.draft.texts.get(field))

    def row(self, table: Table, index: int, row: Row) -> None:
        """Read one row by its label, or by the section it is in."""
        first = _first(row)
        key = row_label(first)
        header = self._indicator_columns(row)
        if header is not None:
            self._indicator_header(table, index, row, header)
        elif self._is_money_header(row):
            self._money_header(table, index, row)
        elif key in HEAD_LABELS:
            self._head_row(table, index, row)
        elif key.startswith(_GOAL_BLOCK):
            self._goal_header(table, index, row)
        elif key.startswith("资金支出计划"):
            self._spending_header(table, index, row)
        elif key.startswith(_TOTAL):
            self._total_row(table, index, row)
        elif key in GRADE_LABELS:
            self._grade_row(table, index, row)
        elif self.kind == "monitoring" and key in MONITORING_FOOTERS and self.mode != "money":
            self._footer_row(table, index, row, MONITORING_FOOTERS[key])
        elif key in NOT_KEPT_FOOTERS and self.mode in ("indicators", "footer"):
            self._not_kept_footer(table, index, row, first)
        elif self.mode == "money":
            self._fund_row(table, index, row)
        elif self.mode == "goals":
            self._goal_values(table, index, row)
        elif self.mode == "spending":
            self._spending_values(table, index, row)
        elif self.mode == "indicators":
            self._indicator_row(table, index, row)
        else:
            self.ctx.report(
                "P07",
                f"{where(self._src(table, index, row))}：{self.draft.label}的表格中有一行无法识别"
                f"（“{first[:30] or '（空）'}”开头），已跳过；请核对它属于哪一栏。",
                self._src(table, index, row, 0),
                self._subject(),
            )

    # -- the head: 项目名称, 项目编码, 主管部门, 实施单位 ---------------------------------------------------
    def _head_row(self, table: Table, index: int, row: Row) -> None:
        cells = row.cells
        for col, cell in enumerate(cells):
            field = HEAD_LABELS.get(row_label(cell))
            if field is None:
                continue
            value_col = next(
                (
                    c
                    for c in range(col + 1, len(cells))
                    if cells[c].strip() or row_label(cells[c]) in HEAD_LABELS
                ),
                None,
            )
            if value_col is None or row_label(cells[value_col]) in HEAD_LABELS:
                self.draft.cell_sources[field] = self._src(table, index, row, col)
                self.draft.texts.setdefault(field, "")
                continue
            src = self._src(table, index, row, value_col)
            text = cells[value_col].strip()
            self.draft.texts[field] = text if field == "code" else self._clean(text, src, cell.strip(), field)
            self.draft.cell_sources[field] = src
        self.mode = "head"

    # -- the money block ----------------------------------------------------------------------------
    def _is_money_header(self, row: Row) -> bool:
        found = {column_of(c, MONEY_COLUMNS)[0] for c in row.cells if c.strip()}
        return len(found & {"budget_initial", "budget_full_year", "executed", "forecast_executed"}) >= 2

    def _money_header(self, table: Table, index: int, row: Row) -> None:
        self.money_columns = {}
        for col, cell in enumerate(row.cells):
            m = _MONEY_BLOCK.match(label_key(cell))
            if m and m.group(1):
                self.draft.money_unit = m.group(1)
            field, month = column_of(cell, MONEY_COLUMNS)
            if field and field not in self.money_columns:
                self.money_columns[field] = col
                if month is not None and field == "executed":
                    self.draft.month = month
        self.draft.has_money = True
        required = ("executed", "budget_full_year") if self.kind == "self_evaluation" else ("executed",)
        missing = [f for f in required if f not in self.money_columns]
        if (
            self.kind == "self_evaluation"
            and "budget_full_year" in missing
            and "budget_initial" in self.money_columns
        ):
            missing.remove("budget_full_year")  # the budget was not adjusted: 年初预算数 stands for it
        if missing:
            names = "、".join(f"“{COLUMN_LABELS[f]}”" for f in missing)
            self.ctx.report(
                "P06",
                f"{where(self._src(table, index, row))}：{self.draft.label}的资金表头缺少{names}列，这些金额按空白读取；"
                "请在资金表头补上该列。",
                self._src(table, index, row),
                self._subject(missing[0]),
                suggestion="补齐资金表头：年初预算数、全年预算数、全年执行数（监控表为执行数、全年预计执行数）。",
            )
        self.mode = "money"

    def _fund_row(self, table: Table, index: int, row: Row) -> None:
        first_money = min(self.money_columns.values(), default=len(row.cells))
        name_col = next(
            (
                c
                for c in range(min(first_money, len(row.cells)))
                if row.cells[c].strip() and not _MONEY_BLOCK.match(label_key(row.cells[c]))
            ),
            None,
        )
        name = "" if name_col is None else join_cjk_spaces(row.cells[name_col])
        amounts: dict[str, Decimal | None] = {}
        sources: dict[str, Source] = {}
        for field in ("budget_initial", "budget_full_year", "executed", "forecast_executed"):
            col = self.money_columns.get(field)
            if col is None:
                continue
            src = self._src(table, index, row, col)
            sources[field] = src
            amounts[field] = self._money(
                row.cell(col), src, f"{name or '资金'}的{COLUMN_LABELS[field]}", field
            )
        line = FundLine(name, **amounts, source=self._src(table, index, row, name_col))
        is_total = line.is_total or not self.draft.funds
        for field, name_of in (("weight", "execution_weight"), ("score", "execution_score")):
            col = self.money_columns.get(field)
            if col is None:
                continue
            text = row.cell(col)
            src = self._src(table, index, row, col)
            if is_total:
                self.draft.cell_sources[name_of] = src
            if text.strip() and text.strip() not in ("—", "-", "/"):
                what = "分值" if field == "weight" else "得分"
                value = self._number(text, src, f"{name or '资金'}的{what}", name_of)
                if value is not None and self.draft.numbers.get(name_of) is None:
                    self.draft.numbers[name_of] = value
                    self.draft.cell_sources[name_of] = src
        col = self.money_columns.get("reason")
        if col is not None and row.cell(col).strip() and not self.draft.texts.get("execution_reason"):
            self.draft.texts["execution_reason"] = row.cell(col).strip()
            self.draft.cell_sources["execution_reason"] = self._src(table, index, row, col)
        elif col is not None and is_total:
            self.draft.cell_sources.setdefault("execution_reason", self._src(table, index, row, col))
        if is_total:
            for field, src in sources.items():
                self.draft.cell_sources[field] = src
        self.draft.funds.append(line)

    # -- 年度总体目标 ---------------------------------------------------------------------------------
    def _goal_header(self, table: Table, index: int, row: Row) -> None:
        heads = [(c, row_label(t)) for c, t in enumerate(row.cells) if c > 0 and t.strip()]
        fields = {"预期目标": "overall_goal", "年度目标": "overall_goal", "实际完成情况": "achieved"}
        fields.update({"实际完成": "achieved", "完成情况": "achieved", "目标完成情况": "achieved"})
        named = [(c, fields[k]) for c, k in heads if k in fields]
        self.goal_spans = []
        if named:
            for n, (col, field) in enumerate(named):
                end = named[n + 1][0] - 1 if n + 1 < len(named) else max(len(row.cells) - 1, col)
                self.goal_spans.append((col, end, field))
            self.mode = "goals"
            return
        # ``年度总体目标 | <text>``: the goal itself on the label's row
        text = " ".join(row.cells[c].strip() for c, _ in heads)
        src = self._src(table, index, row, heads[0][0] if heads else None)
        self.draft.texts["overall_goal"] = read_lines(
            join_broken(self.draft.texts.get("overall_goal", ""), text)
        )
        self.draft.cell_sources.setdefault("overall_goal", src)
        self.mode = "head"

    def _goal_values(self, table: Table, index: int, row: Row) -> None:
        for start, end, field in self.goal_spans:
            cols = [c for c in range(start, min(end, len(row.cells) - 1) + 1) if row.cells[c].strip()]
            self.draft.cell_sources.setdefault(field, self._src(table, index, row, start))
            if not cols:
                continue
            text = " ".join(row.cells[c].strip() for c in cols)
            before = self.draft.texts.get(field, "")
            self.draft.texts[field] = read_lines(join_broken(before, text) if before else text)
        stray = [
            c
            for c, t in enumerate(row.cells)
            if t.strip() and not any(s <= c <= e for s, e, _ in self.goal_spans)
        ]
        for col in stray:
            if col == 0:
                continue
            self.ctx.report(
                "P07",
                f"{where(self._src(table, index, row, col))}：{self.draft.label}年度总体目标一栏中的"
                f"“{row.cells[col][:30]}”不在“预期目标”或“实际完成情况”之下，已跳过；请核对它属于哪一栏。",
                self._src(table, index, row, col),
                self._subject("overall_goal"),
            )

    # -- 资金支出计划 (monitoring) ------------------------------------------------------------------------
    def _spending_header(self, table: Table, index: int, row: Row) -> None:
        self.month_spans = month_spans(row)
        self.draft.spending_plan = [SpendingPoint(month) for _, _, month in self.month_spans]
        self.draft.cell_sources["spending_plan"] = self._src(table, index, row)
        self.mode = "spending"

    def _spending_values(self, table: Table, index: int, row: Row) -> None:
        self.mode = "head"
        plan = {p.month: p.percent for p in self.draft.spending_plan}
        for col, cell in enumerate(row.cells):
            if not cell.strip() or col == 0:
                continue
            src = self._src(table, index, row, col)
            month = month_at(self.month_spans, col)
            percent, ok = read_percent(cell)
            if month is None or not ok or plan.get(month) is not None:
                why = (
                    "不在任何月份之下"
                    if month is None
                    else ("不是百分比" if not ok else "是该月份的第二个数值")
                )
                self.ctx.report(
                    "P08",
                    f"{where(src)}：{self.draft.label}资金支出计划中的“{cell.strip()}”{why}，已忽略；"
                    "请在每个月份下只填写一个百分比，如 50%。",
                    src,
                    self._subject("spending_plan"),
                )
                continue
            plan[month] = percent
        self.draft.spending_plan = [SpendingPoint(p.month, plan[p.month]) for p in self.draft.spending_plan]

    # -- the indicator table ------------------------------------------------------------------------
    def _vocabulary(self) -> dict[str, str]:
        return EVALUATION_COLUMNS if self.kind == "self_evaluation" else MONITORING_COLUMNS

    def _indicator_columns(self, row: Row) -> dict[str, int] | None:
        """The fields of an indicator header row by column, or None when the row is not one."""
        columns: dict[str, int] = {}
        vocabulary = self._vocabulary()
        for col, cell in enumerate(row.cells):
            field, _ = column_of(cell, vocabulary)
            if field and field not in columns:
                columns[field] = col
        levels = {"level1", "level2", "level3"} & columns.keys()
        return columns if levels and len(columns) >= 3 else None

    def _indicator_header(self, table: Table, index: int, row: Row, columns: dict[str, int]) -> None:
        src = self._src(table, index, row)
        if self.draft.has_header and columns == self.columns:
            self.ctx.report(
                "S04",
                f"{where(src)}：{self.draft.label}的指标表重复了表头（跨页续表），后面的指标已并入该项目。",
                src,
                self._subject(),
            )
            self.mode = "indicators"
            return
        self.columns = columns
        for col, cell in enumerate(row.cells):
            field, month = column_of(cell, self._vocabulary())
            if field == "progress" and month is not None:
                self.draft.month = self.draft.month or month
            key = header_key(cell)
            if field is None and is_not_kept(cell) and key not in self.not_kept_reported:
                self.not_kept_reported.add(key)
                self.ctx.report(
                    "P11",
                    f"{where(self._src(table, index, row, col))}：{self.draft.label}指标表的“{cell.strip()}”列"
                    f"不属于{'自评表' if self.kind == 'self_evaluation' else '监控表'}的记录内容，未读取"
                    "（导出时不会写出）；请保留原文件备查。",
                    self._src(table, index, row, col),
                    self._subject(),
                )
        missing = [f for f in REQUIRED_COLUMNS[self.kind] if f not in columns]
        if missing:
            names = "、".join(f"“{COLUMN_LABELS[f]}”" for f in missing)
            self.ctx.report(
                "P06",
                f"{where(src)}：{self.draft.label}的指标表头缺少{names}列，这些内容按空白读取；"
                f"请在指标表头补上{names}列并填写。",
                src,
                self._subject(missing[0]),
                suggestion="补齐指标表头："
                + "、".join(COLUMN_LABELS[f] for f in REQUIRED_COLUMNS[self.kind])
                + "。",
            )
        self.draft.has_header = True
        self.mode = "indicators"

    def _indicator_row(self, table: Table, index: int, row: Row) -> None:
        written = {f: row.cell(c).strip() for f, c in self.columns.items()}
        prev = self.draft.rows[-1] if self.draft.rows else None
        filled = [f for f, t in written.items() if t]
        if prev is not None and filled and _continues(prev, written, filled):
            for f in filled:
                prev.written[f] = join_broken(prev.written[f], written[f])
                if f in prev.texts:
                    prev.texts[f] = join_broken(prev.texts[f], join_cjk_spaces(written[f]))
            self._finish_texts(prev)
            self.ctx.report(
                "P04",
                f"{where(self._src(table, index, row))}：{self.draft.label}指标表第 {len(self.draft.rows)} 行的"
                + "、".join(f"“{COLUMN_LABELS.get(f, f)}”" for f in filled)
                + "跨行断开，已连接为一个单元格。",
                self._src(table, index, row),
                self._subject(indicator=len(self.draft.rows)),
            )
            return
        ordinal = len(self.draft.rows) + 1
        draft = RowDraft(self._src(table, index, row))
        draft.written = dict(written)
        short = [f for f, c in self.columns.items() if c >= len(row.cells)]
        if short:
            self.ctx.report(
                "P05",
                f"{where(draft.source)}：{self.draft.label}指标表第 {ordinal} 行只有 {len(row.cells)} 列，缺少"
                + "、".join(f"“{COLUMN_LABELS.get(f, f)}”" for f in short)
                + "，按空白读取；请核对该行。",
                draft.source,
                self._subject(indicator=ordinal),
            )
        for f, col in self.columns.items():
            src = self._src(table, index, row, col)
            name = {"deviation": "deviation_reason", "operator": "target", "unit": "target"}.get(f, f)
            if f not in ("operator", "unit") or name not in draft.cell_sources:
                draft.cell_sources.setdefault(name, src)
            if f == "deviation":
                draft.cell_sources.setdefault("corrective_action", src)
            if f in _TEXT_FIELDS:
                draft.texts[f] = self._clean(written[f], src, COLUMN_LABELS[f], f, ordinal)
            elif f in _NUMBER_FIELDS:
                draft.numbers[f] = self._number(written[f], src, COLUMN_LABELS[f], f, ordinal)
        if "target" in self.columns:
            draft.cell_sources["target"] = self._src(table, index, row, self.columns["target"])
        for f in ("level1", "level2"):
            if not draft.texts.get(f) and prev is not None and prev.texts.get(f):
                draft.texts[f] = prev.texts[f]
                if f == "level1":
                    self.carried.append(ordinal)
        self._finish_texts(draft)
        self.draft.rows.append(draft)

    def _finish_texts(self, draft: RowDraft) -> None:
        """The row's values and free texts from what was written (values joined from their columns)."""
        w = draft.written
        operator, unit = w.get("operator", ""), w.get("unit", "")
        draft.texts["target"] = (
            join_value(w.get("target", ""), operator, unit) if (operator or unit) else w.get("target", "")
        )
        for f in ("actual", "progress"):
            if f in w:
                draft.texts[f] = join_unit(w[f], unit)
        if "deviation" in w:
            reason, action = split_reason(w["deviation"])
            draft.texts["deviation_reason"] = reason
            draft.texts["corrective_action"] = action
        for f in ("deviation_reason", "corrective_action", "likelihood", "deviation_category", "note"):
            if f in w:
                draft.texts[f] = w[f]

    def finish_carry_report(self) -> None:
        """Report the blank merged 一级指标 cells filled from the row above, once per project."""
        if self.carried:
            self.ctx.report(
                "P02",
                f"{self.draft.label}指标表第 {_ranges(self.carried)} 行的一级指标为空（合并单元格），已沿用上一行。",
                self.draft.rows[self.carried[0] - 1].source,
                self._subject("level1"),
            )
            self.carried = []

    # -- 总分, 等级 and the footers ---------------------------------------------------------------------
    def _total_row(self, table: Table, index: int, row: Row) -> None:
        self.mode = "footer"
        score_col = self.columns.get("score")
        texts = [(c, t.strip()) for c, t in enumerate(row.cells) if c > 0 and t.strip()]
        grade_cells = [
            (c, t) for c, t in texts if _GRADE_IN_CELL.match(t) or (t in GRADES and c != score_col)
        ]
        for col, text in grade_cells:
            m = _GRADE_IN_CELL.match(text)
            self.draft.texts["grade"] = m.group(1) if m else text
            self.draft.cell_sources["grade"] = self._src(table, index, row, col)
        numbers = [(c, t) for c, t in texts if (c, t) not in grade_cells]
        chosen: tuple[int, str] | None = None
        if score_col is not None and row.cell(score_col).strip():
            chosen = (score_col, row.cell(score_col).strip())
        elif numbers:
            chosen = numbers[-1] if len(numbers) > 1 or numbers[-1][1] not in ("100", "100.00") else None
        where_col = chosen[0] if chosen else (score_col if score_col is not None else len(row.cells) - 1)
        src = self._src(table, index, row, where_col)
        self.draft.cell_sources["total_score"] = src
        if self.kind == "self_evaluation" and chosen is not None:
            self.draft.numbers["total_score"] = self._number(chosen[1], src, "总分", "total_score")

    def _grade_row(self, table: Table, index: int, row: Row) -> None:
        texts = [(c, t.strip()) for c, t in enumerate(row.cells) if c > 0 and t.strip()]
        if texts:
            self.draft.texts["grade"] = texts[0][1]
            self.draft.cell_sources["grade"] = self._src(table, index, row, texts[0][0])

    def _footer_row(self, table: Table, index: int, row: Row, field: str) -> None:
        self.mode = "footer"
        texts = [(c, t.strip()) for c, t in enumerate(row.cells) if c > 0 and t.strip()]
        src = self._src(table, index, row, texts[0][0] if texts else None)
        self.draft.cell_sources.setdefault(field, src)
        if texts:
            text = " ".join(t for _, t in texts)
            before = self.draft.texts.get(field, "")
            self.draft.texts[field] = read_lines(join_broken(before, text) if before else text)

    def _not_kept_footer(self, table: Table, index: int, row: Row, first: str) -> None:
        self.mode = "footer"
        texts = [(c, t.strip()) for c, t in enumerate(row.cells) if c > 0 and t.strip()]
        if not texts:
            return
        if self.kind == "self_evaluation" and row_label(first) == "评价结论" and texts[0][1] in GRADES:
            self.draft.texts["grade"] = texts[0][1]  # a conclusion that is a grade is the 自评等级
            self.draft.cell_sources["grade"] = self._src(table, index, row, texts[0][0])
            return
        src = self._src(table, index, row)
        self.ctx.report(
            "P11",
            f"{where(src)}：{self.draft.label}的“{first.strip()}”一栏（“{texts[0][1][:30]}”）"
            f"不属于{'自评表' if self.kind == 'self_evaluation' else '监控表'}的记录内容，未读取"
            "（导出时不会写出）；请保留原文件备查。",
            src,
            self._subject(),
        )


def _first(row: Row) -> str:
    """The row's label: its first cell, '' when blank (a cell covered by a merged label above it)."""
    return row.cells[0] if row.cells and row.cells[0].strip() else ""


def _continues(prev: RowDraft, written: dict[str, str], filled: list[str]) -> bool:
    """A row holding only texts that the row above also holds: a cell broken across lines (PDF text)."""
    free = {"level3", "deviation", "deviation_reason", "corrective_action", "note"}
    return set(filled) <= free and "level3" not in filled and all(prev.written.get(f) for f in filled)
