"""The XLSX exporter: a summary sheet, a sheet for the cover and part one, and one sheet per project table.

The workbook reads back into an equal model: sheet 第一部分 holds the text layout's running lines (cover,
contents, part one, the 第二部分 heading) one per row in column A; each project sheet holds the title, unit and
money-unit lines and the official 7-column grid with merged cells. The summary sheet repeats what the project
sheets hold and is named in a custom document property, which the XLSX importer uses to skip it.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from dataclasses import replace
from decimal import Decimal
from typing import Any

from jixiao.exporters.text import write_text
from jixiao.importers.xlsx import SUMMARY_PROPERTY, number_text
from jixiao.model import STATUS_LABELS, PerformanceDocument, Project

SUMMARY_SHEET = "汇总"
PART_ONE_SHEET = "第一部分"
_GRID_COLUMNS = 7
_FONT = "宋体"
_TITLE_FONT = "黑体"
_LINE_HEIGHT = 14.5  # points per wrapped line of 11-point text
_MAX_ROW_HEIGHT = 409  # Excel's limit
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_MIN_WIDTHS = (12, 12, 14, 18, 12, 12, 12)
_MAX_WIDTH = 30
_HEADINGS = ("目 录", "目录", "第一部分", "第二部分", "部门整体绩效目标", "预算项目绩效目标")
_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def open_workbook(buffer: io.BytesIO, properties: dict[str, str]) -> Any:
    """An xlsxwriter workbook in memory that writes every text as text (no formula, link or number guessed)."""
    import xlsxwriter  # type: ignore[import-untyped]

    workbook = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    workbook.set_properties({**properties, "comments": "由 jixiao 生成"})
    return workbook


def write_xlsx(doc: PerformanceDocument) -> bytes:
    """The document as an Excel workbook: summary, cover and part one, one official table per project."""
    buffer = io.BytesIO()
    workbook = open_workbook(
        buffer,
        {
            "title": f"{doc.fiscal_year} 年{doc.title}" if doc.fiscal_year else doc.title,
            "author": doc.compiled_by or doc.unit_name or "",
            "company": doc.unit_name or "",
        },
    )
    workbook.set_custom_property(SUMMARY_PROPERTY, SUMMARY_SHEET)
    styles = _Styles(workbook)
    names = _SheetNames()
    summary = workbook.add_worksheet(names.take(SUMMARY_SHEET))
    part_one = workbook.add_worksheet(names.take(PART_ONE_SHEET))
    project_sheets = [
        names.take(f"{n}.{p.name}" if p.name else f"项目{n}") for n, p in enumerate(doc.projects, 1)
    ]
    _write_summary(summary, doc, project_sheets, styles)
    _write_part_one(part_one, doc, styles)
    for number, (project, name) in enumerate(zip(doc.projects, project_sheets, strict=True), start=1):
        _write_project(workbook.add_worksheet(name), number, project, styles)
    summary.activate()
    workbook.close()
    return buffer.getvalue()


# -- names, widths, formats ---------------------------------------------------------------------------------
class _SheetNames:
    """Sheet names Excel accepts: at most 31 characters, none of []:*?/\\, unique ignoring case."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        """A valid unused name as close to the wanted one as possible."""
        base = _BAD_SHEET_CHARS.sub("_", " ".join(wanted.split())).strip("'") or "Sheet"
        name, n = base[:31], 1
        while name.casefold() in self.used or name.casefold() == "history":
            n += 1
            tail = f"({n})"
            name = base[: 31 - len(tail)] + tail
        self.used.add(name.casefold())
        return name


def display_width(text: str) -> int:
    """The width of a text in Excel column units: a CJK (wide or full-width) character counts double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _lines(text: str, width: float) -> int:
    """How many lines a wrapped text takes in a cell of a given width."""
    usable = max(width - 2, 1)  # cell padding; fonts differ between Excel, WPS and LibreOffice
    return (
        sum(max(1, math.ceil(display_width(part) * 1.05 / usable)) for part in text.split("\n"))
        if text
        else 1
    )


class _Styles:
    """The workbook's cell formats, created once and shared."""

    def __init__(self, workbook: Any) -> None:
        self.workbook = workbook
        base = {"font_name": _FONT, "font_size": 11, "valign": "vcenter", "text_wrap": True}
        grid = {**base, "border": 1}
        self.title = workbook.add_format(
            {**base, "font_name": _TITLE_FONT, "font_size": 14, "align": "center"}
        )
        self.cover = workbook.add_format(
            {**base, "font_name": _TITLE_FONT, "font_size": 16, "align": "center"}
        )
        self.heading = workbook.add_format({**base, "font_name": _TITLE_FONT, "font_size": 12, "bold": True})
        self.paragraph = workbook.add_format({**base, "valign": "top"})
        self.left = workbook.add_format(base)
        self.right = workbook.add_format({**base, "align": "right"})
        self.header = workbook.add_format({**grid, "bold": True, "align": "center", "bg_color": "#D9D9D9"})
        self.label = workbook.add_format({**grid, "align": "center", "bg_color": "#F2F2F2"})
        self.cell = workbook.add_format(grid)
        self.center = workbook.add_format({**grid, "align": "center"})
        self.link = workbook.add_format({**grid, "font_color": "#0563C1", "underline": 1})
        self._numbers: dict[str, Any] = {}
        self._grid = grid

    def number(self, number_format: str) -> Any:
        """A bordered, right-aligned number format such as ``0.00`` or ``0%``."""
        if number_format not in self._numbers:
            self._numbers[number_format] = self.workbook.add_format(
                {**self._grid, "align": "right", "num_format": number_format}
            )
        return self._numbers[number_format]


class _Sheet:
    """A worksheet being written: cells, merges, and the texts that decide column widths and row heights."""

    def __init__(self, sheet: Any, columns: int, styles: _Styles) -> None:
        self.ws = sheet
        self.columns = columns
        self.styles = styles
        self.row = 0
        self.texts: list[tuple[int, int, int, int, str]] = []  # row, first and last column, last row, text

    def text(
        self, col: int, text: str, fmt: Any, last_col: int | None = None, last_row: int | None = None
    ) -> None:
        """A text cell, merged to ``last_col``/``last_row`` when given; always a string, never a formula."""
        last_col = col if last_col is None else last_col
        last_row = self.row if last_row is None else last_row
        if last_col > col or last_row > self.row:
            self.ws.merge_range(self.row, col, last_row, last_col, "", fmt)
        if text:
            self.ws.write_string(self.row, col, text, fmt)
        elif last_col == col and last_row == self.row:
            self.ws.write_blank(self.row, col, None, fmt)
        self.texts.append((self.row, col, last_col, last_row, text))

    def amount(self, col: int, value: Decimal | None, places: int, percent: bool = False) -> None:
        """A number kept as a number, formatted so that reading it back gives the same Decimal; else text."""
        if value is None:
            self.ws.write_blank(self.row, col, None, self.styles.cell)
            return
        exponent = value.as_tuple().exponent
        places = max(places, -exponent if isinstance(exponent, int) else 0)
        number_format = ("0." + "0" * places if places else "0") + ("%" if percent else "")
        number = float(value / 100 if percent else value)
        shown = number_text(number, number_format)
        if _as_decimal(shown.removesuffix("%")) == value:
            self.ws.write_number(self.row, col, number, self.styles.number(number_format))
            self.texts.append((self.row, col, col, self.row, shown))
        else:  # beyond a float's 15 digits: keep the exact text
            text = f"{value:f}%" if percent else f"{value:f}"
            self.text(col, text, self.styles.cell)

    def line(self, text: str, fmt: Any, merge: bool = True) -> None:
        """A row holding one text (a title or a line), merged across the grid."""
        self.text(0, text, fmt, self.columns - 1 if merge else 0)
        self.row += 1

    def finish(self, min_widths: tuple[int, ...] = _MIN_WIDTHS, max_width: int = _MAX_WIDTH) -> None:
        """Column widths from the single-column texts (CJK counted double); row heights from wrapped texts."""
        widths = [
            float(min_widths[c] if c < len(min_widths) else min_widths[-1]) for c in range(self.columns)
        ]
        for _, first, last, _, text in self.texts:
            if first == last and first < self.columns:
                need = max((display_width(p) for p in text.split("\n")), default=0) + 2
                widths[first] = max(widths[first], min(need, max_width))
        for c, w in enumerate(widths):
            self.ws.set_column(c, c, w)
        heights: dict[int, int] = {}
        for row, first, last, last_row, text in self.texts:
            if last_row > row:
                continue  # a cell merged down (预算规模及资金用途, a 一级指标 group) fits its rows
            width = sum(widths[first : min(last, self.columns - 1) + 1])
            heights[row] = max(heights.get(row, 1), _lines(text, width))
        for row, lines in heights.items():
            if lines > 1:
                self.ws.set_row(row, min(_MAX_ROW_HEIGHT, lines * _LINE_HEIGHT + 4))
        self.ws.set_paper(9)  # A4
        self.ws.fit_to_pages(1, 0)


def _as_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except ArithmeticError:
        return None


# -- the sheets ---------------------------------------------------------------------------------------------
def _write_summary(ws: Any, doc: PerformanceDocument, sheets: list[str], st: _Styles) -> None:
    sheet = _Sheet(ws, 8, st)
    year = f"{doc.fiscal_year} 年" if doc.fiscal_year is not None else ""
    sheet.line(f"{doc.unit_name or ''}{year}{doc.title}项目汇总", st.title)
    facts = (
        ("单位编码", doc.unit_code),
        ("单位名称", doc.unit_name),
        ("预算年度", str(doc.fiscal_year) if doc.fiscal_year is not None else None),
        ("状态", STATUS_LABELS.get(doc.status or "")),
        ("编制单位", doc.compiled_by),
        ("审核单位", doc.reviewed_by),
    )
    for label, value in facts:
        if value:
            sheet.text(0, label, st.label)
            sheet.text(1, value, st.cell, 3)
            sheet.row += 1
    sheet.row += 1
    for col, head in enumerate(
        ("序号", "项目编码", "项目名称", "预算数", "财政资金", "其他资金", "金额单位", "指标数")
    ):
        sheet.text(col, head, st.header)
    sheet.row += 1
    first = sheet.row
    for number, (project, name) in enumerate(zip(doc.projects, sheets, strict=True), start=1):
        ws.write_number(sheet.row, 0, number, st.number("0"))
        sheet.text(1, project.code, st.cell)
        target = name.replace("'", "''")
        ws.write_url(sheet.row, 2, f"internal:'{target}'!A1", st.link, project.name or name)
        sheet.texts.append((sheet.row, 2, 2, sheet.row, project.name))
        for col, amount in ((3, project.budget_total), (4, project.budget_fiscal), (5, project.budget_other)):
            sheet.amount(col, amount, 2)
        sheet.text(6, project.money_unit, st.center)
        ws.write_number(sheet.row, 7, len(project.indicators), st.number("0"))
        sheet.row += 1
    units = {p.money_unit for p in doc.projects}
    if doc.projects and len(units) == 1:
        sheet.text(0, "合计", st.label, 2)
        for col, field in ((3, "budget_total"), (4, "budget_fiscal"), (5, "budget_other")):
            values = [getattr(p, field) for p in doc.projects if getattr(p, field) is not None]
            if not values:
                ws.write_blank(sheet.row, col, None, st.cell)
                continue
            letter = "DEF"[col - 3]
            total = float(sum(values, Decimal(0)))  # the cached result, shown before Excel recalculates
            ws.write_formula(
                sheet.row, col, f"=SUM({letter}{first + 1}:{letter}{sheet.row})", st.number("0.00"), total
            )
        sheet.text(6, units.pop(), st.center)
        ws.write_number(sheet.row, 7, doc.indicator_count, st.number("0"))
        sheet.row += 1
    sheet.finish((6, 24, 30, 12, 12, 12, 10, 8), 40)
    ws.freeze_panes(first, 0)


def part_one_lines(doc: PerformanceDocument) -> list[str]:
    """The running lines before the project tables, in the order the text layout writes them."""
    lines = [line.strip() for line in write_text(replace(doc, projects=())).split("\n") if line.strip()]
    if doc.projects:
        lines += ["第二部分", "预算项目绩效目标"]
    return lines


def _write_part_one(ws: Any, doc: PerformanceDocument, st: _Styles) -> None:
    sheet = _Sheet(ws, 1, st)
    part = "cover"
    for text in part_one_lines(doc):
        if text in _HEADINGS:
            part = "contents" if text in _HEADINGS[:2] else "body"
            if text in _HEADINGS[:4] and sheet.row > 0:
                sheet.row += 1  # a blank row before 目录 and each part (read back as nothing)
        if part == "cover":
            fmt = st.cover
        elif text in _HEADINGS or (part == "body" and _SECTION_HEADING.match(text)):
            fmt = st.heading
        else:
            fmt = st.paragraph
        sheet.line(text, fmt, merge=False)
    sheet.finish((72,), 72)  # about the width of an A4 page


def _write_project(ws: Any, number: int, p: Project, st: _Styles) -> None:
    columns = max(_GRID_COLUMNS, 1 + len(p.spending_plan))
    last = columns - 1
    sheet = _Sheet(ws, columns, st)
    sheet.line(f"{number}.{p.display_title}", st.title)
    if p.unit_code:
        sheet.line(" ".join(x for x in (p.unit_code, p.unit_name) if x), st.left)
    sheet.line(f"单位：{p.money_unit}", st.right)

    sheet.text(0, "项目编码", st.label)
    sheet.text(1, p.code, st.cell, 2)
    sheet.text(3, "项目名称", st.label)
    sheet.text(4, p.name, st.cell, last)
    sheet.row += 1

    sheet.text(0, "预算规模及资金用途", st.label, last_row=sheet.row + 1)
    sheet.text(1, "预算数", st.label)
    sheet.amount(2, p.budget_total, 2)
    sheet.text(3, "其中：财政资金", st.label)
    sheet.amount(4, p.budget_fiscal, 2)
    sheet.text(5, "其他资金", st.label)
    sheet.amount(6, p.budget_other, 2)
    for col in range(7, columns):
        sheet.text(col, "", st.cell)
    sheet.row += 1
    sheet.text(1, p.purpose, st.cell, last)
    sheet.row += 1

    if p.spending_plan:
        months = len(p.spending_plan)
        sheet.text(0, "资金支出计划（%）", st.label, last_row=sheet.row + 1)
        for i, point in enumerate(p.spending_plan):
            sheet.text(1 + i, _spaced_month(point.month), st.header, last if i == months - 1 else None)
        sheet.row += 1
        for i, point in enumerate(p.spending_plan):
            if i == months - 1 and 1 + i < last:
                sheet.ws.merge_range(sheet.row, 1 + i, sheet.row, last, "", st.cell)
            sheet.amount(1 + i, point.percent, 0, percent=True)
        sheet.row += 1

    sheet.text(0, "绩效目标", st.label)
    sheet.text(1, "\n".join(f"{n}.{g}" for n, g in enumerate(p.goals, start=1)), st.cell, last)
    sheet.row += 1

    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值")):
        sheet.text(col, head, st.header)
    sheet.text(5, "指标值确定依据", st.header, last)
    sheet.row += 1
    groups = _level1_groups(p)
    for i, ind in enumerate(p.indicators):
        if i in groups:
            sheet.text(0, ind.level1, st.center, last_row=sheet.row + groups[i] - 1)
        sheet.text(1, ind.level2, st.center)
        sheet.text(2, ind.level3, st.cell)
        sheet.text(3, ind.description, st.cell)
        sheet.text(4, ind.value.raw, st.center)
        sheet.text(5, ind.basis, st.cell, last)
        sheet.row += 1
    sheet.finish()
    ws.set_landscape()


def _level1_groups(p: Project) -> dict[int, int]:
    """The first indicator of each run of equal 一级指标 and the run's length (merged vertically)."""
    groups: dict[int, int] = {}
    start = 0
    for i, ind in enumerate(p.indicators):
        if i > 0 and ind.level1 != p.indicators[start].level1:
            start = i
        groups[start] = groups.get(start, 0) + 1
    return groups


def _spaced_month(month: str) -> str:
    """``3月底`` written as in the example, ``3 月底``."""
    digits = len(month) - len(month.lstrip("0123456789"))
    return f"{month[:digits]} {month[digits:]}" if 0 < digits < len(month) else month


__all__ = ["display_width", "part_one_lines", "write_xlsx"]
