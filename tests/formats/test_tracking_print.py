"""The printable HTML and PDF of 自评表 and 监控表: the official grids on landscape A4, read back equal."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from jixiao.model import MonitoringReport, PerformanceDocument, parse_value
from jixiao.scoring import start_monitoring
from jixiao.service.documents import read_any_file, write_any_file

from ..scoring.test_self_evaluation import filled


def _monitoring(example: PerformanceDocument) -> MonitoringReport:
    report = start_monitoring(example, 7)
    project = report.projects[1]
    fund = replace(project.funds[0], executed=Decimal("5.20"), forecast_executed=Decimal("13.10"))
    row = replace(
        project.indicators[0],
        progress=parse_value("12 人"),
        likelihood="有可能",
        deviation_category="经费保障",
        deviation_reason="资金下达晚",
        corrective_action="加快审核",
    )
    project = replace(project, funds=(fund, *project.funds[1:]), indicators=(row, *project.indicators[1:]))
    return replace(report, projects=(report.projects[0], project, *report.projects[2:]))


def test_html_shows_one_official_table_per_project(example: PerformanceDocument, tmp_path: Path) -> None:
    write_any_file(filled(example), tmp_path / "自评.html")
    page = (tmp_path / "自评.html").read_text(encoding="utf-8")
    assert page.count('<table class="tracking">') == 6 and "size:A4 landscape" in page
    assert "<h2>特岗教师工会经费绩效自评表</h2>" in page and '<td class="label" rowspan=' in page
    assert "http" not in page.replace('xmlns="http', "")  # nothing to fetch


def test_pdf_of_a_self_evaluation_reads_back_equal(example: PerformanceDocument, tmp_path: Path) -> None:
    evaluation = filled(example)
    write_any_file(evaluation, tmp_path / "自评.pdf")
    assert (tmp_path / "自评.pdf").read_bytes().startswith(b"%PDF")
    assert read_any_file(tmp_path / "自评.pdf").document == evaluation


def test_pdf_of_a_monitoring_report_reads_back_equal(example: PerformanceDocument, tmp_path: Path) -> None:
    report = _monitoring(example)
    write_any_file(report, tmp_path / "监控.pdf")
    back = read_any_file(tmp_path / "监控.pdf").document
    assert back == report
