"""Importers: bytes of a file become a PerformanceDocument and the findings of reading it.

Each format has one extractor to the shared layout (text, DOCX, XLSX, PDF) and one assembler
turns every layout into the model. JSON, the interchange form, maps straight to the model.
:func:`read_any` also reads self-evaluations (自评表) and monitoring reports (监控表), told apart by headers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from jixiao.importers.errors import UnreadableError
from jixiao.model import AnyDocument, Finding, PerformanceDocument

Reader = Callable[[bytes, str | None], tuple[PerformanceDocument, list[Finding]]]


def _read_text(data: bytes, file: str | None) -> tuple[PerformanceDocument, list[Finding]]:
    from jixiao.importers.text import read_text

    return read_text(data, file)


def _read_json(data: bytes, file: str | None) -> tuple[PerformanceDocument, list[Finding]]:
    from jixiao.importers.json_form import read_json

    return read_json(data, file)


def _read_docx(data: bytes, file: str | None) -> tuple[PerformanceDocument, list[Finding]]:
    from jixiao.importers.docx import read_docx

    return read_docx(data, file)


def _read_xlsx(data: bytes, file: str | None) -> tuple[PerformanceDocument, list[Finding]]:
    from jixiao.importers.xlsx import read_xlsx

    return read_xlsx(data, file)


def _read_pdf(data: bytes, file: str | None) -> tuple[PerformanceDocument, list[Finding]]:
    from jixiao.importers.pdf import read_pdf

    return read_pdf(data, file)


READERS: dict[str, Reader] = {
    "txt": _read_text,
    "text": _read_text,
    "json": _read_json,
    "docx": _read_docx,
    "xlsx": _read_xlsx,
    "pdf": _read_pdf,
}


def format_of(path: str | Path) -> str:
    """The format name of a file from its extension (``.txt`` → ``txt``)."""
    return Path(path).suffix.lower().lstrip(".")


def read_document(
    data: bytes, file: str | None = None, fmt: str | None = None
) -> tuple[PerformanceDocument, list[Finding]]:
    """Read a document of a named format (else by the file's extension). Raises UnreadableError.

    A 自评表 or 监控表 is refused with a message saying what it is (see :func:`read_any`).
    """
    name = _format_name(file, fmt)
    if name == "json":
        return READERS[name](data, file)
    from jixiao.importers.kinds import read_targets

    return read_targets(data, file, name)


def _format_name(file: str | None, fmt: str | None) -> str:
    name = (fmt or (format_of(file) if file else "") or "txt").lower()
    if name not in READERS:
        known = "、".join(f".{k}" for k in READERS if k != "text")
        raise UnreadableError(f"不支持的文件格式“.{name}”。目前可以读取：{known}。", file)
    return "txt" if name == "text" else name


def read_any(data: bytes, name: str, fmt: str | None = None) -> tuple[AnyDocument, list[Finding]]:
    """Read targets, a self-evaluation or a monitoring report, whichever the file holds. Raises UnreadableError."""
    from jixiao.importers.kinds import read_any_format

    file = name or None
    return read_any_format(data, file, _format_name(file, fmt))


__all__ = ["READERS", "UnreadableError", "format_of", "read_any", "read_document"]
