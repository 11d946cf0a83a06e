"""Text repairs for what PDF extraction does to cells: stray spaces between Chinese characters."""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.model.normalize import to_simplified


def is_cjk(char: str) -> bool:
    """True for a Han ideograph, CJK punctuation or a full-width form."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
    )


_CJK = "\u4e00-\u9fff\u3400-\u4dbf\u3000-\u303f\uff00-\uffef"
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \t\u00a0\u3000]+(?=[{_CJK}])")


def join_cjk_spaces(text: str) -> str:
    """Remove spaces between two CJK characters and trim; other spaces are kept as written."""
    text = text.strip()
    if " " not in text and "\u3000" not in text and "\t" not in text and "\u00a0" not in text:
        return text
    return _CJK_GAP.sub("", text)


@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """A label reduced for matching: no whitespace, simplified characters, ASCII colon and parentheses, %."""
    key = to_simplified("".join(text.split()))[0]
    return key.replace("：", ":").replace("（", "(").replace("）", ")").replace("％", "%")


def join_broken(first: str, second: str) -> str:
    """Join a cell or paragraph broken across lines: no space next to a CJK character."""
    if not first:
        return second
    if not second:
        return first
    if is_cjk(first[-1]) or is_cjk(second[0]):
        return first + second
    return f"{first} {second}"
