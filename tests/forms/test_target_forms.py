"""Target forms of every province, read by what their headers mean: each fixture as DOCX, XLSX and some as PDF.

The fixtures and the tuples they must read as are in :mod:`tests.forms.fixtures_targets`. The PDF variants are
printed by LibreOffice from the DOCX, all in one run per module.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

from jixiao.kinds import read_any
from jixiao.model import AnyDocument, DepartmentTargets, Finding, PerformanceDocument
from tests.forms.fixtures_targets import DEPARTMENTS, PRINTED, T7_CORE, TARGETS
from tests.forms.office import Block, C, Table, docx_bytes, grid, pdf_files, xlsx_bytes
from tests.forms.tuples import department, target_projects

FORMATS = ("docx", "xlsx")


def _blocks(form: str) -> list[Block]:
    spec = TARGETS.get(form)
    return spec.blocks() if spec is not None else DEPARTMENTS[form].blocks()


@cache
def _file(form: str, fmt: str) -> bytes:
    """The fixture of a form written as DOCX or XLSX (XLSX one sheet per project where the form says so)."""
    if fmt == "docx":
        return docx_bytes(_blocks(form))
    spec = TARGETS.get(form)
    if spec is not None and spec.sheets is not None:
        return xlsx_bytes([], sheets=spec.sheets())
    return xlsx_bytes(_blocks(form))


def _read(data: bytes, name: str) -> tuple[AnyDocument, list[Finding]]:
    return read_any(data, name)


def _not_info(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings if f.severity != "info"]


def _cases(forms: Iterable[str], formats: tuple[str, ...]) -> list[object]:
    return [pytest.param(form, fmt, id=f"{form}-{fmt}") for form in forms for fmt in formats]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The PDF of every form in PRINTED, printed by LibreOffice from its DOCX in one run."""
    workdir: Path = tmp_path_factory.mktemp("printed")
    pdfs = pdf_files({f"{form}.docx": _file(form, "docx") for form in PRINTED}, workdir)
    return {name.removesuffix(".docx"): data for name, data in pdfs.items()}


# -- the fixtures themselves -----------------------------------------------------------------------------


@pytest.mark.parametrize("form", [*TARGETS, *DEPARTMENTS])
def test_every_fixture_table_fills_its_grid_exactly(form: str) -> None:
    """Each table's rows cover every column once: the spans and merges of a fixture add up."""
    for block in _blocks(form):
        if not isinstance(block, Table):
            continue
        rows, width, placed = grid(block)
        covered: list[tuple[int, int]] = []
        for r, c, cell in placed:
            covered += [(r + dr, c + dc) for dr in range(cell.rows) for dc in range(cell.span)]
        assert sorted(covered) == [(r, c) for r in range(rows) for c in range(width)], block.rows[0]


# -- reading ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("form", "fmt"), _cases(TARGETS, FORMATS))
def test_a_target_form_reads_by_meaning(form: str, fmt: str) -> None:
    """A project target form gives its projects, the year's budgets and indicator rows, and no warning."""
    record, findings = _read(_file(form, fmt), f"{form}.{fmt}")
    assert isinstance(record, PerformanceDocument)
    assert target_projects(record) == TARGETS[form].expected
    assert _not_info(findings) == []


@pytest.mark.parametrize(("form", "fmt"), _cases(DEPARTMENTS, FORMATS))
def test_a_department_form_reads_by_meaning(form: str, fmt: str) -> None:
    """A 部门整体 form gives the unit, its money lines, its tasks and indicator rows, and no warning."""
    record, findings = _read(_file(form, fmt), f"{form}.{fmt}")
    assert isinstance(record, DepartmentTargets)
    assert department(record) == DEPARTMENTS[form].expected
    assert _not_info(findings) == []


@pytest.mark.parametrize(("form", "fmt"), _cases(PRINTED, ("pdf",)))
def test_a_printed_target_form_reads_by_meaning(form: str, fmt: str, printed: dict[str, bytes]) -> None:
    """The same form printed to PDF by LibreOffice reads as its DOCX does."""
    record, findings = _read(printed[form], f"{form}.{fmt}")
    assert isinstance(record, PerformanceDocument)
    assert target_projects(record) == TARGETS[form].expected
    assert _not_info(findings) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_star_marks_a_core_indicator_and_is_not_part_of_its_name(fmt: str) -> None:
    """★ before a name makes the indicator core; the name is read without it."""
    record, _ = _read(_file("T7", fmt), f"T7.{fmt}")
    assert isinstance(record, PerformanceDocument)
    assert [[i.level3 for i in p.indicators if i.core] for p in record.projects] == T7_CORE


def test_a_value_typed_with_an_equals_sign_in_excel_reads_as_typed() -> None:
    """``=100%`` and ``=47 人`` typed into XLSX cells are stored as formulas; they read as what was typed (P15)."""
    rows: list[list[str | C]] = [
        ["项目名称", C("示范项目", span=3)],
        ["年度资金总额", C("10.00", span=3)],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "培训人数", C("47 人", formula="=47 人")],
        ["产出指标", "质量指标", "培训合格率", C("100%", formula="=100%")],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"],
    ]
    record, findings = _read(xlsx_bytes([Table(rows)]), "typed.xlsx")
    assert isinstance(record, PerformanceDocument)
    assert [(i.level3, i.value.raw) for i in record.projects[0].indicators] == [
        ("培训人数", "47 人"),
        ("培训合格率", "100%"),
        ("学员满意度", "≥90%"),
    ]
    assert [(f.code, f.source.cell) for f in findings if f.code == "P15"] == [
        ("P15", "=47 人"),
        ("P15", "=100%"),
    ]
