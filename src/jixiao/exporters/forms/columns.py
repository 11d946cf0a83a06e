"""The indicator grid's columns by role: the header each is written with and the cell of each row."""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.exporters.grids.cells import GridCell, amount, continued, label, value_text
from jixiao.exporters.grids.values import split_value
from jixiao.model import FormRef, Indicator
from jixiao.model.framework import level1_of

# The header each role is written with: a word the vocabulary reads back as that role.
HEADERS: dict[str, str] = {
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "description": "绩效指标描述",
    "explanation": "指标解释",
    "operator": "指标性质",
    "target": "指标值",
    "unit": "度量单位",
    "value_type": "指标值类型",
    "direction": "指标方向",
    "weight": "权重",
    "basis": "指标值确定依据",
    "scoring_rule": "评（扣）分标准",
    "remark": "备注",
    "core": "是否核心指标",
    "previous_value": "上年指标值",
    "long_term_level2": "二级指标（长期）",
    "long_term_level3": "三级指标（长期）",
    "long_term_target": "指标值（长期）",
    # printed empty: a form that carries the year-end columns in its target table (a target record keeps none)
    "actual": "实际完成值",
    "deviation_reason": "未达到指标值原因",
}
WIDTHS_MM: dict[str, float] = {
    "level1": 18.0,
    "level2": 22.0,
    "level3": 34.0,
    "description": 34.0,
    "explanation": 34.0,
    "operator": 12.0,
    "target": 22.0,
    "unit": 13.0,
    "value_type": 13.0,
    "direction": 13.0,
    "weight": 11.0,
    "basis": 30.0,
    "scoring_rule": 30.0,
    "remark": 18.0,
    "core": 11.0,
    "previous_value": 18.0,
    "long_term_level2": 20.0,
    "long_term_level3": 30.0,
    "long_term_target": 20.0,
    "actual": 18.0,
    "deviation_reason": 24.0,
}
INDICATOR_ROLES = tuple(HEADERS)


def indicator_roles(roles: Sequence[str], indicators: Sequence[Indicator] = ()) -> list[str]:
    """The indicator columns among a form's roles, in its order; 三级 and 指标值 at least, and 一级 or 二级
    where the form lacks one whose text the indicators need (a 一级 the framework does not give its 二级, a 二级
    that is not empty)."""
    found = [r for r in roles if r in HEADERS]
    lost_level1 = any(i.level1 and level1_of(i.level2) != i.level1 for i in indicators)
    needs = {
        "level3": True,
        "level2": not indicators or any(i.level2 for i in indicators),
        "level1": not indicators or lost_level1 or "level2" not in found,
        "target": True,
    }
    for needed, after in (("level3", None), ("level2", None), ("level1", None), ("target", "level3")):
        if needed not in found and needs[needed]:
            at = found.index(after) + 1 if after in found else 0
            found.insert(at, needed)
    return found


def header_row(
    roles: Sequence[str], required: frozenset[str] = frozenset(), form: FormRef | None = None
) -> list[GridCell]:
    """The header cells of the columns: the form's own words where it was read from one, else jixiao's (a ``*``
    before the required ones, as some forms print them)."""
    own = form is not None and all(
        r in form.columns for r in roles
    )  # a column the form lacks shifts its words
    words = [header_word(r, form) if own else None for r in roles]
    return [
        label(w or ("*" if r in required else "") + HEADERS[r]) for r, w in zip(roles, words, strict=True)
    ]


def header_word(role: str, form: FormRef | None) -> str | None:
    """The word a document's own form prints over a column of this role, if it was read from one."""
    return form.header_of(role) if form is not None else None


def level1_merges(indicators: Sequence[Indicator]) -> list[str]:
    """Each row's vertical merge of the 一级 column: a run of equal labels is one merged cell."""
    return [
        "continue" if n and i.level1 == indicators[n - 1].level1 else "restart"
        for n, i in enumerate(indicators)
    ]


def indicator_row(ind: Indicator, roles: Sequence[str], merge: str) -> list[GridCell]:
    """One indicator's cells under the columns; 指标值 split over 指标性质 and 度量单位 when the form has them."""
    operator, value, unit = split_value(ind.value, "operator" in roles, "unit" in roles)
    cells: list[GridCell] = []
    for role in roles:
        if role == "level1":
            cells.append(
                continued() if merge == "continue" else GridCell(ind.level1, merge=merge, align="center")
            )
        elif role == "target":
            cells.append(GridCell(value, align="center"))
        elif role == "operator":
            cells.append(GridCell(operator, align="center"))
        elif role == "unit":
            cells.append(GridCell(unit, align="center"))
        elif role == "weight":
            cells.append(amount(ind.weight))
        elif role == "core":
            cells.append(GridCell("是" if ind.core else "", align="center"))
        elif role == "previous_value":
            cells.append(GridCell(value_text(ind.previous_value), align="center"))
        elif role == "long_term_target":
            cells.append(GridCell(value_text(ind.long_term_value), align="center"))
        elif role == "level2":
            cells.append(GridCell(ind.level2, align="center"))
        elif role == "level3":
            cells.append(GridCell(("★" if ind.core and "core" not in roles else "") + ind.level3))
        else:
            cells.append(GridCell(str(getattr(ind, role, "") or "")))
    return cells


def widths(roles: Sequence[str]) -> tuple[float, ...]:
    """Column widths in millimetres, scaled to fill a landscape A4 page (243 mm between the margins)."""
    raw = [WIDTHS_MM.get(r, 20.0) for r in roles]
    total = sum(raw)
    return tuple(round(w * 243 / total, 1) for w in raw)
