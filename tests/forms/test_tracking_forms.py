"""自评表 and 监控表 in every form of TEMPLATES.md (S1–S4, M1, M2) and one of our own (N3), read by what the
headers mean, as DOCX, as XLSX and (S1, S3, M2) as PDF printed by LibreOffice.

The contract the reader keeps (the expected tuples in :mod:`tests.forms.fixtures_tracking` follow it):

- texts are stripped; whitespace and line breaks inside level labels are removed; a blank cell under a merged
  一级 or 二级 cell takes the value above; ``产出指标(50分)`` reads ``产出指标``; a form with 一级 and a name but
  no 二级 gives level2 ``""`` and the name as level3;
- a value is the cell as written (``>=90%`` stays); operator, number and unit in three columns join as
  operator + number + unit, one space before a unit other than % ％ ‰ after a digit, nothing for 定性; a bare
  number in 完成值 takes the 度量单位 the same way; an uncached XLSX formula ``=100%`` reads ``100%``;
- ``S3``'s ``<21-character code>-<name>`` cell gives the name after the code;
- numbers normalise (``9.50`` → ``9.5``), a blank is None; the execution weight is the 分值/权重 of the total
  fund row, else the points in the money block's header (``（20分）``); a form without 分值 gives each row its
  share of its block's points (``年度绩效目标1（40分）`` over four rows: 10), else no weight;
- fund lines keep their names as written; 全年预算数(A) / 预算数（A）/ 调整后预算数 fill budget_full_year,
  1-6月 / 1-7月执行数 fill executed and 全年预计执行数 forecast_executed;
- monitoring progress is the 1–m月执行情况 / 半年度指标执行情况 column, likelihood as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.kinds import read_any
from jixiao.model import AnyDocument, Finding, MonitoringReport, SelfEvaluation
from tests.forms.fixtures_tracking import FORMS, Levels
from tests.forms.office import docx_bytes, pdf_files, xlsx_bytes
from tests.forms.tuples import evaluation_funds, evaluation_projects, monitoring_funds, monitoring_projects

CASES = [
    (form, fmt) for form, spec in FORMS.items() for fmt in ("docx", "xlsx", *(("pdf",) if spec.pdf else ()))
]
IDS = [f"{form}-{fmt}" for form, fmt in CASES]
CASE = pytest.mark.parametrize(("form", "fmt"), CASES, ids=IDS)

_READ: dict[tuple[str, str], tuple[AnyDocument, list[Finding]]] = {}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The forms with a PDF variant, printed from DOCX by LibreOffice in one run: {form: pdf}."""
    sources = {f"{form}.docx": docx_bytes(spec.blocks()) for form, spec in FORMS.items() if spec.pdf}
    pdfs = pdf_files(sources, Path(tmp_path_factory.mktemp("tracking-forms")))
    return {name.removesuffix(".docx"): data for name, data in pdfs.items()}


def _data(form: str, fmt: str, request: pytest.FixtureRequest) -> bytes:
    if fmt == "pdf":
        pdfs: dict[str, bytes] = request.getfixturevalue("printed")
        return pdfs[form]
    blocks = FORMS[form].blocks()
    return docx_bytes(blocks) if fmt == "docx" else xlsx_bytes(blocks)


def read(form: str, fmt: str, request: pytest.FixtureRequest) -> tuple[AnyDocument, list[Finding]]:
    """The form read with read_any, once per form and format."""
    key = (form, fmt)
    if key not in _READ:
        _READ[key] = read_any(_data(form, fmt, request), f"{form}.{fmt}")
    return _READ[key]


def levels(record: SelfEvaluation | MonitoringReport) -> list[Levels]:
    """Per project, (一级, 二级) per indicator."""
    return [[(i.level1, i.level2) for i in p.indicators] for p in record.projects]


@CASE
def test_the_form_reads_as_its_kind(form: str, fmt: str, request: pytest.FixtureRequest) -> None:
    """A 自评表 reads as a SelfEvaluation, a 监控表 as a MonitoringReport."""
    record, _ = read(form, fmt, request)
    wanted = SelfEvaluation if FORMS[form].kind == "self_evaluation" else MonitoringReport
    assert isinstance(record, wanted)


@CASE
def test_the_projects_and_indicators(form: str, fmt: str, request: pytest.FixtureRequest) -> None:
    """Project names, execution weight and score, total, and every indicator row as the contract reads them."""
    record, _ = read(form, fmt, request)
    if FORMS[form].kind == "self_evaluation":
        assert isinstance(record, SelfEvaluation)
        assert evaluation_projects(record) == FORMS[form].projects
    else:
        assert isinstance(record, MonitoringReport)
        assert monitoring_projects(record) == FORMS[form].projects


@CASE
def test_the_fund_lines(form: str, fmt: str, request: pytest.FixtureRequest) -> None:
    """Every fund line of the money block, its amounts in the right fields."""
    record, _ = read(form, fmt, request)
    if FORMS[form].kind == "self_evaluation":
        assert isinstance(record, SelfEvaluation)
        assert evaluation_funds(record) == FORMS[form].funds
    else:
        assert isinstance(record, MonitoringReport)
        assert monitoring_funds(record) == FORMS[form].funds


@CASE
def test_the_level_labels(form: str, fmt: str, request: pytest.FixtureRequest) -> None:
    """一级 and 二级 of every row: merged cells carried down, points and whitespace removed, no 二级 as ""."""
    record, _ = read(form, fmt, request)
    assert isinstance(record, SelfEvaluation | MonitoringReport)
    assert levels(record) == FORMS[form].levels


@CASE
def test_reading_finds_nothing_worse_than_info(form: str, fmt: str, request: pytest.FixtureRequest) -> None:
    """A well-filled form in a known arrangement reads without warnings or errors."""
    _, findings = read(form, fmt, request)
    assert [f.code for f in findings if f.severity != "info"] == []
