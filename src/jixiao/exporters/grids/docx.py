"""A grid document as DOCX in the official layout.

Landscape A4, the 公文 fonts of the target document's writer (set by their Chinese names through
``w:eastAsia``), the main title with its lines (填报单位, the approved targets …) under it, then each table under
its title, each on a page of its own, with its merged cells. The document's properties go into the core
properties (subject, keywords). The cells hold the texts of the text form, so the importer reads back equal.
"""

from __future__ import annotations

import io
from typing import Any

from jixiao.exporters.docx import _W_NS, _Cell, _twips, _Writer, _xml, table_xml
from jixiao.exporters.grids.cells import GridDocument, GridTable
from jixiao.model import PerformanceDocument

# landscape A4: 297 × 210 mm; the tables are 243 mm wide between the side margins
_PAGE_MM = (297, 210)
_MARGINS_MM = {"top": 25, "bottom": 20, "left": 27, "right": 27}


def write_grid_docx(doc: GridDocument) -> bytes:
    """A grid document as a Word file; the DOCX importer reads it back equal."""
    return _GridWriter(doc).write()


class _GridWriter(_Writer):
    """The target document's writer for its page, styles and paragraphs; tables from the grids."""

    def __init__(self, doc: GridDocument) -> None:
        super().__init__(PerformanceDocument())
        self.grid = doc

    def write(self) -> bytes:
        self._page_setup()
        self._landscape()
        self._styles()
        self._grid_properties()
        title = self._paragraph(self.grid.title, "Heading 1")
        title.paragraph_format.space_before, title.paragraph_format.space_after = _points(0), _points(6)
        for line in self.grid.lines:
            p = self._paragraph(line, "封面说明")
            p.paragraph_format.line_spacing = _points(20)
            for run in p.runs:
                run.font.size = _points(12)
        for number, table in enumerate(self.grid.tables, start=1):
            self._paragraph(table.title, "表格标题", page_break=number > 1)
            self.body.sectPr.addprevious(_xml(_table_xml(table)))
        # Word needs a paragraph after the last table; 1 pt high, so it cannot spill onto a blank page
        self.body.sectPr.addprevious(
            _xml(
                f'<w:p {_W_NS}><w:pPr><w:spacing w:line="20" w:lineRule="exact"/>'
                '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
            )
        )
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue()

    def _landscape(self) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        section = self.word.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(_PAGE_MM[0]), Mm(_PAGE_MM[1])
        section.top_margin, section.bottom_margin = Mm(_MARGINS_MM["top"]), Mm(_MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(_MARGINS_MM["left"]), Mm(_MARGINS_MM["right"])
        section.header_distance, section.footer_distance = Mm(12), Mm(12)

    def _grid_properties(self) -> None:
        grid = self.grid
        props = self.word.core_properties
        props.title = grid.title
        props.subject = grid.property("subject")
        props.keywords = grid.property("keywords")
        props.category = grid.property("category")
        props.author = grid.property("author")
        props.last_modified_by = "jixiao"
        props.language = "zh-CN"
        props.comments = ""


def _points(size: float) -> Any:
    from docx.shared import Pt

    return Pt(size)


def _table_xml(table: GridTable) -> str:
    """A project's table as WordprocessingML: the grid's spans and vertical merges, borders, fixed widths."""
    twips = [_twips(w) for w in table.widths_mm]
    rows = [[_Cell(c.text, c.span, c.merge, c.label, c.align) for c in row] for row in table.rows]
    return table_xml(rows, twips)
