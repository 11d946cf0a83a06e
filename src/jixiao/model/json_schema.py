"""The JSON Schema of the document's JSON form, written into docs/ and checked by a test."""

from __future__ import annotations

from typing import Any

from jixiao.model.indicator_value import DOUBTS, OPERATORS, VALUE_KINDS
from jixiao.model.records import FRAMEWORK_VERSIONS, PERIODS, STATUSES
from jixiao.model.serialize import DEPARTMENT_FORMAT, FORMAT, SCHEMA_VERSION

Schema = dict[str, Any]

DECIMAL_PATTERN = r"^-?\d+(\.\d+)?$"


def _text(description: str) -> Schema:
    return {"type": "string", "description": description}


def _opt(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


def _decimal(description: str) -> Schema:
    return _opt({"type": "string", "pattern": DECIMAL_PATTERN, "description": description})


def _source_schema() -> Schema:
    ints = {n: {"type": "integer", "minimum": 0} for n in ("page", "line", "table", "row", "column")}
    return {
        "type": "object",
        "description": "Where the record was read from (present only when written with sources).",
        "properties": {"file": {"type": "string"}, "cell": {"type": "string"}, **ints},
        "additionalProperties": False,
    }


def _value_schema() -> Schema:
    return {
        "type": "object",
        "description": "指标值: raw as written is authoritative; the other fields are its reading.",
        "required": ["raw", "kind"],
        "properties": {
            "raw": _text("the cell exactly as written"),
            "kind": {"enum": list(VALUE_KINDS)},
            "operator": {"enum": [*OPERATORS, None]},
            "number": _decimal("the target number (lower bound of a range)"),
            "unit": _opt(_text("normalised unit (% for ％/百分比, 万 for 萬 …)")),
            "raw_unit": _opt(_text("the unit as written")),
            "operator_raw": _opt(_text("the operator as written (≥≥, >=, 不低于, 以上 …)")),
            "upper": _decimal("upper bound of a range"),
            "deadline": _opt(_text("ISO 8601 date or partial date: 2024-12-31, 2024-12, --12-31, --12")),
            "doubts": {"type": "array", "items": {"enum": sorted(DOUBTS)}},
        },
        "additionalProperties": False,
    }


def form_schema() -> Schema:
    """The form a record was read from (absent for jixiao's own layout)."""
    return {
        "type": "object",
        "description": "表式: a known form's id (null for a form no catalogue names), the signature of its roles, "
        "its name, the roles of its grid's columns, the fields of its head block and the grid's header words",
        "properties": {
            "id": _opt({"type": "string"}),
            "signature": {"type": "string"},
            "label": {"type": "string"},
            "columns": {
                "type": "array",
                "items": {"type": "string"},
                "description": "the grid's column roles",
            },
            "head": {"type": "array", "items": {"type": "string"}, "description": "the head block's fields"},
            "headers": {
                "type": "array",
                "items": {"type": "string"},
                "description": "the grid's header words as printed, one per column",
            },
        },
        "additionalProperties": False,
    }


def funds_schema() -> Schema:
    """Money lines as the form writes them."""
    return {
        "type": "array",
        "description": "资金来源: every money line as the form writes it (年度资金总额, 其中：财政拨款, 中期资金总额 …)",
        "items": {
            "type": "object",
            "required": ["label", "period"],
            "properties": {
                "label": _text("the line's label as written"),
                "amount": _decimal("the amount in the record's money unit"),
                "period": {"enum": list(PERIODS)},
                "is_total": {"type": "boolean", "description": "the line the others make up"},
                "source": {"$ref": "#/$defs/source"},
            },
            "additionalProperties": False,
        },
    }


def details_schema() -> Schema:
    """Labelled texts the form prints that no field holds."""
    return {
        "type": "array",
        "description": "立项依据, 项目概况, 项目负责人及电话, 评价结论 … as the form labels them",
        "items": {
            "type": "object",
            "required": ["label", "text"],
            "properties": {"label": {"type": "string"}, "text": {"type": "string"}},
            "additionalProperties": False,
        },
    }


def row_extras() -> Schema:
    """The columns other provinces' indicator grids add, each present only when filled."""
    return {
        "direction": {"enum": ["", "正向", "反向"], "description": "指标方向"},
        "value_type": _text("指标值类型 as written: 定量 / 定性"),
        "explanation": _text("指标解释"),
        "scoring_rule": _text("评（扣）分标准"),
        "remark": _text("备注"),
        "core": {"type": "boolean", "description": "核心指标 (★)"},
    }


def _strings(description: str) -> Schema:
    return {"type": "array", "items": {"type": "string"}, "description": description}


def _record(properties: Schema, required: list[str], cells: bool = False) -> Schema:
    props = dict(properties)
    props["source"] = {"$ref": "#/$defs/source"}
    if cells:
        props["cells"] = {"type": "object", "additionalProperties": {"$ref": "#/$defs/source"}}
    return {"type": "object", "required": required, "properties": props, "additionalProperties": False}


def document_schema() -> Schema:
    """The JSON Schema (draft 2020-12) of a jixiao performance document."""
    indicator = _record(
        {
            "level1": _text("一级指标"),
            "level2": _text("二级指标"),
            "level3": _text("三级指标"),
            "description": _text("绩效指标描述"),
            "value": {"$ref": "#/$defs/value"},
            "basis": _text("指标值确定依据"),
            "previous_value": _opt({"$ref": "#/$defs/value"}),
            "weight": _decimal("权重 / 分值"),
            **row_extras(),
            "long_term_value": {"$ref": "#/$defs/value"},
            "long_term_level2": _text("二级指标（长期）"),
            "long_term_level3": _text("三级指标（长期）"),
        },
        ["level1", "level2", "level3", "description", "value", "basis"],
        cells=True,
    )
    project = _record(
        {
            "code": _text("项目编码 as written (21 characters when well formed)"),
            "name": _text("项目名称"),
            "title": _opt(_text("the table's title when it is not <name>绩效目标表")),
            "unit_code": _opt(_text("单位代码 of the table")),
            "unit_name": _opt(_text("单位名称 of the table")),
            "money_unit": _text("money unit of the budget figures, 万元 unless stated"),
            "budget_total": _decimal("预算数"),
            "budget_fiscal": _decimal("其中：财政资金"),
            "budget_other": _decimal("其他资金"),
            "purpose": _text("资金用途"),
            "spending_plan": {
                "type": "object",
                "description": "资金支出计划: named month (3月底 …) → cumulative percentage, in order",
                "additionalProperties": _decimal("cumulative %"),
            },
            "goals": {
                "type": "array",
                "items": {"type": "string"},
                "description": "绩效目标, numbering removed",
            },
            "indicators": {"type": "array", "items": indicator},
            "supervising_department": _text("主管部门"),
            "implementing_unit": _text("实施单位"),
            "attribute": _text("项目属性 / 项目性质"),
            "category": _text("项目类别 / 项目类型"),
            "period": _text("项目期限 / 项目起止时间"),
            "funds": funds_schema(),
            "mid_term_goals": _strings("中期目标, numbering removed"),
            "details": details_schema(),
        },
        ["code", "name", "indicators"],
        cells=True,
    )
    department = department_record(indicator)
    goals = {
        "type": "object",
        "properties": {
            "overall_goal": _text("总体绩效目标"),
            "sub_goals": {
                "type": "array",
                "items": _record(
                    {
                        "number": _opt({"type": "integer"}),
                        "title": _text("分项绩效目标 title"),
                        "goal": _text("绩效目标 paragraph"),
                        "indicator_text": _text("绩效指标 paragraph"),
                    },
                    ["title"],
                ),
            },
            "safeguards": {
                "type": "array",
                "items": _record(
                    {"number": _text("一, 二 …"), "text": _text("section text")}, ["number", "text"]
                ),
            },
        },
        "additionalProperties": False,
    }
    doc = _record(
        {
            "format": {"const": FORMAT},
            "schema_version": {"const": SCHEMA_VERSION},
            "unit_code": _opt(_text("单位代码")),
            "unit_name": _opt(_text("单位名称")),
            "division_code": _opt(_text("财政区划代码")),
            "fiscal_year": _opt({"type": "integer"}),
            "status": {"enum": [*STATUSES, None]},
            "title": _text("部门预算绩效文本"),
            "compiled_by": _opt(_text("编制单位")),
            "reviewed_by": _opt(_text("审核单位")),
            "framework_version": {"enum": [*FRAMEWORK_VERSIONS, None]},
            "contents": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["title"],
                    "properties": {"title": {"type": "string"}, "page": _opt({"type": "integer"})},
                    "additionalProperties": False,
                },
            },
            "department_goals": goals,
            "projects": {"type": "array", "items": project},
            "department_table": department,
            "form": form_schema(),
        },
        ["format", "schema_version", "projects"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:jixiao:schema:performance-document:{SCHEMA_VERSION}",
        "title": "jixiao 部门预算绩效文本 (performance document)",
        "description": "The interchange form of a 部门预算绩效文本. Money and numbers are strings; "
        "list positions in messages and paths are 1-based.",
        **doc,
        "$defs": {"source": _source_schema(), "value": _value_schema()},
    }


def department_record(indicator: Schema) -> Schema:
    """The 部门整体绩效目标表 as an object (inside a document, or on its own with a format)."""
    task = _record(
        {
            "duty": _text("部门职能"),
            "task": _text("年度目标任务 / 任务名称"),
            "content": _text("主要内容"),
            "project": _text("支出项目名称"),
            "budget_total": _decimal("预算金额"),
            "budget_fiscal": _decimal("其中：财政拨款"),
            "budget_other": _decimal("其他资金"),
        },
        ["task"],
    )
    return _record(
        {
            "unit_code": _opt(_text("单位代码 / 部门预算编码")),
            "unit_name": _opt(_text("部门（单位）名称")),
            "fiscal_year": _opt({"type": "integer"}),
            "title": _text("the table's title"),
            "duties": _text("部门职责"),
            "goals": _strings("年度总体目标 (目标1 … n), numbering removed"),
            "mid_term_goals": _strings("中期目标"),
            "money_unit": _text("money unit, 万元 unless stated"),
            "funds": funds_schema(),
            "annual_tasks": {"type": "array", "items": task, "description": "年度履职目标 / 年度主要任务"},
            "indicators": {"type": "array", "items": indicator},
            "details": details_schema(),
        },
        ["indicators"],
        cells=True,
    )


def department_schema() -> Schema:
    """The JSON Schema (draft 2020-12) of a 部门整体绩效目标表 on its own."""
    document = document_schema()
    indicator = document["properties"]["projects"]["items"]["properties"]["indicators"]["items"]
    record = department_record(indicator)
    record["properties"] = {
        "format": {"const": DEPARTMENT_FORMAT},
        "schema_version": {"const": SCHEMA_VERSION},
        **record["properties"],
        "form": form_schema(),
    }
    record["required"] = ["format", "schema_version", "indicators"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:jixiao:schema:department-targets:{SCHEMA_VERSION}",
        "title": "jixiao 部门（单位）整体绩效目标表 (department targets)",
        "description": "The interchange form of a department-level target table. Money is strings; "
        "list positions in messages and paths are 1-based.",
        **record,
        "$defs": {"source": _source_schema(), "value": _value_schema()},
    }
