"""Every text shape of LAYOUTS.md "Table shapes": the same documents read the same whatever shape their tables take.

Each fixture document of :mod:`tests.forms` and the example is written in each shape (:mod:`tests.core.shapes`):
tab-separated (the reference), ``|`` rows (plain, with borders and a markdown rule, a colspan expanded into
hundreds of ``|``), one cell per line (ending in `` |``, one cell per paragraph, indented, a label broken over two
lines), one row per line between spaces (indented sub-rows, or columns padded as monospaced extraction gives
them), the whole table on one line between single spaces, and run together with no separator. A shape reads its
share of what the tab layout of the same document reads: the (三级指标, 指标值) pairs, the budgets, the
self-evaluation totals, actual values and fund lines. Small documents written here give the exact tuples.
"""

from __future__ import annotations

import contextlib
from functools import cache

import pytest

from jixiao.importers.errors import UnreadableError
from jixiao.importers.text import extract_text_layout
from jixiao.kinds import read_any
from jixiao.model import AnyDocument, Finding, PerformanceDocument, SelfEvaluation
from tests.core.shapes import SHAPES, Doc, Fact, documents, facts, read_facts, share, write
from tests.forms.tuples import evaluation_funds, evaluation_projects, pairs

LOSSLESS = ("tab", "pipe", "pipe-markdown", "pipe-wide")
LOSSY = tuple(s for s in SHAPES if s not in LOSSLESS and s != "glued")


@cache
def _documents() -> dict[str, Doc]:
    return documents()


@cache
def _reference(name: str) -> tuple[Fact, ...]:
    return tuple(read_facts(write(_documents()[name], "tab")))


def _share(shape: str) -> tuple[int, int, list[str]]:
    """(facts read as the tab layout reads them, facts the tab layout reads, the documents below 90 %)."""
    hit = wanted = 0
    low: list[str] = []
    for name, doc in _documents().items():
        h, w = share(read_facts(write(doc, shape)), _reference(name))
        hit, wanted = hit + h, wanted + w
        if h * 10 < w * 9:
            low.append(f"{name} {h}/{w}")
    return hit, wanted, low


def test_the_tab_layout_reads_every_fixture() -> None:
    """The reference itself: every document in the tab layout reads as a performance record with indicators."""
    for name in _documents():
        assert any(f[0] == "pair" and f[2] for f in _reference(name)), name


@pytest.mark.parametrize("shape", [*LOSSLESS, *LOSSY])
def test_each_shape_reads_at_least_ninety_percent_of_what_the_tab_layout_reads(shape: str) -> None:
    hit, wanted, low = _share(shape)
    assert hit * 10 >= wanted * 9, (f"{shape}: {hit}/{wanted}", low)


def test_a_table_run_together_reads_at_least_what_it_reached() -> None:
    """The glued variant (no separator at all) is hard: labels, values and repeated texts cut it; texts side by
    side stay one cell. Guard what is reached (about half) so it does not fall back."""
    hit, wanted, _ = _share("glued")
    assert hit * 100 >= wanted * 45, f"glued: {hit}/{wanted}"


# -- small documents, exact tuples ----------------------------------------------------------------------------

HEBEI: Doc = [
    "第二部分",
    "1.示范项目绩效目标表",
    "123456 某单位 单位：万元",
    [
        ["项目编码", "13052925P000000000001", "", "项目名称", "示范项目", "", ""],
        ["预算规模及资金用途", "预算数", "10.00", "其中：财政资金", "10.00", "其他资金", ""],
        ["", "用于示范", "", "", "", "", ""],
        ["资金支出计划（%）", "3 月底", "", "6 月底", "10 月底", "12 月底", ""],
        ["", "", "", "30%", "", "100%", ""],
        ["绩效目标", "1.完成示范 2.群众满意", "", "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", ""],
        ["产出指标", "数量指标", "示范次数", "示范次数", "≥3 次", "计划", ""],
        ["", "质量指标", "合格率", "合格率", "≥95%", "计划", ""],
        ["", "成本指标", "人均成本", "人均成本", "≤100 元/人", "测算", ""],
        ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%", "问卷", ""],
    ],
]
HEBEI_PAIRS = [("示范次数", "≥3 次"), ("合格率", "≥95%"), ("人均成本", "≤100 元/人"), ("满意度", "≥90%")]
HEBEI_LEVELS = [
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "成本指标"),
    ("满意度指标", "服务对象满意度指标"),
]

# operator, number and unit in three columns, a 定性 row with no unit, weights and directions (Sichuan)
SICHUAN: Doc = [
    "2025年部门预算项目绩效目标申报表",
    "金额单位：元",
    [
        [
            "单位名称",
            "项目名称",
            "预算数",
            "年度目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "权重",
            "指标方向性",
        ],
        [
            "某镇人民政府",
            "道路维护",
            "120,000.00",
            "完成道路维护",
            "产出指标",
            "数量指标",
            "维护里程",
            "≥",
            "28.5",
            "公里",
            "30",
            "正向指标",
        ],
        ["", "", "", "", "", "质量指标", "验收合格率", "≥", "95", "%", "30", "正向指标"],
        ["", "", "", "", "效益指标", "社会效益指标", "出行条件", "定性", "明显改善", "", "20", "正向指标"],
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "村民满意度", "≥", "90", "%", "20", "正向指标"],
    ],
]
SICHUAN_PAIRS = [
    ("维护里程", "≥28.5 公里"),
    ("验收合格率", "≥95%"),
    ("出行条件", "明显改善"),
    ("村民满意度", "≥90%"),
]

# a self-evaluation: money lines under 年初/全年预算数, a line without amounts, a 总分 row under 分值 and 得分
EVALUATION: Doc = [
    "2024年度项目支出绩效自评表",
    [
        ["项目名称", "示范培训", "", "", "", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "100.00", "120.00", "108.00", "10", "90.00%", "9.00"],
        ["", "其中：财政拨款", "100.00", "120.00", "108.00", "—", "", "—"],
        ["", "其他资金", "", "", "", "—", "", "—"],
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        ["产出指标", "数量指标", "培训人数", "≥100人", "120人", "40", "40", ""],
        ["", "质量指标", "考核合格率", "≥90%", "85%", "30", "28.3", "部分学员缺考，下期加强督促"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", "20", "20", ""],
        ["总分", "", "", "", "", "100", "97.3", ""],
    ],
]
EVALUATION_PROJECTS = [
    (
        "示范培训",
        "10",
        "9",
        "97.3",
        [
            ("培训人数", "≥100人", "120人", "40", "40"),
            ("考核合格率", "≥90%", "85%", "30", "28.3"),
            ("学员满意度", "≥90%", "95%", "20", "20"),
        ],
    )
]
EVALUATION_FUNDS = [
    [
        ("年度资金总额", "100", "120", "108"),
        ("其中：财政拨款", "100", "120", "108"),
        ("其他资金", None, None, None),
    ]
]


def _read(doc: Doc, shape: str) -> tuple[AnyDocument, list[Finding]]:
    return read_any(write(doc, shape).encode(), f"{shape}.txt")


@pytest.mark.parametrize("shape", [*LOSSLESS, *LOSSY])
def test_a_hebei_table_in_every_shape(shape: str) -> None:
    record, findings = _read(HEBEI, shape)
    assert isinstance(record, PerformanceDocument)
    assert pairs(record) == HEBEI_PAIRS
    [project] = record.projects
    assert [(i.level1, i.level2) for i in project.indicators] == HEBEI_LEVELS
    if shape == "cells-wrapped":  # a code wrapped over two lines is a code and a stray line (P07), not joined
        assert project.code == "13052925P00000"
        return
    assert (project.code, project.name, str(project.budget_total)) == (
        "13052925P000000000001",
        "示范项目",
        "10.00",
    )
    assert project.goals == ("完成示范", "群众满意")
    assert not [f for f in findings if f.code == "P07"]


@pytest.mark.parametrize("shape", [*LOSSLESS, *LOSSY])
def test_operator_number_and_unit_columns_in_every_shape(shape: str) -> None:
    record, _ = _read(SICHUAN, shape)
    assert isinstance(record, PerformanceDocument)
    assert pairs(record) == SICHUAN_PAIRS
    assert [(p.name, str(p.total_budget)) for p in record.projects] == [("道路维护", "120000.00")]
    assert [str(i.weight) for i in record.projects[0].indicators] == ["30", "30", "20", "20"]


@pytest.mark.parametrize("shape", [*LOSSLESS, *LOSSY])
def test_a_self_evaluation_in_every_shape(shape: str) -> None:
    record, _ = _read(EVALUATION, shape)
    assert isinstance(record, SelfEvaluation)
    assert evaluation_projects(record) == EVALUATION_PROJECTS
    assert evaluation_funds(record) == EVALUATION_FUNDS


def test_the_small_documents_run_together() -> None:
    """With no separator at all, labels, values and a text written twice still cut the Hebei rows apart."""
    record, _ = _read(HEBEI, "glued")
    assert isinstance(record, PerformanceDocument)
    assert pairs(record) == HEBEI_PAIRS


# -- | rows ----------------------------------------------------------------------------------------------------


def test_a_leading_blank_cell_is_a_cell_unless_every_row_has_a_border() -> None:
    """``|质量指标|…`` under rows without a border: the first cell is blank, not a border."""
    text = write(HEBEI, "pipe")
    assert "\n|质量指标|合格率|" in text
    record, _ = read_any(text.encode(), "x.txt")
    assert pairs(record) == HEBEI_PAIRS


def test_a_row_of_two_cells_continues_a_pipe_table() -> None:
    text = write(HEBEI, "pipe").replace(
        "项目编码|13052925P000000000001||项目名称|示范项目||", "项目编码|13052925P000000000001"
    )
    text = text.replace("预算规模及资金用途|", "项目名称|示范项目\n预算规模及资金用途|", 1)
    record, _ = read_any(text.encode(), "x.txt")
    assert isinstance(record, PerformanceDocument)
    assert [(p.code, p.name) for p in record.projects] == [("13052925P000000000001", "示范项目")]


# -- what cannot be placed --------------------------------------------------------------------------------------


def test_a_lost_cell_is_read_blank_and_reported() -> None:
    """One cell per line, the 依据 of the first row lost: the row reads without it, the guess is reported (P05)."""
    text = write(HEBEI, "cells-pipe").replace("计划 |\n质量指标 |", "质量指标 |", 1)
    record, findings = read_any(text.encode(), "x.txt")
    assert isinstance(record, PerformanceDocument)
    assert pairs(record) == HEBEI_PAIRS
    assert [i.basis for i in record.projects[0].indicators] == ["", "计划", "测算", "问卷"]
    [p05] = [f for f in findings if f.code == "P05" and "资金支出计划" not in f.message]
    assert "指标值确定依据" in p05.message and "请核对" in p05.message and p05.source.line is not None


def test_a_page_break_inside_a_table_written_one_cell_per_line() -> None:
    """A blank line (a page break) before a row's cells does not end the table; a title after one does."""
    text = write(HEBEI, "cells-pipe").replace("质量指标 |", "\n— 2 —\n\n质量指标 |", 1)
    record, findings = read_any(text.encode(), "x.txt")
    assert isinstance(record, PerformanceDocument)
    assert pairs(record) == HEBEI_PAIRS
    assert not [f for f in findings if f.code in ("P05", "P07") and "资金支出计划" not in f.message]


def test_a_line_under_no_label_is_reported_and_skipped() -> None:
    text = write(HEBEI, "cells").replace("示范项目\n", "示范项目\n（盖章）\n", 1)
    record, findings = read_any(text.encode(), "x.txt")
    assert isinstance(record, PerformanceDocument)
    assert record.projects[0].name == "示范项目"
    [p07] = [f for f in findings if f.code == "P07"]
    assert "“（盖章）”不在任何栏目之下" in p07.message


def test_running_text_with_labels_stays_text() -> None:
    """Headings that happen to be labels (部门整体绩效目标, 工作保障措施) open no table when no table follows."""
    text = "第一部分\n\n部门整体绩效目标\n\n一、总体绩效目标\n\n做好工作。\n\n三、工作保障措施\n\n人员经费\n"
    layout, findings = extract_text_layout(text, "x.txt")
    assert all(not hasattr(b, "rows") for b in layout.blocks)
    assert findings == []


@pytest.mark.parametrize("shape", [*LOSSY, "glued"])
def test_a_cut_or_damaged_table_gives_findings_not_a_traceback(shape: str) -> None:
    """Every document of every shape cut short, or with every seventh line lost: read or refused, never a crash."""
    for doc in list(_documents().values())[::3]:
        text = write(doc, shape)
        lines = text.split("\n")
        for damaged in (
            text[: len(text) // 3],
            text[: len(text) * 2 // 3],
            "\n".join(lines[::7] + lines[3::7]),
        ):
            with contextlib.suppress(UnreadableError):  # a refusal is a reading too; a traceback is not
                read_any(damaged.encode(), "x.txt")


def test_the_measure_counts_facts() -> None:
    """The share counts repeats and ignores order; a refused text holds nothing."""
    assert share([("pair", "a", "1"), ("pair", "a", "1")], [("pair", "a", "1")]) == (1, 1)
    assert read_facts("没有表格的文字。\n") == []
    assert facts(read_any(write(HEBEI, "tab").encode(), "x.txt")[0])[-1] == ("budget", "示范项目", "10")
