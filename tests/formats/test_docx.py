"""DOCX in and out: the round trip, the LibreOffice-written example, merged cells, split tables, bad input."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import replace
from functools import cache

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.table import Table as WordTable
from hypothesis import HealthCheck, given, settings

from jixiao.exporters.docx import write_docx
from jixiao.importers import UnreadableError
from jixiao.importers.docx import extract_docx_layout
from jixiao.importers.layout import Table, TextLine
from jixiao.kinds import read_document
from jixiao.model import Finding, PerformanceDocument

from ..conftest import EXAMPLE
from ..core.test_json_form import documents

SHARED_DOCX = EXAMPLE.with_suffix(".docx")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@cache
def _written(doc: PerformanceDocument) -> bytes:
    return write_docx(doc)


def build(fill: Callable[[Document], None]) -> bytes:
    """The bytes of a Word file written by python-docx, filled by a test."""
    word = docx.Document()
    fill(word)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def rows(word: Document, cells: list[list[str]]) -> WordTable:
    """A table holding the given texts, one list per row."""
    table: WordTable = word.add_table(rows=len(cells), cols=max(len(r) for r in cells))
    for r, texts in enumerate(cells):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    return table


def codes(findings: list[Finding]) -> list[str]:
    return sorted({f.code for f in findings})


# -- the round trip ----------------------------------------------------------------------------------


def test_round_trip_keeps_the_model(example: PerformanceDocument) -> None:
    data = _written(example)
    again, findings = read_document(data, "again.docx")
    assert again == example
    assert (again.contents, again.department_goals) == (example.contents, example.department_goals)
    # as for the text form, only the code with a space and the carried merged 一级 cells remain
    assert codes(findings) == ["P02", "S01"]
    assert read_document(write_docx(again), "twice.docx")[0] == example


def test_round_trip_without_contents_part_one_or_spending_plan(example: PerformanceDocument) -> None:
    bare = replace(example.projects[0], spending_plan=(), goals=(), purpose="")
    for doc in (
        replace(example, contents=()),  # the generated contents carry no page numbers
        replace(example, contents=(), department_goals=type(example.department_goals)()),
        replace(example, projects=(bare, *example.projects[1:])),
    ):
        assert read_document(write_docx(doc), "v.docx")[0] == doc


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_survives_docx(doc: PerformanceDocument) -> None:
    assert read_document(write_docx(doc), "generated.docx")[0] == doc


def test_characters_xml_cannot_hold_are_dropped(example: PerformanceDocument) -> None:
    project = replace(example.projects[0], purpose="用于\x0b拨付\x00经费")
    doc = replace(example, unit_name="巨鹿县\x07总工会", projects=(project,))
    back, _ = read_document(write_docx(doc), "ctl.docx")
    assert (back.unit_name, back.projects[0].purpose) == ("巨鹿县总工会", "用于拨付经费")


def test_written_layout_is_the_official_one(example: PerformanceDocument) -> None:
    word = docx.Document(io.BytesIO(_written(example)))
    body = word.sections[-1]
    sizes = [body.page_width, body.page_height, body.top_margin, body.bottom_margin, body.left_margin]
    sizes.append(body.right_margin)
    assert [round(s.mm) if s is not None else None for s in sizes] == [210, 297, 37, 35, 28, 26]
    fonts = {
        name: word.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("Normal", "Heading 1", "Heading 2", "表格文字")
    }
    assert fonts == {
        "Normal": "仿宋_GB2312",
        "Heading 1": "方正小标宋简体",
        "Heading 2": "黑体",
        "表格文字": "宋体",
    }
    assert [round(word.styles[n].font.size.pt, 1) for n in ("封面标题", "Normal", "表格文字")] == [
        26,
        16,
        10.5,
    ]
    texts = [p.text for p in word.paragraphs if p.text]
    assert texts[:5] == [
        "巨鹿县总工会",
        "2024 年部门预算绩效文本",
        "(草案)",
        "巨鹿县总工会编制",
        "巨鹿县财政局审核",
    ]
    assert texts[5:8] == ["目 录", "第一部分 部门整体绩效目标", "一、总体绩效目标\t1"]
    assert "711001 巨鹿县总工会\t单位：万元" in texts
    assert len(word.tables) == 6
    first = word.tables[0]._tbl
    spans = [[tc.grid_span for tc in tr.tc_lst] for tr in first.tr_lst]
    assert spans[:7] == [
        *([1, 2, 1, 4], [1] * 6 + [2], [1, 7]),  # 项目编码 | code | 项目名称 | name; budget; purpose
        *([1, 1, 1, 1, 4], [1, 1, 1, 1, 4], [1, 7]),  # the spending plan over two rows; goals
        [1, 1, 2, 1, 1, 2],  # 一级 | 二级 | 三级 (wide) | 描述 | 指标值 | 依据
    ]
    merges = [tr.tc_lst[0].vMerge for tr in first.tr_lst]
    assert merges[:7] == [None, "restart", "continue", "restart", "continue", None, None]
    assert merges[7:] == ["restart", "continue", "continue", "continue", "restart", "continue", "restart"]


# -- the example written by LibreOffice --------------------------------------------------------------


def test_libreoffice_example_reads_like_the_text_form(example: PerformanceDocument) -> None:
    doc, findings = read_document(SHARED_DOCX.read_bytes(), SHARED_DOCX.name)
    for got, want in zip(doc.projects, example.projects, strict=True):
        assert (got.code, got.name, got.budget_total, got.budget_fiscal, got.budget_other) == (
            want.code,
            want.name,
            want.budget_total,
            want.budget_fiscal,
            want.budget_other,
        )
        assert (got.purpose, got.spending_plan, got.goals, got.title) == (
            want.purpose,
            want.spending_plan,
            want.goals,
            want.title,
        )
        fields = [(i.level1, i.level2, i.level3, i.description, i.value.raw, i.basis) for i in got.indicators]
        assert fields == [
            (i.level1, i.level2, i.level3, i.description, i.value.raw, i.basis) for i in want.indicators
        ]
    goals, want_goals = doc.department_goals, example.department_goals
    assert goals.overall_goal == want_goals.overall_goal
    assert [(s.title, s.goal, s.indicator_text) for s in goals.sub_goals] == [
        (s.title, s.goal, s.indicator_text) for s in want_goals.sub_goals
    ]
    assert goals.safeguards == want_goals.safeguards
    assert doc == example  # the cover and the contents too: no difference at all
    # LibreOffice kept the code's space, so the same S01 is reported as for the text form
    assert doc.projects[4].code == "13052924P0058401190 3Q"
    assert "S01" in codes(findings)
    # project 6 is one table in the DOCX, split over two pages in the text form: no S04 here
    assert "S04" not in codes(findings)


def test_libreoffice_example_layout_resolves_merged_cells() -> None:
    layout, findings = extract_docx_layout(SHARED_DOCX.read_bytes(), SHARED_DOCX.name)
    assert findings == []
    tables = [b for b in layout.blocks if isinstance(b, Table)]
    assert len(tables) == 6
    assert {len(r.cells) for t in tables for r in t.rows} == {7}
    cells = [r.cells for r in tables[0].rows]
    assert cells[0] == ("项目编码", "13052924P005840119077", "", "项目名称", "公安局辅警工会费", "", "")
    assert cells[2][0] == "" and cells[2][1].startswith("用于拨付")  # 预算规模及资金用途 merged down
    assert cells[3] == ("资金支出计划（%）", "3 月底", "", "6 月底", "10 月底", "12 月底", "")
    assert cells[4] == ("", "", "", "", "", "100%", "")
    assert [c[0] for c in cells[7:]] == ["产出指标", "", "", "", "效益指标", "", "满意度指标"]
    lines = [
        n for b in layout.blocks for n in ([b.line] if isinstance(b, TextLine) else [r.line for r in b.rows])
    ]
    numbers = [n for n in lines if n is not None]
    assert numbers == sorted(numbers) and len(numbers) == len(lines)
    assert all(b.page is None for b in layout.blocks)


# -- shapes written inside the tests -------------------------------------------------------------------

HEAD = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]


def _project_head(word: Document, title: str = "1.示范项目绩效目标表") -> None:
    word.add_paragraph("2025 年部门预算绩效文本")
    word.add_paragraph("第二部分")
    word.add_paragraph(title)
    word.add_paragraph("123456 某单位")
    word.add_paragraph("单位：万元")


def test_merged_cells_both_ways() -> None:
    def fill(word: Document) -> None:
        _project_head(word)
        t = rows(
            word,
            [
                ["项目编码", "13052925P000000000001", "", "项目名称", "示范项目", "", ""],
                ["预算规模及资金用途", "预算数", "1.50", "其中：财政资金", "1.00", "其他资金", "0.50"],
                ["", "用于示范", "", "", "", "", ""],
                ["绩效目标", "1.完成示范", "", "", "", "", ""],
                [*HEAD, ""],
                ["产出指标", "数量指标", "示范次数", "示范次数", "≥3 次", "计划", ""],
                ["", "质量指标", "合格率", "合格率", "100%", "计划", ""],
                ["效益指标", "社会效益指标", "受益人数", "受益人数", "≥50 人", "计划", ""],
            ],
        )
        t.cell(0, 1).merge(t.cell(0, 2))  # horizontal: code over two columns
        t.cell(0, 4).merge(t.cell(0, 6))  # name over three
        t.cell(1, 0).merge(t.cell(2, 0))  # vertical: the 预算规模 label over two rows
        t.cell(2, 1).merge(t.cell(2, 6))
        t.cell(3, 1).merge(t.cell(3, 6))
        t.cell(4, 5).merge(t.cell(4, 6))
        t.cell(5, 0).merge(t.cell(6, 0))  # 一级 over its group
        for r in (5, 6, 7):
            t.cell(r, 5).merge(t.cell(r, 6))

    data = build(fill)
    layout, _ = extract_docx_layout(data, "m.docx")
    (table,) = [b for b in layout.blocks if isinstance(b, Table)]
    assert table.rows[0].cells == ("项目编码", "13052925P000000000001", "", "项目名称", "示范项目", "", "")
    first_column = ["项目编码", "预算规模及资金用途", "", "绩效目标", "一级指标", "产出指标", "", "效益指标"]
    assert [r.cells[0] for r in table.rows] == first_column
    doc, findings = read_document(data, "m.docx")
    (p,) = doc.projects
    assert (p.code, p.name, str(p.budget_total), str(p.budget_other), p.purpose, p.goals) == (
        "13052925P000000000001",
        "示范项目",
        "1.50",
        "0.50",
        "用于示范",
        ("完成示范",),
    )
    assert [(i.level1, i.level3, i.value.raw) for i in p.indicators] == [
        ("产出指标", "示范次数", "≥3 次"),
        ("产出指标", "合格率", "100%"),
        ("效益指标", "受益人数", "≥50 人"),
    ]
    assert codes(findings) == ["P02"]  # the blank merged 一级 cell, carried down


def test_table_continued_after_a_page_break_with_the_header_repeated() -> None:
    def fill(word: Document) -> None:
        _project_head(word)
        rows(
            word,
            [
                ["项目编码", "13052925P000000000001", "", "项目名称", "示范项目", ""],
                ["绩效目标", "1.完成示范 2.服务群众", "", "", "", ""],
                HEAD,
                ["产出指标", "数量指标", "示范次数", "示范次数", "≥3 次", "计划"],
                ["", "质量指标", "合格率", "合格率", "100%", "计划"],
            ],
        )
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        rows(
            word,
            [
                HEAD,
                ["", "时效指标", "完成时间", "完成时间", "2025年12月底前", "计划"],
                ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%", "问卷"],
            ],
        )

    doc, findings = read_document(build(fill), "split.docx")
    (p,) = doc.projects
    assert p.goals == ("完成示范", "服务群众")
    assert [(i.level1, i.level2) for i in p.indicators] == [
        ("产出指标", "数量指标"),
        ("产出指标", "质量指标"),
        ("产出指标", "时效指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]
    assert codes(findings) == ["P02", "S04"]


def test_operator_value_and_unit_in_three_columns() -> None:
    def fill(word: Document) -> None:
        _project_head(word)
        rows(
            word,
            [
                ["项目编码", "13052925P000000000001", "项目名称", "示范项目", "", "", "", ""],
                [*HEAD[:4], "指标性质", "指标值", "度量单位", HEAD[5]],
                ["产出指标", "数量指标", "受益人数", "受益人数", "≥", "242", "人", "计划"],
                ["", "质量指标", "合格率", "合格率", "＝", "100", "%", "标准"],
                ["满意度指标", "满意度指标", "满意度", "满意度", "定性", "达到预期", "", "问卷"],
            ],
        )

    doc, _ = read_document(build(fill), "ops.docx")
    assert [i.value.raw for i in doc.projects[0].indicators] == ["≥242 人", "＝100%", "达到预期"]
    assert [i.basis for i in doc.projects[0].indicators] == ["计划", "标准", "问卷"]


def test_cell_and_paragraph_text() -> None:
    """Numbered paragraphs in a cell stay apart; line breaks split body text; Symbol-font ≥ is read."""

    def fill(word: Document) -> None:
        word.add_paragraph("某单位\n2025 年部门预算绩效文本")  # one paragraph, two lines (w:br)
        _project_head(word)
        t = rows(
            word,
            [
                ["项目编码", "13052925P000000000001", "项目名称", "示范项目", "", ""],
                ["绩效目标", "", "", "", "", ""],
                HEAD,
                ["产出指标", "经济效益", "示范次数", "示范次数", "", "计划"],
            ],
        )
        goals = t.cell(1, 1)
        goals.paragraphs[0].text = "1.完成示范"
        goals.add_paragraph("2.服务群众")
        t.cell(3, 1).add_paragraph("指标")  # a label broken by Enter: 经济效益 / 指标
        value = t.cell(3, 4).paragraphs[0]
        value._p.append(parse_xml(f'<w:r {W}><w:sym w:font="Symbol" w:char="F0B3"/><w:t>95%</w:t></w:r>'))

    doc, _ = read_document(build(fill), "cells.docx")
    (p,) = doc.projects
    assert (doc.unit_name, doc.fiscal_year) == ("某单位", 2025)
    assert p.goals == ("完成示范", "服务群众")
    assert (p.indicators[0].level2, p.indicators[0].value.raw) == ("经济效益指标", "≥95%")


def test_content_controls_and_tracked_changes() -> None:
    """Text inside content controls is read; tracked insertions count, tracked deletions do not."""

    def fill(word: Document) -> None:
        word.add_paragraph("第一部分")
        word.add_paragraph("一、总体绩效目标")
        word.element.body.sectPr.addprevious(
            parse_xml(
                f"<w:sdt {W}><w:sdtContent><w:p>"
                "<w:r><w:t>做好</w:t></w:r>"
                '<w:del w:id="1" w:author="a"><w:r><w:delText>不</w:delText></w:r></w:del>'
                '<w:ins w:id="2" w:author="a"><w:r><w:t>全部</w:t></w:r></w:ins>'
                "<w:r><w:t>工作。</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            )
        )

    doc, _ = read_document(build(fill), "sdt.docx")
    assert doc.department_goals.overall_goal == "做好全部工作。"


def test_part_one_without_tables_reads() -> None:
    def fill(word: Document) -> None:
        for text in ("某单位", "2025 年部门预算绩效文本", "第一部分", "一、总体绩效目标", "做好工作。"):
            word.add_paragraph(text)

    doc, _ = read_document(build(fill), "p1.docx")
    assert (doc.department_goals.overall_goal, doc.projects) == ("做好工作。", ())


# -- bad input -----------------------------------------------------------------------------------------


def unreadable(data: bytes, name: str = "bad.docx") -> str:
    with pytest.raises(UnreadableError) as info:
        read_document(data, name)
    return info.value.message


def test_bad_input_gives_a_clear_message(example: PerformanceDocument) -> None:
    good = _written(example)
    assert "压缩包结构不完整" in unreadable(good[: len(good) // 2])  # a broken zip
    assert "不是 .docx 所用的 ZIP 格式" in unreadable("这只是一段文字".encode())
    assert unreadable(b"").startswith("文件为空")
    assert "PDF" in unreadable(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert "加密" in unreadable(ole + "EncryptedPackage".encode("utf-16-le"))
    assert "Word 97-2003" in unreadable(ole + "WordDocument".encode("utf-16-le"))
    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel" in unreadable(xlsx.getvalue())
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(damaged, "w") as z:
        for item in src.infolist():
            z.writestr(item, b"<w:document" if item.filename == "word/document.xml" else src.read(item))
    assert "无法解析" in unreadable(damaged.getvalue())


def test_a_docx_without_tables_or_part_one() -> None:
    def letter(word: Document) -> None:
        word.add_paragraph("通知")
        word.add_paragraph("请于周五前报送材料。")

    message = unreadable(build(letter))
    assert "没有表格" in message and "第一部分" in message
    assert "空的" in unreadable(build(lambda word: None))


def test_layout_lines_are_paragraph_and_row_ordinals() -> None:
    def fill(word: Document) -> None:
        word.add_paragraph("第一部分")
        word.add_paragraph("")
        rows(word, [["a", "b"], ["c", "d"]])
        word.add_paragraph("一、总体绩效目标")

    layout, _ = extract_docx_layout(build(fill), "lines.docx")
    lines = [(b.text, b.line) if isinstance(b, TextLine) else [r.line for r in b.rows] for b in layout.blocks]
    assert lines == [("第一部分", 1), [3, 4], ("一、总体绩效目标", 5)]
