"""Exporters: a document becomes the bytes of a file format.

:func:`write_any` also writes self-evaluations (自评表) and monitoring reports (监控表) as text, JSON, DOCX, XLSX.
"""

from __future__ import annotations

from collections.abc import Callable

from jixiao.model import AnyDocument, MonitoringReport, PerformanceDocument, SelfEvaluation

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
    """The bytes of a document in a named format (``txt``, ``json``, ``docx``, ``xlsx``, ``html``, ``pdf``)."""
    return WRITERS[fmt.lower()](doc)


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


def writers_for(record: AnyDocument) -> frozenset[str]:
    """The format names a record can be written in."""
    return frozenset(WRITERS if isinstance(record, PerformanceDocument) else TRACKING_WRITERS)


def write_any(record: AnyDocument, fmt: str) -> bytes:
    """The bytes of targets, a self-evaluation or a monitoring report in a named format; KeyError if unsupported."""
    if isinstance(record, PerformanceDocument):
        return write_document(record, fmt)
    return TRACKING_WRITERS[fmt.lower()](record)


__all__ = ["TRACKING_WRITERS", "WRITERS", "write_any", "write_document", "writers_for"]
