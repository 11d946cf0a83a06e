"""``jixiao serve`` (first start), ``jixiao user create``, ``jixiao unit create`` and ``jixiao db backup|restore``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli.main import app
from jixiao.cli.server import first_start
from jixiao.service.accounts import actor_for, user_id_by_name
from jixiao.service.targets import list_documents
from tests.web.conftest import example_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JIXIAO_DATA_DIR", str(tmp_path))
    return tmp_path


def test_first_start_loads_the_example_and_demo_accounts_once() -> None:
    message = first_start()
    assert message is not None
    lines = message.splitlines()
    assert [line.split()[0] for line in lines[1:4]] == ["drafter", "reviewer", "admin"]
    drafter = actor_for(user_id_by_name("drafter"))
    page = list_documents(drafter)
    assert [(d.unit_code, d.unit_name, d.region_code, d.status) for d in page.items] == [
        ("711001", "巨鹿县总工会", "130529", "draft")
    ]
    from jixiao.service.targets import get_document

    assert get_document(drafter, page.items[0].id).document == example_document()
    assert first_start() is None


def test_unit_and_user_create(data_dir: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(
        app,
        [
            "unit",
            "create",
            "801",
            "某某局",
            "--region",
            "130529",
            "--region-name",
            "巨鹿县",
            "--data-dir",
            str(data_dir),
        ],
    )
    assert (r.exit_code, r.output) == (0, "已创建单位 801 某某局（区划 130529）。\n")
    r = runner.invoke(
        app, ["user", "create", "wang", "--role", "drafter", "--unit", "801", "--data-dir", str(data_dir)]
    )
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0] == "已创建账号 wang（drafter）。"
    assert r.output.splitlines()[1].startswith("密码（只显示这一次）：")
    assert actor_for(user_id_by_name("wang")).unit_code == "801"


def test_user_create_refuses_a_weak_password_and_an_unknown_unit(data_dir: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(
        app,
        [
            "user",
            "create",
            "li",
            "--role",
            "drafter",
            "--unit",
            "999",
            "--password",
            "a-long-enough-password",
            "--data-dir",
            str(data_dir),
        ],
    )
    assert (r.exit_code, r.stderr) == (2, "jixiao: 没有单位代码为“999”的单位。\n")
    r = runner.invoke(
        app, ["user", "create", "li", "--role", "public", "--password", "12345", "--data-dir", str(data_dir)]
    )
    assert r.exit_code == 2
    assert "密码" in r.stderr
    assert user_id_by_name("li") is None


def test_db_backup_writes_an_archive(data_dir: Path) -> None:
    first_start()
    target = data_dir / "b.json"
    r = CliRunner().invoke(app, ["db", "backup", str(target), "--data-dir", str(data_dir)])
    assert r.exit_code == 0, r.output
    archive = json.loads(target.read_text(encoding="utf-8"))
    assert (
        archive["format"],
        len(archive["tables"]["store.document"]),
        len(archive["tables"]["store.user"]),
    ) == (
        "jixiao.backup",
        1,
        3,
    )
    r = CliRunner().invoke(app, ["db", "restore", str(target), "--data-dir", str(data_dir)])
    assert (r.exit_code, r.stderr) == (2, "jixiao: 目标数据库不是空的：只能恢复到空数据库。\n")


def test_static_files_are_collected_again_when_they_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: object
) -> None:
    """A data folder from an older checkout must not keep a stale manifest (every page would be a 500)."""
    from jixiao.cli import server

    source = tmp_path / "src"
    source.mkdir()
    (source / "a.css").write_text("a{}", encoding="utf-8")
    settings.STATICFILES_DIRS = [str(source)]  # type: ignore[attr-defined]
    settings.STATIC_ROOT = str(tmp_path / "out" / "static")  # type: ignore[attr-defined]
    calls: list[str] = []
    monkeypatch.setattr("django.core.management.call_command", lambda *args, **kw: calls.append(args[0]))
    (tmp_path / "out" / "static").mkdir(parents=True)
    server._collectstatic(tmp_path / "out")
    server._collectstatic(tmp_path / "out")
    assert calls == ["collectstatic"]
    (source / "a.css").write_text("a{color:red}", encoding="utf-8")
    server._collectstatic(tmp_path / "out")
    assert calls == ["collectstatic", "collectstatic"]
