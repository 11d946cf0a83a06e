"""The 部门整体绩效目标表 (DepartmentTargets) in every format: a grid document in the form it came in.

The head block prints the department, its 部门职责, the year's goals, the money lines (资金总额, 项目支出, 基本支出 …
over their amounts) and the 年度履职目标 tasks; the indicator grid takes the form's columns (the Hunan form's
指标值类型, 计量单位, 指标解释, 评（扣）分标准 and 备注, or any other form's).
"""

from __future__ import annotations

import json

from jixiao.exporters.forms.columns import header_row, indicator_roles, indicator_row, level1_merges, widths
from jixiao.exporters.forms.head import goals_text, pairs_row, spread, text_row
from jixiao.exporters.grids.cells import GridCell, GridDocument, GridTable, amount, continued, label
from jixiao.model import DepartmentTargets

_DEFAULT_ROLES = ("level1", "level2", "level3", "target", "explanation")
_TASK_COLUMNS = (
    ("duty", "部门职能"),
    ("task", "年度目标任务"),
    ("content", "主要内容"),
    ("project", "支出项目名称"),
)


def department_document(d: DepartmentTargets) -> GridDocument:
    """The department table as a grid document."""
    own = d.form is not None and bool(d.form.columns)
    roles = indicator_roles(d.form.columns if d.form is not None and own else _DEFAULT_ROLES, d.indicators)
    width = len(roles)
    rows: list[list[GridCell]] = []
    head = [("部门（单位）名称", d.unit_name or "")] + (
        [("部门预算编码", d.unit_code)] if d.unit_code else []
    )
    rows.append(pairs_row(head, width))
    if d.funds:
        spans = spread(len(d.funds), width - 1)
        rows.append(
            [label(f"年度预算安排（{d.money_unit}）", merge="restart")]
            + [label(f.label, n) for f, n in zip(d.funds, spans, strict=True)]
        )
        rows.append([continued()] + [amount(f.amount, n) for f, n in zip(d.funds, spans, strict=True)])
    if d.duties:
        rows.append(text_row("部门职责", d.duties, width))
    if d.mid_term_goals:
        rows.append(text_row("中期目标", goals_text(d.mid_term_goals), width))
    if d.goals:
        rows.append(text_row("年度总体目标", goals_text(d.goals), width))
    rows += _task_rows(d, width)
    rows += [text_row(name, text, width) for name, text in d.details]
    rows.append(header_row(roles, form=d.form))
    for ind, merge in zip(d.indicators, level1_merges(d.indicators), strict=True):
        rows.append(indicator_row(ind, roles, merge))
    table = GridTable(d.title, widths(roles), tuple(tuple(r) for r in rows))
    year = f"{d.fiscal_year}年" if d.fiscal_year else ""
    lines = (f"金额单位：{d.money_unit}",) if d.funds or d.annual_tasks else ()
    return GridDocument(
        title=f"{year}{d.title}",
        lines=lines,
        tables=(table,),
        properties=(("category", "部门整体绩效目标表"), ("author", d.unit_name or "")),
        sheets=("部门整体绩效目标",),
    )


def _task_rows(d: DepartmentTargets, width: int) -> list[list[GridCell]]:
    if not d.annual_tasks:
        return []
    used = [(field, name) for field, name in _TASK_COLUMNS if any(getattr(t, field) for t in d.annual_tasks)]
    spans = spread(len(used) + 1, width - 1)
    rows: list[list[GridCell]] = [
        [label("年度履职目标", merge="restart")]
        + [label(name, n) for (_, name), n in zip(used, spans, strict=False)]
        + [label(f"预算金额（{d.money_unit}）", spans[-1])]
    ]
    for t in d.annual_tasks:
        rows.append(
            [continued()]
            + [GridCell(getattr(t, field), n) for (field, _), n in zip(used, spans, strict=False)]
            + [amount(t.budget_total, spans[-1])]
        )
    return rows


def write_department(record: DepartmentTargets, fmt: str) -> bytes:
    """The department table in a format: txt, json, docx, xlsx, html or pdf."""
    name = fmt.lower()
    if name == "json":
        from jixiao.model.serialize import department_to_dict

        return (json.dumps(department_to_dict(record), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    from jixiao.exporters import write_grid

    return write_grid(department_document(record), name)
