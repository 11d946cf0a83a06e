"""The text form of a check report: ``FILE:LINE: CODE message`` lines under a heading per project."""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.model import Finding


def finding_line(f: Finding, file: str) -> str:
    """``FILE:LINE: CODE message`` for one finding."""
    line = f":{f.source.line}" if f.source.line is not None else ""
    return f"{file}{line}: {f.code} {f.message}"


def text_report(findings: Sequence[Finding], file: str, project_names: Sequence[str] = ()) -> str:
    """Every finding on its own line, a ``# 项目 N：name`` heading before each project's findings."""
    names = dict(enumerate(project_names, start=1))
    lines: list[str] = []
    current: int | None = 0
    for f in findings:
        if f.subject.project != current:
            current = f.subject.project
            if current is not None:
                name = names.get(current, "")
                lines.append(f"# 项目 {current}{('：' + name) if name else ''}")
        lines.append(finding_line(f, file))
    return "".join(line + "\n" for line in lines)
