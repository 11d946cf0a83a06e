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
    STATUS_LABELS,
    STATUSES,
    ContentsEntry,
    DepartmentGoals,
    FrameworkVersion,
    Indicator,
    PerformanceDocument,
    Project,
    Safeguard,
    SpendingPoint,
    Status,
    SubGoal,
)
from jixiao.model.self_evaluation import EvaluatedIndicator, ProjectEvaluation, SelfEvaluation
from jixiao.model.tracking import FundLine, TargetsRef, fingerprint, targets_ref
from jixiao.model.value_grammar import format_value, parse_value

# Any of the three documents of the year: the targets, their monitoring, their self-evaluation.
AnyDocument = PerformanceDocument | SelfEvaluation | MonitoringReport

__all__ = [
    "DOUBTS",
    "FRAMEWORK_VERSIONS",
    "OPERATORS",
    "SEVERITIES",
    "SEVERITY_LABELS",
    "STATUSES",
    "STATUS_LABELS",
    "VALUE_KINDS",
    "AnyDocument",
    "ContentsEntry",
    "DepartmentGoals",
    "EvaluatedIndicator",
    "Finding",
    "FrameworkVersion",
    "FundLine",
    "Indicator",
    "IndicatorValue",
    "MonitoredIndicator",
    "MonitoringReport",
    "Operator",
    "PerformanceDocument",
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
    "fingerprint",
    "format_value",
    "parse_value",
    "targets_ref",
]
