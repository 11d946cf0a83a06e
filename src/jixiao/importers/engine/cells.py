"""Reading cell texts: money, numbers, percentages, numbered lists, a 指标值 from its columns, a code-name cell."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_BLANK = frozenset({"", "-", "—", "——", "－", "/", "／", "无", "—-", "–"})
_MONEY = re.compile(r"^([+-]?\d[\d,，]*(?:\.\d+)?)\s*(万元|元|千元|亿元)?$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*[%％]?$")
_NUMBER = re.compile(r"^([+-]?\d[\d,，]*(?:\.\d+)?)\s*(分|%|％)?$")
_BARE_NUMBER = re.compile(r"^[+-]?\d[\d,，]*(?:\.\d+)?$")
_ACTION = re.compile(r"(?:改进|整改)措施\s*[:：]")
_ITEM = re.compile(
    r"(?:^|(?<=[\s；;，,。]))(?:[(（](\d{1,2})[)）]|(?:目标)?(\d{1,2})\s*[.、．)）:：](?!\d))\s*"
)
_FIRST_ITEM = re.compile(r"^1\s*[.、．](?!\d)")
_GLUED_ITEM = re.compile(r"(?<=[\u4e00-\u9fff。；;，,）)])(\d{1,2})\s*[.、．](?!\d)")
_CODE_NAME = re.compile(r"^\s*([0-9A-Za-z]{12,30})\s*[-—－_：:\s]\s*(\S.*?)\s*$")
_NO_UNIT_SPACE = ("%", "％", "‰")


def is_blank(text: str) -> bool:
    """True for an empty cell or a dash, slash or 无 standing for none."""
    return text.strip() in _BLANK


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


def format_number(value: Decimal | None) -> str:
    """A Decimal as written (``13.00`` stays ``13.00``); None as ''."""
    return "" if value is None else format(value, "f")


def split_numbered(text: str) -> tuple[str, ...]:
    """Split ``1.aaa 2.bbb；3.ccc`` (or ``目标1：aaa 目标2：bbb``) into its items, numbering removed.

    Only markers numbered 1, 2, 3 … in sequence split, so ``2.5 万元`` inside an item stays whole; text
    without a first marker is one item.
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


def read_lines(text: str) -> str:
    """A cell holding a numbered list (``1.… 2.…``) as one line per item; other text as written.

    PDF text glues the items of a list (``1.保障稳定性2.提高积极性``): after a Chinese character, the next
    number of the sequence followed by ``.`` or ``、`` (not by a digit, as in ``2.5``) also starts an item.
    """
    items = split_numbered(text)
    if len(items) < 2 and (first := _FIRST_ITEM.match(text.strip())):
        items = _split_glued(text.strip(), first.end())
    return "\n".join(items) if len(items) > 1 else text.strip()


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


def split_reason(text: str) -> tuple[str, str]:
    """The 偏差原因分析及改进措施 cell split at ``改进措施：`` into (reason, action); all reason when unmarked."""
    m = _ACTION.search(text)
    if m is None:
        return text.strip(), ""
    return text[: m.start()].strip(), text[m.end() :].strip()


def join_value(value: str, operator: str = "", unit: str = "") -> str:
    """A 指标值 from operator, value and unit columns (``＝ | 100 | %`` → ``＝100%``, ``≥ | 12 | 个`` → ``≥12 个``).

    An operator column reading 定性 (or the vendor code 6) adds nothing; the unit is not repeated when the value
    already ends with it.
    """
    value, operator, unit = value.strip(), operator.strip(), unit.strip()
    if operator in ("定性", "6", "定量", "/", "-", "—", "无"):
        operator = ""
    if not value:
        return ""
    if unit in ("/", "-", "—", "无") or (unit and value.endswith(unit)):
        unit = ""
    if operator and value.startswith(operator):
        operator = ""
    if unit and value[-1:].isdigit() and unit not in _NO_UNIT_SPACE:
        unit = " " + unit
    return f"{operator}{value}{unit}"


def join_unit(value: str, unit: str) -> str:
    """An actual or progress value in the 度量单位 column's unit: a bare number takes the unit, else as written."""
    if unit and _BARE_NUMBER.match(value.strip()):
        return join_value(value.strip(), "", unit)
    return value


def split_code_name(text: str) -> tuple[str, str] | None:
    """A cell holding a project code and its name (``51142124R000000001234-某某项目``): (code, name), or None."""
    m = _CODE_NAME.match(text)
    if m is None or not any(ch.isdigit() for ch in m.group(1)) or sum(ch.isdigit() for ch in m.group(1)) < 8:
        return None
    return m.group(1), m.group(2)
