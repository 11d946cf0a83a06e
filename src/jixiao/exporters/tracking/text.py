"""The text form of a self-evaluation or a monitoring report: its grid document, tables tab-separated."""

from __future__ import annotations

from jixiao.exporters.grids.text import write_grid_text
from jixiao.exporters.tracking.grid import tracking_document
from jixiao.model import MonitoringReport, SelfEvaluation


def write_tracking_text(record: SelfEvaluation | MonitoringReport) -> str:
    """A self-evaluation or monitoring report in the text layout that the text importer reads back equal."""
    return write_grid_text(tracking_document(record))
