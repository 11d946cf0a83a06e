"""Reading, writing and converting document files: targets, self-evaluations and monitoring reports."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from jixiao.exporters import WRITERS, write_document
from jixiao.importers import FORMATS, UnreadableError, format_of
from jixiao.kinds import read_any, read_document, write_any, writers_for
from jixiao.model import AnyDocument, Finding, PerformanceDocument

MAX_INPUT_BYTES = 200 * 1024 * 1024


class ReadResult(NamedTuple):
    """A document read from a file, with what reading it found."""

    document: PerformanceDocument
    findings: tuple[Finding, ...]


class AnyReadResult(NamedTuple):
    """Targets, a self-evaluation or a monitoring report read from a file, with what reading it found."""

    document: AnyDocument
    findings: tuple[Finding, ...]


def read_file(path: str | Path, fmt: str | None = None) -> ReadResult:
    """Read a document file. Raises UnreadableError with a Chinese message for anything unreadable."""
    return read_data(_file_bytes(path, fmt), str(path), fmt)


def read_any_file(path: str | Path, fmt: str | None = None) -> AnyReadResult:
    """Read a file of targets, a self-evaluation or a monitoring report, whichever it holds. Raises UnreadableError."""
    return read_any_data(_file_bytes(path, fmt), str(path), fmt)


def read_any_data(data: bytes, name: str, fmt: str | None = None) -> AnyReadResult:
    """Read targets, a self-evaluation or a monitoring report from bytes. Raises UnreadableError."""
    document, findings = read_any(data, name, fmt)
    return AnyReadResult(document, tuple(findings))


def _file_bytes(path: str | Path, fmt: str | None) -> bytes:
    """A file's bytes, or UnreadableError for an unknown format, a folder, a missing or too large file."""
    name = str(path)
    file = Path(path)
    if fmt is None and format_of(name) not in (*FORMATS, "text"):
        raise UnreadableError(_unknown_format(format_of(name), FORMATS), name)
    try:
        if file.is_dir():
            raise UnreadableError("这是一个文件夹，不是文件。", name)
        if file.stat().st_size > MAX_INPUT_BYTES:
            raise UnreadableError(f"文件超过 {MAX_INPUT_BYTES // 1024 // 1024} MB，太大，无法读取。", name)
        data = file.read_bytes()
    except FileNotFoundError:
        raise UnreadableError("文件不存在，请检查路径。", name) from None
    except PermissionError:
        raise UnreadableError("没有读取该文件的权限。", name) from None
    except OSError as exc:
        raise UnreadableError(f"无法读取文件：{exc.strerror or exc}。", name) from None
    return data


def read_data(data: bytes, name: str, fmt: str | None = None) -> ReadResult:
    """Read a document from bytes (standard input, an upload). Raises UnreadableError."""
    document, findings = read_document(data, name, fmt)
    return ReadResult(document, tuple(findings))


def write_file(document: PerformanceDocument, path: str | Path, fmt: str | None = None) -> None:
    """Write a document in the format named, else by the file's extension. Raises UnreadableError."""
    name = str(path)
    kind = (fmt or format_of(name)).lower()
    if kind not in WRITERS:
        raise UnreadableError(_unknown_format(kind, WRITERS, verb="写出"), name)
    _write_atomic(write_document(document, kind), path)


def write_any_file(record: AnyDocument, path: str | Path, fmt: str | None = None) -> None:
    """Write targets, a self-evaluation or a monitoring report, by the format named or the extension."""
    name = str(path)
    kind = (fmt or format_of(name)).lower()
    known = writers_for(record)
    if kind not in known:
        order = [k for k in WRITERS if k in known]
        raise UnreadableError(_unknown_format(kind, dict.fromkeys(order), verb="写出"), name)
    _write_atomic(write_any(record, kind), path)


def _write_atomic(data: bytes, path: str | Path) -> None:
    """Write bytes through a temporary file, so a half-written file never replaces a good one."""
    name = str(path)
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)  # never leave a half-written file where a good one was
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UnreadableError(f"无法写入文件：{exc.strerror or exc}。", name) from None


def convert_file(
    source: str | Path, target: str | Path, from_fmt: str | None = None, to_fmt: str | None = None
) -> AnyReadResult:
    """Read one file (targets, a self-evaluation or a monitoring report) and write it in another format."""
    result = read_any_file(source, from_fmt)
    write_any_file(result.document, target, to_fmt)
    return result


def _unknown_format(kind: str, known: Iterable[str], verb: str = "读取") -> str:
    names = "、".join(f".{k}" for k in known if k != "text")
    what = f"“.{kind}”" if kind else "（没有扩展名）"
    return f"不支持的文件格式{what}。目前可以{verb}：{names}；也可以用 --from/--to 指定格式。"
