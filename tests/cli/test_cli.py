"""The ``jixiao`` command line: parse, convert, check, schema, --version, exit codes, generated docs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from jixiao import __version__
from jixiao.cli import docs
from jixiao.cli.main import app

from ..conftest import EXAMPLE

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), prog_name="jixiao")
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"jixiao {__version__}\n", "")


def test_parse_json_prints_the_document() -> None:
    code, out, err = run("parse", str(EXAMPLE), "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert [p["budget_total"] for p in data["projects"]] == [
        "13.00",
        "13.10",
        "10.00",
        "17.00",
        "620.00",
        "5.00",
    ]
    assert sum(len(p["indicators"]) for p in data["projects"]) == 42
    assert "错误 1 条" in err
    assert "source" not in data["projects"][0]
    code, out, _ = run("parse", str(EXAMPLE), "--format", "json", "--sources")
    assert json.loads(out)["projects"][0]["source"]["line"] == 102


def test_parse_text_prints_an_outline() -> None:
    code, out, _ = run("parse", str(EXAMPLE))
    assert code == 0
    assert out.splitlines()[0] == "巨鹿县总工会 2024 年部门预算绩效文本（草案）"
    assert "第二部分 预算项目绩效目标：6 个项目，42 条指标，预算合计 678.10" in out
    assert "4. 产出指标/成本指标/人均救助指标：≤7300 元/年  → 定量 ≤ 7300 元/年" in out


def test_check_exits_0_without_errors(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("0058401190 3Q", "00584011903Q"), encoding="utf-8"
    )
    assert run("check", str(clean))[0] == 0


def test_unreadable_input_exits_2_with_a_message(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = run("check", str(empty))
    assert (code, out) == (2, "")
    assert err == f"jixiao: {empty}：文件为空，没有可读取的内容。请检查是否选错了文件。\n"
    assert run("parse", str(tmp_path / "missing.txt"))[0] == 2
    assert "文件不存在" in run("parse", str(tmp_path / "missing.txt"))[2]
    assert "不支持的文件格式“.odt”" in run("check", str(tmp_path / "a.odt"))[2]
    assert run("check", str(tmp_path))[0] == 2


def test_usage_errors_exit_2() -> None:
    assert run("check")[0] == 2
    assert run("parse", str(EXAMPLE), "--format", "xml")[0] == 2


def test_convert_round_trip(tmp_path: Path) -> None:
    as_json, as_text, back = tmp_path / "doc.json", tmp_path / "doc.txt", tmp_path / "back.json"
    assert run("convert", str(EXAMPLE), str(as_json))[0] == 0
    assert run("convert", str(as_json), str(as_text))[0] == 0
    assert run("convert", str(as_text), str(back))[0] == 0
    assert back.read_text(encoding="utf-8") == as_json.read_text(encoding="utf-8")


def test_convert_refuses_an_unknown_target_and_keeps_nothing(tmp_path: Path) -> None:
    code, _, err = run("convert", str(EXAMPLE), str(tmp_path / "out.xyz"))
    assert code == 2
    assert "不支持的文件格式“.xyz”" in err
    assert list(tmp_path.iterdir()) == []


def test_schema_command_matches_the_docs() -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert out == (docs.DOCS / "schema" / "performance-document.schema.json").read_text(encoding="utf-8")


def test_generated_docs_are_current() -> None:
    assert docs.main(["--check"]) == 0, "run: python -m jixiao.cli.docs"


def test_the_installed_command_runs() -> None:
    exe = Path(sys.executable).with_name("jixiao")
    done = subprocess.run([str(exe), "check", str(EXAMPLE)], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.count("S01")) == (1, 1)


def test_standard_input() -> None:
    result = runner.invoke(app, ["check", "-"], input=EXAMPLE.read_bytes(), prog_name="jixiao")
    assert result.exit_code == 1
    assert any(line.startswith("<stdin>:84: P04") for line in result.stdout.splitlines())
    result = runner.invoke(app, ["parse", "-", "--format", "json"], input=b"", prog_name="jixiao")
    assert (result.exit_code, result.stderr) == (
        2,
        "jixiao: <stdin>：文件为空，没有可读取的内容。请检查是否选错了文件。\n",
    )


def test_convert_through_every_format(tmp_path: Path) -> None:
    from jixiao.kinds import read_document

    chain = ["docx", "xlsx", "pdf", "json", "txt"]
    source = EXAMPLE
    for fmt in chain:
        target = tmp_path / f"step.{fmt}"
        assert run("convert", str(source), str(target))[0] == 0, fmt
        source = target
    assert run("convert", str(source), str(tmp_path / "page.html"))[0] == 0
    original, _ = read_document(EXAMPLE.read_bytes(), str(EXAMPLE))
    final, _ = read_document(source.read_bytes(), str(source))
    assert final == original
    assert "<table" in (tmp_path / "page.html").read_text(encoding="utf-8")
