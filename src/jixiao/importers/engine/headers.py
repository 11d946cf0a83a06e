"""A header cell read for its meaning: its words apart from the marks, formulas, points and periods around them.

``*指标值`` is required, ``★`` marks a core column, ``全年预算数(A)`` carries a formula, ``产出指标(50分)`` points,
``二级指标（长期）`` a period, ``项目资金（万元）`` a money unit, ``1-7月执行数`` the month it runs to. The words
that remain (the key) are what the vocabulary maps to a column role; the rest become attributes of the column.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from jixiao.importers.cleanup import label_key

_MARKS = "*＊★☆※△▲●◆"
_BRACKET = re.compile(r"\(([^()]*)\)")
_FORMULA = re.compile(r"^[A-Za-z]+(?:\s*[/+\-*×÷]\s*[A-Za-z]+)*$")
_POINTS = re.compile(r"^(\d+(?:\.\d+)?)分(?:\*?(.*))?$")
_MONEY_UNITS = frozenset({"万元", "元", "千元", "亿元"})
_PERIOD_WORDS = {
    "长期": "long_term",
    "中长期": "long_term",
    "中期": "mid_term",
    "实施期": "mid_term",
    "整体": "mid_term",
    "年度": "annual",
    "当年": "annual",
    "本年": "annual",
    "本年度": "annual",
}
_MONTHS = re.compile(
    r"^(?:(?:1|一)[-–—~～至到](\d{1,2})月份?|截至(\d{1,2})月底?|(\d{1,2})月份?|(上?半年度?)|(前三季度))"
)
_PART_OF = re.compile(r"^其中[:：]?")


class Header(NamedTuple):
    """A header cell: its words (``key``) and the attributes written around them."""

    text: str
    key: str
    required: bool = False
    core: bool = False
    formula: str | None = None
    points: Decimal | None = None
    period: str | None = None  # annual, mid_term, long_term
    month: int | None = None  # 1–m月 the column runs to
    money_unit: str | None = None
    percent: bool = False
    part_of: bool = False  # 其中：… a share of the line above


@lru_cache(maxsize=16384)
def read_header(text: str) -> Header:
    """The meaning-bearing words of a header cell and its attributes."""
    key = label_key(text).rstrip(":")
    required = core = False
    while key and key[0] in _MARKS:
        core = core or key[0] in "★☆"
        required = required or key[0] in "*＊"
        key = key[1:]
    while key and key[-1] in _MARKS:
        core = core or key[-1] in "★☆"
        required = required or key[-1] in "*＊"
        key = key[:-1]
    part_of = bool(_PART_OF.match(key))
    if part_of:
        key = _PART_OF.sub("", key)
    formula: str | None = None
    points: Decimal | None = None
    period: str | None = None
    money_unit: str | None = None
    percent = False
    kept: list[str] = []
    last = 0
    for m in _BRACKET.finditer(key):
        inner = m.group(1).strip()
        kept.append(key[last : m.start()])
        last = m.end()
        p = _POINTS.match(inner)
        if p:
            points = Decimal(p.group(1))
            if p.group(2):
                formula = p.group(2)
        elif inner in _PERIOD_WORDS:
            period = _PERIOD_WORDS[inner]
        elif inner in _MONEY_UNITS:
            money_unit = inner
        elif inner in ("%", "百分比"):
            percent = True
        elif inner == "分":
            pass
        elif _FORMULA.match(inner):
            formula = inner.upper()
        elif "*" in inner and "分" in inner:
            formula = inner
        elif inner in ("1", "2", "3") or not inner:
            pass
        else:
            kept.append(m.group(0))
    kept.append(key[last:])
    key = "".join(kept).rstrip(":").strip("*＊★☆")
    month: int | None = None
    m2 = _MONTHS.match(key)
    if m2 and key[m2.end() :] not in ("", "底", "末", "底前"):
        rest = key[m2.end() :]
        number = m2.group(1) or m2.group(2) or m2.group(3)
        if number and 1 <= int(number) <= 12:
            month, key = int(number), rest
        elif m2.group(4):
            month, key = 6, rest
        elif m2.group(5):
            month, key = 9, rest
    return Header(text, key, required, core, formula, points, period, month, money_unit, percent, part_of)
