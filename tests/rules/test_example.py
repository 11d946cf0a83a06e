"""The catalogue on the example: the findings of SPEC §12 at the right project and row, and a corrected copy.

The golden list ``tests/golden/example.findings.txt`` holds every finding as ``code project row``;
``pytest --update-golden`` rewrites it after a deliberate change.
"""

from __future__ import annotations

from jixiao.check import check_document
from jixiao.check.profiles import load_profile
from jixiao.kinds import read_document
from jixiao.model import Finding, PerformanceDocument

from ..conftest import EXAMPLE, Golden

Row = tuple[str, int | None, int | None]


def rows(findings: tuple[Finding, ...], *codes: str) -> list[Row]:
    return [(f.code, f.subject.project, f.subject.indicator) for f in findings if f.code in codes]


def hebei(doc: PerformanceDocument, found: tuple[Finding, ...]) -> tuple[Finding, ...]:
    return check_document(doc, found, load_profile("hebei-county")).findings


def test_spec_section_12(
    example: PerformanceDocument, example_findings: tuple[Finding, ...], golden: Golden
) -> None:
    f = hebei(example, example_findings)
    golden("example.findings.txt", "".join(f"{c} {p} {r}\n" for c, p, r in rows(f, *{x.code for x in f})))
    assert rows(f, "S01") == [("S01", 5, None)]  # 1. the space in project 5's code
    assert rows(f, "S04") == [("S04", 6, 4)]  # 2. project 6's table continued; its 成本 row under 产出
    assert rows(f, "V04") == [("V04", 1, 1), ("V04", 3, 1), ("V04", 5, 1)]  # 3. 人数, 人数, 个数
    assert rows(f, "V06") == [("V06", 2, 1)]  # 4. ≤20 人 on a quantity
    assert len(rows(f, "V05")) == 16  # 5. values without an operator
    assert rows(f, "C01") == [("C01", p, 4) for p in (1, 3, 4, 5, 6)]  # 6. cost = budget
    assert rows(f, "K05") == [("K05", 5, 5)]  # 7. 受拨单位满意度 under 经济效益
    assert rows(f, "K06") == [("K06", p, 5) for p in (1, 3, 4, 5, 6)]  # 8. 经济效益 without economy
    assert rows(f, "K07") == [("K07", 6, 2)]  # 9. 500 平方米 under 质量
    unmeasurable = {(p, r) for _, p, r in rows(f, "V10", "V11")}  # 10.
    assert {(5, 6), (6, 6), (3, 6), (1, 6), (2, 6)} <= unmeasurable
    b02 = {p for _, p, _ in rows(f, "B02")}  # 11. 县政府批示 (projects 1, 4); 问卷调查 for satisfaction
    assert b02 == {1, 2, 3, 4, 5}
    assert {p for _, p, _ in rows(f, "B03")} == {2, 3, 6}  # 12. 【】 and （） document numbers
    assert rows(f, "B05") == [("B05", 6, None)]  # 13. a 2019–2023 plan cited for 2024
    assert rows(f, "C05") == [("C05", p, 7) for p in range(1, 7)]  # 14. part one vs the tables
    assert rows(f, "C07") == [("C07", 5, None)]  # 15. projects 3 and 5 share their goals
    assert {p for _, p, _ in rows(f, "F04", "F05")} == set(range(1, 7))  # 16. only 12月底 100%
    assert rows(f, "D01", "D03") == [("D01", None, None), ("D03", None, None)]  # 17.


def test_spending_plans_in_section_12(
    example: PerformanceDocument, example_findings: tuple[Finding, ...]
) -> None:
    f = hebei(example, example_findings)
    assert rows(f, "F04") == [("F04", p, None) for p in range(1, 7)]
    assert rows(f, "F05") == [("F05", p, None) for p in range(1, 7)]


def test_framework_mismatch_under_guide_101(example: PerformanceDocument) -> None:
    f = check_document(example, (), load_profile("central-2021")).findings
    mismatch = [x for x in f if x.code in ("K01", "K02") and x.severity == "info"]
    assert mismatch and all("legacy_88" in x.message or "成本" in x.message for x in mismatch)


# A corrected copy of the example, written by the team: each change answers one finding of §12.
CORRECTIONS: list[tuple[str, str, int]] = [
    ("13052924P0058401190 3Q", "13052924P00584011903Q", 1),
    ("其他资金\t\n", "其他资金\t0.00\n", 6),
    ("\t242 人数\t", "\t≥242 人\t", 1),
    ("\t47 人数\t", "\t≥47 人\t", 1),
    ("\t43 个数\t", "\t≥43 个\t", 1),
    ("\t276 人\t", "\t≥276 人\t", 1),
    ("\t≤20 人\t", "\t≥20 人\t", 1),
    ("\t100%\t", "\t=100%\t", 12),
    ("\t\t\t\t\t=100%\t", "\t25%\t\t50%\t80%\t100%\t", 6),
    ("公安局辅警工会费数额\t公安局辅警工会费数额\t13 万元", "人均工会经费\t人均工会经费标准\t≤540 元/人", 1),
    ("劳模荣誉津贴金额\t劳模荣誉津贴金额\t10 万元", "人均荣誉津贴\t人均荣誉津贴标准\t≤2130 元/人", 1),
    ("特岗教师工会经费数额\t特岗教师工会经费数额\t17 万元", "人均工会经费\t人均工会经费标准\t≤620 元/人", 1),
    ("工会经费数 额\t工会经费数额\t620 万元", "单位平均拨付经费\t单位平均拨付经费\t≤14.5 万元/个", 1),
    ("投入资金\t职工书屋租赁及维护费\t5 万元", "年租金\t职工书屋年租赁费\t≤5 万元/年", 1),
    ("效益指标\t经济效益指标\t", "效益指标\t社会效益指标\t", 4),
    (
        "效益指标\t经济效益指 标\t受拨单位满 意度\t受拨单位满意度\t",
        "效益指标\t社会效益指标\t工会经费规范使用率\t工会经费规范使用率\t",
        1,
    ),
    (
        "职工书屋建设面积\t按全国及省级示范书屋标准建设\t500 平方米",
        "职工书屋达标率\t按全国及省级示范书屋标准建设达标\t=100%",
        1,
    ),
    ("及时开放职工书屋\t及时开放职工书屋\t≥50%", "职工书屋开放时间\t职工书屋开放时间\t2024年3月底前", 1),
    ("提升职工生活水平率\t提升职工生活水平率\t≥95%", "辅警工会会员入会率\t辅警工会会员入会率\t≥95%", 1),
    (
        "困难职工生活水平提升情况\t困难职工生活水平提升情况\t≥70%",
        "困难职工家庭人均增收\t困难职工家庭人均增收\t≥500 元",
        1,
    ),
    ("有效缓解职工家庭困难\t有效缓解职工家庭困难\t≥90%", "困难职工家庭脱困率\t困难职工家庭脱困率\t≥60%", 1),
    ("劳模荣誉感是否提升\t劳模荣誉感提升情况\t≥90%", "劳模参加疗休养人数\t劳模参加疗休养人数\t≥10 人", 1),
    ("掀起学习劳模精神热潮\t掀起学习劳模精神热潮\t≥80%", "劳模事迹宣讲场次\t劳模事迹宣讲场次\t≥10 场", 1),
    (
        "提升教师生活水平\t提升教师生活水平情况\t≥95%",
        "特岗教师工会会员入会率\t特岗教师工会会员入会率\t≥95%",
        1,
    ),
    ("社会影响力\t社会影响力\t≥80%", "基层工会活动覆盖率\t基层工会活动覆盖率\t≥80%", 1),
    ("提供优质服务\t为读者和参观游览人员提高服务\t≥70%", "图书年借阅量\t职工书屋图书年借阅量\t≥2000 册", 1),
    ("社会影响力\t民生实事项目\t≥90%", "职工书屋年接待人次\t职工书屋年接待人次\t≥3000 人次", 1),
    ("县政府批示", "《巨鹿县人民政府关于支持工会工作的批复》（巨政函〔2023〕15号）", 12),
    ("问卷调查", "2023 年度服务对象满意度调查结果（历史标准）", 4),
    ("调查问卷", "2023 年度服务对象满意度调查结果（历史标准）", 1),
    ("冀财行【2023】98 号", "冀财行〔2023〕98 号", 6),
    ("冀办法（2018）38 号文件", "冀办法〔2018〕38 号文件", 6),
    (
        "《全国工会职工书屋建设工程五年规划（2019-2023）》（总工办发（2019）13 号）",
        "《巨鹿县职工书屋建设方案（2024-2026）》（巨工发〔2024〕3 号）",
        6,
    ),
    ("《全国工会职工书屋建设五年规划》", "2023 年度服务对象满意度调查结果（历史标准）", 1),
    (
        "1.维护职工合法权益 2.完善工会参与社会管理机制 3.提升工会服务大局影响力",
        "1.按时足额发放劳模荣誉津贴 2.保障劳模生活待遇 3.弘扬劳模精神",
        1,
    ),
    ("使劳模满意度达到 100%", "使劳模满意度达到 95%", 1),
    ("使职工满意度达到 100%", "使职工满意度达到 90%", 1),
    (
        "打造‘工’字系列职工文化特色品牌。",
        "打造‘工’字系列职工文化特色品牌。全年安排项目预算 678.10 万元，保障辅警、特岗教师等职工 518 人，帮扶困难职工 20 人。",
        1,
    ),
]
# 县直 (project 5), 特岗 (4), 辅警 (1), 书屋 (6), in the order part one names them
SATISFACTION_80 = ["95%", "95%", "95%", "90%"]


def corrected_example() -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new, count in CORRECTIONS:
        assert text.count(old) == count, (old, text.count(old))
        text = text.replace(old, new)
    for value in SATISFACTION_80:
        text = text.replace("的满意度达到 80%", f"的满意度达到 {value}", 1)
    return text


def test_the_corrected_example_has_no_error_and_no_warning() -> None:
    doc, found = read_document(corrected_example().encode(), "corrected.txt")
    findings = hebei(doc, tuple(found))
    serious = [
        (f.code, f.subject.project, f.subject.indicator, f.message) for f in findings if f.severity != "info"
    ]
    assert serious == []
