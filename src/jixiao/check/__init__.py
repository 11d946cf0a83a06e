"""The checker: runs the rule catalogue over a document and returns a Report, with a suggested grade."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from jixiao.check.engine import check_findings
from jixiao.check.grade import Grade, suggest_grade
from jixiao.model import SEVERITIES, AnyDocument, Finding, PerformanceDocument, count_by_severity
from jixiao.rules import Rule
from jixiao.rules.profile import Profile

_RANK = {s: n for n, s in enumerate(SEVERITIES)}


class Report(NamedTuple):
    """The findings on one document in document order, the suggested grade, and the profile used."""

    findings: tuple[Finding, ...]
    grade: Grade | None = None
    profile: str = "default"

    @property
    def counts(self) -> dict[str, int]:
        """Number of findings per severity."""
        return count_by_severity(self.findings)

    @property
    def has_errors(self) -> bool:
        """True when any finding is an error."""
        return any(f.severity == "error" for f in self.findings)


def order(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings by project, row, line, severity and code (document-level findings first)."""
    return tuple(
        sorted(
            findings,
            key=lambda f: (
                f.subject.project or 0,
                f.subject.indicator or 0,
                f.source.line or 0,
                _RANK[f.severity],
                f.code,
            ),
        )
    )


def check_document(
    doc: AnyDocument,
    import_findings: Iterable[Finding] = (),
    profile: Profile | None = None,
    rules: Sequence[Rule] | None = None,
    file: str | None = None,
    targets: PerformanceDocument | None = None,
) -> Report:
    """Check a document with a profile: importer findings kept, rules run, the review grade suggested.

    A self-evaluation or monitoring report gets its E or M rules (against ``targets`` when given) and no
    review grade: its grade is the self-evaluation's own total (``jixiao score``).
    """
    profile = profile or Profile()
    form = getattr(doc, "form", None)
    if form is not None:
        from jixiao.check.profiles import for_document
        from jixiao.model.forms import province_of

        profile = for_document(profile, form.id, province_of(form.id))
    findings = order(check_findings(doc, import_findings, profile, rules, file, targets))
    grade = suggest_grade(findings, profile) if isinstance(doc, PerformanceDocument) else None
    return Report(findings, grade, profile.name)


__all__ = ["Grade", "Report", "check_document", "order", "suggest_grade"]
