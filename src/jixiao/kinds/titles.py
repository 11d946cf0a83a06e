"""Labelled lines above the tables of any kind: 填报单位, 金额单位, 单位名称, 预算年度, and the document's title."""

from __future__ import annotations

import re

from jixiao.importers.cleanup import label_key
from jixiao.model.normalize import has_digit

_LABELLED = re.compile(
    r"^\s*(填报单位|填报部门|单位名称|部门名称|预算单位|部门\(单位\)名称|部门（单位）名称|金额单位|单位|预算年度|年度|"
    r"单位代码|单位编码|部门预算编码|编制单位|评价单位|报送单位|申报单位|填报人|填表人|联系人|联系电话|填报日期|"
    r"报送日期|填表日期|日期)\s*(?:[(（]\s*(?:盖章|公章)\s*[)）])?\s*[:：]\s*(.*?)\s*$"
)
_YEAR_LINE = re.compile(r"^\s*[(（]\s*(20\d{2})\s*年度?\s*[)）]\s*$")
_ANNEX = re.compile(r"^\s*附\s*(?:件|表)?\s*[\d一二三四五六七八九十]+(?:\s*[-—－]\s*\d+)?\s*[:：]?\s*$")
_WIDE_GAP = re.compile(r"[\s\u3000]{2,}|\u3000")
_IGNORED = frozenset({"填报人", "填表人", "联系人", "联系电话", "填报日期", "报送日期", "填表日期", "日期"})
_MONEY = re.compile(r"^(万元|元|千元|亿元)")
_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年")
_CODE_NAME = re.compile(r"^(.*?)\s*[(（]\s*([0-9A-Za-z]+)\s*[)）]\s*$")


class DocumentLines:
    """What the labelled lines above the tables said."""

    def __init__(self) -> None:
        self.unit_name: str | None = None
        self.unit_code: str | None = None
        self.money_unit: str | None = None
        self.fiscal_year: int | None = None
        self.title: str | None = None

    def note_title(self, text: str) -> None:
        """A title line: the document's title, and its year when it starts with one."""
        text = text.strip()
        if self.title is None:
            self.title = re.sub(r"^\s*20\d{2}\s*年度?\s*", "", text).strip() or None
        if self.fiscal_year is None and (m := _YEAR.search(text)):
            self.fiscal_year = int(m.group(1))


def read_labelled(text: str, lines: DocumentLines) -> bool:
    """Read a ``label：value`` line (or several on one line, apart by wide spaces), a ``（2025年度）`` line or an
    annex mark (附件2, 附2-1) into ``lines``; False when the line is none of them."""
    if ":" not in text and "：" not in text and not text.lstrip().startswith(("(", "（", "附")):
        return False  # every form below has a colon, a bracketed year or an annex mark
    if (m := _YEAR_LINE.match(text)) is not None:
        lines.fiscal_year = lines.fiscal_year or int(m.group(1))
        return True
    if _ANNEX.match(text):
        return True
    parts = [p for p in _WIDE_GAP.split(text.strip()) if p]
    if len(parts) > 1:
        matched = [_LABELLED.match(p) for p in parts]
        if all(matched) or (
            matched[0] is not None and all(_LABELLED.match(p) or ":" in p or "：" in p for p in parts)
        ):
            read = [_one(p, lines) for p in parts]  # every part is read, even after one that is not
            return all(read)
    return _one(text, lines)


def _one(text: str, lines: DocumentLines) -> bool:
    m = _LABELLED.match(text)
    if m is None:
        return False
    label, value = label_key(m.group(1)).replace("（", "(").replace("）", ")"), m.group(2).strip()
    if label in _IGNORED:
        return True
    if label in ("金额单位", "单位"):
        money = _MONEY.match(value)
        if money is None:
            if label == "单位" and value:
                lines.unit_name = lines.unit_name or value
                return True
            return label == "金额单位"
        lines.money_unit = money.group(1)
        return True
    if label in ("预算年度", "年度"):
        year = _YEAR.search(value + "年") or re.search(r"(20\d{2})", value)
        if year:
            lines.fiscal_year = int(year.group(1))
        return True
    if label in ("单位代码", "单位编码", "部门预算编码"):
        lines.unit_code = value or lines.unit_code
        return True
    if value:
        m2 = _CODE_NAME.match(value)
        if m2 and has_digit(m2.group(2)):
            name, code = m2.group(1).strip() or None, m2.group(2)
        else:
            name, code = value, None
        if lines.unit_name is None or label in ("填报单位", "单位名称", "部门名称"):
            lines.unit_name, lines.unit_code = name, code or lines.unit_code
    return True
