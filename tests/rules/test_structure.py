"""S rules: a failing and a passing example each, written inline."""

from __future__ import annotations

from dataclasses import replace

from jixiao.model import ContentsEntry

from .helpers import clean_document, messages, run, with_project


def test_s01_code_format() -> None:
    doc = with_project(clean_document(), 2, code="13052924P0058401190 3Q")
    assert run("S01", doc) == [("S01", 2, None)]
    assert messages("S01", doc) == ["项目编码“13052924P0058401190 3Q”不符合规范：含有空格（共 22 个字符）。"]
    assert run("S01", with_project(clean_document(), 1, code="13052924P0058")) == [("S01", 1, None)]
    assert run("S01", clean_document()) == []


def test_s02_division_and_year() -> None:
    doc = with_project(clean_document(), 2, code="13052923P00584011002X")
    assert messages("S02", doc) == ["项目编码“13052923P00584011002X”的年度为“23”，与预算年度“24”不一致。"]
    doc = with_project(clean_document(), 1, code="13010224P00584011001X")
    assert run("S02", doc) == [("S02", 1, None)]
    assert run("S02", clean_document()) == []


def test_s03_duplicate_codes() -> None:
    doc = with_project(clean_document(3), 3, code=clean_document().projects[0].code)
    assert run("S03", doc) == [("S03", 3, None)]
    assert run("S03", clean_document(3)) == []


def test_s05_contents_against_tables() -> None:
    doc = clean_document(3)
    assert run("S05", replace(doc, contents=doc.contents[:2])) == [("S05", None, None)]
    renamed = (*doc.contents[:2], ContentsEntry("3.别的项目绩效目标表", 7))
    assert run("S05", replace(doc, contents=renamed)) == [("S05", 3, None)]
    assert run("S05", doc) == []


def test_s06_sub_goals_against_projects() -> None:
    doc = clean_document(3)
    goals = replace(doc.department_goals, sub_goals=doc.department_goals.sub_goals[:2])
    assert run("S06", replace(doc, department_goals=goals)) == [("S06", 3, None)]
    assert run("S06", doc) == []


def test_s07_required_fields() -> None:
    doc = with_project(clean_document(), 1, purpose="", goals=())
    assert run("S07", doc) == [("S07", 1, None), ("S07", 1, None)]
    from .helpers import with_indicator

    doc = with_indicator(clean_document(), 2, 3, value="", level3="")
    assert run("S07", doc) == [("S07", 2, 3), ("S07", 2, 3)]
    assert run("S07", with_indicator(clean_document(), 2, 3, basis="")) == []  # B01's
    assert run("S07", clean_document()) == []
