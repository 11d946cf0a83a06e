"""A whole table run together on one line with no separator at all (LAYOUTS.md shape 5, the hard variant).

``一级指标二级指标三级指标指标值产出指标数量指标保障人数242人数≥95%…``: the cells are cut apart again where
what they say gives the boundary:

- a label or header word the vocabulary names exactly (项目名称, 年度资金总额, 一级指标 …), a level label
  (产出指标, 社会效益指标 …), a summary word (合计, 总分), a month of the spending plan (3 月底);
- a value: an operator, a number and the longest unit that follows it (``≥266米``, ``242人数``, ``13.00``), a
  deadline (``2024年12月底前``), a code (``13052924P005840119077``);
- a text that is one text written twice (三级指标 and its description alike: ``保障人数保障人数``).

What stays between them is one text. Two texts side by side that differ (a 三级指标 and a description, a
description and a basis) cannot be told apart and stay one cell; the rows are then rebuilt as for a table on
one line between spaces (:func:`jixiao.importers.cells.rebuild_rows`), which reports what it had to guess.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.importers.cells import Cell
from jixiao.importers.engine.vocabulary import (
    DETAIL_LABELS,
    FIELD_SYNONYMS,
    GRID_SYNONYMS,
    SECTION_LABELS,
    SUMMARY_WORDS,
)
from jixiao.model.framework import ALL_LEVEL2, LEVEL2_ALIASES, OTHER_LEVEL1
from jixiao.model.units import unit_dimension

_LEVELS = (
    [f"{w}指标" for w in ("产出", "效益", "满意度", "成本", "项目完成", "项目效益", *OTHER_LEVEL1)]
    + [f"{w}指标" for w in (*ALL_LEVEL2, *LEVEL2_ALIASES)]
    + ["服务对象满意度指标", "社会公众满意度指标", "社会公众或服务对象满意度指标"]
)
_FUNDS = (
    "财政资金",
    "财政拨款",
    "其他资金",
    "上级资金",
    "上年结转资金",
    "单位资金",
    "自筹资金",
    "本年财政拨款",
)
_WORDS = frozenset(
    w
    for w in (
        *(w for words in GRID_SYNONYMS.values() for w in words),
        *(w for words in FIELD_SYNONYMS.values() for w in words),
        *(w for words in SECTION_LABELS.values() for w in words),
        *DETAIL_LABELS,
        *SUMMARY_WORDS,
        *_LEVELS,
        *_FUNDS,
        "资金支出计划",
        "定量",
        "定性",
        "正向指标",
        "反向指标",
        "确定能",
        "有可能",
        "不可能",
    )
    if len(w) >= 3 or w in ("合计", "总分", "权重", "分值", "得分", "备注")
)
_LONGEST = max(len(w) for w in _WORDS)
_SAME = str.maketrans({"（": "(", "）": ")", "：": ":", "％": "%"})  # as the vocabulary spells them
_NOTE = re.compile(r"^[(（][^()（）]{1,8}[)）]")
_OF = re.compile(r"^(其中[:：]|[*＊★]|\d{1,2}\s*[-—~至]\s*\d{1,2}\s*月(份)?)")
_MONTH = re.compile(r"^\d{1,2}\s*月底")
_DEADLINE = re.compile(r"^\d{4}\s*年(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*日|底|末)?\s*(前|以前|之前)?")
_CODE = re.compile(r"^[0-9A-Z]{12,30}")
_NUMBER = re.compile(r"^(?:[≥≤＞＜＝><=≧≦⩾⩽]{1,2}\s*)?\d[\d,，]*(?:\.\d\d(?=\d)|\.\d+)?\s*")
_OPERATOR = frozenset("≥≤＞＜＝><=≧≦⩾⩽")
_NOT_AFTER = frozenset("【(（《第")
_NOT_BEFORE = ("号", "】", "）", ")", "》", "年", "-", "—", ".", "．", "、")


@lru_cache(maxsize=4096)
def _unit_at(text: str) -> int:
    """The length of the longest unit at the start of a text (人数, 元/人·月, %), 0 for none."""
    for n in range(min(8, len(text)), 0, -1):
        head = text[:n]
        if head in ("%", "％", "‰") or unit_dimension(head) is not None:
            return n
    return 0


def _word_at(text: str, at: int) -> int:
    """The length of the longest vocabulary word starting at ``at`` (with its note: 项目资金（万元）), else 0."""
    start = at
    of = _OF.match(text[at:])
    if of:
        at += of.end()
    for n in range(min(_LONGEST, len(text) - at), 1, -1):
        if text[at : at + n].translate(_SAME) in _WORDS:
            end = at + n
            note = _NOTE.match(text[end:])
            if note:
                end += note.end()
            if end < len(text) and text[end] in ":：":
                end += 1
            return end - start
    return 0


def _value_at(text: str, at: int) -> int:
    """The length of the value starting at ``at`` (an operator, a number and its unit; a deadline; a code)."""
    rest = text[at:]
    if at > 0 and text[at - 1] in _NOT_AFTER:
        return 0
    for pattern in (_MONTH, _DEADLINE, _CODE):
        m = pattern.match(rest)
        if m:
            return m.end()
    m = _NUMBER.match(rest)
    if not m or (rest[0].isdigit() and at > 0 and text[at - 1].isdigit()):
        return 0
    end = m.end()
    end += _unit_at(rest[end:])
    if rest[end:].startswith(_NOT_BEFORE):
        return 0
    return end


def split_glued(text: str) -> list[str]:
    """The cells of a table written with no separator, cut where words, values and repeats give the bounds."""
    out: list[str] = []
    pending = ""

    def flush() -> None:
        nonlocal pending
        if pending.strip():
            out.extend(_halves(pending.strip()))
        pending = ""

    at = 0
    while at < len(text):
        n = _word_at(text, at)
        if n:
            flush()
            out.append(text[at : at + n])
            at += n
            continue
        if text[at] in _OPERATOR or text[at].isdigit():
            n = _value_at(text, at)
            if n:
                flush()
                out.extend(_halves(text[at : at + n].strip()))
                at += n
                continue
        pending += text[at]
        at += 1
    flush()
    return out


def _halves(text: str) -> list[str]:
    """A text written twice (保障人数保障人数) as its two cells."""
    half = len(text) // 2
    if len(text) % 2 == 0 and (half >= 2 or text.isdigit()) and text[:half] == text[half:]:
        return [text[:half], text[half:]]
    return [text]


def glued_cells(line: str, number: int, page: int) -> list[Cell] | None:
    """The cells of a line that is a whole table run together, or None when the line is not one."""
    text = line.strip()
    if len(text) < 40 or text.count("指标") < 6 or "\t" in text or text.count("|") >= 2:
        return None  # a table's header and level labels say 指标 again and again
    pieces = split_glued(text)
    words = sum(1 for p in pieces if _word_at(p, 0) == len(p))
    if words < 4 or len(pieces) < 8:
        return None
    return [Cell(p, number, page) for p in pieces]
