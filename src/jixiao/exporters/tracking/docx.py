"""The DOCX form of a self-evaluation or a monitoring report: its grid document in the official layout."""

from __future__ import annotations

from jixiao.exporters.grids.docx import write_grid_docx
from jixiao.exporters.tracking.grid import tracking_document
from jixiao.model import MonitoringReport, SelfEvaluation


def write_tracking_docx(record: SelfEvaluation | MonitoringReport) -> bytes:
    """A self-evaluation or monitoring report as a Word file; the DOCX importer reads it back equal."""
    return write_grid_docx(tracking_document(record))
