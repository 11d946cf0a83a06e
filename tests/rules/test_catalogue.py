"""The catalogue as a whole: every rule documented and tested, the reference current."""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.rules import BUILTIN_RULES, CRITERIA, FAMILIES

HERE = Path(__file__).parent


def test_at_least_fifty_rules_with_unique_codes() -> None:
    codes = [r.code for r in BUILTIN_RULES]
    assert len(codes) >= 50
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[SFKVBCD]\d{2}", c) for c in codes)


def test_every_rule_is_documented() -> None:
    for r in BUILTIN_RULES:
        missing = [
            n for n in ("title", "description", "message", "basis", "failing", "passing") if not getattr(r, n)
        ]
        assert not missing, f"{r.code} lacks {missing}"
        assert r.family in FAMILIES
        assert any(t in CRITERIA for t in r.tags), f"{r.code} has no review criterion"


def test_every_rule_has_its_own_tests() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in HERE.glob("test_*.py"))
    untested = [
        r.code
        for r in BUILTIN_RULES
        if not r.decided_while_reading and f"def test_{r.code.lower()}_" not in source
    ]
    assert untested == []
