"""The JSON form of a self-evaluation or a monitoring report: UTF-8, indented, keys in the glossary's order."""

from __future__ import annotations

import json

from jixiao.model import MonitoringReport, SelfEvaluation
from jixiao.model.serialize_tracking import monitoring_report_to_dict, self_evaluation_to_dict


def write_tracking_json(record: SelfEvaluation | MonitoringReport, *, sources: bool = False) -> str:
    """The record's JSON form as text, Chinese kept readable."""
    data = (
        self_evaluation_to_dict(record, sources=sources)
        if isinstance(record, SelfEvaluation)
        else monitoring_report_to_dict(record, sources=sources)
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
