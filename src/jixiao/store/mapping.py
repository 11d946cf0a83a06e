"""Model records ⇄ stored JSON: the one place that knows both worlds. Lossless on the model's equality."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from jixiao.model import PerformanceDocument
from jixiao.model.serialize import document_from_dict, document_to_dict


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
