"""Documents written back in the form they came in: read → write → read gives an equal model and the same form.

The four forms people must submit in (the central 2021 申报表, the Sichuan several-projects table, the Hunan
部门整体 table and the central 自评表) round-trip as DOCX and XLSX and print their form's own columns; every other
fixture form round-trips as text, target forms in their own columns.
"""

from __future__ import annotations

from functools import cache

import pytest

from jixiao.kinds import read_any, write_any
from jixiao.model import AnyDocument
from tests.forms.fixtures_targets import DEPARTMENTS, TARGETS
from tests.forms.fixtures_tracking import FORMS
from tests.forms.office import Block, docx_bytes

#: fixture → (form id it reads as, header cells its written form must print)
SUBMITTED = {
    "C1": ("central-2021", ("指标性质", "度量单位", "权重", "指标方向")),
    "T4": ("sichuan-projects", ("单位名称", "年度目标", "指标性质", "度量单位", "权重")),
    "T5": ("hunan-department", ("指标值类型", "计量单位", "指标解释", "评（扣）分标准")),
    "S1": ("central-self-evaluation", ("年初预算数", "全年执行数", "实际完成值", "偏差原因")),
}


def _blocks(form: str) -> list[Block]:
    spec = TARGETS.get(form) or DEPARTMENTS.get(form)
    return spec.blocks() if spec is not None else FORMS[form].blocks()


@cache
def _read(form: str) -> AnyDocument:
    record, _ = read_any(docx_bytes(_blocks(form)), f"{form}.docx")
    return record


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("form", list(SUBMITTED))
def test_a_submitted_form_is_written_back_in_its_own_form(form: str, fmt: str) -> None:
    record = _read(form)
    form_id, headers = SUBMITTED[form]
    assert record.form is not None and record.form.id == form_id
    back, findings = read_any(write_any(record, fmt), f"back.{fmt}")
    assert back == record
    assert back.form is not None and back.form.id == form_id
    assert [f.code for f in findings if f.severity == "error"] == []
    printed = write_any(record, "txt").decode()
    assert [h for h in headers if h not in printed] == []


@pytest.mark.parametrize("form", [*TARGETS, *DEPARTMENTS])
def test_every_target_form_is_written_back_in_its_own_columns(form: str) -> None:
    record = _read(form)
    back, _ = read_any(write_any(record, "txt"), "back.txt")
    assert back == record
    assert back.form is not None and record.form is not None
    assert (back.form.id, back.form.columns) == (record.form.id, record.form.columns)


@pytest.mark.parametrize("form", list(FORMS))
def test_every_tracking_form_round_trips_as_text(form: str) -> None:
    # 自评表 and 监控表 are written in the central layout whatever form they came in; the model survives
    record = _read(form)
    back, _ = read_any(write_any(record, "txt"), "back.txt")
    assert back == record
