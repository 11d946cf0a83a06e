"""V rules: a failing and a passing example each, written inline; the safe fixes; the example document."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Finding, PerformanceDocument
from jixiao.rules import Profile, RuleContext
from jixiao.rules.values import VALUE_RULES

from .helpers import RULES, clean_document, ind, messages, run, with_indicator, with_project

V_CODES = [r.code for r in VALUE_RULES]


def findings(code: str, doc: PerformanceDocument, profile: Profile | None = None) -> list[Finding]:
    """The findings of one rule, whole."""
    rule = RULES[code]
    return list(rule.check(doc, RuleContext(profile or Profile()).bound(rule)))


def fixed(code: str, doc: PerformanceDocument) -> PerformanceDocument:
    """The document after the rule's fix is applied to each of its findings in turn."""
    fix = RULES[code].fix
    assert fix is not None
    for finding in findings(code, doc):
        doc = fix(doc, finding)
    return doc


def raw(doc: PerformanceDocument, project: int, row: int) -> str:
    """The raw 指标值 of a row."""
    return doc.projects[project - 1].indicators[row - 1].value.raw


def test_v01_uncertain_reading() -> None:
    doc = with_indicator(clean_document(), 1, 6, value=">=60%")
    assert run("V01", doc) == [("V01", 1, 6)]
    assert messages("V01", doc) == [
        "指标值“>=60%”：运算符写法不规范（如“>=”“≧”“不低于”），已按标准符号读取。"
    ]
    assert findings("V01", doc)[0].suggestion == "改写为标准写法“≥60%”。"
    for value in ("≧60%", "＞＝60%", "≥≥60%", "60%以上", "≥６０％"):
        assert run("V01", with_indicator(clean_document(), 2, 6, value=value)) == [("V01", 2, 6)], value
    # doubts that are not about spelling are reported without a fix
    for value in ("约60%", "292%", "50%-60%", "≥60%，≥70%"):
        assert run("V01", with_indicator(clean_document(), 1, 6, value=value)) == [("V01", 1, 6)], value
    assert run("V01", with_indicator(clean_document(), 1, 6, value="≥ 60 %")) == []  # spaces only
    assert run("V01", clean_document()) == []


def test_v01_fix_rewrites_the_canonical_spelling() -> None:
    for value, canonical in (
        (">=60%", "≥60%"),
        ("≧60%", "≥60%"),
        ("＞＝60%", "≥60%"),
        ("≥≥60%", "≥60%"),
        ("不低于60%", "≥60%"),
        ("≥６０％", "≥60%"),
        ("≤6500 元/人", "≤6500 元/人"),
    ):
        doc = with_indicator(clean_document(), 1, 6, value=value)
        after = fixed("V01", doc)
        assert raw(after, 1, 6) == canonical, value
        assert run("V01", after) == []
        assert after.projects[1] == doc.projects[1]  # nothing else changes
    # no fix when the reading itself is uncertain
    doc = with_indicator(clean_document(), 1, 6, value="约60%")
    assert (
        findings("V01", doc)[0].suggestion == "核对并改写指标值，写成“运算符 数值 单位”的形式（如“≥95%”）。"
    )
    assert fixed("V01", doc) == doc


def test_v02_placeholders() -> None:
    for value in ("≥**%", "XX%", "**人", "无", "-", "指标1：≥95%", "≥%"):
        assert run("V02", with_indicator(clean_document(), 1, 1, value=value)) == [("V02", 1, 1)], value
    doc = with_indicator(clean_document(), 2, 6, value="≥**%")
    assert messages("V02", doc) == ["指标值“≥**%”：含有未填写的模板占位符（如 **、XX、××、_）。"]
    assert run("V02", with_indicator(clean_document(), 1, 1, value="")) == []  # an empty cell is S07's
    assert run("V02", clean_document()) == []


def test_v03_unit_missing() -> None:
    doc = with_indicator(clean_document(), 1, 1, value="≥20")
    assert run("V03", doc) == [("V03", 1, 1)]
    assert messages("V03", doc) == ["指标值“≥20”是定量目标，但没有计量单位。"]
    assert run("V03", with_indicator(clean_document(), 1, 1, value="效果明显")) == []  # qualitative
    assert run("V03", clean_document()) == []


def test_v04_quantity_noun_units() -> None:
    doc = with_indicator(clean_document(), 1, 1, value="242 人数")
    doc = with_indicator(doc, 2, 1, value="≥43个数")
    assert run("V04", doc) == [("V04", 1, 1), ("V04", 2, 1)]
    assert messages("V04", doc)[0] == "指标值“242 人数”的单位“人数”是数量名词，应写作“人”。"
    assert run("V04", with_indicator(clean_document(), 1, 1, value="≥242 人")) == []
    assert run("V04", clean_document()) == []


def test_v04_fix_keeps_the_rest_of_the_text() -> None:
    doc = with_indicator(clean_document(), 1, 1, value="242 人数")
    doc = with_indicator(doc, 2, 1, value="≥43个数")
    doc = with_indicator(doc, 2, 3, level2="数量指标", value="不少于 12 次数")
    after = fixed("V04", doc)
    assert (raw(after, 1, 1), raw(after, 2, 1), raw(after, 2, 3)) == ("242 人", "≥43个", "不少于 12 次")
    assert run("V04", after) == []
    value = after.projects[0].indicators[0].value
    assert (value.number, value.unit, value.operator) == (Decimal(242), "人", None)
    assert after.projects[0].indicators[1:] == doc.projects[0].indicators[1:]


def test_v05_operator_missing() -> None:
    doc = with_indicator(clean_document(), 1, 4, value="13 万元")
    doc = with_indicator(doc, 1, 2, value="100%")
    doc = with_indicator(doc, 2, 1, value="276 人")
    assert run("V05", doc) == [("V05", 1, 2), ("V05", 1, 4), ("V05", 2, 1)]
    assert [f.suggestion for f in findings("V05", doc)] == [
        "写明运算符，如“=100%”。",
        "写明运算符，如“≤13 万元”。",
        "写明运算符，如“≥276 人”。",
    ]
    assert run("V05", with_indicator(clean_document(), 1, 6, value="50%-60%")) == []  # a range
    assert run("V05", clean_document()) == []


def test_v06_quantity_with_upper_bound() -> None:
    doc = with_indicator(clean_document(), 2, 1, level3="困难职工脱困解困人数", value="≤20 人")
    assert run("V06", doc) == [("V06", 2, 1)]
    assert messages("V06", doc) == [
        "数量指标“困难职工脱困解困人数”的指标值“≤20 人”用了“≤”，数量指标一般应为 ≥。"
    ]
    assert run("V06", with_indicator(clean_document(), 2, 1, value="<20 人")) == [("V06", 2, 1)]
    assert run("V06", with_indicator(clean_document(), 2, 1, value="=20 人")) == []
    assert run("V06", clean_document()) == []


def test_v07_cost_with_lower_bound() -> None:
    doc = with_indicator(clean_document(), 1, 4, value="≥6500 元/人")
    assert run("V07", doc) == [("V07", 1, 4)]
    assert findings("V07", doc)[0].suggestion == "改为“≤6500 元/人”。"
    under_101 = with_indicator(
        clean_document(), 1, 4, level1="成本指标", level2="经济成本指标", value=">6500 元/人"
    )
    assert run("V07", under_101, Profile(framework_version="guide_101")) == [("V07", 1, 4)]
    assert run("V07", clean_document()) == []


def test_v08_percent_range() -> None:
    assert run("V08", with_indicator(clean_document(), 1, 2, value="≥120%")) == [("V08", 1, 2)]
    assert run("V08", with_indicator(clean_document(), 1, 2, value="-5%")) == [("V08", 1, 2)]
    assert run("V08", with_indicator(clean_document(), 1, 2, value="90%-110%")) == [("V08", 1, 2)]
    growth = with_indicator(clean_document(), 1, 5, level3="困难职工家庭收入增长率", value="≥120%")
    assert run("V08", growth) == []
    assert run("V08", with_indicator(clean_document(), 1, 2, value="=100%")) == []
    assert run("V08", clean_document()) == []


def test_v09_satisfaction() -> None:
    doc = with_indicator(clean_document(), 1, 7, value="=100%")
    assert run("V09", doc) == [("V09", 1, 7)]
    assert messages("V09", doc) == [
        "满意度指标“受助职工满意度”的指标值“=100%”：运算符应为“≥”，而不是“=”；100% 的满意度无法核实，只要有一人不满意就不能完成。"
    ]
    for value in ("≥100%", "≥70%", "满意", "≤90%", "≥90 分"):
        assert run("V09", with_indicator(clean_document(), 2, 7, value=value)) == [("V09", 2, 7)], value
    assert run("V09", clean_document(), Profile(satisfaction_min=Decimal(95))) == [
        ("V09", 1, 7),
        ("V09", 2, 7),
    ]
    complaints = with_indicator(clean_document(), 1, 7, level3="服务对象不满意率", value="≤5%")
    assert run("V09", complaints) == []
    assert run("V09", with_indicator(clean_document(), 1, 7, value="≥95%")) == []
    assert run("V09", clean_document()) == []


def test_v10_rates_and_unmeasurable_percentages() -> None:
    for name in (
        "社会影响力",
        "掀起学习劳模精神热潮",
        "提升职工生活水平率",
        "有效缓解职工家庭困难",
        "劳模荣誉感是否提升",
    ):
        doc = with_indicator(clean_document(), 1, 6, level3=name, description=name, value="≥90%")
        assert run("V10", doc) == [("V10", 1, 6)], name
    doc = with_indicator(
        clean_document(), 1, 6, level3="社会影响力", description="民生实事项目", value="≥80%"
    )
    assert messages("V10", doc) == [
        "指标“社会影响力”的指标值“≥80%”是百分比，但“影响力”没有明确的分子和分母，无法计量。"
    ]
    # a rate must be a percentage
    assert run("V10", with_indicator(clean_document(), 1, 6, value="≥20 人")) == [("V10", 1, 6)]
    assert run("V10", with_indicator(clean_document(), 1, 6, value="2024年12月底前")) == [("V10", 1, 6)]
    # ordinary rates, satisfaction, and a % defined by its description are fine
    for name in ("发放及时率", "困难劳模救助率", "工会经费拨付准确率", "受助职工满意度", "办事效率"):
        assert run("V10", with_indicator(clean_document(), 1, 6, level3=name, value="≥95%")) == [], name
    defined = with_indicator(
        clean_document(), 1, 6, level3="社会影响力", description="正面报道占全部报道的比例"
    )
    assert run("V10", defined) == []
    assert run("V10", with_indicator(defined, 1, 6, description="民生实事项目")) == [("V10", 1, 6)]
    assert run("V10", clean_document()) == []


def test_v11_vague_words() -> None:
    name = "有效缓解职工家庭困难"
    doc = with_indicator(clean_document(), 1, 6, level3=name, description=name, value="≥90%")
    assert run("V11", doc) == [("V11", 1, 6)]
    assert messages("V11", doc) == ["三级指标“有效缓解职工家庭困难”含有模糊用语“有效”，没有可计量的定义。"]
    assert run(
        "V11", with_indicator(clean_document(), 1, 6, level3="服务质量明显提升", value="效果明显")
    ) == [("V11", 1, 6)]
    # a measurable target makes the adjective harmless: a clear rate, a count, a deadline
    measurable = (
        ("困难职工脱困率提升", "≥5 个百分点"),
        ("进一步加强培训次数", "≥5 次"),
        ("有效推进帮扶工作", "2024年12月底前"),
    )
    for name, value in measurable:
        assert run("V11", with_indicator(clean_document(), 1, 6, level3=name, value=value)) == [], name
    assert run("V11", clean_document()) == []


def test_v12_qualitative_wording() -> None:
    for value in ("效果明显", "较好", "有所提高"):
        assert run("V12", with_indicator(clean_document(), 1, 5, value=value)) == [("V12", 1, 5)], value
    assert messages("V12", with_indicator(clean_document(), 1, 5, value="效果明显")) == [
        "定性指标值“效果明显”只是形容词，无法检查是否达成。"
    ]
    for value in ("符合相关规定", "达成预期指标", "严格执行相关制度规定", "在项目计划完成时间内完成"):
        assert run("V12", with_indicator(clean_document(), 1, 5, value=value)) == [], value
    assert run("V12", clean_document()) == []


def test_value_rules_on_the_example(example: PerformanceDocument) -> None:
    found = {code: run(code, example) for code in V_CODES}
    unmeasurable = [("V10", 1, 6), ("V10", 2, 5), ("V10", 2, 6), ("V10", 3, 5), ("V10", 3, 6), ("V10", 4, 6)]
    unmeasurable += [("V10", 5, 6), ("V10", 6, 6)]
    rows_without_operator = {1: (1, 2, 4, 5), 3: (1, 2, 4), 4: (1, 2, 4, 5), 5: (1, 2, 4), 6: (2, 4)}
    no_operator = [("V05", p, r) for p, rows in rows_without_operator.items() for r in rows]
    assert len(no_operator) == 16
    assert found == {
        "V01": [],
        "V02": [],
        "V03": [],
        "V04": [("V04", 1, 1), ("V04", 3, 1), ("V04", 5, 1)],  # 242 人数, 47 人数, 43 个数 (SPEC §12 item 3)
        "V05": no_operator,  # the 16 rows without an operator (item 5)
        "V06": [("V06", 2, 1)],  # 困难职工脱困解困人数 ≤20 人 (item 4)
        "V07": [],
        "V08": [],
        "V09": [],
        # item 10 (社会影响力 ×2, 热潮, 提升职工生活水平率, 有效缓解…) and the rows built the same way:
        # 困难职工生活水平提升情况 (2, 5), 劳模荣誉感是否提升 (3, 5), 提升教师生活水平 (4, 6)
        "V10": unmeasurable,
        "V11": [("V11", p, r) for _, p, r in unmeasurable],
        "V12": [],
    }


def test_value_fixes_on_the_example(example: PerformanceDocument) -> None:
    after = fixed("V04", example)
    assert (raw(after, 1, 1), raw(after, 3, 1), raw(after, 5, 1)) == ("242 人", "47 人", "43 个")
    assert run("V04", after) == []
    assert fixed("V01", example) == example


def test_value_rules_under_guide_101(example: PerformanceDocument) -> None:
    profile = Profile(framework_version="guide_101")
    assert run("V05", example, profile) == run("V05", example)
    assert run("V07", example, profile) == []


def test_clean_document_passes_value_rules() -> None:
    for code in V_CODES:
        assert run(code, clean_document()) == [], code


def test_value_rules_never_raise_on_odd_content() -> None:
    rows = (
        ind("", "", "", ""),
        ind("产出指标", "数量指标", "人数", "≥≥**人数"),
        ind("满意度指标", "满意度", "满意度", "百分之一百二十"),
        ind("成本指标", "经济成本指标", "x" * 300, "1,00,0 元/人数"),
        ind("效益指标", "经济效益指标", "影响力", "?" * 10 + "%"),
    )
    doc = with_project(clean_document(), 1, indicators=rows)
    for code in V_CODES:
        run(code, doc)
        fix = RULES[code].fix
        if fix is not None:
            for finding in findings(code, doc):
                fix(doc, finding)
