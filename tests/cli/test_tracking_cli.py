"""``jixiao evaluate new``, ``monitor new``, ``score`` and ``check`` on self-evaluations and monitoring reports."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli.main import app
from jixiao.model import MonitoringReport, PerformanceDocument, SelfEvaluation, parse_value
from jixiao.service.documents import read_any_file, write_any_file

from ..conftest import EXAMPLE
from ..scoring.test_self_evaluation import HAND, filled

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="jixiao")
    return result.exit_code, result.stdout, result.stderr


def test_evaluate_new_writes_a_blank_self_evaluation(tmp_path: Path, example: PerformanceDocument) -> None:
    out = tmp_path / "自评.json"
    code, _, err = run("evaluate", "new", str(EXAMPLE), "-o", str(out))
    assert code == 0, err
    assert "6 个项目、42 个指标" in err and "未标为“审核通过”" in err
    record = read_any_file(out).document
    assert isinstance(record, SelfEvaluation)
    assert [r.target.raw for r in record.projects[0].indicators] == [
        i.value.raw for i in example.projects[0].indicators
    ]
    code, text, _ = run("score", str(out))
    assert code == 0 and "实际完成值未填写，暂不能计分" in text and "总分 0  等级 差" in text


def test_monitor_new_and_its_lights(tmp_path: Path) -> None:
    out = tmp_path / "监控.json"
    code, _, err = run("monitor", "new", str(EXAMPLE), "-o", str(out), "--month", "6")
    assert code == 0, err and "1–6月" in err
    report = read_any_file(out).document
    assert isinstance(report, MonitoringReport)
    project = report.projects[0]
    fund = replace(
        project.funds[0],
        executed=project.funds[0].budget_initial,
        forecast_executed=project.funds[0].budget_initial,
    )
    rows = (
        replace(project.indicators[0], progress=parse_value("60 人数"), likelihood="有可能"),
        *project.indicators[1:],
    )
    write_any_file(
        replace(report, projects=(replace(project, funds=(fund,), indicators=rows), *report.projects[1:])),
        out,
    )
    code, text, _ = run("score", str(out), "-f", "json")
    data = json.loads(text)
    first = data["projects"][0]
    assert (first["time_progress"], first["execution_rate"], first["indicators"][0]["alert"]) == (
        "50",
        "100",
        "red",
    )
    code, text, _ = run("check", str(out))
    assert code == 1 and "M03" in text  # 有可能 and a red light, without a reason


def test_score_a_filled_self_evaluation(tmp_path: Path, example: PerformanceDocument) -> None:
    path = tmp_path / "自评.json"
    write_any_file(filled(example), path)
    code, text, _ = run("score", str(path), "-f", "json")
    assert code == 0
    got = [(p["execution"]["score"], p["total"], p["grade_label"]) for p in json.loads(text)["projects"]]
    assert got == [
        (str(float(h[0])).rstrip("0").rstrip("."), str(float(h[2])).rstrip("0").rstrip("."), h[3])
        for h in HAND
    ]
    code, page, _ = run("score", str(path), "-f", "html")
    assert code == 0 and page.startswith("<!DOCTYPE html>") and "82.1" in page and "等级：良" in page
    code, text, _ = run("score", str(path))
    assert (
        "总分 93.37  等级 优" in text
        and "反向指标：得分 = 权重 12.5 × min(目标 7300 ÷ 实际 7500, 1) = 12.17" in text
    )


def test_check_a_self_evaluation_against_its_targets(tmp_path: Path, example: PerformanceDocument) -> None:
    evaluation = filled(example)
    project = evaluation.projects[0]
    changed = replace(project.indicators[2], target=parse_value("≥90%"))
    evaluation = replace(
        evaluation,
        projects=(
            replace(project, indicators=(*project.indicators[:2], changed, *project.indicators[3:])),
            *evaluation.projects[1:],
        ),
    )
    path = tmp_path / "自评.json"
    write_any_file(evaluation, path)
    code, text, _ = run("check", str(path), "--targets", str(EXAMPLE))
    assert code == 1
    assert "E08" in text and "年度指标值“≥90%”与批复的“≥95%”不同" in text
    code, text, _ = run("check", str(path))  # without the targets the fingerprint tells
    assert code == 1 and "校验码" in text


def test_bad_inputs_get_chinese_messages(tmp_path: Path) -> None:
    code, _, err = run("monitor", "new", str(EXAMPLE), "-o", str(tmp_path / "m.json"), "--month", "13")
    assert code == 2 and "月份应为 1–12" in err
    code, _, err = run("evaluate", "new", str(EXAMPLE), "-o", str(tmp_path / "e.json"), "--scoring", "mars")
    assert code == 2 and "没有名为 mars 的评分方案" in err
    code, _, err = run("score", str(EXAMPLE))
    assert code == 2 and "这是绩效目标文本" in err
    assert not (tmp_path / "m.json").exists() and not (tmp_path / "e.json").exists()


def test_convert_and_parse_a_self_evaluation(tmp_path: Path, example: PerformanceDocument) -> None:
    source = tmp_path / "自评.json"
    write_any_file(filled(example), source)
    for ext in ("docx", "xlsx", "txt"):
        code, _, err = run("convert", str(source), str(tmp_path / f"自评.{ext}"))
        assert code == 0, err
        assert read_any_file(tmp_path / f"自评.{ext}").document == filled(example)
    code, text, _ = run("parse", str(tmp_path / "自评.docx"))
    assert code == 0 and "公安局辅警工会费绩效自评表" in text
