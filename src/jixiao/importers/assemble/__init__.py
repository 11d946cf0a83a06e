"""The one assembler: a layout (lines and tables) becomes a PerformanceDocument and findings."""

from __future__ import annotations

import re

from jixiao.importers.assemble.contents import entry_number, read_entry, same_heading, split_glued_entries
from jixiao.importers.assemble.context import Context
from jixiao.importers.assemble.cover import read_cover
from jixiao.importers.assemble.part_one import read_part_one
from jixiao.importers.assemble.project_table import (
    ProjectDraft,
    ProjectTableReader,
    freeze,
)
from jixiao.importers.cleanup import label_key
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import Layout, Row, Table, TextLine
from jixiao.model import ContentsEntry, Finding, FrameworkVersion, PerformanceDocument, Project, Subject

_TITLE = re.compile(r"^(\d{1,3})\s*[.、．]\s*(.+绩效目标表)$")
_UNIT = re.compile(r"^(\d{6,12})\s*(?!单位\s*[:：])(\S+(?:\s+\S+)*?)?(?:\s*单位\s*[:：]\s*(\S+))?$")
_MONEY_UNIT = re.compile(r"^单位\s*[:：]\s*(\S+)$")
_PART_TWO_HEADINGS = ("预算项目绩效目标", "项目绩效目标")


class _Assembler:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.ctx = Context(layout.file)
        self.state = "cover"
        self.cover: list[TextLine] = []
        self.contents: list[ContentsEntry] = []
        self.part_one: list[TextLine] = []
        self.drafts: list[ProjectDraft] = []
        self.readers: list[ProjectTableReader] = []
        self.pending_title: str | None = None
        self.pending_unit: tuple[str | None, str | None] = (None, None)
        self.pending_money_unit: str | None = None

    def run(self) -> tuple[PerformanceDocument, list[Finding]]:
        for index, block in enumerate(self.layout.blocks):
            if isinstance(block, Table):
                self._table(block)
            else:
                self._line(block, index)
        for number, reader in enumerate(self.readers, start=1):
            reader.finish_carry_report()
            self._report_incomplete(reader.draft, number)
        return self._document(), self.ctx.findings

    # -- text lines -------------------------------------------------------------------------------
    def _line(self, line: TextLine, index: int) -> None:
        key = label_key(line.text)
        if key in ("目录", "目次"):
            self.state = "contents"
        elif self.state == "contents" and not self._ends_contents(line.text, index):
            self._contents_line(line.text)
        elif key.startswith("第一部分"):
            self.state = "part_one"
        elif key.startswith("第二部分"):
            self.state = "part_two"
        elif self.state == "cover":
            self.cover.append(line)
        elif self.state == "part_one":
            self.part_one.append(line)
        else:
            self.state = "part_two"
            self._part_two_line(line)

    def _ends_contents(self, text: str, index: int) -> bool:
        """The body starts at a part heading that the contents already listed or that no paged entry follows."""
        entry = read_entry(text)
        if entry.page is not None:
            return False
        key = label_key(text)
        if key.startswith(("第一部分", "第二部分")):
            listed = any(same_heading(e.title, text) for e in self.contents)
            return listed or not self._repeated_later(index, text)
        return len(key) > 60 or any(label_key(e.title) == key for e in self.contents)

    def _repeated_later(self, index: int, text: str) -> bool:
        """True when a later line repeats a heading: the first one was the contents' entry for it."""
        blocks = self.layout.blocks
        for i in range(index + 1, len(blocks)):
            block = blocks[i]
            if isinstance(block, TextLine) and same_heading(block.text, text):
                return True
        return False

    def _contents_line(self, text: str) -> None:
        number = entry_number(text.strip())
        pieces = split_glued_entries(text, number) if number is not None else [text]
        self.contents.extend(read_entry(p) for p in pieces)

    def _part_two_line(self, line: TextLine) -> None:
        text = line.text.strip()
        key = label_key(text)
        if m := _TITLE.match(text):
            self.pending_title = m.group(2).strip()
        elif m := _MONEY_UNIT.match(text):
            self.pending_money_unit = m.group(1)
        elif m := _UNIT.match(text):
            self.pending_unit = (m.group(1), (m.group(2) or "").strip() or None)
            if m.group(3):
                self.pending_money_unit = m.group(3)
        elif key in _PART_TWO_HEADINGS:
            pass
        else:
            self.ctx.report(
                "P07",
                f"第二部分中的“{text[:30]}”无法识别（不是表格标题、单位或表格），已跳过。",
                self.ctx.source(line.line, line.page, text),
            )

    # -- tables -----------------------------------------------------------------------------------
    def _table(self, table: Table) -> None:
        self.state = "part_two"
        if not _has_label_row(table) and not self._fits_last_indicator_table(table):
            first = next((r for r in table.rows if not r.is_blank), table.rows[0])
            self.ctx.report(
                "P07",
                f"第 {first.line} 行起的表格不是绩效目标表（没有项目编码、预算、绩效目标或指标表头等栏目），已跳过。",
                self.ctx.source(first.line, first.page, " | ".join(c for c in first.cells if c)[:60]),
            )
            return
        if self.drafts and self.pending_title is None and not _has_project_row(table):
            self.readers[-1].read(table)  # a table continued after a page break
            return
        for rows in _split_projects(table):
            self._new_project(Table(rows, table.number, table.page))

    def _fits_last_indicator_table(self, table: Table) -> bool:
        """A table without labels continues the last project's indicators when its rows are as wide."""
        if not self.drafts or not self.drafts[-1].columns:
            return False
        width = max(self.drafts[-1].columns.values()) + 1
        return any(len(r.cells) >= width - 1 for r in table.rows if not r.is_blank)

    def _new_project(self, table: Table) -> None:
        first = next(r for r in table.rows if not r.is_blank)
        unit_code, unit_name = self.pending_unit
        draft = ProjectDraft(
            source=self.ctx.source(first.line, first.page),
            title=self.pending_title,
            unit_code=unit_code,
            unit_name=unit_name,
            money_unit=self.pending_money_unit or "万元",
        )
        reader = ProjectTableReader(self.ctx, draft, len(self.drafts) + 1)
        self.drafts.append(draft)
        self.readers.append(reader)
        self.pending_title = None
        reader.read(table)

    def _report_incomplete(self, draft: ProjectDraft, number: int) -> None:
        missing = []
        if not draft.code and not draft.name:
            missing.append("项目编码和项目名称")
        if not draft.has_header:
            missing.append("指标表头")
        elif not draft.indicators:
            missing.append("指标行")
        if missing:
            self.ctx.report(
                "P09",
                f"项目 {number} 的绩效目标表不完整：缺少" + "、".join(missing) + "。表格可能被截断。",
                draft.source,
                Subject(project=number),
                suggestion="核对原文件，补全该项目的绩效目标表。",
            )

    # -- the document -----------------------------------------------------------------------------
    def _document(self) -> PerformanceDocument:
        cover = read_cover(self.cover, self.ctx)
        goals = read_part_one(self.part_one, self.ctx)
        projects = tuple(freeze(d) for d in self.drafts)
        if not projects and goals.is_empty:
            raise UnreadableError(
                "没有找到部门预算绩效文本的内容（第一部分 部门整体绩效目标，或项目绩效目标表）。"
                "这可能不是绩效文本，或者版式暂不支持。",
                self.layout.file,
            )
        unit_code = next((p.unit_code for p in projects if p.unit_code), None)
        unit_name = cover.unit_name or next((p.unit_name for p in projects if p.unit_name), None)
        return PerformanceDocument(
            unit_code=unit_code,
            unit_name=unit_name,
            fiscal_year=cover.fiscal_year,
            status="draft" if cover.draft else None,
            title=cover.title or "部门预算绩效文本",
            compiled_by=cover.compiled_by,
            reviewed_by=cover.reviewed_by,
            contents=tuple(self.contents),
            department_goals=goals,
            projects=projects,
            framework_version=_framework(projects),
            source=self.ctx.source(None),
        )


_TABLE_LABELS = (
    "项目编码",
    "项目名称",
    "预算规模",
    "预算数",
    "项目资金",
    "资金支出计划",
    "绩效目标",
    "一级指标",
)


def _has_label_row(table: Table) -> bool:
    return any(label_key(r.cell(0)).startswith(_TABLE_LABELS) for r in table.rows)


def _has_project_row(table: Table) -> bool:
    return any(label_key(r.cell(0)).startswith(("项目编码", "项目名称")) for r in table.rows)


def _split_projects(table: Table) -> list[tuple[Row, ...]]:
    """Several projects in one table: a new project starts at each 项目编码 row after the first."""
    groups: list[list[Row]] = [[]]
    for row in table.rows:
        key = label_key(row.cell(0))
        if key.startswith("项目编码") and any(
            label_key(r.cell(0)).startswith("项目编码") for r in groups[-1]
        ):
            groups.append([])
        groups[-1].append(row)
    return [tuple(g) for g in groups if any(not r.is_blank for r in g)]


def _framework(projects: tuple[Project, ...]) -> FrameworkVersion | None:
    """The framework a document's tables follow: 成本指标 at level one is the 2021 guide's."""
    levels = {label_key(i.level1) for p in projects for i in p.indicators}
    if not levels:
        return None
    return "guide_101" if "成本指标" in levels else "legacy_88"


def assemble(layout: Layout) -> tuple[PerformanceDocument, list[Finding]]:
    """Turn a layout into a document and the findings of reading it. Raises UnreadableError."""
    return _Assembler(layout).run()


__all__ = ["assemble"]
