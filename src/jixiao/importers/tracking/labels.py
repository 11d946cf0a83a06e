"""The words of 自评表 and 监控表: row labels, column headers in their regional spellings, and the file's kind.

Headers are matched on :func:`label_key` (no whitespace, simplified characters, ASCII colon and parentheses)
after a leading period such as ``1–7月`` or ``半年度`` is split off, and a trailing unit such as ``(分)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from jixiao.importers.cleanup import label_key
from jixiao.importers.layout import Layout, Table, TextLine

Kind = Literal["targets", "self_evaluation", "monitoring"]
KIND_LABELS: dict[str, str] = {
    "targets": "部门预算绩效文本（绩效目标表）",
    "self_evaluation": "绩效自评表",
    "monitoring": "绩效运行监控表",
}

_PERIOD = re.compile(
    r"^(?:(?:1|一)[-–—~～至到](\d{1,2})月份?|截至(\d{1,2})月底?|(\d{1,2})月份?|(上?半年度?)|(前三季度))"
)
_TRAILING_UNIT = re.compile(r"\((?:分|%|万元|元)\)$")

_LEVELS = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "指标名称": "level3",
    "绩效指标名称": "level3",
}
_TARGETS = {
    "年度指标值": "target",
    "指标值": "target",
    "年度目标值": "target",
    "目标值": "target",
    "预期指标值": "target",
    "全年指标值": "target",
    "年度绩效指标值": "target",
    # operator and unit in columns of their own (Sichuan, Chongqing, the central 2021 template)
    "指标性质": "operator",
    "计算符号": "operator",
    "度量单位": "unit",
    "计量单位": "unit",
}
EVALUATION_COLUMNS: dict[str, str] = {
    **_LEVELS,
    **_TARGETS,
    "实际完成值": "actual",
    "完成值": "actual",
    "实际值": "actual",
    "全年实际完成值": "actual",
    "实际完成情况": "actual",
    "分值": "weight",
    "权重": "weight",
    "得分": "score",
    "自评得分": "score",
    "偏差原因分析及改进措施": "deviation",
    "偏差原因分析及整改措施": "deviation",
    "偏差原因及改进措施": "deviation",
    "偏差原因分析": "deviation_reason",
    "未完成原因分析": "deviation_reason",
    "原因分析": "deviation_reason",
    "偏差原因": "deviation_reason",
    "未完成原因": "deviation_reason",
    "改进措施": "corrective_action",
    "整改措施": "corrective_action",
}
MONITORING_COLUMNS: dict[str, str] = {
    **_LEVELS,
    **_TARGETS,
    "执行情况": "progress",
    "指标执行情况": "progress",
    "完成情况": "progress",
    "指标完成情况": "progress",
    "实际完成值": "progress",
    "完成值": "progress",
    "实际完成情况": "progress",
    "完成目标可能性": "likelihood",
    "目标完成可能性": "likelihood",
    "偏差原因类别": "deviation_category",
    "原因类别": "deviation_category",
    "偏差类别": "deviation_category",
    "原因分析": "deviation_reason",
    "偏差原因分析": "deviation_reason",
    "偏差原因": "deviation_reason",
    "未完成原因分析": "deviation_reason",
    "改进措施": "corrective_action",
    "整改措施": "corrective_action",
    "相关建议或举措": "corrective_action",
    "建议或举措": "corrective_action",
    "备注": "note",
}
# Columns that are recognised but not kept by the record: reported once per table (P11), never guessed into.
NOT_KEPT_COLUMNS = frozenset(
    {
        "绩效指标描述",
        "指标描述",
        "指标解释",
        "评(扣)分标准",
        "评分标准",
        "指标值确定依据",
        "是否核心指标",
        "指标方向",
        "上年实际值",
        "备注",
        "全年预计完成情况",
        "预计完成情况",
        "全年预计完成值",
        "中长期指标值",
        "中长期目标值",
        "中期指标值",
        "指标值类型",
        "指标值说明",
    }
)
MONEY_COLUMNS: dict[str, str] = {
    "年初预算数": "budget_initial",
    "年初预算": "budget_initial",
    "全年预算数": "budget_full_year",
    "全年预算": "budget_full_year",
    "调整后预算数": "budget_full_year",
    "调整后预算": "budget_full_year",
    "全年执行数": "executed",
    "预算执行数": "executed",
    "执行数": "executed",
    "实际执行数": "executed",
    "全年预计执行数": "forecast_executed",
    "预计执行数": "forecast_executed",
    "分值": "weight",
    "权重": "weight",
    "执行率": "rate",
    "预算执行率": "rate",
    "得分": "score",
    "偏差原因": "reason",
    "执行偏差原因": "reason",
    "原因": "reason",
    "原因分析": "reason",
    "未完成原因分析": "reason",
}
COLUMN_LABELS: dict[str, str] = {
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "target": "年度指标值",
    "operator": "指标性质",
    "unit": "度量单位",
    "actual": "实际完成值",
    "progress": "执行情况",
    "weight": "分值",
    "score": "得分",
    "deviation": "偏差原因分析及改进措施",
    "deviation_reason": "偏差原因分析",
    "corrective_action": "改进措施",
    "likelihood": "完成目标可能性",
    "deviation_category": "偏差原因类别",
    "note": "备注",
    "budget_initial": "年初预算数",
    "budget_full_year": "全年预算数",
    "executed": "执行数",
    "forecast_executed": "全年预计执行数",
}
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "self_evaluation": ("level1", "level3", "target", "actual", "weight", "score"),
    "monitoring": ("level1", "level3", "target", "progress", "likelihood"),
}

HEAD_LABELS: dict[str, str] = {
    "项目名称": "name",
    "项目编码": "code",
    "项目代码": "code",
    "主管部门": "department",
    "主管单位": "department",
    "实施单位": "implementing_unit",
    "执行单位": "implementing_unit",
    "项目实施单位": "implementing_unit",
}
MONITORING_FOOTERS: dict[str, str] = {
    "偏差或不能完成目标原因分析": "deviation_reason",
    "偏差原因分析": "deviation_reason",
    "原因分析": "deviation_reason",
    "相关建议或举措": "corrective_action",
    "建议或举措": "corrective_action",
    "改进措施": "corrective_action",
    "整改措施": "corrective_action",
}
NOT_KEPT_FOOTERS = frozenset(
    {
        "评价结论",
        "存在问题",
        "存在的问题",
        "存在问题及原因分析",
        "改进措施",
        "整改措施",
        "偏差原因分析",
        "其他需说明的事项",
        "备注",
    }
)
GRADE_LABELS = frozenset({"自评等级", "评价等级", "等级", "自评结论"})
GRADES = frozenset({"优", "良", "中", "差"})


@lru_cache(maxsize=8192)
def split_period(key: str) -> tuple[int | None, str]:
    """A header's leading period and the rest: ``1-7月执行数`` → (7, ``执行数``), ``半年度…`` → (6, …)."""
    m = _PERIOD.match(key)
    if not m:
        return None, key
    rest = key[m.end() :]
    if not rest:
        return None, key  # a month alone (a 资金支出计划 heading such as ``3月``) is not a period
    number = m.group(1) or m.group(2) or m.group(3)
    if number:
        month = int(number)
        return (month if 1 <= month <= 12 else None), rest
    return (6 if m.group(4) else 9), rest


@lru_cache(maxsize=8192)
def header_key(text: str) -> str:
    """A header cell reduced for matching: label_key without a trailing ``:`` or unit such as ``(分)``."""
    return _TRAILING_UNIT.sub("", label_key(text).rstrip(":"))


def column_of(text: str, columns: dict[str, str]) -> tuple[str | None, int | None]:
    """The field a header cell names in a vocabulary, and the period it carries (``1–7月执行情况`` → 7)."""
    key = header_key(text)
    if key in columns:
        return columns[key], None
    month, rest = split_period(key)
    field = columns.get(rest)
    # a target of part of the year (半年度指标值 beside 全年指标值) is not the year's target
    return (None if field in ("target", "operator", "unit") else field), month


def is_not_kept(text: str) -> bool:
    """True for a header a record does not keep: 指标解释, 备注 (自评表), 半年度指标值, 中长期指标值 …"""
    key = header_key(text)
    return key in NOT_KEPT_COLUMNS or split_period(key)[1] in _TARGETS


def row_label(text: str) -> str:
    """A row label reduced for matching: label_key without colons or a trailing ``(万元)``."""
    return label_key(text).rstrip(":")


# -- the kind of a file --------------------------------------------------------------------------------

_MONITORING_STRONG = frozenset({"完成目标可能性", "目标完成可能性"})
_EVALUATION_STRONG = frozenset({"得分", "自评得分"})
_MONITORING_WEAK = frozenset(
    {"全年预计执行数", "预计执行数", "执行情况", "指标执行情况", "偏差或不能完成目标原因分析"}
)
_EVALUATION_WEAK = frozenset({"实际完成值", "完成值", "全年执行数", "预算执行数", "偏差原因分析及改进措施"})


def kind_of_keys(keys: Iterable[str], titles: Iterable[str] = ()) -> Kind:
    """Which record cell keys (and, failing them, titles) belong to: targets, a self-evaluation, a monitoring."""
    found: set[str] = set()
    for key in keys:
        if len(key) <= 24:
            found.add(key)
            found.add(split_period(key)[1])
    if found & _MONITORING_STRONG:
        return "monitoring"
    if found & _EVALUATION_STRONG:
        return "self_evaluation"
    if found & _MONITORING_WEAK:
        return "monitoring"
    if found & _EVALUATION_WEAK:
        return "self_evaluation"
    for title in titles:
        key = label_key(title)
        if "自评" in key:
            return "self_evaluation"
        if "运行监控" in key or "监控表" in key:
            return "monitoring"
    return "targets"


def kind_of_layout(layout: Layout) -> Kind:
    """Which record a file's layout holds, from its table headers and, failing them, its titles."""
    cells = {
        cell
        for block in layout.blocks
        if isinstance(block, Table)
        for row in block.rows
        for cell in row.cells
        if cell and len(cell) <= 40  # a header is short; long cells are the contents
    }
    keys = {header_key(cell) for cell in cells}
    titles = [b.text for b in layout.blocks if isinstance(b, TextLine) and b.text.endswith(("表", "）", ")"))]
    return kind_of_keys(keys, titles[:5])
