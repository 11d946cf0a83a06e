"""``jixiao``: parse, convert and check 部门预算绩效文本 from the command line.

Heavy modules are imported inside the commands so that ``jixiao --version`` and ``--help`` start fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
import typer.core

from jixiao import __version__


def _chinese_help(option: Any) -> Any:
    if option is not None:
        option.help = "显示本帮助后退出。"
    return option


class _Command(typer.core.TyperCommand):
    def get_help_option(self, ctx: Any) -> Any:
        return _chinese_help(super().get_help_option(ctx))


class _Group(typer.core.TyperGroup):
    def get_help_option(self, ctx: Any) -> Any:
        return _chinese_help(super().get_help_option(ctx))


app = typer.Typer(
    name="jixiao",
    cls=_Group,
    help="jixiao（绩效）：读取、检查、转换部门预算绩效文本。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


class OutputFormat(StrEnum):
    """How a command prints its result."""

    text = "text"
    json = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="输出格式：text（可读）或 json。")]
FileArgument = Annotated[
    Path, typer.Argument(help="要读取的文件（.txt 或 .json）；“-”表示从标准输入读取。", show_default=False)
]
FromOption = Annotated[str | None, typer.Option("--from", help="输入格式（默认按扩展名判断）。")]


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"jixiao {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="显示版本号后退出。")
    ] = False,
) -> None:
    """jixiao（绩效）：读取、检查、转换部门预算绩效文本。"""


def _fail(exc: Exception) -> NoReturn:
    sys.stderr.write(f"jixiao: {exc}\n")
    raise typer.Exit(EXIT_UNREADABLE)


def _read(file: Path, fmt: str | None) -> Any:
    """The ReadResult of a file, or of standard input for ``-``; exits 2 when it cannot be read."""
    from jixiao.importers import UnreadableError
    from jixiao.service.documents import read_data, read_file

    try:
        if str(file) == "-":
            return read_data(sys.stdin.buffer.read(), "<stdin>", fmt or "txt")
        return read_file(file, fmt)
    except UnreadableError as exc:
        _fail(exc)


@app.command(cls=_Command)
def parse(
    file: FileArgument,
    output_format: FormatOption = OutputFormat.text,
    sources: Annotated[bool, typer.Option("--sources", help="JSON 中写出每条记录的来源位置。")] = False,
    from_fmt: FromOption = None,
) -> None:
    """读取文件并打印文档：text 为可读的提纲，json 为 JSON 交换格式。"""
    from jixiao.cli.output import findings_summary, outline

    result = _read(file, from_fmt)
    if output_format is OutputFormat.json:
        from jixiao.exporters.json_form import write_json

        sys.stdout.write(write_json(result.document, sources=sources))
    else:
        sys.stdout.write(outline(result.document))
    if result.findings:
        sys.stderr.write(findings_summary(result.findings, str(file)))


@app.command(cls=_Command)
def convert(
    source: Annotated[Path, typer.Argument(help="输入文件。", show_default=False)],
    target: Annotated[
        Path, typer.Argument(help="输出文件，格式按扩展名（.txt、.json）。", show_default=False)
    ],
    from_fmt: FromOption = None,
    to_fmt: Annotated[str | None, typer.Option("--to", help="输出格式（默认按扩展名判断）。")] = None,
) -> None:
    """把文档从一种格式转换为另一种格式（按扩展名判断）。"""
    from jixiao.cli.output import findings_summary
    from jixiao.importers import UnreadableError
    from jixiao.service.documents import convert_file

    try:
        result = convert_file(source, target, from_fmt, to_fmt)
    except UnreadableError as exc:
        _fail(exc)
    sys.stderr.write(f"已写出 {target}（{len(result.document.projects)} 个项目）。\n")
    if result.findings:
        sys.stderr.write(findings_summary(result.findings, str(source)))


@app.command(cls=_Command)
def check(
    file: FileArgument,
    output_format: FormatOption = OutputFormat.text,
    from_fmt: FromOption = None,
) -> None:
    """检查文档，按“文件:行: 代码 说明”列出发现的问题。有错误时退出码为 1，无法读取为 2。"""
    from jixiao.cli.output import findings_json, findings_lines, report_summary
    from jixiao.service.documents import check_result

    _, report = check_result(_read(file, from_fmt))
    file = Path("<stdin>") if str(file) == "-" else file
    if output_format is OutputFormat.json:
        sys.stdout.write(findings_json(report, str(file)))
    else:
        sys.stdout.write(findings_lines(report.findings, str(file)))
        report_summary(report)
    raise typer.Exit(EXIT_ERRORS if report.has_errors else EXIT_OK)


@app.command(cls=_Command)
def schema() -> None:
    """打印绩效文本 JSON 格式的 JSON Schema。"""
    import json

    from jixiao.model.json_schema import document_schema

    sys.stdout.write(json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    """Entry point of the ``jixiao`` command."""
    app()
