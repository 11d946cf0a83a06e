"""The checker: runs over a document and returns a Report of findings, errors first.

Today the report holds what reading the file found; the rule catalogue (SPEC §11) plugs in here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from jixiao.model import SEVERITIES, Finding, count_by_severity

_RANK = {s: n for n, s in enumerate(SEVERITIES)}


class Report(NamedTuple):
    """The findings on one document, in document order, with counts by severity."""

    findings: tuple[Finding, ...]

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings per severity."""
        return count_by_severity(self.findings)

    @property
    def has_errors(self) -> bool:
        """True when any finding is an error."""
        return any(f.severity == "error" for f in self.findings)


def build_report(*groups: Iterable[Finding]) -> Report:
    """A report of findings from several sources, ordered by line, then severity, then code."""
    merged = [f for group in groups for f in group]
    merged.sort(key=lambda f: (f.source.line or 0, _RANK[f.severity], f.code))
    return Report(tuple(merged))
