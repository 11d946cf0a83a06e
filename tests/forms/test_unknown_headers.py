"""Headers no vocabulary names: columns read from their content (P16), or, when they cannot be, a warning that
names the header and the rows (P13, P07) and no row swallowed by the field above it."""

from __future__ import annotations

import pytest

from jixiao.importers.engine.head import read_label
from jixiao.kinds import read_any
from jixiao.model import PerformanceDocument
from tests.forms.office import C, Table, docx_bytes, xlsx_bytes

HEAD: list[list[str | C]] = [
    ["项目名称", C("乡村道路养护", span=4)],
    ["年度资金总额", C("36.00", span=4)],
    ["绩效目标", C("完成乡村道路日常养护，保障道路安全通行。", span=4)],
]
ROWS: list[list[str | C]] = [
    ["产出指标", "数量指标", "养护道路里程", "≥120 公里", "养护台账"],
    ["", "质量指标", "养护路段优良率", "≥85%", "抽查记录"],
    ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "走访"],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "问卷调查"],
]
READ = [
    ("产出指标", "数量指标", "养护道路里程", "≥120 公里"),
    ("产出指标", "质量指标", "养护路段优良率", "≥85%"),
    ("效益指标", "社会效益指标", "群众出行条件", "明显改善"),
    ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%"),
]


def _file(header: list[str | C], fmt: str) -> bytes:
    rows = [*HEAD, header, *ROWS]
    if fmt == "txt":
        return "\n".join("\t".join(c.text if isinstance(c, C) else c for c in r) for r in rows).encode()
    return docx_bytes([Table(rows)]) if fmt == "docx" else xlsx_bytes([Table(rows)])


@pytest.mark.parametrize("fmt", ["txt", "docx", "xlsx"])
def test_a_header_of_words_no_vocabulary_names_is_read_from_its_columns(fmt: str) -> None:
    record, findings = read_any(_file(list("甲乙丙丁戊"), fmt), f"own.{fmt}")
    assert isinstance(record, PerformanceDocument)
    assert [(i.level1, i.level2, i.level3, i.value.raw) for i in record.projects[0].indicators] == READ
    p16 = [f.message for f in findings if f.code == "P16"]
    assert len(p16) == 1 and "“丙”读作三级指标" in p16[0] and "“丁”读作指标值" in p16[0]
    assert [f.code for f in findings if f.code == "P13"] == []


@pytest.mark.parametrize("fmt", ["txt", "docx", "xlsx"])
def test_rows_under_a_header_that_cannot_be_read_are_reported_not_lost(fmt: str) -> None:
    header: list[str | C] = ["第一栏（按照财政部门的统一要求分类填写的栏目）", "乙", "丙", "丁", "戊"]
    record, findings = read_any(_file(header, fmt), f"lost.{fmt}")
    assert isinstance(record, PerformanceDocument)
    project = record.projects[0]
    assert project.indicators == ()
    assert project.goals == (
        "完成乡村道路日常养护，保障道路安全通行。",
    )  # the row with a blank first cell too
    p13 = [f.message for f in findings if f.code == "P13"]
    assert len(p13) == 1 and "4 行像是绩效指标" in p13[0] and "“乙”" in p13[0]
    skipped = [f.message for f in findings if f.code == "P07"]
    assert [
        m for m in skipped if "质量指标" in m
    ]  # the row with a blank first cell is named by what it holds
    assert len(skipped) == 5  # the header and the four rows


@pytest.mark.parametrize(
    ("word", "role"),
    [
        ("预算规模及资金用涂", "purpose"),  # 途 mistyped
        ("项目主管部门名祢", "supervising_department"),
        ("项目实施单位名称", "implementing_unit"),
        ("部门（单位）职则", "duties"),
    ],
)
def test_a_head_label_with_a_near_miss_reads_as_its_field(word: str, role: str) -> None:
    label = read_label(word, 0)
    assert label is not None and label.name == role


@pytest.mark.parametrize("word", ["巨鹿县总工会编制", "第一部分部门整体绩效目标", "困难职工帮扶救助"])
def test_a_text_that_is_no_label_stays_none(word: str) -> None:
    assert read_label(word, 0) is None
