"""A 指标值 split over the columns a form gives it: operator (指标性质), number, unit (计量单位).

The split is the inverse of how the table engine joins them, so a value written in three columns reads back as
the same text; a value that does not split cleanly (a range, a deadline, a sentence) stays whole in the value
column.
"""

from __future__ import annotations

from jixiao.importers.engine.cells import join_value
from jixiao.model import IndicatorValue


def split_value(
    value: IndicatorValue | None, operator_column: bool, unit_column: bool
) -> tuple[str, str, str]:
    """(operator, value, unit) to write in a form's columns; joined back they give ``value.raw``."""
    if value is None:
        return "", "", ""
    raw = value.raw.strip()
    qualitative = value.kind in ("qualitative", "deadline")
    operator = "定性" if operator_column and qualitative else ""
    body, unit = raw, ""
    if unit_column and value.kind == "quantitative" and value.raw_unit and raw.endswith(value.raw_unit):
        body, unit = raw[: -len(value.raw_unit)].rstrip(), value.raw_unit
    if (
        operator_column
        and value.kind == "quantitative"
        and value.operator_raw
        and body.startswith(value.operator_raw)
    ):
        operator, body = value.operator_raw, body[len(value.operator_raw) :].strip()
    if join_value(body, operator, unit) != raw:
        return ("定性" if operator_column and qualitative else ""), raw, ""
    return operator, body, unit
