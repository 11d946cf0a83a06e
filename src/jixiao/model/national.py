"""The 预算管理一体化 field names (SPEC §9) of what jixiao's JSON forms hold, kind by kind.

Pure data: each JSON path of a record (``projects[].indicators[].weight``) beside the ministry-standard field a
vendor's performance module stores it in (``weight`` of ``PM_PERF_INDICATOR``), so an exchange with the
integrated system maps field for field. The names are vendor evidence (SPEC §9, confidence [I]): the official
data-element codes were not seen. A path with no national field says so in its note. Every path is checked
against the JSON Schema by a test, so the mapping follows the schema as it changes.
"""

from __future__ import annotations

from typing import NamedTuple


class NationalField(NamedTuple):
    """One JSON path, the 一体化 table and field it maps to ('' for none), and a note."""

    path: str
    table: str
    field: str
    note: str = ""


_KEYS = "公共键"
_IND = "PM_PERF_INDICATOR"

_TARGET_INDICATOR = (
    ("level1", _IND, "kpi_lv1", "一级指标名称"),
    ("level2", _IND, "kpi_lv2", "二级指标名称"),
    ("level3", _IND, "kpi_lv3", "三级指标名称（≤100 字）"),
    ("value.raw", _IND, "kpi_val", "指标值（原文）"),
    ("value.operator", _IND, "computesign", "计算符号：≥ 1、＞ 2、＝ 3、＜ 4、≤ 5、定性 6"),
    ("value.number", _IND, "indexval", "指标值的数值"),
    ("value.unit", _IND, "meterunit", "计量单位（定性、定量（其他）可空）"),
    ("basis", _IND, "referencestandards", "指标值确定依据（有的地方用 indexstandards）"),
    ("description", "", "", "绩效指标描述：一体化表中未见此字段"),
    ("explanation", _IND, "kpi_content", "指标解释（一体化规范中不可为空）"),
    ("scoring_rule", _IND, "kpi_evalstd", "评（扣）分标准（一体化规范中不可为空）"),
    ("remark", _IND, "kpi_remark", "备注"),
    ("weight", _IND, "weight", "权重 / 分值"),
    ("previous_value", _IND, "snindexval", "上年指标值"),
    ("long_term_value", _IND, "indexval", "中长期指标值：同一指标另起一行，yearflag = 1"),
    ("direction", "", "", "指标方向（正向/反向）：一体化表没有此字段，由计算符号体现"),
    ("value_type", "", "", "指标值类型（定量/定性）：由计算符号 6 体现"),
    ("core", "", "", "核心指标（★）：未见对应字段"),
)


def _under(prefix: str, rows: tuple[tuple[str, str, str, str], ...]) -> tuple[NationalField, ...]:
    return tuple(NationalField(f"{prefix}{path}", table, field, note) for path, table, field, note in rows)


TARGETS: tuple[NationalField, ...] = (
    NationalField("division_code", _KEYS, "mof_div_code", "财政区划代码（9 位）"),
    NationalField("fiscal_year", _KEYS, "fiscal_year", "预算年度"),
    NationalField("unit_code", _KEYS, "agency_code", "单位代码（≤21 位）"),
    NationalField("unit_name", "", "", "单位名称：一体化以单位代码为键，名称字段未见"),
    NationalField("projects[].code", _KEYS, "pro_code", "项目代码（≤21 位）"),
    NationalField("projects[].name", _KEYS, "pro_name", "项目名称（≤180 字）"),
    NationalField("projects[].budget_total", "", "", "项目资金总额：项目绩效目标表的资金字段未见"),
    NationalField("projects[].goals", "", "", "年度绩效目标：项目目标表的字段未见（部门整体为 ndgoal）"),
    NationalField(
        "projects[].mid_term_goals", "", "", "中长期目标：字段未见；中长期指标以 yearflag = 1 区分"
    ),
    NationalField(
        "projects[].supervising_department",
        _KEYS,
        "dept_code",
        "主管部门：一体化存部门代码（21 位），表中多为名称",
    ),
    *_under("projects[].indicators[].", _TARGET_INDICATOR),
)

DEPARTMENT: tuple[NationalField, ...] = (
    NationalField("fiscal_year", _KEYS, "fiscal_year", "预算年度"),
    NationalField("unit_code", _KEYS, "agency_code", "单位代码"),
    NationalField("unit_name", "", "", "单位名称：名称字段未见"),
    NationalField("goals", "BGT_PERF_GOAL_INFO", "ndgoal", "年度总体目标"),
    NationalField("mid_term_goals", "BGT_PERF_GOAL_INFO", "zqgoal", "中期目标"),
    NationalField("duties", "", "", "部门职责：未见对应字段"),
    *_under("indicators[].", tuple((p, "BGT_PERF_INDICATOR", f, n) for p, _t, f, n in _TARGET_INDICATOR)),
)

SELF_EVALUATION: tuple[NationalField, ...] = (
    NationalField("fiscal_year", _KEYS, "fiscal_year", "预算年度"),
    NationalField("unit_code", _KEYS, "agency_code", "单位代码"),
    NationalField("projects[].code", _KEYS, "pro_code", "项目代码"),
    NationalField("projects[].name", _KEYS, "pro_name", "项目名称"),
    NationalField("projects[].overall_goal", "PM_SELF_EVAL_GOAL", "kpi_target", "年度预期目标"),
    NationalField("projects[].achieved", "PM_SELF_EVAL_GOAL", "goal_comp", "目标完成情况"),
    NationalField("projects[].total_score", "PM_PERF_SELF_EVAL", "total_eval_value", "单位自评得分"),
    NationalField("projects[].execution_score", "PM_PERF_SELF_BGT", "exe_score", "预算执行得分"),
    NationalField("projects[].funds[].name", "PM_PERF_SELF_BGT", "found_type_name", "资金来源"),
    NationalField("projects[].funds[].budget_initial", "PM_PERF_SELF_BGT", "reply_amt", "年初批复数"),
    NationalField("projects[].funds[].budget_full_year", "PM_PERF_SELF_BGT", "cur_amt", "变动后预算数"),
    NationalField("projects[].funds[].executed", "PM_PERF_SELF_BGT", "year_exe_amt", "全年执行数"),
    NationalField(
        "projects[].indicators[].level1", "PM_SELF_EVAL_INDICATOR", "lv1_perf_ind_name", "一级指标"
    ),
    NationalField(
        "projects[].indicators[].level2", "PM_SELF_EVAL_INDICATOR", "lv2_perf_ind_name", "二级指标"
    ),
    NationalField(
        "projects[].indicators[].level3", "PM_SELF_EVAL_INDICATOR", "lv3_perf_ind_name", "三级指标"
    ),
    NationalField("projects[].indicators[].target.raw", "PM_SELF_EVAL_INDICATOR", "kpi_val", "年度指标值"),
    NationalField("projects[].indicators[].actual.raw", "PM_SELF_EVAL_INDICATOR", "ind_comp", "实际完成值"),
    NationalField("projects[].indicators[].weight", "PM_SELF_EVAL_INDICATOR", "ind_weight", "分值"),
    NationalField("projects[].indicators[].score", "PM_SELF_EVAL_INDICATOR", "eval_score", "得分"),
    NationalField(
        "projects[].indicators[].deviation_reason", "PM_SELF_EVAL_INDICATOR", "devi_analy", "偏差原因分析"
    ),
    NationalField(
        "projects[].indicators[].corrective_action",
        "PM_SELF_EVAL_INDICATOR",
        "devi_analy",
        "改进措施：与偏差原因同一字段",
    ),
)

MONITORING: tuple[NationalField, ...] = (
    NationalField("fiscal_year", _KEYS, "fiscal_year", "预算年度"),
    NationalField("unit_code", _KEYS, "agency_code", "单位代码"),
    NationalField("projects[].code", _KEYS, "pro_code", "项目代码"),
    NationalField("projects[].name", _KEYS, "pro_name", "项目名称"),
    NationalField("projects[].indicators[].level3", "", "", "监控表的字段名未见（SPEC §9 只有目标与自评）"),
)

#: The mapping of each JSON form, by its ``format``.
NATIONAL_FIELDS: dict[str, tuple[NationalField, ...]] = {
    "jixiao.performance-document": TARGETS,
    "jixiao.department-targets": DEPARTMENT,
    "jixiao.self-evaluation": SELF_EVALUATION,
    "jixiao.monitoring-report": MONITORING,
}
