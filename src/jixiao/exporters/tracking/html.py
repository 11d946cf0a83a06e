"""The printable HTML and PDF of a self-evaluation or monitoring report: its grid document on landscape A4."""

from __future__ import annotations

from jixiao.exporters.grids.html import write_grid_html, write_grid_pdf
from jixiao.exporters.tracking.grid import tracking_document
from jixiao.model import MonitoringReport, SelfEvaluation


def write_tracking_html(record: SelfEvaluation | MonitoringReport) -> str:
    """A standalone, printable page of a self-evaluation or monitoring report in the official layout."""
    return write_grid_html(tracking_document(record))


def write_tracking_pdf(record: SelfEvaluation | MonitoringReport) -> bytes:
    """The printable page as a landscape A4 PDF, laid out by WeasyPrint without network access."""
    return write_grid_pdf(tracking_document(record))
