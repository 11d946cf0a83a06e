"""The JSON form of check reports: stable keys, documented by docs/schema/check-report.schema.json."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jixiao.check import Report
from jixiao.check.catalogue import ALL_RULES
from jixiao.model import Finding, count_by_severity
from jixiao.model.serialize import source_to_dict
from jixiao.rules import CRITERIA

FORMAT = "jixiao.check-report"
SCHEMA_VERSION = 1
_TAGS = {r.code: r.tags for r in ALL_RULES}


def finding_to_dict(f: Finding) -> dict[str, Any]:
    """One finding: code, severity, message, suggestion, where (source) and what (subject path)."""
    return {
        "code": f.code,
        "severity": f.severity,
        "message": f.message,
        "suggestion": f.suggestion,
        "criteria": [t for t in _TAGS.get(f.code, ()) if t in CRITERIA],
        "source": source_to_dict(f.source),
        "subject": f.subject.path or None,
        "project": f.subject.project,
        "row": f.subject.indicator,
        "field": f.subject.field,
    }


def by_criterion(findings: Sequence[Finding]) -> dict[str, dict[str, int]]:
    """Counts by review criterion (完整性 …) and severity; a finding of no criterion counts under ``other``."""
    out: dict[str, dict[str, int]] = {c: count_by_severity([]) for c in (*CRITERIA, "other")}
    for f in findings:
        criteria = [t for t in _TAGS.get(f.code, ()) if t in CRITERIA] or ["other"]
        for c in criteria:
            out[c][f.severity] += 1
    return out


def file_report_to_dict(file: str, report: Report | None, error: str | None = None) -> dict[str, Any]:
    """One file's report, or the reason it could not be read."""
    if report is None:
        return {
            "file": file,
            "readable": False,
            "error": error,
            "counts": None,
            "grade": None,
            "findings": [],
        }
    grade = report.grade
    return {
        "file": file,
        "readable": True,
        "error": None,
        "profile": report.profile,
        "counts": report.counts,
        "by_criterion": by_criterion(report.findings),
        "grade": None
        if grade is None
        else {
            "grade": grade.grade,
            "label": grade.label,
            "route": grade.route,
            "reasons": list(grade.reasons),
        },
        "findings": [finding_to_dict(f) for f in report.findings],
    }


def reports_to_dict(files: Sequence[dict[str, Any]], profile: str) -> dict[str, Any]:
    """The whole output of ``jixiao check --format json``: every file and the totals."""
    totals = count_by_severity([])
    for f in files:
        for severity, n in (f["counts"] or {}).items():
            totals[severity] += n
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "profile": profile,
        "files": list(files),
        "totals": {**totals, "files": len(files), "unreadable": sum(1 for f in files if not f["readable"])},
    }


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``jixiao check --format json``."""
    counts = {
        "type": "object",
        "properties": {s: {"type": "integer", "minimum": 0} for s in ("error", "warning", "info")},
        "required": ["error", "warning", "info"],
    }
    finding = {
        "type": "object",
        "required": ["code", "severity", "message", "source", "subject"],
        "properties": {
            "code": {"type": "string", "pattern": "^[A-Z][0-9]{2}$"},
            "severity": {"enum": ["error", "warning", "info"]},
            "message": {"type": "string"},
            "suggestion": {"type": ["string", "null"]},
            "criteria": {"type": "array", "items": {"enum": list(CRITERIA)}},
            "source": {"type": "object", "description": "file, page, line, table, row, column, cell"},
            "subject": {
                "type": ["string", "null"],
                "description": "path such as projects[5].indicators[3].value",
            },
            "project": {"type": ["integer", "null"]},
            "row": {"type": ["integer", "null"]},
            "field": {"type": ["string", "null"]},
        },
    }
    file_report = {
        "type": "object",
        "required": ["file", "readable", "findings"],
        "properties": {
            "file": {"type": "string"},
            "readable": {"type": "boolean"},
            "error": {"type": ["string", "null"]},
            "profile": {"type": "string"},
            "counts": {"anyOf": [counts, {"type": "null"}]},
            "by_criterion": {"type": "object", "additionalProperties": counts},
            "grade": {
                "anyOf": [
                    {"type": "null"},
                    {
                        "type": "object",
                        "properties": {
                            "grade": {"enum": ["excellent", "good", "fair", "poor"]},
                            "label": {"enum": ["优", "良", "中", "差"]},
                            "route": {"type": "string"},
                            "reasons": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                ]
            },
            "findings": {"type": "array", "items": finding},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:jixiao:schema:check-report:1",
        "title": "jixiao check report",
        "type": "object",
        "required": ["format", "schema_version", "files", "totals"],
        "properties": {
            "format": {"const": FORMAT},
            "schema_version": {"const": SCHEMA_VERSION},
            "profile": {"type": "string"},
            "files": {"type": "array", "items": file_report},
            "totals": {"type": "object"},
        },
    }
