"""Scoring of self-evaluations and monitoring lights: pure functions over cell texts, every result explained.

Imports only ``jixiao.model``. The numbers that vary by place are in :class:`ScoringProfile`.
"""

from jixiao.scoring.execution import ExecutionScore, grade_of, score_execution
from jixiao.scoring.indicators import (
    RULES,
    IndicatorScore,
    Rule,
    qualitative_band,
    qualitative_grade,
    score_in_band,
    score_indicator,
)
from jixiao.scoring.monitoring import (
    ALERT_LABELS,
    LIKELIHOOD_WORDS,
    Light,
    light,
    likelihood_of,
    needs_reason,
    time_progress,
)
from jixiao.scoring.profile import (
    CENTRAL,
    HUBEI,
    PRESETS,
    SICHUAN,
    Alert,
    Category,
    Grade,
    Likelihood,
    QualitativeGrade,
    ScoringProfile,
    scoring_profile,
)

__all__ = [
    "ALERT_LABELS",
    "CENTRAL",
    "HUBEI",
    "LIKELIHOOD_WORDS",
    "PRESETS",
    "RULES",
    "SICHUAN",
    "Alert",
    "Category",
    "ExecutionScore",
    "Grade",
    "IndicatorScore",
    "Light",
    "Likelihood",
    "QualitativeGrade",
    "Rule",
    "ScoringProfile",
    "grade_of",
    "light",
    "likelihood_of",
    "needs_reason",
    "qualitative_band",
    "qualitative_grade",
    "score_execution",
    "score_in_band",
    "score_indicator",
    "scoring_profile",
    "time_progress",
]
