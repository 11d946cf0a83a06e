"""The pure domain model of jixiao: frozen records, the 指标值 grammar, findings. No I/O, no other jixiao."""

from jixiao.model.findings import (
    SEVERITIES,
    SEVERITY_LABELS,
    Finding,
    Severity,
    Source,
    Subject,
    count_by_severity,
)
from jixiao.model.indicator_value import DOUBTS, OPERATORS, VALUE_KINDS, IndicatorValue, Operator, ValueKind
from jixiao.model.monitoring import MonitoredIndicator, MonitoringReport, ProjectMonitoring
from jixiao.model.records import (
    FRAMEWORK_VERSIONS,
    PERIOD_LABELS,
    PERIODS,
    STATUS_LABELS,
    STATUSES,
    AnnualTask,
    ContentsEntry,
    DepartmentGoals,
    DepartmentTargets,
    Direction,
    FormRef,
    FrameworkVersion,
    FundSource,
    Indicator,
    PerformanceDocument,
    Period,
    Project,
    Safeguard,
    SpendingPoint,
    Status,
    SubGoal,
    derived_total,
    form_has,
)
from jixiao.model.self_evaluation import EvaluatedIndicator, ProjectEvaluation, SelfEvaluation
from jixiao.model.tracking import FundLine, TargetsRef, fingerprint, targets_ref
from jixiao.model.value_grammar import format_value, parse_value

# Any document of the year: the targets (of projects, or of the department as a whole), their monitoring,
# their self-evaluation. Each record class names its kind in ``KIND``.
AnyDocument = PerformanceDocument | DepartmentTargets | SelfEvaluation | MonitoringReport


def part_names(record: AnyDocument) -> tuple[str, ...]:
    """The names of a record's tables: its projects', or the department's for a 部门整体 table."""
    if isinstance(record, DepartmentTargets):
        return (record.unit_name or "部门整体绩效目标表",)
    return tuple(p.name for p in record.projects)


__all__ = [
    "DOUBTS",
    "FRAMEWORK_VERSIONS",
    "OPERATORS",
    "PERIODS",
    "PERIOD_LABELS",
    "SEVERITIES",
    "SEVERITY_LABELS",
    "STATUSES",
    "STATUS_LABELS",
    "VALUE_KINDS",
    "AnnualTask",
    "AnyDocument",
    "ContentsEntry",
    "DepartmentGoals",
    "DepartmentTargets",
    "Direction",
    "EvaluatedIndicator",
    "Finding",
    "FormRef",
    "FrameworkVersion",
    "FundLine",
    "FundSource",
    "Indicator",
    "IndicatorValue",
    "MonitoredIndicator",
    "MonitoringReport",
    "Operator",
    "PerformanceDocument",
    "Period",
    "Project",
    "ProjectEvaluation",
    "ProjectMonitoring",
    "Safeguard",
    "SelfEvaluation",
    "Severity",
    "Source",
    "SpendingPoint",
    "Status",
    "SubGoal",
    "Subject",
    "TargetsRef",
    "ValueKind",
    "count_by_severity",
    "derived_total",
    "fingerprint",
    "form_has",
    "format_value",
    "parse_value",
    "part_names",
    "targets_ref",
]
