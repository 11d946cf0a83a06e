"""Each repair the text importer makes, on small documents written here, and the finding it reports."""

from __future__ import annotations

from decimal import Decimal

from ..conftest import read_inline

HEAD = "\n".join(
    [
        "第二部分",
        "1.示范项目绩效目标表",
        "123456 某单位 单位：万元",
        "项目编码\t13052925P000000000001\t\t项目名称\t示范项目\t\t",
        "预算规模及资金用途\t预算数\t10.00\t其中：财政资金\t10.00\t其他资金\t",
        "\t用于示范\t\t\t\t\t",
        "资金支出计划（%）\t3 月底\t\t6 月底\t10 月底\t12 月底\t",
        "\t\t\t30%\t\t100%\t",
        "绩效目标\t1.完成示范 2.群众满意\t\t\t\t\t",
        "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t",
    ]
)


def rows(*lines: str) -> str:
    return HEAD + "\n" + "\n".join(lines) + "\n"


def codes(findings: list) -> list[tuple[str, int | None]]:  # type: ignore[type-arg]
    return [(f.code, f.source.line) for f in findings]


def test_spending_plan_values_follow_the_header_columns() -> None:
    doc, findings = read_inline(rows("产出指标\t数量指标\t示范次数\t示范次数\t≥3 次\t计划\t"))
    plan = [(s.month, s.percent) for s in doc.projects[0].spending_plan]
    # 30% sits under 6 月底 (column 4), not under 3 月底 as counting the filled cells would say
    assert plan == [("3月底", None), ("6月底", Decimal(30)), ("10月底", None), ("12月底", Decimal(100))]
    assert codes(findings) == [("P03", 8), ("P03", 8)]


def test_merged_cells_are_carried_down_and_reported_once() -> None:
    doc, findings = read_inline(
        rows(
            "产出指标\t数量指标\t甲\t甲\t≥3 次\t计划\t",
            "\t\t乙\t乙\t≥4 次\t计划\t",
            "\t质量指标\t丙\t丙\t≥95%\t计划\t",
        )
    )
    levels = [(i.level1, i.level2, i.level3) for i in doc.projects[0].indicators]
    assert levels == [
        ("产出指标", "数量指标", "甲"),
        ("产出指标", "数量指标", "乙"),
        ("产出指标", "质量指标", "丙"),
    ]
    messages = [f.message for f in findings if f.code == "P02"]
    assert messages == [
        "项目 1 指标表第 2–3 行的一级指标为空（合并单元格），已沿用上一行。",
        "项目 1 指标表第 2 行的二级指标为空（合并单元格），已沿用上一行。",
    ]


def test_labels_broken_by_spaces_are_joined() -> None:
    text = rows("产出指标\t数量指 标\t示范 次数\t示范次数\t≥3 次\t《示范 办法》\t").replace(
        "指标值确定依据", "指标值确定 依据"
    )
    doc, findings = read_inline(text)
    ind = doc.projects[0].indicators[0]
    assert (ind.level2, ind.level3, ind.basis) == ("数量指标", "示范次数", "《示范办法》")
    assert [f.code for f in findings if f.code == "S08"] == ["S08"] * 4


def test_a_cell_broken_across_lines_is_joined() -> None:
    doc, findings = read_inline(
        rows(
            "产出指标\t数量指标\t示范次数\t示范次数\t≥3 次\t《示范管理",
            "\t\t\t\t\t办法》",
            "\t质量指标\t合格率\t合格率\t≥95%\t计划",
        )
    )
    inds = doc.projects[0].indicators
    assert [(i.level3, i.basis) for i in inds] == [("示范次数", "《示范管理办法》"), ("合格率", "计划")]
    assert ("P04", 12) in codes(findings)


def test_a_line_without_tabs_under_a_row_continues_its_last_cell() -> None:
    doc, findings = read_inline(rows("产出指标\t数量指标\t示范次数\t示范次数\t≥3 次\t示范管理", "办法"))
    assert doc.projects[0].indicators[0].basis == "示范管理办法"
    assert ("P04", 12) in codes(findings)


def test_a_table_continued_after_a_page_break_joins_the_project() -> None:
    text = rows(
        "产出指标\t数量指标\t示范次数\t示范次数\t≥3 次\t计划\t",
        "",
        "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据",
        "\t成本指标\t人均成本\t人均成本\t≤100 元/人\t计划",
        "满意度指标\t服务对象满意度指标\t满意度\t满意度\t≥90%\t问卷",
    )
    doc, findings = read_inline(text)
    assert len(doc.projects) == 1
    levels = [(i.level1, i.level2) for i in doc.projects[0].indicators]
    assert levels == [
        ("产出指标", "数量指标"),
        ("产出指标", "成本指标"),
        ("满意度指标", "服务对象满意度指标"),
    ]
    s04 = [f for f in findings if f.code == "S04"]
    assert [(f.source.line, f.subject.indicator) for f in s04] == [(13, 2)]
    assert "沿用“产出指标”" in s04[0].message


def test_a_space_inside_a_project_code_is_kept_and_reported() -> None:
    doc, findings = read_inline(
        rows("产出指标\t数量指标\t甲\t甲\t≥3 次\t计划").replace("0000001", "00 00001")
    )
    assert doc.projects[0].code == "13052925P0000000 00001"
    assert [(f.code, f.severity, f.subject.field) for f in findings if f.code == "S01"] == [
        ("S01", "error", "code")
    ]


def test_several_projects_in_one_table_are_split() -> None:
    second = [
        "项目编码\t13052925P000000000002\t\t项目名称\t第二项目\t\t",
        "预算规模及资金用途\t预算数\t5.00\t其中：财政资金\t5.00\t其他资金\t",
        "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据",
        "产出指标\t数量指标\t乙\t乙\t≥1 次\t计划",
    ]
    doc, _ = read_inline(rows("产出指标\t数量指标\t甲\t甲\t≥3 次\t计划", *second))
    assert [(p.code, p.name, len(p.indicators)) for p in doc.projects] == [
        ("13052925P000000000001", "示范项目", 1),
        ("13052925P000000000002", "第二项目", 1),
    ]


def test_gbk_text_is_read_and_reported() -> None:
    from jixiao.kinds import read_document

    text = rows("产出指标\t数量指标\t示范次数\t示范次数\t≥3 次\t计划")
    doc, findings = read_document(text.encode("gbk"), "gbk.txt")
    assert doc.projects[0].name == "示范项目"
    assert findings[0].code == "P01"


def test_page_footers_are_dropped() -> None:
    text = rows("产出指标\t数量指标\t甲\t甲\t≥3 次\t计划").replace("第二部分\n", "第二部分\n— 5 —\n")
    _, findings = read_inline(text)
    assert [f.code for f in findings if f.code == "P07"] == []


def test_contents_entries_glued_together_are_split() -> None:
    text = (
        "目 录\n1.甲绩效目标表52.乙绩效目标表6\n第二部分\n"
        + rows("产出指标\t数量指标\t甲\t甲\t≥3 次\t计划").split("第二部分\n", 1)[1]
    )
    doc, _ = read_inline(text)
    assert [(e.title, e.page) for e in doc.contents] == [("1.甲绩效目标表", 5), ("2.乙绩效目标表", 6)]


def test_operator_value_and_unit_in_columns_of_their_own() -> None:
    text = rows().replace(
        "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t",
        "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t指标值确定依据",
    ) + "\n".join(
        [
            "产出指标\t数量指标\t示范次数\t≥\t3\t次\t计划",
            "\t质量指标\t合格率\t＝\t100\t%\t计划",
            "效益指标\t社会效益指标\t群众认可\t定性\t效果明显\t\t计划",
        ]
    )
    doc, findings = read_inline(text)
    values = [(i.value.raw, i.value.operator, i.value.unit) for i in doc.projects[0].indicators]
    assert values == [("≥3 次", "≥", "次"), ("＝100%", "=", "%"), ("效果明显", None, None)]
    assert [f.code for f in findings if f.code == "P06"] == []  # no 绩效指标描述 column: the form has none
    assert doc.form is not None and not doc.form.has("description")


def test_a_table_that_is_not_a_target_table_is_skipped() -> None:
    other = "序号\t姓名\t金额\n1\t张三\t100\n\n"
    doc, findings = read_inline(
        "第二部分\n" + other + rows("产出指标\t数量指标\t甲\t甲\t≥3 次\t计划").split("第二部分\n", 1)[1]
    )
    assert [p.name for p in doc.projects] == ["示范项目"]
    assert [(f.code, f.source.line) for f in findings if f.code == "P07"] == [("P07", 2)]


def test_contents_without_page_numbers_and_a_unit_named_dan() -> None:
    toc = "目 录\n第一部分 部门整体绩效目标\n一、总体绩效目标\n第二部分 预算项目绩效目标\n1.示范项目绩效目标表\n"
    text = (
        toc
        + "第一部分\n一、总体绩效目标\n全年帮扶 20 人。\n"
        + rows("产出指标\t数量指标\t甲\t甲\t≥3 次\t计划").replace(
            "123456 某单位 单位：万元", "123456 单县总工会 单位：万元"
        )
    )
    doc, _ = read_inline(text)
    assert [e.title for e in doc.contents] == [
        "第一部分 部门整体绩效目标",
        "一、总体绩效目标",
        "第二部分 预算项目绩效目标",
        "1.示范项目绩效目标表",
    ]
    assert (doc.projects[0].unit_code, doc.projects[0].unit_name, doc.projects[0].money_unit) == (
        "123456",
        "单县总工会",
        "万元",
    )


def test_rows_with_pipes_between_cells_and_traditional_labels() -> None:
    from ..conftest import EXAMPLE

    text = EXAMPLE.read_text(encoding="utf-8")
    piped = "\n".join(
        "| " + " | ".join(line.split("\t")) + " |" if "\t" in line else line for line in text.split("\n")
    )
    doc, _ = read_inline(piped)
    reference, _ = read_inline(text)
    assert doc == reference
    traditional = text.replace("項目編碼", "").replace("项目编码", "項目編碼").replace("一级指标", "一級指標")
    doc2, _ = read_inline(traditional)
    assert [p.code for p in doc2.projects] == [p.code for p in reference.projects]
    assert doc2.indicator_count == 42
