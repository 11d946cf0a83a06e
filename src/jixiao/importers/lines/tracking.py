"""The lines around the tables of a 自评表 or 监控表: main title, 填报单位, the targets followed, table titles."""

from __future__ import annotations

import re
from typing import NamedTuple

from jixiao.importers.cleanup import label_key
from jixiao.model import TargetsRef

_YEAR_TITLE = re.compile(r"^(?:(\d{4})\s*年度?\s*)?(.*?)\s*$")
_PERIOD_SUFFIX = re.compile(
    r"\s*[(（]\s*(?:(?:1|一)\s*[-–—~～至到]\s*(\d{1,2})|(\d{1,2}))\s*月份?\s*[)）]\s*$"
    r"|\s*[(（]\s*(上?半年度?)\s*[)）]\s*$"
)
_UNIT = re.compile(r"^(.*?)\s*(?:[(（]\s*([0-9A-Za-z]+)\s*[)）])?\s*$")
_FINGERPRINT = re.compile(r"\s*[(（]\s*校验码\s*[:：]?\s*([0-9A-Za-z]*)\s*[)）]\s*$")
_BOOK_TITLE = re.compile(r"(?:(\d{4})\s*年?\s*)?《([^》]*)》")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)\s*年?")
_LABELLED = re.compile(
    r"^\s*(填报单位|依据绩效目标|评分方案|单位)\s*(?:[(（]\s*盖章\s*[)）])?\s*[:：]\s*(.*?)\s*$"
)
_TABLE_TITLE_ENDS = ("自评表", "监控表", "评价表", "监控情况表", "绩效目标表")


class Labelled(NamedTuple):
    """A cover line of the form ``label：value``."""

    label: str
    value: str


def labelled(text: str) -> Labelled | None:
    """The label and value of a 填报单位 / 依据绩效目标 / 评分方案 / 单位 line, or None."""
    m = _LABELLED.match(text)
    return Labelled(m.group(1), m.group(2)) if m else None


def split_unit(text: str) -> tuple[str | None, str | None]:
    """``巨鹿县总工会（711001）`` → (name, code); empty parts are None."""
    m = _UNIT.match(text.strip())
    assert m is not None  # the pattern matches any text
    return (m.group(1) or None), (m.group(2) or None)


def read_targets(text: str) -> TargetsRef:
    """The approved targets named in a ``依据绩效目标：`` line.

    Written by jixiao as ``巨鹿县总工会（711001）2024 年《部门预算绩效文本》（校验码 …）``; also read without
    the book-title marks, as ``巨鹿县总工会 2024 部门预算绩效文本（校验码 …）``.
    """
    text = text.strip()
    fingerprint = ""
    if m := _FINGERPRINT.search(text):
        fingerprint, text = m.group(1), text[: m.start()].strip()
    year: int | None = None
    if m := _BOOK_TITLE.search(text):
        title, who = m.group(2).strip(), text[: m.start()]
        year = int(m.group(1)) if m.group(1) else None
    elif years := list(_YEAR.finditer(text)):
        last = years[-1]
        year, who, title = int(last.group(1)), text[: last.start()], text[last.end() :].strip()
    else:
        who, title = text, ""
    name, code = split_unit(who)
    return TargetsRef(unit_code=code, unit_name=name, fiscal_year=year, title=title, fingerprint=fingerprint)


class Title(NamedTuple):
    """A title line: the year before it, the title, and the period after it (``（1–7月）``)."""

    year: int | None
    title: str
    month: int | None


def read_title(text: str) -> Title:
    """Split ``2024 年项目支出绩效运行监控表（1–7月）`` into year, title and month."""
    month: int | None = None
    if m := _PERIOD_SUFFIX.search(text):
        number = m.group(1) or m.group(2)
        month = int(number) if number else 6
        if not 1 <= month <= 12:
            month = None
        text = text[: m.start()]
    m2 = _YEAR_TITLE.match(text.strip())
    assert m2 is not None  # the pattern matches any text
    year = int(m2.group(1)) if m2.group(1) else None
    return Title(year, m2.group(2).strip(), month)


def is_table_title(text: str) -> bool:
    """True for a line naming a table: ``…绩效自评表``, ``…绩效运行监控表（1–7月）``."""
    title = read_title(text).title
    return label_key(title).endswith(_TABLE_TITLE_ENDS)


def starts_with_year(text: str) -> bool:
    """True when a title line starts with its year (``2024 年…``): it is the record's main title."""
    return read_title(text).year is not None
