"""The example document read into the model: what SPEC §3 and the foundation issue say it holds."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Finding, PerformanceDocument

CODES = [
    "13052924P005840119077",
    "13052924P00584210731T",
    "13052924P00584011901H",
    "13052924P005840119050",
    "13052924P0058401190 3Q",
    "13052924P00584011910R",
]
NAMES = [
    "公安局辅警工会费",
    "冀财行 2023 年 98 号提前下达 2024 年困难职工及劳模帮扶救助专项资金",
    "全国、省部级、市级劳动模范荣誉津贴",
    "特岗教师工会经费",
    "县直单位及各乡镇工会费",
    "职工书屋租赁费",
]
BUDGETS = ["13.00", "13.10", "10.00", "17.00", "620.00", "5.00"]


def test_cover(example: PerformanceDocument) -> None:
    d = example
    assert (d.unit_code, d.unit_name, d.fiscal_year, d.status) == ("711001", "巨鹿县总工会", 2024, "draft")
    assert (d.compiled_by, d.reviewed_by, d.title) == ("巨鹿县总工会", "巨鹿县财政局", "部门预算绩效文本")
    assert d.framework_version == "legacy_88"


def test_contents(example: PerformanceDocument) -> None:
    entries = [(e.title, e.page) for e in example.contents]
    assert entries[:5] == [
        ("第一部分 部门整体绩效目标", None),
        ("一、总体绩效目标", 1),
        ("二、分项绩效目标", 1),
        ("三、工作保障措施", 2),
        ("第二部分 预算项目绩效目标", None),
    ]
    assert [p for _, p in entries[5:]] == [5, 6, 7, 8, 9, 10]
    assert entries[9] == ("5.县直单位及各乡镇工会费绩效目标表", 9)  # page number glued to the title


def test_projects_in_order(example: PerformanceDocument) -> None:
    ps = example.projects
    assert [p.code for p in ps] == CODES
    assert [p.name for p in ps] == NAMES
    assert [format(p.budget_total, "f") for p in ps] == BUDGETS
    assert [p.budget_fiscal for p in ps] == [p.budget_total for p in ps]
    assert [p.budget_other for p in ps] == [None] * 6
    assert {p.money_unit for p in ps} == {"万元"}
    assert {(p.unit_code, p.unit_name) for p in ps} == {("711001", "巨鹿县总工会")}


def test_spending_plans_are_aligned_to_the_header(example: PerformanceDocument) -> None:
    for p in example.projects:
        assert [(s.month, s.percent) for s in p.spending_plan] == [
            ("3月底", None),
            ("6月底", None),
            ("10月底", None),
            ("12月底", Decimal("100")),
        ]


def test_goals_and_indicator_counts(example: PerformanceDocument) -> None:
    assert [len(p.goals) for p in example.projects] == [3] * 6
    assert [len(p.indicators) for p in example.projects] == [7] * 6
    assert example.indicator_count == 42
    assert example.projects[0].goals == ("保障公安局辅警队伍稳定性", "提高职工积极性", "维护公安辅警合法权益")
    assert example.projects[1].purpose == "用于帮助困难职工生活救助、医疗救助、子女助学救助等"


def test_values_are_parsed(example: PerformanceDocument) -> None:
    cost = example.projects[1].indicators[3]
    assert (cost.level3, cost.value.raw) == ("人均救助指标", "≤7300 元/年")
    assert (cost.value.kind, cost.value.operator, cost.value.number, cost.value.unit) == (
        "quantitative",
        "≤",
        Decimal("7300"),
        "元/年",
    )
    count = example.projects[0].indicators[0].value
    assert (count.operator, count.number, count.unit, count.raw_unit) == (
        None,
        Decimal("242"),
        "人数",
        "人数",
    )
    kinds = {i.value.kind for p in example.projects for i in p.indicators}
    assert kinds == {"quantitative"}


def test_project_six_continued_table(example: PerformanceDocument) -> None:
    rows = [(i.level1, i.level2, i.level3) for i in example.projects[5].indicators]
    assert rows[2:5] == [
        ("产出指标", "时效指标", "及时开放职工书屋"),
        ("产出指标", "成本指标", "投入资金"),  # after the repeated header, 一级 inherited
        ("效益指标", "经济效益指标", "提供优质服务"),
    ]


def test_labels_and_cells_repaired(example: PerformanceDocument) -> None:
    p5 = example.projects[4]
    assert [i.level3 for i in p5.indicators][1:4] == [
        "工会经费拨付准确率",
        "工会经费拨付及时率",
        "工会经费数额",
    ]
    assert p5.indicators[4].level2 == "经济效益指标"
    assert {i.basis for i in p5.indicators[:6]} == {"《工会经费收支管理办法》"}


def test_part_one(example: PerformanceDocument) -> None:
    goals = example.department_goals
    assert goals.overall_goal.startswith("2024 年，以习近平新时代中国特色社会主义思想为统领")
    assert goals.overall_goal.endswith("打造‘工’字系列职工文化特色品牌。")
    assert [(s.number, s.title) for s in goals.sub_goals] == [
        (1, "落实劳模荣誉津贴"),
        (2, "县直单位及各乡镇工会经费"),
        (3, "落实困难职工及劳模帮扶救助专项资金"),
        (4, "特岗教师工会经费"),
        (5, "公安辅警工会经费"),
        (6, "职工书屋租赁费"),
    ]
    assert goals.sub_goals[0].goal.startswith("为弘扬劳模精神")
    assert goals.sub_goals[0].indicator_text.endswith("使劳模满意度达到 100%。")
    assert [s.number for s in goals.safeguards] == ["一", "二", "三", "四"]
    # section (一) was broken by a page break mid-word: 强化高质 | 量发展承载力
    assert "强化高质量发展承载力推进新城区扩容" in goals.safeguards[0].text


def test_findings_of_reading(example_findings: tuple[Finding, ...]) -> None:
    by_code: dict[str, list[int | None]] = {}
    for f in example_findings:
        by_code.setdefault(f.code, []).append(f.source.line)
    assert by_code == {
        "P04": [84],
        "P03": [106, 125, 146, 167, 188, 209],
        "P02": [110, 129, 150, 171, 192, 213],
        "S01": [184],
        "S08": [185, 185, 187, 190, 191, 192, 192, 193, 193, 194, 194, 195, 195, 195, 196, 196, 197],
        "S04": [216],
    }
    s01 = next(f for f in example_findings if f.code == "S01")
    assert (s01.severity, s01.subject.project, s01.subject.field, s01.source.cell) == (
        "error",
        5,
        "code",
        "13052924P0058401190 3Q",
    )
    assert [f.severity for f in example_findings if f.code != "S01"] == ["info"] * (len(example_findings) - 1)


def test_every_indicator_points_at_its_cell(example: PerformanceDocument) -> None:
    value = example.projects[1].indicators[3].source_of("value")
    assert (value.line, value.table, value.row, value.column, value.cell) == (131, 2, 11, 5, "≤7300 元/年")
    continued = example.projects[5].indicators[3].source_of("level3")
    assert (continued.line, continued.table, continued.column, continued.cell) == (217, 7, 3, "投入资金")
