"""The 资金支出计划 header, shared by the target table and the 监控表: which columns each month covers."""

from __future__ import annotations

import re

from jixiao.importers.layout import Row

MonthSpan = tuple[int, int, str]  # first column, last column, the month as written (3月底)


def month_spans(row: Row) -> list[MonthSpan]:
    """Each month of a header row with the columns under it: up to the column before the next month.

    A merged header cell leaves empty columns after its month; they belong to that month, so a value written
    in the gap is read under the month above it, not by counting values.
    """
    months = [(i, re.sub(r"\s+", "", c)) for i, c in enumerate(row.cells) if i > 0 and c.strip()]
    spans = []
    for n, (col, month) in enumerate(months):
        end = months[n + 1][0] - 1 if n + 1 < len(months) else max(len(row.cells) - 1, col)
        spans.append((col, end, month))
    return spans


def month_at(spans: list[MonthSpan], col: int) -> str | None:
    """The month a column lies under, or None when it lies under none."""
    return next((month for start, end, month in spans if start <= col <= end), None)
