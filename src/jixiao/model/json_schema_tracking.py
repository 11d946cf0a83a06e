"""The JSON Schemas of the self-evaluation and monitoring-report forms, written into docs/ and checked by a test."""

from __future__ import annotations

from jixiao.model.json_schema import (
    Schema,
    _decimal,
    _opt,
    _record,
    _source_schema,
    _text,
    _value_schema,
    details_schema,
    form_schema,
    row_extras,
)
from jixiao.model.serialize import SCHEMA_VERSION
from jixiao.model.serialize_tracking import MONITORING_FORMAT, SELF_EVALUATION_FORMAT


def _targets() -> Schema:
    return {
        "type": "object",
        "description": "The approved target document followed, and the fingerprint of its projects' targets.",
        "properties": {
            "unit_code": _opt(_text("单位代码")),
            "unit_name": _opt(_text("单位名称")),
            "fiscal_year": _opt({"type": "integer"}),
            "title": _text("title of the target document (部门预算绩效文本)"),
            "fingerprint": _text("16 hex digits over every project's code, name and indicator targets"),
        },
        "additionalProperties": False,
    }


def _fund() -> Schema:
    return _record(
        {
            "name": _text("年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金 …"),
            "budget_initial": _decimal("年初预算数"),
            "budget_full_year": _decimal("全年预算数 (调整后预算数)"),
            "executed": _decimal("全年执行数 (self-evaluation) or 执行数 to date (monitoring)"),
            "forecast_executed": _decimal("全年预计执行数 (monitoring)"),
        },
        ["name"],
    )


def _project_head() -> Schema:
    return {
        "code": _text("项目编码"),
        "name": _text("项目名称"),
        "department": _text("主管部门"),
        "implementing_unit": _text("实施单位 / 执行单位"),
        "money_unit": _text("money unit of the amounts, 万元 unless stated"),
        "funds": {"type": "array", "items": {"$ref": "#/$defs/fund"}},
        "attribute": _text("项目属性"),
        "category": _text("项目类别 / 项目类型"),
        "details": details_schema(),
    }


def _indicator_head() -> Schema:
    return {
        "level1": _text("一级指标"),
        "level2": _text("二级指标"),
        "level3": _text("三级指标"),
        "target": {"$ref": "#/$defs/value"},
        "deviation_reason": _text("偏差原因分析"),
        "corrective_action": _text("改进措施"),
        **{k: v for k, v in row_extras().items() if k != "remark"},
    }


def _document(fmt: str, name: str, title: str, extra: Schema, project: Schema, description: str) -> Schema:
    doc = _record(
        {
            "format": {"const": fmt},
            "schema_version": {"const": SCHEMA_VERSION},
            "unit_code": _opt(_text("单位代码")),
            "unit_name": _opt(_text("单位名称")),
            "fiscal_year": _opt({"type": "integer"}),
            "title": _text("title of the record"),
            **extra,
            "targets": {"$ref": "#/$defs/targets"},
            "scoring_profile": _text("scoring profile: central, hubei, sichuan …"),
            "projects": {"type": "array", "items": project},
            "form": form_schema(),
        },
        ["format", "schema_version", "projects"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:jixiao:schema:{name}:{SCHEMA_VERSION}",
        "title": title,
        "description": description,
        **doc,
        "$defs": {
            "source": _source_schema(),
            "value": _value_schema(),
            "targets": _targets(),
            "fund": _fund(),
        },
    }


def self_evaluation_schema() -> Schema:
    """The JSON Schema (draft 2020-12) of a jixiao self-evaluation (绩效自评表)."""
    indicator = _record(
        {
            **_indicator_head(),
            "actual": _opt({"$ref": "#/$defs/value"}),
            "weight": _decimal("分值 / 权重 as printed"),
            "score": _decimal("得分 as printed"),
            "remark": _text("备注"),
        },
        ["level1", "level2", "level3", "target"],
        cells=True,
    )
    project = _record(
        {
            **_project_head(),
            "execution_weight": _decimal("分值 of the 年度资金总额 row"),
            "execution_score": _decimal("得分 of the 年度资金总额 row"),
            "execution_reason": _text("why the execution rate is low"),
            "overall_goal": _text("年度总体目标：预期目标"),
            "achieved": _text("年度总体目标：实际完成情况"),
            "indicators": {"type": "array", "items": indicator},
            "total_score": _decimal("总分 as printed"),
            "grade": _text("自评等级 as printed (优/良/中/差)"),
        },
        ["code", "name", "indicators"],
        cells=True,
    )
    return _document(
        SELF_EVALUATION_FORMAT,
        "self-evaluation",
        "jixiao 绩效自评表 (self-evaluation)",
        {},
        project,
        "The interchange form of a unit's 绩效自评: one 自评表 per project. Money and scores are strings "
        "as printed; list positions in messages and paths are 1-based.",
    )


def monitoring_report_schema() -> Schema:
    """The JSON Schema (draft 2020-12) of a jixiao monitoring report (绩效运行监控表)."""
    indicator = _record(
        {
            **_indicator_head(),
            "progress": _opt({"$ref": "#/$defs/value"}),
            "likelihood": _text("完成目标可能性 as written: 确定能 / 有可能 / 不可能"),
            "deviation_category": _text("偏差原因类别"),
            "note": _text("备注"),
            "forecast": {"$ref": "#/$defs/value"},
        },
        ["level1", "level2", "level3", "target"],
        cells=True,
    )
    project = _record(
        {
            **_project_head(),
            "spending_plan": {
                "type": "object",
                "description": "资金支出计划: named month (3月底 …) → cumulative percentage, in order",
                "additionalProperties": _decimal("cumulative %"),
            },
            "indicators": {"type": "array", "items": indicator},
            "deviation_reason": _text("偏差或不能完成目标原因分析"),
            "corrective_action": _text("相关建议或举措"),
        },
        ["code", "name", "indicators"],
        cells=True,
    )
    return _document(
        MONITORING_FORMAT,
        "monitoring-report",
        "jixiao 绩效运行监控表 (monitoring report)",
        {"month": {"type": "integer", "minimum": 1, "maximum": 12, "description": "the period is 1–month月"}},
        project,
        "The interchange form of a unit's 绩效运行监控 for the months 1 to month. Money is strings; "
        "list positions in messages and paths are 1-based.",
    )
