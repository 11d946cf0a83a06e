"""Reading the cells of a 自评表 or 监控表: numbers, the combined deviation cell, values split over columns."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from jixiao.importers.assemble.numbers import split_numbered
from jixiao.importers.assemble.project_table import _join_value_columns
from jixiao.model import Source

_BLANK = frozenset({"", "-", "—", "——", "－", "/", "／", "无", "—-"})
_NUMBER = re.compile(r"^([+-]?\d[\d,，]*(?:\.\d+)?)\s*(分|%|％)?$")
_BARE_NUMBER = re.compile(r"^[+-]?\d[\d,，]*(?:\.\d+)?$")
_ACTION = re.compile(r"(?:改进|整改)措施\s*[:：]")


def read_number(text: str) -> tuple[Decimal | None, bool]:
    """A score, weight or percentage cell: (number, ok). Blank cells and dashes read as (None, True).

    ``10``, ``9.50``, ``8分``, ``1,234.5`` read; ``九十`` or ``约 9`` do not (ok is False).
    """
    cell = text.strip()
    if cell in _BLANK:
        return None, True
    m = _NUMBER.match(cell)
    if not m:
        return None, False
    try:
        return Decimal(m.group(1).replace(",", "").replace("，", "")), True
    except InvalidOperation:
        return None, False


def split_reason(text: str) -> tuple[str, str]:
    """The 偏差原因分析及改进措施 cell split at ``改进措施：`` into (reason, action); all reason when unmarked."""
    m = _ACTION.search(text)
    if m is None:
        return text.strip(), ""
    return text[: m.start()].strip(), text[m.end() :].strip()


def read_lines(text: str) -> str:
    """A cell holding a numbered list (``1.… 2.…``) as one line per item; other text as written.

    PDF text glues the items of a list (``1.保障稳定性2.提高积极性``): after a Chinese character, the next
    number of the sequence followed by ``.`` or ``、`` (not by a digit, as in ``2.5``) also starts an item.
    """
    items = split_numbered(text)
    if len(items) < 2 and (first := _FIRST_ITEM.match(text.strip())):
        items = _split_glued(text.strip(), first.end())
    return "\n".join(items) if len(items) > 1 else text.strip()


_FIRST_ITEM = re.compile(r"^1\s*[.、．](?!\d)")
_GLUED_ITEM = re.compile(r"(?<=[\u4e00-\u9fff。；;，,）)])(\d{1,2})\s*[.、．](?!\d)")


def _split_glued(text: str, first_end: int) -> tuple[str, ...]:
    cuts = [(0, first_end)]
    expected = 2
    for m in _GLUED_ITEM.finditer(text):
        if int(m.group(1)) == expected and m.start() > cuts[-1][1]:
            cuts.append((m.start(), m.end()))
            expected += 1
    items = [
        text[end : cuts[i + 1][0] if i + 1 < len(cuts) else len(text)] for i, (_, end) in enumerate(cuts)
    ]
    return tuple(item.strip() for item in items if item.strip())


def join_value(value: str, operator: str = "", unit: str = "") -> str:
    """A 指标值 from operator, value and unit columns (``＝ | 100 | %`` → ``＝100%``)."""
    return _join_value_columns({"value": value, "operator": operator, "unit": unit})["value"]


def join_unit(value: str, unit: str) -> str:
    """An actual or progress value in the 度量单位 column's unit: a bare number takes the unit, else as written."""
    if unit and _BARE_NUMBER.match(value.strip()):
        return join_value(value.strip(), "", unit)
    return value


def where(src: Source) -> str:
    """Where a cell is, for a message: ``自评.txt 表 1 第 12 行第 8 列`` (the line in text files)."""
    parts: list[str] = []
    if src.file:
        parts.append(src.file.replace("\\", "/").rsplit("/", 1)[-1])
    if src.page is not None and src.table is None:
        parts.append(f"第 {src.page} 页")
    if src.table is not None:
        cell = f"表 {src.table}"
        if src.row is not None:
            cell += f" 第 {src.row} 行"
        if src.column is not None:
            cell += f"第 {src.column} 列"
        parts.append(cell)
    text = " ".join(parts)
    return f"{text}（文件第 {src.line} 行）" if src.line is not None else text
