"""Printing check reports: text grouped by project with a Rich summary, JSON, or a standalone HTML page."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from jixiao.check.report_json import file_report_to_dict, reports_to_dict
from jixiao.cli.output import finding_line
from jixiao.model import SEVERITY_LABELS, count_by_severity
from jixiao.service.checking import FileReport

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def print_reports(results: Sequence[FileReport], fmt: str, output: Path | None, profile: str) -> int:
    """Write the reports in a format to a file or standard output; returns the exit status."""
    for r in results:
        if r.error is not None:
            sys.stderr.write(f"jixiao: {r.file}：{r.error}\n")
    if fmt == "json":
        text = json.dumps(
            reports_to_dict([file_report_to_dict(r.file, r.report, r.error) for r in results], profile),
            ensure_ascii=False,
            indent=2,
        )
        _write(text + "\n", output)
    elif fmt == "html":
        from jixiao.exporters.html_report import render_reports

        _write(render_reports([(r.file, r.document, r.report, r.error) for r in results], profile), output)
    else:
        _write("".join(text_report(r) for r in results if r.report is not None), output)
        summary(results)
    if any(r.error is not None for r in results):
        return EXIT_UNREADABLE
    return EXIT_ERRORS if any(r.report is not None and r.report.has_errors for r in results) else EXIT_OK


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        sys.stderr.write(f"报告已写入 {output}。\n")


def text_report(r: FileReport) -> str:
    """A file's findings as ``FILE:LINE: CODE message`` lines, a heading before each project's."""
    assert r.report is not None
    names = dict(enumerate(r.project_names, start=1))
    lines: list[str] = []
    current: int | None = 0
    for f in r.report.findings:
        if f.subject.project != current:
            current = f.subject.project
            if current is not None:
                name = names.get(current, "")
                lines.append(f"# 项目 {current}{('：' + name) if name else ''}")
        lines.append(finding_line(f, r.file))
    return "".join(line + "\n" for line in lines)


def summary(results: Sequence[FileReport]) -> None:
    """Counts, the suggested grade and its reasons on standard error (Rich)."""
    from rich.console import Console

    console = Console(stderr=True, highlight=False)
    readable = [r for r in results if r.report is not None]
    for r in readable:
        assert r.report is not None
        counts = r.report.counts
        grade = r.report.grade
        style = "bold red" if counts["error"] else "bold yellow" if counts["warning"] else "bold green"
        text = "，".join(f"{SEVERITY_LABELS[s]} {n} 条" for s, n in counts.items())
        prefix = f"{r.file}：" if len(results) > 1 else ""
        console.print(f"{prefix}{text}。", style=style)
        if grade is not None and len(results) == 1:
            console.print(f"建议审核结论：{grade.label}（{grade.route}）。" + "".join(grade.reasons))
    if len(results) > 1:
        totals = count_by_severity([f for r in readable if r.report for f in r.report.findings])
        unreadable = len(results) - len(readable)
        console.print(
            f"共 {len(results)} 个文件，无法读取 {unreadable} 个；"
            + "，".join(f"{SEVERITY_LABELS[s]} {n} 条" for s, n in totals.items())
            + "。"
        )
