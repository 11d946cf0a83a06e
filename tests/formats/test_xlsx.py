"""XLSX: text → model → XLSX → model is exact; LibreOffice's workbook of the example reads into the same projects;
operator columns, several projects in one sheet, formulas, dates and broken files each give a model or a clear
message."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from decimal import Decimal
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
import xlsxwriter  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings

from jixiao.exporters import write_document
from jixiao.exporters.xlsx import display_width, write_xlsx
from jixiao.importers import UnreadableError
from jixiao.importers.layout import Table, TextLine
from jixiao.importers.xlsx import extract_xlsx_layout, number_text
from jixiao.kinds import read_document
from jixiao.model import Finding, PerformanceDocument, SpendingPoint

from ..conftest import ROOT
from ..core.test_json_form import documents

SHARED_XLSX = ROOT / "examples" / "julu-zonggonghui-2024-draft.xlsx"
HEADER = ("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据")


def workbook_bytes(*sheets: list[list[Any]], merges: tuple[str, ...] = ()) -> bytes:
    """A workbook built in the test: one list of rows per sheet; a row's None cells stay empty."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for n, rows in enumerate(sheets, start=1):
        ws = wb.create_sheet(f"表{n}")
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
        for merge in merges if n == 1 else ():
            ws.merge_cells(merge)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def project_rows(code: Any, name: str, total: Any, *indicators: tuple[Any, ...]) -> list[list[Any]]:
    return [
        ["项目编码", code, None, "项目名称", name],
        ["预算规模及资金用途", "预算数", total, "其中：财政资金", total, "其他资金"],
        [None, f"用于{name}"],
        ["绩效目标", f"1.完成{name}"],
        list(HEADER),
        *[list(i) for i in indicators],
    ]


def indicator_table(doc: PerformanceDocument) -> list[tuple[str, ...]]:
    return [
        (p.code, i.level1, i.level2, i.level3, i.description, i.value.raw, i.basis)
        for p in doc.projects
        for i in p.indicators
    ]


def codes(findings: list[Finding]) -> list[str]:
    return sorted({f.code for f in findings})


# -- the round trip -------------------------------------------------------------------------------------------


def test_text_to_xlsx_to_model_is_exact(example: PerformanceDocument) -> None:
    data = write_document(example, "xlsx")
    back, findings = read_document(data, "again.xlsx")
    assert back == example
    assert (back.fiscal_year, back.status, back.compiled_by, back.reviewed_by) == (
        2024,
        "draft",
        "巨鹿县总工会",
        "巨鹿县财政局",
    )
    assert back.contents == example.contents and back.department_goals == example.department_goals
    # what the exporter writes is clean: only the unrepairable code and the merged 一级指标 cells remain
    assert codes(findings) == ["P02", "S01"]
    again, _ = read_document(write_xlsx(back), "third.xlsx")
    assert again == example


def test_the_workbook_has_the_official_layout(example: PerformanceDocument) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(write_xlsx(example)))
    assert wb.sheetnames[:3] == ["汇总", "第一部分", "1.公安局辅警工会费"]
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in wb.sheetnames)
    assert len(wb.sheetnames) == 2 + len(example.projects)
    ws = wb["1.公安局辅警工会费"]
    assert [ws.cell(r, 1).value for r in (1, 2, 3)] == [
        "1.公安局辅警工会费绩效目标表",
        "711001 巨鹿县总工会",
        "单位：万元",
    ]
    merged = {str(m) for m in ws.merged_cells.ranges}
    # title across, code over B:C, name over E:G, 预算规模及资金用途 over two rows, 资金用途 and 绩效目标 across,
    # 资金支出计划 over two rows, 一级指标 产出 over its four rows, 指标值确定依据 over F:G
    assert {"A1:G1", "B4:C4", "E4:G4", "A5:A6", "B6:G6", "A7:A8", "B9:G9", "A11:A14", "F10:G10"} <= merged
    budget = ws["C5"]
    assert (budget.value, budget.number_format) == (13, "0.00")
    assert (ws["E8"].value, ws["E8"].number_format) == (1, "0%")  # 12月底 100%, merged E:G
    assert ws["E11"].value == "242 人数"  # indicator values stay the text as written
    assert ws.column_dimensions["D"].width >= display_width("绩效指标描述")
    first = wb["第一部分"]
    assert [first.cell(r, 1).value for r in (1, 2, 3)] == [
        "巨鹿县总工会",
        "2024 年部门预算绩效文本",
        "(草案)",
    ]
    summary = wb["汇总"]
    rows = [[c.value for c in row] for row in summary.iter_rows()]
    assert ["序号", "项目编码", "项目名称", "预算数", "财政资金", "其他资金", "金额单位", "指标数"] in rows
    assert [6, "13052924P00584011910R", "职工书屋租赁费", 5, 5, None, "万元", 7] in rows
    assert wb.custom_doc_props["jixiao-summary-sheet"].value == "汇总"


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_survives_xlsx(doc: PerformanceDocument) -> None:
    back, _ = read_document(write_xlsx(doc), "generated.xlsx")
    assert back == doc


def test_money_beyond_a_float_and_many_spending_points_survive(example: PerformanceDocument) -> None:
    p = example.projects[0]
    months = tuple(SpendingPoint(f"{m}月底", Decimal(m * 100) / 12) for m in range(1, 13))
    odd = replace(
        p, budget_total=Decimal("123456789012345.678"), budget_fiscal=Decimal("0.125"), spending_plan=months
    )
    doc = replace(example, projects=(odd,))
    back, _ = read_document(write_xlsx(doc), "odd.xlsx")
    assert back.projects[0].budget_total == Decimal("123456789012345.678")
    assert back == doc


# -- LibreOffice's workbook of the example --------------------------------------------------------------------


def test_the_shared_example_reads_like_the_text(example: PerformanceDocument) -> None:
    doc, findings = read_document(SHARED_XLSX.read_bytes(), str(SHARED_XLSX))
    assert doc.projects == example.projects  # codes, names, budgets, plans, goals and every indicator
    assert indicator_table(doc) == indicator_table(example)
    assert [(p.budget_total, p.budget_fiscal, p.budget_other) for p in doc.projects] == [
        (p.budget_total, p.budget_fiscal, p.budget_other) for p in example.projects
    ]
    assert [[(s.month, s.percent) for s in p.spending_plan] for p in doc.projects] == [
        [(s.month, s.percent) for s in p.spending_plan] for p in example.projects
    ]
    assert [p.goals for p in doc.projects] == [p.goals for p in example.projects]
    # The genuine differences. LibreOffice stored the money as numbers in General format, so 13.00 reads as
    # 13 (an equal Decimal with another exponent); the workbook holds part two only (no cover, contents or
    # part one); and its sixth table is not split over a page, so there is no S04.
    assert [str(p.budget_total) for p in doc.projects] == ["13", "13.1", "10", "17", "620", "5"]
    assert [str(p.budget_total) for p in example.projects] == [
        "13.00",
        "13.10",
        "10.00",
        "17.00",
        "620.00",
        "5.00",
    ]
    assert (doc.unit_code, doc.unit_name, doc.fiscal_year, doc.contents) == (
        "711001",
        "巨鹿县总工会",
        None,
        (),
    )
    assert doc.department_goals.is_empty
    assert codes(findings) == ["P02", "P03", "S01", "S08"]
    s01 = next(f for f in findings if f.code == "S01")
    assert (s01.source.page, s01.source.line, s01.source.column, s01.source.cell) == (
        1,
        73,
        2,
        "13052924P0058401190 3Q",
    )


def test_the_shared_example_layout_lines_and_tables() -> None:
    layout, findings = extract_xlsx_layout(SHARED_XLSX.read_bytes(), "x.xlsx")
    assert findings == []
    lines = [b.text for b in layout.blocks if isinstance(b, TextLine)]
    assert lines[:5] == [
        "第二部分",
        "预算项目绩效目标",
        "1.公安局辅警工会费绩效目标表",
        "711001 巨鹿县总工会",
        "单位：万元",
    ]
    tables = [b for b in layout.blocks if isinstance(b, Table)]
    assert len(tables) == 6
    first = tables[0].rows
    assert (first[0].line, first[0].page) == (6, 1)
    assert first[2].cells == ("", "用于拨付公安局辅警工会经费，维护公安辅警合法权益", "", "", "", "", "")
    assert first[4].cells == ("", "", "", "", "", "100%", "")  # one value under a label stays a table row


# -- shapes of LAYOUTS.md, built inline -----------------------------------------------------------------------


def test_operator_value_and_unit_in_three_columns() -> None:
    rows: list[list[Any]] = [
        ["1.示范项目绩效目标表"],
        ["单位：万元"],
        ["项目编码", "13052925P000000000001", None, "项目名称", "示范项目"],
        ["预算规模及资金用途", "预算数", 1.5, "其中：财政资金", 1.5, "其他资金"],
        [None, "用于示范"],
        ["绩效目标", "1.完成示范"],
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "绩效指标描述",
            "指标性质",
            "指标值",
            "度量单位",
            "指标值确定依据",
        ],
        ["产出指标", "数量指标", "示范次数", "示范次数", "≥", 3, "次", "计划"],
        [None, "质量指标", "合格率", "合格率", "＝", 100, "%", "计划"],
        [None, "成本指标", "人均标准", "人均标准", "≤", 7300, "元/年", "计划"],
        ["效益指标", "社会效益指标", "群众认可", "群众认可", "定性", "达到预期目标", None, "计划"],
        ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥", 95.5, "%", "问卷"],
    ]
    doc, _ = read_document(workbook_bytes(rows), "columns.xlsx")
    assert [i.value.raw for i in doc.projects[0].indicators] == [
        "≥3 次",
        "＝100%",
        "≤7300 元/年",
        "达到预期目标",
        "≥95.5%",
    ]
    assert [i.level1 for i in doc.projects[0].indicators] == ["产出指标"] * 3 + ["效益指标", "满意度指标"]
    assert (doc.projects[0].budget_total, doc.projects[0].indicators[4].value.number) == (
        Decimal("1.5"),
        Decimal("95.5"),
    )


def test_several_projects_in_one_sheet_and_tables_on_several_sheets() -> None:
    one = project_rows(
        "13052925P000000000001", "甲项目", 2, ("产出指标", "数量指标", "甲", "甲", "≥1 次", "计划")
    )
    two = project_rows(
        "13052925P000000000002",
        "乙项目",
        3.25,
        ("产出指标", "数量指标", "乙", "乙", "≥2 次", "计划"),
        (None, "质量指标", "乙质", "乙质", "100%", "计划"),
    )
    three = project_rows(
        "13052925P000000000003", "丙项目", 4, ("效益指标", "社会效益指标", "丙", "丙", "好", "计划")
    )
    data = workbook_bytes([["单位：万元"], *one, *two], [["3.丙项目绩效目标表"], *three])
    doc, _ = read_document(data, "several.xlsx")
    assert [(p.code, p.name, p.budget_total) for p in doc.projects] == [
        ("13052925P000000000001", "甲项目", Decimal(2)),
        ("13052925P000000000002", "乙项目", Decimal("3.25")),
        ("13052925P000000000003", "丙项目", Decimal(4)),
    ]
    assert [[i.level1 for i in p.indicators] for p in doc.projects] == [
        ["产出指标"],
        ["产出指标"] * 2,
        ["效益指标"],
    ]
    third = doc.projects[2].source
    assert (third.page, third.line) == (2, 2)  # sheet 2, row 2


def test_merged_title_and_purpose_and_a_value_under_a_merge() -> None:
    rows = [
        ["1.示范项目绩效目标表"],
        *project_rows(
            "13052925P000000000001", "示范项目", 1, ("产出指标", "数量指标", "次数", "次数", "≥3 次", "计划")
        ),
    ]
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = wb.add_worksheet()
    ws.merge_range("A1:G1", rows[0][0])
    ws.merge_range("B2:C2", rows[1][1])
    ws.merge_range("B4:G4", rows[3][1])
    for r, row in enumerate(rows[1:], start=1):
        for c, value in enumerate(row):
            if value is not None and (r, c) not in ((1, 1), (3, 1)):
                ws.write(r, c, value)
    ws.write_string("C2", "covered")  # a value under the merge B2:C2 (Excel never keeps one): not read
    wb.close()
    layout, _ = extract_xlsx_layout(out.getvalue(), "merged.xlsx")
    assert layout.blocks[0] == TextLine("1.示范项目绩效目标表", 1, 1)
    table = layout.blocks[1]
    assert isinstance(table, Table)
    assert table.rows[0].cells[:3] == ("项目编码", "13052925P000000000001", "")
    doc, _ = read_document(out.getvalue(), "merged.xlsx")
    assert (doc.projects[0].title, doc.projects[0].purpose) == (None, "用于示范项目")


def test_a_hidden_sheet_is_not_read_and_reported() -> None:
    rows = project_rows(
        "13052925P000000000001", "示范项目", 1, ("产出指标", "数量指标", "次数", "次数", "≥3 次", "计划")
    )
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(rows, [["≥"], ["≤"], ["＝"]])))
    wb["表2"].sheet_state = "hidden"  # a template's drop-down list
    out = io.BytesIO()
    wb.save(out)
    doc, findings = read_document(out.getvalue(), "hidden.xlsx")
    assert [i.value.raw for i in doc.projects[0].indicators] == ["≥3 次"]
    (finding,) = [f for f in findings if f.code == "P07"]
    assert "“表2”是隐藏的" in finding.message and finding.source.page == 2


def test_numbers_follow_the_cell_format() -> None:
    rows = project_rows(
        "13052925P000000000001", "示范项目", 13, ("产出指标", "数量指标", "次数", "次数", 0.95, "计划")
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(r, c, value)
    ws["C2"].number_format = "0.00"
    ws["E2"] = 13.100000000000001
    ws["E6"].number_format = '"≥"0%'
    out = io.BytesIO()
    wb.save(out)
    doc, _ = read_document(out.getvalue(), "numbers.xlsx")
    p = doc.projects[0]
    assert (str(p.budget_total), str(p.budget_fiscal), p.indicators[0].value.raw) == ("13.00", "13.1", "≥95%")


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (13, "0.00", "13.00"),
        (13.1, "General", "13.1"),
        (13.100000000000001, "General", "13.1"),
        (0.1 + 0.2, "General", "0.3"),
        (1, "0%", "100%"),
        (0.955, "0.0%", "95.5%"),
        (0.95, '"≥"0%', "≥95%"),
        (5, '0.00" 万元"', "5.00 万元"),
        (1234.5, "#,##0.00", "1234.50"),
        (1234.5, "#,##0.00_);[Red](#,##0.00)", "1234.50"),
        (1e-7, "General", "0.0000001"),
        (242, "@", "242"),
        (2.675, "0.00", "2.68"),  # Excel rounds half away from zero on the 15-digit value
    ],
)
def test_number_text(value: float, number_format: str, text: str) -> None:
    assert number_text(value, number_format) == text


# -- formulas and dates ---------------------------------------------------------------------------------------


def formula_workbook(cached: bool) -> bytes:
    """A project whose 预算数 is a formula: xlsxwriter stores a cached result, openpyxl stores none."""
    rows = project_rows(
        "13052925P000000000001", "示范项目", None, ("产出指标", "数量指标", "次数", "次数", "≥3 次", "计划")
    )
    if not cached:
        rows[1][2] = "=10+3"
        return workbook_bytes(rows)
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = wb.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    ws.write_formula(1, 2, "=10+3", wb.add_format({"num_format": "0.00"}), 13)
    wb.close()
    return out.getvalue()


def test_a_formula_reads_its_cached_value() -> None:
    doc, findings = read_document(formula_workbook(cached=True), "cached.xlsx")
    assert doc.projects[0].budget_total == Decimal("13.00")
    assert "P08" not in codes(findings)


def test_a_formula_without_cached_value_is_blank_and_reported() -> None:
    doc, findings = read_document(formula_workbook(cached=False), "uncached.xlsx")
    assert doc.projects[0].budget_total is None
    (finding,) = [f for f in findings if f.code == "P08"]
    assert (finding.source.page, finding.source.line, finding.source.column, finding.source.cell) == (
        1,
        2,
        3,
        "=10+3",
    )
    assert "没有保存计算结果" in finding.message and "表1" in finding.message


def test_a_long_code_typed_as_a_number_is_reported() -> None:
    rows = project_rows(
        130529240058401190770.0, "示范项目", 1, ("产出指标", "数量指标", "次数", "次数", "≥3 次", "计划")
    )
    doc, findings = read_document(workbook_bytes(rows), "long.xlsx")
    assert doc.projects[0].code == "130529240058401000000"  # what Excel kept: 15 significant digits
    (finding,) = [f for f in findings if f.code == "P08"]
    assert (finding.source.line, finding.source.column) == (1, 2) and "15 位有效数字" in finding.message


def test_an_excel_date_where_a_value_should_be() -> None:
    rows = project_rows(
        "13052925P000000000001",
        "示范项目",
        1,
        ("产出指标", "时效指标", "完成时间", "完成时间", dt.date(2024, 12, 31), "计划"),
    )
    doc, findings = read_document(workbook_bytes(rows), "date.xlsx")
    value = doc.projects[0].indicators[0].value
    assert (value.raw, value.kind, value.deadline) == ("2024-12-31", "deadline", "2024-12-31")
    (finding,) = [f for f in findings if f.code == "P08"]
    assert (finding.source.line, finding.source.column, finding.source.cell) == (6, 5, "2024-12-31")
    assert "Excel 日期" in finding.message


# -- bad input ------------------------------------------------------------------------------------------------


def zip_of(name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "空的"),
        ("项目编码\t123".encode(), "不是 Excel 工作簿"),
        (b"<html><table><tr><td>1</td></tr></table></html>", "网页"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "97-2003"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"), "密码"),
        (SHARED_XLSX.read_bytes()[:3000], "ZIP 压缩包不完整"),
        (zip_of("word/document.xml", b"<w/>"), "Word"),
        (zip_of("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"), ".ods"),
        (zip_of("xl/workbook.xml", b"<not a workbook"), "已损坏"),
    ],
    ids=["empty", "text", "html", "xls", "encrypted", "truncated", "docx", "ods", "broken-part"],
)
def test_bad_input_is_a_clear_unreadable_error(data: bytes, words: str) -> None:
    with pytest.raises(UnreadableError) as caught:
        read_document(data, "bad.xlsx")
    assert words in caught.value.message
    assert caught.value.file == "bad.xlsx"
    assert "请" in caught.value.message  # says what to do


def test_an_empty_workbook_is_unreadable() -> None:
    with pytest.raises(UnreadableError, match="没有找到部门预算绩效文本"):
        read_document(workbook_bytes([], []), "empty.xlsx")
