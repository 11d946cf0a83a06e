"""Importers: the bytes of a file become a layout (lines and tables), and the table engine reads the layout.

Each format has one extractor to the shared layout (text, DOCX, XLSX, PDF); the table engine
(:mod:`jixiao.importers.engine`) reads every layout by what its headers mean. Which record a reading becomes is
the business of the document kinds (:mod:`jixiao.kinds`, whose ``read_any`` is the one door for reading a file).
"""

from __future__ import annotations

from pathlib import Path

from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import Layout
from jixiao.model import Finding

LAYOUT_FORMATS = ("txt", "docx", "xlsx", "pdf")
FORMATS = (*LAYOUT_FORMATS, "json")


def format_of(path: str | Path) -> str:
    """The format name of a file from its extension (``.txt`` → ``txt``)."""
    return Path(path).suffix.lower().lstrip(".")


def format_name(file: str | None, fmt: str | None) -> str:
    """The format to read a file as: the one named, else its extension's; an unknown one raises UnreadableError."""
    name = (fmt or (format_of(file) if file else "") or "txt").lower()
    if name == "text":
        name = "txt"
    if name not in FORMATS:
        known = "、".join(f".{k}" for k in FORMATS)
        raise UnreadableError(f"不支持的文件格式“.{name}”。目前可以读取：{known}。", file)
    return name


def extract_layout(data: bytes, file: str | None, fmt: str) -> tuple[Layout, list[Finding]]:
    """The shared layout of a text, DOCX, XLSX or PDF file and the findings of extracting it."""
    if fmt in ("txt", "text"):
        from jixiao.importers.text import text_file_layout

        return text_file_layout(data, file)
    if fmt == "docx":
        from jixiao.importers.docx import extract_docx_layout

        return extract_docx_layout(data, file)
    if fmt == "xlsx":
        from jixiao.importers.xlsx import extract_xlsx_layout

        return extract_xlsx_layout(data, file)
    if fmt == "pdf":
        from jixiao.importers.pdf import extract_pdf_layout

        return extract_pdf_layout(data, file)
    raise ValueError(f"no layout extractor for {fmt!r}")


__all__ = ["FORMATS", "LAYOUT_FORMATS", "UnreadableError", "extract_layout", "format_name", "format_of"]
