"""Chinese numerals → Decimal, and None for anything that is not entirely a numeral."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.model.numerals import parse_chinese_number

NUMERALS = [
    ("零", "0"),
    ("〇", "0"),
    ("一", "1"),
    ("两", "2"),
    ("三", "3"),
    ("十", "10"),
    ("十五", "15"),
    ("二十", "20"),
    ("二十五", "25"),
    ("一百", "100"),
    ("百", "100"),
    ("一百零五", "105"),
    ("一百十", "110"),
    ("一百二十", "120"),
    ("三百五", "350"),
    ("一千零五十", "1050"),
    ("两千五", "2500"),
    ("一千二百", "1200"),
    ("九千九百九十九", "9999"),
    ("一万", "10000"),
    ("两万", "20000"),
    ("一万二", "12000"),
    ("一万二千", "12000"),
    ("十万零三", "100003"),
    ("二十一万", "210000"),
    ("五千万", "50000000"),
    ("一亿三千万", "130000000"),
    ("一亿零五", "100000005"),
    ("二〇二四", "2024"),
    ("一二三", "123"),
    ("三点五", "3.5"),
    ("零点五", "0.5"),
    ("一点二三", "1.23"),
    ("九十五点五", "95.5"),
    ("负五", "-5"),
    ("壹佰贰拾", "120"),
    ("叁仟肆佰伍拾陆", "3456"),
    ("玖拾玖", "99"),
    ("兩萬", "20000"),
]

NOT_NUMERALS = [
    "",
    "万",
    "亿",
    "点五",
    "三点",
    "三点五点",
    "十百",
    "一二十",
    "三万亿",
    "百分",
    "3",
    "三个",
    "负",
    "一般",
]


@pytest.mark.parametrize(("text", "value"), NUMERALS)
def test_numeral(text: str, value: str) -> None:
    result = parse_chinese_number(text)
    assert result == Decimal(value)
    assert str(result) == value


@pytest.mark.parametrize("text", NOT_NUMERALS)
def test_not_a_numeral(text: str) -> None:
    assert parse_chinese_number(text) is None
