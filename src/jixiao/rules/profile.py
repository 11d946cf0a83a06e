"""A profile: what varies by place and year (framework, thresholds, word lists, severities, rule choice).

Every point SPEC marks [R] or [I] is a field here rather than a constant in a rule. Profiles are written
in TOML (see ``jixiao/check/profiles/``); ``Profile.merged`` applies a table of overrides to a profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any, get_type_hints

from jixiao.model import FRAMEWORK_VERSIONS, SEVERITIES, FrameworkVersion, Severity


class ProfileError(ValueError):
    """A profile that cannot be used; the message is Chinese and names the key."""


@dataclass(frozen=True)
class Profile:
    """Settings the rules read. Defaults are the ``default`` profile's."""

    name: str = "default"
    title: str = "通用"
    framework_version: FrameworkVersion = "legacy_88"
    # the forms (ids of jixiao.kinds.forms) and provinces this profile is for: a document read from one of them
    # is checked with it when the user names no profile
    forms: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    by_form: bool = False  # chosen by default, not by the user: the document's form may choose another
    # S: project codes
    code_pattern: str = r"^\d{6}\d{2}[A-Z][0-9A-Z]{12}$"
    # F: money and the spending plan
    money_tolerance: Decimal = Decimal("0.005")
    backloaded_month: str = "10月底"
    backloaded_min_percent: Decimal = Decimal(75)
    # K: the framework
    min_indicators: int = 3
    max_name_chars: int = 100
    economic_words: tuple[str, ...] = (
        "元", "万元", "收入", "增收", "节支", "节约", "产值", "税", "就业", "利润", "成本", "效益额", "经济",
    )  # fmt: skip
    # V: values
    satisfaction_min: Decimal = Decimal(80)
    satisfaction_max: Decimal = Decimal(100)
    vague_words: tuple[str, ...] = (
        "有效",
        "明显",
        "进一步",
        "显著",
        "大幅",
        "提升",
        "加强",
        "影响力",
        "热潮",
    )
    growth_words: tuple[str, ...] = ("增长率", "增长", "增幅", "变化率", "提高率", "同比", "环比")
    rate_pattern: str = r"(?<![效频功])率(?!先)|比例|比重|占比|百分比|满意度|覆盖面"
    unmeasurable_patterns: tuple[str, ...] = (
        "影响力", "热潮", "氛围", "积极性", "有效缓解", "是否", "(?:荣誉|获得|幸福|归属|安全|认同)感",
        "水平(?:的)?(?:提升|提高|改善)", "(?:提升|提高|改善)[^，。；、]{0,10}水平",
    )  # fmt: skip
    checkable_words: tuple[str, ...] = (
        "符合", "达到", "执行", "按照", "依据", "遵守", "标准", "规定", "规范", "要求", "《", "前完成", "完成",
        "通过", "验收", "合格", "达标", "达成", "未发生", "无", "零",
    )  # fmt: skip
    bare_adjectives: tuple[str, ...] = (
        "明显", "显著", "良好", "较好", "较高", "很好", "有效", "提高", "提升", "改善", "增强", "加强", "进一步",
        "大幅", "有所", "逐步", "稳步", "积极", "充分", "不断", "持续", "好", "高",
    )  # fmt: skip
    # B: basis
    generic_basis_words: tuple[str, ...] = ("县政府批示", "领导批示", "会议研究", "政府批示", "批示")
    method_only_basis_words: tuple[str, ...] = ("问卷调查", "调查问卷", "满意度调查", "调查")
    quantity_dimensions: tuple[str, ...] = ("count", "area", "length", "weight", "volume")
    timeliness_min_percent: Decimal = Decimal(80)
    quality_words: tuple[str, ...] = ("率", "达标", "合格", "准确", "标准", "质量", "精确", "完好", "优良")
    restates_budget_words: tuple[str, ...] = ("数额", "金额", "投入资金", "经费", "资金", "费用总额", "总额")
    # C: coverage of goals by indicators (share of a goal's word bigrams found in the indicators)
    goal_coverage_min: Decimal = Decimal("0.2")
    # D: words of county-wide policy that a department's own safeguards should not consist of
    # The headings of the tasks of the State Council's 2024 政府工作报告, which county reports copy (现代化产业体系,
    # 科技创新, 扩大国内需求: 消费、投资, 营商环境, 对外开放, “三农” and 乡村全面振兴, 粮食安全, 新型城镇化, 生态文明 and
    # 污染防治, 绿色低碳): a safeguard made only of them says nothing of the department's own work.
    county_policy_words: tuple[str, ...] = (
        "产业", "科技创新", "扩大内需", "消费", "投资", "营商环境", "对外开放", "招商", "三农", "乡村振兴", "粮食",
        "城镇化", "城市更新", "生态", "污染", "绿色低碳",
    )  # fmt: skip
    plan_words: tuple[str, ...] = ("规划", "计划", "纲要", "方案", "行动")
    standard_words: tuple[str, ...] = (
        "计划", "规划", "方案", "办法", "规定", "标准", "文件", "通知", "意见", "纲要", "预算", "定额", "行业",
        "统计", "公报", "历史", "上年", "往年", "以前年度", "近三年", "平均", "实际",
    )  # fmt: skip
    same_plan_similarity: Decimal = Decimal("0.8")
    copied_basis_min_rows: int = 3
    # C: budget and targets
    per_unit_words: tuple[str, ...] = (
        "人均", "户均", "生均", "次均", "场均", "亩均", "平均", "每", "单位成本", "单价", "标准",
    )  # fmt: skip
    total_words: tuple[str, ...] = ("总", "合计", "全部")
    decrease_reason_words: tuple[str, ...] = ("原因", "由于", "调减", "下调", "降低目标", "减少的")
    expense_kinds: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: {
            "租赁": ("租赁", "租金", "房租"),
            "维修维护": ("维护费", "维修", "修缮", "维保", "保养"),
            "建设": ("建设费", "工程款", "建设资金", "施工"),
            "购置": ("购置", "采购", "购买"),
            "津贴补贴": ("津贴", "补贴", "补助"),
            "救助慰问": ("救助", "慰问", "帮扶"),
            "工会经费": ("工会费", "工会经费"),
            "培训": ("培训",),
            "印刷": ("印刷",),
            "物业": ("物业",),
            "水电": ("水电", "电费", "水费"),
        }
    )
    related_name_similarity: Decimal = Decimal("0.5")
    name_match_min: Decimal = Decimal("0.35")
    # D: department text
    county_policy_min_words: int = 2
    generic_name_words: tuple[str, ...] = (
        "项目", "资金", "专项", "经费", "费用", "补助", "补贴", "建设", "工作", "管理", "服务", "发展", "保障",
        "运行", "维护", "购置", "工程", "提前", "下达", "单位", "全国", "年度", "其他", "业务", "专用", "日常",
        "支出", "预算", "中央", "省级", "市级", "县级", "乡镇", "县直", "省部", "部级", "提升", "推进", "落实",
    )  # fmt: skip
    # A: the suggested review grade
    grade_on_error: str = "poor"
    grade_excellent_max_warnings: int = 2
    grade_good_max_warnings: int = 6
    # E/M: the scoring preset (central, hubei, sichuan) for self-evaluations and monitoring; empty = the one
    # the document names
    scoring: str = ""
    # rule choice and severities
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = field(default_factory=dict)

    def merged(self, table: Mapping[str, Any], where: str = "") -> Profile:
        """This profile with the keys of a TOML table applied. Raises ProfileError naming a bad key."""
        hints = get_type_hints(Profile)
        changes: dict[str, Any] = {}
        for key, value in table.items():
            if key in ("extends",):
                continue
            if key not in hints:
                known = "、".join(f.name for f in fields(Profile))
                raise ProfileError(f"{where}未知的设置项“{key}”。可用的设置项：{known}。")
            changes[key] = _coerce(key, value, hints[key], where)
        if "severities" in changes:
            changes["severities"] = {**self.severities, **changes["severities"]}
        return replace(self, **changes)


def _coerce(key: str, value: Any, hint: Any, where: str) -> Any:
    text = str(hint)
    try:
        if key == "framework_version":
            if value not in FRAMEWORK_VERSIONS:
                raise ValueError
            return value
        if key == "severities":
            if not isinstance(value, Mapping) or any(v not in SEVERITIES for v in value.values()):
                raise ValueError
            return {str(k).upper(): v for k, v in value.items()}
        if key == "expense_kinds":
            if not isinstance(value, Mapping) or not all(
                isinstance(v, list) and all(isinstance(w, str) for w in v) for v in value.values()
            ):
                raise ValueError
            return {str(k): tuple(v) for k, v in value.items()}
        if key == "grade_on_error":
            if value not in ("poor", "fair"):
                raise ValueError
            return value
        if text.startswith("tuple"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError
            return tuple(value)
        if hint is Decimal or text == "Decimal":
            if isinstance(value, bool):
                raise ValueError
            return Decimal(str(value))
        if hint is bool or text == "bool":
            if not isinstance(value, bool):
                raise ValueError
            return value
        if hint is int or text == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError
            return value
        if not isinstance(value, str):
            raise ValueError
        return value
    except (ValueError, InvalidOperation):
        raise ProfileError(f"{where}设置项“{key}”的值 {value!r} 不合法。") from None
