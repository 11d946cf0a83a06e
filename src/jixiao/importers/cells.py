"""Tables written one cell per line (or per paragraph): the rows rebuilt from the labels and the header.

In such text a blank cell leaves no line, so rows are recovered from what the cells say: the row labels
(项目编码, 预算规模及资金用途, 资金支出计划, 绩效目标, 一级指标), the indicator header's columns, the 一级/二级
labels that start an indicator row, and the value shape of the 指标值 cell. Rows come out in the columns of
the tab-separated layout, so the assembler reads them unchanged. What cannot be placed with certainty is
kept in its most likely place and reported (P05, P07); nothing raises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from jixiao.importers.cleanup import label_key
from jixiao.importers.codes import import_finding
from jixiao.importers.engine.cells import read_money, read_percent
from jixiao.importers.engine.headers import read_header
from jixiao.importers.engine.vocabulary import grid_role
from jixiao.importers.layout import Row
from jixiao.model import Finding, Source, parse_value

_HEADER_ROLES = frozenset(
    {
        "level1",
        "level2",
        "level3",
        "description",
        "explanation",
        "target",
        "basis",
        "operator",
        "unit",
        "weight",
    }
)


def header_field(text: str) -> str | None:
    """The field an indicator header cell names (``value`` for the 指标值), or None when it names none."""
    role = grid_role(read_header(text).key)
    if role not in _HEADER_ROLES:
        return None
    return "value" if role == "target" else role


class Cell(NamedTuple):
    """One cell's text and where it was written."""

    text: str
    line: int
    page: int


_CODE_LABELS = frozenset({"项目编码", "项目名称"})
_BUDGET_LABELS = frozenset({"预算规模及资金用途", "预算规模", "项目资金"})
_MONEY_LABELS = frozenset(
    {
        "预算数",
        "年度预算数",
        "其中:财政资金",
        "财政资金",
        "其中:其他资金",
        "其他资金",
        "其中:财政拨款",
        "财政拨款",
    }
)
_SPENDING_LABELS = frozenset({"资金支出计划(%)", "资金支出计划"})
_GOAL_LABELS = frozenset({"绩效目标", "年度绩效目标", "项目绩效目标"})
_HEAD_LABELS = (
    _CODE_LABELS | _BUDGET_LABELS | _MONEY_LABELS | _SPENDING_LABELS | _GOAL_LABELS | {"资金用途", "一级指标"}
)
_LEVEL1 = frozenset(
    {"产出指标", "效益指标", "满意度指标", "成本指标", "实施效果指标", "项目完成指标", "项目效益指标"}
)
_LEVEL2 = frozenset(
    {
        "数量指标",
        "质量指标",
        "时效指标",
        "进度指标",
        "成本指标",
        "经济成本指标",
        "社会成本指标",
        "生态环境成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
        "社会公众满意度指标",
        "社会公众或服务对象满意度指标",
    }
)
_NOT_A_VALUE = frozenset({"extra_text", "multiple_numbers"})
_TITLE = re.compile(r"^\d{1,3}\s*[.、．]\s*.+绩效目标表$")
_ENDS = re.compile(r"^(第[一二三四五六七八九十\d]+部分|(\d{6,12}\s.*)?单位\s*[:：])")


def cell_text(line: str) -> str:
    """A line's cell: indentation and a trailing ``|`` removed."""
    text = line.strip()
    return text[:-1].rstrip() if text.endswith("|") else text


def starts_cells(line: str) -> bool:
    """True when a line is a 项目编码 or 项目名称 label on its own: a one-cell-per-line table starts."""
    return "\t" not in line and _key(cell_text(line)) in _CODE_LABELS


def ends_cells(line: str) -> bool:
    """True when a line cannot be a cell of a one-cell-per-line table: a tab row, a title, a heading."""
    if "\t" in line or line.count("|") >= 2:
        return True
    text = line.strip()
    return bool(text) and (_TITLE.match(text) is not None or _ENDS.match(text) is not None)


def _key(text: str) -> str:
    return label_key(text).rstrip(":")


def _is_value(text: str) -> bool:
    """A cell shaped like a 指标值: a quantity or a deadline, nothing else around it."""
    value = parse_value(text)
    return value.kind in ("quantitative", "deadline") and not _NOT_A_VALUE.intersection(value.doubts)


def _is_money(text: str) -> bool:
    return read_money(text)[2] and bool(text.strip())


class _Rebuilder:
    """Walks the cells once, emitting the rows of the tab layout and findings."""

    def __init__(self, cells: Sequence[Cell], file: str | None) -> None:
        self.cells = cells
        self.file = file
        self.i = 0
        self.rows: list[Row] = []
        self.findings: list[Finding] = []
        self.width = 0
        self.levels: dict[str, int] = {}
        self.slots: list[int] = []
        self.value_slot: int | None = None

    # -- helpers ------------------------------------------------------------------------------------
    def _peek(self, offset: int = 0) -> Cell | None:
        j = self.i + offset
        return self.cells[j] if j < len(self.cells) else None

    def _peek_key(self, offset: int = 0) -> str:
        cell = self._peek(offset)
        return _key(cell.text) if cell else ""

    def _is_head(self, offset: int = 0) -> bool:
        cell = self._peek(offset)
        return cell is not None and _key(cell.text) in _HEAD_LABELS

    def _emit(self, cells: Sequence[str], first: Cell) -> None:
        self.rows.append(Row(tuple(cells), first.line, first.page))

    def _report(self, code: str, message: str, cell: Cell) -> None:
        source = Source(file=self.file, line=cell.line, page=cell.page, cell=cell.text)
        self.findings.append(import_finding(code, message, source))

    def _texts_until_label(self) -> list[Cell]:
        taken: list[Cell] = []
        while (cell := self._peek()) is not None and not self._is_head():
            taken.append(cell)
            self.i += 1
        return taken

    # -- the header block ---------------------------------------------------------------------------
    def run(self) -> tuple[list[Row], list[Finding]]:
        while (cell := self._peek()) is not None:
            key = _key(cell.text)
            if key in _CODE_LABELS:
                self._code_row()
            elif key in _BUDGET_LABELS or key in _MONEY_LABELS:
                self._budget_row()
            elif key == "资金用途":
                self.i += 1
                self._emit([cell.text, *(c.text for c in self._texts_until_label())], cell)
            elif key in _SPENDING_LABELS:
                self._spending_rows()
            elif key in _GOAL_LABELS:
                self.i += 1
                self._emit([cell.text, *(c.text for c in self._texts_until_label())], cell)
            elif key == "一级指标":
                self._indicator_rows()
            else:
                self._report(
                    "P07",
                    f"第 {cell.line} 行“{cell.text[:30]}”不在任何栏目之下（逐格成行的表格），已跳过；"
                    "请核对它属于哪一栏。",
                    cell,
                )
                self.i += 1
        return self.rows, self.findings

    def _code_row(self) -> None:
        first = self.cells[self.i]
        out: list[str] = []
        while (cell := self._peek()) is not None and _key(cell.text) in _CODE_LABELS:
            out += [cell.text] if not out else ["", cell.text]
            self.i += 1
            value = self._peek()
            if value is not None and not self._is_head():
                out.append(value.text)
                self.i += 1
            else:
                out.append("")
        self._emit(out, first)

    def _budget_row(self) -> None:
        first = self.cells[self.i]
        out: list[str] = []
        if _key(first.text) in _BUDGET_LABELS:
            out.append(first.text)
            self.i += 1
        while (cell := self._peek()) is not None and _key(cell.text) in _MONEY_LABELS:
            out.append(cell.text)
            self.i += 1
            value = self._peek()
            # an amount is a number, or anything sitting between two money labels
            if (
                value is not None
                and not self._is_head()
                and (_is_money(value.text) or self._peek_key(1) in _MONEY_LABELS)
            ):
                out.append(value.text)
                self.i += 1
            else:
                out.append("")
        self._emit(out, first)
        purpose = self._texts_until_label()
        if purpose:
            self._emit(["", *(c.text for c in purpose)], purpose[0])

    def _spending_rows(self) -> None:
        label = self.cells[self.i]
        self.i += 1
        cells = self._texts_until_label()
        cut = next((n for n, c in enumerate(cells) if read_percent(c.text)[1]), len(cells))
        months, values = cells[:cut], cells[cut:]
        self._emit([label.text, *(m.text for m in months)], label)
        if not values:
            return
        placed = [""] * len(months)
        if len(values) < len(months):
            start = len(months) - len(values)
            placed[start:] = [v.text for v in values]
            where = "、".join(
                f"“{v.text}”读作“{m.text}”" for v, m in zip(values, months[start:], strict=True)
            )
            self._report(
                "P05",
                f"第 {values[0].line} 行起的资金支出计划有 {len(months)} 个月份、只有 {len(values)} 个数值"
                f"（逐格成行的表格不保留空白单元格），无法确定数值属于哪个月份；已按最后 {len(values)} 个月份读取："
                f"{where}。请核对。",
                values[0],
            )
        else:
            placed = [v.text for v in values]  # more values than months: the assembler reports the extra ones
        self._emit(["", *placed], values[0])

    # -- the indicator table ------------------------------------------------------------------------
    def _indicator_rows(self) -> None:
        header: list[Cell] = []
        while (cell := self._peek()) is not None and header_field(cell.text) is not None:
            if header and _key(cell.text) == "一级指标":
                break
            header.append(cell)
            self.i += 1
        self._emit([c.text for c in header], header[0])
        fields = [header_field(c.text) or "" for c in header]
        self.width = len(header)
        self.levels = {f: n for n, f in enumerate(fields) if f in ("level1", "level2")}
        self.slots = [n for n, f in enumerate(fields) if f not in ("level1", "level2")]
        self.value_slot = next((s for s, n in enumerate(self.slots) if fields[n] == "value"), None)
        pending: dict[str, Cell] = {}
        segment: list[Cell] = []
        while (cell := self._peek()) is not None and not self._is_head():
            key = _key(cell.text)
            level = self._level(key)
            if level is None:
                segment.append(cell)
            else:
                if segment or level in pending or (level == "level1" and pending):
                    self._segment_rows(segment, pending)
                    segment, pending = [], {}
                pending[level] = cell
            self.i += 1
        self._segment_rows(segment, pending)

    def _level(self, key: str) -> str | None:
        """Which level label a cell is; 成本指标 is 一级 only when a 二级 label follows it."""
        if key in _LEVEL1 and key in _LEVEL2:
            return "level1" if self._peek_key(1) in _LEVEL2 else "level2"
        if key in _LEVEL1:
            return "level1"
        return "level2" if key in _LEVEL2 else None

    def _segment_rows(self, segment: list[Cell], levels: dict[str, Cell]) -> None:
        """The indicator rows of the cells between level labels, placed around their 指标值 cells."""
        if not segment:
            if levels:
                cell = next(iter(levels.values()))
                self._report(
                    "P05",
                    f"第 {cell.line} 行的指标层级“{cell.text}”后面没有指标内容，已按空白指标读取；请核对。",
                    cell,
                )
                self._emit_indicator([None] * len(self.slots), levels)
            return
        k, v = len(self.slots), self.value_slot
        anchors = [] if v is None else [n for n, c in enumerate(segment) if _is_value(c.text)]
        pre, post = (v, k - v - 1) if v is not None else (0, 0)
        rows: list[list[Cell | None]] = []
        bounds = [-1, *anchors, len(segment)]
        for g in range(len(bounds) - 1):
            gap = segment[bounds[g] + 1 : bounds[g + 1]]
            left = post if g > 0 else 0
            right = pre if g < len(anchors) else 0
            n = len(gap)
            take_right = min(n, right) if n < left + right else right
            take_left = n - take_right if n < left + right else left
            if take_left:
                rows[-1][k - post : k - post + take_left] = gap[:take_left]
            middle = gap[take_left : n - take_right]
            for start in range(0, len(middle), k):
                chunk: list[Cell | None] = list(middle[start : start + k])
                rows.append(chunk + [None] * (k - len(chunk)))
            if g < len(anchors) and v is not None:
                row: list[Cell | None] = [None] * k
                row[pre - take_right : pre] = gap[n - take_right :]
                row[v] = segment[anchors[g]]
                rows.append(row)
            short = left + right - n if n < left + right else (-len(middle)) % k
            if short:
                self._report_gap(gap, segment, bounds, g, short, n < left + right)
        for n, row in enumerate(rows):
            self._emit_indicator(row, levels if n == 0 else {})

    def _report_gap(
        self, gap: list[Cell], segment: list[Cell], bounds: list[int], g: int, short: int, missing: bool
    ) -> None:
        around = gap or [segment[max(bounds[g], 0)]]
        first, last = around[0], around[-1]
        lines = f"第 {first.line} 行" if first.line == last.line else f"第 {first.line}–{last.line} 行"
        if missing:
            what = (
                f"比表头的列数少了 {short} 个单元格（逐格成行的表格不保留空白单元格），无法确定缺的是哪一格；"
                "已把紧挨指标值的单元格读作三级指标和绩效指标描述，缺少的按空白读取"
            )
        else:
            what = f"不能按表头的 {len(self.slots) + len(self.levels)} 列分成整行，最后一行缺 {short} 个单元格，已按空白读取"
        self._report(
            "P05",
            f"指标表{lines}{what}。请核对这几行的三级指标、绩效指标描述、指标值和指标值确定依据。",
            first,
        )

    def _emit_indicator(self, row: list[Cell | None], levels: dict[str, Cell]) -> None:
        out = [""] * self.width
        for field, label in levels.items():
            if field in self.levels:
                out[self.levels[field]] = label.text
        for slot, cell in zip(self.slots, row, strict=True):
            if cell is not None:
                out[slot] = cell.text
        first = next((c for c in (*levels.values(), *row) if c is not None), None)
        if first is not None:
            self._emit(out, first)


def rebuild_rows(cells: Sequence[Cell], file: str | None = None) -> tuple[list[Row], list[Finding]]:
    """The table rows of a one-cell-per-line region, in the tab layout's columns, and what was uncertain."""
    return _Rebuilder(cells, file).run()
