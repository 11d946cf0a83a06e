"""Head-block rows of a form: label and value cells spread over the grid's width, money lines, goals."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jixiao.exporters.grids.cells import GridCell, amount, continued, label, lines_text
from jixiao.model import FundSource


def spread(count: int, width: int) -> list[int]:
    """Spans of ``count`` cells over ``width`` columns, as even as can be, the first ones taking the rest."""
    if count <= 0:
        return []
    base, extra = divmod(width, count)
    return [base + (1 if n < extra else 0) for n in range(count)] if base else [1] * count


def pairs_row(pairs: Sequence[tuple[str, str]], width: int) -> list[GridCell]:
    """``label | value | label | value …`` over the width: each label one column, its value the rest of its share."""
    cells: list[GridCell] = []
    for (name, text), share in zip(pairs, spread(len(pairs), width), strict=True):
        cells.append(label(name))
        cells.append(GridCell(text, max(share - 1, 1)))
    return cells


def text_row(name: str, text: str, width: int) -> list[GridCell]:
    """A label and one text across the rest of the row."""
    return [label(name), GridCell(text, width - 1)]


def goals_text(goals: Sequence[str]) -> str:
    """Goals as a numbered list in one cell (one goal as it is)."""
    return lines_text("\n".join(goals))


def money_rows(
    funds: Sequence[FundSource], section: str, width: int, money_unit: str
) -> list[list[GridCell]]:
    """Money lines as a small grid under a section label merged down the left: 资金来源 | 金额, one line a row."""
    if not funds:
        return []
    left = max((width - 1) // 2, 1)
    right = max(width - 1 - left, 1)
    rows: list[list[GridCell]] = [
        [label(f"{section}（{money_unit}）", merge="restart"), label("资金来源", left), label("金额", right)]
    ]
    for f in funds:
        rows.append([continued(), GridCell(f.label, left, align="center"), amount(f.amount, right)])
    return rows


def national_funds(total: Decimal | None, fiscal: Decimal | None, other: Decimal | None) -> list[FundSource]:
    """The 预算数 / 财政资金 / 其他资金 of a record as money lines a form prints."""
    return [
        FundSource("年度资金总额", total, is_total=True),
        FundSource("其中：财政拨款", fiscal),
        FundSource("其他资金", other),
    ]
