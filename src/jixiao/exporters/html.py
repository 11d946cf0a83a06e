"""HTML rendering of a document in the official layout: cover, contents, part one, one table per project.

Cells can carry marks (finding numbers with a severity); the check report and, later, the web app use the
same rendering. ``write_html`` adds the print style (A4, 公文 margins, page breaks, fonts by their Chinese
names with Noto CJK fallbacks) and is what the PDF exporter renders. Everything is escaped; no script, no
outside resource.

The markup is also what the PDF importer reads back: the project tables have the rows and columns of the
text layout (7 grid columns: 项目编码 | code | · | 项目名称 | name | · | ·), headings and paragraphs come out
as the lines the assembler recognises, and text keeps its spaces at line ends (``white-space: pre-wrap``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from itertools import groupby

from jixiao.model import PerformanceDocument, Project

# (project, row or None, field or None) → [(number, severity), …]
Marks = Mapping[tuple[int | None, int | None, str | None], Sequence[tuple[int, str]]]

_SERIF = '"Noto Serif CJK SC","Source Han Serif SC","SimSun","Songti SC",serif'
_SANS = '"Noto Sans CJK SC","Source Han Sans SC","SimHei",sans-serif'

STYLE = f"""
body{{font-family:{_SERIF};margin:2em auto;max-width:1200px;color:#111;line-height:1.6}}
h1,h2,h3{{font-family:{_SANS}}}
h1{{text-align:center;font-size:1.6em}}h2{{font-size:1.3em;margin-top:2em}}h3{{font-size:1.1em;margin-top:1.6em}}
h2.part{{text-align:center;margin:1.6em 0 0}}h2.part+h2.part{{margin-top:.2em}}
.cover{{text-align:center;margin:2em 0 3em}}.cover p{{margin:.3em}}
.contents p{{margin:.2em 0}}.contents .page{{float:right;padding-left:1em}}
table.project{{border-collapse:collapse;width:100%;font-size:.92em;margin:.6em 0 1.4em}}
table.project th,table.project td{{border:1px solid #444;padding:.25em .45em;vertical-align:middle}}
table.project th{{background:#f2f2f2;font-weight:normal;white-space:nowrap}}
.unitline{{display:flex;justify-content:space-between;font-size:.92em}}
.mark{{font-size:.75em;vertical-align:super;margin-left:.15em;font-family:sans-serif;font-weight:bold}}
td.error,th.error{{background:#fde2e1}}td.warning,th.warning{{background:#fff4d6}}td.info,th.info{{background:#e8f1fb}}
.mark.error{{color:#b3261e}}.mark.warning{{color:#8a5a00}}.mark.info{{color:#1f5fa8}}
"""

# Fonts by the names a 公文 uses, each falling back to the Noto CJK fonts Debian ships (fonts-noto-cjk).
_FANGSONG = '"仿宋_GB2312","仿宋","FangSong","STFangsong","FandolFang","Noto Serif CJK SC",serif'
_SONGTI = '"宋体","SimSun","STSong","FandolSong","Noto Serif CJK SC",serif'
_HEITI = '"黑体","SimHei","STHeiti","FandolHei","Noto Sans CJK SC",sans-serif'
_XIAOBIAOSONG = '"方正小标宋简体","方正小标宋_GBK","华文中宋","STZhongsong","Noto Serif CJK SC",serif'

# The printed document (GB/T 9704 公文 layout): A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, body in
# 三号仿宋 with 22 lines a page, page numbers “— 1 —” in 四号 at the outer side, tables in 五号宋体.
# Text keeps its spaces where a line wraps (pre-wrap), so a PDF reads back into the same words.
PRINT_STYLE = f"""
@page{{size:A4;margin:37mm 26mm 35mm 28mm;
@bottom-right{{content:"— " counter(page) " —";font-family:{_SONGTI};font-size:14pt;vertical-align:top;
padding-top:7mm}}}}
@page :left{{@bottom-right{{content:none}}@bottom-left{{content:"— " counter(page) " —";
font-family:{_SONGTI};font-size:14pt;vertical-align:top;padding-top:7mm}}}}
@page :first{{@bottom-right{{content:none}}@bottom-left{{content:none}}}}
@page cover{{@bottom-right{{content:none}}@bottom-left{{content:none}}}}
html{{font-size:16pt}}
body{{font-family:{_FANGSONG};font-size:16pt;line-height:28.9pt;margin:0;max-width:none;color:#000}}
p,h1,h2,h3,h4,th,td,span{{white-space:pre-wrap;overflow-wrap:anywhere}}
p{{margin:0;text-indent:2em;text-align:left}}
h1,h2,h3,h4{{font-weight:normal;margin:0}}
.cover{{page:cover;margin:0;padding-top:40mm;text-align:center}}
.cover h1{{font-family:{_XIAOBIAOSONG};font-size:26pt;line-height:42pt;font-weight:bold}}
.cover p{{text-indent:0;margin:0;text-align:center}}
.cover .draft{{font-size:18pt;margin-top:10pt}}
.cover .by{{font-family:{_FANGSONG};font-size:16pt;margin-top:18pt}}
.cover .by+.by{{margin-top:6pt}}
.contents{{break-before:page}}
.contents h2{{font-family:{_HEITI};font-size:22pt;text-align:center;margin:0 0 20pt}}
.contents p{{text-indent:0;margin:0 0 14pt;display:flow-root}}.contents p.part{{font-family:{_HEITI}}}
.contents .page{{float:right;padding-left:1em}}
h2.part{{font-family:{_XIAOBIAOSONG};font-size:22pt;line-height:36pt;text-align:center;font-weight:bold;margin:0}}
h2.part.first{{break-before:page;margin-top:10pt}}h2.part+h2.part{{margin:0 0 20pt}}
h3{{font-family:{_HEITI};font-size:16pt;text-indent:2em;margin-top:10pt}}
h4{{font-family:"楷体_GB2312","楷体","KaiTi",{_FANGSONG};font-size:16pt;text-indent:2em;margin-top:8pt}}
section.project+section.project{{break-before:page}}
section.project h3{{font-family:{_HEITI};font-size:16pt;text-indent:0;margin:12pt 0 6pt;break-after:avoid}}
.unitline{{font-size:12pt;line-height:20pt;margin-bottom:4pt;break-after:avoid}}
table.project{{font-family:{_SONGTI};font-size:10.5pt;line-height:15pt;width:100%;table-layout:fixed;
border-collapse:collapse;margin:0}}
table.project th,table.project td{{border:.75pt solid #000;padding:3pt 4pt;vertical-align:middle;
background:none;text-align:left;white-space:pre-wrap}}
table.project th{{font-weight:normal;text-align:center}}
table.project tr{{break-inside:avoid}}
table.project tbody:first-of-type tr:first-child th:first-child+td{{font-size:9pt}}
table.project tbody.keep{{break-inside:avoid}}table.project tbody.head{{break-after:avoid}}
col.c0{{width:12%}}col.c1{{width:13%}}col.c2{{width:15%}}col.c3{{width:19%}}col.c4{{width:11%}}
col.c5{{width:15%}}col.c6{{width:15%}}
"""

_COLUMNS = '<colgroup><col class="c0"><col class="c1"><col class="c2"><col class="c3"><col class="c4"><col class="c5"><col class="c6"></colgroup>'
_GRID = 7  # grid columns of a project table, as in the text layout's budget row
_KEEP_ROWS = 8  # an 一级指标 group of up to this many rows is kept on one page


def render_document(doc: PerformanceDocument, marks: Marks | None = None) -> str:
    """The document's body as HTML: cover, part one and the project tables, cells marked."""
    return _body(doc, marks or {}, contents=False)


def write_html(doc: PerformanceDocument) -> str:
    """The document as a standalone, printable HTML page in the official layout."""
    year = f"{doc.fiscal_year} 年" if doc.fiscal_year else ""
    return page(f"{doc.unit_name or ''} {year}{doc.title}", _body(doc, {}, contents=True), PRINT_STYLE)


def page(title: str, body: str, extra_style: str = "") -> str:
    """A standalone HTML page with the shared style (and, after it, an extra style such as the print one)."""
    extra = f"<style>{extra_style}</style>" if extra_style else ""
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{STYLE}</style>{extra}'
        f"</head>\n<body>\n{body}\n</body></html>\n"
    )


def _body(doc: PerformanceDocument, marks: Marks, *, contents: bool) -> str:
    parts = [_cover(doc), _contents(doc) if contents else "", _part_one(doc)]
    if doc.projects:
        parts.append('<h2 class="part first">第二部分</h2><h2 class="part">预算项目绩效目标</h2>')
        parts += [_project(n, p, marks) for n, p in enumerate(doc.projects, start=1)]
    return "\n".join(p for p in parts if p)


def _cover(doc: PerformanceDocument) -> str:
    year = f"{doc.fiscal_year} 年" if doc.fiscal_year is not None else ""
    heading = [escape(x) for x in (doc.unit_name or "", year + doc.title) if x]
    lines = [f"<h1>{'<br>'.join(heading)}</h1>"]
    if doc.status == "draft":
        lines.append('<p class="draft">（草案）</p>')
    if doc.compiled_by:
        lines.append(f'<p class="by">{escape(doc.compiled_by)}编制</p>')
    if doc.reviewed_by:
        lines.append(f'<p class="by">{escape(doc.reviewed_by)}审核</p>')
    return '<section class="cover">' + "".join(lines) + "</section>"


def _contents(doc: PerformanceDocument) -> str:
    """The table of contents as written in the document (its page numbers are the document's own)."""
    if not doc.contents:
        return ""
    rows = []
    for entry in doc.contents:
        cls = ' class="part"' if entry.page is None else ""
        number = "" if entry.page is None else f'<span class="page">{entry.page}</span>'
        rows.append(f"<p{cls}>{escape(entry.title)}{number}</p>")
    return '<section class="contents"><h2>目 录</h2>' + "".join(rows) + "</section>"


def _paragraphs(text: str, first_prefix: str = "") -> str:
    """Paragraphs of a text (one per line), the first one led by a prefix such as ``绩效目标：``."""
    paras = [p for p in text.split("\n") if p.strip()]
    return "".join(f"<p>{escape(first_prefix if i == 0 else '')}{escape(p)}</p>" for i, p in enumerate(paras))


def _part_one(doc: PerformanceDocument) -> str:
    g = doc.department_goals
    if g.is_empty:
        return ""
    out = [
        '<h2 class="part first">第一部分</h2><h2 class="part">部门整体绩效目标</h2>',
        "<h3>一、总体绩效目标</h3>",
        _paragraphs(g.overall_goal),
        "<h3>二、分项绩效目标</h3>",
    ]
    for n, s in enumerate(g.sub_goals, start=1):
        out.append(f"<h4>{s.number if s.number is not None else n}、{escape(s.title)}</h4>")
        if s.goal:
            out.append(_paragraphs(s.goal, "绩效目标："))
        if s.indicator_text:
            out.append(_paragraphs(s.indicator_text, "绩效指标："))
    out.append("<h3>三、工作保障措施</h3>")
    out += [_paragraphs(s.text, f"（{s.number}）") for s in g.safeguards]
    return "\n".join(x for x in out if x)


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
    return "" if value is None else f"{value:f}"


def _project(number: int, p: Project, marks: Marks) -> str:
    def m(field: str | None, row: int | None = None) -> Sequence[tuple[int, str]]:
        return marks.get((number, row, field), ())

    rows = [
        "<tr>"
        + _cell("th", "项目编码")
        + _cell("td", p.code, m("code"), ' colspan="2"')
        + _cell("th", "项目名称")
        + _cell("td", p.name, m("name"), ' colspan="3"')
        + "</tr>",
        "<tr>"
        + _cell("th", "预算规模及资金用途", span=' rowspan="2"')
        + _cell("th", "预算数")
        + _cell("td", _money(p.budget_total), m("budget_total"))
        + _cell("th", "其中：财政资金")
        + _cell("td", _money(p.budget_fiscal), m("budget_fiscal"))
        + _cell("th", "其他资金")
        + _cell("td", _money(p.budget_other), m("budget_other"))
        + "</tr>",
        "<tr>" + _cell("td", p.purpose, m("purpose"), f' colspan="{_GRID - 1}"') + "</tr>",
    ]
    if p.spending_plan:
        spans = _spans(len(p.spending_plan), _GRID - 1)
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
    rows.append(
        "<tr>" + _cell("th", "绩效目标") + _cell("td", goals, m("goals"), f' colspan="{_GRID - 1}"') + "</tr>"
    )
    rows.append(
        "<tr>"
        + "".join(_cell("th", h) for h in ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"))
        + _cell("th", "指标值确定依据", span=' colspan="2"')
        + "</tr>"
    )
    # one row group per 一级指标, so that its merged cell does not run over a page break where it can be avoided
    groups = ['<tbody class="head">' + "\n".join(rows) + "</tbody>"]
    row_no = 0
    for level1, group in groupby(p.indicators, key=lambda i: i.level1):
        items = list(group)
        group_rows = []
        for k, ind in enumerate(items):
            row_no += 1
            first = _cell("th", level1, m("level1", row_no), f' rowspan="{len(items)}"') if k == 0 else ""
            group_rows.append(
                f'<tr id="p{number}r{row_no}">'
                + first
                + _cell("td", ind.level2, m("level2", row_no))
                + _cell("td", ind.level3, [*m(None, row_no), *m("level3", row_no)])
                + _cell("td", ind.description, m("description", row_no))
                + _cell("td", ind.value.raw, m("value", row_no))
                + _cell("td", ind.basis, m("basis", row_no), ' colspan="2"')
                + "</tr>"
            )
        keep = ' class="keep"' if len(items) <= _KEEP_ROWS else ""
        groups.append(f"<tbody{keep}>" + "\n".join(group_rows) + "</tbody>")
    title = f'<h3 id="p{number}">{number}.{escape(p.display_title)}</h3>'
    # as in the text layout: the unit's code and name only when the code is known, then the money unit
    unit = " ".join(x for x in (p.unit_code, p.unit_name) if x) if p.unit_code else ""
    unitline = (
        f'<div class="unitline"><span>{escape(unit)}</span><span>单位：{escape(p.money_unit)}</span></div>'
    )
    table = f'<table class="project">{_COLUMNS}\n' + "\n".join(groups) + "\n</table>"
    return f'<section class="project">{title}\n{unitline}\n{table}</section>'


def _spans(count: int, width: int) -> list[str]:
    """Colspans that put ``count`` cells over ``width`` columns: one column each, the last takes the rest.

    No gaps between the months: the assembler then reads each value under its month without a doubt.
    """
    if count >= width or count == 0:
        return [""] * count
    return [""] * (count - 1) + [f' colspan="{width - count + 1}"']
