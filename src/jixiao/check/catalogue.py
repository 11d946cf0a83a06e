"""The whole rule catalogue: target-document rules (S F K V B C D), the E and M rules, and outside rules."""

from __future__ import annotations

from functools import cache
from typing import cast, get_args

from jixiao.rules import BUILTIN_RULES, TRACKING_RULES, Rule, plugin_rules
from jixiao.rules.base import DocumentKind

ALL_RULES: tuple[Rule, ...] = (*BUILTIN_RULES, *TRACKING_RULES)


@cache
def catalogue() -> tuple[Rule, ...]:
    """The built-in rules and those other packages register under the ``jixiao.rules`` entry points (loaded once)."""
    known = {r.code for r in ALL_RULES}
    return (*ALL_RULES, *(r for r in plugin_rules() if r.code not in known))


def kind_of(record: object) -> DocumentKind:
    """Which kind of document a record is: targets, department_targets, self_evaluation or monitoring."""
    kind = getattr(record, "KIND", "targets")
    for known in get_args(DocumentKind):
        if kind == known:
            return cast(DocumentKind, known)
    return "targets"
