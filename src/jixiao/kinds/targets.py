"""The targets kind: a 部门预算绩效文本 or any file of project 绩效目标表, read into a PerformanceDocument.

Lines around the tables give the cover, the contents, part one (部门整体绩效目标 as text), table titles, unit
lines and money units; every unit the engine read that names a project becomes a Project, and a unit that names
no project but a department (部门职责, 年度履职目标 …) becomes the document's 部门整体绩效目标表.
"""

from __future__ import annotations

import re
from typing import Any

from jixiao.importers.cleanup import label_key
from jixiao.importers.engine.cells import read_percent
from jixiao.importers.engine.reader import Reading
from jixiao.importers.engine.reading import Unit
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import TextLine
from jixiao.importers.lines.contents import entry_number, read_entry, same_heading, split_glued_entries
from jixiao.importers.lines.cover import read_cover
from jixiao.importers.lines.part_one import read_part_one
from jixiao.kinds import forms
from jixiao.kinds.base import DocumentKind, lazy, writers
from jixiao.kinds.common import (
    Builder,
    check_code,
    fund_sources,
    national_split,
    report_missing_columns,
    ticked,
)
from jixiao.kinds.department import department_of, is_department_unit
from jixiao.kinds.indicators import indicator_of
from jixiao.kinds.titles import DocumentLines, read_labelled
from jixiao.model import (
    ContentsEntry,
    DepartmentTargets,
    Finding,
    FrameworkVersion,
    PerformanceDocument,
    Project,
    SpendingPoint,
    Subject,
)
from jixiao.model.framework import level1_key

_TITLE = re.compile(r"^(\d{1,3})\s*[.、．]\s*(.+绩效目标表)$")
_UNIT = re.compile(r"^(\d{6,12})\s*(?!单位\s*[:：])(\S+(?:\s+\S+)*?)?(?:\s*单位\s*[:：]\s*(\S+))?$")
_MONEY_UNIT = re.compile(r"^(?:金额)?单位\s*[:：]\s*(\S+)$")
_PART_TWO_HEADINGS = ("预算项目绩效目标", "项目绩效目标")
REQUIRED = ("level3", "target")
_LABELS = {"level3": "三级指标", "target": "指标值"}
_TABLE_TITLE = re.compile(r"(表|情况|指标)[)）]?$")


def evidence(reading: Reading) -> int:
    """Targets are what a file is when nothing says otherwise: 1, more for what only target tables print."""
    roles = {r for u in reading.units for r in u.roles}
    score = 1
    score += 2 * len(
        roles & {"basis", "description", "spending_plan", "purpose", "explanation", "scoring_rule"}
    )
    return score


class _Assembler:
    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.ctx = reading.ctx
        self.state = "cover"
        self.cover: list[TextLine] = []
        self.contents: list[ContentsEntry] = []
        self.part_one: list[TextLine] = []
        self.projects: list[Project] = []
        self.department: DepartmentTargets | None = None
        self.lines = DocumentLines()
        self.pending_title: str | None = None
        self.pending_unit: tuple[str | None, str | None] = (None, None)
        self.pending_money_unit: str | None = None

    def run(self) -> tuple[PerformanceDocument, list[Finding]]:
        blocks = self.reading.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, Unit):
                self._unit(block)
            else:
                self._line(block, index)
        return self._document(), self.ctx.findings

    # -- lines ------------------------------------------------------------------------------------------
    def _line(self, line: TextLine, index: int) -> None:
        key = label_key(line.text)
        if read_labelled(line.text, self.lines):
            if self.lines.money_unit:
                self.pending_money_unit = self.lines.money_unit
            return
        if key in ("目录", "目次"):
            self.state = "contents"
        elif self.state == "contents" and not self._ends_contents(line.text, index):
            self._contents_line(line.text)
        elif key.startswith("第一部分"):
            self.state = "part_one"
        elif key.startswith("第二部分"):
            self.state = "part_two"
        elif self.state == "cover" and not self._before_table(index):
            self.cover.append(line)
        elif self.state == "part_one":
            self.part_one.append(line)
        else:
            if self.state == "cover" and not self.lines.title and not self.projects:
                self.lines.note_title(line.text)
            self.state = "part_two"
            self._part_two_line(line)

    def _before_table(self, index: int) -> bool:
        """A title line right above the first table (forms without a cover page) is the table's, not a cover's."""
        for block in self.reading.blocks[index + 1 :]:
            if isinstance(block, Unit):
                return not self.cover
            if not _TABLE_TITLE.search(label_key(block.text)) and not read_labelled(
                block.text, DocumentLines()
            ):
                return False
        return False

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
        for block in self.reading.blocks[index + 1 :]:
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
        elif key in _PART_TWO_HEADINGS or len(key) <= 2:
            pass  # a part's heading, or one or two characters of a rotated label printed apart
        elif _TABLE_TITLE.search(key) and len(key) <= 60:
            self.lines.note_title(text)  # a form's title over its tables (…绩效目标申报表, 绩效项目指标表)
        else:
            self.ctx.report(
                "P07",
                f"第二部分中的“{text[:30]}”无法识别（不是表格标题、单位或表格），已跳过。",
                self.ctx.source(line.line, line.page, text),
            )

    # -- units ------------------------------------------------------------------------------------------
    def _unit(self, unit: Unit) -> None:
        self.state = "part_two"
        if unit.department_total:
            return
        if is_department_unit(unit):
            dept, _ = department_of(self.reading, unit, self.lines)
            self.department = dept if self.department is None else self.department
            self.pending_title = None
            return
        unit.number = len(self.projects) + 1
        self.projects.append(self._project(unit))
        self.pending_title = None

    def _project(self, unit: Unit) -> Project:
        unit_code, unit_name = self.pending_unit
        money_unit = unit.money_unit or self.pending_money_unit or self.lines.money_unit or "万元"
        b = Builder(self.ctx, unit, money_unit)
        cells: dict[str, Any] = {}
        code_cell = unit.first("project_code")
        code = code_cell.text.strip() if code_cell else ""
        if code_cell is not None:
            cells["code"] = code_cell.source
            check_code(b, code, code_cell.source)
        name_cell = unit.first("project_name")
        name = ""
        if name_cell is not None:
            name = b.clean(name_cell.text, name_cell.source, "项目名称", "name")
            cells["name"] = name_cell.source
        funds = fund_sources(b, unit.funds)
        national, national_sources, complete = national_split(funds)
        budget_cell = unit.first("budget")
        if budget_cell is not None and "budget_total" not in national:
            national["budget_total"] = b.money(budget_cell, "预算数", "budget_total")
            national_sources["budget_total"] = budget_cell.source
        cells.update(national_sources)
        purpose, purpose_src = b.joined("purpose", "资金用途")
        if purpose_src is not None:
            cells["purpose"] = purpose_src
        goals, goals_src = b.items("goal", "绩效目标")
        if goals_src is not None:
            cells["goals"] = goals_src
        mid_goals, _ = b.items("mid_term_goal", "中期目标")
        plan = self._spending(b, unit)
        if unit.spending_source is not None:
            cells["spending_plan"] = unit.spending_source
        indicators = tuple(indicator_of(b, row, n) for n, row in enumerate(unit.rows, start=1))
        self._report_incomplete(unit, code, name, len(indicators))
        report_missing_columns(b, unit, REQUIRED, _LABELS)
        details = tuple((label, cell.text) for label, cell in unit.details if cell.text.strip())
        details += tuple(("实际完成情况", c.text) for c in unit.fields.get("achieved", []))
        title = self.pending_title
        return Project(
            code=code,
            name=name,
            budget_total=national.get("budget_total"),
            budget_fiscal=national.get("budget_fiscal"),
            budget_other=national.get("budget_other"),
            money_unit=money_unit,
            purpose=purpose,
            spending_plan=plan,
            goals=goals,
            indicators=indicators,
            unit_code=unit_code,
            unit_name=unit_name or (unit.text("unit_name") or None),
            title=title if title != f"{name}绩效目标表" else None,
            supervising_department=unit.text("supervising_department"),
            implementing_unit=unit.text("implementing_unit"),
            attribute=ticked(unit.text("attribute")),
            category=ticked(unit.text("category")),
            period=unit.text("period"),
            funds=() if complete else tuple(funds),
            mid_term_goals=mid_goals,
            details=details,
            source=unit.source,
            cell_sources=tuple(cells.items()),
        )

    def _spending(self, b: Builder, unit: Unit) -> tuple[SpendingPoint, ...]:
        points = []
        for month, cell in unit.spending:
            percent = None
            if cell is not None:
                percent, ok = read_percent(cell.text)
                if not ok:
                    b.ctx.report(
                        "P08",
                        f"项目 {b.number} 的资金支出计划“{month}”下的“{cell.text}”不是百分比，已忽略。",
                        cell.source,
                        b.subject("spending_plan"),
                    )
            points.append(SpendingPoint(month, percent))
        return tuple(points)

    def _report_incomplete(self, unit: Unit, code: str, name: str, indicators: int) -> None:
        missing = []
        if not code and not name:
            missing.append("项目编码和项目名称")
        if not unit.has_header:
            missing.append("指标表头")
        elif not indicators:
            missing.append("指标行")
        if missing:
            self.ctx.report(
                "P09",
                f"项目 {unit.number} 的绩效目标表不完整：缺少" + "、".join(missing) + "。表格可能被截断。",
                unit.source,
                Subject(project=unit.number),
                suggestion="核对原文件，补全该项目的绩效目标表。",
            )

    # -- the document -----------------------------------------------------------------------------------
    def _document(self) -> PerformanceDocument:
        cover = read_cover(self.cover, self.ctx)
        goals = read_part_one(self.part_one, self.ctx)
        projects = tuple(self.projects)
        if not projects and goals.is_empty and self.department is None:
            raise UnreadableError(
                "没有找到部门预算绩效文本的内容（第一部分 部门整体绩效目标，或项目绩效目标表）。"
                "这可能不是绩效文本，或者版式暂不支持。",
                self.reading.file,
            )
        unit_code = next((p.unit_code for p in projects if p.unit_code), None) or self.lines.unit_code
        unit_name = (
            cover.unit_name
            or self.lines.unit_name
            or next((p.unit_name for p in projects if p.unit_name), None)
            or (self.department.unit_name if self.department else None)
        )
        return PerformanceDocument(
            unit_code=unit_code,
            unit_name=unit_name,
            fiscal_year=cover.fiscal_year or self.lines.fiscal_year,
            status="draft" if cover.draft else None,
            title=cover.title or self.lines.title or "部门预算绩效文本",
            compiled_by=cover.compiled_by,
            reviewed_by=cover.reviewed_by,
            contents=tuple(self.contents),
            department_goals=goals,
            projects=projects,
            framework_version=framework_of(projects),
            department_table=self.department,
            form=forms.form_of(self.reading, "targets"),
            source=self.ctx.source(None),
        )


def framework_of(projects: tuple[Project, ...]) -> FrameworkVersion | None:
    """The framework a document's tables follow: 成本指标 at level one is the 2021 guide's."""
    levels = {level1_key(i.level1) for p in projects for i in p.indicators}
    if not levels - {None}:
        return None
    return "guide_101" if "成本" in levels else "legacy_88"


def build(reading: Reading) -> tuple[PerformanceDocument, list[Finding]]:
    """The PerformanceDocument of a reading. Raises UnreadableError when it holds none."""
    return _Assembler(reading).run()


KIND = DocumentKind(
    name="targets",
    label="部门预算绩效文本（绩效目标表）",
    record=PerformanceDocument,
    json_format="jixiao.performance-document",
    to_dict=lazy("jixiao.model.serialize", "document_to_dict"),
    from_dict=lazy("jixiao.model.serialize", "document_from_dict"),
    evidence=evidence,
    build=build,
    writers=writers("jixiao.exporters", "write_document"),
    required=REQUIRED,
    rules="targets",
)
