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
    text_of,
    value_of,
)
from jixiao.model import Indicator, parse_value


def indicator_of(b: Builder, row: GridRow, ordinal: int) -> Indicator:
    """One Indicator from a grid row: texts as cleaned by the engine, the value joined from its columns."""
    weight = b.decimal(row.cells.get("weight"), "权重", "weight", ordinal)
    previous = text_of(row, "previous_value")
    long_term = text_of(row, "long_term_target")
    sources = {role: cell.source for role, cell in row.cells.items()}
    if "target" in sources:
        sources["value"] = sources.pop("target")
    return Indicator(
        level1=level_text(text_of(row, "level1")),
        level2=level_text(text_of(row, "level2")),
        level3=strip_core_mark(text_of(row, "level3")),
        description=text_of(row, "description"),
        value=parse_value(value_of(row)),
        basis=text_of(row, "basis"),
        previous_value=optional_value(previous),
        weight=weight,
        direction=direction_of(text_of(row, "direction")),
        value_type=text_of(row, "value_type"),
        explanation=text_of(row, "explanation"),
        scoring_rule=text_of(row, "scoring_rule"),
        remark=text_of(row, "remark"),
        core=is_core(row),
        long_term_value=optional_value(long_term),
        long_term_level2=level_text(text_of(row, "long_term_level2")),
        long_term_level3=text_of(row, "long_term_level3"),
        source=row.source,
        cell_sources=tuple(sources.items()),
    )
