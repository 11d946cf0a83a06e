"""The table of contents: entries with their page numbers, also when numbers are glued to titles."""

from __future__ import annotations

import re

from jixiao.importers.cleanup import is_cjk, label_key
from jixiao.model import ContentsEntry

# Kept free of large Unicode classes: compiling those costs milliseconds at every start of the CLI.
_LEADER_PAGE = re.compile(r"^(?P<title>.*?)(?:[\s.…·．。]*[.…·．。]{2,}[\s.…·．。]*|\s+)(?P<page>\d{1,4})$")
_TRAILING_PAGE = re.compile(r"^(?P<title>.*\D)(?P<page>\d{1,4})$")
_ENTRY_NUMBER = re.compile(r"^(\d{1,3})\s*[.、．]")
_NUMBER_MARK = re.compile(r"(\d{1,4})\s*[.、．]")
_TITLE_END = ")）》"


def _ends_title(char: str) -> bool:
    return is_cjk(char) or char in _TITLE_END


def read_entry(text: str) -> ContentsEntry:
    """One contents line: the title as written and the page number at its end, if any."""
    text = text.strip()
    m = _LEADER_PAGE.match(text)
    if m and m.group("title").strip():
        return ContentsEntry(m.group("title").strip(), int(m.group("page")))
    m = _TRAILING_PAGE.match(text)
    if m and _ends_title(m.group("title")[-1]):  # a page number glued to the title: …绩效目标表9
        return ContentsEntry(m.group("title").strip(), int(m.group("page")))
    return ContentsEntry(text)


def split_glued_entries(text: str, number: int) -> list[str]:
    """Split ``1.甲绩效目标表52.乙…`` (entry 1 on page 5, then entry 2) where entries were run together."""
    parts: list[str] = []
    start = 0
    for m in _NUMBER_MARK.finditer(text):
        digits = m.group(1)
        nxt = str(number + 1)
        if m.start() == 0 or not digits.endswith(nxt) or len(digits) == len(nxt):
            continue
        page_end = m.start() + len(digits) - len(nxt)
        if _ends_title(text[m.start() - 1]):
            parts.append(text[start:page_end])
            start = page_end
            number += 1
    parts.append(text[start:])
    return parts


def entry_number(title: str) -> int | None:
    """The number an entry starts with (``5.县直…`` → 5), if any."""
    m = _ENTRY_NUMBER.match(title)
    return int(m.group(1)) if m else None


def same_heading(a: str, b: str) -> bool:
    """True when one heading's text starts the other's (``第一部分`` and ``第一部分 部门整体绩效目标``)."""
    ka, kb = label_key(a), label_key(b)
    return bool(ka) and bool(kb) and (ka.startswith(kb) or kb.startswith(ka))
