"""Indicator rows of target tables (projects and departments alike) from the engine's grid rows."""

from __future__ import annotations

from jixiao.importers.engine.reading import GridRow
from jixiao.kinds.common import (
    Builder,
    direction_of,
    is_core,
    level_text,
    optional_value,
    strip_core_mark,
    value_of,
)
from jixiao.model import Indicator, parse_value


def indicator_of(b: Builder, row: GridRow, ordinal: int) -> Indicator:
    """One Indicator from a grid row: texts as cleaned by the engine, the value joined from its columns."""
    cells = row.cells
    text = {role: cell.text for role, cell in cells.items()}.get

    weight = b.decimal(cells["weight"], "权重", "weight", ordinal) if "weight" in cells else None
    sources = tuple([("value" if role == "target" else role, cell.source) for role, cell in cells.items()])
    name = text("level3", "")
    return Indicator(
        level1=level_text(text("level1", "")),
        level2=level_text(text("level2", "")),
        level3=strip_core_mark(name) if name[:1] in _STARS or name[-1:] in _STARS else name,
        description=text("description", ""),
        value=parse_value(value_of(row)),
        basis=text("basis", ""),
        previous_value=optional_value(text("previous_value", "")),
        weight=weight,
        direction=direction_of(text("direction", "")),
        value_type=text("value_type", ""),
        explanation=text("explanation", ""),
        scoring_rule=text("scoring_rule", ""),
        remark=text("remark", ""),
        core=is_core(row),
        long_term_value=optional_value(text("long_term_target", "")),
        long_term_level2=level_text(text("long_term_level2", "")),
        long_term_level3=text("long_term_level3", ""),
        source=row.source,
        cell_sources=sources,
    )


_STARS = frozenset("★☆")
