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
    Path,
    typer.Argument(
        help="要读取的文件（.txt .json .docx .xlsx .pdf）；“-”表示从标准输入读取。", show_default=False
    ),
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


def _read(file: Path, fmt: str | None, *, any_kind: bool = False) -> Any:
    """The ReadResult of a file, or of standard input for ``-``; exits 2 when it cannot be read.

    With ``any_kind`` a self-evaluation or monitoring report is read too, else only a target document.
    """
    from jixiao.importers import UnreadableError
    from jixiao.service import documents

    read_data = documents.read_any_data if any_kind else documents.read_data
    read_file = documents.read_any_file if any_kind else documents.read_file
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
    from jixiao.model import PerformanceDocument

    result = _read(file, from_fmt, any_kind=True)
    if not isinstance(result.document, PerformanceDocument):  # a self-evaluation or monitoring report
        from jixiao.kinds import write_any

        kind = "json" if output_format is OutputFormat.json else "txt"
        sys.stdout.write(write_any(result.document, kind).decode("utf-8"))
    elif output_format is OutputFormat.json:
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
    from jixiao.model import part_names
    from jixiao.service.documents import convert_file

    try:
        result = convert_file(source, target, from_fmt, to_fmt)
    except UnreadableError as exc:
        _fail(exc)
    sys.stderr.write(f"已写出 {target}（{len(part_names(result.document))} 个项目）。\n")
    if result.findings:
        sys.stderr.write(findings_summary(result.findings, str(source)))


class CheckFormat(StrEnum):
    """How ``check`` prints its report."""

    text = "text"
    json = "json"
    html = "html"


def _codes(values: list[str] | None) -> list[str]:
    return [c.strip() for v in values or [] for c in v.split(",") if c.strip()]


@app.command(cls=_Command)
def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="要检查的文件或文件夹（文件夹中的 .txt/.json 都会检查）；“-”表示标准输入。",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        CheckFormat, typer.Option("--format", "-f", help="报告格式：text、json 或 html（可打印的审核报告）。")
    ] = CheckFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="把报告写入文件，而不是标准输出。")
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            "-p",
            help="配置：default、hebei-county、central-2021，表式编号或省份（如 河北），或 .toml 文件路径；不指定时按文件的表式选用。",
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", help="只运行这些规则（代码、族如 V、标签如 完整性；可逗号分隔）。"),
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help="不运行这些规则（写法同 --select）。")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="并行检查的进程数。")] = 1,
    targets: Annotated[
        Path | None,
        typer.Option("--targets", "-t", help="批复的绩效目标文本：检查自评表、监控表时逐行核对年度指标值。"),
    ] = None,
    from_fmt: FromOption = None,
) -> None:
    """检查文档（绩效目标、自评表或监控表）：按“文件:行: 代码 说明”列出问题。有错误时退出码为 1，无法读取为 2。"""
    from jixiao.check.profiles import resolve_profile
    from jixiao.cli.reports import print_reports
    from jixiao.rules.profile import ProfileError
    from jixiao.service.checking import check_bytes, expand_paths

    try:
        chosen = resolve_profile(profile, _codes(select), _codes(ignore))
    except ProfileError as exc:
        _fail(exc)
    approved = _read(targets, None).document if targets is not None else None
    if [str(f) for f in files] == ["-"]:
        results = [check_bytes(sys.stdin.buffer.read(), "<stdin>", chosen, from_fmt or "txt", approved)]
    else:
        paths = [str(p) for p in expand_paths(files)]
        if not paths:
            _fail(ValueError("没有找到可以检查的文件（.txt、.json）。"))
        results = _check_with_progress(paths, chosen, jobs, from_fmt, output_format.value, approved)
    code = print_reports(results, output_format.value, output, chosen.name)
    raise typer.Exit(code)


def _check_with_progress(
    paths: list[str], profile: Any, jobs: int, fmt: str | None, report: str, targets: Any = None
) -> list[Any]:
    from jixiao.service.checking import check_many

    keep = report == "html"
    # many files: workers send their reports back rendered, the single-file summary needs the findings
    output = report if report != "html" and len(paths) > 1 else None
    if len(paths) < 2 or not sys.stderr.isatty():
        return check_many(paths, profile, jobs, fmt, keep_documents=keep, output=output, targets=targets)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("检查中", total=len(paths))
        return check_many(
            paths,
            profile,
            jobs,
            fmt,
            lambda _: bar.advance(task),
            keep_documents=keep,
            output=output,
            targets=targets,
        )


@app.command(name="import", cls=_Command)
def import_folder(
    folder: Annotated[
        Path, typer.Argument(help="包含文档的文件夹（.txt .json .docx .xlsx .pdf）。", show_default=False)
    ],
    out_dir: Annotated[
        Path, typer.Option("--output", "-o", help="输出文件夹（按原目录结构写出）。", show_default=False)
    ],
    to_fmt: Annotated[
        str, typer.Option("--to", help="输出格式：json、txt、docx、xlsx、html 或 pdf。")
    ] = "json",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="并行转换的进程数。")] = 1,
) -> None:
    """批量读取一个文件夹中的文档，转换为指定格式写出，并汇总无法读取的文件。"""
    from jixiao.exporters import WRITERS
    from jixiao.service.bulk import convert_many, target_for, unique_targets
    from jixiao.service.checking import expand_paths

    fmt = to_fmt.lower().lstrip(".")
    if fmt not in WRITERS:
        _fail(
            ValueError(f"不支持的输出格式“{to_fmt}”。可用：{'、'.join(k for k in WRITERS if k != 'text')}。")
        )
    if not folder.is_dir():
        _fail(ValueError(f"{folder}：不是文件夹。"))
    sources = expand_paths([folder])
    if not sources:
        _fail(ValueError(f"{folder}：没有找到可以读取的文档。"))
    pairs = unique_targets([(s, target_for(s, folder, out_dir, fmt)) for s in sources])
    if sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("转换中", total=len(pairs))
            results = convert_many(pairs, fmt, jobs, lambda _: bar.advance(task))
    else:
        results = convert_many(pairs, fmt, jobs)
    failed = [r for r in results if r.error is not None]
    for r in failed:
        sys.stderr.write(f"无法读取 {r.source}：{r.error}\n")
    done = len(results) - len(failed)
    with_errors = sum(1 for r in results if r.errors)
    sys.stderr.write(
        f"共 {len(results)} 个文件：已转换 {done} 个（其中 {with_errors} 个读取时有错误，用 jixiao check 查看），"
        f"无法读取 {len(failed)} 个。输出在 {out_dir}。\n"
    )
    raise typer.Exit(EXIT_UNREADABLE if failed else EXIT_OK)


@app.command(cls=_Command)
def fix(
    file: FileArgument,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="修正后的文件（格式按扩展名）。", show_default=False)
    ],
    profile: Annotated[str | None, typer.Option("--profile", "-p", help="配置（同 check）。")] = None,
    from_fmt: FromOption = None,
) -> None:
    """只做不改变含义的修正（计量单位“人数”→“人”、运算符写法、文号括号、多余空格），写出文件并显示改动。"""
    from jixiao.check.profiles import resolve_profile
    from jixiao.importers import UnreadableError
    from jixiao.rules.profile import ProfileError
    from jixiao.service.documents import write_file
    from jixiao.service.fixing import fix_document

    try:
        chosen = resolve_profile(profile)
    except ProfileError as exc:
        _fail(exc)
    result = _read(file, from_fmt)
    outcome = fix_document(result, chosen, str(file))
    try:
        write_file(outcome.document, output)
    except UnreadableError as exc:
        _fail(exc)
    sys.stdout.write(outcome.diff)
    for f in outcome.fixed:
        line = f":{f.source.line}" if f.source.line else ""
        sys.stderr.write(f"已修正 {file}{line}: {f.code} {f.message}\n")
    sys.stderr.write(f"共修正 {len(outcome.fixed)} 处，已写出 {output}。其余问题请用 jixiao check 查看。\n")


@app.command(cls=_Command)
def rules(
    profile: Annotated[
        str | None, typer.Option("--profile", "-p", help="按此配置显示级别和是否启用。")
    ] = None,
    output_format: FormatOption = OutputFormat.text,
) -> None:
    """列出规则目录：代码、级别、标题、审核要点，以及在所选配置下是否启用。"""
    import json

    from jixiao.check.catalogue import catalogue
    from jixiao.check.engine import chosen
    from jixiao.check.profiles import resolve_profile
    from jixiao.model import SEVERITY_LABELS
    from jixiao.rules import CRITERIA
    from jixiao.rules.profile import ProfileError

    try:
        prof = resolve_profile(profile)
    except ProfileError as exc:
        _fail(exc)
    rows = []
    for r in catalogue():
        severity = prof.severities.get(r.code, r.severity)
        criteria = [CRITERIA[t] for t in r.tags if t in CRITERIA]
        rows.append((r.code, severity, r.title, criteria, chosen(r.code, r, prof), r.fix is not None))
    if output_format is OutputFormat.json:
        data = [
            {"code": c, "severity": s, "title": t, "criteria": k, "enabled": e, "fix": f}
            for c, s, t, k, e, f in rows
        ]
        sys.stdout.write(
            json.dumps({"profile": prof.name, "rules": data}, ensure_ascii=False, indent=2) + "\n"
        )
        return
    for c, s, t, k, e, f in rows:
        flags = ("" if e else "（未启用）") + ("［可自动修正］" if f else "")
        sys.stdout.write(f"{c}  {SEVERITY_LABELS[s]}  {t}  {'、'.join(k)}{flags}\n")


@app.command(cls=_Command)
def schema() -> None:
    """打印绩效文本 JSON 格式的 JSON Schema。"""
    import json

    from jixiao.model.json_schema import document_schema

    sys.stdout.write(json.dumps(document_schema(), ensure_ascii=False, indent=2) + "\n")


# Commands kept in their own modules register themselves on ``app`` when imported: serve, db, user and unit
# (server), monitor, evaluate and score (tracking).
from jixiao.cli import server, tracking  # noqa: E402, F401


def main() -> None:
    """Entry point of the ``jixiao`` command."""
    app()
