"""The DOCX form of a self-evaluation or a monitoring report, in the official layout.

Landscape A4 (the 自评表 has nine columns, the 监控表 eleven), the 公文 fonts of the target document's writer
(set by their Chinese names through ``w:eastAsia``), the main title with the 填报单位 and the approved targets
in a small line under it, then one table per project under its title, each on a page of its own, with the
merged cells of SPEC §6.2. The reference to the targets is also kept in the core properties (subject,
keywords). The cells hold the texts of the text form, so the DOCX importer reads back an equal record.
"""

from __future__ import annotations

import io
from typing import Any

from jixiao.exporters.docx import _W_NS, _Cell, _row_xml, _twips, _Writer, _xml
from jixiao.exporters.tracking.grid import GridTable, cover_lines, tables_of, targets_text, title_line
from jixiao.model import MonitoringReport, PerformanceDocument, SelfEvaluation

# landscape A4: 297 × 210 mm; the tables are 243 mm wide between the side margins
_PAGE_MM = (297, 210)
_MARGINS_MM = {"top": 25, "bottom": 20, "left": 27, "right": 27}


def write_tracking_docx(record: SelfEvaluation | MonitoringReport) -> bytes:
    """A self-evaluation or monitoring report as a Word file; the DOCX importer reads it back equal."""
    return _TrackingWriter(record).write()


class _TrackingWriter(_Writer):
    """The target document's writer for its page, styles and paragraphs; tables from the tracking grids."""

    def __init__(self, record: SelfEvaluation | MonitoringReport) -> None:
        super().__init__(PerformanceDocument())
        self.record = record

    def write(self) -> bytes:
        self._page_setup()
        self._landscape()
        self._styles()
        self._tracking_properties()
        title = self._paragraph(title_line(self.record), "Heading 1")
        title.paragraph_format.space_before, title.paragraph_format.space_after = _points(0), _points(6)
        for line in cover_lines(self.record):
            p = self._paragraph(line, "封面说明")
            p.paragraph_format.line_spacing = _points(20)
            for run in p.runs:
                run.font.size = _points(12)
        for number, table in enumerate(tables_of(self.record), start=1):
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

    def _tracking_properties(self) -> None:
        record = self.record
        props = self.word.core_properties
        props.title = title_line(record)
        props.subject = (
            f"依据绩效目标：{targets_text(record.targets)}" if targets_text(record.targets) else ""
        )
        props.keywords = record.targets.fingerprint
        props.category = "绩效自评表" if isinstance(record, SelfEvaluation) else "绩效运行监控表"
        props.author = record.unit_name or ""
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
    body = "".join(_row_xml(r, twips) for r in rows)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
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
