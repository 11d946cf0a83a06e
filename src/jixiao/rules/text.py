"""Small text helpers the rules share: numbering, similarity of names, keywords."""

from __future__ import annotations

import re
from functools import lru_cache

_NUMBERING = re.compile(r"^\s*(?:[(（]?\d{1,3}[)）]?\s*[.、．]?|[一二三四五六七八九十]+\s*[、.．])\s*")
_NOT_WORD = re.compile(r"[\s，。、；：,.;:（）()《》“”\"'【】\[\]—\-]+")


def strip_numbering(text: str) -> str:
    """A title without its leading number (``5.县直…`` → ``县直…``)."""
    return _NUMBERING.sub("", text, count=1).strip()


@lru_cache(maxsize=8192)
def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of a text, punctuation and spaces removed."""
    clean = _NOT_WORD.sub("", text)
    return frozenset({clean[i : i + 2] for i in range(len(clean) - 1)} or ({clean} if clean else set()))


@lru_cache(maxsize=8192)
def similarity(a: str, b: str) -> float:
    """How alike two names are: overlap of character bigrams relative to the shorter name (0–1)."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))
