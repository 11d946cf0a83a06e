"""The assembler of 自评表 and 监控表: a layout (lines and tables) becomes a SelfEvaluation or MonitoringReport.

Before the tables stand the main title (``2024 年项目支出绩效自评表``, a monitoring report's with ``（1–7月）``),
``填报单位：``, ``依据绩效目标：`` and ``评分方案：`` lines; every project's table has its title line above it. A
project starts at a table whose first row is 项目名称 (or 项目编码, 主管部门 …), or at such a row after the
last project's head; a table without one continues the last project (a table split over pages). The project
summary table that jixiao's XLSX writes (序号 | 项目编码 | 项目名称 …) repeats the project tables and is skipped.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.importers.assemble.context import Context
from jixiao.importers.cleanup import label_key
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import Layout, Row, Table, TextLine
from jixiao.importers.tracking.cover import (
    Title,
    is_table_title,
    labelled,
    read_targets,
    read_title,
    split_unit,
    starts_with_year,
)
from jixiao.importers.tracking.labels import (
    GRADE_LABELS,
    HEAD_LABELS,
    KIND_LABELS,
    MONITORING_FOOTERS,
    NOT_KEPT_FOOTERS,
    Kind,
    row_label,
)
from jixiao.importers.tracking.table import ProjectDraft, ProjectTableReader, RowDraft
from jixiao.model import (
    EvaluatedIndicator,
    Finding,
    IndicatorValue,
    MonitoredIndicator,
    MonitoringReport,
    ProjectEvaluation,
    ProjectMonitoring,
    SelfEvaluation,
    Subject,
    TargetsRef,
    parse_value,
)

_ROW_LABEL_STARTS = ("总分", "自评总分", "年度总体目标", "资金支出计划", "项目资金")
_DEFAULT_PROFILE = "central"


def _is_row_label(text: str) -> bool:
    """A line that is a table's row label standing alone (a spreadsheet row with one filled cell)."""
    key = row_label(text)
    return (
        key in HEAD_LABELS
        or key in MONITORING_FOOTERS
        or key in NOT_KEPT_FOOTERS
        or key in GRADE_LABELS
        or key.startswith(_ROW_LABEL_STARTS)
    )


def _is_summary(table: Table) -> bool:
    """The summary table of jixiao's XLSX: a header of 序号, 项目编码 or 项目名称 …, one row per project."""
    first = next((r for r in table.rows if not r.is_blank), None)
    if first is None:
        return False
    keys = {label_key(c) for c in first.cells}
    return "序号" in keys and bool(keys & {"项目名称", "项目编码"})


def _starts_project(table: Table) -> bool:
    first = next((r for r in table.rows if not r.is_blank), None)
    return first is not None and row_label(first.cell(0)) in HEAD_LABELS


class _Assembler:
    def __init__(self, layout: Layout, kind: Kind) -> None:
        self.layout = layout
        self.kind = kind
        self.ctx = Context(layout.file)
        self.readers: list[ProjectTableReader] = []
        self.title: Title | None = None
        self.unit: tuple[str | None, str | None] = (None, None)
        self.targets = TargetsRef()
        self.profile = _DEFAULT_PROFILE
        self.money_unit: str | None = None
        self.table_month: int | None = None

    def run(self) -> tuple[SelfEvaluation | MonitoringReport, list[Finding]]:
        blocks = self.layout.blocks
        for index, block in enumerate(blocks):
            if isinstance(block, Table):
                self._table(block)
            else:
                self._line(block, index)
        for reader in self.readers:
            reader.finish_carry_report()
            self._report_incomplete(reader.draft)
        if not self.readers and self.title is None:
            raise UnreadableError(
                f"没有找到{KIND_LABELS[self.kind]}的内容（项目名称、项目资金、绩效指标等栏目）。"
                "这可能不是该类表格，或者版式暂不支持。",
                self.layout.file,
            )
        return self._record(), self.ctx.findings

    # -- lines --------------------------------------------------------------------------------------
    def _line(self, line: TextLine, index: int) -> None:
        text = line.text.strip()
        src = self.ctx.source(line.line, line.page, text)
        if lab := labelled(text):
            if lab.label == "填报单位":
                self.unit = split_unit(lab.value)
            elif lab.label == "依据绩效目标":
                self.targets = read_targets(lab.value)
            elif lab.label == "评分方案":
                self.profile = lab.value or _DEFAULT_PROFILE
            else:
                self.money_unit = lab.value
            return
        if self.readers and _is_row_label(text):
            row = Row((text,), line.line, line.page)
            self.readers[-1].row(Table((row,), 0, line.page), 0, row)
            return
        before_table = self._next_is_project_table(index)
        if not self.readers and self.title is None and (not before_table or starts_with_year(text)):
            self.title = read_title(text)
        elif is_table_title(text):
            month = read_title(text).month
            if month is not None:
                self.table_month = self.table_month or month
        elif not self.readers:
            self.ctx.report("P10", f"表格前的“{text[:40]}”无法识别，已忽略；请核对标题和填报单位。", src)
        else:
            self.ctx.report(
                "P07",
                f"第 {line.line} 行“{text[:40]}”不在任何表格之中，也不是表格标题，已跳过；请核对它属于哪个项目。",
                src,
            )

    def _next_is_project_table(self, index: int) -> bool:
        """True when the next block (after 单位： lines) is a project's table, not a summary or a line."""
        for block in self.layout.blocks[index + 1 :]:
            if isinstance(block, Table):
                return not _is_summary(block)
            if labelled(block.text) is None:
                return False
        return False

    # -- tables -------------------------------------------------------------------------------------
    def _table(self, table: Table) -> None:
        if _is_summary(table):
            return
        start: int | None = 0
        if self.readers and not _starts_project(table):
            start = self.readers[-1].read(table, 0)
        while start is not None:
            first = table.rows[start]
            draft = ProjectDraft(
                len(self.readers) + 1,
                self.ctx.source(first.line, first.page),
                self.money_unit,
            )
            reader = ProjectTableReader(self.ctx, self.kind, draft)
            self.readers.append(reader)
            self.money_unit = None
            start = reader.read(table, start)

    def _report_incomplete(self, draft: ProjectDraft) -> None:
        missing = []
        if not draft.texts.get("name") and not draft.texts.get("code"):
            missing.append("项目名称和项目编码")
        if not draft.has_money:
            missing.append("项目资金表头（年初预算数、执行数等）")
        if not draft.has_header:
            missing.append("指标表头")
        elif not draft.rows:
            missing.append("指标行")
        if missing:
            what = "自评表" if self.kind == "self_evaluation" else "监控表"
            self.ctx.report(
                "P09",
                f"{draft.label}的{what}不完整：缺少" + "、".join(missing) + "。表格可能被截断或版式不同。",
                draft.source,
                Subject(project=draft.number),
                suggestion=f"核对原文件，补全该项目的{what}。",
            )

    # -- the record ---------------------------------------------------------------------------------
    def _record(self) -> SelfEvaluation | MonitoringReport:
        title = self.title or Title(None, "", None)
        unit_name, unit_code = self.unit
        if self.kind == "self_evaluation":
            return SelfEvaluation(
                unit_code=unit_code,
                unit_name=unit_name,
                fiscal_year=title.year,
                title=title.title or SelfEvaluation.title,
                targets=self.targets,
                scoring_profile=self.profile,
                projects=tuple(_evaluation(r.draft) for r in self.readers),
                source=self.ctx.source(None),
            )
        return MonitoringReport(
            unit_code=unit_code,
            unit_name=unit_name,
            fiscal_year=title.year,
            month=self._month(title),
            title=title.title or MonitoringReport.title,
            targets=self.targets,
            scoring_profile=self.profile,
            projects=tuple(_monitoring(r.draft) for r in self.readers),
            source=self.ctx.source(None),
        )

    def _month(self, title: Title) -> int:
        months = [title.month, self.table_month, *(r.draft.month for r in self.readers)]
        month = next((m for m in months if m is not None), None)
        if month is None:
            self.ctx.report(
                "P10",
                f"没有找到监控期间（标题或表头中的“1–m月”），按 1–{MonitoringReport.month}月读取；"
                "请在标题后注明监控期间，如“（1–7月）”。",
                self.ctx.source(None),
            )
            return MonitoringReport.month
        return month


def _value(text: str | None) -> IndicatorValue | None:
    return parse_value(text) if text else None


def _decimal(numbers: dict[str, Decimal | None], name: str) -> Decimal | None:
    return numbers.get(name)


def _evaluated(r: RowDraft) -> EvaluatedIndicator:
    t = r.texts
    return EvaluatedIndicator(
        level1=t.get("level1", ""),
        level2=t.get("level2", ""),
        level3=t.get("level3", ""),
        target=parse_value(t.get("target", "")),
        actual=_value(t.get("actual")),
        weight=r.numbers.get("weight"),
        score=r.numbers.get("score"),
        deviation_reason=t.get("deviation_reason", ""),
        corrective_action=t.get("corrective_action", ""),
        source=r.source,
        cell_sources=tuple(r.cell_sources.items()),
    )


def _monitored(r: RowDraft) -> MonitoredIndicator:
    t = r.texts
    return MonitoredIndicator(
        level1=t.get("level1", ""),
        level2=t.get("level2", ""),
        level3=t.get("level3", ""),
        target=parse_value(t.get("target", "")),
        progress=_value(t.get("progress")),
        likelihood=t.get("likelihood", ""),
        deviation_category=t.get("deviation_category", ""),
        deviation_reason=t.get("deviation_reason", ""),
        corrective_action=t.get("corrective_action", ""),
        note=t.get("note", ""),
        source=r.source,
        cell_sources=tuple(r.cell_sources.items()),
    )


def _evaluation(d: ProjectDraft) -> ProjectEvaluation:
    t = d.texts
    return ProjectEvaluation(
        code=t.get("code", ""),
        name=t.get("name", ""),
        department=t.get("department", ""),
        implementing_unit=t.get("implementing_unit", ""),
        money_unit=d.money_unit,
        funds=tuple(d.funds),
        execution_weight=_decimal(d.numbers, "execution_weight"),
        execution_score=_decimal(d.numbers, "execution_score"),
        execution_reason=t.get("execution_reason", ""),
        overall_goal=t.get("overall_goal", ""),
        achieved=t.get("achieved", ""),
        indicators=tuple(_evaluated(r) for r in d.rows),
        total_score=_decimal(d.numbers, "total_score"),
        grade=t.get("grade", ""),
        source=d.source,
        cell_sources=tuple(d.cell_sources.items()),
    )


def _monitoring(d: ProjectDraft) -> ProjectMonitoring:
    t = d.texts
    return ProjectMonitoring(
        code=t.get("code", ""),
        name=t.get("name", ""),
        department=t.get("department", ""),
        implementing_unit=t.get("implementing_unit", ""),
        money_unit=d.money_unit,
        funds=tuple(d.funds),
        spending_plan=tuple(d.spending_plan),
        indicators=tuple(_monitored(r) for r in d.rows),
        deviation_reason=t.get("deviation_reason", ""),
        corrective_action=t.get("corrective_action", ""),
        source=d.source,
        cell_sources=tuple(d.cell_sources.items()),
    )


def assemble_tracking(layout: Layout, kind: Kind) -> tuple[SelfEvaluation | MonitoringReport, list[Finding]]:
    """Turn a layout into a self-evaluation or a monitoring report and the findings. Raises UnreadableError."""
    if kind == "targets":
        raise ValueError("assemble_tracking reads self-evaluations and monitoring reports only")
    return _Assembler(layout, kind).run()
