"""The vocabulary of header words: each column role and head-block field with its synonyms and keyword patterns.

A header's words (see :mod:`headers`) are looked up exactly, then as a near miss (rapidfuzz, a clear winner
only), then by the keywords that carry the meaning (``…可能性`` is a likelihood, ``…依据`` a basis), so a
form nobody described still reads. Which reading wins between two (``指标内容`` is the 三级 name where the
form has no 三级 column) is decided in :mod:`grid` from the other columns.
"""

from __future__ import annotations

import re
from functools import lru_cache

# -- grid columns ------------------------------------------------------------------------------------------

GRID_SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "行次"),
    "label": (
        "绩效指标",
        "年度绩效指标",
        "项目绩效指标",
        "绩效指标体系",
        "指标体系",
        "年度指标",
        "绩效目标指标",
    ),
    "level1": ("一级指标", "一级", "一级指标名称", "一级(目标)", "一级目标", "指标类别", "一级分类"),
    "level2": ("二级指标", "二级", "二级指标名称", "二级分类"),
    "level3": (
        "三级指标",
        "三级",
        "三级指标名称",
        "指标名称",
        "绩效指标名称",
        "具体指标",
        "具体指标名称",
        "三级指标(名称)",
        "指标项",
    ),
    "content": ("指标内容", "绩效指标内容"),
    "description": ("绩效指标描述", "指标描述", "指标内容描述"),
    "explanation": ("指标解释", "指标说明", "指标定义", "绩效标准", "指标解释说明", "指标内涵"),
    "target": (
        "指标值",
        "目标值",
        "年度指标值",
        "年度目标值",
        "预期指标值",
        "全年指标值",
        "年度绩效指标值",
        "当年预期实现值",
        "预期实现值",
        "年初目标值",
        "绩效指标值",
        "计划值",
        "预期目标值",
        "指标目标值",
        "年度预期目标值",
        "预期目标",
        "目标",
        "年度目标值(指标值)",
        "中期指标值",
        "长期指标值",
        "中长期指标值",
        "年度预期值",
        "预期值",
    ),
    "operator": ("指标性质", "计算符号", "运算符号", "符号", "指标值符号", "比较符号", "运算符"),
    "unit": ("度量单位", "计量单位", "单位", "指标单位", "指标值单位"),
    "value_type": ("指标值类型", "指标类型", "值类型", "定量/定性", "定性/定量", "指标性质(定量/定性)"),
    "direction": ("指标方向", "指标方向性", "方向", "指标属性", "正向/反向", "指标极性"),
    "weight": ("权重", "分值", "指标权重", "权重分", "标准分", "满分", "权重(分)", "分值权重", "指标分值"),
    "score": ("得分", "自评得分", "评分", "实际得分", "评价得分", "自评分", "得分值", "单位自评得分"),
    "actual": (
        "实际完成值",
        "全年实际值",
        "完成值",
        "实际值",
        "全年实际完成值",
        "实际达成值",
        "实际完成情况",
        "年度实际完成值",
        "实际完成指标值",
        "执行情况",
        "指标执行情况",
        "完成情况",
        "指标完成情况",
        "实际完成",
        "实际执行情况",
    ),
    "forecast": ("全年预计完成情况", "预计完成情况", "全年预计完成值", "预计全年完成情况", "全年预计完成"),
    "likelihood": ("完成目标可能性", "目标完成可能性", "完成可能性", "全年目标完成可能性"),
    "deviation": (
        "偏差原因分析及改进措施",
        "偏差原因分析及整改措施",
        "偏差原因及改进措施",
        "未完成原因及拟采取的改进措施",
        "未完成原因分析及改进措施",
        "偏差原因分析和改进措施",
        "偏差原因及整改措施",
    ),
    "deviation_reason": (
        "偏差原因分析",
        "未完成原因分析",
        "原因分析",
        "偏差原因",
        "未完成原因",
        "未达到指标值原因",
        "原因说明",
        "偏差原因说明",
        "未达标原因",
        "未达到原因",
    ),
    "corrective_action": ("改进措施", "整改措施", "相关建议或举措", "拟采取的措施", "改进举措", "纠偏措施"),
    "deviation_category": ("偏差原因类别", "原因类别", "偏差类别", "偏差类型"),
    "basis": (
        "指标值确定依据",
        "确定依据",
        "依据",
        "指标值设定依据",
        "目标值确定依据",
        "设定依据",
        "指标依据",
    ),
    "scoring_rule": (
        "评(扣)分标准",
        "评分标准",
        "扣分标准",
        "评分规则",
        "评价标准",
        "评(扣)分办法",
        "评分方法",
    ),
    "remark": ("备注", "说明"),
    "core": ("是否核心指标", "核心指标", "是否核心"),
    "previous_value": ("上年指标值", "上年实际值", "上年完成值", "上年度指标值", "上年度实际值", "历史值"),
    # project-level columns of a table that holds several projects
    "unit_name": ("单位名称", "部门名称", "预算单位", "单位", "部门(单位)名称", "填报单位", "预算单位名称"),
    "project_code": ("项目编码", "项目代码"),
    "project_name": ("项目名称", "专项名称", "项目(专项)名称", "资金名称"),
    "budget": (
        "预算数",
        "预算金额",
        "项目预算",
        "年度预算数",
        "资金总额",
        "年度资金总额",
        "预算资金",
        "金额",
    ),
    "goal": (
        "年度目标",
        "绩效目标",
        "年度绩效目标",
        "项目年度目标",
        "总体目标",
        "年度总体目标",
        "项目绩效目标",
    ),
    # the 年度履职目标 / 年度主要任务 sub-table of a department form
    "duty": ("部门职能", "职能", "部门职责", "主要职能", "履职内容"),
    "task": ("年度目标任务", "任务名称", "主要任务", "年度主要任务", "重点任务", "年度任务", "工作任务"),
    "task_content": ("主要内容", "任务内容"),
    # a money grid: amounts by column, fund lines by row
    "fund": (
        "项目资金",
        "资金情况",
        "资金来源",
        "资金类别",
        "资金性质",
        "预算执行情况",
        "资金",
        "成本构成",
        "成本项目",
        "支出内容",
        "支出明细",
        "资金构成",
    ),
    "amount": ("测算金额", "成本金额", "申请金额"),
    "budget_initial": ("年初预算数", "年初预算", "年初预算金额", "年初批复数"),
    "budget_full_year": ("全年预算数", "全年预算", "调整后预算数", "调整后预算", "全年预算金额", "预算数"),
    "executed": (
        "全年执行数",
        "预算执行数",
        "执行数",
        "实际执行数",
        "实际支出数",
        "支出数",
        "执行金额",
        "实际支出",
    ),
    "forecast_executed": ("全年预计执行数", "预计执行数", "全年预计支出数", "预计全年执行数", "全年预计执行"),
    "rate": ("执行率", "预算执行率", "执行进度", "支出进度", "资金执行率", "资金执行进度"),
}

# Keyword patterns for words no synonym names, tried in order: the first that matches gives the role.
GRID_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"可能性", "likelihood"),
    (r"预计.*(执行数|支出)", "forecast_executed"),
    (r"预计.*(完成|实现)", "forecast"),
    (r"原因.*(措施|改进|整改|建议)", "deviation"),
    (r"原因|偏差", "deviation_reason"),
    (r"(措施|举措|建议)$", "corrective_action"),
    (r"得分|评分$", "score"),
    (r"分值|权重", "weight"),
    (r"执行率|执行进度|支出进度", "rate"),
    (r"年初预算", "budget_initial"),
    (r"(调整后|全年)预算", "budget_full_year"),
    (r"(执行|支出)(数|金额)$", "executed"),
    (r"实际|完成值|完成情况|执行情况|达成", "actual"),
    (r"依据$", "basis"),
    (r"评.*分|扣分", "scoring_rule"),
    (r"描述", "description"),
    (r"解释|说明$|定义|内涵", "explanation"),
    (r"性质|符号", "operator"),
    (r"方向", "direction"),
    (r"值类型|定量|定性", "value_type"),
    (r"^(计量|度量)?单位$", "unit"),
    (r"(目标|指标|预期|计划|实现)值", "target"),
    (r"^一级", "level1"),
    (r"^二级", "level2"),
    (r"^三级|指标名称|具体指标", "level3"),
    (r"指标内容", "content"),
    (r"备注", "remark"),
    (r"核心", "core"),
    (r"上年", "previous_value"),
    (r"项目名称", "project_name"),
)

# -- head-block fields ---------------------------------------------------------------------------------------

FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "project_name": ("项目名称", "专项名称", "项目(专项)名称", "专项资金名称", "资金名称", "政策名称"),
    "project_code": ("项目编码", "项目代码", "项目编号"),
    "supervising_department": (
        "主管部门",
        "主管部门及编码",
        "主管部门及代码",
        "主管单位",
        "主管部门名称",
        "中央主管部门",
        "省级主管部门",
        "市级主管部门",
        "县级主管部门",
        "项目主管部门",
        "主管部门(单位)",
    ),
    "implementing_unit": ("实施单位", "执行单位", "项目实施单位", "项目执行单位", "实施主体", "项目单位"),
    "unit_name": ("部门(单位)名称", "部门名称", "单位名称", "填报单位", "预算单位", "预算部门", "部门(单位)"),
    "unit_code": ("单位代码", "单位编码", "部门预算编码", "部门编码", "预算编码", "单位编号"),
    "attribute": ("项目属性", "项目性质"),
    "category": ("项目类别", "项目类型", "项目分类"),
    "period": (
        "项目期限",
        "项目起止时间",
        "实施期限",
        "项目实施期",
        "起止时间",
        "项目周期",
        "实施周期",
        "执行期限",
    ),
    "duties": ("部门职责", "部门(单位)职责", "单位职责", "主要职能", "部门职能", "职能职责", "部门主要职能"),
    "goal": (
        "绩效目标",
        "年度目标",
        "年度绩效目标",
        "项目年度目标",
        "年度总体目标",
        "年度总体绩效目标",
        "预期目标",
        "年初设定目标",
        "总体目标",
        "项目绩效目标",
        "年度预期目标",
        "当年目标",
        "项目年度绩效目标",
        "部门整体绩效目标",
        "整体绩效目标",
        "全年目标",
        "全年绩效目标",
    ),
    "mid_term_goal": ("中期目标", "长期目标", "中长期目标", "实施期目标", "中期绩效目标", "总体目标(中期)"),
    "achieved": (
        "实际完成情况",
        "年度总体目标完成情况",
        "目标完成情况",
        "年度目标完成情况",
        "年度总体目标完成情况综述",
        "总体目标完成情况",
        "完成情况",
        "实际完成",
        "执行情况",
        "目标执行情况",
        "目标实际完成情况",
    ),
    "purpose": ("资金用途", "预算规模及资金用途", "主要用途"),
    "spending_plan": ("资金支出计划", "资金支出计划(%)", "支出计划", "分月支出计划", "资金使用计划"),
    "money_unit": ("金额单位",),
    "fiscal_year": ("年度", "预算年度"),
    "grade": ("自评等级", "评价等级", "等级", "自评结论"),
    "total_score": ("总分", "自评总分", "合计得分", "得分合计", "总得分"),
    "deviation_reason": (
        "偏差或不能完成目标原因分析",
        "偏差原因分析",
        "原因分析",
        "偏差原因",
        "未完成原因分析",
    ),
    "corrective_action": ("相关建议或举措", "建议或举措", "改进措施", "整改措施", "下一步改进措施"),
}
# A label that opens a group of rows (资金情况（万元）merged down the left) rather than holding a value.
SECTION_LABELS: dict[str, tuple[str, ...]] = {
    "money": (
        "资金情况",
        "项目资金",
        "预算资金",
        "项目预算",
        "项目预算资金",
        "年度预算安排",
        "预算执行情况",
        "预算规模及资金用途",
        "预算规模",
        "资金投入",
        "项目资金情况",
        "资金安排",
        "项目预算成本构成",
        "预算安排",
        "资金执行情况",
        "预算执行",
        "年度部门预算",
        "部门预算",
    ),
    "goals": ("总体目标", "年度总体目标", "绩效目标", "项目目标"),
    "indicators": ("绩效指标", "年度绩效指标", "绩效指标体系", "项目绩效指标"),
    "tasks": ("年度履职目标", "年度主要任务", "主要任务", "年度重点工作任务", "履职目标"),
    "basics": ("项目基本情况", "基本情况", "项目概况信息"),
}
# Labels of narrative rows a record keeps as labelled texts (details) rather than in a field of its own.
DETAIL_LABELS = (
    "立项依据",
    "项目概况",
    "项目设立必要性",
    "保证项目实施的制度、措施",
    "项目实施计划",
    "保障措施",
    "主管部门审核意见",
    "财政部门审核意见",
    "评价结论",
    "存在问题",
    "存在的问题",
    "存在问题及原因分析",
    "其他需说明的事项",
    "其他说明的问题",
    "备注",
    "项目负责人及电话",
    "项目负责人",
    "联系人及电话",
    "联系电话",
    "报表编号",
    "实施过程概述",
    "已实施情况",
    "未实施情况及原因",
    "结果应用",
    "审核意见",
    "填报人",
    "填表人",
)
TICK_LABELS = frozenset({"经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "资金保障", "技术保障"})
PERIOD_WORDS = {
    "长期": "long_term",
    "中长期": "long_term",
    "中期": "mid_term",
    "年度": "annual",
    "当年": "annual",
}
SUMMARY_WORDS = ("合计", "总计", "总分", "小计", "自评总分", "合计得分", "得分合计", "总得分", "综合得分")


def _build_index(synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for role, words in synonyms.items():
        for word in words:
            index.setdefault(word, role)
    return index


_GRID_INDEX = _build_index(GRID_SYNONYMS)
_FIELD_INDEX = _build_index(FIELD_SYNONYMS)
_SECTION_INDEX = _build_index(SECTION_LABELS)
_GRID_RES = tuple((re.compile(p), role) for p, role in GRID_PATTERNS)
_DETAILS = frozenset(DETAIL_LABELS)
_CHARS: dict[int, frozenset[str]] = {}  # the characters of each index's words, by the index's id


def _fuzzy(key: str, index: dict[str, str]) -> str | None:
    """The role of a near miss (一个错字、多一个字): a clear winner of ratio ≥ 86, else None."""
    if len(key) < 4 or len(key) > 16:
        return None
    # ratio ≥ 86 needs at least three in four of the key's characters in some word: most texts have none
    known = _CHARS.get(id(index))
    if known is None:
        known = _CHARS[id(index)] = frozenset("".join(index))
    if sum(ch in known for ch in key) * 4 < len(key) * 3:
        return None
    from rapidfuzz import fuzz, process

    found = process.extract(key, list(index), scorer=fuzz.ratio, limit=3, score_cutoff=86)
    if not found:
        return None
    best_word, best, _ = found[0]
    rivals = [(w, s) for w, s, _ in found[1:] if index[w] != index[best_word]]
    if rivals and best - rivals[0][1] < 8:
        return None
    return index[best_word]


@lru_cache(maxsize=16384)
def grid_role(key: str) -> str | None:
    """The role a grid header's words take (see GRID_SYNONYMS), by synonym, near miss or keyword; else None."""
    if not key:
        return None
    role = _GRID_INDEX.get(key)
    if role is not None:
        return role
    if len(key) > 24:
        return None
    role = _fuzzy(key, _GRID_INDEX)
    if role is not None:
        return role
    for pattern, found in _GRID_RES:
        if pattern.search(key):
            return found
    return None


@lru_cache(maxsize=16384)
def field_role(key: str) -> str | None:
    """The field a head-block label names (项目名称, 主管部门, 中期目标 …), by synonym or near miss; else None."""
    if not key:
        return None
    role = _FIELD_INDEX.get(key)
    if role is not None:
        return role
    if len(key) > 20 or key.endswith(("意见", "说明")):
        return None
    role = _fuzzy(key, _FIELD_INDEX)
    if role is not None:
        return role
    if key.endswith(("项目名称", "专项名称")):
        return "project_name"
    if "主管部门" in key:
        return "supervising_department"
    if key.endswith(("实施单位", "执行单位", "实施单位名称", "执行单位名称")):
        return "implementing_unit"
    if key.endswith(("中期目标", "长期目标")):
        return "mid_term_goal"
    if key.endswith("完成情况") and "目标" in key:
        return "achieved"
    return None


@lru_cache(maxsize=16384)
def section_of(key: str) -> str | None:
    """The group a section label opens (money, goals, indicators, tasks), or None."""
    if not key:
        return None
    found = _SECTION_INDEX.get(key)
    if found is not None:
        return found
    if key.startswith(
        ("资金情况", "项目资金", "预算执行情况", "年度预算安排", "资金执行情况")
    ) and not key.endswith("率"):
        return "money"  # 项目资金拨付及时率 is an indicator's name, not the money block
    if re.match(r"^(年度)?绩效目标\d", key):
        return "indicators"
    return None


def is_detail_label(key: str) -> bool:
    """True for a narrative row label the record keeps as a labelled text (立项依据, 评价结论 …)."""
    return key in _DETAILS or key.endswith(("审核意见", "必要性", "实施计划"))


_FUND_WORDS = re.compile(r"(资金|拨款|经费|支出|预算|预算数|金额|总额|投资|收入|结转|结余|补助|基金|资本)$")
_NOT_FUND = re.compile(
    r"(支出计划|使用计划|执行率|用途|进度|测算|依据|执行情况|成本构成$|拨付|使用|发放|完成|按时|足额|及时|^已|^未|保障|落实)"
)
_TOTAL_WORDS = re.compile(
    r"(总额|合计|总计|^预算数$|^年度金额$|^预算金额$|^金额$|^年度预算数$|^项目总预算|^预算资金$|总投资)"
)


@lru_cache(maxsize=8192)
def fund_label(key: str) -> tuple[bool, str | None] | None:
    """(is_total, period) when a label names a money line (年度资金总额, 其中：财政拨款, 中期资金总额 …), else None.

    The period is ``mid_term`` for 中期/中长期/项目总/实施期 lines, ``annual`` for 年度/当年/本年 ones and None when
    the label does not say (the context decides).
    """
    if not key or len(key.removeprefix("其中")) > 12 or _NOT_FUND.search(key) or not _FUND_WORDS.search(key):
        return None
    if key.startswith(("项目名称", "项目编码", "资金名称")):
        return None
    period: str | None = None
    if any(w in key for w in ("中期", "中长期", "实施期", "整体", "总投资", "项目总")):
        period = "mid_term"
    elif any(w in key for w in ("年度", "当年", "本年", "全年")):
        period = "annual"
    return bool(_TOTAL_WORDS.search(key)), period
