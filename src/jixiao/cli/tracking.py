"""``jixiao monitor new``, ``jixiao evaluate new`` and ``jixiao score``: the year after the targets."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.main import EXIT_OK, FromOption, _Command, _fail, _Group, app

ScoringOption = Annotated[
    str | None,
    typer.Option(
        "--scoring", "-s", help="评分方案：central（中央 10/50/30/10）、hubei（20/40/40）、sichuan（10+90）。"
    ),
]
TargetsArgument = Annotated[
    Path, typer.Argument(help="批复的绩效目标文本（.txt .json .docx .xlsx .pdf）。", show_default=False)
]
OutputOption = Annotated[
    Path, typer.Option("--output", "-o", help="要写出的文件，格式按扩展名（.txt .json .docx .xlsx）。")
]

monitor_app = typer.Typer(
    cls=_Group, help="绩效运行监控（双监控）：据批复的目标创建监控表。", no_args_is_help=True
)
evaluate_app = typer.Typer(cls=_Group, help="绩效自评：据批复的目标创建自评表。", no_args_is_help=True)
app.add_typer(monitor_app, name="monitor")
app.add_typer(evaluate_app, name="evaluate")


def _report_start(record: object, notes: tuple[str, ...], output: Path, what: str) -> None:
    for note in notes:
        sys.stderr.write(f"{note}\n")
    projects = getattr(record, "projects", ())
    rows = sum(len(p.indicators) for p in projects)
    sys.stderr.write(
        f"已写出 {output}：{what}，{len(projects)} 个项目、{rows} 个指标，年度指标值照录批复的目标（已锁定）。\n"
    )


@monitor_app.command("new", cls=_Command)
def monitor_new(
    targets: TargetsArgument,
    output: OutputOption,
    month: Annotated[
        int, typer.Option("--month", "-m", help="监控截至的月份（1–12；中央为 7，地方常用 6）。")
    ] = 7,
    scoring: ScoringOption = None,
    from_fmt: FromOption = None,
) -> None:
    """据批复的绩效目标创建监控表：目标与资金支出计划照录并锁定，填写执行数、执行情况和完成可能性。"""
    from jixiao.importers import UnreadableError
    from jixiao.service.tracking import new_monitoring

    try:
        started = new_monitoring(targets, output, month, scoring=scoring, fmt=from_fmt)
    except UnreadableError as exc:
        _fail(exc)
    _report_start(started.record, started.notes, output, f"1–{month}月绩效运行监控表")


@evaluate_app.command("new", cls=_Command)
def evaluate_new(
    targets: TargetsArgument,
    output: OutputOption,
    scoring: ScoringOption = None,
    from_fmt: FromOption = None,
) -> None:
    """据批复的绩效目标创建自评表：年度指标值照录并锁定，分值按评分方案分配，填写执行数和实际完成值。"""
    from jixiao.importers import UnreadableError
    from jixiao.service.tracking import new_self_evaluation

    try:
        started = new_self_evaluation(targets, output, scoring=scoring, fmt=from_fmt)
    except UnreadableError as exc:
        _fail(exc)
    _report_start(started.record, started.notes, output, "绩效自评表")


class ScoreFormat(StrEnum):
    """How ``score`` prints its report."""

    text = "text"
    json = "json"
    html = "html"


@app.command(cls=_Command)
def score(
    file: Annotated[Path, typer.Argument(help="填好的自评表或监控表。", show_default=False)],
    output_format: Annotated[
        ScoreFormat, typer.Option("--format", "-f", help="报告格式：text、json 或 html（可打印）。")
    ] = ScoreFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="把报告写入文件。")] = None,
    scoring: ScoringOption = None,
    from_fmt: FromOption = None,
) -> None:
    """按规则计分：自评表列出每个指标的目标、实际、分值、得分和计分规则，以及总分和等级；监控表列出执行率和预警灯。"""
    from jixiao.cli.output import findings_summary
    from jixiao.importers import UnreadableError
    from jixiao.service.tracking import render_score, score_file

    try:
        scored = score_file(file, scoring=scoring, fmt=from_fmt)
    except UnreadableError as exc:
        _fail(exc)
    text = render_score(scored, output_format.value)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            _fail(ValueError(f"{output}: 无法写入文件：{exc.strerror or exc}。"))
        sys.stderr.write(f"已写出 {output}。\n")
    if scored.findings:
        sys.stderr.write(findings_summary(scored.findings, str(file)))
    raise typer.Exit(EXIT_OK)
