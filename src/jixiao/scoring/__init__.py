"""Scoring of self-evaluations and monitoring lights: pure functions over cell texts, every result explained.

Imports only ``jixiao.model``. The numbers that vary by place are in :class:`ScoringProfile`.
"""

from jixiao.scoring.categories import CATEGORY_LABELS, category_of, row_weights
from jixiao.scoring.evaluation import EvaluationScore, ProjectScore, score_project, score_self_evaluation
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
from jixiao.scoring.progress import (
    ProjectProgress,
    ReportProgress,
    monitor_project,
    monitor_report,
    plan_milestone,
)
from jixiao.scoring.start import start_monitoring, start_self_evaluation

__all__ = [
    "ALERT_LABELS",
    "CATEGORY_LABELS",
    "CENTRAL",
    "HUBEI",
    "LIKELIHOOD_WORDS",
    "PRESETS",
    "RULES",
    "SICHUAN",
    "Alert",
    "Category",
    "EvaluationScore",
    "ExecutionScore",
    "Grade",
    "IndicatorScore",
    "Light",
    "Likelihood",
    "ProjectProgress",
    "ProjectScore",
    "QualitativeGrade",
    "ReportProgress",
    "Rule",
    "ScoringProfile",
    "category_of",
    "grade_of",
    "light",
    "likelihood_of",
    "monitor_project",
    "monitor_report",
    "needs_reason",
    "plan_milestone",
    "qualitative_band",
    "qualitative_grade",
    "row_weights",
    "score_execution",
    "score_in_band",
    "score_indicator",
    "score_project",
    "score_self_evaluation",
    "scoring_profile",
    "start_monitoring",
    "start_self_evaluation",
    "time_progress",
]
