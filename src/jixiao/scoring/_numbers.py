"""Small Decimal helpers shared by the scoring modules: reading numbers, rounding, printing."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from jixiao.model import parse_value
from jixiao.model.units import convert


def fmt(number: Decimal) -> str:
    """A number as people write it: 10, 9.68, 0.5 (no exponent, no trailing zeros)."""
    if number == 0:
        return "0"
    return format(number.normalize(), "f")


def round_to(number: Decimal, places: int) -> Decimal:
    """Round half up to ``places`` decimals (the usual rounding of scores)."""
    return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def read_amount(value: Decimal | int | str | None) -> tuple[Decimal | None, str | None]:
    """A number and its unit from a Decimal, an int or a cell text (13.10, 13.10 万元, 1,310); None if unreadable."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, None
    if isinstance(value, Decimal | int):
        number = Decimal(value)
        return (number, None) if number.is_finite() else (None, None)
    text = str(value).strip().replace(",", "")
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        parsed = parse_value(text)
        if not parsed.is_quantitative or parsed.upper is not None or parsed.number is None:
            return None, None
        return parsed.number, parsed.unit
    return (number, None) if number.is_finite() else (None, None)


def in_unit(number: Decimal, unit: str | None, target_unit: str | None) -> Decimal | None:
    """``number`` in ``unit`` expressed in ``target_unit`` (a missing unit is taken as the same); None if not exact."""
    if not unit or not target_unit or unit == target_unit:
        return number
    return convert(number, unit, target_unit)
