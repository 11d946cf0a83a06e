"""The forms documents come in: a catalogue of known forms, by the roles of their grid and head block.

Pure data: :mod:`jixiao.kinds.forms` recognises the form of a file from it, the checker chooses a profile by it
and the exporters write a document back in it.
"""

from __future__ import annotations

from typing import NamedTuple


class FormSpec(NamedTuple):
    """A known form: its id, kind, Chinese name, province, and the roles of its grid and head."""

    id: str
    kind: str
    label: str
    province: str
    grid: tuple[str, ...]
    head: tuple[str, ...] = ()


FORMS: tuple[FormSpec, ...] = (
    FormSpec(
        "hebei-county",
        "targets",
        "河北县级项目绩效目标表（项目编码、预算规模及资金用途、资金支出计划）",
        "河北",
        ("level1", "level2", "level3", "description", "target", "basis"),
        ("project_code", "project_name", "funds", "spending_plan", "goal"),
    ),
    FormSpec(
        "hubei-county",
        "targets",
        "湖北县级项目绩效目标表（资金情况、指标内容）",
        "湖北",
        ("level1", "level2", "level3", "target"),
        ("project_name", "supervising_department", "implementing_unit", "funds", "goal"),
    ),
    FormSpec(
        "hubei-long-term",
        "targets",
        "湖北项目支出绩效目标表（长期与年度指标并列）",
        "湖北",
        ("level1", "long_term_level2", "long_term_level3", "long_term_target", "level2", "level3", "target"),
        (
            "project_name",
            "supervising_department",
            "implementing_unit",
            "attribute",
            "period",
            "funds",
            "goal",
        ),
    ),
    FormSpec(
        "shanxi-municipal",
        "targets",
        "山西市级项目支出绩效目标申报表（中期与年度）",
        "山西",
        ("level1", "level2", "level3", "long_term_target", "target"),
        (
            "project_name",
            "supervising_department",
            "implementing_unit",
            "attribute",
            "period",
            "funds",
            "goal",
        ),
    ),
    FormSpec(
        "sichuan-projects",
        "targets",
        "四川部门预算项目绩效目标申报表（多项目一表）",
        "四川",
        (
            "unit_name",
            "project_name",
            "budget",
            "goal",
            "level1",
            "level2",
            "level3",
            "operator",
            "target",
            "unit",
            "weight",
            "direction",
        ),
    ),
    FormSpec(
        "central-2021",
        "targets",
        "中央部门项目支出绩效目标申报表（2021，指标性质、度量单位、权重分列）",
        "中央",
        ("level1", "level2", "level3", "operator", "target", "unit", "weight", "direction"),
        ("project_name", "supervising_department", "implementing_unit", "funds", "goal"),
    ),
    FormSpec(
        "central-88",
        "targets",
        "中央项目绩效目标申报表（参考模板附2-1）",
        "中央",
        ("level1", "level2", "level3", "target"),
        ("project_name", "supervising_department", "implementing_unit", "funds", "goal", "mid_term_goal"),
    ),
    FormSpec(
        "hubei-municipal",
        "targets",
        "湖北市直项目支出绩效目标表（成本构成、当年预期实现值）",
        "湖北",
        ("level2", "level3", "explanation", "target"),
        ("project_name", "category", "attribute", "funds", "goal"),
    ),
    FormSpec(
        "guangdong-special",
        "targets",
        "广东专项资金绩效目标表（含实际完成值栏）",
        "广东",
        ("level1", "level2", "level3", "target", "actual", "deviation_reason"),
        ("project_name", "supervising_department", "funds", "goal"),
    ),
    FormSpec(
        "hunan-department",
        "department_targets",
        "湖南部门（单位）整体绩效目标表",
        "湖南",
        (
            "level1",
            "level2",
            "level3",
            "value_type",
            "target",
            "unit",
            "explanation",
            "scoring_rule",
            "remark",
        ),
        ("unit_name", "duties", "goal"),
    ),
    FormSpec(
        "fujian-department",
        "department_targets",
        "福建部门整体支出绩效目标表（年度履职目标）",
        "福建",
        ("level1", "level2", "level3", "explanation", "target"),
        ("unit_name", "unit_code", "funds", "goal"),
    ),
    FormSpec(
        "central-self-evaluation",
        "self_evaluation",
        "项目支出绩效自评表（财预〔2020〕10号）",
        "中央",
        ("level1", "level2", "level3", "target", "actual", "weight", "score", "deviation"),
        ("project_name", "supervising_department", "implementing_unit", "goal", "achieved"),
    ),
    FormSpec(
        "anhui-self-evaluation",
        "self_evaluation",
        "绩效目标自评表（分值在指标值前）",
        "安徽",
        ("level1", "level2", "level3", "weight", "target", "actual", "score", "deviation"),
        ("project_name", "supervising_department", "implementing_unit", "goal", "achieved"),
    ),
    FormSpec(
        "sichuan-self-evaluation",
        "self_evaluation",
        "四川部门预算项目支出绩效自评表",
        "四川",
        (
            "level1",
            "level2",
            "level3",
            "operator",
            "target",
            "unit",
            "actual",
            "weight",
            "score",
            "deviation_reason",
        ),
        ("project_name", "goal", "achieved"),
    ),
    FormSpec(
        "hubei-self-evaluation",
        "self_evaluation",
        "湖北项目绩效自评表（按年度绩效目标分块）",
        "湖北",
        ("level1", "level2", "level3", "target", "actual", "score"),
        ("project_name", "category", "attribute"),
    ),
    FormSpec(
        "huangshi-monitoring",
        "monitoring",
        "湖北项目支出绩效监控表（黄石）",
        "湖北",
        ("level1", "level3", "target", "actual", "likelihood", "remark"),
        ("project_name", "attribute", "category"),
    ),
    FormSpec(
        "central-monitoring",
        "monitoring",
        "项目支出绩效目标执行监控表（财预〔2019〕136号）",
        "中央",
        (
            "level1",
            "level2",
            "level3",
            "target",
            "actual",
            "forecast",
            "deviation_category",
            "likelihood",
            "deviation_reason",
        ),
        ("project_name",),
    ),
)
FORM_BY_ID = {f.id: f for f in FORMS}


def province_of(form_id: str | None) -> str | None:
    """The province of a known form, or None."""
    if form_id is None:
        return None
    spec = FORM_BY_ID.get(form_id)
    return spec.province if spec is not None else None
