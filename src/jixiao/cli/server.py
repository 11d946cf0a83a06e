"""``jixiao serve``, ``jixiao db upgrade|backup|restore``, ``jixiao user create`` and ``jixiao unit create``.

Django is set up inside each command, so the rest of the CLI starts without it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.main import EXIT_UNREADABLE, _Command, _Group, app

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", help="数据文件夹（SQLite 数据库与密钥）；默认取 JIXIAO_DATA_DIR，否则 ./jixiao-data。"
    ),
]

db_app = typer.Typer(cls=_Group, help="数据库：升级结构、备份、恢复。", no_args_is_help=True)
user_app = typer.Typer(cls=_Group, help="账号管理。", no_args_is_help=True)
unit_app = typer.Typer(cls=_Group, help="单位管理。", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(user_app, name="user")
app.add_typer(unit_app, name="unit")


def _django(data_dir: Path | None) -> Path:
    """Prepare the data folder and set Django up; returns the folder."""
    from jixiao.service.runtime import start

    return start(data_dir)


def _migrate(verbosity: int = 0) -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    call_command("createcachetable", verbosity=0)  # login throttling counts failures there


def _service_error(exc: Exception) -> typer.Exit:
    sys.stderr.write(f"jixiao: {getattr(exc, 'message', exc)}\n")
    return typer.Exit(EXIT_UNREADABLE)


def _where() -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"SQLite {db['NAME']}"
    return f"PostgreSQL {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db['NAME']}"


@db_app.command("upgrade", cls=_Command)
def db_upgrade(data_dir: DataDirOption = None) -> None:
    """把数据库结构升级到当前版本（migrate）。"""
    _django(data_dir)
    _migrate(verbosity=1)
    sys.stdout.write(f"数据库已是最新结构：{_where()}\n")


@db_app.command("backup", cls=_Command)
def db_backup(
    file: Annotated[Path, typer.Argument(help="要写出的备份文件（JSON）。", show_default=False)],
    data_dir: DataDirOption = None,
) -> None:
    """把整个数据库备份为一个可移植的 JSON 文件（含账号的密码散列，请妥善保管）。"""
    _django(data_dir)
    from jixiao.service.actor import SYSTEM
    from jixiao.service.backup import backup
    from jixiao.service.errors import ServiceError

    try:
        rows = backup(SYSTEM, file)
    except (ServiceError, OSError) as exc:
        raise _service_error(exc) from None
    sys.stdout.write(f"已备份到 {file}：" + "，".join(f"{t} {n} 行" for t, n in rows.items()) + "\n")


@db_app.command("restore", cls=_Command)
def db_restore(
    file: Annotated[Path, typer.Argument(help="jixiao db backup 写出的备份文件。", show_default=False)],
    data_dir: DataDirOption = None,
) -> None:
    """把备份恢复到空数据库（先自动升级结构）。"""
    _django(data_dir)
    from jixiao.service.actor import SYSTEM
    from jixiao.service.backup import read_archive, restore
    from jixiao.service.errors import ServiceError

    _migrate()
    try:
        rows = restore(SYSTEM, read_archive(file))
    except ServiceError as exc:
        raise _service_error(exc) from None
    sys.stdout.write(f"已从 {file} 恢复：" + "，".join(f"{t} {n} 行" for t, n in rows.items()) + "\n")


@user_app.command("create", cls=_Command)
def user_create(
    username: Annotated[str, typer.Argument(help="账号名。", show_default=False)],
    role: Annotated[str, typer.Option("--role", help="角色：drafter、reviewer、admin 或 public。")],
    unit: Annotated[str | None, typer.Option("--unit", help="编制人所属单位代码。")] = None,
    region: Annotated[str | None, typer.Option("--region", help="审核人负责的财政区划代码。")] = None,
    password: Annotated[
        str | None,
        typer.Option("--password", help="密码；不给则从 JIXIAO_PASSWORD 读取，再不然随机生成并显示一次。"),
    ] = None,
    data_dir: DataDirOption = None,
) -> None:
    """创建账号并授予角色与范围。"""
    import secrets

    _django(data_dir)
    _migrate()
    from jixiao.service.accounts import create_user
    from jixiao.service.actor import SYSTEM
    from jixiao.service.errors import ServiceError

    given = password or os.environ.get("JIXIAO_PASSWORD")
    chosen = given or secrets.token_urlsafe(12)
    try:
        create_user(SYSTEM, username, chosen, role, unit, region)
    except ServiceError as exc:
        raise _service_error(exc) from None
    sys.stdout.write(f"已创建账号 {username}（{role}）。\n")
    if not given:
        sys.stdout.write(f"密码（只显示这一次）：{chosen}\n")


@unit_app.command("create", cls=_Command)
def unit_create(
    code: Annotated[str, typer.Argument(help="单位代码，如 711001。", show_default=False)],
    name: Annotated[str, typer.Argument(help="单位名称。", show_default=False)],
    region: Annotated[str, typer.Option("--region", help="所属财政区划代码，如 130529。")],
    region_name: Annotated[str, typer.Option("--region-name", help="区划不存在时用此名称创建它。")] = "",
    parent: Annotated[str | None, typer.Option("--parent", help="主管部门的单位代码。")] = None,
    data_dir: DataDirOption = None,
) -> None:
    """创建单位（区划不存在时可一并创建）。"""
    _django(data_dir)
    _migrate()
    from jixiao.service.accounts import create_unit
    from jixiao.service.actor import SYSTEM
    from jixiao.service.errors import ServiceError

    try:
        create_unit(SYSTEM, code, name, region, parent, region_name=region_name)
    except ServiceError as exc:
        raise _service_error(exc) from None
    sys.stdout.write(f"已创建单位 {code} {name}（区划 {region}）。\n")


def first_start() -> str | None:
    """On an empty database: the demo world and its accounts; returns what to print once, else None."""
    from importlib.resources import files

    from jixiao.service import backup, demo

    if not backup.is_empty():
        return None
    example = files("jixiao.web").joinpath("demo", "julu-zonggonghui-2024-draft.txt")
    made, doc_id = demo.seed(example.read_bytes(), example.name)
    lines = [
        "首次启动：已载入示例绩效文本（巨鹿县总工会 2024）与演示账号。以下密码只显示这一次：",
        *(f"  {a.username:<9} {a.password}   {a.what}" for a in made),
        f"  示例文本编号 {doc_id}",
    ]
    return "\n".join(lines)


def _static_fingerprint() -> str:
    """The version and a digest of every static source file's path, size and time: what collectstatic copies."""
    import hashlib

    from django.contrib.staticfiles.finders import get_finders

    from jixiao import __version__

    digest = hashlib.sha256(__version__.encode())
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = os.stat(storage.path(path))
            digest.update(f"{path}\x1f{stat.st_size}\x1f{stat.st_mtime_ns}\x1e".encode())
    return digest.hexdigest()


def _collectstatic(folder: Path) -> None:
    """Collect the static files unless the data folder already holds these very files (a stamp says so)."""
    from django.core.management import call_command

    stamp = folder / "static" / ".jixiao-static"
    wanted = _static_fingerprint()
    if stamp.exists() and stamp.read_text(encoding="utf-8") == wanted:
        return
    call_command("collectstatic", interactive=False, verbosity=0, clear=True)
    stamp.write_text(wanted, encoding="utf-8")


@app.command(cls=_Command)
def serve(
    host: Annotated[str, typer.Option("--host", help="监听地址。")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="端口。")] = 8000,
    data_dir: DataDirOption = None,
    workers: Annotated[int, typer.Option("--workers", help="gunicorn 工作进程数（默认按 CPU 数）。")] = 0,
    dev: Annotated[
        bool, typer.Option("--dev", help="开发模式：Django 自带服务器，代码修改后自动重启。")
    ] = False,
) -> None:
    """启动 jixiao 网站与 API：升级数据库、首次启动载入示例与演示账号，然后用 gunicorn 提供服务。"""
    os.environ.setdefault(
        "JIXIAO_SITE_URL", f"http://{'127.0.0.1' if host in {'0.0.0.0', '::'} else host}:{port}"
    )
    if dev:
        os.environ["JIXIAO_DEBUG"] = "1"
    folder = _django(data_dir)
    _migrate()
    _collectstatic(folder)
    message = first_start()
    if message:
        sys.stdout.write(message + "\n")
    url = os.environ["JIXIAO_SITE_URL"]
    sys.stdout.write(
        f"数据：{_where()}\n在浏览器中打开 {url}/ （网站）；API 文档在 {url}/api/docs ，管理后台在 {url}/admin/ 。"
        "按 Ctrl+C 停止。\n"
    )
    sys.stdout.flush()
    if dev:
        from django.core.management import call_command

        call_command("runserver", f"{host}:{port}", use_reloader=True)
        return
    count = workers or min(8, 2 * (os.cpu_count() or 1) + 1)
    args = [
        sys.executable, "-m", "gunicorn", "jixiao.web.wsgi:application",
        "--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "--workers", str(count),
        "--max-requests", "2000", "--max-requests-jitter", "200",  # recycle workers, not all at once
        "--access-logfile", "-", "--graceful-timeout", "10",
    ]  # fmt: skip
    os.execv(sys.executable, args)
