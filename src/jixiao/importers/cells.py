"""Tables whose blank cells left no trace: the rows rebuilt from the labels, the header and what the cells say.

A table written one cell per line (or per paragraph), one row per line with spaces between the cells, or whole on
one line keeps the order of its written cells but not its blanks. The rows are recovered from what the cells say:

- a header (cells whose words name grid columns: 一级指标 … 指标值, 年初预算数 … 得分) gives the grid's columns,
  and the cells under it are placed in those columns by what they hold (see :mod:`jixiao.importers.aligner`);
- a label (项目名称, 主管部门, 资金情况, 年度资金总额, 立项依据 …) takes the value after it; labels standing together
  head the values after them; a group label (资金情况（万元）) keeps the rows under it in its group;
- the spending plan's months take the percentages after them.

Rows come out as a tab-separated layout would give them, so the table engine reads them unchanged. What cannot be
placed with certainty is kept in its most likely place and reported (P05, P07); nothing raises.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import Literal, NamedTuple

from jixiao.importers.aligner import QUIET_BLANKS, Placement, align, join_costs
from jixiao.importers.cleanup import join_broken, label_key
from jixiao.importers.codes import import_finding
from jixiao.importers.engine.cells import read_percent
from jixiao.importers.engine.grid import grid_kind, read_columns, resolve, second_header
from jixiao.importers.engine.head import Label, read_label
from jixiao.importers.engine.headers import read_header
from jixiao.importers.engine.reading import Column
from jixiao.importers.engine.vocabulary import (
    DETAIL_LABELS,
    FIELD_SYNONYMS,
    PERIOD_WORDS,
    SECTION_LABELS,
    SUMMARY_WORDS,
    TICK_LABELS,
    grid_role,
    is_detail_label,
    section_of,
)
from jixiao.importers.layout import Row
from jixiao.importers.pieces import label_groups, value_groups
from jixiao.model import Finding, Source
from jixiao.model.framework import is_level1_label, is_level2_label
from jixiao.model.normalize import has_digit

#: How a region kept its cells: one a line, one row a line (between two or more spaces, or between single
#: spaces: ``words``), the whole table on one line.
Mode = Literal["cells", "rows", "words", "flat"]


class Cell(NamedTuple):
    """One cell's text and where it was written: its line, page and display column on the line."""

    text: str
    line: int
    page: int
    indent: int = 0


_TITLE = re.compile(r"^\d{1,3}\s*[.、．]\s*.+绩效目标表$")
_TITLE_WORDS = re.compile(
    r"(绩效|目标|自评|监控|评价|申报|预算).{0,20}表[)）]?$|^[(（]\s*20\d{2}\s*年.{0,12}[)）]$"
)
_ENDS = re.compile(
    r"^(第[一二三四五六七八九十\d]+部分|(\d{6,12}\s.*)?单位\s*[:：]|\S{0,8}单位(\s*[(（][^)）]*[)）])?\s*[:：])"
)
_AMOUNT = re.compile(r"^[\s\d,，.。:：;；元万千亿市县省区乡镇中央地方级资金合计共()（）-]+$")
_GAP = re.compile(r"\S(?:[ \u00a0]{2,}|\u3000+)\S")
_NUMBERED = re.compile(r"^(?:目标)?\s*[(（]?\d{1,2}\s*[)）.、．:：]")
# Fields whose value is one cell where each cell has its line (a code broken over two lines stays a code
# and a stray line); goals, purposes and duties run over as many cells as they take.
_MULTI_VALUE = frozenset({"goal", "mid_term_goal", "achieved", "purpose", "duties"})
# The words that end a grid where they stand alone: a head label written exactly (not an indicator's name that
# happens to begin like one, 项目资金拨付及时率), a group label, a numbered goal heading its own grid.
_ROW_LABELS = frozenset(
    [w for words in FIELD_SYNONYMS.values() for w in words]
    + [w for words in SECTION_LABELS.values() for w in words]
    + list(DETAIL_LABELS)
) - frozenset(SUMMARY_WORDS)
_GOAL_HEADING = re.compile(r"^(年度)?(总体)?(绩效)?目标\d{1,2}$")


# -- lines -------------------------------------------------------------------------------------------------


def cell_text(line: str) -> str:
    """A line's cell: indentation and a trailing ``|`` removed."""
    text = line.strip()
    return text[:-1].rstrip() if text.endswith("|") else text


def is_title(text: str) -> bool:
    """A title or heading between tables: ``2.…绩效目标表``, ``2024年度项目支出绩效自评表``, ``（2024年度）``."""
    key = "".join(text.split())
    if not key or len(key) > 60:
        return False
    return _TITLE.match(key) is not None or (
        _TITLE_WORDS.search(key) is not None and read_label(text, 0) is None and len(key) >= 5
    )


def ends_cells(line: str) -> bool:
    """True when a line cannot be a cell of a one-cell-per-line table: a tab row, a title, a heading."""
    if "\t" in line or line.count("|") >= 2:
        return True
    text = cell_text(line)
    return bool(text) and (is_title(text) or _ENDS.match(text) is not None)


def is_label_cell(text: str) -> bool:
    """A cell that names something of a performance table: a row label or a grid header word."""
    key = read_header(text).key
    if not key or len(key) > 24:
        return False
    return read_label(text, 0) is not None or grid_role(key) is not None


def starts_cells(line: str) -> bool:
    """True when a line is a label on its own (项目编码, 项目名称, 一级指标 …): a one-cell-per-line table may start."""
    if "\t" in line or len(line) > 60 or line.count("|") >= 2:
        return False
    text = cell_text(line)
    return (
        2 <= len(text) <= 24
        and not (("  " in text or "\u3000" in text) and _GAP.search(text))
        and not _ENDS.match(text)
        and is_label_cell(text)
    )


def ends_grid(text: str) -> bool:
    """True when a cell under a grid is a head label standing alone: the grid has ended (a footer, a new block)."""
    key = read_header(text).key
    return key in _ROW_LABELS or is_detail_label(key) or _GOAL_HEADING.match(key) is not None


def looks_like_table(rows: Sequence[Row]) -> bool:
    """True when rebuilt rows hold a grid header or two labelled values: a table, not running text."""
    labelled = 0
    for row in rows:
        filled = [c for c in row.cells if c.strip()]
        if len(filled) >= 3 and grid_kind(read_columns(row)) is not None:
            return True
        if len(filled) >= 2 and read_label(filled[0], 0) is not None:
            labelled += 1
            if labelled >= 2:
                return True
    return False


# -- the cells of a region -----------------------------------------------------------------------------------


def rebuild_rows(
    cells: Sequence[Cell], file: str | None = None, mode: Mode = "cells"
) -> tuple[list[Row], list[Finding]]:
    """The table rows of a region whose blank cells left no trace, in the tab layout's columns, and what was
    uncertain. ``mode``: one cell per line (``cells``), one row per line (``rows``) or the table on one line."""
    if (
        mode == "cells"
    ):  # a label a line break split (经济效益 | 指标, 资金情况 | （万元）, 绩 | 效 | 指 | 标)
        cells = _joined(cells, label_groups([c.text for c in cells]), "")
    return _Rebuilder(cells, file, mode).run()


def _joined(cells: Sequence[Cell], groups: list[range], sep: str) -> list[Cell]:
    return [cells[g.start]._replace(text=sep.join(cells[i].text for i in g)) for g in groups]


def _key(text: str) -> str:
    return label_key(text).rstrip(":")


def _amount_like(text: str) -> bool:
    return has_digit(text) and _AMOUNT.match(text) is not None


def _header_word(text: str) -> bool:
    """A cell whose words name a grid column (or a money group heading a money grid's names)."""
    key = read_header(text).key
    if not key or len(key) > 24 or has_digit(key):
        return False
    return grid_role(key) is not None or section_of(key) == "money"


def _unnamed_header(text: str) -> bool:
    """A short word that could head a column no vocabulary names (支出率): no digits, no level label."""
    key = read_header(text).key
    return (
        1 < len(key) <= 8
        and not has_digit(key)
        and not is_level1_label(text)
        and not is_level2_label(text)
        and key not in SUMMARY_WORDS
    )


def _lower_word(text: str) -> bool:
    """A word of a header's second row: a period (年度, 中期) or a tick box (经费保障 …)."""
    key = read_header(text).key
    return key in PERIOD_WORDS or key in TICK_LABELS


def _row_label_like(text: str) -> bool:
    """A short text that reads as a row label: words only, no digits or sentence marks."""
    key = read_header(text).key
    return 2 <= len(key) <= 10 and not any(ch.isdigit() or ch in "。；;，,、:" for ch in key)


class _Header(NamedTuple):
    """A grid header found in the cells: where it ends, its rows as written, and its columns' roles."""

    end: int  # the index of the first cell after it
    rows: list[list[str]]
    roles: list[str]
    kind: str
    starts: list[int] | None = None  # where each column starts on the line (rows kept, one header row)


Item = tuple[Cell, Label | None]


class _Rebuilder:
    """Walks the cells once, emitting the rows of the tab layout and findings."""

    def __init__(self, cells: Sequence[Cell], file: str | None, mode: Mode) -> None:
        self.cells = cells
        self.file = file
        self.mode = mode
        self.kept_rows = mode in ("rows", "words")  # each line is a row
        self.split = mode in ("words", "flat")  # single spaces split cells too: pieces are joined again
        self.i = 0
        self.rows: list[Row] = []
        self.findings: list[Finding] = []
        self.section: Cell | None = None  # a group label (资金情况) whose rows follow, written in its column
        self.section_name: str | None = None
        self.section_open = False  # the group label is not yet written (it opens the next row)
        self.margin = min((c.indent for c in cells), default=0)
        self.buffer: list[str] = []  # labelled values gathered for one row
        self.buffer_first: Cell | None = None
        self.headers: dict[int, _Header | None] = {}

    # -- emitting rows ------------------------------------------------------------------------------
    def _emit(self, cells: Sequence[str], first: Cell) -> None:
        self._flush()
        self.rows.append(Row(tuple(cells), first.line, first.page))

    def _flush(self) -> None:
        """The money lines gathered for one row (预算数 | 13.00 | 其中：财政资金 | 13.00 …), written as one row."""
        if self.buffer:
            cells, first = self.buffer, self.buffer_first
            self.buffer, self.buffer_first = [], None
            assert first is not None
            self._emit_in_group(cells, first)

    def _emit_in_group(self, cells: Sequence[str], first: Cell) -> None:
        """A row under the open group label: the label in its first column on the first row, blank after."""
        self._flush()
        if self.section is not None:
            head = self.section.text if self.section_open else ""
            self.section_open = False
            self._emit([head, *cells], first)
        else:
            self._emit(cells, first)

    def _close_group(self) -> None:
        self._flush()
        if self.section is not None and self.section_open:
            self._emit([self.section.text], self.section)
        self.section, self.section_name, self.section_open = None, None, False

    def _leave_money(self) -> None:
        if self.section_name == "money":
            self._close_group()

    def _report(self, code: str, message: str, cell: Cell) -> None:
        source = Source(file=self.file, line=cell.line, page=cell.page, cell=cell.text)
        self.findings.append(import_finding(code, message, source))

    # -- reading cells -------------------------------------------------------------------------------
    def _peek(self) -> Cell | None:
        return self.cells[self.i] if self.i < len(self.cells) else None

    def _label(self, j: int) -> Label | None:
        cell = self.cells[j] if j < len(self.cells) else None
        if cell is None or is_level1_label(cell.text) or is_level2_label(cell.text):
            return None
        return read_label(cell.text, 0)

    def _stops(self, j: int) -> bool:
        """True when cell j starts something new: a label, a grid header, the spending plan."""
        return j < len(self.cells) and (self._label(j) is not None or self._header_at(j) is not None)

    def _texts_until_label(self) -> list[Cell]:
        taken: list[Cell] = []
        while (cell := self._peek()) is not None and not self._stops(self.i):
            taken.append(cell)
            self.i += 1
        return taken

    # -- the walk -----------------------------------------------------------------------------------
    def run(self) -> tuple[list[Row], list[Finding]]:
        while (cell := self._peek()) is not None:
            header = self._header_at(self.i)
            if header is not None:
                self._close_group()
                self._grid(header)
                continue
            label = self._label(self.i)
            if self.kept_rows and (label is None or label.kind != "spending"):
                self._line_row()
            elif label is None:
                self.i += 1
                self._loose_value(cell)
            elif label.kind == "spending":
                self._close_group()
                self._spending_rows()
            elif label.kind == "section":
                self._close_group()
                self.section, self.section_name, self.section_open = cell, label.name, True
                self.i += 1
            else:
                self._labelled()
        self._close_group()
        return self.rows, self.findings

    def _loose_value(self, cell: Cell) -> None:
        """A value no label stands before: under the open group, else reported and skipped (P07)."""
        if self.section is not None and self.section_name in ("money", "goals", "basics", "tasks"):
            self._emit_in_group([cell.text], cell)
            return
        self._report(
            "P07",
            f"第 {cell.line} 行“{cell.text[:30]}”不在任何栏目之下（逐格成行的表格），已跳过；请核对它属于哪一栏。",
            cell,
        )

    def _line_row(self) -> None:
        """Rows kept (one row per line): the line's cells as they are, an indented line under the row above."""
        first = self.cells[self.i]
        texts: list[str] = []
        while (cell := self._peek()) is not None and cell.line == first.line:
            texts.append(cell.text)
            self.i += 1
        self._emit(["", *texts] if first.indent > self.margin else texts, first)

    # -- labels and their values ---------------------------------------------------------------------
    def _labelled(self) -> None:
        """A run of labels and values: each label with the values after it, or labels over the values."""
        items: list[Item] = []
        waiting: Label | None = None
        while self.i < len(self.cells) and self._header_at(self.i) is None:
            label = self._label(self.i)
            if label is not None and label.kind in ("spending", "section"):
                break
            cell = self.cells[self.i]
            if (
                label is not None
                and waiting is not None
                and label.kind in ("fund", "detail")
                and read_header(cell.text).key not in _ROW_LABELS
            ):
                label = (
                    None  # the cell right after a field's label is its value (项目名称 | 特岗教师工会经费)
                )
            items.append((cell, label))
            waiting = label if label is not None and label.kind in ("field", "detail") else None
            self.i += 1
        n = 0
        while n < len(items):
            cell, label = items[n]
            if label is None:
                n = self._unlabelled(items, n)
                continue
            labels_end, values_end = _heading_run(items, n)
            if labels_end - n >= 2 and values_end > labels_end:
                self._leave_money()
                self._labels_over_values(items[n:labels_end], [c for c, _ in items[labels_end:values_end]])
                n = values_end
            else:
                n = self._pair(items, n, label)
        self._flush()

    def _unlabelled(self, items: list[Item], n: int) -> int:
        """A value with no label before it; with the value after it, a row label no vocabulary names."""
        self._flush()
        cell = items[n][0]
        if (
            self.section is None
            and n + 1 < len(items)
            and items[n + 1][1] is None
            and _row_label_like(cell.text)
        ):
            self._emit([cell.text, items[n + 1][0].text], cell)  # 评价方式 | 单位自评: the engine keeps it
            return n + 2
        self._loose_value(cell)
        return n + 1

    def _pair(self, items: list[Item], n: int, label: Label) -> int:
        """A label and its values: an amount for a money line, one cell for most fields where each cell has its
        line, every cell up to the next label otherwise. Money lines gather on one row; other labels start one."""
        cell = items[n][0]
        values: list[Cell] = []
        m = n + 1
        if label.kind == "fund":
            if m < len(items) and items[m][1] is None and _amount_like(items[m][0].text):
                values.append(items[m][0])
                m += 1
        else:
            self._leave_money()
            if label.kind == "field" and label.name in ("project_name", "project_code", "unit_name"):
                self._close_group()
            self._flush()
            single = self.mode == "cells" and label.kind == "field" and label.name not in _MULTI_VALUE
            while m < len(items) and items[m][1] is None and not (single and values):
                values.append(items[m][0])
                m += 1
        if not self.buffer:
            self.buffer_first = cell
        self.buffer += [cell.text, *(v.text for v in values)]
        if label.kind != "fund":
            self._flush()
        return m

    def _labels_over_values(self, labels: list[Item], values: list[Cell]) -> None:
        """Labels standing together (年度总体目标 | 预期目标 | 实际完成情况) over the values after them; money
        lines (资金总额 | 项目支出 | 基本支出) over their amounts from the first on."""
        k, m = len(labels), len(values)
        self._emit_in_group([c.text for c, _ in labels], labels[0][0])
        money = all(lab is not None and lab.kind == "fund" for _, lab in labels)
        start = 0 if m >= k or money else 1
        if m < k - 1 and all(_NUMBERED.match(v.text) for v in values):
            for v in values:  # 目标1、目标2 … under the first value label, one a row
                self._emit_in_group(["", v.text], v)
            return
        placed = [""] * k
        for n, v in enumerate(values):
            at = min(start + n, k - 1)
            placed[at] = f"{placed[at]} {v.text}".strip() if placed[at] else v.text
        self._emit_in_group(placed, values[0])

    # -- the spending plan -----------------------------------------------------------------------------
    def _spending_rows(self) -> None:
        label = self.cells[self.i]
        self.i += 1
        cells = self._texts_until_label()
        if self.split:  # 3 月底 written between single spaces
            cells = _joined(cells, _month_groups([c.text for c in cells]), " ")
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

    # -- grids -----------------------------------------------------------------------------------------
    def _header_at(self, j: int) -> _Header | None:
        """The grid header that starts at cell j, or None: three or more header words naming a grid."""
        if j not in self.headers:
            self.headers[j] = self._find_header(j)
        return self.headers[j]

    def _find_header(self, j: int) -> _Header | None:
        cells = self.cells
        if j >= len(cells) or not _header_word(cells[j].text):
            return None
        end, line = j, cells[j].line
        while end < len(cells) and end - j < 30:
            if self.kept_rows and cells[end].line != line:
                break
            if not _header_word(cells[end].text) and not (
                # a word no vocabulary names between header words (支出率) is a column of the header too
                end - j >= 2
                and _unnamed_header(cells[end].text)
                and end + 1 < len(cells)
                and _header_word(cells[end + 1].text)
                and (not self.kept_rows or cells[end + 1].line == line)
            ):
                break
            end += 1
        if self.kept_rows and end < len(cells) and cells[end].line == line:
            return None  # a header line holds header words only
        if (
            not self.kept_rows
            and end < len(cells)
            and _amount_like(cells[end].text)
            and (last := read_label(cells[end - 1].text, 0)) is not None
            and last.kind == "fund"
        ):
            end -= (
                1  # a money line before its amounts (年度资金总额 | 480.00) is the first row, not the header
            )
        if end - j < 3:
            return None
        top = [c.text for c in cells[j:end]]
        columns = read_columns(Row(tuple(top)))
        kind = grid_kind(columns)
        if kind is None:
            return None
        rows = [top]
        lower = end
        while lower < len(cells) and _lower_word(cells[lower].text):
            lower += 1
        if lower - end >= 2 or (lower - end == 1 and read_header(cells[end].text).key in PERIOD_WORDS):
            rows, columns = _two_rows(columns, [c.text for c in cells[end:lower]])
            end = lower
        roles = [c.role for c in resolve(columns, kind)]
        if (
            kind == "money"
            and len(roles) > 1
            and roles[0] == "fund"
            and section_of(read_header(top[0]).key) == "money"
            and read_columns(Row((top[1],)))[0].role == "fund"
        ):
            roles[0], roles[1] = (
                "label",
                "fund",
            )  # 项目预算成本构成 | 成本构成 …: the names stand under the second
        starts = [c.indent for c in cells[j:end]] if len(rows) == 1 and self.mode == "rows" else None
        if kind == "money" and "fund" not in roles:  # the money lines' names need a column of their own
            rows = [["", *r] for r in rows]
            roles = ["fund", *roles]
            starts = [self.margin, *starts] if starts is not None else None
        return _Header(end, rows, roles, kind, starts)

    def _grid(self, header: _Header) -> None:
        start = self.cells[self.i]
        for n, texts in enumerate(header.rows):
            self._emit(texts, start if n == 0 else self.cells[header.end - 1])
        self.i = header.end
        data: list[Cell] = []
        while (cell := self._peek()) is not None and self._header_at(self.i) is None:
            if ends_grid(cell.text) and not (self.kept_rows and data and data[-1].line == cell.line):
                break
            data.append(cell)
            self.i += 1
        if not data:
            return
        if self.split:
            data = _joined(data, _in_lines(data, value_groups([c.text for c in data], header.roles)), " ")
        lines = [c.line for c in data] if self.kept_rows else None
        hints = _column_hints(header.starts, data) if header.starts is not None else None
        texts = [c.text for c in data]
        joins = join_costs(texts) if self.mode == "cells" else None
        placed = align(texts, header.roles, lines, header.kind == "money", hints, joins)
        for row in placed:
            first = data[min(i for cell in row for i in cell)]
            self._emit([_cell_text([data[i] for i in cell]) for cell in row], first)
        self._report_blanks(header, placed, data)

    def _report_blanks(self, header: _Header, placed: Placement, data: list[Cell]) -> None:
        """Rows left blank in a column most rows fill: where a cell went is a guess, reported (P05)."""
        if len(placed) < 2:
            if placed and header.kind == "indicators":
                row = placed[0]
                if all(header.roles[k] in ("level1", "level2") for k, cell in enumerate(row) if cell):
                    cell = data[min(i for c in row for i in c)]
                    self._report(
                        "P05",
                        f"第 {cell.line} 行的指标层级“{cell.text}”后面没有指标内容，已按空白指标读取；请核对。",
                        cell,
                    )
            return
        width = len(header.roles)
        fill = Counter(k for row in placed for k, cell in enumerate(row) if cell)
        names = [" ".join(t.split()) for t in header.rows[0]]
        short: list[tuple[Cell, Cell, list[int], int]] = []
        for ordinal, row in enumerate(placed, start=1):
            if any(cell and header.roles[k] == "label" for k, cell in enumerate(row)):
                continue
            if any(_key(data[i].text) in SUMMARY_WORDS for cell in row for i in cell):
                continue
            missing = [
                k
                for k, cell in enumerate(row)
                if not cell and header.roles[k] not in QUIET_BLANKS and fill[k] * 10 >= len(placed) * 6
            ]
            if missing:
                cells = sorted((data[i] for cell in row for i in cell), key=lambda c: c.line)
                short.append((cells[0], cells[-1], missing, ordinal))
        if not short:
            return

        def lines(first: Cell, last: Cell, ordinal: int) -> str:
            if self.mode == "flat":
                return f"第 {first.line} 行的第 {ordinal} 行"
            return f"第 {first.line} 行" if first.line == last.line else f"第 {first.line}–{last.line} 行"

        def what(missing: list[int]) -> str:
            return "、".join(f"“{names[k] or header.roles[k]}”" for k in missing)

        if len(short) == 1:
            first, last, missing, ordinal = short[0]
            text = (
                f"表格{lines(first, last, ordinal)}不能按表头的 {width} 列分成整行："
                f"比表头的列数少了 {len(missing)} 个单元格（空白单元格没有留下痕迹），无法确定缺的是哪一格；"
                f"已按各单元格的内容放入各列，{what(missing)}按空白读取。请核对这一行。"
            )
        else:
            each = "；".join(f"{lines(f, la, o)}缺{what(m)}" for f, la, m, o in short[:8])
            more = f"等 {len(short)} 行" if len(short) > 8 else ""
            text = (
                f"表格中有 {len(short)} 行不能按表头的 {width} 列分成整行（{each}{more}）："
                "空白单元格没有留下痕迹，无法确定缺的是哪一格；已按各单元格的内容放入各列，缺少的按空白读取。"
                "请核对这几行。"
            )
        self._report("P05", text, short[0][0])


def _in_lines(cells: Sequence[Cell], groups: list[range]) -> list[range]:
    """Groups of pieces cut where a line ends: a cell never runs over two rows kept on their lines."""
    out: list[range] = []
    for group in groups:
        start = group.start
        for n in group[1:]:
            if cells[n].line != cells[n - 1].line:
                out.append(range(start, n))
                start = n
        out.append(range(start, group.stop))
    return out


def _cell_text(pieces: list[Cell]) -> str:
    """A cell from its pieces: a text a narrow column wrapped over lines joined again."""
    text = ""
    for piece in pieces:
        text = join_broken(text, piece.text)
    return text


def _heading_run(items: list[Item], n: int) -> tuple[int, int]:
    """Labels standing together from item n and the end of the values after them: field labels over their
    values, or money lines over as many amounts (资金总额 | 项目支出 | 基本支出 | 486.20 | 312.60)."""
    first = items[n][1]
    fund = first is not None and first.kind == "fund"
    end = n
    while end < len(items) and (label := items[end][1]) is not None and (label.kind == "fund") == fund:
        end += 1
    values = end
    while values < len(items) and items[values][1] is None:
        if fund and (values - end >= end - n or not _amount_like(items[values][0].text)):
            break
        values += 1
    return end, values


def _month_groups(texts: Sequence[str]) -> list[range]:
    """``3``, ``月底`` as one month."""
    groups: list[range] = []
    for n, text in enumerate(texts):
        if groups and texts[n - 1].isdigit() and text.startswith("月"):
            groups[-1] = range(groups[-1].start, n + 1)
        else:
            groups.append(range(n, n + 1))
    return groups


def _column_hints(starts: list[int], data: list[Cell]) -> list[int | None] | None:
    """The column under whose header each cell starts, when the text kept the cells' positions (monospaced
    extraction): used only when most rows' cells fall under distinct columns left to right."""
    if any(b <= a for a, b in pairwise(starts)):
        return None
    hints: list[int | None] = [
        max((k for k, start in enumerate(starts) if start <= cell.indent + 1), default=0) for cell in data
    ]
    rows: dict[int, list[int]] = {}
    for cell, hint in zip(data, hints, strict=True):
        rows.setdefault(cell.line, []).append(hint or 0)
    ordered = sum(1 for cols in rows.values() if all(b > a for a, b in pairwise(cols)))
    return hints if ordered * 10 >= len(rows) * 8 and len(rows) >= 2 else None


def _two_rows(columns: list[Column], lower: list[str]) -> tuple[list[list[str]], list[Column]]:
    """A header on two rows: tick boxes (经费保障 …) under 偏差原因分析, periods under a value column."""
    tops = [c.header for c in columns]
    roles = [c.role for c in columns]
    under = next(
        (
            n
            for n in range(len(roles))
            if roles[n] in ("deviation", "deviation_reason")
            or (roles[n] == "target" and read_header(lower[0]).key in PERIOD_WORDS)
        ),
        len(roles) - 1,
    )
    top = [*tops[: under + 1], *([""] * (len(lower) - 1)), *tops[under + 1 :]]
    low = [*([""] * under), *lower, *([""] * (len(tops) - under - 1))]
    split = second_header(read_columns(Row(tuple(top))), Row(tuple(low)))
    return [top, low], split if split is not None else read_columns(Row(tuple(top)))
