"""HTML rendering of a document in the official layout: cover, part one, one table per project.

Cells can carry marks (finding numbers with a severity); the check report and, later, the web app use the
same rendering. Everything is escaped; no script, no outside resource.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from itertools import groupby

from jixiao.model import PerformanceDocument, Project

# (project, row or None, field or None) → [(number, severity), …]
Marks = Mapping[tuple[int | None, int | None, str | None], Sequence[tuple[int, str]]]

STYLE = """
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun","Songti SC",serif;margin:2em auto;
max-width:1200px;color:#111;line-height:1.6}
h1,h2,h3{font-family:"Noto Sans CJK SC","Source Han Sans SC","SimHei",sans-serif}
h1{text-align:center;font-size:1.6em}h2{font-size:1.3em;margin-top:2em}h3{font-size:1.1em;margin-top:1.6em}
.cover{text-align:center;margin:2em 0 3em}.cover p{margin:.3em}
table.project{border-collapse:collapse;width:100%;font-size:.92em;margin:.6em 0 1.4em}
table.project th,table.project td{border:1px solid #444;padding:.25em .45em;vertical-align:middle}
table.project th{background:#f2f2f2;font-weight:normal;white-space:nowrap}
.unitline{display:flex;justify-content:space-between;font-size:.92em}
.mark{font-size:.75em;vertical-align:super;margin-left:.15em;font-family:sans-serif;font-weight:bold}
td.error,th.error{background:#fde2e1}td.warning,th.warning{background:#fff4d6}td.info,th.info{background:#e8f1fb}
.mark.error{color:#b3261e}.mark.warning{color:#8a5a00}.mark.info{color:#1f5fa8}
"""


def render_document(doc: PerformanceDocument, marks: Marks | None = None) -> str:
    """The document's body as HTML: cover, part one and the project tables, cells marked."""
    marks = marks or {}
    parts = [_cover(doc), _part_one(doc)]
    if doc.projects:
        parts.append("<h2>第二部分 预算项目绩效目标</h2>")
        parts += [_project(n, p, marks) for n, p in enumerate(doc.projects, start=1)]
    return "\n".join(p for p in parts if p)


def page(title: str, body: str) -> str:
    """A standalone HTML page with the shared style."""
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style></head>\n'
        f"<body>\n{body}\n</body></html>\n"
    )


def _cover(doc: PerformanceDocument) -> str:
    year = f"{doc.fiscal_year} 年" if doc.fiscal_year else ""
    lines = [f"<h1>{escape(doc.unit_name or '')}<br>{escape(year + doc.title)}</h1>"]
    if doc.status == "draft":
        lines.append("<p>（草案）</p>")
    if doc.compiled_by:
        lines.append(f"<p>{escape(doc.compiled_by)}编制</p>")
    if doc.reviewed_by:
        lines.append(f"<p>{escape(doc.reviewed_by)}审核</p>")
    return '<section class="cover">' + "".join(lines) + "</section>"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())


def _part_one(doc: PerformanceDocument) -> str:
    g = doc.department_goals
    if g.is_empty:
        return ""
    out = ["<h2>第一部分 部门整体绩效目标</h2>", "<h3>一、总体绩效目标</h3>", _paragraphs(g.overall_goal)]
    out.append("<h3>二、分项绩效目标</h3>")
    for n, s in enumerate(g.sub_goals, start=1):
        out.append(f"<h4>{s.number or n}、{escape(s.title)}</h4>")
        if s.goal:
            out.append(f"<p>绩效目标：{escape(s.goal)}</p>")
        if s.indicator_text:
            out.append(f"<p>绩效指标：{escape(s.indicator_text)}</p>")
    out.append("<h3>三、工作保障措施</h3>")
    out += [f"<p>（{escape(s.number)}）{escape(s.text)}</p>" for s in g.safeguards]
    return "\n".join(out)


def _cell(tag: str, text: str, marks: Sequence[tuple[int, str]] = (), span: str = "") -> str:
    severity = _worst(marks)
    cls = f' class="{severity}"' if severity else ""
    sup = "".join(f'<a class="mark {s}" href="#f{n}">{n}</a>' for n, s in marks)
    return f"<{tag}{span}{cls}>{escape(text)}{sup}</{tag}>"


def _worst(marks: Sequence[tuple[int, str]]) -> str:
    for severity in ("error", "warning", "info"):
        if any(s == severity for _, s in marks):
            return severity
    return ""


def _money(value: object) -> str:
    return "—" if value is None else f"{value:f}"


def _project(number: int, p: Project, marks: Marks) -> str:
    def m(field: str | None, row: int | None = None) -> Sequence[tuple[int, str]]:
        return marks.get((number, row, field), ())

    unit = " ".join(x for x in (p.unit_code, p.unit_name) if x)
    rows = [
        "<tr>"
        + _cell("th", "项目编码")
        + _cell("td", p.code, m("code"), ' colspan="2"')
        + _cell("th", "项目名称")
        + _cell("td", p.name, m("name"), ' colspan="2"')
        + "</tr>",
        "<tr>"
        + _cell("th", "预算规模及资金用途", span=' rowspan="2"')
        + _cell("th", "预算数")
        + _cell("td", _money(p.budget_total), m("budget_total"))
        + _cell("th", "其中：财政资金")
        + _cell("td", _money(p.budget_fiscal), m("budget_fiscal"))
        + _cell("td", f"其他资金：{_money(p.budget_other)}", m("budget_other"))
        + "</tr>",
        "<tr>" + _cell("td", p.purpose, m("purpose"), ' colspan="5"') + "</tr>",
    ]
    if p.spending_plan:
        spans = _spans(len(p.spending_plan), 5)
        plan_marks = m("spending_plan")
        rows.append(
            "<tr>"
            + _cell("th", "资金支出计划（%）", span=' rowspan="2"')
            + "".join(_cell("th", s.month, span=sp) for s, sp in zip(p.spending_plan, spans, strict=True))
            + "</tr>"
        )
        rows.append(
            "<tr>"
            + "".join(
                _cell("td", "" if s.percent is None else f"{s.percent:f}%", plan_marks if i == 0 else (), sp)
                for i, (s, sp) in enumerate(zip(p.spending_plan, spans, strict=True))
            )
            + "</tr>"
        )
    goals = " ".join(f"{n}.{g}" for n, g in enumerate(p.goals, start=1))
    rows.append("<tr>" + _cell("th", "绩效目标") + _cell("td", goals, m("goals"), ' colspan="5"') + "</tr>")
    rows.append(
        "<tr>"
        + "".join(
            _cell("th", h)
            for h in ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")
        )
        + "</tr>"
    )
    row_no = 0
    for level1, group in groupby(p.indicators, key=lambda i: i.level1):
        items = list(group)
        for k, ind in enumerate(items):
            row_no += 1
            first = _cell("th", level1, m("level1", row_no), f' rowspan="{len(items)}"') if k == 0 else ""
            rows.append(
                f'<tr id="p{number}r{row_no}">'
                + first
                + _cell("td", ind.level2, m("level2", row_no))
                + _cell("td", ind.level3, [*m(None, row_no), *m("level3", row_no)])
                + _cell("td", ind.description, m("description", row_no))
                + _cell("td", ind.value.raw, m("value", row_no))
                + _cell("td", ind.basis, m("basis", row_no))
                + "</tr>"
            )
    title = f'<h3 id="p{number}">{number}.{escape(p.display_title)}</h3>'
    unitline = (
        f'<div class="unitline"><span>{escape(unit)}</span><span>单位：{escape(p.money_unit)}</span></div>'
    )
    return f'{title}\n{unitline}\n<table class="project">\n' + "\n".join(rows) + "\n</table>"


def _spans(count: int, width: int) -> list[str]:
    """Colspans that spread ``count`` cells over ``width`` columns (the last ones take the rest)."""
    if count >= width or count == 0:
        return [""] * count
    base, extra = divmod(width, count)
    return [
        f' colspan="{base + (1 if i >= count - extra else 0)}"' if base > 1 or i >= count - extra else ""
        for i in range(count)
    ]
