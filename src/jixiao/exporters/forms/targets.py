"""A target document written back in its own form: one table per project, or one table of several projects.

The indicator grid takes the form's columns (:mod:`columns`); the head block prints what the project holds
(名称, 编码, 主管部门, 实施单位, 属性, money lines, 资金用途, 中期/年度目标, labelled texts). A form whose grid names
its projects in columns of their own (the Sichuan table) is written as one grid, the project cells merged down.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.exporters.forms.columns import (
    header_row,
    header_word,
    indicator_roles,
    indicator_row,
    level1_merges,
    widths,
)
from jixiao.exporters.forms.head import goals_text, money_rows, national_funds, pairs_row, text_row
from jixiao.exporters.grids.cells import GridCell, GridDocument, GridTable, amount, continued, label
from jixiao.model import FormRef, PerformanceDocument, Project

_PROJECT_COLUMNS = ("unit_name", "project_code", "project_name", "budget", "goal")
_PROJECT_HEADERS = {
    "unit_name": "单位名称",
    "project_code": "项目编码",
    "project_name": "项目名称",
    "budget": "预算数",
    "goal": "年度目标",
}
# the forms jixiao's own writers print: the Hebei county form (the example's)
OWN_FORMS = frozenset({"hebei-county"})


def writes_own_form(form: FormRef | None) -> bool:
    """True when a document is written in a form of its own rather than jixiao's (the Hebei) layout."""
    return form is not None and form.id not in OWN_FORMS and bool(form.columns)


def targets_document(doc: PerformanceDocument) -> GridDocument:
    """The document in the form it was read from."""
    assert doc.form is not None
    roles = list(doc.form.columns)
    project_columns = [r for r in roles if r in _PROJECT_COLUMNS and r in ("project_name", "unit_name")]
    grid_roles = indicator_roles(roles, [i for p in doc.projects for i in p.indicators])
    if project_columns:
        tables = [_projects_table(doc, [r for r in roles if r in _PROJECT_COLUMNS], grid_roles)]
    else:
        tables = [_project_table(p, grid_roles, doc.form) for p in doc.projects]
    lines = []
    if doc.unit_name:
        lines.append(f"填报单位：{doc.unit_name}" + (f"（{doc.unit_code}）" if doc.unit_code else ""))
    units = {p.money_unit for p in doc.projects}
    if units:
        lines.append(f"金额单位：{sorted(units)[0]}")
    year = f"{doc.fiscal_year}年" if doc.fiscal_year else ""
    return GridDocument(
        title=f"{year}{doc.title}",
        lines=tuple(lines),
        tables=tuple(tables),
        properties=(("category", doc.form.label or "绩效目标表"), ("author", doc.unit_name or "")),
        sheets=tuple(
            f"{n}.{p.name}"[:28] if p.name else f"项目{n}" for n, p in enumerate(doc.projects, start=1)
        )
        if not project_columns
        else ("绩效目标表",),
    )


def _project_table(p: Project, grid: Sequence[str], form: FormRef) -> GridTable:
    width = len(grid)
    rows: list[list[GridCell]] = []
    head = [("项目名称", p.name)] + ([("项目编码", p.code)] if p.code else [])
    rows.append(pairs_row(head, width))
    for pair in (
        [("主管部门", p.supervising_department), ("实施单位", p.implementing_unit)],
        [("项目属性", p.attribute), ("项目类别", p.category), ("项目期限", p.period)],
    ):
        filled = [(k, v) for k, v in pair if v]
        if filled:
            rows.append(pairs_row(filled, width))
    funds = list(p.funds) or (
        national_funds(p.budget_total, p.budget_fiscal, p.budget_other)
        if any(v is not None for v in (p.budget_total, p.budget_fiscal, p.budget_other))
        else []
    )
    rows += money_rows(funds, "资金情况", width, p.money_unit)
    if p.purpose:
        rows.append(text_row("资金用途", p.purpose, width))
    rows += _goal_rows(p.goals, p.mid_term_goals, width)
    rows += [text_row(name, text, width) for name, text in p.details]
    rows.append(header_row(grid, form=form))
    for ind, merge in zip(p.indicators, level1_merges(p.indicators), strict=True):
        rows.append(indicator_row(ind, grid, merge))
    return GridTable(p.display_title, widths(grid), tuple(tuple(r) for r in rows))


def _goal_rows(goals: Sequence[str], mid_term: Sequence[str], width: int) -> list[list[GridCell]]:
    if not goals and not mid_term:
        return []
    if not mid_term:
        return [text_row("年度目标", goals_text(goals), width)]
    left = (width - 1) // 2
    right = width - 1 - left
    return [
        [label("总体目标", merge="restart"), label("中期目标", left), label("年度目标", right)],
        [continued(), GridCell(goals_text(mid_term), left), GridCell(goals_text(goals), right)],
    ]


def _projects_table(doc: PerformanceDocument, project_roles: Sequence[str], grid: Sequence[str]) -> GridTable:
    """One grid of several projects: the project's cells on its first row, merged down over its rows."""
    columns = [*project_roles, *grid]
    form = doc.form
    heads = [label(header_word(r, form) or _PROJECT_HEADERS[r]) for r in project_roles]
    rows: list[list[GridCell]] = [heads + header_row(grid, form=form)]
    for p in doc.projects:
        indicators = p.indicators or ()
        merges = level1_merges(indicators)
        for n, (ind, merge) in enumerate(zip(indicators, merges, strict=True)):
            head: list[GridCell] = []
            for role in project_roles:
                if n:
                    head.append(continued())
                elif role == "budget":
                    head.append(amount(p.total_budget)._replace(merge="restart"))
                else:
                    text = {
                        "unit_name": p.unit_name or doc.unit_name or "",
                        "project_code": p.code,
                        "project_name": p.name,
                        "goal": goals_text(p.goals),
                    }[role]
                    head.append(GridCell(text, merge="restart"))
            rows.append(head + indicator_row(ind, grid, merge))
    return GridTable(doc.title, widths(columns), tuple(tuple(r) for r in rows))
