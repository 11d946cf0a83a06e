"""Printing check reports: text grouped by project with a Rich summary, JSON, or a standalone HTML page."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jixiao.check.report_json import file_report_to_dict, reports_to_dict
from jixiao.check.report_text import text_report
from jixiao.model import SEVERITY_LABELS
from jixiao.service.checking import FileReport

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def print_reports(results: Sequence[FileReport], fmt: str, output: Path | None, profile: str) -> int:
    """Write the reports in a format to a file or standard output; returns the exit status."""
    for r in results:
        if r.error is not None:
            sys.stderr.write(f"jixiao: {r.file}：{r.error}\n")
    if fmt == "json":
        text = json.dumps(
            reports_to_dict([_as_dict(r) for r in results], profile), ensure_ascii=False, indent=2
        )
        _write(text + "\n", output)
    elif fmt == "html":
        from jixiao.exporters.html_report import render_reports

        _write(render_reports([(r.file, r.document, r.report, r.error) for r in results], profile), output)
    else:
        _write("".join(_as_text(r) for r in results if r.error is None), output)
        summary(results)
    if any(r.error is not None for r in results):
        return EXIT_UNREADABLE
    return EXIT_ERRORS if any(r.has_errors for r in results) else EXIT_OK


def _as_dict(r: FileReport) -> dict[str, Any]:
    if r.rendered is not None:
        data: dict[str, Any] = json.loads(r.rendered)
        return data
    return file_report_to_dict(r.file, r.report, r.error)


def _as_text(r: FileReport) -> str:
    if r.rendered is not None:
        return r.rendered
    assert r.report is not None
    return text_report(r.report.findings, r.file, r.project_names)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        sys.stderr.write(f"报告已写入 {output}。\n")


def summary(results: Sequence[FileReport]) -> None:
    """Counts, the suggested grade and its reasons on standard error (Rich)."""
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    readable = [r for r in results if r.counts is not None]
    totals = dict.fromkeys(SEVERITY_LABELS, 0)
    for r in readable:
        counts = r.counts or {}
        for severity in totals:
            totals[severity] += counts.get(severity, 0)
        if len(results) > 1 and len(results) <= 20:
            console.print(f"{r.file}：{_counts(counts)}。", style=_style(counts))
    if len(results) == 1 and readable:
        r = readable[0]
        console.print(f"{_counts(r.counts or {})}。", style=_style(r.counts or {}))
        grade = r.report.grade if r.report else None
        if grade is not None:
            console.print(f"建议审核结论：{grade.label}（{grade.route}）。" + "".join(grade.reasons))
    elif len(results) > 1:
        unreadable = len(results) - len(readable)
        console.print(
            f"共 {len(results)} 个文件，无法读取 {unreadable} 个；{_counts(totals)}。", style=_style(totals)
        )


def _counts(counts: dict[str, int]) -> str:
    return "，".join(f"{SEVERITY_LABELS[s]} {counts.get(s, 0)} 条" for s in SEVERITY_LABELS)


def _style(counts: dict[str, int]) -> str:
    return "bold red" if counts.get("error") else "bold yellow" if counts.get("warning") else "bold green"
