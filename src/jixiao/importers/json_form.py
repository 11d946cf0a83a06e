"""The JSON importer: the versioned JSON form straight to the model."""

from __future__ import annotations

import json

from jixiao.importers.decode import decode_text
from jixiao.importers.errors import UnreadableError
from jixiao.model import Finding, PerformanceDocument
from jixiao.model.serialize import SchemaError, document_from_dict


def read_json(data: bytes, file: str | None = None) -> tuple[PerformanceDocument, list[Finding]]:
    """Read a document's JSON form. Raises UnreadableError with the line or path of the problem."""
    text, _ = decode_text(data, file)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableError(
            f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近（{exc.msg}）。", file
        ) from None
    except RecursionError:
        raise UnreadableError("JSON 嵌套层数过多，无法读取。", file) from None
    try:
        return document_from_dict(obj), []
    except SchemaError as exc:
        where = f"在 {exc.path} 处" if exc.path else ""
        raise UnreadableError(f"JSON 不符合绩效文本格式：{where}{exc.message}。", file) from None
