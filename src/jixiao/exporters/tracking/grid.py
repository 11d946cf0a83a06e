"""The 自评表 and 监控表 of every project as a neutral grid: cells with spans and vertical merges.

One grid per project feeds the text, DOCX and XLSX writers alike, so the three formats hold the same cells
in the same columns and the importer reads each of them back into an equal record. A merged cell keeps its
text in its first column (and first row); the cells it covers are blank, as every extractor gives them.

The 自评表 follows SPEC §6.2 (the central template of 财预〔2020〕10号 as Anhui, Langfang and Sichuan print it);
the 监控表 the Huangshi table of SPEC §5 with the central columns for 1–m月 progress. Scores, weights and
totals are printed as the record holds them; only the 执行率 is worked out, from the two amounts beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from jixiao.exporters.grids.cells import (
    GridCell,
    GridDocument,
    GridTable,
    amount,
    continued,
    label,
    lines_text,
    percent,
    value_text,
)
from jixiao.model import (
    FundLine,
    MonitoringReport,
    ProjectEvaluation,
    ProjectMonitoring,
    SelfEvaluation,
    TargetsRef,
)

ACTION_MARK = "改进措施："  # separates 偏差原因分析 from 改进措施 in the combined cell of the 自评表
FULL_MARKS = "100"  # the 分值 printed in the 总分 row of the official form
DEFAULT_PROFILE = "central"

# column widths in millimetres on a landscape A4 page (243 mm between the margins)
EVALUATION_WIDTHS_MM = (18.0, 28.0, 24.0, 36.0, 26.0, 26.0, 14.0, 14.0, 57.0)
MONITORING_WIDTHS_MM = (18.0, 24.0, 19.0, 28.0, 20.0, 20.0, 17.0, 19.0, 28.0, 28.0, 22.0)


def reason_text(reason: str, action: str, separator: str = "\n") -> str:
    """The 偏差原因分析及改进措施 cell: the reason, then ``改进措施：`` and the action when there is one."""
    reason, action = reason.strip(), action.strip()
    if not action:
        return reason
    return f"{reason}{separator}{ACTION_MARK}{action}" if reason else f"{ACTION_MARK}{action}"


def execution_rate(line: FundLine | None) -> Decimal | None:
    """执行率 in % to two places: executed ÷ full-year budget (the initial budget when no full-year one)."""
    if line is None or line.executed is None:
        return None
    base = line.budget_full_year if line.budget_full_year is not None else line.budget_initial
    if not base:
        return None
    return (line.executed * 100 / base).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def unit_text(name: str | None, code: str | None) -> str:
    """A unit as ``巨鹿县总工会（711001）``."""
    return f"{name or ''}（{code}）" if code else name or ""


def targets_text(ref: TargetsRef) -> str:
    """The reference to the approved targets: ``巨鹿县总工会（711001）2024 年《…》（校验码 …）``; '' for none."""
    who = unit_text(ref.unit_name, ref.unit_code)
    year = f"{ref.fiscal_year} 年" if ref.fiscal_year is not None else ""
    title = f"《{ref.title}》" if ref.title else ""
    what = year + title
    check = f"（校验码 {ref.fingerprint}）" if ref.fingerprint else ""
    return who + (" " if who and what and not who.endswith("）") else "") + what + check


def title_line(record: SelfEvaluation | MonitoringReport) -> str:
    """The record's main title: ``2024 年项目支出绩效自评表``, a monitoring report's with ``（1–7月）``."""
    year = f"{record.fiscal_year} 年" if record.fiscal_year is not None else ""
    period = f"（{record.period}）" if isinstance(record, MonitoringReport) else ""
    return f"{year}{record.title}{period}"


def cover_lines(record: SelfEvaluation | MonitoringReport) -> list[str]:
    """The lines under the main title: 填报单位, the approved targets followed, a scoring profile other than central."""
    lines = []
    if record.unit_name or record.unit_code:
        lines.append(f"填报单位：{unit_text(record.unit_name, record.unit_code)}")
    if ref := targets_text(record.targets):
        lines.append(f"依据绩效目标：{ref}")
    if record.scoring_profile != DEFAULT_PROFILE:
        lines.append(f"评分方案：{record.scoring_profile}")
    return lines


def table_title(
    project: ProjectEvaluation | ProjectMonitoring, record: SelfEvaluation | MonitoringReport
) -> str:
    """``<项目名称>绩效自评表`` or ``<项目名称>绩效运行监控表（1–7月）``."""
    if isinstance(record, MonitoringReport):
        return f"{project.name}绩效运行监控表（{record.period}）"
    return f"{project.name}绩效自评表"


def _level1_merges(level1s: Sequence[str]) -> list[str]:
    """Each row's vertical merge of the 一级指标 column: a run of equal labels is one merged cell."""
    merges = []
    for i, text in enumerate(level1s):
        merges.append("continue" if i > 0 and text == level1s[i - 1] else "restart")
    return merges


def _kind_rows(p: ProjectEvaluation | ProjectMonitoring, left: int, right: int) -> list[list[GridCell]]:
    """项目属性 and 项目类别 when the record has them, on one row."""
    if not (p.attribute or p.category):
        return []
    return [[label("项目属性"), GridCell(p.attribute, left), label("项目类别"), GridCell(p.category, right)]]


def _funds_rows(
    funds: Sequence[FundLine], money_unit: str, header: list[GridCell], row_of: dict[int, list[GridCell]]
) -> list[list[GridCell]]:
    rows = [[label(f"项目资金（{money_unit}）", merge="restart"), label(""), *header]]
    for i in range(len(funds)):
        rows.append([continued(), GridCell(funds[i].name, align="center"), *row_of[i]])
    return rows


# -- the 自评表 ------------------------------------------------------------------------------------


def evaluation_table(project: ProjectEvaluation, record: SelfEvaluation) -> GridTable:
    """The 自评表 of one project on a 9-column grid, merged cells as in SPEC §6.2."""
    p = project
    total = p.total_fund
    header = [
        label(h) for h in ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "偏差原因")
    ]
    dash = GridCell("—", align="center")
    row_of: dict[int, list[GridCell]] = {}
    for i, line in enumerate(p.funds):
        money = [amount(line.budget_initial), amount(line.budget_full_year), amount(line.executed)]
        if line is total:
            row_of[i] = [
                *money,
                amount(p.execution_weight),
                percent(execution_rate(line)),
                amount(p.execution_score),
                GridCell(p.execution_reason),
            ]
        else:
            row_of[i] = [*money, dash, dash, dash, GridCell()]
    rows: list[list[GridCell]] = [
        [label("项目名称"), GridCell(p.name, 4), label("项目编码"), GridCell(p.code, 3)],
        [label("主管部门"), GridCell(p.department, 4), label("实施单位"), GridCell(p.implementing_unit, 3)],
        *_kind_rows(p, 4, 3),
        *_funds_rows(p.funds, p.money_unit, header, row_of),
        [label("年度总体目标", merge="restart"), label("预期目标", 4), label("实际完成情况", 4)],
        [continued(), GridCell(lines_text(p.overall_goal), 4), GridCell(lines_text(p.achieved), 4)],
        [
            label("绩效指标", merge="restart"),
            *(
                label(h)
                for h in (
                    "一级指标",
                    "二级指标",
                    "三级指标",
                    "年度指标值",
                    "实际完成值",
                    "分值",
                    "得分",
                    "偏差原因分析及改进措施",
                )
            ),
        ],
    ]
    merges = _level1_merges([i.level1 for i in p.indicators])
    for ind, merge in zip(p.indicators, merges, strict=True):
        rows.append(
            [
                continued(),
                GridCell(ind.level1 if merge == "restart" else "", merge=merge, align="center"),
                GridCell(ind.level2, align="center"),
                GridCell(ind.level3),
                GridCell(value_text(ind.target), align="center"),
                GridCell(value_text(ind.actual), align="center"),
                amount(ind.weight),
                amount(ind.score),
                GridCell(reason_text(ind.deviation_reason, ind.corrective_action)),
            ]
        )
    grade = f"自评等级：{p.grade}" if p.grade else ""
    rows.append(
        [label("总分", 6), GridCell(FULL_MARKS, align="right"), amount(p.total_score), GridCell(grade)]
    )
    rows += [[label(name), GridCell(text, 8)] for name, text in p.details]
    return GridTable(table_title(p, record), EVALUATION_WIDTHS_MM, tuple(tuple(r) for r in rows))


def self_evaluation_tables(record: SelfEvaluation) -> list[GridTable]:
    """The 自评表 of every project, in order."""
    return [evaluation_table(p, record) for p in record.projects]


# -- the 监控表 ------------------------------------------------------------------------------------


def monitoring_table(project: ProjectMonitoring, record: MonitoringReport) -> GridTable:
    """The 监控表 of one project on an 11-column grid: money to date, spending plan, indicator progress."""
    p = project
    period = record.period
    total = p.total_fund
    extra = 1 if any(i.forecast is not None for i in p.indicators) else 0  # a 全年预计完成情况 column
    header = [
        label("年初预算数", 2),
        label("全年预算数", 2),
        label(f"{period}执行数", 2),
        label("执行率"),
        label("全年预计执行数", 2 + extra),
    ]
    row_of = {
        i: [
            amount(line.budget_initial, 2),
            amount(line.budget_full_year, 2),
            amount(line.executed, 2),
            percent(execution_rate(line)) if line is total else GridCell("—", align="center"),
            amount(line.forecast_executed, 2 + extra),
        ]
        for i, line in enumerate(p.funds)
    }
    rows: list[list[GridCell]] = [
        [label("项目名称"), GridCell(p.name, 5), label("项目编码"), GridCell(p.code, 4 + extra)],
        [
            label("主管部门"),
            GridCell(p.department, 5),
            label("执行单位"),
            GridCell(p.implementing_unit, 4 + extra),
        ],
        *_kind_rows(p, 5, 4 + extra),
        *_funds_rows(p.funds, p.money_unit, header, row_of),
    ]
    if p.spending_plan:
        spans = _spread(len(p.spending_plan), 10 + extra)
        rows.append(
            [
                label("资金支出计划（%）", merge="restart"),
                *(label(s.month, n) for s, n in zip(p.spending_plan, spans, strict=True)),
            ]
        )
        rows.append(
            [
                continued(),
                *(
                    GridCell(
                        "" if s.percent is None else f"{s.percent:f}%",
                        n,
                        align="center",
                        number=s.percent,
                        percent=True,
                    )
                    for s, n in zip(p.spending_plan, spans, strict=True)
                ),
            ]
        )
    heads = (
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        f"{period}执行情况",
        *(("全年预计完成情况",) if extra else ()),
        "完成目标可能性",
        "偏差原因类别",
        "原因分析",
        "改进措施",
        "备注",
    )
    rows.append([label("绩效指标", merge="restart"), *(label(h) for h in heads)])
    merges = _level1_merges([i.level1 for i in p.indicators])
    for ind, merge in zip(p.indicators, merges, strict=True):
        rows.append(
            [
                continued(),
                GridCell(ind.level1 if merge == "restart" else "", merge=merge, align="center"),
                GridCell(ind.level2, align="center"),
                GridCell(ind.level3),
                GridCell(value_text(ind.target), align="center"),
                GridCell(value_text(ind.progress), align="center"),
                *((GridCell(value_text(ind.forecast), align="center"),) if extra else ()),
                GridCell(ind.likelihood, align="center"),
                GridCell(ind.deviation_category, align="center"),
                GridCell(ind.deviation_reason),
                GridCell(ind.corrective_action),
                GridCell(ind.note),
            ]
        )
    rows.append([label("偏差或不能完成目标原因分析", 2), GridCell(lines_text(p.deviation_reason), 9 + extra)])
    rows.append([label("相关建议或举措", 2), GridCell(lines_text(p.corrective_action), 9 + extra)])
    rows += [[label(name, 2), GridCell(text, 9 + extra)] for name, text in p.details]
    widths = (
        MONITORING_WIDTHS_MM if not extra else (*MONITORING_WIDTHS_MM[:6], 20.0, *MONITORING_WIDTHS_MM[6:])
    )
    return GridTable(table_title(p, record), widths, tuple(tuple(r) for r in rows))


def monitoring_tables(record: MonitoringReport) -> list[GridTable]:
    """The 监控表 of every project, in order."""
    return [monitoring_table(p, record) for p in record.projects]


def _spread(count: int, columns: int) -> list[int]:
    """Spans of ``count`` cells over ``columns`` columns: one column each, the last one taking the rest."""
    if count >= columns:
        return [1] * count
    return [1] * (count - 1) + [columns - (count - 1)]


def tables_of(record: SelfEvaluation | MonitoringReport) -> list[GridTable]:
    """The project tables of either record."""
    if isinstance(record, SelfEvaluation):
        return self_evaluation_tables(record)
    return monitoring_tables(record)


def tracking_document(record: SelfEvaluation | MonitoringReport) -> GridDocument:
    """The record as a grid document: title, 填报单位 and targets lines, one table per project."""
    projects: tuple[ProjectEvaluation | ProjectMonitoring, ...] = record.projects
    return GridDocument(
        title=title_line(record),
        lines=tuple(cover_lines(record)),
        tables=tuple(tables_of(record)),
        properties=(
            (
                "subject",
                f"依据绩效目标：{targets_text(record.targets)}" if targets_text(record.targets) else "",
            ),
            ("keywords", record.targets.fingerprint),
            ("category", "绩效自评表" if isinstance(record, SelfEvaluation) else "绩效运行监控表"),
            ("author", record.unit_name or ""),
        ),
        sheets=tuple(f"{n}.{p.name}" if p.name else f"项目{n}" for n, p in enumerate(projects, start=1)),
    )
