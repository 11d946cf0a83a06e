"""The 指标值 grammar: parse_value(text) -> IndicatorValue and format_value(value) -> text."""

from __future__ import annotations

from jixiao.model.indicator_value import IndicatorValue


def parse_value(text: str | None) -> IndicatorValue:
    """Read a 指标值 cell; never raises."""
    raw = text or ""
    return IndicatorValue(raw=raw, kind="qualitative")


def format_value(value: IndicatorValue) -> str:
    """The canonical spelling of a parsed value."""
    return value.raw
