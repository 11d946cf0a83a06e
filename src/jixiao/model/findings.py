"""Where a record came from (Source), what a finding is about (Subject), and the Finding itself."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_LABELS: dict[str, str] = {"error": "错误", "warning": "警告", "info": "提示"}


class Source(NamedTuple):
    """A place in an input file: file, page, line, table, row, column and the cell's text as written.

    A named tuple rather than a dataclass: reading makes one for every cell, and a tuple is made several
    times faster.
    """

    file: str | None = None
    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    cell: str | None = None

    def describe(self) -> str:
        """Chinese description of the place, e.g. ``第 12 行，表 3 第 2 行第 5 列``."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"第 {self.page} 页")
        if self.line is not None:
            parts.append(f"第 {self.line} 行")
        if self.table is not None:
            cell = f"表 {self.table}"
            if self.row is not None:
                cell += f" 第 {self.row} 行"
            if self.column is not None:
                cell += f"第 {self.column} 列"
            parts.append(cell)
        return "，".join(parts)


@dataclass(frozen=True)
class Subject:
    """What a finding is about: a project (1-based), an indicator row (1-based) and a field name."""

    project: int | None = None
    indicator: int | None = None
    field: str | None = None
    part: str | None = None

    @property
    def path(self) -> str:
        """A JSON-path-like address such as ``projects[5].indicators[3].value``."""
        bits: list[str] = []
        if self.part:
            bits.append(self.part)
        if self.project is not None:
            bits.append(f"projects[{self.project}]")
        if self.indicator is not None:
            bits.append(f"indicators[{self.indicator}]")
        if self.field:
            bits.append(self.field)
        return ".".join(bits)


@dataclass(frozen=True)
class Finding:
    """One result of reading or checking a document: a stable code, a severity and a Chinese message."""

    code: str
    severity: Severity
    message: str
    source: Source = field(default_factory=Source)
    subject: Subject = Subject()
    suggestion: str | None = None

    def with_file(self, file: str) -> Finding:
        """The same finding with its source's file set."""
        return replace(self, source=self.source._replace(file=file))


def count_by_severity(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, int]:
    """Number of findings of each severity, every severity present as a key."""
    counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for f in findings:
        counts[f.severity] += 1
    return counts
