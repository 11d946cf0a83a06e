"""The whole rule catalogue: target-document rules (S F K V B C D) and the E and M rules of scoring."""

from __future__ import annotations

from jixiao.model import MonitoringReport, SelfEvaluation
from jixiao.rules import BUILTIN_RULES, Rule
from jixiao.rules.base import DocumentKind
from jixiao.scoring import TRACKING_RULES

ALL_RULES: tuple[Rule, ...] = (*BUILTIN_RULES, *TRACKING_RULES)


def kind_of(record: object) -> DocumentKind:
    """Which kind of document a record is: targets, self_evaluation or monitoring."""
    if isinstance(record, SelfEvaluation):
        return "self_evaluation"
    if isinstance(record, MonitoringReport):
        return "monitoring"
    return "targets"
