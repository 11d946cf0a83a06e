"""format_value's canonical spellings, and the round trip parse → format → parse, by table and by hypothesis."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jixiao.model import DOUBTS, OPERATORS, VALUE_KINDS, IndicatorValue, Operator, format_value, parse_value

from .test_value_spellings import SPELLINGS

CANONICAL = [
    ("≥95%", "≥95%"),
    ("≤7300 元/年", "≤7300 元/年"),
    ("242 人数", "242 人数"),
    ("13 万元", "13 万元"),
    ("500 平方米", "500 平方米"),
    ("100%", "100%"),
    ("＞＝95％", "≥95%"),
    ("95%以上", "≥95%"),
    ("控制在10万元以内", "≤10 万元"),
    ("≤7300元/年", "≤7300 元/年"),
    ("≤200元/人.月", "≤200 元/人·月"),
    ("52.800000", "52.800000"),
    ("13.00万元", "13.00 万元"),
    ("1,200人", "1200 人"),
    ("-5%", "-5%"),
    ("≤28.40/株", "≤28.40/株"),
    ("百分之九十五以上", "≥95%"),
    ("三万元", "3 万元"),
    ("≥95萬元", "≥95 万元"),
    ("80%-90%", "80-90%"),
    ("80～90%", "80-90%"),
    ("5-10万元", "5-10 万元"),
    ("约95%", "95%"),
    ("2024年12月底前", "2024年12月底前"),
    ("2024年12月31日前", "2024年12月31日前"),
    ("2024-12-31前", "2024年12月31日前"),
    ("12月31日前", "12月31日前"),
    ("年底前", "12月底前"),
    ("2024年6月", "2024年6月"),
    ("2024年", "2024年"),
    ("2020年1月--2020年11月", "2020年11月"),
    ("≥**%", "≥**%"),
    ("**人", "**人"),
    ("XX", "**"),
    ("", ""),
    ("-", "-"),
    ("无", "-"),
    ("效果明显", "效果明显"),
    ("  符合相关   规定 ", "符合相关 规定"),
    ("效果明顯", "效果明显"),
]


@pytest.mark.parametrize(("text", "canonical"), CANONICAL)
def test_canonical_spelling(text: str, canonical: str) -> None:
    assert format_value(parse_value(text)) == canonical


def test_format_of_built_values() -> None:
    """Values built by code, not parsed, print the same way."""
    assert format_value(IndicatorValue("", "quantitative", "≥", Decimal("95"), "%")) == "≥95%"
    assert format_value(IndicatorValue("", "quantitative", None, Decimal("1E+3"), "元")) == "1000 元"
    assert format_value(IndicatorValue("", "deadline", "≤", deadline="2024-12-31")) == "2024年12月31日前"
    assert format_value(IndicatorValue("", "deadline", None, deadline="--12")) == "12月"
    assert format_value(IndicatorValue("", "deadline", "≤", deadline="2024")) == "2024年前"
    assert format_value(IndicatorValue("", "placeholder", "≤", unit="元/人·月")) == "≤**元/人·月"


def _key(value: IndicatorValue) -> tuple[object, ...]:
    return (value.kind, value.operator, value.number, value.unit, value.upper, value.deadline)


@pytest.mark.parametrize("text", [row.text for row in SPELLINGS])
def test_round_trip_of_every_spelling(text: str) -> None:
    value = parse_value(text)
    assert _key(parse_value(format_value(value))) == _key(value)


# Hypothesis: the grammar never raises, keeps the raw text, and reads back what it prints.

GRAMMAR_PIECES = [
    *"0123456789.,，%％ -~—/·*Xx_?？",
    *"≥≤<>=＞＜＝≧≦⩾⩽═",
    *"年月日底前后以上下内约左右至到之间",
    *"零一二三四五六七八九十百千万亿两点",
    *"人次个户元天亩米萬個",
    "以上",
    "以下",
    "不低于",
    "不超过",
    "控制在",
    "达到",
    "百分之",
    "(含)",
    "(不含)",
    "元/人·月",
    "平方米",
    "人数",
    "万元",
    "2024年",
    "12月",
    "指标1：",
    "\t",
    "\n",
    "\x00",
    "\ufffd",
    "㎡",
]
grammar_text = st.lists(st.sampled_from(GRAMMAR_PIECES), max_size=14).map("".join)


def _check_never_raises(text: str) -> None:
    value = parse_value(text)
    assert value.raw == text
    assert value.kind in VALUE_KINDS
    assert set(value.doubts) <= set(DOUBTS)
    assert "unreadable" not in value.doubts  # the safety net caught a bug
    assert _key(parse_value(format_value(value))) == _key(value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text(text: str) -> None:
    _check_never_raises(text)


@settings(max_examples=300, deadline=None)
@given(grammar_text)
def test_text_in_the_grammars_alphabet(text: str) -> None:
    _check_never_raises(text)


def test_huge_and_odd_inputs() -> None:
    for text in ("≥" * 10_000 + "95%", "9" * 100_000, "\x00\x01\x02", "\ud800", "效果" * 5000):
        assert parse_value(text).raw == text


UNITS = [
    None,
    "%",
    "人",
    "人次",
    "个",
    "次",
    "户",
    "份",
    "元",
    "万元",
    "元/人·月",
    "元/户·年",
    "万元/人",
    "平方米",
    "万平方米",
    "亩",
    "公里",
    "米",
    "公斤",
    "天",
    "年",
    "个月",
    "人数",
    "个数",
    "/株",
]
numbers = st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, allow_infinity=False)


def _is_year(number: Decimal, unit: str | None) -> bool:
    """2024 年 reads as the year 2024 (a deadline), by design."""
    return unit == "年" and number == number.to_integral_value() and 1900 <= abs(number) < 2100


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([None, *OPERATORS]), numbers, st.sampled_from(UNITS))
def test_quantities_read_back(operator: Operator | None, number: Decimal, unit: str | None) -> None:
    assume(not _is_year(number, unit))
    value = IndicatorValue("", "quantitative", operator, number, unit)
    read = parse_value(format_value(value))
    assert (read.kind, read.operator, read.number, read.unit) == ("quantitative", operator, number, unit)
