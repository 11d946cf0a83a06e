"""A-01: the suggested review grade 优/良/中/差 and the reasons that led to it (SPEC §4.2, §11.8)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from jixiao.model import Finding
from jixiao.rules.profile import Profile

GRADE_LABELS = {"excellent": "优", "good": "良", "fair": "中", "poor": "差"}
GRADE_ROUTES = {
    "excellent": "可直接进入下一步预算安排",
    "good": "审核人可与部门商定修改后直接修正，再进入预算安排",
    "fair": "退回部门修改后重新送审",
    "poor": "不得进入预算安排",
}


class Grade(NamedTuple):
    """A suggested grade (excellent/good/fair/poor), its Chinese label, and why."""

    grade: str
    reasons: tuple[str, ...]

    @property
    def label(self) -> str:
        """优, 良, 中 or 差."""
        return GRADE_LABELS[self.grade]

    @property
    def route(self) -> str:
        """What the grade leads to (SPEC §4.2)."""
        return GRADE_ROUTES[self.grade]


def suggest_grade(findings: Iterable[Finding], profile: Profile) -> Grade:
    """Grade from the findings: any error → profile.grade_on_error; else by the number of warnings."""
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    if errors:
        codes = "、".join(sorted({f.code for f in errors}))
        grade = profile.grade_on_error
        return Grade(grade, (f"有 {len(errors)} 条错误（{codes}），按配置评为“{GRADE_LABELS[grade]}”。",))
    count = len(warnings)
    if count <= profile.grade_excellent_max_warnings:
        why = f"没有错误，警告 {count} 条，不超过 {profile.grade_excellent_max_warnings} 条。"
        return Grade("excellent", (why,))
    if count <= profile.grade_good_max_warnings:
        why = f"没有错误，警告 {count} 条，不超过 {profile.grade_good_max_warnings} 条。"
        return Grade("good", (why,))
    codes = "、".join(sorted({f.code for f in warnings}))
    why = f"没有错误，但警告 {count} 条（{codes}），超过 {profile.grade_good_max_warnings} 条。"
    return Grade("fair", (why,))
