"""The indicator framework (SPEC §2.1): the 一级 and 二级 labels of each version and how a label is read.

Level labels are matched robustly: whitespace and a trailing 指标 are dropped, 进度 reads as 时效, and every
label ending in 满意度 (服务对象满意度, 社会公众或服务对象满意度 …) reads as 满意度. Importers use the same
knowledge to tell a level label from an indicator name and to give a row whose 一级 was lost its 一级.
"""

from __future__ import annotations

from functools import lru_cache

from jixiao.model.normalize import normalize_text

# Canonical keys: level one 产出 效益 满意度 成本; level two 数量 质量 时效 成本 经济效益 社会效益 生态效益 可持续影响
# 满意度 经济成本 社会成本 生态环境成本.
OUTPUT, BENEFIT, SATISFACTION, COST = "产出", "效益", "满意度", "成本"
QUANTITY, QUALITY, TIMELINESS = "数量", "质量", "时效"
ECONOMIC_BENEFIT = "经济效益"
COST_LEVEL2 = frozenset({"成本", "经济成本", "社会成本", "生态环境成本"})

# SPEC §2.1. 可持续影响 under guide_101 is unconfirmed [R] but still used by local 2022 tables [V-local S6].
FRAMEWORK_LEVELS: dict[str, dict[str, tuple[str, ...]]] = {
    "legacy_88": {
        OUTPUT: (QUANTITY, QUALITY, TIMELINESS, COST),
        BENEFIT: (ECONOMIC_BENEFIT, "社会效益", "生态效益", "可持续影响"),
        SATISFACTION: (SATISFACTION,),
    },
    "guide_101": {
        OUTPUT: (QUANTITY, QUALITY, TIMELINESS),
        BENEFIT: (ECONOMIC_BENEFIT, "社会效益", "生态效益", "可持续影响"),
        SATISFACTION: (SATISFACTION,),
        COST: ("经济成本", "社会成本", "生态环境成本"),
    },
}

FRAMEWORK_LABELS: dict[str, str] = {
    "legacy_88": "财预〔2015〕88号指标体系（成本指标为产出指标下的二级指标）",
    "guide_101": "财预〔2021〕101号指标体系（成本指标为一级指标）",
}
LEVEL1_LABELS = {OUTPUT: "产出指标", BENEFIT: "效益指标", SATISFACTION: "满意度指标", COST: "成本指标"}
LEVEL2_ALIASES = {
    "进度": TIMELINESS,
    "时限": TIMELINESS,
    "生态环境效益": "生态效益",
    "可持续发展": "可持续影响",
    "可持续影响力": "可持续影响",
    "生态成本": "生态环境成本",
    "环境成本": "生态环境成本",
}
ALL_LEVEL2 = frozenset(
    name for levels in FRAMEWORK_LEVELS.values() for names in levels.values() for name in names
)
LEVEL1_OF_LEVEL2 = {
    QUANTITY: OUTPUT,
    QUALITY: OUTPUT,
    TIMELINESS: OUTPUT,
    COST: OUTPUT,
    ECONOMIC_BENEFIT: BENEFIT,
    "社会效益": BENEFIT,
    "生态效益": BENEFIT,
    "可持续影响": BENEFIT,
    SATISFACTION: SATISFACTION,
    "经济成本": COST,
    "社会成本": COST,
    "生态环境成本": COST,
}
# 一级 labels of other frameworks that some forms use above 产出/效益 (LAYOUTS.md): read as level one.
OTHER_LEVEL1 = frozenset({"实施效果", "项目完成", "项目效益", "决策", "过程", "管理", "履职效能", "管理效率"})


@lru_cache(maxsize=8192)
def compact(text: str | None) -> str:
    """The text normalised (NFKC, 繁→简) with all whitespace removed."""
    return "".join(normalize_text(text or "").split())


@lru_cache(maxsize=8192)
def _label(text: str | None) -> str:
    key = compact(text)
    # a points note written into the label: 产出指标(50分), 产出指标（40分）
    if key.endswith(("分)", "分）")):
        cut = max(key.rfind("("), key.rfind("（"))
        if cut > 0:
            key = key[:cut]
    return key.removesuffix("指标")


@lru_cache(maxsize=8192)
def level1_key(text: str | None) -> str | None:
    """The canonical 一级指标 (产出, 效益, 满意度, 成本) a label names, or None when it is none of them."""
    key = _label(text).removeprefix("项目")
    if key.endswith("满意度") or key == "满意":
        return SATISFACTION
    return key if key in (OUTPUT, BENEFIT, COST) else None


@lru_cache(maxsize=8192)
def level2_key(text: str | None) -> str | None:
    """The canonical 二级指标 a label names (数量, 经济效益, 满意度, 经济成本 …), or None when unknown."""
    key = _label(text)
    if key.endswith(("满意度", "满意")):
        return SATISFACTION
    key = LEVEL2_ALIASES.get(key, key)
    return key if key in ALL_LEVEL2 else None


@lru_cache(maxsize=8192)
def is_level1_label(text: str | None) -> bool:
    """True when a cell is a 一级 label of any framework (产出指标, 成本指标, 实施效果指标 …)."""
    return level1_key(text) is not None or _label(text) in OTHER_LEVEL1


@lru_cache(maxsize=8192)
def is_level2_label(text: str | None) -> bool:
    """True when a cell is a 二级 label (数量指标, 社会效益指标, 服务对象满意度指标, 进度指标 …)."""
    return level2_key(text) is not None


def level1_of(level2: str | None) -> str | None:
    """The 一级 label a 二级 label belongs to (数量指标 → 产出指标; 经济成本指标 → 成本指标), or None."""
    key = level2_key(level2)
    level1 = LEVEL1_OF_LEVEL2.get(key) if key else None
    return LEVEL1_LABELS[level1] if level1 else None
