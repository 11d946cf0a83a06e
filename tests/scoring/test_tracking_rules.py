"""Rules E01–E11 and M01–M04, each with a failing and a passing example written inline."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from jixiao.check import check_document
from jixiao.check.catalogue import ALL_RULES
from jixiao.model import (
    EvaluatedIndicator,
    FundLine,
    MonitoredIndicator,
    MonitoringReport,
    PerformanceDocument,
    Project,
    ProjectEvaluation,
    ProjectMonitoring,
    SelfEvaluation,
    SpendingPoint,
    TargetsRef,
    fingerprint,
    parse_value,
)
from jixiao.model.records import Indicator
from jixiao.rules import CRITERIA, FAMILIES, TRACKING_RULES
from jixiao.rules.profile import Profile
from jixiao.scoring import start_monitoring, start_self_evaluation

D = Decimal
OUT, BEN, SAT = ("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")


def row(
    levels: tuple[str, str], target: str, actual: str, weight: str, score: str, reason: str = ""
) -> EvaluatedIndicator:
    """One 自评表 indicator row."""
    return EvaluatedIndicator(
        *levels, "指标", parse_value(target), parse_value(actual), D(weight), D(score), reason
    )


def evaluation(
    rows: tuple[EvaluatedIndicator, ...] | None = None,
    *,
    budget: str = "100",
    executed: str = "100",
    execution_score: str = "10",
    total: str | None = None,
    grade: str = "",
    reason: str = "",
) -> SelfEvaluation:
    """A one-project self-evaluation, correct unless told otherwise (its total is the sum of its parts)."""
    rows = rows or (
        row(OUT, "≥100 人", "100 人", "50", "50"),
        row(BEN, "≥90%", "95%", "30", "30"),
        row(SAT, "≥90%", "92%", "10", "10"),
    )
    parts = D(execution_score) + sum((r.score or D(0) for r in rows), D(0))
    project = ProjectEvaluation(
        code="P1",
        name="示例项目",
        funds=(FundLine("年度资金总额", D(budget), D(budget), D(executed)),),
        execution_weight=D(10),
        execution_score=D(execution_score),
        execution_reason=reason,
        indicators=rows,
        total_score=D(total) if total else parts,
        grade=grade,
    )
    record = SelfEvaluation(fiscal_year=2024, projects=(project,))
    return replace(
        record, targets=TargetsRef(fiscal_year=2024, fingerprint=fingerprint(record.tracked_targets()))
    )


def codes(
    record: SelfEvaluation | MonitoringReport, targets: PerformanceDocument | None = None, **profile: object
) -> list[str]:
    report = check_document(record, profile=Profile().merged(profile) if profile else None, targets=targets)
    return [f.code for f in report.findings]


def test_e01_executed_above_budget() -> None:
    assert "E01" in codes(evaluation(executed="105"))
    assert "E01" not in codes(evaluation(executed="100"))


def test_e02_execution_score_recomputed() -> None:
    assert codes(evaluation(executed="80", execution_score="10", reason="延期")).count("E02") == 1
    assert "E02" not in codes(evaluation(executed="80", execution_score="8", reason="延期"))
    assert "E02" not in codes(evaluation(executed="80", execution_score="8.05", reason="延期"))  # within 0.1


def test_e03_low_execution_needs_a_reason() -> None:
    assert "E03" in codes(evaluation(executed="80", execution_score="8"))
    assert "E03" not in codes(evaluation(executed="80", execution_score="8", reason="项目延期至次年"))


def test_e04_indicator_scores_recomputed() -> None:
    low = (
        row(OUT, "≥100 人", "80 人", "50", "50", "未完成"),
        row(BEN, "≥90%", "95%", "30", "30"),
        row(SAT, "≥90%", "92%", "10", "10"),
    )
    assert codes(evaluation(low)) == ["E04"]
    assert codes(evaluation((replace(low[0], score=D(40)), *low[1:]))) == []


def test_e04_negative_and_qualitative_rows() -> None:
    rows = (
        row(OUT, "≤7300 元/人", "7500 元/人", "50", "50", "超支"),
        row(BEN, "效果明显", "达成预期指标", "30", "20", "个别环节仍需改进"),  # below the band [24, 30]
        row(SAT, "≥90%", "92%", "10", "10"),
    )
    assert codes(evaluation(rows)) == ["E04", "E04"]
    fixed = (replace(rows[0], score=D("48.67")), replace(rows[1], score=D(27)), rows[2])
    assert codes(evaluation(fixed)) == []


def test_e04_target_that_cannot_be_parsed() -> None:
    rows = (
        row(OUT, "≥**人", "100 人", "50", "50"),
        row(BEN, "≥90%", "95%", "30", "30"),
        row(SAT, "≥90%", "92%", "10", "10"),
    )
    report = check_document(evaluation(rows))
    assert [(f.code, f.subject.field) for f in report.findings] == [("E04", "target")]
    assert "无法计分" in report.findings[0].message


def test_e05_weights_must_sum_to_100_and_scores_stay_below_weights() -> None:
    short = (
        row(OUT, "≥100 人", "100 人", "45", "45"),
        row(BEN, "≥90%", "95%", "30", "30"),
        row(SAT, "≥90%", "92%", "10", "10"),
    )
    assert "E05" in codes(evaluation(short))
    over = (row(OUT, "≥100 人", "100 人", "50", "55"), *short[1:])
    assert codes(evaluation(over)).count("E05") == 1  # a score above its weight (the weights sum to 100)
    assert "E05" not in codes(evaluation())


def test_e06_score_below_weight_needs_a_reason() -> None:
    rows = (
        row(OUT, "≥100 人", "80 人", "50", "40"),
        row(BEN, "≥90%", "95%", "30", "30"),
        row(SAT, "≥90%", "92%", "10", "10"),
    )
    assert codes(evaluation(rows)) == ["E06"]
    assert codes(evaluation((replace(rows[0], deviation_reason="生源减少"), *rows[1:]))) == []


def test_e07_over_achievement_needs_an_explanation() -> None:
    rows = (
        row(OUT, "≥100 人", "150 人", "50", "50"),
        row(BEN, "≥90%", "95%", "30", "30"),
        row(SAT, "≥90%", "92%", "10", "10"),
    )
    assert codes(evaluation(rows)) == ["E07"]
    assert codes(evaluation((replace(rows[0], deviation_reason="上级追加名额"), *rows[1:]))) == []


def _targets() -> PerformanceDocument:
    indicators = (
        Indicator(*OUT, "指标", "", parse_value("≥100 人"), "计划标准"),
        Indicator(*BEN, "指标", "", parse_value("≥90%"), "计划标准"),
        Indicator(*SAT, "指标", "", parse_value("≥90%"), "计划标准"),
    )
    return PerformanceDocument(
        fiscal_year=2024, projects=(Project("P1", "示例项目", D(100), indicators=indicators),)
    )


def test_e08_a_changed_target_is_found_row_by_row() -> None:
    targets = _targets()
    started = start_self_evaluation(targets)
    assert codes(started, targets).count("E08") == 0
    changed = evaluation(
        (
            row(OUT, "≥80 人", "100 人", "50", "50"),
            row(BEN, "≥90%", "95%", "30", "30"),
            row(SAT, "≥90%", "92%", "10", "10"),
        )
    )
    report = check_document(changed, targets=targets)
    e08 = [f for f in report.findings if f.code == "E08"]
    assert [(f.subject.indicator, f.subject.field) for f in e08] == [(1, "target")]
    assert "“≥80 人”与批复的“≥100 人”不同" in e08[0].message


def test_e08_without_the_targets_the_fingerprint_tells() -> None:
    started = start_self_evaluation(_targets())
    assert "E08" not in codes(started)
    project = started.projects[0]
    edited = replace(
        project,
        indicators=(replace(project.indicators[0], target=parse_value("≥80 人")), *project.indicators[1:]),
    )
    assert "E08" in codes(replace(started, projects=(edited,)))
    unlinked = [
        f for f in check_document(replace(evaluation(), targets=TargetsRef())).findings if f.code == "E08"
    ]
    assert [f.severity for f in unlinked] == ["info"]


def test_e09_actual_in_another_unit() -> None:
    rows = (
        row(OUT, "≥100 人", "100 公斤", "50", "0", "单位填错"),
        row(BEN, "≥90%", "95%", "30", "30"),
        row(SAT, "≥90%", "92%", "10", "10"),
    )
    report = check_document(evaluation(rows))
    assert [(f.code, f.severity) for f in report.findings if f.code == "E09"] == [("E09", "error")]
    money = (row(OUT, "≥10 万元", "100000 元", "50", "50"), *rows[1:])
    assert [(f.code, f.severity) for f in check_document(evaluation(money)).findings] == [("E09", "warning")]
    same = (row(OUT, "43 个数", "43 个", "50", "50"), *rows[1:])
    assert codes(evaluation(same)) == []


def test_e10_total_and_grade() -> None:
    assert codes(evaluation(total="95")) == ["E10"]
    assert codes(evaluation(grade="良")) == ["E10"]  # a total of 100 is 优
    assert codes(evaluation(grade="优")) == []


def test_e11_first_level_weights_follow_the_profile() -> None:
    rows = (
        row(OUT, "≥100 人", "100 人", "40", "40"),
        row(BEN, "≥90%", "95%", "40", "40"),
        row(SAT, "≥90%", "92%", "10", "10"),
    )
    assert codes(evaluation(rows)) == ["E11", "E11"]  # 产出 40 instead of 50, 效益 40 instead of 30
    assert codes(evaluation()) == []
    # under the Hubei profile (20 / 40 / 40 with 效益 and 满意度 together) 预算执行 and 产出 are wrong
    assert codes(evaluation(), scoring="hubei").count("E11") == 2


def test_e11_unknown_scoring_profile_is_reported() -> None:
    report = check_document(replace(evaluation(), scoring_profile="mars"))
    assert [f.code for f in report.findings] == ["E11"] and "mars" in report.findings[0].message


# -- monitoring ------------------------------------------------------------------------------------


def mrow(
    target: str,
    progress: str,
    likelihood: str = "确定能",
    reason: str = "",
    action: str = "",
    category: str = "",
) -> MonitoredIndicator:
    """One 监控表 indicator row."""
    return MonitoredIndicator(
        *OUT, "指标", parse_value(target), parse_value(progress), likelihood, category, reason, action
    )


def monitoring(
    rows: tuple[MonitoredIndicator, ...] = (),
    *,
    executed: str = "60",
    forecast: str = "100",
    month: int = 7,
    plan: tuple[SpendingPoint, ...] = (),
) -> MonitoringReport:
    """A one-project monitoring report at the end of a month, budget 100."""
    project = ProjectMonitoring(
        code="P1",
        name="示例项目",
        funds=(FundLine("年度资金总额", D(100), executed=D(executed), forecast_executed=D(forecast)),),
        spending_plan=plan,
        indicators=rows or (mrow("≥100 人", "60 人"),),
    )
    return MonitoringReport(fiscal_year=2024, month=month, projects=(project,))


def test_m01_executed_forecast_budget_in_order() -> None:
    assert codes(monitoring(executed="60", forecast="50")) == ["M01"]
    assert codes(monitoring(executed="60", forecast="110")) == ["M01"]
    assert codes(monitoring(executed="60", forecast="100")) == []


def test_m02_spending_behind_time_or_plan() -> None:
    assert codes(monitoring(executed="30")) == ["M02"]  # 30% against 58.33%
    behind_plan = monitoring(
        executed="45", plan=(SpendingPoint("6月底", D(80)), SpendingPoint("12月底", D(100)))
    )
    report = check_document(behind_plan)
    assert [f.code for f in report.findings] == [
        "M02"
    ] and "资金支出计划（6月底累计 80%）" in report.findings[0].message
    assert codes(monitoring(executed="45")) == []


def test_m03_likelihood_and_reasons() -> None:
    assert codes(monitoring((mrow("≥100 人", "60 人", "有可能"),))) == ["M03"]
    assert codes(monitoring((mrow("≥100 人", "60 人", "有可能", "进度慢", "加快"),))) == []
    assert codes(monitoring((mrow("≥100 人", "60 人", "差不多"),))) == ["M03"]
    assert codes(monitoring((mrow("≥100 人", "20 人"),))) == ["M03"]  # a red light needs a reason
    assert codes(monitoring((mrow("≥100 人", "20 人", reason="招生延后", action="秋季补招"),))) == []


def test_m04_deviation_category_from_the_list() -> None:
    rows = (mrow("≥100 人", "60 人", category="天气原因"),)
    assert codes(monitoring(rows)) == ["M04"]
    assert codes(monitoring((mrow("≥100 人", "60 人", category="经费保障"),))) == []
    assert codes(monitoring((mrow("≥100 人", "60 人", category="项目管理"),)), scoring="hubei") == []


def test_started_monitoring_locks_targets_and_plan() -> None:
    report = start_monitoring(_targets(), 6)
    assert report.period == "1–6月" and report.projects[0].indicators[0].target.raw == "≥100 人"
    assert report.projects[0].funds[0].budget_initial == D(100)


def test_tracking_rules_are_documented_and_tested() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in __import__("pathlib").Path(__file__).parent.glob("test_*.py")
    )
    for r in TRACKING_RULES:
        assert re.fullmatch(r"[EM]\d{2}", r.code) and r.family in FAMILIES
        assert all(getattr(r, n) for n in ("title", "description", "message", "basis", "failing", "passing"))
        assert any(t in CRITERIA for t in r.tags)
        assert f"def test_{r.code.lower()}_" in source
    assert [r.code for r in TRACKING_RULES] == [f"E{n:02}" for n in range(1, 12)] + [
        f"M{n:02}" for n in range(1, 5)
    ]
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES) == 69
