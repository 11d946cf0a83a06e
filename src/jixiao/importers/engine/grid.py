"""Grid headers: which row is a header, what each column means, and the context that decides between readings.

A header row is one whose cells mostly take column roles and that names an indicator (一级/二级/三级, 指标名称 …)
beside a value (指标值, 实际完成值, 权重 …), or money amounts (年初预算数, 执行数 …), or tasks (年度目标任务 …).
A second header row under it (periods 长期/年度, tick boxes 经费保障 …, or the words under a merged cell) is
read into the same columns.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from jixiao.importers.engine.cells import read_money
from jixiao.importers.engine.headers import Header, read_header
from jixiao.importers.engine.reading import Attrs, Column
from jixiao.importers.engine.vocabulary import PERIOD_WORDS, TICK_LABELS, grid_role, section_of
from jixiao.importers.layout import Row
from jixiao.model.normalize import has_digit

GridKind = Literal["indicators", "money", "tasks"]

NAME_ROLES = frozenset({"level1", "level2", "level3", "content"})
VALUE_ROLES = frozenset(
    {
        "target",
        "actual",
        "weight",
        "score",
        "basis",
        "explanation",
        "description",
        "operator",
        "unit",
        "likelihood",
        "scoring_rule",
        "forecast",
        "deviation",
        "deviation_reason",
        "value_type",
        "direction",
    }
)
MONEY_ROLES = frozenset({"budget_initial", "budget_full_year", "executed", "forecast_executed", "rate"})
TASK_ROLES = frozenset({"task", "duty"})
PROJECT_ROLES = frozenset({"unit_name", "project_code", "project_name", "budget", "goal"})
IGNORED = frozenset({"seq", "label"})


def attrs_of(header: Header, choice: str | None = None) -> Attrs:
    """The attributes of a column from its header."""
    period = header.period
    if period is None:
        if any(w in header.key for w in ("中长期", "长期")):
            period = "long_term"
        elif "中期" in header.key:
            period = "mid_term"
    return Attrs(
        header.required,
        header.core,
        header.formula,
        header.points,
        period,
        header.month,
        header.money_unit,
        header.percent,
        choice,
    )


def _role(header: Header) -> str | None:
    return grid_role(header.key)


def _is_data(text: str) -> bool:
    """A cell that holds data, not a header word: digits or long text."""
    stripped = text.strip()
    return has_digit(stripped) or len(stripped) > 24


@lru_cache(maxsize=16384)
def _is_amount(text: str) -> bool:
    amount, _, ok = read_money(text)
    return ok and amount is not None


def names_a_column(cell: str) -> bool:
    """True when the vocabulary reads a header word as some column on its own (not only from the data)."""
    return _column(cell)[0] != "unknown"


def may_head(row: Row) -> bool:
    """False when fewer than two cells of a row name a column: no header (checked before reading columns)."""
    named = 0
    for cell in row.cells:
        if cell and not cell.isspace() and _column(cell)[0] != "unknown":
            named += 1
            if named == 2:
                return True
    return False


def read_columns(row: Row) -> list[Column]:
    """Every non-empty cell of a row as a column with its role ('unknown' for words no role names)."""
    return [
        Column(index, *_column(cell)) for index, cell in enumerate(row.cells) if cell and not cell.isspace()
    ]


@lru_cache(maxsize=16384)
def _column(cell: str) -> tuple[str, str, Attrs]:
    """A header cell's role, its text and its attributes."""
    header = read_header(cell)
    role = "fund" if section_of(header.key) == "money" else (_role(header) or "unknown")
    return role, cell.strip(), attrs_of(header)


def grid_kind(columns: list[Column]) -> GridKind | None:
    """What a row of columns heads: an indicator grid, a money grid, a task grid, or nothing (None).

    A row holding an amount or a number is data, never a header (资金情况 | 年度资金总额 | 86.40).
    """
    if len(columns) < 2 or any(_is_amount(c.header) for c in columns):
        return None
    roles = [c.role for c in columns]
    known = [r for r in roles if r != "unknown"]
    if len(known) < 2 or len(known) * 10 < len(roles) * 6:
        return None
    found = set(known)
    names = found & NAME_ROLES
    if names and (found & VALUE_ROLES or len(names) >= 2) and len(known) >= 3:
        return "indicators"
    if len(found & MONEY_ROLES) >= 2 or (found & MONEY_ROLES and found & {"fund", "weight", "score"}):
        return "money"
    if found & {"fund"} and found & {"amount", "budget"}:
        return "money"
    if found & TASK_ROLES and found & {"project_name", "budget", "task_content", "task", "amount"}:
        return "tasks"
    if names and found & PROJECT_ROLES and len(known) >= 3:
        return "indicators"
    return None


def second_header(top: list[Column], row: Row) -> list[Column] | None:
    """The columns of a header written on two rows, when ``row`` is the second one; else None.

    Under a merged top cell, each word of the lower row names its own column (``指标值`` over ``年度 | 中期``,
    ``偏差原因分析`` over ``经费保障 | 制度保障 …``); a lower cell that is blank leaves the top cell's reading.
    """
    lower = [(i, c.strip()) for i, c in enumerate(row.cells) if c.strip()]
    if not lower or any(_is_data(t) for _, t in lower):
        return None
    for _, text in lower:
        key = read_header(text).key
        if key not in PERIOD_WORDS and key not in TICK_LABELS and _role(read_header(text)) is None:
            return None
    tops = {c.at: c for c in top}
    width = max(len(row.cells), max(tops) + 1 if tops else 0)
    out: list[Column] = []
    above: Column | None = None
    for index in range(width):
        if index in tops:
            above = tops[index]
        text = row.cells[index].strip() if index < len(row.cells) else ""
        if not text:
            if index in tops:
                out.append(tops[index])
            continue
        header = read_header(text)
        if above is None:
            out.append(Column(index, _role(header) or "unknown", text, attrs_of(header)))
        elif header.key in PERIOD_WORDS:
            period = PERIOD_WORDS[header.key]
            out.append(
                Column(index, above.role, f"{above.header}{text}", above.attrs._replace(period=period))
            )
        elif header.key in TICK_LABELS:
            out.append(
                Column(
                    index, "deviation_category", f"{above.header}/{text}", above.attrs._replace(choice=text)
                )
            )
        else:
            role = _role(header) or "unknown"
            above_period = attrs_of(read_header(above.header)).period if above.role == "unknown" else None
            attrs = attrs_of(header)
            if above_period and attrs.period is None:
                attrs = attrs._replace(period=above_period)
            out.append(Column(index, role, text, attrs))
    return out


def resolve(columns: list[Column], kind: GridKind) -> list[Column]:
    """The columns with the context applied: which of two readings a header takes, periods told apart.

    - ``指标内容`` is the 三级 name where the form has no 三级 column, else a description;
    - a second value column of a period (指标值（长期）, 中期指标值) is that period's, the year's keeps the role;
    - a target of part of the year (半年度指标值 beside 全年指标值) is not the year's target;
    - in a money grid 预算数/金额 is the full-year budget (or a cost line's amount);
    - in a task grid 项目名称 is the task's project and 预算金额 its budget;
    - the first column of a role wins; later ones of the same role are not read.
    """
    roles = {c.role for c in columns}
    out: list[Column] = []
    seen: set[str] = set()
    for col in columns:
        role = col.role
        if role == "content":
            role = (
                "level3"
                if "level3" not in roles
                else ("description" if "description" not in roles else "explanation")
            )
        if kind == "money":
            if role in ("budget", "amount"):
                role = "budget_full_year" if roles & {"executed", "budget_initial"} else "amount"
            elif role == "actual":
                role = "executed"
        elif kind == "tasks":
            role = {"project_name": "task_project", "budget": "task_budget", "amount": "task_budget"}.get(
                role, role
            )
        elif kind == "indicators" and role in ("budget_full_year", "amount"):
            role = "budget"
        if role in ("target", "level2", "level3") and col.attrs.period in ("long_term", "mid_term"):
            role = f"long_term_{role}"
        elif role == "target" and col.attrs.month is not None and col.attrs.month < 12:
            role = "part_target"
        if role in seen and role not in ("deviation_category", "unknown"):
            role = "unknown" if role not in IGNORED else role
        seen.add(role)
        out.append(col._replace(role=role))
    return out
