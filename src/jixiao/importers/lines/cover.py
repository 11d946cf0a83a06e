"""The cover page: unit name, fiscal year and title, 草案, compiled by and reviewed by."""

from __future__ import annotations

import re

from jixiao.importers.cleanup import label_key
from jixiao.importers.engine.context import Context
from jixiao.importers.layout import TextLine

_YEAR_TITLE = re.compile(r"^[(（]?\s*(\d{4})\s*年\s*[)）]?\s*(.*)$")
_DRAFT = re.compile(r"^[(（]\s*草\s*案\s*[)）]$")
_COMPILED = re.compile(r"^(?:编制单位\s*[:：]\s*(.+)|(.+?)\s*编制)$")
_REVIEWED = re.compile(r"^(?:审核单位\s*[:：]\s*(.+)|(.+?)\s*审核)$")


class Cover:
    """What a cover says."""

    def __init__(self) -> None:
        self.unit_name: str | None = None
        self.fiscal_year: int | None = None
        self.title: str | None = None
        self.draft = False
        self.compiled_by: str | None = None
        self.reviewed_by: str | None = None


def read_cover(lines: list[TextLine], ctx: Context) -> Cover:
    """Read the cover lines; what is not understood is reported."""
    cover = Cover()
    for line in lines:
        text = line.text.strip()
        if m := _YEAR_TITLE.match(text):
            cover.fiscal_year = int(m.group(1))
            cover.title = re.sub(r"\s+", "", m.group(2)) or None
        elif _DRAFT.match(text):
            cover.draft = True
        elif m := _COMPILED.match(text):
            cover.compiled_by = (m.group(1) or m.group(2)).strip()
        elif m := _REVIEWED.match(text):
            cover.reviewed_by = (m.group(1) or m.group(2)).strip()
        elif cover.unit_name is None and len(label_key(text)) <= 40:
            cover.unit_name = text
        else:
            ctx.report("P10", f"封面上的“{text}”无法识别，已忽略。", ctx.source(line.line, line.page, text))
    return cover
