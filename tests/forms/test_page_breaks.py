"""Long target documents printed to PDF by LibreOffice: rows broken by a page, 一级 cells merged down over a
page break (printed on one side only), and tables continued on a page without the head block's columns.

Both documents are invented and printed in one LibreOffice run; every indicator must come back whole.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from jixiao.kinds import read_any, write_any
from jixiao.model import Finding, PerformanceDocument
from tests.forms.fixtures_targets import merge_down
from tests.forms.office import C, Table, docx_bytes, pdf_files
from tests.rules.helpers import clean_document

LEVELS = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
]
WORDS = "组织开展劳动技能竞赛掀起学习劳模精神热潮推进职工书屋建设提升服务质效促进产业工人队伍建设改革"
Tuple = tuple[str, str, str, str]


def _tall_rows(projects: int) -> tuple[bytes, list[Tuple]]:
    """A DOCX whose rows may break over pages (long 三级 names and descriptions), 一级 merged down."""
    blocks: list[str | Table] = []
    expected: list[Tuple] = []
    for n in range(projects):
        rows = []
        for k in range(14):
            level1, level2 = LEVELS[k % 7]
            start = (n + k) % 20
            name = f"{WORDS[start : start + 6 + (k * 7 + n) % 26]}指标{k + 1}"
            description = WORDS[(k * 5 + n) % 30 :] * (1 + (n * 3 + k) % 4)
            rows.append([level1, level2, name, description, f"≥{10 + k * n % 50}%"])
        rows.sort(key=lambda r: ["产出指标", "效益指标", "满意度指标"].index(r[0]))
        expected += [(r[0], r[1], r[2], r[4]) for r in rows]
        blocks += [
            f"{n + 1}.示范项目{n + 1}绩效目标表",
            Table(
                [
                    ["项目名称", C(f"示范项目{n + 1}", span=4)],
                    ["年度资金总额", C("12.50", span=4)],
                    ["年度目标", C("完成各项任务。", span=4)],
                    ["一级指标", "二级指标", "三级指标", "指标描述", "指标值"],
                    *merge_down(rows, (0,)),
                ]
            ),
        ]
    return docx_bytes(blocks), expected


def _own_layout(projects: int) -> PerformanceDocument:
    """jixiao's own DOCX (rows kept whole) of projects whose grids run over a page below the head block."""
    doc = clean_document(projects)
    changed = []
    for n, p in enumerate(doc.projects):
        rows = []
        for k, i in enumerate(p.indicators):
            extra = WORDS[: (n * 7 + k * 5) % len(WORDS)]
            rows.append(
                replace(
                    i,
                    level3=i.level3 + extra[: (n + k) % 9],
                    description=(i.description or i.level3) + extra * (1 + (n + k) % 3),
                    basis=i.basis + extra,
                )
            )
        changed.append(replace(p, indicators=tuple(rows)))
    return replace(doc, projects=tuple(changed))


def _tuples(doc: PerformanceDocument) -> list[Tuple]:
    return [(i.level1, i.level2, i.level3, i.value.raw) for p in doc.projects for i in p.indicators]


Printed = dict[str, tuple[bytes, list[Tuple]]]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    tall, expected = _tall_rows(12)
    own = _own_layout(30)
    pdfs = pdf_files(
        {"tall.docx": tall, "own.docx": write_any(own, "docx")}, tmp_path_factory.mktemp("pages")
    )
    return {"tall": (pdfs["tall.docx"], expected), "own": (pdfs["own.docx"], _tuples(own))}


def _read(pdf: bytes) -> tuple[PerformanceDocument, list[Finding]]:
    record, findings = read_any(pdf, "printed.pdf")
    assert isinstance(record, PerformanceDocument)
    return record, findings


def test_rows_broken_by_a_page_read_as_one_indicator_each(printed: Printed) -> None:
    pdf, expected = printed["tall"]
    doc, findings = _read(pdf)
    assert _tuples(doc) == expected
    joined = [f for f in findings if f.code == "P04" and "跨页" in f.message]
    assert len(joined) >= 10  # the page breaks did fall inside rows
    assert all(i.level1 for p in doc.projects for i in p.indicators)


def test_a_grid_continued_below_a_head_block_keeps_its_columns(printed: Printed) -> None:
    pdf, expected = printed["own"]
    doc, findings = _read(pdf)
    assert _tuples(doc) == expected
    assert [f.code for f in findings if f.code in ("P05", "P07", "P13")] == []
