"""``jixiao import DIR -o OUT``: a folder converted file by file, with a summary of what could not be read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli.main import app

from ..conftest import EXAMPLE

runner = CliRunner()


def test_a_folder_is_converted_and_the_unreadable_listed(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLE, src / "a.txt")
    shutil.copy(EXAMPLE, src / "sub" / "b.txt")
    (src / "broken.txt").write_text("不是绩效文本\n只是几行字\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(src), "-o", str(out), "--jobs", "2"], prog_name="jixiao")
    assert result.exit_code == 2
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == ["a.json", "sub/b.json"]
    assert len(json.loads((out / "sub" / "b.json").read_text(encoding="utf-8"))["projects"]) == 6
    assert f"无法读取 {src / 'broken.txt'}：没有找到部门预算绩效文本的内容" in result.stderr
    assert "共 3 个文件：已转换 2 个（其中 2 个读取时有错误" in result.stderr


def test_a_clean_folder_exits_0(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.txt")
    result = runner.invoke(app, ["import", str(tmp_path), "-o", str(tmp_path / "out"), "--to", "txt"])
    assert result.exit_code == 0
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").startswith("\n\n巨鹿县总工会")


def test_bad_arguments(tmp_path: Path) -> None:
    assert runner.invoke(app, ["import", str(tmp_path), "-o", "x", "--to", "odt"]).exit_code == 2
    assert runner.invoke(app, ["import", str(EXAMPLE), "-o", "x"]).exit_code == 2
    assert "没有找到可以读取的文档" in runner.invoke(app, ["import", str(tmp_path), "-o", "x"]).stderr


def test_files_of_the_same_name_in_several_formats_do_not_overwrite_each_other(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "doc.txt")
    (tmp_path / "doc.json").write_text(
        runner.invoke(app, ["parse", str(EXAMPLE), "-f", "json"]).stdout, encoding="utf-8"
    )
    result = runner.invoke(app, ["import", str(tmp_path), "-o", str(tmp_path / "out"), "--to", "txt"])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["doc.json.txt", "doc.txt.txt"]
