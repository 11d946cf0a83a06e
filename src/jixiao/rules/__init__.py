"""The rule catalogue (SPEC §11): built-in rules in one tuple, outside rules from the entry-point group.

``jixiao.rules`` entry points name a Rule or an iterable of Rules; they load with the same interface.
"""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.rules.base import CRITERIA, FAMILIES, Rule, RuleContext
from jixiao.rules.basis import BASIS_RULES
from jixiao.rules.consistency import CONSISTENCY_RULES
from jixiao.rules.department import DEPARTMENT_RULES
from jixiao.rules.evaluation import EVALUATION_RULES
from jixiao.rules.framework import FRAMEWORK_RULES
from jixiao.rules.money import MONEY_RULES
from jixiao.rules.monitoring import MONITORING_RULES
from jixiao.rules.profile import Profile, ProfileError
from jixiao.rules.structure import STRUCTURE_RULES
from jixiao.rules.values import VALUE_RULES

# E and M rules (SPEC §11.9–11.10): they check self-evaluations and monitoring reports.
TRACKING_RULES: tuple[Rule, ...] = (*EVALUATION_RULES, *MONITORING_RULES)
BUILTIN_RULES: tuple[Rule, ...] = (
    *STRUCTURE_RULES,
    *MONEY_RULES,
    *FRAMEWORK_RULES,
    *VALUE_RULES,
    *BASIS_RULES,
    *CONSISTENCY_RULES,
    *DEPARTMENT_RULES,
)

ENTRY_POINT_GROUP = "jixiao.rules"


def plugin_rules() -> list[Rule]:
    """Rules other packages register under the ``jixiao.rules`` entry-point group."""
    from importlib.metadata import entry_points

    found: list[Rule] = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        loaded = entry.load()
        items: Iterable[object] = loaded if isinstance(loaded, list | tuple) else [loaded]
        found.extend(item for item in items if isinstance(item, Rule))
    return found


__all__ = [
    "BUILTIN_RULES",
    "CRITERIA",
    "ENTRY_POINT_GROUP",
    "FAMILIES",
    "TRACKING_RULES",
    "Profile",
    "ProfileError",
    "Rule",
    "RuleContext",
    "plugin_rules",
]
