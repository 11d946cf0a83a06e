"""The JSON exporter: the versioned JSON form, UTF-8, keys in the glossary's order."""

from __future__ import annotations

import json

from jixiao.model import PerformanceDocument
from jixiao.model.serialize import document_to_dict


def write_json(doc: PerformanceDocument, *, sources: bool = False) -> str:
    """The document's JSON form as text, indented, Chinese kept readable."""
    return json.dumps(document_to_dict(doc, sources=sources), ensure_ascii=False, indent=2) + "\n"
