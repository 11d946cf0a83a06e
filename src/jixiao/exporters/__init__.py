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


WRITERS: dict[str, Writer] = {"txt": _write_text, "text": _write_text, "json": _write_json}


def write_document(doc: PerformanceDocument, fmt: str) -> bytes:
    """The bytes of a document in a named format (``txt``, ``json``). Raises KeyError for others."""
    return WRITERS[fmt.lower()](doc)


__all__ = ["WRITERS", "write_document"]
