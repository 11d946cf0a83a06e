"""K rules: a failing and a passing example each, written inline; the example document; the 101 framework."""

from __future__ import annotations

from jixiao.model import PerformanceDocument
from jixiao.model.framework import level1_key, level2_key
from jixiao.rules import Profile, RuleContext
from jixiao.rules.framework import FRAMEWORK_RULES

from .helpers import RULES, clean_document, ind, messages, run, with_indicator, with_project

GUIDE_101 = Profile(framework_version="guide_101")
K_CODES = [r.code for r in FRAMEWORK_RULES]


def guide_101_document() -> PerformanceDocument:
    """The clean document with its cost row moved to a level-1 成本指标 (the 2021 layout)."""
    doc = clean_document()
    for number in (1, 2):
        doc = with_indicator(doc, number, 4, level1="成本指标", level2="经济成本指标")
    return doc


def test_level_labels_are_matched_robustly() -> None:
    assert level1_key("满 意 度 指 标") == "满意度"
    assert level1_key("服务对象满意度指标") == "满意度"
    assert level1_key("社会公众或服务对象满意度指标") == "满意度"
    assert level1_key("产出\n指标") == "产出"
    assert level1_key("实施效果指标") is None
    assert level2_key("社会公众或服务对象满意度指标") == "满意度"
    assert level2_key("经济效益\n指标") == "经济效益"
    assert level2_key("进度指标") == "时效"
    assert level2_key("生态环境成本指标") == "生态环境成本"


def test_k01_level1_categories() -> None:
    doc = clean_document()
    rows = doc.projects[0].indicators[:6]  # no 满意度指标
    failing = with_project(doc, 1, indicators=rows)
    assert run("K01", failing) == [("K01", 1, None)]
    assert messages("K01", failing) == ["项目 1“困难职工帮扶救助项目1”缺少一级指标：满意度指标。"]
    assert run("K01", doc) == []
    # under guide_101 a table in the 2021 layout needs 成本 at level one
    no_cost = with_project(
        guide_101_document(), 2, indicators=guide_101_document().projects[1].indicators[:3]
    )
    assert run("K01", no_cost, GUIDE_101) == [("K01", 2, None)]
    assert run("K01", guide_101_document(), GUIDE_101) == []


def test_k02_level2_membership() -> None:
    doc = with_indicator(clean_document(), 1, 2, level2="社会效益指标")
    assert run("K02", doc) == [("K02", 1, 2)]
    assert messages("K02", doc) == [
        "项目 1 指标表第 2 行：二级指标“社会效益指标”不属于一级指标“产出指标”"
        "（应为数量指标、质量指标、时效指标、成本指标之一）。"
    ]
    unknown = with_indicator(
        with_indicator(clean_document(), 2, 1, level1="实施效果指标"), 2, 2, level1="实施效果指标"
    )
    assert run("K02", unknown) == [("K02", 2, 1)]  # an unknown 一级 is told once per project
    assert run("K02", with_indicator(clean_document(), 1, 3, level2="")) == [("K02", 1, 3)]
    variants = with_indicator(
        clean_document(), 1, 7, level1="满 意 度\n指标", level2="社会公众或服务对象满意度指标"
    )
    variants = with_indicator(variants, 1, 3, level2="进度指标")
    assert run("K02", variants) == []
    assert run("K02", clean_document()) == []


def test_k02_framework_mismatch_is_one_info_finding() -> None:
    rule = RULES["K02"]
    findings = list(rule.check(clean_document(), RuleContext(GUIDE_101).bound(rule)))
    assert [(f.code, f.severity, f.subject.project, f.subject.indicator) for f in findings] == [
        ("K02", "info", None, None)
    ]
    assert "项目 1、2" in findings[0].message
    assert run("K01", clean_document(), GUIDE_101) == []
    assert run("K02", guide_101_document(), GUIDE_101) == []
    # the other way round: a 2021-layout table checked under legacy_88
    assert run("K02", guide_101_document()) == [("K02", None, None)]
    assert run("K01", guide_101_document()) == []
    # a 2021-layout table with 成本 wrongly under 产出 for one row still gets its row errors
    wrong = with_indicator(guide_101_document(), 1, 1, level2="经济成本指标")
    assert run("K02", wrong, GUIDE_101) == [("K02", 1, 1)]


def test_k03_output_quantity_quality_timeliness() -> None:
    doc = with_indicator(clean_document(), 2, 3, level2="质量指标")
    assert run("K03", doc) == [("K03", 2, None)]
    assert messages("K03", doc) == ["项目 2“困难职工帮扶救助项目2”的产出指标缺少时效指标。"]
    assert run("K03", clean_document()) == []


def test_k04_cost_indicator() -> None:
    doc = clean_document()
    doc = with_project(
        doc, 1, indicators=tuple(i for i in doc.projects[0].indicators if i.level2 != "成本指标")
    )
    assert run("K04", doc) == [("K04", 1, None)]
    assert run("K04", clean_document()) == []
    assert run("K04", guide_101_document(), GUIDE_101) == []


def test_k05_satisfaction_under_satisfaction() -> None:
    doc = with_indicator(clean_document(), 1, 5, level3="受拨单位满意度")
    assert run("K05", doc) == [("K05", 1, 5)]
    assert messages("K05", doc) == ["“受拨单位满意度”是满意度指标，却列在“效益指标—经济效益指标”下。"]
    assert run("K05", clean_document()) == []


def test_k06_economic_benefit_content() -> None:
    doc = with_indicator(
        clean_document(), 1, 5, level3="职工队伍稳定率", description="职工队伍稳定性", value="100%"
    )
    assert run("K06", doc) == [("K06", 1, 5)]
    # economic content in the description or the unit is enough
    described = with_indicator(doc, 1, 5, description="人均增加收入")
    assert run("K06", described) == []
    money = with_indicator(
        clean_document(), 1, 5, level3="困难家庭帮扶", description="帮扶金额", value="≥500 元"
    )
    assert run("K06", money) == []
    assert run("K06", clean_document()) == []


def test_k07_quality_with_count_or_area_unit() -> None:
    doc = with_indicator(clean_document(), 2, 2, level3="职工书屋建设面积", value="500 平方米")
    assert run("K07", doc) == [("K07", 2, 2)]
    assert messages("K07", doc) == [
        "质量指标“职工书屋建设面积”的指标值“500 平方米”是面积（单位“平方米”），更像数量指标。"
    ]
    assert run("K07", with_indicator(clean_document(), 1, 2, value="≥30 人数")) == [("K07", 1, 2)]
    assert run("K07", clean_document()) == []


def test_k08_timeliness_deadline_or_rate() -> None:
    low = with_indicator(clean_document(), 1, 3, level3="及时开放职工书屋", value="≥50%")
    assert run("K08", low) == [("K08", 1, 3)]
    assert run("K08", with_indicator(clean_document(), 1, 3, value="按时完成")) == [("K08", 1, 3)]
    assert run("K08", with_indicator(clean_document(), 1, 3, value="≥20 人")) == [("K08", 1, 3)]
    # ≥95% and ≥90% rates, durations, negative rates and deadlines are fine
    for value in ("≥95%", "≥90%", "≤5 个工作日", "12月31日前", "2024年12月底前"):
        assert run("K08", with_indicator(clean_document(), 1, 3, value=value)) == [], value
    assert run("K08", with_indicator(clean_document(), 1, 3, level3="资金拨付逾期率", value="≤5%")) == []
    assert run("K08", clean_document()) == []


def test_k09_name_length() -> None:
    profile = Profile(max_name_chars=10)
    doc = with_indicator(clean_document(), 1, 1, level3="帮扶困难职工人数及其家庭成员人数")
    assert run("K09", doc, profile) == [("K09", 1, 1)]
    assert messages("K09", doc, profile) == [
        "项目 1 指标表第 1 行：三级指标长度为 16 个字符，超过 10 个字符的上限。"
    ]
    assert run("K09", with_indicator(clean_document(), 2, 4, level3=" ")) == [("K09", 2, 4)]
    assert run("K09", with_indicator(clean_document(), 1, 1, level3="人" * 100)) == []
    assert run("K09", with_indicator(clean_document(), 1, 1, level3="人" * 101)) == [("K09", 1, 1)]
    assert run("K09", clean_document()) == []


def test_k10_indicator_count() -> None:
    doc = clean_document()
    doc = with_project(doc, 2, indicators=doc.projects[1].indicators[:2])
    assert run("K10", doc) == [("K10", 2, None)]
    assert run("K10", doc, Profile(min_indicators=2)) == []
    assert run("K10", with_project(clean_document(), 1, indicators=())) == []  # S07's
    assert run("K10", clean_document()) == []


def test_k11_description_repeats_name() -> None:
    doc = with_indicator(clean_document(), 1, 1, description="帮扶困难职工人数")
    doc = with_indicator(doc, 1, 3, description="救助资金 发放时间")
    assert run("K11", doc) == [("K11", 1, None)]
    assert messages("K11", doc) == [
        "项目 1“困难职工帮扶救助项目1”有 2 行的绩效指标描述与三级指标完全相同（第 1、3 行）。"
    ]
    assert run("K11", clean_document()) == []


def test_k12_duplicate_names() -> None:
    doc = with_indicator(clean_document(), 2, 6, level3="受助职工满意度")
    assert run("K12", doc) == [("K12", 2, 7)]
    assert messages("K12", doc) == [
        "三级指标“受助职工满意度”在项目 2“困难职工帮扶救助项目2”中重复出现（第 6 行与第 7 行）。"
    ]
    assert run("K12", clean_document()) == []


def test_framework_rules_on_the_example(example: PerformanceDocument) -> None:
    found = {code: run(code, example) for code in K_CODES}
    assert found == {
        "K01": [],
        "K02": [],
        "K03": [],
        "K04": [],
        "K05": [("K05", 5, 5)],  # 受拨单位满意度 under 经济效益 (SPEC §12 item 7)
        "K06": [("K06", p, 5) for p in (1, 3, 4, 5, 6)],  # SPEC §12 item 8; project 2 has no 经济效益 row
        "K07": [("K07", 6, 2)],  # 职工书屋建设面积 500 平方米 (item 9)
        "K08": [("K08", 6, 3)],  # 及时开放职工书屋 ≥50% (SPEC K-08 “odd”)
        "K09": [],
        "K10": [],
        "K11": [("K11", p, None) for p in range(1, 7)],
        "K12": [],
    }
    assert messages("K11", example)[4].endswith(
        "有 7 行的绩效指标描述与三级指标完全相同（第 1、2、3、4、5、6、7 行）。"
    )


def test_framework_rules_on_the_example_under_guide_101(example: PerformanceDocument) -> None:
    found = {code: run(code, example, GUIDE_101) for code in K_CODES}
    assert found["K01"] == []
    assert found["K02"] == [("K02", None, None)]  # SPEC §12 item 18: one info-level framework mismatch
    assert found["K04"] == []
    assert found["K05"] == [("K05", 5, 5)]
    rule = RULES["K02"]
    (mismatch,) = rule.check(example, RuleContext(GUIDE_101).bound(rule))
    assert mismatch.severity == "info"
    assert "88号" in mismatch.message and "101号" in mismatch.message


def test_clean_document_passes_framework_rules() -> None:
    for code in K_CODES:
        assert run(code, clean_document()) == [], code
        assert run(code, guide_101_document(), GUIDE_101) == [], code


def test_framework_rules_never_raise_on_odd_content() -> None:
    odd = with_project(
        clean_document(),
        1,
        indicators=(
            ind("", "", "", ""),
            ind("？？", "一", "\n", "≥≥**"),
            ind("成本", "成本", "x" * 500, "-5%"),
        ),
    )
    for code in K_CODES:
        run(code, odd)
        run(code, odd, GUIDE_101)
