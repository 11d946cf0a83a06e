"""The standalone HTML check report a reviewer reads and prints: grade, summary, the tables with marks, findings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from html import escape

from jixiao.check import Report
from jixiao.check.report_json import by_criterion
from jixiao.exporters.html import page, render_document
from jixiao.model import SEVERITY_LABELS, Finding, PerformanceDocument
from jixiao.rules import CRITERIA

REPORT_STYLE = """
.grade{border:2px solid #444;padding:.6em 1em;margin:1em 0;display:inline-block}
.grade b{font-size:1.6em;margin-right:.4em}
table.summary{border-collapse:collapse;margin:.6em 0}
table.summary th,table.summary td{border:1px solid #999;padding:.2em .7em;text-align:center}
ol.findings{font-size:.92em;padding-left:2.2em}ol.findings li{margin:.2em 0}
.sev{font-family:sans-serif;font-size:.8em;padding:0 .35em;border-radius:3px;margin-right:.3em}
.sev.error{background:#b3261e;color:#fff}.sev.warning{background:#e0a100;color:#fff}.sev.info{background:#1f5fa8;color:#fff}
.code{font-family:monospace;margin-right:.4em}.where{color:#555;font-size:.9em}.hint{color:#2d6a2d}
.project-block{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.2em;align-items:start}
@media print{.project-block{display:block}body{margin:0;max-width:none}a{color:inherit;text-decoration:none}
h3{break-before:auto}table.project{break-inside:auto}tr{break-inside:avoid}}
"""

Item = tuple[str, PerformanceDocument | None, Report | None, str | None]


def render_reports(items: Sequence[Item], profile: str) -> str:
    """One page for the reports of one or more files."""
    body = [_file_section(file, doc, report, error, profile) for file, doc, report, error in items]
    title = "审核报告" if len(items) != 1 else f"审核报告：{items[0][0]}"
    return page(title, f"<style>{REPORT_STYLE}</style>\n" + "\n<hr>\n".join(body))


def _file_section(
    file: str, doc: PerformanceDocument | None, report: Report | None, error: str | None, profile: str
) -> str:
    head = f"<h1>jixiao 审核报告</h1><p class='where'>文件：{escape(file)} · 配置：{escape(profile)}</p>"
    if report is None:
        return head + f"<p class='sev error'>无法读取</p><p>{escape(error or '')}</p>"
    numbers = {id(f): n for n, f in enumerate(report.findings, start=1)}
    if doc is None:  # a self-evaluation or monitoring report: the findings without the target tables
        listed = _findings(report.findings, numbers) or "<p class='hint'>没有发现问题。</p>"
        return "\n".join([head, _grade(report), _summary(report), listed])
    marks: dict[tuple[int | None, int | None, str | None], list[tuple[int, str]]] = defaultdict(list)
    per_project: dict[int | None, list[Finding]] = defaultdict(list)
    for f in report.findings:
        s = f.subject
        if s.project is not None:
            marks[(s.project, s.indicator, s.field)].append((numbers[id(f)], f.severity))
        per_project[s.project].append(f)
    parts = [head, _grade(report), _summary(report)]
    general = per_project.get(None, [])
    if general:
        parts.append("<h2>文本整体</h2>" + _findings(general, numbers))
    document = render_document(doc, marks)
    # put each project's findings beside its table
    for n in range(1, len(doc.projects) + 1):
        anchor = f'<h3 id="p{n}">'
        start = document.find(anchor)
        end = document.find("</table>", start) + len("</table>")
        if start < 0 or end < len("</table>"):
            continue
        block = document[start:end]
        side = _findings(per_project.get(n, []), numbers) or "<p class='hint'>本项目没有发现问题。</p>"
        document = (
            document[:start]
            + f'<div class="project-block"><div>{block}</div><aside>{side}</aside></div>'
            + document[end:]
        )
    parts.append(document)
    return "\n".join(parts)


def _grade(report: Report) -> str:
    g = report.grade
    if g is None:
        return ""
    reasons = "".join(f"<li>{escape(r)}</li>" for r in g.reasons)
    return f'<div class="grade"><b>{g.label}</b>建议审核结论：{escape(g.route)}<ul>{reasons}</ul></div>'


def _summary(report: Report) -> str:
    table = by_criterion(report.findings)
    head = (
        "<tr><th>审核要点</th>" + "".join(f"<th>{SEVERITY_LABELS[s]}</th>" for s in SEVERITY_LABELS) + "</tr>"
    )
    rows = [
        f"<tr><td>{CRITERIA.get(c, '其他')}</td>"
        + "".join(f"<td>{counts[s]}</td>" for s in SEVERITY_LABELS)
        + "</tr>"
        for c, counts in table.items()
    ]
    total = report.counts
    rows.append("<tr><th>合计</th>" + "".join(f"<th>{total[s]}</th>" for s in SEVERITY_LABELS) + "</tr>")
    return '<table class="summary">' + head + "".join(rows) + "</table>"


def _findings(findings: Sequence[Finding], numbers: dict[int, int]) -> str:
    if not findings:
        return ""
    items = []
    for f in findings:
        where = f.source.describe()
        hint = f'<br><span class="hint">建议：{escape(f.suggestion)}</span>' if f.suggestion else ""
        items.append(
            f'<li id="f{numbers[id(f)]}" value="{numbers[id(f)]}"><span class="sev {f.severity}">'
            f'{SEVERITY_LABELS[f.severity]}</span><span class="code">{f.code}</span>{escape(f.message)}'
            f"{f' <span class=where>（{escape(where)}）</span>' if where else ''}{hint}</li>"
        )
    return '<ol class="findings">' + "".join(items) + "</ol>"
