"""Units: normal spelling, dimension, conversion; and the text normalisation they rest on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model.normalize import normalize_text, to_simplified
from jixiao.model.units import QUANTITY_NOUN_UNITS, convert, is_known_unit, normalize_unit, unit_dimension

SPELLINGS = [
    ("%", "%"),
    ("％", "%"),
    ("百分比", "%"),
    ("百分率", "%"),
    ("萬元", "万元"),
    ("m²", "平方米"),
    ("㎡", "平方米"),
    ("m2", "平方米"),
    ("平米", "平方米"),
    ("万㎡", "万平方米"),
    ("km", "公里"),
    ("KM", "公里"),
    ("千米", "公里"),
    ("kg", "公斤"),
    ("千克", "公斤"),
    ("元/人.月", "元/人·月"),
    ("元/人•月", "元/人·月"),
    ("元/人・月", "元/人·月"),
    ("元/人/月", "元/人·月"),
    ("元 / 年", "元/年"),
    (" 万元 ", "万元"),
    ("个小时", "小时"),
    ("人数", "人数"),
    ("个数", "个数"),
    ("/株", "/株"),
    ("级标准", "级标准"),
    ("", ""),
]


@pytest.mark.parametrize(("raw", "normal"), SPELLINGS)
def test_normalize_unit(raw: str, normal: str) -> None:
    assert normalize_unit(raw) == normal


DIMENSIONS = [
    ("%", "percent"),
    ("‰", "percent"),
    ("个百分点", "percent"),
    ("元", "money"),
    ("万元", "money"),
    ("亿元", "money"),
    ("元/人·月", "money"),
    ("万元/人", "money"),
    ("人", "count"),
    ("人次", "count"),
    ("万人次", "count"),
    ("户", "count"),
    ("株", "count"),
    ("人数", "count"),
    ("平方米", "area"),
    ("万平方米", "area"),
    ("亩", "area"),
    ("公顷", "area"),
    ("公里", "length"),
    ("km", "length"),
    ("公斤", "weight"),
    ("吨", "weight"),
    ("天", "time"),
    ("个月", "time"),
    ("年", "time"),
    ("立方米", "volume"),
    ("分", "score"),
    ("万", None),
    ("/株", None),
    ("级", None),
    ("元/级", None),
]


@pytest.mark.parametrize(("unit", "dimension"), DIMENSIONS)
def test_unit_dimension(unit: str, dimension: str | None) -> None:
    assert unit_dimension(unit) == dimension


@pytest.mark.parametrize(
    ("unit", "known"),
    [
        ("%", True),
        ("元/人·月", True),
        ("万人次", True),
        ("㎡", True),
        ("人数", False),
        ("个数", False),
        ("万", False),
        ("/株", False),
        ("级标准", False),
        ("", False),
        ("元/", False),
    ],
)
def test_is_known_unit(unit: str, known: bool) -> None:
    assert is_known_unit(unit) is known


def test_quantity_nouns_map_to_their_unit() -> None:
    expected = {"人数": "人", "个数": "个", "次数": "次", "天数": "天", "户数": "户", "人次数": "人次"}
    assert expected.items() <= QUANTITY_NOUN_UNITS.items()
    assert all(is_known_unit(unit) for unit in QUANTITY_NOUN_UNITS.values())


CONVERSIONS = [
    ("7300", "元", "万元", "0.73"),
    ("13", "万元", "元", "130000"),
    ("1.5", "亿元", "万元", "15000"),
    ("7300", "元/年", "万元/年", "0.73"),
    ("2", "万元/人", "元/人", "20000"),
    ("7200", "元/年", "元/月", "600"),
    ("3", "亩", "平方米", "2000"),
    ("1500", "平方米", "亩", "2.25"),
    ("1", "公顷", "亩", "15"),
    ("1.5", "万平方米", "平方米", "15000"),
    ("2.5", "公里", "米", "2500"),
    ("3", "km", "米", "3000"),
    ("2", "吨", "公斤", "2000"),
    ("10", "斤", "公斤", "5"),
    ("2", "年", "个月", "24"),
    ("3", "周", "天", "21"),
    ("1", "万人", "人", "10000"),
    ("242", "人数", "人", "242"),
    ("5", "%", "‰", "50"),
    ("13.00", "萬元", "万元", "13.00"),
]


@pytest.mark.parametrize(("number", "source", "target", "result"), CONVERSIONS)
def test_convert(number: str, source: str, target: str, result: str) -> None:
    assert convert(Decimal(number), source, target) == Decimal(result)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("个月", "天"),
        ("年", "天"),
        ("元", "人"),
        ("%", "个百分点"),
        ("人", "个"),
        ("元/人", "元/户"),
        ("元/人·月", "元/人·年"),
        ("级", "元"),
        ("平方米", "米"),
    ],
)
def test_not_convertible(source: str, target: str) -> None:
    assert convert(Decimal(1), source, target) is None


def test_inexact_conversion_keeps_28_digits() -> None:
    assert convert(Decimal(1), "亩", "平方米") == Decimal("666.6666666666666666666666667")


NORMALIZED = [
    ("＞＝９５％", ">=95%"),
    ("≧≦⩾⩽═", "≥≤≥≤="),
    ("元/人•月 元/人∙月 元/人‧月 元/人・月 元/人･月", "元/人·月 元/人·月 元/人·月 元/人·月 元/人·月"),
    ("１，２００", "1,200"),
    ("萬元 個 項 戶 畝 噸", "万元 个 项 户 亩 吨"),
    ("預算績效", "预算绩效"),
    ("乾坤 著作 覆盖", "乾坤 著作 覆盖"),
    ("a\u200bb\ufeff", "ab"),
    ("≥95%", "≥95%"),
]


@pytest.mark.parametrize(("raw", "normal"), NORMALIZED)
def test_normalize_text(raw: str, normal: str) -> None:
    assert normalize_text(raw) == normal


def test_to_simplified() -> None:
    assert to_simplified("不超過10萬元") == ("不超过10万元", True)
    assert to_simplified("不超过10万元") == ("不超过10万元", False)
