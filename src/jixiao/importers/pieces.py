"""Cells a line break or a space split into pieces, joined again.

- Labels: ``绩 效 指 标``, ``经济效益`` + ``指标``, ``预算规模及`` + ``资金用途``, ``资金情况`` + ``（万元）``. A piece
  joins the one before it only where the two read as a label together and not apart: the whole is a label written
  exactly as the vocabulary names it (or a level label) and the first piece is no label on its own, or the second
  is a mere fragment (``指标``, an annotation in brackets).
- Values, in a table written on one line between single spaces: a number and its unit (``242 人数``, unless a
  column holds the units), an operator and its number (unless a column holds operators), a text and what closes
  it (``冀财行【2023】98 号``, ``《工会经费 收支管理办法》``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.importers.aligner import OP, UNIT, classes
from jixiao.importers.engine.headers import read_header
from jixiao.importers.engine.vocabulary import (
    DETAIL_LABELS,
    FIELD_SYNONYMS,
    GRID_SYNONYMS,
    SECTION_LABELS,
    fund_label,
)
from jixiao.model.framework import is_level1_label, is_level2_label
from jixiao.model.normalize import has_digit

_EXACT = frozenset(
    [w for words in GRID_SYNONYMS.values() for w in words]
    + [w for words in FIELD_SYNONYMS.values() for w in words]
    + [w for words in SECTION_LABELS.values() for w in words]
    + list(DETAIL_LABELS)
)
_ANNOTATION = re.compile(r"^[(（][^()（）]{1,8}[)）]$")
_CLOSERS = ("号", "）", ")", "》", "】", "、", "，", "。", "；")
_BRACKETS = (("《", "》"), ("（", "）"), ("(", ")"), ("【", "】"))


def label_groups(texts: Sequence[str]) -> list[range]:
    """The texts grouped into labels: each group's pieces make one cell (single characters in a row, or
    pieces that read as a label only together, see :func:`joins`)."""
    groups: list[range] = []
    n = 0
    while n < len(texts):
        if _single(texts[n]) and n + 1 < len(texts) and _single(texts[n + 1]):
            end = n
            while end < len(texts) and _single(texts[end]):
                end += 1
            groups.append(range(n, end))
            n = end
            continue
        if groups and joins("".join(texts[i] for i in groups[-1]), texts[n]):
            groups[-1] = range(groups[-1].start, n + 1)
        else:
            groups.append(range(n, n + 1))
        n += 1
    return groups


def join_label_pieces(texts: Sequence[str]) -> list[str]:
    """The texts with the pieces of split labels joined."""
    return ["".join(texts[i] for i in group) for group in label_groups(texts)]


def joins(a: str, b: str) -> bool:
    """True when two pieces read as a label only together (预算规模及 资金用途, 经济效益 指标, 其中：财政 资金)."""
    if _ANNOTATION.match(b) and _strong(a):
        return True  # 资金情况 | （万元）
    joined = a + b
    if len(joined) > 16 or has_digit(joined):
        return False
    if _strong(a):
        # a level label whose 指标 went to the next line (产出 | 指标)
        return b == "指标" and (is_level1_label(joined) or is_level2_label(joined))
    key = read_header(joined).key
    if _strong(b):
        return key in _EXACT  # 预算规模及 | 资金用途; never 持续运行 | 满意度指标
    if _strong(joined):
        return True
    return a.startswith("其中") and fund_label(key) is not None and fund_label(read_header(a).key) is None


def value_groups(texts: Sequence[str], roles: Sequence[str]) -> list[range]:
    """The pieces of a grid's cells split at single spaces grouped into cells again (see the module)."""
    units, operators = "unit" in roles, "operator" in roles
    groups: list[range] = []
    last = ""
    for n, b in enumerate(texts):
        if groups:
            a = last
            join = (
                (not units and a[-1].isdigit() and (UNIT in classes(b) or _single(b)))
                or (not operators and b[0].isdigit() and OP in classes(a))
                or b.startswith(_CLOSERS)
                or any(a.count(o) > a.count(c) for o, c in _BRACKETS)
            )
            if join:
                groups[-1] = range(groups[-1].start, n + 1)
                last = f"{a} {b}"
                continue
        groups.append(range(n, n + 1))
        last = b
    return groups


def _single(text: str) -> bool:
    return len(text) == 1 and "\u4e00" <= text <= "\u9fff"


def _strong(text: str) -> bool:
    """A label written exactly as the vocabulary names it, or a level label."""
    key = read_header(text).key
    return key in _EXACT or is_level1_label(text) or is_level2_label(text)
