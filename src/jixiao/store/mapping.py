"""Model records ⇄ stored JSON: the one place that knows both worlds. Lossless on the model's equality."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from jixiao.model import SEVERITIES, Finding, PerformanceDocument, Source, Subject
from jixiao.model.serialize import document_from_dict, document_to_dict

_SOURCE_FIELDS = ("file", "page", "line", "table", "row", "column", "cell")
_SOURCE_TEXT = frozenset({"file", "cell"})
_SUBJECT_FIELDS = ("project", "indicator", "field", "part")


def canonical_json(data: Any) -> str:
    """The canonical text of a JSON value: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def checksum(data: Any) -> str:
    """SHA-256 of the canonical JSON text."""
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def document_snapshot(doc: PerformanceDocument) -> tuple[dict[str, Any], str]:
    """The snapshot stored for a document (its versioned JSON form, without sources) and its checksum."""
    data = document_to_dict(doc)
    return data, checksum(data)


def document_from_snapshot(data: dict[str, Any]) -> PerformanceDocument:
    """The document a snapshot holds."""
    return document_from_dict(data)


def source_json(source: Source) -> dict[str, Any]:
    """A source's known fields, those set only."""
    return {k: getattr(source, k) for k in _SOURCE_FIELDS if getattr(source, k) is not None}


def findings_json(findings: tuple[Finding, ...] | list[Finding]) -> list[dict[str, Any]]:
    """Findings as stored: code, severity, message, suggestion, and the known fields of source and subject."""
    out = []
    for f in findings:
        item: dict[str, Any] = {"code": f.code, "severity": f.severity, "message": f.message}
        if f.suggestion is not None:
            item["suggestion"] = f.suggestion
        source = source_json(f.source)
        if source:
            item["source"] = source
        subject = {k: getattr(f.subject, k) for k in _SUBJECT_FIELDS if getattr(f.subject, k) is not None}
        if subject:
            item["subject"] = subject
        out.append(item)
    return out


def findings_from_json(data: list[dict[str, Any]]) -> tuple[Finding, ...]:
    """Stored findings back as records; an entry that is not a finding is left out, never raised on."""
    out = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("code"), str):
            continue
        severity = item.get("severity")
        raw_source: dict[str, Any] = item["source"] if isinstance(item.get("source"), dict) else {}
        known: dict[str, Any] = {
            k: v
            for k, v in raw_source.items()
            if k in _SOURCE_FIELDS and isinstance(v, str if k in _SOURCE_TEXT else int)
        }
        source = Source(**known)
        raw_subject: dict[str, Any] = item["subject"] if isinstance(item.get("subject"), dict) else {}
        subject = Subject(**{k: v for k, v in raw_subject.items() if k in _SUBJECT_FIELDS})
        suggestion = item.get("suggestion")
        out.append(
            Finding(
                code=item["code"],
                severity=severity if severity in SEVERITIES else "warning",
                message=str(item.get("message", "")),
                source=source,
                subject=subject,
                suggestion=suggestion if isinstance(suggestion, str) else None,
            )
        )
    return tuple(out)
