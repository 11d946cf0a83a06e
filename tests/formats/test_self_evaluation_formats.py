"""自评表 in text, JSON, DOCX and XLSX: round trips, the official layout, the Sichuan 2023 variant, bad input."""

from __future__ import annotations

import io
import json
from decimal import Decimal as D
from pathlib import Path

import docx
import jsonschema
import openpyxl  # type: ignore[import-untyped]
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from jixiao.importers import UnreadableError
from jixiao.kinds import read_any, read_document, read_monitoring_report, read_self_evaluation, write_any
from jixiao.model import (
    EvaluatedIndicator,
    Finding,
    FundLine,
    PerformanceDocument,
    ProjectEvaluation,
    SelfEvaluation,
    TargetsRef,
    parse_value,
)
from jixiao.model.json_schema_tracking import self_evaluation_schema
from jixiao.model.serialize import SCHEMA_VERSION
from jixiao.model.serialize_tracking import SchemaError, self_evaluation_from_dict, self_evaluation_to_dict
from jixiao.service.documents import AnyReadResult, read_any_file, write_any_file

from ..conftest import EXAMPLE
from .test_libreoffice import convert

FORMATS = ("txt", "json", "docx", "xlsx")
REF = TargetsRef("711001", "巨鹿县总工会", 2024, "部门预算绩效文本", "0123456789abcdef")


def evaluation() -> SelfEvaluation:
    """Two projects: fund lines, quantitative, qualitative and deadline targets and actuals, empty cells."""
    first = ProjectEvaluation(
        code="13052924P005840119077",
        name="公安局辅警工会费",
        department="巨鹿县总工会",
        implementing_unit="巨鹿县总工会",
        funds=(
            FundLine("年度资金总额", D("13.00"), D("13.00"), D("12.50")),
            FundLine("其中：当年财政拨款", D("13.00"), D("13.00"), D("12.50")),
            FundLine("上年结转资金"),
            FundLine("其他资金", D("0.00"), D("0.00"), D("0.00")),
        ),
        execution_weight=D("10"),
        execution_score=D("9.62"),
        execution_reason="部分资金年底未拨付",
        overall_goal="保障公安局辅警队伍稳定性\n提高职工积极性",
        achieved="已按时足额拨付工会经费",
        indicators=(
            EvaluatedIndicator(
                "产出指标",
                "数量指标",
                "保障人数",
                parse_value("242 人"),
                parse_value("240 人"),
                D("20"),
                D("19.83"),
                "两人离职",
                "及时更新名单",
            ),
            EvaluatedIndicator(
                "产出指标",
                "时效指标",
                "发放时间",
                parse_value("2024年12月底前"),
                parse_value("2024年11月底前"),
                D("20"),
                D("20"),
            ),
            EvaluatedIndicator(
                "效益指标",
                "社会效益指标",
                "职工合法权益",
                parse_value("有效维护"),
                parse_value("达成预期指标"),
                D("30"),
                D("27.5"),
                corrective_action="加强宣传",
            ),
            EvaluatedIndicator(
                "满意度指标", "服务对象满意度指标", "满意度", parse_value("≥95%"), None, D("10"), None
            ),
        ),
        total_score=D("86.95"),
        grade="良",
    )
    second = ProjectEvaluation(
        code="13052924P00584210731T",
        name="困难职工帮扶救助",
        funds=(FundLine("年度资金总额", D("13.10"), D("15.00"), D("15.00")),),
        indicators=(
            EvaluatedIndicator(
                "成本指标",
                "经济成本指标",
                "人均救助",
                parse_value("≤7300 元/年"),
                parse_value("7000 元/年"),
                D("90"),
                D("90"),
            ),
        ),
    )
    return SelfEvaluation("711001", "巨鹿县总工会", 2024, targets=REF, projects=(first, second))


RECORD = evaluation()


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


def read_text(text: str, name: str = "自评.txt") -> tuple[SelfEvaluation, list[Finding]]:
    record, findings = read_self_evaluation(text.encode("utf-8"), name, "txt")
    return record, findings


# -- round trips ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_back_the_record(fmt: str) -> None:
    data = write_any(RECORD, fmt)
    back, findings = read_any(data, f"自评.{fmt}")
    assert back == RECORD
    assert codes(findings) <= {"P02"}  # only the merged 一级指标 cells carried down
    assert read_any(write_any(back, fmt), f"again.{fmt}")[0] == RECORD


def test_an_empty_project_and_a_record_without_reference_read_back() -> None:
    bare = SelfEvaluation(projects=(ProjectEvaluation("", "只有名称"),), scoring_profile="sichuan")
    for fmt in FORMATS:
        assert read_any(write_any(bare, fmt), f"bare.{fmt}")[0] == bare, fmt


def test_the_text_layout() -> None:
    lines = write_any(RECORD, "txt").decode().split("\n")
    assert lines[:3] == [
        "2024 年项目支出绩效自评表",
        "填报单位：巨鹿县总工会（711001）",
        "依据绩效目标：巨鹿县总工会（711001）2024 年《部门预算绩效文本》（校验码 0123456789abcdef）",
    ]
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert rows[2][:9] == [
        "项目资金（万元）",
        "",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
        "偏差原因",
    ]
    assert rows[3][:9] == [
        "",
        "年度资金总额",
        "13.00",
        "13.00",
        "12.50",
        "10",
        "96.15%",
        "9.62",
        "部分资金年底未拨付",
    ]
    assert rows[8][1] == "1.保障公安局辅警队伍稳定性 2.提高职工积极性"
    assert rows[10][1:] == [
        "产出指标",
        "数量指标",
        "保障人数",
        "242 人",
        "240 人",
        "20",
        "19.83",
        "两人离职 改进措施：及时更新名单",
        "",
    ]
    assert rows[14][:9] == ["总分", "", "", "", "", "", "100", "86.95", "自评等级：良"]
    assert "公安局辅警工会费绩效自评表" in lines and "困难职工帮扶救助绩效自评表" in lines


# -- JSON ----------------------------------------------------------------------------------------------


def test_the_json_form_validates_and_keeps_numbers_as_strings() -> None:
    validator = jsonschema.Draft202012Validator(self_evaluation_schema())
    data = json.loads(write_any(RECORD, "json"))
    validator.validate(data)
    assert (data["format"], data["schema_version"], data["targets"]["fingerprint"]) == (
        "jixiao.self-evaluation",
        SCHEMA_VERSION,
        "0123456789abcdef",
    )
    row = data["projects"][0]["indicators"][0]
    assert (row["weight"], row["score"], row["actual"]["raw"]) == ("20", "19.83", "240 人")
    read, _ = read_text(write_any(RECORD, "txt").decode())
    validator.validate(self_evaluation_to_dict(read, sources=True))  # cells and sources validate too
    data["projects"][0]["total_score"] = 86.95
    assert not validator.is_valid(data)
    with pytest.raises(SchemaError) as caught:
        self_evaluation_from_dict(data)
    assert caught.value.path == "projects[1].total_score" and "浮点数" in caught.value.message


def test_a_bad_json_says_where() -> None:
    data = self_evaluation_to_dict(RECORD)
    data["projects"][1]["indicators"][0]["weight"] = "九十"
    with pytest.raises(UnreadableError) as caught:
        read_any(json.dumps(data, ensure_ascii=False).encode(), "自评.json")
    assert "projects[2].indicators[1].weight" in caught.value.message and "不是数字" in caught.value.message


# -- where cells were read -----------------------------------------------------------------------------


def test_rows_and_cells_keep_their_sources() -> None:
    back, _ = read_any(write_any(RECORD, "txt"), "自评.txt")
    assert isinstance(back, SelfEvaluation)
    project = back.projects[0]
    row = project.indicators[0]
    at = {n: (s.table, s.row, s.column, s.cell) for n, s in row.cell_sources}
    assert at["score"] == (1, 11, 8, "19.83") and at["actual"] == (1, 11, 6, "240 人")
    assert at["target"][:3] == (1, 11, 5) and at["deviation_reason"][:3] == at["corrective_action"][:3]
    got = {
        n: (project.source_of(n).row, project.source_of(n).cell) for n in ("total_score", "execution_score")
    }
    assert got == {"total_score": (15, "86.95"), "execution_score": (4, "9.62")}
    assert project.source_of("budget_full_year").cell == "13.00" and project.funds[1].source.row == 5


# -- the Sichuan 2023 variant --------------------------------------------------------------------------

SICHUAN = """2023 年项目支出绩效自评表

项目名称\t农村饮水安全工程
项目编码\t51000021R000000019951
主管部门\t四川省水利厅\t\t实施单位\t某某县水务局
项目资金（万元）\t\t年初预算数\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分\t原因
\t年度资金总额\t100.00\t120.00\t110.00\t91.67%\t10\t9.17\t
\t财政资金\t100.00\t120.00\t110.00\t\t\t\t
\t财政专户管理资金\t0.00\t0.00\t0.00\t\t\t\t
\t单位资金\t\t\t\t\t\t\t
\t其他资金\t\t\t\t\t\t\t
年度总体目标\t预期目标\t实际完成情况
\t保障 2 万人饮水安全\t已保障 2.1 万人
绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析
\t产出指标\t数量指标\t新建水厂数量\t≥\t2\t个\t2\t30\t30\t
\t\t质量指标\t水质达标率\t＝\t100\t%\t98\t30\t29.4\t检测一次不达标
\t效益指标\t社会效益指标\t受益人口\t≥\t2\t万人\t2.1\t20\t20\t
\t满意度指标\t服务对象满意度指标\t群众满意度\t定性\t较满意\t\t满意\t10\t10\t
总分\t\t\t\t\t\t\t\t100\t98.57\t
评价结论\t良
存在问题\t个别水厂水质检测不达标
"""


def test_the_sichuan_variant() -> None:
    record, findings = read_text(SICHUAN)
    assert (record.fiscal_year, record.title, len(record.projects)) == (2023, "项目支出绩效自评表", 1)
    p = record.projects[0]
    assert (p.code, p.name, p.department, p.implementing_unit) == (
        "51000021R000000019951",
        "农村饮水安全工程",
        "四川省水利厅",
        "某某县水务局",
    )
    assert [(f.name, f.budget_initial, f.budget_full_year, f.executed) for f in p.funds[:2]] == [
        ("年度资金总额", D("100.00"), D("120.00"), D("110.00")),
        ("财政资金", D("100.00"), D("120.00"), D("110.00")),
    ]
    assert [f.name for f in p.funds[2:]] == ["财政专户管理资金", "单位资金", "其他资金"]
    assert (p.execution_weight, p.execution_score, p.total_score, p.grade) == (
        D(10),
        D("9.17"),
        D("98.57"),
        "良",
    )
    assert (p.overall_goal, p.achieved) == ("保障 2 万人饮水安全", "已保障 2.1 万人")
    got = [
        (i.level1, i.level2, i.level3, i.target.raw, i.actual.raw if i.actual else None, i.weight, i.score)
        for i in p.indicators
    ]
    assert got == [
        ("产出指标", "数量指标", "新建水厂数量", "≥2 个", "2 个", D(30), D(30)),
        ("产出指标", "质量指标", "水质达标率", "＝100%", "98%", D(30), D("29.4")),
        ("效益指标", "社会效益指标", "受益人口", "≥2 万人", "2.1 万人", D(20), D(20)),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "较满意", "满意", D(10), D(10)),
    ]
    assert p.indicators[1].deviation_reason == "检测一次不达标"
    assert (p.indicators[1].target.operator, p.indicators[1].target.number) == ("=", D(100))
    assert p.details == (("存在问题", "个别水厂水质检测不达标"),)  # kept as the form says it
    assert codes(findings) == {"P02"}


def test_a_sichuan_table_through_docx_and_xlsx_reads_the_same() -> None:
    record, _ = read_text(SICHUAN)
    for fmt in ("docx", "xlsx"):
        assert read_any(write_any(record, fmt), f"sc.{fmt}")[0] == record


# -- bad input -----------------------------------------------------------------------------------------


SHORT = """项目名称\t公安局辅警工会费
项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
\t年度资金总额\t13.00\t13.00\t12.50\t10\t96.15%\t九点六
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t分值\t得分
\t产出指标\t数量指标\t保障人数\t242 人\t20\t九十
\t\t质量指标\t发放准确率\t100%\t20\t20
总分\t\t\t\t\t100\t39.62
"""


def test_a_score_that_is_not_a_number_is_reported_where_it_is() -> None:
    record, findings = read_text(SHORT)
    p = record.projects[0]
    assert (p.execution_score, [i.score for i in p.indicators], p.total_score) == (
        None,
        [None, D(20)],
        D("39.62"),
    )
    bad = [f for f in findings if f.code == "P08"]
    assert [(f.source.table, f.source.row, f.source.column, f.source.cell, f.subject.field) for f in bad] == [
        (1, 3, 8, "九点六", "execution_score"),
        (1, 5, 7, "九十", "score"),
    ]
    assert "自评.txt 表 1 第 5 行第 7 列（文件第 5 行）" in bad[1].message and "“九十”" in bad[1].message
    assert "阿拉伯数字" in bad[1].message and bad[1].subject.indicator == 1


def test_a_missing_actual_column_is_reported() -> None:
    record, findings = read_text(SHORT)
    (missing,) = [f for f in findings if f.code == "P06"]
    assert "缺少“实际完成值”列" in missing.message and "补上" in missing.message
    assert (missing.source.table, missing.source.row, missing.subject.field) == (1, 4, "actual")
    assert [i.actual for i in record.projects[0].indicators] == [None, None]
    assert codes(findings) == {"P02", "P06", "P08"}


def test_a_file_of_another_kind() -> None:
    with pytest.raises(UnreadableError) as caught:
        read_self_evaluation(EXAMPLE.read_bytes(), str(EXAMPLE), "txt")
    assert "这是部门预算绩效文本（绩效目标表），不是绩效自评表" in str(caught.value)
    targets, _ = read_any(EXAMPLE.read_bytes(), str(EXAMPLE))
    assert (
        isinstance(targets, PerformanceDocument)
        and targets == read_document(EXAMPLE.read_bytes(), str(EXAMPLE))[0]
    )
    with pytest.raises(UnreadableError) as caught:
        read_document(write_any(RECORD, "xlsx"), "自评.xlsx")
    assert "这是绩效自评表，不是部门预算绩效文本" in str(caught.value)
    with pytest.raises(UnreadableError) as caught:
        read_monitoring_report(write_any(RECORD, "docx"), "自评.docx", "docx")
    assert "这是绩效自评表，不是绩效运行监控表" in str(caught.value)
    with pytest.raises(UnreadableError) as caught:
        read_any(b'{"format": "jixiao.something"}', "x.json")
    assert "不是 jixiao 的格式" in str(caught.value)


def test_a_table_cut_short_is_reported() -> None:
    text = write_any(RECORD, "txt").decode()
    cut = text[: text.rindex("绩效指标\t")]  # the second project's table loses its indicators
    record, findings = read_text(cut)
    assert [len(p.indicators) for p in record.projects] == [4, 0]
    (p09,) = [f for f in findings if f.code == "P09"]
    assert "缺少指标表头" in p09.message


# -- DOCX and XLSX specifics ---------------------------------------------------------------------------


def test_the_docx_is_in_the_official_layout() -> None:
    word = docx.Document(io.BytesIO(write_any(RECORD, "docx")))
    section = word.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (section.page_width or 0) > (section.page_height or 0)
    props = word.core_properties
    assert props.subject == (
        "依据绩效目标：巨鹿县总工会（711001）2024 年《部门预算绩效文本》（校验码 0123456789abcdef）"
    )
    assert (props.keywords, props.category, props.title) == (
        "0123456789abcdef",
        "绩效自评表",
        "2024 年项目支出绩效自评表",
    )
    texts = [p.text for p in word.paragraphs if p.text]
    assert texts[:3] == ["2024 年项目支出绩效自评表", "填报单位：巨鹿县总工会（711001）", props.subject]
    assert texts[3:] == ["公安局辅警工会费绩效自评表", "困难职工帮扶救助绩效自评表"]
    fonts = {n: word.styles[n].element.rPr.rFonts.get(qn("w:eastAsia")) for n in ("Heading 1", "表格文字")}
    assert fonts == {"Heading 1": "方正小标宋简体", "表格文字": "宋体"}
    table = word.tables[0]._tbl.xml
    assert table.count("<w:gridCol ") == 9 and 'w:vMerge w:val="restart"' in table and "w:gridSpan" in table


def test_the_xlsx_has_a_summary_and_numbers() -> None:
    book = openpyxl.load_workbook(io.BytesIO(write_any(RECORD, "xlsx")))
    assert book.sheetnames == ["汇总", "1.公安局辅警工会费", "2.困难职工帮扶救助"]
    summary = book["汇总"]
    assert summary["A3"].value.startswith("依据绩效目标：") and "0123456789abcdef" in summary["A3"].value
    assert [c.value for c in summary[6]][:4] == [1, "13052924P005840119077", "公安局辅警工会费", "万元"]
    sheet = book["1.公安局辅警工会费"]
    numbers = {
        (c.value, c.number_format)
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, float | int)
    }
    assert {(13.0, "0.00"), (19.83, "0.00"), (0.9615, "0.00%"), (86.95, "0.00")} <= numbers
    assert "A4:A8" in {str(r) for r in sheet.merged_cells.ranges}  # 项目资金（万元） down the fund rows


# -- files, LibreOffice --------------------------------------------------------------------------------


def test_service_reads_and_writes_files(tmp_path: Path) -> None:
    path = tmp_path / "自评.docx"
    write_any_file(RECORD, path)
    result = read_any_file(path)
    assert isinstance(result, AnyReadResult) and result.document == RECORD
    assert all(f.source.file == str(path) for f in result.findings)
    with pytest.raises(UnreadableError) as caught:
        write_any_file(RECORD, tmp_path / "自评.odt")
    assert "不支持的文件格式“.odt”" in str(caught.value) and ".docx" in str(caught.value)
    assert not (tmp_path / "自评.odt").exists()


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lo-self-evaluation")


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_libreoffice_re_saves_read_back_equal(fmt: str, office: Path) -> None:
    source = office / f"自评.{fmt}"
    source.write_bytes(write_any(RECORD, fmt))
    resaved = convert(source, fmt, office / f"resaved-{fmt}", office / "profile")
    back, findings = read_any(resaved.read_bytes(), str(resaved))
    assert back == RECORD and codes(findings) <= {"P02"}


def test_a_pdf_printed_by_libreoffice_reads_back_equal(office: Path) -> None:
    source = office / "print.docx"
    source.write_bytes(write_any(RECORD, "docx"))
    pdf = convert(source, "pdf", office / "pdf", office / "profile")
    back, findings = read_any(pdf.read_bytes(), str(pdf))
    assert back == RECORD and codes(findings) <= {"P02"}
