"""What the E and M rules share: the scoring profile a check uses, and how a finding names its place."""

from __future__ import annotations

from typing import Protocol

from jixiao.rules.base import RuleContext
from jixiao.scoring.profile import CENTRAL, ScoringProfile, scoring_profile


class _Named(Protocol):
    @property
    def name(self) -> str: ...


class _Row(Protocol):
    @property
    def level3(self) -> str: ...


def chosen_profile(name: str, ctx: RuleContext) -> tuple[ScoringProfile, str | None]:
    """The scoring profile for a record (the check profile's ``scoring`` wins), and a problem if unknown."""
    wanted = ctx.profile.scoring or name or CENTRAL.name
    try:
        return scoring_profile(wanted), None
    except ValueError as problem:
        return CENTRAL, f"{problem}；已按中央方案计分"


def place(p_no: int, project: _Named, r_no: int | None = None, row: _Row | None = None) -> str:
    """``项目 2“名称”`` or ``项目 2“名称”第 3 个指标“三级指标”``: the place a message names."""
    text = f"项目 {p_no}“{project.name}”"
    if r_no is not None and row is not None:
        text += f"第 {r_no} 个指标“{row.level3}”"
    return text
