"""Exporters: a document becomes the bytes of a file format.

:func:`write_tracking` writes self-evaluations (自评表) and monitoring reports (监控表); the document kinds
(:mod:`jixiao.kinds`) choose the writer of any record.
"""

from __future__ import annotations

from collections.abc import Callable

from jixiao.exporters.grids.cells import GridDocument
from jixiao.model import MonitoringReport, PerformanceDocument, SelfEvaluation

Writer = Callable[[PerformanceDocument], bytes]


def _write_text(doc: PerformanceDocument) -> bytes:
    from jixiao.exporters.text import write_text

    return write_text(doc).encode("utf-8")


def _write_json(doc: PerformanceDocument) -> bytes:
    from jixiao.exporters.json_form import write_json

    return write_json(doc).encode("utf-8")


def _write_docx(doc: PerformanceDocument) -> bytes:
    from jixiao.exporters.docx import write_docx

    return write_docx(doc)


def _write_xlsx(doc: PerformanceDocument) -> bytes:
    from jixiao.exporters.xlsx import write_xlsx

    return write_xlsx(doc)


def _write_html(doc: PerformanceDocument) -> bytes:
    from jixiao.exporters.html import write_html

    return write_html(doc).encode("utf-8")


def _write_pdf(doc: PerformanceDocument) -> bytes:
    from jixiao.exporters.pdf import write_pdf

    return write_pdf(doc)


WRITERS: dict[str, Writer] = {
    "txt": _write_text,
    "text": _write_text,
    "json": _write_json,
    "docx": _write_docx,
    "xlsx": _write_xlsx,
    "html": _write_html,
    "pdf": _write_pdf,
}


def write_document(doc: PerformanceDocument, fmt: str) -> bytes:
    """The bytes of a document in a named format (``txt``, ``json``, ``docx``, ``xlsx``, ``html``, ``pdf``).

    A document read from another form than jixiao's own (the Hebei layout) is written back in that form.
    """
    from jixiao.exporters.forms.targets import writes_own_form

    name = fmt.lower()
    if name != "json" and name in WRITERS and writes_own_form(doc.form):
        return write_grid(_targets_grid(doc), name)
    return WRITERS[name](doc)


def _targets_grid(doc: PerformanceDocument) -> GridDocument:
    from jixiao.exporters.forms.targets import targets_document

    return targets_document(doc)


def write_grid(doc: GridDocument, fmt: str) -> bytes:
    """A grid document in a layout format: ``txt``, ``docx``, ``xlsx``, ``html`` or ``pdf``."""
    if fmt in ("txt", "text"):
        from jixiao.exporters.grids.text import write_grid_text

        return write_grid_text(doc).encode("utf-8")
    if fmt == "docx":
        from jixiao.exporters.grids.docx import write_grid_docx

        return write_grid_docx(doc)
    if fmt == "xlsx":
        from jixiao.exporters.grids.xlsx import write_grid_xlsx

        return write_grid_xlsx(doc)
    if fmt == "html":
        from jixiao.exporters.grids.html import write_grid_html

        return write_grid_html(doc).encode("utf-8")
    if fmt == "pdf":
        from jixiao.exporters.grids.html import write_grid_pdf

        return write_grid_pdf(doc)
    raise KeyError(fmt)


TrackingWriter = Callable[[SelfEvaluation | MonitoringReport], bytes]


def _write_tracking_text(record: SelfEvaluation | MonitoringReport) -> bytes:
    from jixiao.exporters.tracking.text import write_tracking_text

    return write_tracking_text(record).encode("utf-8")


def _write_tracking_json(record: SelfEvaluation | MonitoringReport) -> bytes:
    from jixiao.exporters.tracking.json_form import write_tracking_json

    return write_tracking_json(record).encode("utf-8")


def _write_tracking_docx(record: SelfEvaluation | MonitoringReport) -> bytes:
    from jixiao.exporters.tracking.docx import write_tracking_docx

    return write_tracking_docx(record)


def _write_tracking_xlsx(record: SelfEvaluation | MonitoringReport) -> bytes:
    from jixiao.exporters.tracking.xlsx import write_tracking_xlsx

    return write_tracking_xlsx(record)


def _write_tracking_html(record: SelfEvaluation | MonitoringReport) -> bytes:
    from jixiao.exporters.tracking.html import write_tracking_html

    return write_tracking_html(record).encode("utf-8")


def _write_tracking_pdf(record: SelfEvaluation | MonitoringReport) -> bytes:
    from jixiao.exporters.tracking.html import write_tracking_pdf

    return write_tracking_pdf(record)


TRACKING_WRITERS: dict[str, TrackingWriter] = {
    "txt": _write_tracking_text,
    "text": _write_tracking_text,
    "json": _write_tracking_json,
    "docx": _write_tracking_docx,
    "xlsx": _write_tracking_xlsx,
    "html": _write_tracking_html,
    "pdf": _write_tracking_pdf,
}


def write_tracking(record: SelfEvaluation | MonitoringReport, fmt: str) -> bytes:
    """The bytes of a self-evaluation or monitoring report in a named format; KeyError if unsupported."""
    return TRACKING_WRITERS[fmt.lower()](record)


__all__ = ["TRACKING_WRITERS", "WRITERS", "write_document", "write_grid", "write_tracking"]
