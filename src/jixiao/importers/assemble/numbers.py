"""Reading money, percentages and numbered lists out of table cells."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_MONEY = re.compile(r"^([+-]?\d[\d,，]*(?:\.\d+)?)\s*(万元|元|千元|亿元)?$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*[%％]?$")
_BLANK = {"", "-", "—", "/", "无", "——", "－"}


def read_money(text: str) -> tuple[Decimal | None, str | None, bool]:
    """A money cell: (amount, unit written in the cell or None, ok); a blank cell is (None, None, True)."""
    cell = text.strip()
    if cell in _BLANK:
        return None, None, True
    m = _MONEY.match(cell)
    if not m:
        return None, None, False
    try:
        return Decimal(m.group(1).replace(",", "").replace("，", "")), m.group(2), True
    except InvalidOperation:
        return None, None, False


def read_percent(text: str) -> tuple[Decimal | None, bool]:
    """A percentage cell such as ``100%``: (number, ok). Blank cells read as (None, True)."""
    cell = text.strip()
    if cell in _BLANK:
        return None, True
    m = _PERCENT.match(cell)
    if not m:
        return None, False
    return Decimal(m.group(1)), True


_ITEM = re.compile(r"(?:^|(?<=[\s；;，,。]))(?:[(（](\d{1,2})[)）]|(\d{1,2})\s*[.、．)）](?!\d))\s*")


def split_numbered(text: str) -> tuple[str, ...]:
    """Split ``1.aaa 2.bbb；3.ccc`` into its items, numbering removed; text without ``1.`` is one item.

    Only markers numbered 1, 2, 3 … in sequence split, so ``2.5 万元`` inside an item stays whole.
    """
    text = text.strip()
    if not text:
        return ()
    cuts: list[tuple[int, int]] = []
    expected = 1
    for m in _ITEM.finditer(text):
        if int(m.group(1) or m.group(2)) == expected:
            cuts.append((m.start(), m.end()))
            expected += 1
    if not cuts or cuts[0][0] != 0:
        return (_trim_item(text),)
    items = []
    for i, (_, end) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        items.append(_trim_item(text[end:stop]))
    return tuple(item for item in items if item)


def _trim_item(item: str) -> str:
    return item.strip().rstrip("；;，,").strip()


def format_number(value: Decimal | None) -> str:
    """A Decimal as written (``13.00`` stays ``13.00``); None as ''."""
    return "" if value is None else format(value, "f")
