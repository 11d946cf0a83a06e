"""The engine: rule choice, crash isolation, importer findings, severities, plugins, and the grade."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from jixiao.check import check_document
from jixiao.check.engine import chosen, matches
from jixiao.check.grade import suggest_grade
from jixiao.model import Finding, PerformanceDocument, Source, Subject
from jixiao.rules import BUILTIN_RULES, Profile, Rule, RuleContext, plugin_rules
from jixiao.rules.base import rule

from ..rules.helpers import clean_document, with_project


@rule(
    "Z01",
    title="总是报告",
    description="测试用",
    severity="warning",
    tags=("relevance",),
    message="测试：{what}",
)
def always(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    yield ctx.finding(Source(), Subject(project=1), what="一")


@rule("Z02", title="总是出错", description="测试用", severity="error", tags=(), message="不会出现")
def broken(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    return iter([_explode()])


def _explode() -> Finding:
    raise ZeroDivisionError("division by zero")


def codes(findings: tuple[Finding, ...] | list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_a_crashing_rule_is_isolated() -> None:
    report = check_document(clean_document(), rules=(broken, always))
    assert codes(report.findings) == ["X01", "Z01"]
    x01 = report.findings[0]
    assert (x01.severity, "Z02" in x01.message, "ZeroDivisionError" in x01.message) == ("warning", True, True)


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("Z01", True),
        ("Z", True),
        ("z0", True),
        ("relevance", True),
        ("相关性", True),
        ("family:Z", True),
        ("completeness", False),
        ("完整性", False),
        ("B", False),
        ("ALL", True),
    ],
)
def test_selectors(selector: str, expected: bool) -> None:
    assert matches(selector, "Z01", always) is expected


def test_select_and_ignore_by_code_family_and_criterion() -> None:
    s01 = next(r for r in BUILTIN_RULES if r.code == "S01")
    assert chosen("S01", s01, Profile(select=("S",)))
    assert not chosen("S01", s01, Profile(select=("V",)))
    assert not chosen("S01", s01, Profile(ignore=("完整性",)))
    assert chosen("S01", s01, Profile(select=("completeness",), ignore=("S02",)))


def test_severity_override_and_importer_findings() -> None:
    imported = Finding("S08", "info", "空格", Source(line=3), Subject(project=1, field="name"))
    doc = with_project(clean_document(), 1, code="bad code")
    profile = Profile(severities={"S01": "warning", "S08": "warning"})
    report = check_document(doc, [imported], profile)
    assert [(f.code, f.severity) for f in report.findings] == [("S01", "warning"), ("S08", "warning")]
    assert codes(check_document(doc, [imported], Profile(ignore=("S08",))).findings) == ["S01"]


def test_a_rule_repeating_an_importer_finding_is_dropped() -> None:
    doc = with_project(clean_document(), 1, code="13052924P0058401190 3Q")
    imported = Finding("S01", "error", "读取时发现", Source(line=9), Subject(project=1, field="code"))
    report = check_document(doc, [imported], Profile(select=("S01",)))
    assert [f.message for f in report.findings] == ["读取时发现"]


def test_plugin_rules_load_from_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    class Entry:
        def load(self) -> tuple[Rule, ...]:
            return (always,)

    monkeypatch.setattr(
        "importlib.metadata.entry_points", lambda group: [Entry()] if group == "jixiao.rules" else []
    )
    assert plugin_rules() == [always]


@pytest.mark.parametrize(
    ("severities", "grade"),
    [
        ((), "excellent"),
        (("warning",) * 2, "excellent"),
        (("warning",) * 3, "good"),
        (("warning",) * 6 + ("info",) * 40, "good"),
        (("warning",) * 7, "fair"),
        (("error",), "poor"),
    ],
)
def test_grade(severities: tuple[str, ...], grade: str) -> None:
    findings = [Finding(f"X{n:02d}", s, "…") for n, s in enumerate(severities)]  # type: ignore[arg-type]
    assert suggest_grade(findings, Profile()).grade == grade


def test_grade_on_error_is_configurable() -> None:
    result = suggest_grade([Finding("S01", "error", "…")], Profile(grade_on_error="fair"))
    assert (result.grade, result.label, result.reasons) == (
        "fair",
        "中",
        ("有 1 条错误（S01），按配置评为“中”。",),
    )
