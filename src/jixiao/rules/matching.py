"""Pairing part one's sub-goals with part two's projects, which S06 and C05 both need."""

from __future__ import annotations

from jixiao.model import PerformanceDocument
from jixiao.rules.profile import Profile
from jixiao.rules.text import similarity


def match_sub_goals(doc: PerformanceDocument, profile: Profile) -> dict[int, int]:
    """Project index → sub-goal index (both 0-based), best name matches first, each used once.

    Pairs scoring below ``profile.name_match_min`` stay unmatched.
    """
    subs = doc.department_goals.sub_goals
    pairs = sorted(
        (
            (similarity(s.title, p.name), si, pi)
            for si, s in enumerate(subs)
            for pi, p in enumerate(doc.projects)
        ),
        reverse=True,
    )
    taken: set[int] = set()
    matched: dict[int, int] = {}
    for score, si, pi in pairs:
        if score < profile.name_match_min or si in taken or pi in matched:
            continue
        taken.add(si)
        matched[pi] = si
    return matched
