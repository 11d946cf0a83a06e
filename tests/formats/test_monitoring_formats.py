"""监控表 in text, JSON, DOCX and XLSX: round trips, the period, the Huangshi variant, bad input."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from decimal import Decimal as D
from pathlib import Path

import docx
import jsonschema
import openpyxl  # type: ignore[import-untyped]
import pytest

from jixiao.importers import UnreadableError
from jixiao.kinds import read_any, read_monitoring_report, write_any
from jixiao.model import (
    Finding,
    FundLine,
    MonitoredIndicator,
    MonitoringReport,
    ProjectMonitoring,
    SelfEvaluation,
    SpendingPoint,
    TargetsRef,
    parse_value,
)
from jixiao.model.json_schema_tracking import monitoring_report_schema
from jixiao.model.serialize_tracking import (
    SchemaError,
    monitoring_report_from_dict,
    monitoring_report_to_dict,
)

from .test_libreoffice import convert

FORMATS = ("txt", "json", "docx", "xlsx")


def report(month: int = 7) -> MonitoringReport:
    """Two projects: fund lines to date, a spending plan, every kind of target and progress, empty cells."""
    first = ProjectMonitoring(
        code="13052924P005840119077",
        name="公安局辅警工会费",
        department="巨鹿县总工会",
        implementing_unit="巨鹿县总工会",
        funds=(
            FundLine("年度资金总额", D("13.00"), D("13.00"), D("6.50"), forecast_executed=D("13.00")),
            FundLine("其中：当年财政拨款", D("13.00"), None, D("6.50"), forecast_executed=D("13.00")),
            FundLine("其他资金"),
        ),
        spending_plan=(
            SpendingPoint("3月底"),
            SpendingPoint("6月底", D("50")),
            SpendingPoint("10月底"),
            SpendingPoint("12月底", D("100")),
        ),
        indicators=(
            MonitoredIndicator(
                "产出指标", "数量指标", "保障人数", parse_value("242 人"), parse_value("240 人"), "确定能"
            ),
            MonitoredIndicator(
                "产出指标",
                "时效指标",
                "发放及时率",
                parse_value("≥95%"),
                parse_value("80%"),
                "有可能",
                "经费保障",
                "资金拨付延迟",
                "加快拨付",
                "7月已催办",
            ),
            MonitoredIndicator(
                "产出指标",
                "时效指标",
                "发放时间",
                parse_value("2024年12月底前"),
                parse_value("按计划推进"),
                "确定能",
            ),
            MonitoredIndicator("效益指标", "社会效益指标", "职工权益", parse_value("有效维护")),
        ),
        deviation_reason="上半年拨付进度慢",
        corrective_action="加快拨付\n按月调度",
    )
    second = ProjectMonitoring(
        code="13052924P00584210731T",
        name="困难职工帮扶救助",
        money_unit="元",
        funds=(
            FundLine("年度资金总额", D("131000"), D("150000"), D("30000"), forecast_executed=D("150000")),
        ),
        indicators=(
            MonitoredIndicator(
                "成本指标",
                "经济成本指标",
                "人均救助",
                parse_value("≤7300 元/年"),
                parse_value("7000 元/年"),
                "不可能",
                "其他",
                "救助人数少于预期",
                "扩大救助范围",
            ),
        ),
    )
    ref = TargetsRef("711001", "巨鹿县总工会", 2024, "部门预算绩效文本", "0123456789abcdef")
    return MonitoringReport(
        "711001",
        "巨鹿县总工会",
        2024,
        month=month,
        targets=ref,
        scoring_profile="hubei",
        projects=(first, second),
    )


REPORT = report()


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


def read_text(text: str, name: str = "监控.txt") -> tuple[MonitoringReport, list[Finding]]:
    return read_monitoring_report(text.encode("utf-8"), name, "txt")


# -- round trips ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_back_the_report(fmt: str) -> None:
    back, findings = read_any(write_any(REPORT, fmt), f"监控.{fmt}")
    assert back == REPORT
    assert codes(findings) <= {"P02"}
    assert read_any(write_any(back, fmt), f"again.{fmt}")[0] == REPORT


@pytest.mark.parametrize("month", [1, 6, 12])
def test_the_period_reads_back(month: int) -> None:
    bare = replace(report(month), fiscal_year=None, unit_name=None, unit_code=None, targets=TargetsRef())
    for fmt in ("txt", "docx", "xlsx"):
        back, _ = read_any(write_any(bare, fmt), f"p.{fmt}")
        assert isinstance(back, MonitoringReport) and back.month == month and back == bare, fmt


def test_the_text_layout() -> None:
    lines = write_any(REPORT, "txt").decode().split("\n")
    assert lines[:4] == [
        "2024 年项目支出绩效运行监控表（1–7月）",
        "填报单位：巨鹿县总工会（711001）",
        "依据绩效目标：巨鹿县总工会（711001）2024 年《部门预算绩效文本》（校验码 0123456789abcdef）",
        "评分方案：hubei",
    ]
    assert "公安局辅警工会费绩效运行监控表（1–7月）" in lines
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert rows[2][:10] == [
        "项目资金（万元）",
        "",
        "年初预算数",
        "",
        "全年预算数",
        "",
        "1–7月执行数",
        "",
        "执行率",
        "全年预计执行数",
    ]
    assert rows[3][:10] == ["", "年度资金总额", "13.00", "", "13.00", "", "6.50", "", "50.00%", "13.00"]
    assert rows[6][:5] == ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"]
    assert rows[7][:5] == ["", "", "50%", "", "100%"]
    assert rows[8][5:8] == ["1–7月执行情况", "完成目标可能性", "偏差原因类别"]
    footers = [r[:3] for r in rows if r[0] in ("偏差或不能完成目标原因分析", "相关建议或举措")]
    assert footers[:2] == [
        ["偏差或不能完成目标原因分析", "", "上半年拨付进度慢"],
        ["相关建议或举措", "", "1.加快拨付 2.按月调度"],
    ]


def test_the_json_form_validates() -> None:
    validator = jsonschema.Draft202012Validator(monitoring_report_schema())
    data = json.loads(write_any(REPORT, "json"))
    validator.validate(data)
    assert (data["format"], data["month"], data["projects"][0]["spending_plan"]) == (
        "jixiao.monitoring-report",
        7,
        {"3月底": None, "6月底": "50", "10月底": None, "12月底": "100"},
    )
    back, _ = read_any(write_any(REPORT, "docx"), "监控.docx")
    assert isinstance(back, MonitoringReport)
    validator.validate(monitoring_report_to_dict(back, sources=True))
    data["month"] = 13
    assert not validator.is_valid(data)
    with pytest.raises(SchemaError) as caught:
        monitoring_report_from_dict(data)
    assert caught.value.path == "month"


def test_rows_keep_their_cells() -> None:
    back, _ = read_any(write_any(REPORT, "xlsx"), "监控.xlsx")
    assert isinstance(back, MonitoringReport)
    row = back.projects[0].indicators[1]
    at = {n: (s.page, s.line, s.column, s.cell) for n, s in row.cell_sources}
    assert at["progress"] == (2, 12, 6, "80%") and at["likelihood"] == (2, 12, 7, "有可能")
    assert back.projects[1].source_of("executed").cell == "30000.00"


# -- the Huangshi variant ------------------------------------------------------------------------------

HUANGSHI = """2019 年度项目支出绩效运行监控表

项目名称\t城区道路维护\t主管部门\t黄石市住建局\t执行单位\t市政维护处
项目资金（万元）\t\t年初预算数\t1-6月执行数\t全年预计执行数
\t年度资金总额\t500.00\t200.00\t480.00
\t其中：当年一般公共预算拨款\t500.00\t200.00\t480.00
一级指标\t指标名称\t指标值\t半年度指标执行情况\t完成目标可能性\t全年预计完成情况\t备注
产出指标\t维修道路面积\t≥10 万平方米\t4.5 万平方米\t有可能\t9.8 万平方米\t雨季影响
效益指标\t道路完好率\t≥95%\t96%\t确定能\t96%\t
偏差或不能完成目标原因分析\t上半年雨水多，施工天数少
相关建议或举措\t下半年加快施工
"""


def test_the_huangshi_variant() -> None:
    record, findings = read_text(HUANGSHI)
    assert (record.fiscal_year, record.month, len(record.projects)) == (2019, 6, 1)
    p = record.projects[0]
    assert (p.name, p.department, p.implementing_unit, p.code) == (
        "城区道路维护",
        "黄石市住建局",
        "市政维护处",
        "",
    )
    assert [(f.name, f.budget_initial, f.executed, f.forecast_executed) for f in p.funds] == [
        ("年度资金总额", D("500.00"), D("200.00"), D("480.00")),
        ("其中：当年一般公共预算拨款", D("500.00"), D("200.00"), D("480.00")),
    ]
    got = [
        (i.level1, i.level3, i.target.raw, i.progress.raw if i.progress else "", i.likelihood, i.note)
        for i in p.indicators
    ]
    assert got == [
        ("产出指标", "维修道路面积", "≥10 万平方米", "4.5 万平方米", "有可能", "雨季影响"),
        ("效益指标", "道路完好率", "≥95%", "96%", "确定能", ""),
    ]
    assert (p.deviation_reason, p.corrective_action) == ("上半年雨水多，施工天数少", "下半年加快施工")
    assert [i.forecast.raw if i.forecast else "" for i in p.indicators] == [
        "9.8 万平方米",
        "96%",
    ]  # 全年预计完成情况
    assert codes(findings) == set()


def test_half_year_and_long_term_targets_beside_the_year_s_are_not_kept() -> None:
    text = (
        "项目名称\t道路维护\n"
        "项目资金（万元）\t\t年初预算数\t1-6月执行数\t全年预计执行数\n"
        "\t年度资金总额\t500\t200\t480\n"
        "一级指标\t三级指标\t半年度指标值\t全年指标值\t1-6月执行情况\t完成目标可能性\t中长期指标值\n"
        "产出指标\t维修面积\t≥5 万平方米\t≥10 万平方米\t4.5 万平方米\t有可能\t≥50 万平方米\n"
    )
    record, findings = read_text(text)
    row = record.projects[0].indicators[0]
    assert (record.month, row.target.raw, row.progress.raw if row.progress else "") == (
        6,
        "≥10 万平方米",
        "4.5 万平方米",
    )
    assert [(f.code, f.source.column) for f in findings] == [("P11", 3), ("P11", 7)]
    assert "“半年度指标值”列" in findings[0].message and "未读取" in findings[0].message


# -- bad input -----------------------------------------------------------------------------------------

NO_LIKELIHOOD = """项目名称\t公安局辅警工会费
项目资金（万元）\t\t年初预算数\t1–7月执行数\t全年预计执行数
\t年度资金总额\t13.00\t六点五\t13.00
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t1–7月执行情况
\t产出指标\t数量指标\t保障人数\t242 人\t240 人
"""


def test_a_missing_column_and_an_amount_that_is_not_a_number() -> None:
    record, findings = read_text(NO_LIKELIHOOD)
    assert (record.month, record.projects[0].funds[0].executed) == (7, None)
    assert [
        (i.progress.raw if i.progress else None, i.likelihood) for i in record.projects[0].indicators
    ] == [("240 人", "")]
    p06, p08 = [f for f in findings if f.code == "P06"], [f for f in findings if f.code == "P08"]
    assert len(p06) == 1 and "缺少“完成目标可能性”列" in p06[0].message
    assert len(p08) == 1 and "“六点五”" in p08[0].message and "不是金额" in p08[0].message
    assert (p08[0].source.row, p08[0].source.column, p08[0].subject.field) == (3, 4, "executed")


def test_a_period_nowhere_is_reported() -> None:
    text = NO_LIKELIHOOD.replace("1–7月", "")
    record, findings = read_text(text)
    assert record.month == 7
    assert any(f.code == "P10" and "没有找到监控期间" in f.message for f in findings)


def test_a_file_of_another_kind() -> None:
    evaluation = SelfEvaluation(projects=())
    with pytest.raises(UnreadableError) as caught:
        read_monitoring_report(json.dumps({"format": "jixiao.self-evaluation"}).encode(), "x.json", "json")
    assert "这是绩效自评表，不是绩效运行监控表" in str(caught.value)
    assert read_any(write_any(evaluation, "json"), "x.json")[0] == evaluation
    with pytest.raises(UnreadableError) as caught:
        read_monitoring_report(b"\xff\xfe\x00\x00binary", "x.docx", "docx")
    assert "Word" in str(caught.value)


# -- DOCX and XLSX specifics ---------------------------------------------------------------------------


def test_the_docx_is_landscape_with_eleven_columns() -> None:
    word = docx.Document(io.BytesIO(write_any(REPORT, "docx")))
    assert (word.sections[0].page_width or 0) > (word.sections[0].page_height or 0)
    assert (word.core_properties.category, word.core_properties.keywords) == (
        "绩效运行监控表",
        "0123456789abcdef",
    )
    titles = [p.text for p in word.paragraphs if p.text.endswith("（1–7月）")]
    assert titles == [
        "2024 年项目支出绩效运行监控表（1–7月）",
        "公安局辅警工会费绩效运行监控表（1–7月）",
        "困难职工帮扶救助绩效运行监控表（1–7月）",
    ]
    assert [len(t.columns) for t in word.tables] == [11, 11]


def test_the_xlsx_summary() -> None:
    book = openpyxl.load_workbook(io.BytesIO(write_any(REPORT, "xlsx")))
    summary = book["汇总"]
    heads = [c.value for c in summary[6]]
    assert heads[6:10] == ["1–7月执行数", "执行率", "全年预计执行数", "指标数"]
    assert [c.value for c in summary[7]][4:10] == [13, 13, 6.5, 0.5, 13, 4]
    assert summary.cell(7, 5).number_format == "0.00" and summary.cell(7, 8).number_format == "0.00%"


# -- LibreOffice ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lo-monitoring")


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_libreoffice_re_saves_read_back_equal(fmt: str, office: Path) -> None:
    source = office / f"监控.{fmt}"
    source.write_bytes(write_any(REPORT, fmt))
    resaved = convert(source, fmt, office / f"resaved-{fmt}", office / "profile")
    back, findings = read_any(resaved.read_bytes(), str(resaved))
    assert back == REPORT and codes(findings) <= {"P02"}


def test_a_pdf_printed_by_libreoffice_reads_back_equal(office: Path) -> None:
    source = office / "print.docx"
    source.write_bytes(write_any(REPORT, "docx"))
    pdf = convert(source, "pdf", office / "pdf", office / "profile")
    back, findings = read_any(pdf.read_bytes(), str(pdf))
    assert back == REPORT and codes(findings) <= {"P02"}
