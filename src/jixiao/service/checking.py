"""Checking files: expand folders, read and check each (in worker processes with --jobs), collect reports."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from jixiao.check import Report, check_document
from jixiao.importers import FORMATS, UnreadableError, format_of
from jixiao.model import PerformanceDocument, part_names
from jixiao.rules.profile import Profile
from jixiao.service.documents import AnyReadResult, read_any_data, read_any_file


class FileReport(NamedTuple):
    """One file's outcome: its report (and document when asked for), or why it could not be read.

    Checked in a worker process for text or JSON output, the report comes back rendered (``rendered``),
    with ``report`` None: a string crosses processes far faster than thousands of findings.
    """

    file: str
    report: Report | None
    document: PerformanceDocument | None
    error: str | None = None
    project_names: tuple[str, ...] = ()
    rendered: str | None = None
    has_errors: bool = False
    counts: dict[str, int] | None = None


def render(report: Report, file: str, names: tuple[str, ...], fmt: str) -> str:
    """A file's report as text lines or as its JSON object."""
    if fmt == "json":
        import json

        from jixiao.check.report_json import file_report_to_dict

        return json.dumps(file_report_to_dict(file, report), ensure_ascii=False, indent=2)
    from jixiao.check.report_text import text_report

    return text_report(report.findings, file, names)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and every readable document inside a folder (recursively, sorted)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and format_of(p) in (*FORMATS, "text"))
            )
        else:
            out.append(path)
    return out


def check_result(
    result: AnyReadResult, profile: Profile, file: str, targets: PerformanceDocument | None = None
) -> Report:
    """Check a document already read (targets, a self-evaluation or a monitoring report)."""
    return check_document(result.document, result.findings, profile, file=file, targets=targets)


def check_one(
    path: str,
    profile: Profile,
    fmt: str | None = None,
    keep: bool = True,
    output: str | None = None,
    targets: PerformanceDocument | None = None,
) -> FileReport:
    """Read and check one file; an unreadable file gives its message instead of a report.

    With ``keep`` false the document is not returned; with ``output`` (``text`` or ``json``) the report is
    returned rendered instead of as findings. Both save sending objects back from a worker process.
    ``targets`` is the approved target document self-evaluations and monitoring reports are checked against.
    """
    try:
        result = read_any_file(path, fmt)
    except UnreadableError as exc:
        return FileReport(path, None, None, exc.message)
    return _outcome(path, result, profile, keep, output, targets)


def check_bytes(
    data: bytes,
    name: str,
    profile: Profile,
    fmt: str | None = None,
    targets: PerformanceDocument | None = None,
) -> FileReport:
    """Read and check bytes (standard input, an upload)."""
    try:
        result = read_any_data(data, name, fmt)
    except UnreadableError as exc:
        return FileReport(name, None, None, exc.message)
    return _outcome(name, result, profile, True, None, targets)


def _outcome(
    file: str,
    result: AnyReadResult,
    profile: Profile,
    keep: bool,
    output: str | None,
    targets: PerformanceDocument | None,
) -> FileReport:
    names = part_names(result.document)
    report = check_result(result, profile, file, targets)
    # only a target document is rendered as official tables beside its findings
    document = result.document if keep and isinstance(result.document, PerformanceDocument) else None
    if output is None:
        return FileReport(file, report, document, None, names, None, report.has_errors, report.counts)
    text = render(report, file, names, output)
    return FileReport(file, None, document, None, names, text, report.has_errors, report.counts)


def check_many(
    paths: Sequence[str],
    profile: Profile,
    jobs: int = 1,
    fmt: str | None = None,
    progress: Callable[[FileReport], None] | None = None,
    keep_documents: bool = False,
    output: str | None = None,
    targets: PerformanceDocument | None = None,
) -> list[FileReport]:
    """Check files in order; with jobs > 1 in a pool of worker processes (see check_one for ``output``)."""
    results: list[FileReport] = []
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            results.append(check_one(path, profile, fmt, keep_documents, output, targets))
            if progress:
                progress(results[-1])
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, min(64, len(paths) // (jobs * 4)))
        n = len(paths)
        outcomes = pool.map(
            check_one,
            paths,
            [profile] * n,
            [fmt] * n,
            [keep_documents] * n,
            [output] * n,
            [targets] * n,
            chunksize=chunk,
        )
        for outcome in outcomes:
            results.append(outcome)
            if progress:
                progress(outcome)
    return results
