"""The scoring category of an indicator row (产出, 效益, 满意度, 成本) and the weights a profile gives each row."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jixiao.model.framework import BENEFIT, COST, COST_LEVEL2, OUTPUT, SATISFACTION, level1_key, level2_key
from jixiao.scoring._numbers import round_to
from jixiao.scoring.profile import Category, ScoringProfile

CATEGORY_LABELS: dict[Category, str] = {
    "execution": "预算执行率",
    "output": "产出指标",
    "benefit": "效益指标",
    "satisfaction": "满意度指标",
    "cost": "成本指标",
}
_BY_KEY: dict[str, Category] = {
    OUTPUT: "output",
    BENEFIT: "benefit",
    SATISFACTION: "satisfaction",
    COST: "cost",
}
_LEVEL1_OF_LEVEL2: dict[str, Category] = {
    "数量": "output",
    "质量": "output",
    "时效": "output",
    "成本": "output",
    "经济效益": "benefit",
    "社会效益": "benefit",
    "生态效益": "benefit",
    "可持续影响": "benefit",
}

Levels = tuple[str, str]  # 一级, 二级 as written


def category_of(level1: str, level2: str, profile: ScoringProfile) -> Category | None:
    """The category of a row by its 一级/二级 labels; 满意度 anywhere is satisfaction; None when unknown.

    A 101号 成本指标 row counts as output when the profile gives cost no weight of its own (88号 placed 成本
    under 产出).
    """
    key1, key2 = level1_key(level1), level2_key(level2)
    if SATISFACTION in (key1, key2):
        return "satisfaction"
    category = _BY_KEY.get(key1) if key1 else None
    if category is None and key2 is not None:
        category = "cost" if key2 in COST_LEVEL2 - {"成本"} else _LEVEL1_OF_LEVEL2.get(key2)
    if category == "cost" and profile.weight_of("cost") is None:
        return "output"
    return category


def row_weights(
    rows: Sequence[Levels], profile: ScoringProfile
) -> tuple[Decimal, tuple[Decimal | None, ...]]:
    """The execution weight and each row's weight: each group's weight split evenly over its rows.

    Groups without rows are dropped and the rest re-scaled to 100 (SPEC §6.3); the rounding remainder of a
    group goes to its last row so that every group sums exactly. A row of unknown category gets None.
    """
    categories = [category_of(l1, l2, profile) for l1, l2 in rows]
    present: set[Category] = {c for c in categories if c is not None}
    present.add("execution")
    groups = profile.redistributed(present)
    execution = Decimal(0)
    weights: list[Decimal | None] = [None] * len(rows)
    for members, total in groups:
        if "execution" in members:
            execution = round_to(total, profile.places)
            continue
        indexes = [i for i, c in enumerate(categories) if c in members]
        share = round_to(total / len(indexes), profile.places)
        for i in indexes:
            weights[i] = share
        weights[indexes[-1]] = round_to(total - share * (len(indexes) - 1), profile.places)
    known = [i for i, w in enumerate(weights) if w is not None]
    rest = Decimal(100) - execution - sum((w for w in weights if w is not None), Decimal(0))
    if known and rest and len(groups) > 1:  # re-scaled groups may not round to exactly 100
        last = known[-1]
        weights[last] = (weights[last] or Decimal(0)) + rest
    return execution, tuple(weights)
