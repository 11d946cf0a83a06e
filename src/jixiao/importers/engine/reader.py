"""The table engine: every table of a layout read by what its headers mean, into units (projects, departments).

One walk over the tables in order. A table continues the unit before it unless it starts a new one (a row naming
a project or a unit, a grid whose rows name their project); inside a unit, rows are head fields, money lines,
the spending plan, goals, grid headers and grid rows, summary rows and footers. What the engine repairs (merged
cells carried down, cells broken over lines or pages, stray spaces in labels) and what it cannot place is
reported; nothing raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.importers.cleanup import join_broken, join_cjk_spaces, label_key
from jixiao.importers.engine.cells import is_blank, split_code_name
from jixiao.importers.engine.context import Context, ranges, where
from jixiao.importers.engine.grid import (
    IGNORED,
    NAME_ROLES,
    GridKind,
    attrs_of,
    grid_kind,
    may_head,
    read_columns,
    resolve,
    second_header,
)
from jixiao.importers.engine.head import Label, Pair, label_start, labels_of, pairs, read_label, under
from jixiao.importers.engine.headers import read_header
from jixiao.importers.engine.reading import Attrs, Cell, Column, FundRow, GridRow, Unit
from jixiao.importers.engine.vocabulary import SUMMARY_WORDS, field_role, is_detail_label
from jixiao.importers.layout import Layout, Row, Table, TextLine
from jixiao.model import Source, Subject, parse_value
from jixiao.model.framework import is_level1_label, is_level2_label, level1_key, level1_of
from jixiao.model.normalize import has_digit

_STARTS_UNIT = frozenset({"project_name", "project_code", "unit_name", "duties"})
_CARRIED = ("level1", "level2")
_PROJECT_CARRIED = ("unit_name", "project_code", "project_name", "budget", "goal")
_ALL_CARRIED = (*_CARRIED, *_PROJECT_CARRIED)
_NUMBER_ROLES = frozenset({"weight", "score"})
_VALUE_ROLES = frozenset(
    {"target", "actual", "operator", "unit", "weight", "score", "likelihood", "forecast"}
)
_TEXT_ROLES = frozenset(
    {
        "level3",
        "description",
        "explanation",
        "basis",
        "scoring_rule",
        "remark",
        "deviation",
        "deviation_reason",
        "corrective_action",
        "note",
        "long_term_level3",
    }
)
_CLEANED = ("level1", "level2", "level3", "description", "basis", "long_term_level2", "long_term_level3")
_LABEL_NAMES = {
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "description": "绩效指标描述",
    "basis": "指标值确定依据",
    "long_term_level2": "二级指标（长期）",
    "long_term_level3": "三级指标（长期）",
}


class Reading:
    """What the engine read: text lines and units in document order, with the findings of reading."""

    def __init__(self, file: str | None, blocks: list[TextLine | Unit], ctx: Context) -> None:
        self.file = file
        self.blocks = blocks
        self.ctx = ctx

    @property
    def units(self) -> list[Unit]:
        """The units in order."""
        return [b for b in self.blocks if isinstance(b, Unit)]

    @property
    def lines(self) -> Iterator[TextLine]:
        """The text lines in order."""
        return (b for b in self.blocks if isinstance(b, TextLine))


class _Carry:
    """Blank merged cells filled from the row above, remembered to report them once per unit and field."""

    def __init__(self) -> None:
        self.rows: dict[str, list[int]] = {}

    def add(self, role: str, ordinal: int) -> None:
        self.rows.setdefault(role, []).append(ordinal)


class TableEngine:
    """Reads the tables of a layout into units; lines pass through in order."""

    def __init__(self, layout: Layout, ctx: Context) -> None:
        self.layout = layout
        self.ctx = ctx
        self.blocks: list[TextLine | Unit] = []
        self.unit: Unit | None = None
        self.mode = "head"  # head, grid, money, tasks, spending
        self.grid: list[Column] = []
        self.grid_kind: GridKind | None = None
        self.money: list[Column] = []
        self.task_columns: list[Column] = []
        self.section: str | None = None
        self.section_column: int | None = None
        self.spans: list[tuple[int, int, str]] = []
        self.carry: dict[int, _Carry] = {}
        self.group: tuple[str, Attrs] = ("", Attrs())
        self.repeated: Source | None = None
        self.last_label = ""
        self.table: Table | None = None
        self.page_break = False
        self.taken: tuple[Row, set[int]] | None = None  # a row whose cells a loose value already read
        self.last_field: Label | None = None  # a field label merged down the left: values under it are its
        self.over: list[
            Label
        ] = []  # labels of a row of labels: values in later rows go to the one above them
        self.unknown_header: tuple[Source, list[Column]] | None = None  # a header's columns no role names
        self.lost: list[tuple[Source, Row]] = []  # rows that look like indicators but found no grid
        self.lost_header: Row | None = None
        self.money_across = False  # the last head row held several money lines side by side
        self.previous_mark: tuple[int, int, int, str] | None = (
            None  # (index, details, findings, mode) before it
        )
        self.previous_row: Row | None = None  # the row before, a header candidate for a lost indicator row

    # -- the walk -----------------------------------------------------------------------------------------
    def run(self) -> Reading:
        """Read every block; returns the lines and units in order."""
        for block in self.layout.blocks:
            if isinstance(block, Table):
                self._table(block)
            elif self.unit is not None and _is_lone_label(block.text):
                # a row holding only its label (an empty footer) that a spreadsheet extractor gave as a line
                row = Row((block.text,), block.line, block.page)
                self._row(0, row, None)
            else:
                self.blocks.append(block)
        for unit in self.units():
            self._finish(unit)
        self._report_lost()
        return Reading(self.layout.file, self.blocks, self.ctx)

    def _report_lost(self) -> None:
        """Tables with rows like indicators (产出指标 | 数量指标 | … | ≥95%) from which no indicator was read."""
        if not self.lost or any(u.rows for u in self.units()):
            return
        src, row = self.lost[0]
        shown = " | ".join(c.strip() for c in row.cells if c.strip())[:60]
        header = self.lost_header
        names = "、".join(f"“{c.strip()}”" for c in header.cells if c.strip())[:120] if header else ""
        self.ctx.report(
            "P13",
            f"表格中有 {len(self.lost)} 行像是绩效指标（如“{shown}”），但没有读出任何指标："
            + (f"表头 {names} 未能识别。" if names else "没有找到指标表头。")
            + "请核对表头是否为“一级指标、二级指标、三级指标、指标值”等栏目，修改后重新导入。",
            src,
            Subject(),
            suggestion="把指标表头改为常见的栏目名称（一级指标、二级指标、三级指标、指标值），或联系管理员补充表头词汇。",
        )

    def units(self) -> list[Unit]:
        """The units read so far."""
        return [b for b in self.blocks if isinstance(b, Unit)]

    def _new_unit(self, row: Row, index: int) -> Unit:
        unit = Unit(len(self.units()) + 1, self._src(index, row))
        self.blocks.append(unit)
        self.unit = unit
        self.mode = "head"
        self.grid, self.grid_kind, self.money, self.task_columns = [], None, [], []
        self.section = self.section_column = None
        self.group = ("", Attrs())
        self.repeated = None
        self.last_field, self.over = None, []
        return unit

    def _table(self, table: Table) -> None:
        self.table = table
        rows = [(i, r) for i, r in enumerate(table.rows) if not r.is_blank]
        while rows and _is_title_row(rows[0][1]):
            title = rows.pop(0)[1]
            self.blocks.append(
                TextLine(next(c.strip() for c in title.cells if c.strip()), title.line, title.page)
            )
        if not rows:
            return
        first_index, first = rows[0]
        if _is_project_list(first):
            return  # a list of the projects (序号 | 项目编码 | 项目名称 | 金额 …) repeats the tables that follow
        starts = self._starts_unit(first)
        if self.unit is None or starts:
            if not starts and not self._recognisable(rows):
                self._skip_table(first_index, first)
                return
            self._new_unit(first, first_index)
        else:
            self.page_break = True
            if self.mode == "spending":
                self.mode = "head"
        first_row = True
        skip: set[int] = set()
        for n, (index, original) in enumerate(rows):
            if index in skip:
                continue
            row = self._rejoin_label(index, original) if first_row else original
            first_row = False
            nxt = rows[n + 1] if n + 1 < len(rows) else None
            unit = self.unit
            mark = (index, len(unit.details) if unit else 0, len(self.ctx.findings), self.mode)
            consumed = self._row(index, row, nxt)
            if consumed is not None:
                skip.add(consumed)
            self.previous_row = row
            self.previous_mark = mark
            self.last_label = row.cell(0)
            self.page_break = False

    def _starts_unit(self, row: Row) -> bool:
        """True when a table's first row begins a new unit (names a project or a unit, or heads a new grid)."""
        for item in labels_of(row):
            if isinstance(item, Label):
                if item.kind == "field" and item.name in _STARTS_UNIT:
                    return True
                if item.kind == "section" and item.name == "basics":
                    return True
        columns = read_columns(row)
        if grid_kind(columns) == "indicators" and {c.role for c in columns} & {"project_name", "unit_name"}:
            return self.unit is None or self.unit.has_header or bool(self.unit.rows)
        return False

    def _recognisable(self, rows: list[tuple[int, Row]]) -> bool:
        """True when a table holds something of a performance table in its first rows."""
        for _, row in rows[:6]:
            if grid_kind(read_columns(row)) is not None:
                return True
            if any(
                isinstance(item, Label) and item.kind in ("field", "section", "spending")
                for item in labels_of(row)
            ):
                return True
        return False

    def _skip_table(self, index: int, row: Row) -> None:
        self.ctx.report(
            "P07",
            f"第 {row.line} 行起的表格不是绩效目标表（没有项目编码、预算、绩效目标或指标表头等栏目），已跳过。"
            if row.line is not None
            else f"表 {self.table.number if self.table else '?'} 不是绩效表格（没有项目名称、资金、绩效目标或指标表头等栏目），已跳过。",
            self._src(index, row, 0)._replace(cell=" | ".join(c for c in row.cells if c)[:60]),
        )

    # -- one row ------------------------------------------------------------------------------------------
    def _row(self, index: int, row: Row, nxt: tuple[int, Row] | None) -> int | None:
        """Read one row; returns the index of the next row when this one consumed it too."""
        assert self.unit is not None
        if (self.mode == "grid" and _plainly_data(row)) or not may_head(row):
            columns, kind = [], None  # a row with values or level labels in it is no header: skip the reading
        else:
            columns = read_columns(row)
            kind = grid_kind(columns)
        if kind is not None and not self._is_data_row(row, kind):
            consumed = None
            if nxt is not None:
                lower = second_header(columns, nxt[1])
                if lower is not None and grid_kind(lower) == kind:
                    columns, consumed = lower, nxt[0]
            self._header(index, row, resolve(columns, kind), kind)
            return consumed
        if self.mode != "grid" and self._infer_grid(row):
            self._grid_row(index, row)
            return None
        if self.mode == "grid":
            if self._grid_row(index, row):
                return None
        elif self.mode == "money":
            if self._fund_row(index, row):
                return None
            self.mode = "head"
        elif self.mode == "tasks":
            if self._task_row(index, row):
                return None
            self.mode = "head"
        elif self.mode == "spending":
            self.mode = "head"
            if not row.cell(0).strip() or self._section_blank(row):
                self._spending_values(index, row)
                return None
        return self._head_row(index, row, nxt)

    def _infer_grid(self, row: Row) -> bool:
        """A header no vocabulary names, over rows that are plainly indicators: the columns read from the data.

        The row above, all short words, is taken as the header when this row holds a 一级 or 二级 label: the
        column of 一级 labels is 一级指标, of 二级 labels 二级指标, the first text after them the 三级 name, a
        column of values (≥95%, 120 人, 2025年11月底前) the 指标值. The header's words go on the record (P12).
        """
        header, mark = self.previous_row, self.previous_mark
        unit = self.unit
        if header is None or mark is None or unit is None or not _looks_like_indicator(row):
            return False
        words = [(c, t.strip()) for c, t in enumerate(header.cells) if t.strip()]
        if len(words) < 3 or any(_is_value_cell(t) or len(t) > 20 for _, t in words):
            return False
        if _looks_like_indicator(header):
            return False  # a row of level labels is a row not understood, not a header
        roles: dict[int, str] = {}
        for c, t in enumerate(row.cells):
            text = t.strip()
            if not text:
                continue
            if is_level1_label(text) and "level1" not in roles.values():
                roles[c] = "level1"
            elif is_level2_label(text) and "level2" not in roles.values():
                roles[c] = "level2"
            elif _is_value_cell(text) and "target" not in roles.values():
                roles[c] = "target"
            elif "level3" not in roles.values() and any(r in roles.values() for r in ("level1", "level2")):
                roles[c] = "level3"
        if not {"level3", "target"} <= set(roles.values()):
            return False
        index, details, findings, mode = mark
        if mode != "head":
            return False
        del unit.details[details:]  # the header was read as a row of labelled text: undo it
        del self.ctx.findings[findings:]
        columns = [Column(c, roles.get(c, "unknown"), t, attrs_of(read_header(t))) for c, t in words]
        columns += [
            Column(c, r, header.cell(c).strip() or r, Attrs())
            for c, r in roles.items()
            if c not in dict(words)
        ]
        columns.sort(key=lambda col: col.at)
        self._header(index, header, columns, "indicators")
        read = "、".join(f"“{c.header}”读作{_ROLE_NAMES.get(c.role, '未读取')}" for c in columns)
        self.ctx.report(
            "P16",
            f"{self._label()}的指标表头未能识别，已按各列的内容判断：{read}。请核对；改用常见的栏目名称可避免误读。",
            self._src(index, header),
            self._subject(),
        )
        return True

    def _is_data_row(self, row: Row, kind: GridKind) -> bool:
        """A row of a grid whose words happen to be header words (a 三级 name such as 完成情况) is data."""
        if self.mode != "grid" or kind != "indicators" or not self.grid:
            return False
        level_cells = [row.cell(c.at) for c in self.grid if c.role in ("level1", "level2")]
        return any(is_level1_label(t) or is_level2_label(t) for t in level_cells if t.strip())

    # -- grid headers -------------------------------------------------------------------------------------
    def _header(self, index: int, row: Row, columns: list[Column], kind: GridKind) -> None:
        unit = self.unit
        assert unit is not None
        self.last_field, self.over = None, []
        for col in columns:
            if col.role not in IGNORED and col.role != "unknown":
                unit.note_role(col.role)
            if label_key(col.header) != col.header.strip() and col.role not in IGNORED:
                self._clean(col.header, self._src(index, row, col.at), "表头")
        if kind == "money":
            self.money = columns
            self.mode = "money"
            unit.has_money = True
            for col in columns:
                if col.role == "fund":
                    unit.money_attrs = col.attrs
                    unit.money_unit = col.attrs.money_unit or unit.money_unit
                elif col.role != "unknown":
                    unit.money_columns[col.role] = col.attrs
            return
        if kind == "tasks":
            self.task_columns = columns
            self.mode = "tasks"
            return
        roles = [c.role for c in columns]
        if unit.has_header and roles == [c.role for c in self.grid]:
            self.repeated = self._src(index, row)
        else:
            self.repeated = None
            if unit.has_header and unit.columns:
                unit.columns = unit.columns + [
                    c for c in columns if c.role not in {x.role for x in unit.columns}
                ]
            else:
                unit.columns = columns
        self.unknown_header = (self._src(index, row), [c for c in columns if c.role == "unknown"])
        self.grid = columns
        self.grid_kind = kind
        unit.header_source = unit.header_source or self._src(index, row)
        unit.has_header = True
        self.mode = "grid"

    def _note_unknown(self, row: Row) -> None:
        """A column no role names, holding text in this row: reported once per header (P12), text not read."""
        if self.unknown_header is None:
            return
        src, unknown = self.unknown_header
        filled = [c for c in unknown if row.cell(c.at).strip()]
        if not filled:
            return
        self.unknown_header = None
        names = "、".join(f"“{c.header}”" for c in unknown)
        self.ctx.report(
            "P12",
            f"{self._label()}指标表表头的{names}无法识别，该列的内容（如“{row.cell(filled[0].at).strip()[:20]}”）"
            "未读取；如为有用的栏目，请改用常见的栏目名称（如“指标值”“实际完成值”“权重”“指标解释”）。",
            src._replace(column=filled[0].at + 1, cell=filled[0].header),
            self._subject(),
        )

    # -- grid rows ----------------------------------------------------------------------------------------
    def _grid_row(self, index: int, row: Row) -> bool:
        """Read a row of an indicator grid; False when the row is not one (a footer: read it as a head row)."""
        unit = self.unit
        assert unit is not None
        cells, width = row.cells, len(row.cells)
        written = {
            c.role: cells[c.at].strip() if c.at < width else "" for c in self.grid if c.role not in IGNORED
        }
        texts = [t for t in written.values() if t]
        first = next((t for c in self.grid if c.at < width and (t := cells[c.at].strip())), "")
        if self._is_summary(row, written):
            unit.summaries.append(self._grid_cells(index, row, written, self.grid))
            return True
        if self._is_footer(row, written):
            self.mode = "head"
            return False
        prev = unit.rows[-1] if unit.rows else None
        filled = [f for f, t in written.items() if t]
        if prev is not None and filled and self._continues(prev, written, filled):
            self._join_row(prev, written, filled, index, row)
            return True
        if self._is_group(row, texts, first):
            self._group_heading(first)
            return True
        if "project_name" in written and written.get("project_name") and self._other_project(written):
            self._split_project(index, row)
            unit = self.unit
            assert unit is not None
            prev = None
        new_page = self.page_break or (
            prev is not None
            and row.page is not None
            and prev.source.page is not None
            and row.page > prev.source.page
        )
        if prev is not None and filled and new_page and self._broken_by_page(prev, written, filled):
            self._join_row(prev, written, filled, index, row, page=True)
            return True
        self._note_unknown(row)
        self._indicator_row(index, row, written)
        return True

    def _is_summary(self, row: Row, written: dict[str, str]) -> bool:
        first = next((c.strip() for c in row.cells if c and not c.isspace()), "")
        if not written.get("project_name") and (not first or first[0] not in _SUMMARY_STARTS):
            return False
        key = label_key(first).rstrip(":")
        if written.get("project_name") and label_key(written["project_name"]) in SUMMARY_WORDS:
            return True
        return any(key == w or key.startswith(w) for w in SUMMARY_WORDS) and not written.get(
            "level3", ""
        ).strip("合计总分")

    def _is_footer(self, row: Row, written: dict[str, str]) -> bool:
        """A row that leaves the grid: a head label first (项目名称 of the next project, 资金情况, 偏差原因分析 …)."""
        lead = next((c for c in row.cells if c and not c.isspace()), None)
        if lead is None or read_label(lead, 0) is None:
            return False
        cells = [(i, c.strip()) for i, c in enumerate(row.cells) if c.strip()]
        label = read_label(cells[0][1], cells[0][0])
        if label is None or label.kind == "fund":
            return False
        if label.kind == "section" and label.name == "indicators":
            return False
        if (label.kind == "field" and label.name in _STARTS_UNIT) or label.kind in ("section", "spending"):
            return True
        distinct = {t for _, t in cells[1:]}
        return len(distinct) <= 1 and not written.get("target") and not written.get("weight")

    def _is_group(self, row: Row, texts: list[str], first: str) -> bool:
        """A heading row inside a grid: one text across it, from its first column (年度绩效目标1（40分）)."""
        if len(set(texts)) != 1 or not first or is_level2_label(first):
            return False
        start = next((i for i, c in enumerate(row.cells) if c.strip()), len(row.cells))
        first_column = min((c.at for c in self.grid if c.role not in IGNORED), default=0)
        if start > first_column:
            return False
        return len(texts) > 1 or len(self.grid) > 3

    def _group_heading(self, text: str) -> None:
        header = read_header(text)
        self.group = (text.strip(), Attrs(points=header.points))

    def _other_project(self, written: dict[str, str]) -> bool:
        unit = self.unit
        assert unit is not None
        name = written.get("project_name", "")
        return bool(unit.rows) and name != unit.text("project_name")

    def _split_project(self, index: int, row: Row) -> None:
        old = self.unit
        assert old is not None
        grid, kind = self.grid, self.grid_kind
        unit = self._new_unit(row, index)
        unit.columns, unit.has_header = old.columns, True
        unit.roles = list(old.roles)
        unit.money_unit = old.money_unit
        self.grid, self.grid_kind, self.mode = grid, kind, "grid"
        for role in ("unit_name",):
            if old.first(role) is not None and not row.cell(self._col(role)).strip():
                cell = old.first(role)
                assert cell is not None
                unit.add(role, cell)

    def _col(self, role: str) -> int:
        return next((c.at for c in self.grid if c.role == role), -1)

    def _grid_cells(self, index: int, row: Row, written: dict[str, str], columns: list[Column]) -> GridRow:
        file, page, line = self.ctx.file, row.page, row.line
        table = self.table.number if self.table else None
        texts, width, number = row.cells, len(row.cells), index + 1
        cells: dict[str, Cell] = {}
        for c in columns:
            role = c.role
            if role not in written or role == "unknown" or role in IGNORED:
                continue
            at = c.at
            source = Source(file, page, line, table, number, at + 1, texts[at] if at < width else "")
            if role == "deviation_category" and c.attrs.choice:
                # a tick (√) under one of the boxes of a two-row header names the category
                if at < width and texts[at].strip():
                    cells[role] = Cell(c.attrs.choice, source, c.attrs, c.header)
                continue
            cells[role] = Cell(written[role], source, c.attrs, c.header)
        group, attrs = self.group
        return GridRow(cells, dict(written), Source(file, page, line, table, number), group, attrs)

    def _indicator_row(self, index: int, row: Row, written: dict[str, str]) -> None:
        unit = self.unit
        assert unit is not None
        ordinal = len(unit.rows) + 1
        short = (
            [c for c in self.grid if c.at >= len(row.cells) and c.role not in IGNORED]
            if len(row.cells) <= self.grid[-1].at
            else []
        )
        if short:
            self.ctx.report(
                "P05",
                f"{self._label()}指标表第 {ordinal} 行只有 {len(row.cells)} 列，缺少"
                + "、".join(f"“{c.header}”" for c in short)
                + "，按空白读取。",
                self._src(index, row),
                self._subject(indicator=ordinal),
            )
        grid_row = self._grid_cells(index, row, written, self.grid)
        for role in _CLEANED:
            cell = grid_row.cells.get(role)
            if cell is not None and _spaced(cell.text):
                cleaned = self._clean(cell.text, cell.source, _LABEL_NAMES[role], role, ordinal)
                if cleaned != cell.text:
                    grid_row.cells[role] = cell._replace(text=cleaned)
        prev = unit.rows[-1] if unit.rows else None
        carry = self.carry.setdefault(unit.number, _Carry())
        above = prev.cells if prev is not None else {}
        for role in _ALL_CARRIED:
            if role not in above or written.get(role, "-"):
                continue  # no row above, no such column, or a cell written
            if role in _PROJECT_CARRIED and not above[role].text:
                continue
            grid_row.cells[role] = above[role]
            if role in _CARRIED and above[role].text:
                carry.add(role, ordinal)
        if "level1" in written and not written["level1"] and level1_key(self.group[0]):
            grid_row.cells["level1"] = Cell(
                label_key(self.group[0]), grid_row.source
            )  # a 一、产出指标 heading
        if self.repeated is not None:
            self._report_continuation(ordinal, grid_row, written, row)
        unit.rows.append(grid_row)
        self._project_fields(grid_row, written)

    def _project_fields(self, grid_row: GridRow, written: dict[str, str]) -> None:
        """The project-level cells of a grid holding several projects become the unit's fields (once)."""
        unit = self.unit
        assert unit is not None
        cells = grid_row.cells
        for role in _PROJECT_CARRIED:
            if role not in cells:
                continue
            cell = cells[role]
            if cell.text and unit.first(role) is None:
                unit.add(role, cell)

    def _report_continuation(
        self, ordinal: int, grid_row: GridRow, written: dict[str, str], row: Row
    ) -> None:
        assert self.repeated is not None and self.unit is not None
        level1 = grid_row.cells.get("level1")
        inherited = (
            ""
            if written.get("level1") or level1 is None
            else f"续表第一行的一级指标为空，沿用“{level1.text}”；"
        )
        name = self.unit.text("project_name")
        self.ctx.report(
            "S04",
            f"项目 {self.unit.number}“{name}”的指标表在第 {self.repeated.line} 行重复了表头"
            f"（跨页续表），已并入该项目：{inherited}第 {row.line} 行起为该项目的第 {ordinal} 条指标。"
            if self.repeated.line is not None
            else f"{where(self.repeated)}：{self._label()}的指标表重复了表头（跨页续表），后面的指标已并入该项目。",
            self.repeated,
            self._subject(indicator=ordinal),
        )
        self.repeated = None

    def _continues(self, prev: GridRow, written: dict[str, str], filled: list[str]) -> bool:
        """A row holding only texts that the row above also holds: a cell broken across lines (PDF text)."""
        if any(f in _VALUE_ROLES or f in ("level3",) for f in filled):
            return False
        if any(f in ("level1", "level2") for f in filled):
            return False
        return all(f in _TEXT_ROLES or f.startswith("long_term") for f in filled) and all(
            prev.written.get(f) for f in filled
        )

    def _broken_by_page(self, prev: GridRow, written: dict[str, str], filled: list[str]) -> bool:
        """The first row after a page break that finishes the last row above it: texts only, no value, no level.

        A merged project cell broken by the same page break (the rest of a 年度目标) finishes the project's field.
        """
        if any(f in _VALUE_ROLES for f in filled) or any(written.get(f) for f in ("level1", "level2")):
            return False
        row_texts = [f for f in filled if f not in _PROJECT_CARRIED]
        if not row_texts or not all(f in _TEXT_ROLES for f in row_texts):
            return False
        if any(f in ("project_name", "project_code", "unit_name", "budget") for f in filled):
            return False
        target = prev.written.get("target") or prev.written.get("actual")
        return bool(target) and all(prev.written.get(f) for f in row_texts)

    def _join_row(
        self,
        prev: GridRow,
        written: dict[str, str],
        filled: list[str],
        index: int,
        row: Row,
        page: bool = False,
    ) -> None:
        unit = self.unit
        assert unit is not None
        for f in filled:
            if f in _PROJECT_CARRIED:
                field = unit.fields.get(f)
                if field:
                    field[0] = field[0]._replace(text=join_broken(field[0].text, join_cjk_spaces(written[f])))
                continue
            cell = prev.cells.get(f)
            joined = join_broken(cell.text if cell else "", join_cjk_spaces(written[f]))
            if cell is not None:
                prev.cells[f] = cell._replace(text=joined)
            prev.written[f] = join_broken(prev.written.get(f, ""), written[f])
        names = "、".join(f"“{_LABEL_NAMES.get(f) or self._header_of(f)}”" for f in filled)
        how = "被分页断开" if page else "断开"
        self.ctx.report(
            "P04",
            f"项目 {unit.number} 指标表第 {len(unit.rows)} 行的{names}在第 {row.line} 行{how}，已连接为一个单元格。"
            if row.line is not None
            else f"{where(self._src(index, row))}：{self._label()}指标表第 {len(unit.rows)} 行的{names}{how}，"
            "已连接为一个单元格。",
            self._src(index, row),
            self._subject(indicator=len(unit.rows)),
        )

    def _header_of(self, role: str) -> str:
        return next((c.header for c in self.grid if c.role == role), role)

    # -- money grids --------------------------------------------------------------------------------------
    def _fund_row(self, index: int, row: Row) -> bool:
        unit = self.unit
        assert unit is not None
        amounts = [c for c in self.money if c.role not in ("fund", "unknown", "seq")]
        first_amount = min((c.at for c in amounts), default=len(row.cells))
        name_col = next(
            (
                c
                for c in range(min(first_amount, len(row.cells)))
                if row.cell(c).strip() and not _is_money_section(row.cell(c))
            ),
            None,
        )
        name = "" if name_col is None else row.cell(name_col).strip()
        if name_col is not None:
            label = read_label(name, name_col)
            if (
                label is not None
                and label.kind != "fund"
                and not (label.kind == "section" and label.name == "money")
            ):
                return False
        values = {c.role: row.cell(c.at).strip() for c in amounts}
        if not name and not any(values.values()):
            return True
        if name and not any(values.values()) and len([c for c in row.cells if c.strip()]) > 1:
            return False
        info = read_label(name, 0) if name else None
        summary = label_key(name) in SUMMARY_WORDS
        fund = FundRow(
            join_cjk_spaces(name),
            {
                c.role: Cell(row.cell(c.at).strip(), self._src(index, row, c.at), c.attrs, c.header)
                for c in amounts
            },
            self._src(index, row, name_col),
            period=(info.period if info is not None and info.period else ""),
            is_total=summary or (bool(info.total) if info is not None else not name and not unit.funds),
        )
        unit.funds.append(fund)
        return True

    # -- task grids (年度履职目标) ---------------------------------------------------------------------------
    def _task_row(self, index: int, row: Row) -> bool:
        unit = self.unit
        assert unit is not None
        written = {c.role: row.cell(c.at).strip() for c in self.task_columns if c.role not in IGNORED}
        cells = [(i, c.strip()) for i, c in enumerate(row.cells) if c.strip()]
        if cells:
            label = read_label(cells[0][1], cells[0][0])
            if label is not None and label.kind in ("field", "section") and label.name not in ("duties",):
                return False
            columns = read_columns(row)
            if grid_kind(columns) is not None:
                return False
        if self._is_summary(row, written):
            unit.summaries.append(self._grid_cells(index, row, written, self.task_columns))
            return True
        grid_row = self._grid_cells(index, row, written, self.task_columns)
        prev = unit.tasks[-1] if unit.tasks else None
        if prev is not None and "duty" in written and not written["duty"] and "duty" in prev.cells:
            grid_row.cells["duty"] = prev.cells["duty"]
        unit.tasks.append(grid_row)
        return True

    # -- head rows ----------------------------------------------------------------------------------------
    def _section_blank(self, row: Row) -> bool:
        return self.section_column is not None and not row.cell(self.section_column).strip()

    def _head_row(self, index: int, row: Row, nxt: tuple[int, Row] | None) -> int | None:
        unit = self.unit
        assert unit is not None
        self._clean_labels(index, row)
        items = labels_of(row)
        if not items:
            return None
        if (
            self.section is not None
            and not self._section_blank(row)
            and not (isinstance(items[0], Label) and items[0].kind == "section")
        ):
            self.section = self.section_column = None
        if isinstance(items[0], Label) and items[0].kind == "section":
            label = items[0]
            self.section, self.section_column = label.name, label.column
            if label.name == "money":
                unit.money_attrs = _attrs(label)
                unit.money_unit = label.header.money_unit or unit.money_unit
                unit.note_role("funds")
            elif label.name == "indicators" and label.header.points is not None:
                self.group = (label.header.text.strip(), Attrs(points=label.header.points))  # as a goal's
            items = items[1:]
            if not items:
                return None
        if (
            self.section == "money"
            and self.money_across
            and len(items) == 1
            and isinstance(items[0], Label)
            and items[0].kind == "fund"
        ):
            # 预算数 | 13.00 | 其中：财政资金 | … on one row: the lone text under them is the purpose, whatever it says
            self.money_across = False
            items = [(items[0].column, items[0].header.text)]
        lead = items[0]
        if not isinstance(lead, Label) and (whole := label_start(lead[1])) is not None:
            items[0] = whole._replace(
                column=lead[0]
            )  # 预算规模及资 at a page's foot: the label goes on over the page
        lead = items[0]
        if (
            not isinstance(lead, Label)
            and len(items) >= 2
            and not isinstance(items[1], Label)
            and lead[0] == next(c for c, t in enumerate(row.cells) if t.strip())
            and _label_like(lead[1])
            and self.section is None
        ):
            # a row label no vocabulary names (省级财政部门 | 省财政厅 …): kept as a labelled text
            items[0] = Label("detail", lead[1], lead[0], read_header(lead[1]))
        labels = [i for i in items if isinstance(i, Label)]
        if (
            len(items) >= 2
            and isinstance(items[0], Label)
            and isinstance(items[1], Label)
            and items[0].kind == "fund"
            and not items[0].total
        ):
            # 年度部门预算（万元）| 资金总额：| 268.40: a money label with the lines after it opens a group
            self.section, self.section_column = "money", items[0].column
            unit.money_unit = items[0].header.money_unit or unit.money_unit
            items, labels = items[1:], labels[1:]
        first_cell = next((c for c, t in enumerate(row.cells) if t.strip()), None)
        if labels and labels[0].column == first_cell:
            self.last_field = labels[0] if labels[0].kind == "field" else None
            self.over = labels if all(isinstance(i, Label) for i in items) else []
        if len(labels) >= 2 and all(isinstance(i, Label) for i in items) and nxt is not None:
            below = under(labels, nxt[1])
            if below is not None and not (len(labels) >= 1 and labels[0].kind == "spending"):
                for pair in below:
                    self._pair(index, row, pair, nxt)
                return nxt[0]
        goals_over = (
            len(labels) >= 2
            and labels[0].kind == "field"
            and labels[1].column == labels[0].column + 1
            and labels[0].name == "goal"
            and labels[1].name in ("goal", "mid_term_goal", "achieved")
        )
        if goals_over:
            # 年度总体目标 | 预期目标 | 实际完成情况: the first label opens the goals, the others head the values below
            self.section = "goals"
            items, labels = items[1:], labels[1:]
            if len(labels) >= 2 and all(isinstance(i, Label) for i in items) and nxt is not None:
                below = under(labels, nxt[1])
                if below is not None:
                    for pair in below:
                        self._pair(index, row, pair, nxt)
                    return nxt[0]
        if labels and labels[0].kind == "spending":
            self._spending_header(index, row, labels[0])
            return None
        self.money_across = sum(1 for i in labels if i.kind == "fund") >= 2
        for item in pairs(items):
            if isinstance(item, Pair):
                self._pair(index, row, item, None)
            else:
                self._loose_value(index, row, item)
        return None

    def _pair(self, index: int, row: Row, pair: Pair, value_row: tuple[int, Row] | None) -> None:
        unit = self.unit
        assert unit is not None
        label = pair.label
        vindex, vrow = value_row if value_row is not None else (index, row)
        text = " ".join(t for _, t in pair.values)
        column = pair.values[0][0] if pair.values else None
        src = self._src(vindex, vrow, column) if column is not None else self._src(index, row, label.column)
        attrs = _attrs(label)
        if label.kind == "field":
            if label.name in _STARTS_UNIT and self._starts_new(label.name):
                unit = self._new_unit(row, index)
            if label.name == "goal" and label.header.points is not None:
                # 年度绩效目标1（40分）over its own grid: the block its rows are in, with its points
                self.group = (label.header.text.strip(), Attrs(points=label.header.points))
            if label.name == "project_name" and (code_name := split_code_name(text)) is not None:
                unit.add("project_code", Cell(code_name[0], src, attrs, label.header.text))
                text = code_name[1]
            unit.add(label.name, Cell(text, src, attrs, label.header.text))
        elif label.kind == "fund":
            unit.note_role("funds")
            period = label.period or ""
            unit.funds.append(
                FundRow(
                    label.name,
                    {"amount": Cell(text, src, attrs, label.header.text)},
                    self._src(index, row, label.column),
                    period,
                    label.total,
                )
            )
        elif label.kind == "detail":
            unit.details.append((label.name, Cell(text, src, attrs, label.header.text)))
            unit.note_role(f"detail:{label.name}")
        elif label.kind == "section":
            if text:
                role = {"goals": "goal", "money": "purpose", "basics": "basics"}.get(label.name, label.name)
                unit.add(role, Cell(text, src, attrs, label.header.text))
            self.section, self.section_column = label.name, label.column

    def _starts_new(self, role: str) -> bool:
        unit = self.unit
        assert unit is not None
        if role in ("project_name", "project_code"):
            if unit.first(role) is not None:
                return True
            return unit.has_header or unit.has_money or bool(unit.rows) or bool(unit.funds)
        if role == "unit_name":
            return unit.has_header or bool(unit.rows) or unit.first("project_name") is not None
        return unit.has_header or bool(unit.rows)

    def _loose_value(self, index: int, row: Row, item: tuple[int, str]) -> None:
        """A value with no label before it: under a label above it, the purpose under the money lines, a goal
        under 绩效目标, ``label：value`` in one cell, a row label no vocabulary names, or lost (P07)."""
        unit = self.unit
        assert unit is not None
        column, text = item
        src = self._src(index, row, column)
        if self._taken(row, column):
            return
        for n, label in enumerate(self.over):
            end = self.over[n + 1].column if n + 1 < len(self.over) else column + 1
            if label.column <= column < end and label.kind in ("field", "detail", "fund"):
                self._pair(index, row, Pair(label, ((column, text),)), None)
                return
        if self.section == "money":
            unit.add("purpose", Cell(text, src))
            return
        if self.section == "goals":
            unit.add("goal", Cell(text, src))
            return
        field = self.last_field
        if field is not None and column > field.column and not row.cell(field.column).strip():
            unit.add(field.name, Cell(text, src, _attrs(field), field.header.text))
            return
        m = _INLINE_LABEL.match(text)
        inline = read_label(m.group(1), column) if m is not None else None
        if m is not None and inline is not None and inline.kind in ("field", "detail"):
            self._pair(index, row, Pair(inline, ((column, m.group(2).strip()),)), None)
            return
        first = row.cell(0).strip()
        if column == 0 or (first and column <= 1):
            cells = [(c, t.strip()) for c, t in enumerate(row.cells) if t.strip()]
            if len(cells) >= 2 and cells[0][0] == column and _label_like(text):
                values = []
                for c, t in cells[1:]:
                    if read_label(t, c) is not None:
                        break  # the next label's cells are its own
                    values.append((c, t))
                if values:
                    rest = " ".join(t for _, t in values)
                    unit.details.append((text, Cell(rest, self._src(index, row, values[0][0]))))
                    self._mark_taken(row, [cells[0], *values])
                    return
        if _looks_like_indicator(row):
            if not self.lost:
                self.lost_header = self.previous_row
            self.lost.append((self._src(index, row), row))
        opening = next((t.strip() for t in row.cells if t.strip()), "")[:30] or "（空）"
        self.ctx.report(
            "P07",
            f"项目 {unit.number} 的表格中有一行无法识别（“{opening}”开头），已跳过。"
            if row.line is not None
            else f"{where(self._src(index, row))}：{self._label()}的表格中有一行无法识别"
            f"（“{opening}”开头），已跳过；请核对它属于哪一栏。",
            self._src(index, row, 0),
            self._subject(),
        )
        self._mark_taken(row, [(c, t) for c, t in enumerate(row.cells) if t.strip()])
        self.last_field = None  # a row not understood ends the field above: what follows is not its value

    def _mark_taken(self, row: Row, cells: list[tuple[int, str]]) -> None:
        self.taken = (row, {c for c, _ in cells})

    def _taken(self, row: Row, column: int) -> bool:
        return self.taken is not None and self.taken[0] is row and column in self.taken[1]

    def _spending_header(self, index: int, row: Row, label: Label) -> None:
        unit = self.unit
        assert unit is not None
        months = [(i, "".join(c.split())) for i, c in enumerate(row.cells) if i > label.column and c.strip()]
        self.spans = []
        for n, (col, month) in enumerate(months):
            end = months[n + 1][0] - 1 if n + 1 < len(months) else max(len(row.cells) - 1, col)
            self.spans.append((col, end, month))
        unit.spending = [(month, None) for _, _, month in self.spans]
        unit.spending_source = self._src(index, row)
        unit.note_role("spending_plan")
        self.mode = "spending"

    def _spending_values(self, index: int, row: Row) -> None:
        unit = self.unit
        assert unit is not None
        plan = dict(unit.spending)
        gaps = any(end > start for start, end, _ in self.spans[:-1])
        for col, text in enumerate(row.cells):
            if (
                not text.strip()
                or col == 0
                or (self.section_column is not None and col == self.section_column)
            ):
                continue
            src = self._src(index, row, col)
            month = next((m for start, end, m in self.spans if start <= col <= end), None)
            if month is None:
                self.ctx.report(
                    "P08",
                    f"项目 {unit.number} 的资金支出计划第 {col + 1} 列“{text}”不在任何月份之下，已忽略。",
                    src,
                    self._subject("spending_plan"),
                )
                continue
            if plan.get(month) is not None:
                self.ctx.report(
                    "P08",
                    f"项目 {unit.number} 的资金支出计划“{month}”下有两个数值，只取第一个。",
                    src,
                    self._subject("spending_plan"),
                )
                continue
            plan[month] = Cell(text.strip(), src)
            if gaps and row.line is not None:
                self.ctx.report(
                    "P03",
                    f"项目 {unit.number} 的资金支出计划：“{text.strip()}”位于第 {col + 1} 列，"
                    f"按表头对齐读作“{month}”（表头有合并单元格留下的空列，不按数值的先后顺序计数）。",
                    src,
                    self._subject("spending_plan"),
                )
        unit.spending = [(m, plan[m]) for m, _ in unit.spending]

    # -- repairs -----------------------------------------------------------------------------------------
    def _rejoin_label(self, index: int, row: Row) -> Row:
        """A row label broken by a page (预算规模及资 | 金用途): the rest joins the label above, the row reads on."""
        head, rest = self.last_label, row.cell(0)
        if not (head and rest) or read_label(rest, 0) is not None or read_label(head + rest, 0) is None:
            return row
        unit = self.unit
        assert unit is not None
        self.ctx.report(
            "P04",
            f"项目 {unit.number} 的栏目名称“{head.strip()}{rest.strip()}”被分页断开，"
            f"第 {row.line} 行的“{rest.strip()}”已并回上一页的栏目名称。",
            self._src(index, row, 0),
            self._subject(),
        )
        return Row(("", *row.cells[1:]), row.line, row.page)

    def _clean_labels(self, index: int, row: Row) -> None:
        for col, cell in enumerate(row.cells):
            if _spaced(cell) and read_label(cell, col) is not None:
                self._clean(cell, self._src(index, row, col), "标签")

    def _clean(
        self, text: str, src: Source, what: str, field: str | None = None, indicator: int | None = None
    ) -> str:
        """The text with stray spaces between CJK characters removed; a change is reported (S08)."""
        return self.ctx.clean(text, src, what, self._subject(field, indicator))

    # -- finishing a unit ---------------------------------------------------------------------------------
    def _finish(self, unit: Unit) -> None:
        _two_level(unit)
        _level1_from_framework(unit)
        carry = self.carry.get(unit.number)
        if carry is None:
            return
        for role in _CARRIED:
            rows = carry.rows.get(role)
            if rows:
                self.ctx.report(
                    "P02",
                    f"项目 {unit.number} 指标表第 {ranges(rows)} 行的{_LABEL_NAMES[role]}为空（合并单元格），已沿用上一行。",
                    unit.rows[rows[0] - 1].source,
                    Subject(project=unit.number, field=role),
                )

    # -- small helpers ------------------------------------------------------------------------------------
    def _src(self, index: int, row: Row, column: int | None = None) -> Source:
        table = self.table.number if self.table else None
        if column is None:
            return Source(self.ctx.file, row.page, row.line, table, index + 1)
        cells = row.cells
        return Source(
            self.ctx.file,
            row.page,
            row.line,
            table,
            index + 1,
            column + 1,
            cells[column] if column < len(cells) else "",
        )

    def _subject(self, field: str | None = None, indicator: int | None = None) -> Subject:
        return Subject(project=self.unit.number if self.unit else None, indicator=indicator, field=field)

    def _label(self) -> str:
        unit = self.unit
        if unit is None:
            return ""
        name = unit.text("project_name")
        return f"项目 {unit.number}“{name}”" if name else f"项目 {unit.number}"


_SUMMARY_STARTS = frozenset(w[0] for w in SUMMARY_WORDS)
_SPACED = re.compile(r"\S[ \t\u00a0\u3000]+\S")  # a space inside a text (the ends are stripped already)


def _spaced(text: str) -> bool:
    """True when a text has a space inside it (substring tests first: most cells have none)."""
    return (" " in text or "\u3000" in text or "\t" in text or "\u00a0" in text) and bool(
        _SPACED.search(text)
    )


_ROLE_NAMES = {"level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "target": "指标值"}
_INLINE_LABEL = re.compile(r"^([^:：]{2,16})[:：]\s*(\S.*)$", re.S)
_TITLE_ROW = re.compile(r"表[)）]?$|^[(（]?\s*20\d{2}\s*年度?\s*[)）]?$|^附件?\s*[\d一二三四五六七八九十-]+$")
_TITLE_WORDS = re.compile(r"(目标|情况|指标)[)）]?$")


def _is_title_row(row: Row) -> bool:
    """A row holding one text across the table, a title (…绩效目标申报表, （2025年度）), not a cell of a field."""
    texts = {c.strip() for c in row.cells if c.strip()}
    if len(texts) != 1:
        return False
    text = next(iter(texts))
    if len(text) > 60:
        return False
    key = label_key(text)
    if _TITLE_ROW.search(key) is not None:
        return True
    return _TITLE_WORDS.search(key) is not None and read_label(text, 0) is None and len(key) >= 8


def _is_lone_label(text: str) -> bool:
    """A line that is a row label of a project's table standing alone (偏差或不能完成目标原因分析, 评价结论)."""
    label = read_label(text, 0)
    return label is not None and label.kind in ("field", "detail") and label.name not in _STARTS_UNIT


def _is_project_list(row: Row) -> bool:
    """A header of 序号 and 项目编码/项目名称 with amounts but no indicator column: a summary of the projects."""
    roles = {c.role for c in read_columns(row)}
    return "seq" in roles and bool(roles & {"project_name", "project_code"}) and not roles & NAME_ROLES


def _attrs(label: Label) -> Attrs:
    h = label.header
    return Attrs(h.required, h.core, h.formula, h.points, h.period, h.month, h.money_unit, h.percent)


def _is_money_section(text: str) -> bool:
    label = read_label(text, 0)
    return label is not None and label.kind == "section" and label.name == "money"


_HEADER_DIGITS = re.compile(
    r"\d+\s*[-–—~～至到]\s*\d+\s*月|\(\w{1,3}(/\w)?\)|（\w{1,3}(/\w)?）|\d+(\.\d+)?\s*分"
)


def _plainly_data(row: Row) -> bool:
    """A row no header can be: a cell with a number (not a month span 1-7月 or points 20分), or a level label."""
    for cell in row.cells:
        if not cell:
            continue
        if has_digit(cell) and not _HEADER_DIGITS.search(cell):
            return True
        if is_level1_label(cell) or is_level2_label(cell):
            return True
    return False


def _is_value_cell(text: str) -> bool:
    """A cell shaped like a 指标值: a quantity or a deadline (≥95%, 120 人, 2025年11月底前)."""
    value = parse_value(text)
    return value.kind in ("quantitative", "deadline") and "extra_text" not in value.doubts


def _looks_like_indicator(row: Row) -> bool:
    """A row naming a 一级 or 二级 of the framework beside other cells: an indicator row, wherever it is."""
    cells = [c.strip() for c in row.cells if c.strip()]
    return len(cells) >= 3 and any(is_level1_label(c) or is_level2_label(c) for c in cells[:3])


def _label_like(text: str) -> bool:
    """A cell that reads as a row label no vocabulary names: short words, no digits, no sentence marks."""
    stripped = text.strip()
    if is_level1_label(stripped) or is_level2_label(stripped):
        return False  # a 一级/二级 label starts an indicator row, not a labelled text
    return (
        2 <= len(stripped) <= 16
        and not has_digit(stripped)
        and not any(ch in stripped for ch in "。；;，,")
        and not is_blank(stripped)
        and field_role(read_header(stripped).key) is None
        and not is_detail_label(read_header(stripped).key)
    )


def _two_level(unit: Unit) -> None:
    """A form without a 三级 column whose 二级 column holds the names: 一级 holds the 二级 labels (T8 and like).

    When most 二级 cells are not 二级 labels but names, the 二级 column is the 三级 name; when then most 一级 cells
    are 二级 labels (数量指标, 社会效益指标 …), they move down to 二级 and the 一级 is the framework's.
    """
    roles = {c.role for c in unit.columns}
    if "level3" in roles or "level2" not in roles or not unit.rows:
        return
    level2 = [r.cells["level2"].text for r in unit.rows if "level2" in r.cells and r.cells["level2"].text]
    if not level2 or sum(1 for t in level2 if is_level2_label(t)) * 2 > len(level2):
        return
    level1 = [r.cells["level1"].text for r in unit.rows if "level1" in r.cells and r.cells["level1"].text]
    shift = bool(level1) and sum(1 for t in level1 if is_level2_label(t) and not level1_key(t)) * 2 > len(
        level1
    )
    for r in unit.rows:
        r.cells["level3"] = r.cells.pop("level2") if "level2" in r.cells else Cell("", r.source)
        r.written["level3"] = r.written.pop("level2", "")
        if shift and "level1" in r.cells:
            r.cells["level2"] = r.cells.pop("level1")
            r.written["level2"] = r.written.pop("level1", "")
    unit.columns = [
        c._replace(role="level3")
        if c.role == "level2"
        else (c._replace(role="level2") if shift and c.role == "level1" else c)
        for c in unit.columns
    ]
    unit.roles = [
        "level3" if r == "level2" else ("level2" if shift and r == "level1" else r) for r in unit.roles
    ]


def _level1_from_framework(unit: Unit) -> None:
    """Rows left without a 一级 take the one their 二级 belongs to; a 一级 merged across a page break is mended.

    A 一级 cell merged down across a page break is printed on one side only: the rows before the break read
    blank and would take the 一级 of the group above. When the next written 一级 is on a later page and is
    the one the row's 二级 belongs to, the row takes it.
    """
    rows = unit.rows
    for n, r in enumerate(rows):
        level2 = r.cells.get("level2")
        if level2 is None or not level2.text:
            continue
        parent = level1_of(level2.text)
        if parent is None:
            continue
        level1 = r.cells.get("level1")
        if level1 is None or not level1.text:
            r.cells["level1"] = Cell(parent, level2.source)
            continue
        if r.written.get("level1") or r.source.page is None:
            continue
        after = next((k for k in range(n + 1, len(rows)) if rows[k].written.get("level1")), None)
        if after is None:
            continue
        later = rows[after]
        # the label must be printed on the very next page, every row between it and this one on this page
        if later.source.page != r.source.page + 1 or any(
            rows[k].source.page != r.source.page for k in range(n + 1, after)
        ):
            continue
        ahead = later.cells["level1"]
        if level1_key(ahead.text) == level1_key(parent) != level1_key(level1.text):
            r.cells["level1"] = ahead


def read_tables(layout: Layout, ctx: Context) -> Reading:
    """Read every table of a layout into units, the lines between them kept in order."""
    return TableEngine(layout, ctx).run()


__all__ = ["Reading", "TableEngine", "read_tables"]
