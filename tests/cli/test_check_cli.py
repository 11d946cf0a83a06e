"""``jixiao check``, ``fix`` and ``rules`` from the command line: formats, folders, jobs, profiles, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from jixiao.check.report_json import report_schema
from jixiao.cli.main import app

from ..conftest import EXAMPLE

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin, prog_name="jixiao")
    return result.exit_code, result.stdout, result.stderr


def test_text_report_groups_by_project_and_summarises() -> None:
    code, out, err = run("check", str(EXAMPLE), "--profile", "hebei-county")
    assert code == 1
    lines = out.splitlines()
    assert "# 项目 5：县直单位及各乡镇工会费" in lines
    assert (
        f"{EXAMPLE}:184: S01 项目编码“13052924P0058401190 3Q”中含有空格（共 22 个字符），无法确定是否为排版断行，已按原文保留。"
        in lines
    )
    assert "建议审核结论：差（不得进入预算安排）。" in err


def test_json_report_follows_its_schema() -> None:
    code, out, _ = run("check", str(EXAMPLE), "-f", "json", "-p", "hebei-county")
    data = json.loads(out)
    jsonschema.validate(data, report_schema())
    report = data["files"][0]
    assert (code, data["profile"], report["grade"]["label"], report["counts"]["error"]) == (
        1,
        "hebei-county",
        "差",
        1,
    )
    s01 = next(f for f in report["findings"] if f["code"] == "S01")
    assert (s01["project"], s01["field"], s01["source"]["line"], s01["criteria"]) == (
        5,
        "code",
        184,
        ["completeness"],
    )


def test_html_report_marks_the_cells(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _, err = run("check", str(EXAMPLE), "-f", "html", "-o", str(out), "-p", "hebei-county")
    html = out.read_text(encoding="utf-8")
    assert code == 1 and "报告已写入" in err
    assert html.count('<table class="project">') == 6
    assert '<td colspan="2" class="error">13052924P0058401190 3Q<a class="mark error"' in html
    assert "建议审核结论" in html and "审核要点" in html and "<script" not in html and "http" not in html


def test_a_folder_with_jobs(tmp_path: Path) -> None:
    for n in range(4):
        shutil.copy(EXAMPLE, tmp_path / f"doc{n}.txt")
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    code, out, _ = run("check", str(tmp_path), "--jobs", "2", "-f", "json")
    data = json.loads(out)
    assert (code, data["totals"]["files"], [Path(f["file"]).name for f in data["files"]]) == (
        1,
        4,
        ["doc0.txt", "doc1.txt", "doc2.txt", "doc3.txt"],
    )
    assert (
        len({str([(x["code"], x["project"], x["row"]) for x in f["findings"]]) for f in data["files"]}) == 1
    )


def test_select_and_ignore(tmp_path: Path) -> None:
    _, out, _ = run("check", str(EXAMPLE), "-f", "json", "--select", "S01,S04")
    assert {f["code"] for f in json.loads(out)["files"][0]["findings"]} == {"S01", "S04"}
    _, out, _ = run("check", str(EXAMPLE), "-f", "json", "--ignore", "S01")
    assert "S01" not in {f["code"] for f in json.loads(out)["files"][0]["findings"]}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("novel.txt", "第一章\n\n那一年的春天来得很早。\n" * 40, "没有找到部门预算绩效文本的内容"),
        ("data.csv", "a,b\n1,2\n", "不支持的文件格式“.csv”"),
        ("empty.txt", "", "文件为空"),
        ("broken.pdf", "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\n", "PDF 文件无法打开"),
        ("data.odt", "PK", "不支持的文件格式“.odt”"),
    ],
)
def test_files_that_are_not_performance_documents(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    assert message in err and "Traceback" not in err


def test_a_pdf_of_something_else(tmp_path: Path) -> None:
    import weasyprint  # type: ignore[import-untyped]

    path = tmp_path / "novel.pdf"
    page = (
        "<html><body><h1>第一章</h1>"
        + "<p>那一年的春天来得很早，河边的柳树已经发了芽。</p>" * 30
        + "</body></html>"
    )
    path.write_bytes(weasyprint.HTML(string=page).write_pdf())
    code, out, err = run("check", str(path))
    assert (code, out) == (2, "")
    assert "没有找到部门预算绩效文本的内容" in err


def test_a_bad_profile_exits_2(tmp_path: Path) -> None:
    code, _, err = run("check", str(EXAMPLE), "--profile", "nowhere")
    assert code == 2 and "没有名为“nowhere”的配置" in err


def test_rules_lists_the_catalogue() -> None:
    code, out, _ = run("rules", "-f", "json", "-p", "central-2021")
    data = json.loads(out)
    assert code == 0 and data["profile"] == "central-2021"
    assert len(data["rules"]) >= 50
    assert {r["code"][0] for r in data["rules"]} == set("SFKVBCDEM") and len(data["rules"]) == 69


def test_fix_writes_only_safe_fixes(tmp_path: Path) -> None:
    out = tmp_path / "fixed.txt"
    code, diff, err = run("fix", str(EXAMPLE), "-o", str(out))
    fixed = out.read_text(encoding="utf-8")
    assert code == 0
    assert "-产出指标\t数量指标\t保障人数\t保障人数\t242 人数\t县政府批示\t" in diff
    assert "+产出指标\t数量指标\t保障人数\t保障人数\t242 人\t县政府批示\t" in diff
    assert "冀财行〔2023〕98 号" in fixed and "冀财行【2023】98 号" not in fixed
    assert "工会经费拨付准确率" in fixed and "13052924P0058401190 3Q" in fixed  # codes are not guessed
    code, out2, _ = run("check", str(out), "-f", "json", "--select", "V04,B03,S08")
    assert json.loads(out2)["files"][0]["findings"] == []
    assert "共修正" in err
