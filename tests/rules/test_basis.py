"""B rules: a failing and a passing example each, written inline; the B03 fix; the example document."""

from __future__ import annotations

from dataclasses import replace

from jixiao.model import Finding, PerformanceDocument
from jixiao.rules import Profile, RuleContext
from jixiao.rules.basis import BASIS_RULES, standardize_numbers

from .helpers import RULES, clean_document, messages, run, with_indicator, with_project

CODES = ("B01", "B02", "B03", "B04", "B05")
PLAN = "《全国工会职工书屋建设工程五年规划（2019-2023）》（总工办发（2019）13 号）"


def _all(doc: PerformanceDocument) -> list[tuple[str, int | None, int | None]]:
    return [t for code in CODES for t in run(code, doc)]


def _with_bases(doc: PerformanceDocument, project: int, *bases: str) -> PerformanceDocument:
    """The document with the basis of rows 1, 2, … of a project replaced in order."""
    for row, basis in enumerate(bases, start=1):
        doc = with_indicator(doc, project, row, basis=basis)
    return doc


def _findings(code: str, doc: PerformanceDocument) -> list[Finding]:
    rule = RULES[code]
    return list(rule.check(doc, RuleContext(Profile()).bound(rule)))


def test_b01_empty_basis() -> None:
    doc = with_indicator(with_indicator(clean_document(), 1, 2, basis=" "), 2, 5, basis="无")
    assert run("B01", doc) == [("B01", 1, 2), ("B01", 2, 5)]
    assert (
        messages("B01", doc)[1]
        == "项目 2 指标表第 5 行“困难职工家庭人均增收”的指标值确定依据写作“无”，等于没有填写。"
    )
    assert run("B01", clean_document()) == []


def test_b02_unclassifiable_basis() -> None:
    doc = clean_document()
    for row in range(1, 7):
        doc = with_indicator(doc, 1, row, basis="县政府批示")
    doc = with_indicator(doc, 1, 7, basis="问卷调查")
    doc = with_indicator(doc, 2, 7, basis="调查问卷")
    assert run("B02", doc) == [("B02", 1, None), ("B02", 2, 7)]
    assert messages("B02", doc)[0] == (
        "项目 1 的指标值确定依据无法归入计划、行业、历史或其他标准："
        "第 1–6 行仅为“县政府批示”（批示或会议意见，未注明文号或文件名称）；"
        "第 7 行仅写了调查方法“问卷调查”（未说明调查的年度、对象或结果）。"
    )


def test_b02_passes_cited_or_anchored_basis() -> None:
    doc = with_indicator(clean_document(), 1, 1, basis="县政府批示（巨政字〔2023〕12号）")
    doc = with_indicator(doc, 1, 2, basis="《县政府关于职工帮扶工作的批示》")
    doc = with_indicator(doc, 1, 7, basis="2023 年问卷调查结果")
    doc = with_indicator(doc, 2, 7, basis="往年满意度调查")
    assert run("B02", doc) == []
    assert run("B02", clean_document()) == []


def test_b03_document_number_brackets() -> None:
    doc = _with_bases(
        clean_document(), 1, "冀财行【2023】98 号", "冀财行【2023】98 号", "冀办法（2018）38 号文件"
    )
    doc = with_indicator(doc, 2, 3, basis=PLAN)
    assert run("B03", doc) == [("B03", 1, None), ("B03", 1, 3), ("B03", 2, 3)]
    assert messages("B03", doc)[0] == (
        "项目 1 第 1、2 行的指标值确定依据中，文号“冀财行【2023】98 号”的年份未用六角括号〔〕，"
        "应写作“冀财行〔2023〕98 号”。"
    )
    assert run("B03", with_indicator(clean_document(), 1, 1, basis="冀财行〔2023〕98 号")) == []
    assert run("B03", clean_document()) == []


def test_b03_rewrites_only_document_number_brackets() -> None:
    assert standardize_numbers("冀财行【2023】98 号") == "冀财行〔2023〕98 号"
    assert (
        standardize_numbers(PLAN)
        == "《全国工会职工书屋建设工程五年规划（2019-2023）》（总工办发〔2019〕13 号）"
    )
    assert standardize_numbers("冀办法(2018)38号文件") == "冀办法〔2018〕38号文件"
    assert standardize_numbers("2019-2023 年平均值（2023）") == "2019-2023 年平均值（2023）"


def test_b03_fix() -> None:
    doc = _with_bases(clean_document(), 1, "冀财行【2023】98 号", "冀财行【2023】98 号")
    doc = with_indicator(doc, 2, 3, basis=PLAN)
    fix = RULES["B03"].fix
    assert fix is not None
    fixed = doc
    for finding in _findings("B03", doc):
        fixed = fix(fixed, finding)
    assert [i.basis for i in fixed.projects[0].indicators[:2]] == ["冀财行〔2023〕98 号"] * 2
    assert fixed.projects[1].indicators[2].basis == (
        "《全国工会职工书屋建设工程五年规划（2019-2023）》（总工办发〔2019〕13 号）"
    )
    assert fixed.projects[0].indicators[2:] == doc.projects[0].indicators[2:]
    assert run("B03", fixed) == []
    again = fixed
    for finding in _findings("B03", doc):
        again = fix(again, finding)
    assert again == fixed  # idempotent
    stray = replace(_findings("B03", doc)[0], subject=replace(_findings("B03", doc)[0].subject, project=9))
    assert fix(doc, stray) is doc


def test_b04_one_basis_copied_to_every_row() -> None:
    doc = _with_bases(clean_document(), 1, *["县政府批示"] * 6)
    assert run("B04", doc) == [("B04", 1, None)]
    assert messages("B04", doc) == [
        "项目 1 的 6 条非满意度指标全部以“县政府批示”为确定依据，依据没有按指标分别确定。"
    ]
    doc = _with_bases(clean_document(), 2, *["冀财行【2023】98 号"] * 7)
    assert messages("B04", doc) == [
        "项目 2 的 6 条非满意度指标全部以“冀财行【2023】98 号”为确定依据，满意度指标也引用同一依据，"
        "依据没有按指标分别确定。"
    ]


def test_b04_passes_varied_or_complete_plan_basis() -> None:
    varied = _with_bases(clean_document(), 1, "县政府批示", "《工会经费收支管理办法》", *["县政府批示"] * 4)
    assert run("B04", varied) == []
    # a complete citation (title and number) of a plan in force may stand for every row
    assert run("B04", clean_document()) == []
    # … but not a plan out of force
    assert run("B04", _with_bases(clean_document(), 1, *[PLAN] * 6)) == [("B04", 1, None)]


def test_b05_plan_out_of_force() -> None:
    doc = _with_bases(clean_document(), 1, *[PLAN] * 6)
    doc = with_indicator(doc, 1, 7, basis="《全国工会职工书屋建设五年规划》")
    assert run("B05", doc) == [("B05", 1, None)]
    assert messages("B05", doc) == [
        "项目 1 第 1–7 行引用的“《全国工会职工书屋建设工程五年规划（2019-2023）》”适用于 2019–2023 年，"
        "已于 2023 年到期，不能作为 2024 年指标值的依据"
        "（第 7 行引用的“《全国工会职工书屋建设五年规划》”未注明年限，按同一规划计）。"
    ]
    assert run("B05", with_indicator(clean_document(), 2, 1, basis="巨鹿县十三五规划")) == [("B05", 2, 1)]
    doc = with_indicator(clean_document(), 2, 1, basis="《巨鹿县“十三五”职工服务规划》")
    assert messages("B05", doc) == [
        "项目 2 第 1 行引用的“《巨鹿县“十三五”职工服务规划》”适用于 2016–2020 年，已于 2020 年到期，"
        "不能作为 2024 年指标值的依据。"
    ]


def test_b05_passes_plan_in_force_and_data_years() -> None:
    doc = with_indicator(clean_document(), 1, 1, basis="《巨鹿县职工书屋建设规划（2021-2025年）》")
    doc = with_indicator(doc, 1, 2, basis="2019-2023 年平均发放准确率")
    doc = with_indicator(doc, 1, 3, basis="十四五规划")
    assert run("B05", doc) == []
    assert run("B05", replace(_with_bases(clean_document(), 1, PLAN), fiscal_year=None)) == []
    assert run("B05", clean_document()) == []


def test_basis_rules_on_example(example: PerformanceDocument) -> None:
    """SPEC §12 items 11–13, and B04 on all six projects."""
    assert _all(example) == [
        ("B02", 1, None),  # 县政府批示 rows 1–6, 问卷调查 row 7
        ("B02", 2, 7),  # 调查问卷
        ("B02", 3, 7),  # 问卷调查
        ("B02", 4, None),  # 县政府批示 rows 1–6, 问卷调查 row 7
        ("B02", 5, 7),  # 问卷调查; project 6 cites a plan for satisfaction
        ("B03", 2, None),  # 冀财行【2023】98 号
        ("B03", 3, None),  # 冀办法（2018）38 号
        ("B03", 6, None),  # 总工办发（2019）13 号
        ("B04", 1, None),
        ("B04", 2, None),
        ("B04", 3, None),
        ("B04", 4, None),
        ("B04", 5, None),
        ("B04", 6, None),
        ("B05", 6, None),  # 2019-2023 plan cited for 2024
    ]
    assert "满意度指标也引用同一规划" in messages("B04", example)[5]
    assert "第 1–7 行" in messages("B05", example)[0]


def test_b03_fix_on_example(example: PerformanceDocument) -> None:
    fix = RULES["B03"].fix
    assert fix is not None
    fixed = example
    for finding in _findings("B03", example):
        fixed = fix(fixed, finding)
    assert run("B03", fixed) == []
    assert fixed.projects[1].indicators[0].basis == "冀财行〔2023〕98 号"
    assert fixed.projects[2].indicators[0].basis == "冀办法〔2018〕38 号文件"
    assert fixed.projects[5].indicators[0].basis == (
        "《全国工会职工书屋建设工程五年规划（2019-2023）》（总工办发〔2019〕13 号）"
    )
    assert run("B05", fixed) == run("B05", example)
    assert run("B04", fixed) == run("B04", example)


def test_clean_document_passes_basis_rules() -> None:
    assert _all(clean_document()) == []
    assert _all(clean_document(4)) == []


def test_basis_rules_never_raise_on_odd_content() -> None:
    doc = with_project(clean_document(), 1, indicators=(), budget_total=None)
    doc = with_indicator(doc, 2, 1, basis="【】（）〔2023〕号 2019-2099 十五五规划 《》", value="")
    doc = replace(doc, fiscal_year=None)
    for rule in BASIS_RULES:
        list(rule.check(doc, RuleContext(Profile()).bound(rule)))
    assert _all(PerformanceDocument()) == []
