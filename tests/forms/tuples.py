"""Compact tuples of what a record holds, for fixtures of every form to assert on."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import (
    AnyDocument,
    DepartmentTargets,
    Indicator,
    MonitoringReport,
    PerformanceDocument,
    SelfEvaluation,
)

Row = tuple[object, ...]


def _n(value: Decimal | None) -> str | None:
    """A number as a normalised string (``"13"`` for 13.00, ``"9.5"`` for 9.50), None for none."""
    if value is None:
        return None
    return format(value.normalize(), "f")


def indicator_rows(indicators: tuple[Indicator, ...]) -> list[Row]:
    """(一级, 二级, 三级, 指标值 as read, 权重) per indicator."""
    return [(i.level1, i.level2, i.level3, i.value.raw, _n(i.weight)) for i in indicators]


def target_projects(doc: PerformanceDocument) -> list[Row]:
    """(项目名称, 预算数 or the total derived from the fund lines, indicator rows) per project."""
    return [(p.name, _n(p.total_budget), indicator_rows(p.indicators)) for p in doc.projects]


def pairs(record: AnyDocument) -> list[tuple[str, str]]:
    """The (三级指标, 指标值) pairs of any record, in order."""
    if isinstance(record, PerformanceDocument):
        found = [(i.level3, i.value.raw) for p in record.projects for i in p.indicators]
        if record.department_table is not None:
            found += pairs(record.department_table)
        return found
    if isinstance(record, DepartmentTargets):
        return [(i.level3, i.value.raw) for i in record.indicators]
    return [(i.level3, i.target.raw) for p in record.projects for i in p.indicators]


def department(doc: DepartmentTargets) -> Row:
    """(单位名称, 资金 (label, amount) lines, 任务 (task, project, budget), indicator rows)."""
    return (
        doc.unit_name,
        [(f.label, _n(f.amount)) for f in doc.funds],
        [(t.task, t.project, _n(t.budget_total)) for t in doc.annual_tasks],
        indicator_rows(doc.indicators),
    )


def evaluation_projects(doc: SelfEvaluation) -> list[Row]:
    """(项目名称, 执行分值, 执行得分, 总分, rows of (三级, 指标值, 实际完成值, 分值, 得分)) per project."""
    return [
        (
            p.name,
            _n(p.execution_weight),
            _n(p.execution_score),
            _n(p.total_score),
            [
                (i.level3, i.target.raw, i.actual.raw if i.actual else "", _n(i.weight), _n(i.score))
                for i in p.indicators
            ],
        )
        for p in doc.projects
    ]


def evaluation_funds(doc: SelfEvaluation) -> list[list[Row]]:
    """Per project, (资金行, 年初预算数, 全年预算数, 全年执行数) per fund line."""
    return [
        [(f.name, _n(f.budget_initial), _n(f.budget_full_year), _n(f.executed)) for f in p.funds]
        for p in doc.projects
    ]


def monitoring_projects(doc: MonitoringReport) -> list[Row]:
    """(项目名称, rows of (一级, 三级, 指标值, 执行情况, 完成目标可能性)) per project."""
    return [
        (
            p.name,
            [
                (i.level1, i.level3, i.target.raw, i.progress.raw if i.progress else "", i.likelihood)
                for i in p.indicators
            ],
        )
        for p in doc.projects
    ]


def monitoring_funds(doc: MonitoringReport) -> list[list[Row]]:
    """Per project, (资金行, 年初预算数, 执行数, 全年预计执行数) per fund line."""
    return [
        [(f.name, _n(f.budget_initial), _n(f.executed), _n(f.forecast_executed)) for f in p.funds]
        for p in doc.projects
    ]
