"""Text repairs for what PDF extraction does to cells: stray spaces between Chinese characters."""

from __future__ import annotations

import re

# Han ideographs, CJK punctuation and full-width forms: a space between two of these is extraction damage.
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0\u3000]+(?=[{_CJK}])")
_WS = re.compile(r"\s+")


def join_cjk_spaces(text: str) -> str:
    """Remove spaces between two CJK characters and trim; other spaces are kept as written."""
    return _CJK_SPACE.sub("", text.strip())


def label_key(text: str) -> str:
    """A label reduced for matching: no whitespace, ASCII colon and parentheses, ％ as %."""
    key = _WS.sub("", text)
    return key.replace("：", ":").replace("（", "(").replace("）", ")").replace("％", "%")


def join_broken(first: str, second: str) -> str:
    """Join a cell or paragraph broken across lines: no space next to a CJK character."""
    if not first:
        return second
    if not second:
        return first
    if re.match(rf"[{_CJK}]", first[-1]) or re.match(rf"[{_CJK}]", second[0]):
        return first + second
    return f"{first} {second}"
