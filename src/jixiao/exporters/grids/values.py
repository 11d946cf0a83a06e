"""A 指标值 split over the columns a form gives it: operator (指标性质), number, unit (计量单位).

The split is the inverse of how the table engine joins them, so a value written in three columns reads back as
the same text; a value that does not split cleanly (a range, a deadline, a sentence) stays whole in the value
column.
"""

from __future__ import annotations

import re

from jixiao.importers.engine.cells import join_value
from jixiao.model import IndicatorValue

_SHAPED = re.compile(r"^([≥≤＞＜＝>=<]*)\s*(\d+(?:\.\d+)?)\s*([^\d\s]*)$")


def split_value(
    value: IndicatorValue | None, operator_column: bool, unit_column: bool
) -> tuple[str, str, str]:
    """(operator, value, unit) to write in a form's columns; joined back they give ``value.raw``."""
    if value is None:
        return "", "", ""
    raw = value.raw.strip()
    qualitative = value.kind in ("qualitative", "deadline")
    whole = ("定性" if operator_column and qualitative else ""), raw, ""
    m = _SHAPED.match(raw)
    if m is None:
        return whole
    operator, body, unit = m.groups()
    if not operator_column:
        operator, body = "", f"{operator}{body}"
    if not unit_column:
        unit, body = "", raw[len(operator) :].strip()
    if join_value(body, operator, unit) != raw:
        return whole
    if not operator and operator_column and qualitative:
        operator = "定性"
    return operator, body, unit
