"""Exporters: a document becomes the bytes of a file format."""

from __future__ import annotations

from collections.abc import Callable

from jixiao.model import PerformanceDocument

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


__all__ = ["WRITERS", "write_document"]
