"""The 预算管理一体化 field mapping names only JSON paths the schema of its kind has."""

from __future__ import annotations

from typing import Any

import pytest

from jixiao.model.json_schema import department_schema, document_schema
from jixiao.model.json_schema_tracking import monitoring_report_schema, self_evaluation_schema
from jixiao.model.national import NATIONAL_FIELDS

SCHEMAS = {
    "jixiao.performance-document": document_schema,
    "jixiao.department-targets": department_schema,
    "jixiao.self-evaluation": self_evaluation_schema,
    "jixiao.monitoring-report": monitoring_report_schema,
}


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The node with a ``$ref`` followed and a nullable ``anyOf`` taken by its non-null branch."""
    while True:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        elif "anyOf" in node:
            node = next(n for n in node["anyOf"] if n.get("type") != "null")
        else:
            return node


def _has(schema: dict[str, Any], path: str) -> bool:
    node = schema
    for part in path.split("."):
        many = part.endswith("[]")
        node = _resolve(schema, node).get("properties", {}).get(part.removesuffix("[]"))
        if node is None:
            return False
        if many:
            node = _resolve(schema, node).get("items", {})
    return True


@pytest.mark.parametrize("fmt", list(NATIONAL_FIELDS))
def test_every_mapped_path_is_in_the_schema(fmt: str) -> None:
    schema = SCHEMAS[fmt]()
    assert [f.path for f in NATIONAL_FIELDS[fmt] if not _has(schema, f.path)] == []
    assert _has(schema, "fiscal_year") and not _has(schema, "no_such_field")
