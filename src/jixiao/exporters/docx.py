"""The DOCX exporter: a 部门预算绩效文本 in the official layout, as Word (and WPS) open it.

Cover, contents (a Word TOC field whose shown entries are the document's own, so 更新域 refreshes the page
numbers), 第一部分 in 公文 style and one table per project with the example's merged cells. The paragraphs and
cells carry the same texts as the text exporter's lines and rows, so the DOCX importer reads back an equal model.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any, NamedTuple
from xml.sax.saxutils import escape

from jixiao.model import ContentsEntry, PerformanceDocument, Project

_TITLE_FONT = "方正小标宋简体"
_HEADING_FONT = "黑体"
_KAI_FONT = "楷体_GB2312"
_BODY_FONT = "仿宋_GB2312"
_TABLE_FONT = "宋体"
_LATIN_FONT = "Times New Roman"

# A4 with the 公文 margins (GB/T 9704): 上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm; the text is 156 mm wide.
_MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
_TEXT_WIDTH_MM = 210 - 28 - 26
# The project table: a label column (also 一级指标) and seven data columns, more when the spending plan has
# more months. 三级指标 spans two of them (47 mm): twelve characters of 五号 text fit on one line.
_LABEL_MM = 17.0
_DATA_MM = (20.0, 24.0, 23.0, 25.0, 19.0, 14.0, 14.0)
_BASE_COLUMNS = len(_DATA_MM)

# Word's TOC field over the heading levels 1–2 (the parts; the sections and the project tables)
_TOC = ' TOC \\o "1-2" \\h \\z \\u '
_PARTS = ("第一部分 部门整体绩效目标", "第二部分 预算项目绩效目标")
_SECTIONS = ("一、总体绩效目标", "二、分项绩效目标", "三、工作保障措施")

# Characters XML 1.0 cannot hold (control characters, lone surrogates): dropped, as Word would refuse the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def write_docx(doc: PerformanceDocument) -> bytes:
    """The document as a Word file in the official layout; the DOCX importer reads it back equal."""
    return _Writer(doc).write()


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _amount(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


class _Cell(NamedTuple):
    """A table cell to write: text (paragraphs split at newlines), grid span, vertical merge, look."""

    text: str
    span: int = 1
    merge: str | None = None  # "restart" or "continue"
    label: bool = False
    align: str = "left"


def _label(text: str, span: int = 1, merge: str | None = None) -> _Cell:
    return _Cell(text, span, merge, label=True, align="center")


class _Writer:
    def __init__(self, doc: PerformanceDocument) -> None:
        import docx

        self.doc = doc
        self.word: Any = docx.Document()
        self.body: Any = self.word.element.body
        self.style_ids: dict[str, str] = {}

    def write(self) -> bytes:
        self._page_setup()
        self._styles()
        self._properties()
        self._cover()
        contents = self._contents_entries()
        if contents:
            self._contents(contents)
        if not self.doc.department_goals.is_empty or self.doc.projects:
            self._body_section()
        if not self.doc.department_goals.is_empty:
            self._part_one()
        if self.doc.projects:
            self._part_two(page_break=not self.doc.department_goals.is_empty)
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue()

    # -- page, styles, properties -------------------------------------------------------------------
    def _page_setup(self) -> None:
        from docx.shared import Mm

        section = self.word.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin = Mm(_MARGINS_MM["top"])
        section.bottom_margin = Mm(_MARGINS_MM["bottom"])
        section.left_margin = Mm(_MARGINS_MM["left"])
        section.right_margin = Mm(_MARGINS_MM["right"])
        section.header_distance, section.footer_distance = Mm(15), Mm(28)

    def _styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Mm, Pt

        styles = self.word.styles
        _east_asian_defaults(styles.element)

        def style(name: str, font: str, size: float, base: str | None = "Normal", bold: bool = False) -> Any:
            try:
                s = styles[name]
            except KeyError:
                s = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                s.base_style = styles[base] if base else None
                s.quick_style = True
            _set_font(s, font, size, bold)
            fmt = s.paragraph_format
            fmt.space_before, fmt.space_after = Pt(0), Pt(0)
            fmt.first_line_indent = Pt(0)
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
            self.style_ids[name] = s.style_id
            return s

        normal = style("Normal", _BODY_FONT, 16, base=None)
        normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        normal.paragraph_format.line_spacing = Pt(28)
        normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        normal.paragraph_format.first_line_indent = Pt(32)

        part = style("Heading 1", _TITLE_FONT, 22)
        part.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        part.paragraph_format.space_before, part.paragraph_format.space_after = Pt(12), Pt(24)
        part.paragraph_format.line_spacing = Pt(36)
        section = style("Heading 2", _HEADING_FONT, 16)
        section.paragraph_format.first_line_indent = Pt(32)
        sub = style("Heading 3", _KAI_FONT, 16)
        sub.paragraph_format.first_line_indent = Pt(32)
        for heading in (part, section, sub):
            heading.paragraph_format.keep_with_next = True

        cover = style("封面标题", _TITLE_FONT, 26)
        cover.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        cover.paragraph_format.line_spacing = Pt(48)
        note = style("封面说明", _KAI_FONT, 16)
        note.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        note.paragraph_format.line_spacing = Pt(32)

        contents_title = style("目录标题", _TITLE_FONT, 22)
        contents_title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        contents_title.paragraph_format.space_after = Pt(24)
        contents_title.paragraph_format.line_spacing = Pt(36)
        for level, font in ((1, _HEADING_FONT), (2, _BODY_FONT)):
            entry = style(f"toc {level}", font, 16)
            entry.paragraph_format.left_indent = Pt(32 * (level - 1))
            entry.paragraph_format.tab_stops.add_tab_stop(
                Mm(_TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )

        title = style("表格标题", _HEADING_FONT, 16, base="Heading 2")
        title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.space_after = Pt(6)
        unit = style("表格单位", _BODY_FONT, 14)
        unit.paragraph_format.tab_stops.add_tab_stop(Mm(_TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT)
        unit.paragraph_format.keep_with_next = True
        cell = style("表格文字", _TABLE_FONT, 10.5)
        cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        for name in ("Header", "Footer"):
            style(name, _TABLE_FONT, 14)

    def _properties(self) -> None:
        props = self.word.core_properties
        doc = self.doc
        year = f"{doc.fiscal_year}年" if doc.fiscal_year is not None else ""
        props.title = _NOT_XML.sub("", f"{doc.unit_name or ''}{year}{doc.title}")
        props.author = _NOT_XML.sub("", doc.compiled_by or "")
        props.last_modified_by = "jixiao"
        props.language = "zh-CN"
        props.comments = ""

    # -- paragraphs ---------------------------------------------------------------------------------
    def _new_paragraph(self, style: str) -> Any:
        """An empty paragraph of a style; the style is set by its id, as lookups by name are slow."""
        p = self.word.add_paragraph()
        if style != "Normal":
            p._p.style = self.style_ids[style]
        return p

    def _paragraph(self, text: str, style: str, *, page_break: bool = False, label: str = "") -> Any:
        p = self._new_paragraph(style)
        if label:
            p.add_run(label).bold = True
        if text:
            p.add_run(_NOT_XML.sub("", text))
        if page_break:
            p.paragraph_format.page_break_before = True
        return p

    def _paragraphs(self, text: str, style: str = "Normal", label: str = "") -> None:
        """A field's text, one paragraph per line; the label (``绩效目标：``) starts the first."""
        for i, para in enumerate(text.split("\n")):
            self._paragraph(para, style, label=label if i == 0 else "")

    def _cover(self) -> None:
        from docx.shared import Pt

        doc = self.doc
        year = f"{doc.fiscal_year} 年" if doc.fiscal_year is not None else ""
        lines = [(doc.unit_name or "", "封面标题"), (f"{year}{doc.title}", "封面标题")]
        if doc.status == "draft":
            lines.append(("(草案)", "封面说明"))
        first = True
        for text, style in lines:
            if text:
                p = self._paragraph(text, style)
                if first:
                    p.paragraph_format.space_before = Pt(150)
                    first = False
        signed = [
            f"{who}{what}" for who, what in ((doc.compiled_by, "编制"), (doc.reviewed_by, "审核")) if who
        ]
        for i, text in enumerate(signed):
            p = self._paragraph(text, "封面说明")
            if i == 0:
                p.paragraph_format.space_before = Pt(220)

    def _contents_entries(self) -> tuple[ContentsEntry, ...]:
        # The document's own contents only: an exporter that invented entries would change the model it
        # writes (reading the file back would give contents the document did not have).
        return self.doc.contents

    def _contents(self, entries: tuple[ContentsEntry, ...]) -> None:
        """The contents as a TOC field: Word shows these entries until 更新域 recomputes them."""
        self._paragraph("目 录", "目录标题", page_break=True)
        last = len(entries) - 1
        for i, entry in enumerate(entries):
            level = 1 if entry.title.startswith("第") and "部分" in entry.title[:5] else 2
            p = self._new_paragraph(f"toc {level}")
            if i == 0:
                p._p.append(_field_char("begin"))
                p._p.append(
                    _xml(f'<w:r {_W_NS}><w:instrText xml:space="preserve">{_TOC}</w:instrText></w:r>')
                )
                p._p.append(_field_char("separate"))
            title = _NOT_XML.sub("", entry.title)
            p.add_run(title if entry.page is None else f"{title}\t{entry.page}")
            if i == last:
                p._p.append(_field_char("end"))

    def _body_section(self) -> None:
        """The body starts a section of its own: page numbers ``— 1 —`` from its first page."""
        from docx.enum.section import WD_SECTION
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        section = self.word.add_section(WD_SECTION.NEW_PAGE)
        sect_pr = section._sectPr
        cols = sect_pr.find(_qn("w:cols"))
        restart = _xml(f'<w:pgNumType {_W_NS} w:fmt="decimal" w:start="1"/>')
        if cols is not None:
            cols.addprevious(restart)
        else:
            sect_pr.append(restart)
        footer = section.footer
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run("— ")
        p._p.append(_xml(f'<w:fldSimple {_W_NS} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        p.add_run(" —")

    def _part_one(self) -> None:
        goals = self.doc.department_goals
        self._paragraph(_PARTS[0], "Heading 1")
        self._paragraph(_SECTIONS[0], "Heading 2")
        if goals.overall_goal:
            self._paragraphs(goals.overall_goal)
        self._paragraph(_SECTIONS[1], "Heading 2")
        for n, sub in enumerate(goals.sub_goals, start=1):
            self._paragraph(f"{sub.number if sub.number is not None else n}、{sub.title}", "Heading 3")
            if sub.goal:
                self._paragraphs(sub.goal, label="绩效目标：")
            if sub.indicator_text:
                self._paragraphs(sub.indicator_text, label="绩效指标：")
        self._paragraph(_SECTIONS[2], "Heading 2")
        for section in goals.safeguards:
            self._paragraphs(section.text, label=f"（{section.number}）")

    # -- part two -----------------------------------------------------------------------------------
    def _part_two(self, page_break: bool) -> None:
        self._paragraph(_PARTS[1], "Heading 1", page_break=page_break)
        for number, project in enumerate(self.doc.projects, start=1):
            self._paragraph(f"{number}.{project.display_title}", "表格标题", page_break=number > 1)
            unit = (
                " ".join(x for x in (project.unit_code, project.unit_name) if x) if project.unit_code else ""
            )
            money = f"单位：{project.money_unit}"
            self._paragraph(f"{unit}\t{money}" if unit else f"\t{money}", "表格单位")
            self.body.sectPr.addprevious(_xml(_table_xml(project)))
        # Word needs a paragraph after the last table; 1 pt high, so it cannot spill onto a blank page
        self.body.sectPr.addprevious(
            _xml(
                f'<w:p {_W_NS}><w:pPr><w:spacing w:line="20" w:lineRule="exact"/>'
                '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
            )
        )


# -- the project table ---------------------------------------------------------------------------------


def _table_xml(p: Project) -> str:
    """The project's 绩效目标表 as WordprocessingML, merged cells as in the official layout."""
    months = len(p.spending_plan)
    data_columns = max(_BASE_COLUMNS, months)
    if data_columns == _BASE_COLUMNS:
        widths = [_LABEL_MM, *_DATA_MM]
        base = [1] * _BASE_COLUMNS
    else:  # more months than columns: a finer grid, each base column spanning several
        widths = [_LABEL_MM] + [(_TEXT_WIDTH_MM - _LABEL_MM) / data_columns] * data_columns
        bounds = [round(j * data_columns / _BASE_COLUMNS) for j in range(_BASE_COLUMNS + 1)]
        base = [bounds[j + 1] - bounds[j] for j in range(_BASE_COLUMNS)]

    def span(first: int, last: int) -> int:
        return sum(base[first : last + 1])

    rows: list[list[_Cell]] = [
        [
            _label("项目编码"),
            _Cell(p.code, span(0, 1)),
            _label("项目名称", span(2, 2)),
            _Cell(p.name, span(3, 6)),
        ],
        [
            _label("预算规模及资金用途", merge="restart"),
            _label("预算数", span(0, 0)),
            _Cell(_amount(p.budget_total), span(1, 1), align="center"),
            _label("其中：财政资金", span(2, 2)),
            _Cell(_amount(p.budget_fiscal), span(3, 3), align="center"),
            _label("其他资金", span(4, 4)),
            _Cell(_amount(p.budget_other), span(5, 6), align="center"),
        ],
        [_label("", merge="continue"), _Cell(p.purpose, span(0, 6))],
    ]
    if months:
        # every month but the last one cell wide, so the values sit right under their months
        spans = [1] * (months - 1) + [data_columns - (months - 1)]
        header = [_label(s.month, n) for s, n in zip(p.spending_plan, spans, strict=True)]
        values = [
            _Cell("" if s.percent is None else f"{s.percent:f}%", n, align="center")
            for s, n in zip(p.spending_plan, spans, strict=True)
        ]
        rows.append([_label("资金支出计划（%）", merge="restart"), *header])
        rows.append([_label("", merge="continue"), *values])
    goals = "\n".join(f"{n}.{g}" for n, g in enumerate(p.goals, start=1))
    rows.append([_label("绩效目标"), _Cell(goals, span(0, 6))])
    rows.append(
        [
            _label(h, s)
            for h, s in zip(
                ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"),
                (1, span(0, 0), span(1, 2), span(3, 3), span(4, 4), span(5, 6)),
                strict=True,
            )
        ]
    )
    previous: str | None = None
    for i, ind in enumerate(p.indicators):
        same = i > 0 and ind.level1 == previous
        previous = ind.level1
        rows.append(
            [
                _Cell("" if same else ind.level1, merge="continue" if same else "restart", align="center"),
                _Cell(ind.level2, span(0, 0), align="center"),
                _Cell(ind.level3, span(1, 2)),
                _Cell(ind.description, span(3, 3)),
                _Cell(ind.value.raw, span(4, 4), align="center"),
                _Cell(ind.basis, span(5, 6)),
            ]
        )
    return table_xml(rows, [_twips(w) for w in widths])


def table_xml(rows: list[list[_Cell]], twips: list[int]) -> str:
    """A bordered table of fixed column widths (twips) as WordprocessingML, centred on the page."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    body = "".join(_row_xml(r, twips) for r in rows)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f"<w:tbl {_W_NS}><w:tblPr>"
        f'<w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="45" w:type="dxa"/><w:right w:w="45" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


def _row_xml(cells: list[_Cell], twips: list[int]) -> str:
    out = ["<w:tr><w:trPr><w:cantSplit/></w:trPr>"]
    column = 0
    for cell in cells:
        width = sum(twips[column : column + cell.span])
        column += cell.span
        props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if cell.span > 1:
            props += f'<w:gridSpan w:val="{cell.span}"/>'
        if cell.merge:
            props += f'<w:vMerge w:val="{cell.merge}"/>' if cell.merge == "restart" else "<w:vMerge/>"
        props += '<w:vAlign w:val="center"/>'
        bold = "<w:rPr><w:b/></w:rPr>" if cell.label else ""
        paras = "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{_CELL_STYLE_ID}"/><w:jc w:val="{cell.align}"/></w:pPr>'
            + (f'<w:r>{bold}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>' if line else "")
            + "</w:p>"
            for line in _NOT_XML.sub("", cell.text).replace("\t", " ").split("\n")
        )
        out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{paras}</w:tc>")
    out.append("</w:tr>")
    return "".join(out)


_CELL_STYLE_ID = "表格文字"


# -- XML helpers ---------------------------------------------------------------------------------------


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _xml(text: str) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(text)


def _field_char(kind: str) -> Any:
    return _xml(f'<w:r {_W_NS}><w:fldChar w:fldCharType="{kind}"/></w:r>')


def _set_font(style: Any, east_asian: str, size: float, bold: bool) -> None:
    """A style's fonts by their Chinese names, set for East-Asian text (w:eastAsia) and Latin alike."""
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name = _LATIN_FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(_qn(theme), None)
    fonts.set(_qn("w:eastAsia"), east_asian)
    fonts.set(_qn("w:cs"), _LATIN_FONT)
    color = font.color._color  # the heading styles' theme colour would override the black
    if color is not None:
        for theme in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(_qn(theme), None)


def _east_asian_defaults(styles: Any) -> None:
    """Document defaults: explicit fonts instead of the template's theme fonts, Chinese as the language."""
    r_pr = styles.find(_qn("w:docDefaults") + "/" + _qn("w:rPrDefault") + "/" + _qn("w:rPr"))
    if r_pr is None:
        return
    fonts = r_pr.find(_qn("w:rFonts"))
    if fonts is not None:
        fonts.attrib.clear()
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(_qn(attr), _LATIN_FONT)
        fonts.set(_qn("w:eastAsia"), _BODY_FONT)
    lang = r_pr.find(_qn("w:lang"))
    if lang is not None:
        lang.set(_qn("w:val"), "en-US")
        lang.set(_qn("w:eastAsia"), "zh-CN")
