"""Checking by the form a document came in: rules needing a column the form lacks stay quiet (one P14 each),
the grade does not drop for it, the profile follows the form or province, and outside rules run."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from jixiao.check import Report, check_document
from jixiao.check.catalogue import catalogue
from jixiao.check.profiles import load_profile, resolve_profile
from jixiao.model import Finding, FormRef, PerformanceDocument, Source, Subject
from jixiao.rules import Rule, RuleContext
from jixiao.rules.base import rule

from ..rules.helpers import clean_document

# the Hubei county form: 一级 / 二级 / 指标内容 / 指标值, no 指标值确定依据, no 项目编码, no 资金支出计划
HUBEI = FormRef(
    "hubei-county",
    "0" * 12,
    "湖北县级项目绩效目标表",
    ("level1", "level2", "level3", "target"),
    ("project_name", "supervising_department", "implementing_unit", "funds", "goal"),
)


def _rank(report: Report) -> int:
    assert report.grade is not None
    return ["poor", "fair", "good", "excellent"].index(report.grade.grade)


def _without_bases(doc: PerformanceDocument) -> PerformanceDocument:
    """The document with every 指标值确定依据 and 绩效指标描述 emptied, as a form without those columns reads."""
    projects = tuple(
        replace(
            p,
            code="",
            spending_plan=(),
            indicators=tuple(replace(i, basis="", description="") for i in p.indicators),
        )
        for p in doc.projects
    )
    return replace(doc, projects=projects)


def test_a_rule_needing_a_column_the_form_lacks_stays_quiet_and_says_so_once() -> None:
    doc = _without_bases(clean_document())
    own = check_document(doc)  # jixiao's own layout: the empty bases are faults
    hubei = check_document(replace(doc, form=HUBEI))
    basis_rules = {r.code for r in catalogue() if any("basis" in n.split("|") for n in r.needs)}
    assert basis_rules and basis_rules & {f.code for f in own.findings if f.severity != "info"}
    assert not basis_rules & {f.code for f in hubei.findings}
    notes = [f for f in hubei.findings if f.code == "P14"]
    assert {f.severity for f in notes} == {"info"}
    assert len(notes) == len({f.message for f in notes})  # one per missing column
    assert any("指标值确定依据" in f.message for f in notes)
    assert _rank(hubei) >= _rank(own)


def test_the_grade_never_drops_for_a_column_the_form_lacks() -> None:
    doc = clean_document()
    full = check_document(replace(doc, form=None))
    hubei = check_document(replace(_without_bases(doc), form=HUBEI))
    assert _rank(hubei) >= _rank(full)


def test_the_profile_follows_the_form_when_none_is_named(tmp_path: object) -> None:
    chosen = resolve_profile(directory=tmp_path)  # type: ignore[arg-type]
    assert chosen.by_form
    hebei = replace(clean_document(), form=replace(HUBEI, id="hebei-county", label="河北"))
    assert check_document(hebei, profile=chosen).profile == "hebei-county"
    assert check_document(replace(hebei, form=HUBEI), profile=chosen).profile == "default"
    named = resolve_profile("default", directory=tmp_path)  # type: ignore[arg-type]
    assert check_document(hebei, profile=named).profile == "default"


@pytest.mark.parametrize("name", ["hebei-county", "河北"])
def test_a_profile_is_chosen_by_form_id_or_province(name: str) -> None:
    assert load_profile(name).name == "hebei-county"


@rule("Z91", title="外部规则", description="测试用", severity="warning", tags=(), message="外部：{n}")
def outside(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    yield ctx.finding(Source(), Subject(project=1), n=len(doc.projects))


def test_rules_from_entry_points_run_in_check(monkeypatch: pytest.MonkeyPatch) -> None:
    class Entry:
        def load(self) -> Rule:
            return outside

    monkeypatch.setattr(
        "importlib.metadata.entry_points", lambda group: [Entry()] if group == "jixiao.rules" else []
    )
    catalogue.cache_clear()
    try:
        report = check_document(clean_document())
    finally:
        monkeypatch.undo()
        catalogue.cache_clear()
    assert [f.message for f in report.findings if f.code == "Z91"] == ["外部：2"]
