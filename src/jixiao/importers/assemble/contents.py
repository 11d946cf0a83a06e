"""The table of contents: entries with their page numbers, also when numbers are glued to titles."""

from __future__ import annotations

import re

from jixiao.importers.cleanup import label_key
from jixiao.model import ContentsEntry

_LEADER_PAGE = re.compile(r"^(?P<title>.*?)(?:[\s.…·．。]*[.…·．。]{2,}[\s.…·．。]*|\s+)(?P<page>\d{1,4})$")
_GLUED_PAGE = re.compile(r"^(?P<title>.*[\u4e00-\u9fff)）》])(?P<page>\d{1,4})$")
_ENTRY_NUMBER = re.compile(r"^(\d{1,3})\s*[.、．]")


def read_entry(text: str) -> ContentsEntry:
    """One contents line: the title as written and the page number at its end, if any."""
    text = text.strip()
    for pattern in (_LEADER_PAGE, _GLUED_PAGE):
        m = pattern.match(text)
        if m and m.group("title").strip():
            return ContentsEntry(m.group("title").strip(), int(m.group("page")))
    return ContentsEntry(text)


def split_glued_entries(text: str, next_number: int) -> list[str]:
    """Split ``…绩效目标表52.2022年…`` (page 5, then entry 2) where entries were run together."""
    parts: list[str] = []
    rest = text
    while True:
        pattern = re.compile(rf"(?<=[\u4e00-\u9fff)）])(\d{{1,4}}?)({next_number + 1}\s*[.、．])")
        m = pattern.search(rest, 1)
        if not m:
            break
        parts.append(rest[: m.start(2)])
        rest = rest[m.start(2) :]
        next_number += 1
    parts.append(rest)
    return parts


def entry_number(title: str) -> int | None:
    """The number an entry starts with (``5.县直…`` → 5), if any."""
    m = _ENTRY_NUMBER.match(title)
    return int(m.group(1)) if m else None


def same_heading(a: str, b: str) -> bool:
    """True when one heading's text starts the other's (``第一部分`` and ``第一部分 部门整体绩效目标``)."""
    ka, kb = label_key(a), label_key(b)
    return bool(ka) and bool(kb) and (ka.startswith(kb) or kb.startswith(ka))
