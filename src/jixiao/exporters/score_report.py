"""The score report of ``jixiao score``: every indicator's target, actual, weight, score and rule; totals; grades.

For a self-evaluation it is the recomputed 自评 (scores next to what was printed); for a monitoring report it
is the 双监控 view (execution rate against time progress and the plan, a light per indicator).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from jixiao.exporters.html import page
from jixiao.model import MonitoringReport, SelfEvaluation
from jixiao.scoring import ALERT_LABELS, EvaluationScore, ReportProgress
from jixiao.scoring._numbers import fmt

RULE_LABELS: dict[str, str] = {
    "positive": "正向",
    "negative": "反向",
    "equal": "等于",
    "range": "区间",
    "deadline": "时限",
    "qualitative": "定性",
    "unreadable": "无法计分",
}
FORMAT = "jixiao.score-report"


def _num(value: Decimal | None) -> str | None:
    return None if value is None else fmt(value)


# -- self-evaluation -------------------------------------------------------------------------------


def evaluation_to_dict(record: SelfEvaluation, result: EvaluationScore) -> dict[str, Any]:
    """The recomputed self-evaluation as plain data (numbers as strings)."""
    projects = []
    for score in result.projects:
        p = score.project
        fund = p.total_fund
        projects.append(
            {
                "code": p.code,
                "name": p.name,
                "execution": {
                    "budget": _num(None if fund is None else fund.budget_full_year or fund.budget_initial),
                    "executed": _num(None if fund is None else fund.executed),
                    "rate": _num(score.execution.execution_rate),
                    "weight": fmt(score.execution.weight),
                    "score": fmt(score.execution.score),
                    "printed_score": _num(p.execution_score),
                    "explanation": score.execution.explanation,
                },
                "indicators": [
                    {
                        "level1": row.level1,
                        "level2": row.level2,
                        "level3": row.level3,
                        "target": row.target.raw,
                        "actual": row.actual.raw if row.actual else "",
                        "weight": fmt(s.weight),
                        "score": fmt(s.score),
                        "printed_score": _num(row.score),
                        "rule": s.rule,
                        "over_achieved": s.over_achieved,
                        "explanation": s.explanation,
                    }
                    for row, s in zip(p.indicators, score.indicators, strict=True)
                ],
                "total": fmt(score.total),
                "printed_total": _num(p.total_score),
                "grade": score.grade,
                "grade_label": score.grade_label,
            }
        )
    return {
        "format": FORMAT,
        "kind": "self_evaluation",
        "unit_name": record.unit_name,
        "fiscal_year": record.fiscal_year,
        "profile": result.profile.name,
        "projects": projects,
    }


def _printed(value: Decimal | None, computed: Decimal) -> str:
    if value is None:
        return "（未填）"
    return "" if abs(value - computed) <= Decimal("0.1") else f"（填报 {fmt(value)}）"


def evaluation_text(record: SelfEvaluation, result: EvaluationScore) -> str:
    """The recomputed self-evaluation as text: one block per project, a line per indicator and its reason."""
    year = f"{record.fiscal_year} 年度" if record.fiscal_year else ""
    lines = [f"{record.unit_name or ''}{year}绩效自评得分（评分方案：{result.profile.title}）", ""]
    for n, score in enumerate(result.projects, start=1):
        p, ex = score.project, score.execution
        lines.append(f"项目 {n} {p.name}（{p.code}）")
        rate = f"{fmt(ex.execution_rate)}%" if ex.execution_rate is not None else "—"
        lines.append(
            f"  预算执行  执行率 {rate}  分值 {fmt(ex.weight)}  得分 {fmt(ex.score)}{_printed(p.execution_score, ex.score)}"
        )
        lines.append(f"      {ex.explanation}")
        lines.append("  序号  指标  年度指标值  实际完成值  分值  得分  规则")
        for r_no, (row, s) in enumerate(zip(p.indicators, score.indicators, strict=True), start=1):
            actual = row.actual.raw if row.actual and row.actual.raw else "（未填）"
            flag = "  超额" if s.over_achieved else ""
            lines.append(
                f"  {r_no:>4}  {row.level1}/{row.level2}/{row.level3}  {row.target.raw}  {actual}  {fmt(s.weight)}  "
                f"{fmt(s.score)}{_printed(row.score, s.score)}  {RULE_LABELS[s.rule]}{flag}"
            )
            lines.append(f"        {s.explanation}")
        lines.append(
            f"  总分 {fmt(score.total)}  等级 {score.grade_label}{_printed(p.total_score, score.total)}"
        )
        lines.append("")
    return "\n".join(lines)


_SCORE_STYLE = """
table.score{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0 1.2em}
table.score th,table.score td{border:1px solid #444;padding:.2em .4em;vertical-align:top}
table.score th{background:#f2f2f2;font-weight:normal}
td.num{text-align:right;white-space:nowrap}.why{color:#444;font-size:.88em}
.differs{background:#fde2e1}.total{font-weight:bold}
.light{display:inline-block;width:.9em;height:.9em;border-radius:50%;vertical-align:middle;margin-right:.3em}
.light.red{background:#c62828}.light.yellow{background:#f9a825}.light.green{background:#2e7d32}.light.blue{background:#1565c0}
@media print{body{margin:0;max-width:none}tr{break-inside:avoid}}
"""


def _cell_num(computed: Decimal, printed: Decimal | None) -> str:
    differs = printed is None or abs(printed - computed) > Decimal("0.1")
    note = "" if not differs else f"<br><small>填报：{'未填' if printed is None else fmt(printed)}</small>"
    return f"<td class='num{' differs' if differs else ''}'>{fmt(computed)}{note}</td>"


def evaluation_html(record: SelfEvaluation, result: EvaluationScore) -> str:
    """The recomputed self-evaluation as a printable page: a table per project, differences marked."""
    year = f"{record.fiscal_year} 年度" if record.fiscal_year else ""
    title = f"{record.unit_name or ''}{year}绩效自评得分"
    body = [f"<h1>{escape(title)}</h1><p class='why'>评分方案：{escape(result.profile.title)}</p>"]
    for n, score in enumerate(result.projects, start=1):
        p, ex = score.project, score.execution
        rate = f"{fmt(ex.execution_rate)}%" if ex.execution_rate is not None else "—"
        rows = [
            "<tr><th>序号</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th>"
            "<th>实际完成值</th><th>分值</th><th>得分</th><th>计分规则与说明</th></tr>",
            f"<tr><td></td><td colspan='5'>预算执行（执行率 {rate}）</td><td class='num'>{fmt(ex.weight)}</td>"
            f"{_cell_num(ex.score, p.execution_score)}<td class='why'>{escape(ex.explanation)}</td></tr>",
        ]
        for r_no, (row, s) in enumerate(zip(p.indicators, score.indicators, strict=True), start=1):
            actual = row.actual.raw if row.actual else ""
            rows.append(
                f"<tr><td class='num'>{r_no}</td><td>{escape(row.level1)}</td><td>{escape(row.level2)}</td>"
                f"<td>{escape(row.level3)}</td><td>{escape(row.target.raw)}</td><td>{escape(actual)}</td>"
                f"<td class='num'>{fmt(s.weight)}</td>{_cell_num(s.score, row.score)}"
                f"<td class='why'>{RULE_LABELS[s.rule]}：{escape(s.explanation)}</td></tr>"
            )
        rows.append(
            f"<tr class='total'><td colspan='6'>总分（等级：{score.grade_label}）</td>"
            f"<td class='num'>{fmt(score.weight_total)}</td>{_cell_num(score.total, p.total_score)}<td></td></tr>"
        )
        body.append(f"<h2>{n}. {escape(p.name)}</h2><table class='score'>{''.join(rows)}</table>")
    return page(title, "\n".join(body), _SCORE_STYLE)


# -- monitoring ------------------------------------------------------------------------------------


def progress_to_dict(record: MonitoringReport, result: ReportProgress) -> dict[str, Any]:
    """The monitoring view as plain data: rates per project, a light per indicator."""
    return {
        "format": FORMAT,
        "kind": "monitoring",
        "unit_name": record.unit_name,
        "fiscal_year": record.fiscal_year,
        "month": record.month,
        "profile": result.profile.name,
        "projects": [
            {
                "code": pr.project.code,
                "name": pr.project.name,
                "time_progress": fmt(pr.time_progress),
                "execution_rate": _num(pr.execution_rate),
                "forecast_rate": _num(pr.forecast_rate),
                "plan_percent": _num(pr.plan_percent),
                "plan_month": pr.plan_month,
                "behind": pr.behind(result.profile.execution_gap),
                "explanation": pr.explanation,
                "indicators": [
                    {
                        "level1": row.level1,
                        "level2": row.level2,
                        "level3": row.level3,
                        "target": row.target.raw,
                        "progress": row.progress.raw if row.progress else "",
                        "likelihood": row.likelihood,
                        "alert": lit.alert,
                        "ratio": _num(lit.ratio),
                        "explanation": lit.explanation,
                    }
                    for row, lit in zip(pr.project.indicators, pr.lights, strict=True)
                ],
            }
            for pr in result.projects
        ],
    }


def progress_text(record: MonitoringReport, result: ReportProgress) -> str:
    """The monitoring view as text: rates per project, a light per indicator with why."""
    year = f"{record.fiscal_year} 年" if record.fiscal_year else ""
    lines = [
        f"{record.unit_name or ''}{year}绩效运行监控（{record.period}，评分方案：{result.profile.title}）",
        "",
    ]
    for n, pr in enumerate(result.projects, start=1):
        lines.append(f"项目 {n} {pr.project.name}（{pr.project.code}）")
        lines.append(f"  {pr.explanation}")
        behind = pr.behind(result.profile.execution_gap)
        if behind:
            lines.append(f"  ！执行进度落后于{'、'.join(behind)}")
        for r_no, (row, lit) in enumerate(zip(pr.project.indicators, pr.lights, strict=True), start=1):
            done = row.progress.raw if row.progress and row.progress.raw else "（未填）"
            colour = ALERT_LABELS[lit.alert] if lit.alert else "不亮灯"
            lines.append(
                f"  {r_no:>4}  {row.level3}  目标 {row.target.raw}  执行 {done}  {colour}  "
                f"可能性 {row.likelihood or '（未填）'}"
            )
            lines.append(f"        {lit.explanation}")
        lines.append("")
    return "\n".join(lines)


def progress_html(record: MonitoringReport, result: ReportProgress) -> str:
    """The monitoring view as a printable page with coloured lights."""
    year = f"{record.fiscal_year} 年" if record.fiscal_year else ""
    title = f"{record.unit_name or ''}{year}绩效运行监控（{record.period}）"
    body = [f"<h1>{escape(title)}</h1><p class='why'>评分方案：{escape(result.profile.title)}</p>"]
    for n, pr in enumerate(result.projects, start=1):
        rows = [
            "<tr><th>序号</th><th>三级指标</th><th>指标值</th><th>执行情况</th><th>预警</th>"
            "<th>完成目标可能性</th><th>说明</th></tr>"
        ]
        for r_no, (row, lit) in enumerate(zip(pr.project.indicators, pr.lights, strict=True), start=1):
            colour = f"<span class='light {lit.alert}'></span>{ALERT_LABELS[lit.alert]}" if lit.alert else "—"
            rows.append(
                f"<tr><td class='num'>{r_no}</td><td>{escape(row.level3)}</td><td>{escape(row.target.raw)}</td>"
                f"<td>{escape(row.progress.raw if row.progress else '')}</td><td>{colour}</td>"
                f"<td>{escape(row.likelihood)}</td><td class='why'>{escape(lit.explanation)}</td></tr>"
            )
        body.append(
            f"<h2>{n}. {escape(pr.project.name)}</h2><p>{escape(pr.explanation)}</p>"
            f"<table class='score'>{''.join(rows)}</table>"
        )
    return page(title, "\n".join(body), _SCORE_STYLE)
