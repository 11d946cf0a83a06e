"""The rows of a head block (and of the footers under a grid): labels and the values beside or below them.

A label is a cell whose words name a field (项目名称, 主管部门, 中期目标 …), a money line (年度资金总额, 其中：
财政拨款 …), a narrative row kept as it is (立项依据, 评价结论 …) or a group of rows (资金情况（万元）merged
down the left). Its value is what stands after it up to the next label, or, when a row holds only labels, what
stands under each of them in the next row.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Literal, NamedTuple

from jixiao.importers.engine.headers import Header, read_header
from jixiao.importers.engine.vocabulary import (
    FIELD_SYNONYMS,
    SECTION_LABELS,
    field_role,
    fund_label,
    is_detail_label,
    section_of,
)
from jixiao.importers.layout import Row
from jixiao.model.normalize import has_digit

_NUMBERED_GOAL = re.compile(r"^(?:年度)?(?:总体)?(?:绩效)?目标\d{1,2}$")

LabelKind = Literal["field", "fund", "detail", "section", "spending"]


class Label(NamedTuple):
    """A label cell: what it names, its column and header reading."""

    kind: LabelKind
    name: str  # the field's role, the section's name, the detail's or the fund line's label as written
    column: int
    header: Header
    total: bool = False  # a fund line: the total the others make up
    period: str | None = None  # a fund line: annual or mid_term, when its words say


class Pair(NamedTuple):
    """A label and the cells that are its value (column, text); none when the value is empty."""

    label: Label
    values: tuple[tuple[int, str], ...]


def read_label(text: str, column: int) -> Label | None:
    """The label a cell is, or None when it is a value."""
    label = _label(text)
    return label if label is None or column == 0 else label._replace(column=column)


@lru_cache(maxsize=16384)
def _label(text: str) -> Label | None:
    column = 0
    stripped = text.strip()
    if not stripped or len(stripped) > 40:
        return None
    header = read_header(stripped)
    key = header.key
    if _NUMBERED_GOAL.match(key):
        return Label("field", "goal", column, header)
    if not key or has_digit(key):
        return None
    role = field_role(key)
    if role == "spending_plan":
        return Label("spending", role, column, header)
    section = section_of(key)
    if section == "money":
        return Label("section", section, column, header)
    fund = fund_label(key)
    if fund is not None and role is None:
        total, period = fund
        return Label("fund", stripped.rstrip(":："), column, header, total, period)
    if role is not None:
        return Label("field", role, column, header)
    if is_detail_label(key):
        return Label("detail", stripped.rstrip(":："), column, header)
    if section is not None:
        return Label("section", section, column, header)
    return None


@lru_cache(maxsize=4096)
def label_start(text: str) -> Label | None:
    """The group or field label a cell is the beginning of (预算规模及资 → 预算规模及资金用途), broken by a page."""
    key = read_header(text).key
    if len(key) < 4 or read_label(text, 0) is not None:
        return None
    groups: tuple[tuple[dict[str, tuple[str, ...]], LabelKind], ...] = (
        (SECTION_LABELS, "section"),
        (FIELD_SYNONYMS, "field"),
    )
    for words, kind in groups:
        for name, synonyms in words.items():
            if any(len(word) > len(key) and word.startswith(key) for word in synonyms):
                return Label(kind, name, 0, read_header(text))
    return None


def labels_of(row: Row) -> list[Label | tuple[int, str]]:
    """A row's non-empty cells in order: each a Label or a value (column, text).

    The cell right after a field's label is its value, even when its words could name a money line or a narrative
    row (项目名称 | 特岗教师工会经费): only a field label or a group label there starts anew.
    """
    out: list[Label | tuple[int, str]] = []
    waiting: Label | None = None
    for column, text in enumerate(row.cells):
        if not text.strip():
            continue
        label = read_label(text, column)
        if label is not None and waiting is not None and label.kind in ("fund", "detail"):
            label = None
        out.append(label if label is not None else (column, text.strip()))
        waiting = label if label is not None and label.kind in ("field", "detail") else None
    return out


def pairs(items: list[Label | tuple[int, str]]) -> list[Pair | tuple[int, str]]:
    """Each label with the values after it up to the next label; values before any label stay alone."""
    out: list[Pair | tuple[int, str]] = []
    current: Label | None = None
    values: list[tuple[int, str]] = []
    for item in items:
        if isinstance(item, Label):
            if current is not None:
                out.append(Pair(current, tuple(values)))
            current, values = item, []
        elif current is None:
            out.append(item)
        else:
            values.append(item)
    if current is not None:
        out.append(Pair(current, tuple(values)))
    return out


def under(labels: list[Label], row: Row) -> list[Pair] | None:
    """Labels on one row, values under them on the next: each label's columns up to the next label's.

    Taken only when the values fit: a money line's value reads as an amount, and the labels stand side by side
    or at least half of them get a value (a key-value row whose amounts are blank is not a header over the row
    below it).
    """
    if any(read_label(text, c) is not None for c, text in enumerate(row.cells) if text.strip()):
        return None
    found: list[Pair] = []
    filled = 0
    for n, label in enumerate(labels):
        end = labels[n + 1].column if n + 1 < len(labels) else max(len(row.cells), label.column + 1)
        values = tuple(
            (c, row.cells[c].strip())
            for c in range(label.column, min(end, len(row.cells)))
            if row.cells[c].strip()
        )
        if values and label.kind == "fund" and not _amount_like(" ".join(t for _, t in values)):
            return None
        filled += bool(values)
        found.append(Pair(label, values))
    side_by_side = all(b.column == a.column + 1 for a, b in pairwise(labels))
    if not filled or not (side_by_side or filled * 2 >= len(labels)):
        return None
    return found


_AMOUNT = re.compile(r"^[\s\d,，.。:：;；元万千亿市县省区乡镇中央地方级资金合计共-]+$")


def _amount_like(text: str) -> bool:
    """True for a text that reads as an amount (1,234.00, 120.5万元, 市：36；县：50)."""
    return has_digit(text) and _AMOUNT.match(text) is not None
