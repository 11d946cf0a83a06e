"""Safe fixes: apply the fixes of rules that cannot change meaning, and show what changed."""

from __future__ import annotations

import difflib
from typing import NamedTuple

from jixiao.check import check_document
from jixiao.exporters.text import write_text
from jixiao.model import Finding, PerformanceDocument
from jixiao.rules import BUILTIN_RULES
from jixiao.rules.profile import Profile
from jixiao.service.documents import ReadResult

# Repairs made while reading: writing the document out applies them (the model holds the clean text).
APPLIED_BY_READING = ("S08",)


class FixResult(NamedTuple):
    """The fixed document, the findings fixed, and a unified diff of the text form."""

    document: PerformanceDocument
    fixed: tuple[Finding, ...]
    diff: str


def fix_document(result: ReadResult, profile: Profile, file: str = "") -> FixResult:
    """Apply every safe fix the findings offer, one after another; other findings are left as they are."""
    fixes = {r.code: r.fix for r in BUILTIN_RULES if r.fix is not None}
    report = check_document(result.document, result.findings, profile, file=file)
    doc = result.document
    fixed: list[Finding] = []
    for finding in report.findings:
        fix = fixes.get(finding.code)
        if fix is not None:
            changed = fix(doc, finding)
            if changed != doc:
                doc = changed
                fixed.append(finding)
        elif finding.code in APPLIED_BY_READING:
            fixed.append(finding)
    before, after = write_text(result.document), write_text(doc)
    diff = "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"{file}（原文）",
            f"{file}（修正后）",
        )
    )
    return FixResult(doc, tuple(fixed), diff)
