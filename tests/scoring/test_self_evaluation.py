"""A self-evaluation of the example's six projects, filled in by hand and scored as computed by hand."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl  # type: ignore[import-untyped]

from jixiao.check import check_document
from jixiao.model import (
    EvaluatedIndicator,
    PerformanceDocument,
    SelfEvaluation,
    parse_value,
)
from jixiao.scoring import HUBEI, score_self_evaluation, start_self_evaluation
from jixiao.service.documents import read_any_file, write_any_file

D = Decimal

# Per project: 全年执行数 (万元) and the 实际完成值 of its seven indicators, in the example's row order.
FILLED: list[tuple[str, tuple[str, ...]]] = [
    ("13.00", ("242 人数", "100%", "98%", "13 万元", "100%", "96%", "97%")),
    ("12.445", ("18 人", "90%", "100%", "7500 元/年", "80%", "90%", "95%")),
    ("8.00", ("45 人数", "100%", "100%", "80000 元", "92%", "60%", "96%")),
    ("10.20", ("276 人", "95%", "85%", "10.2 万元", "100%", "90%", "90%")),
    ("620.00", ("43 个", "100%", "100%", "620 万元", "97%", "100%", "99%")),
    ("2.50", ("2 天", "500 平方米", "40%", "2.5 万元", "50%", "60%", "80%")),
]
# Scores computed by hand (central profile: 预算执行 10, 产出 4 × 12.5, 效益 2 × 15, 满意度 10):
#   execution = 10 × executed ÷ budget; ≥ → w·min(B/A, 1); ≤ → w·min(A/B, 1); no operator: the 成本指标 rows
#   are ≤ (lower is better), the others ≥.
HAND: list[tuple[str, tuple[str, ...], str, str]] = [
    # project 1: everything met
    ("10.00", ("12.50", "12.50", "12.50", "12.50", "15.00", "15.00", "10.00"), "100.00", "优"),
    # project 2: 95% spent → 9.5; 90/95 × 12.5 = 11.84; 7300/7500 × 12.5 = 12.17
    ("9.50", ("12.50", "11.84", "12.50", "12.17", "15.00", "15.00", "10.00"), "98.51", "优"),
    # project 3: 80% → 8; 45/47 × 12.5 = 11.97; 80000 元 = 8 万元 within the cost of 10 万元 → 12.5;
    # 60/80 × 15 = 11.25
    ("8.00", ("11.97", "12.50", "12.50", "12.50", "15.00", "11.25", "10.00"), "93.72", "优"),
    # project 4: 60% → 6; 95/100 × 12.5 = 11.875 → 11.88; 85/90 × 12.5 = 11.81; 10.2 万元 within the cost of
    # 17 万元 → 12.5; 90/95 × 15 = 14.21; 90/95 × 10 = 9.47
    ("6.00", ("12.50", "11.88", "11.81", "12.50", "15.00", "14.21", "9.47"), "93.37", "优"),
    # project 5: everything met; 100% against ≥80% is over-achieved (1.25 > 1.2) and explained
    ("10.00", ("12.50", "12.50", "12.50", "12.50", "15.00", "15.00", "10.00"), "100.00", "优"),
    # project 6: 50% → 5; 40/50 × 12.5 = 10; 2.5 万元 within the cost of 5 万元 → 12.5; 50/70 × 15 = 10.71;
    # 60/90 × 15 = 10; 80/90 × 10 = 8.89
    ("5.00", ("12.50", "12.50", "10.00", "12.50", "10.71", "10.00", "8.89"), "82.10", "良"),
]


def filled(
    example: PerformanceDocument, hand: list[tuple[str, tuple[str, ...], str, str]] = HAND
) -> SelfEvaluation:
    """The example's self-evaluation as the team fills it in: amounts, actuals, printed scores, reasons."""
    evaluation = start_self_evaluation(example)
    projects = []
    for project, (executed, actuals), (exec_score, scores, total, grade) in zip(
        evaluation.projects, FILLED, hand, strict=True
    ):
        total_line = replace(project.funds[0], executed=D(executed))
        rows = tuple(
            _row(row, actual, score)
            for row, actual, score in zip(project.indicators, actuals, scores, strict=True)
        )
        projects.append(
            replace(
                project,
                funds=(total_line, *project.funds[1:]),
                execution_score=D(exec_score),
                execution_reason="部分资金年底前未拨付，已结转下年" if exec_score != "10.00" else "",
                achieved="已按计划完成年度工作。",
                indicators=rows,
                total_score=D(total),
                grade=grade,
            )
        )
    return replace(evaluation, projects=tuple(projects))


def _row(row: EvaluatedIndicator, actual: str, score: str) -> EvaluatedIndicator:
    reason = "" if D(score) == row.weight else "受年度实际情况影响未完全达到目标，下年度加强跟踪督导"
    if actual == "100%" and row.target.raw == "≥80%":
        reason = "各单位积极参与，影响超出预期；下年度据实提高目标"
    return replace(row, actual=parse_value(actual), score=D(score), deviation_reason=reason)


def test_six_projects_score_as_computed_by_hand(example: PerformanceDocument) -> None:
    result = score_self_evaluation(filled(example))
    got = [
        (
            str(p.execution.score),
            tuple(str(s.score) for s in p.indicators),
            str(p.total),
            p.grade_label,
        )
        for p in result.projects
    ]
    assert got == HAND


def test_weights_follow_the_central_profile(example: PerformanceDocument) -> None:
    evaluation = start_self_evaluation(example)
    first = evaluation.projects[0]
    assert first.execution_weight == D(10)
    assert [str(r.weight) for r in first.indicators] == ["12.50"] * 4 + ["15.00", "15.00", "10.00"]
    assert all(
        (p.execution_weight or 0) + sum(r.weight or 0 for r in p.indicators) == 100
        for p in evaluation.projects
    )


def test_hubei_profile_other_weights(example: PerformanceDocument) -> None:
    evaluation = start_self_evaluation(example, profile=HUBEI)
    first = evaluation.projects[0]
    assert (first.execution_weight, [str(r.weight) for r in first.indicators]) == (
        D(20),
        ["10.00"] * 4 + ["13.33", "13.33", "13.34"],
    )
    assert evaluation.scoring_profile == "hubei"


def test_targets_are_carried_over_and_fingerprinted(example: PerformanceDocument) -> None:
    evaluation = start_self_evaluation(example)
    assert [r.target.raw for r in evaluation.projects[1].indicators] == [
        i.value.raw for i in example.projects[1].indicators
    ]
    assert evaluation.targets.fiscal_year == 2024 and len(evaluation.targets.fingerprint) == 16


def _codes(
    evaluation: SelfEvaluation, targets: PerformanceDocument | None = None
) -> list[tuple[str, int | None, int | None, str | None]]:
    report = check_document(evaluation, targets=targets)
    return [(f.code, f.subject.project, f.subject.indicator, f.subject.field) for f in report.findings]


def test_filled_in_example_passes_the_e_rules(example: PerformanceDocument) -> None:
    # only E09: 80000 元 against a target in 万元 is converted, but should be written in 万元
    assert _codes(filled(example), example) == [("E09", 3, 4, "actual")]


def test_every_wrong_printed_score_gets_a_finding(example: PerformanceDocument) -> None:
    wrong = [list(h) for h in HAND]
    wrong[1] = ["10.00", ("12.50", "12.50", "12.50", "12.50", "15.00", "15.00", "10.00"), "100.00", "优"]
    wrong[3] = ["6.00", ("12.50", "11.88", "9.00", "12.50", "15.00", "14.21", "9.47"), "95.00", "优"]
    evaluation = filled(example, [tuple(w) for w in wrong])  # type: ignore[misc]
    found = [c for c in _codes(evaluation, example) if c[0] != "E09"]
    assert found == [
        ("E02", 2, None, "execution_score"),  # 12.445 of 13.10 is 95%: 9.5, not 10
        ("E04", 2, 2, "score"),  # 90% against ≥95%: 11.84, not 12.5
        ("E06", 2, 2, "deviation_reason"),  # … and below its weight, so it needs a reason
        ("E04", 2, 4, "score"),  # 7500 against ≤7300: 12.17, not 12.5
        ("E06", 2, 4, "deviation_reason"),
        ("E10", 4, None, "total_score"),  # printed 95 ≠ the sum of the printed parts, 90.56
        ("E04", 4, 3, "score"),  # 85% against ≥90%: 11.81, not 9
    ]


def test_the_filled_example_renders_to_docx_and_xlsx_in_the_official_layout(
    example: PerformanceDocument, tmp_path: Path
) -> None:
    evaluation = filled(example)
    write_any_file(evaluation, tmp_path / "自评.docx")
    write_any_file(evaluation, tmp_path / "自评.xlsx")
    word = docx.Document(str(tmp_path / "自评.docx"))
    titles = [p.text for p in word.paragraphs if p.text.endswith("绩效自评表")]
    assert titles[1:] == [f"{p.name}绩效自评表" for p in example.projects] and len(word.tables) == 6
    first = word.tables[3]  # 特岗教师工会经费: 60 % spent, 优
    money = [c.text for c in first.rows[2].cells]
    assert money[2:8] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert [c.text for c in first.rows[3].cells][2:8] == [
        "17.00",
        "17.00",
        "10.20",
        "10.00",
        "60.00%",
        "6.00",
    ]
    assert [c.text for c in first.rows[-1].cells][-3:] == ["100", "93.37", "自评等级：优"]
    sheet = openpyxl.load_workbook(tmp_path / "自评.xlsx").worksheets[4]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "特岗教师工会经费绩效自评表" and rows[-1][-2:] == (93.37, "自评等级：优")
    for path in ("自评.docx", "自评.xlsx"):
        assert read_any_file(tmp_path / path).document == evaluation
