"""Reading a file of any kind: targets, a self-evaluation or a monitoring report, told apart by their headers.

Text, DOCX, XLSX and PDF are extracted once to the shared layout; its table headers say which record it holds
(自评表: 实际完成值, 得分, 全年执行数; 监控表: 完成目标可能性, 执行情况, 全年预计执行数; else a target document)
and the matching assembler reads it. JSON says what it holds in its ``format``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from jixiao.importers.assemble import assemble
from jixiao.importers.decode import decode_text
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import Layout
from jixiao.importers.tracking.labels import KIND_LABELS, Kind, kind_of_layout
from jixiao.model import AnyDocument, Finding, MonitoringReport, PerformanceDocument, SelfEvaluation
from jixiao.model.serialize import FORMAT, SchemaError, document_from_dict

LAYOUT_FORMATS = ("txt", "text", "docx", "xlsx", "pdf")
# The formats of the JSON forms: the tracking ones are spelled out so that reading targets does not load them.
SELF_EVALUATION_FORMAT = "jixiao.self-evaluation"
MONITORING_FORMAT = "jixiao.monitoring-report"


def _json_reader(fmt: str) -> tuple[Kind, Callable[[object], AnyDocument]] | None:
    if fmt == FORMAT:
        return "targets", document_from_dict
    if fmt in (SELF_EVALUATION_FORMAT, MONITORING_FORMAT):
        from jixiao.model import serialize_tracking as forms

        if fmt == forms.SELF_EVALUATION_FORMAT:
            return "self_evaluation", forms.self_evaluation_from_dict
        return "monitoring", forms.monitoring_report_from_dict
    return None


def extract_layout(data: bytes, file: str | None, fmt: str) -> tuple[Layout, list[Finding]]:
    """The shared layout of a text, DOCX, XLSX or PDF file and the findings of extracting it."""
    if fmt in ("txt", "text"):
        from jixiao.importers.text import text_file_layout

        return text_file_layout(data, file)
    if fmt == "docx":
        from jixiao.importers.docx import extract_docx_layout

        return extract_docx_layout(data, file)
    if fmt == "xlsx":
        from jixiao.importers.xlsx import extract_xlsx_layout

        return extract_xlsx_layout(data, file)
    if fmt == "pdf":
        from jixiao.importers.pdf import extract_pdf_layout

        return extract_pdf_layout(data, file)
    raise ValueError(f"no layout extractor for {fmt!r}")


def _sorted(findings: list[Finding], fmt: str) -> list[Finding]:
    if fmt == "xlsx":
        return sorted(findings, key=lambda f: (f.source.page or 0, f.source.line or 0))
    return sorted(findings, key=lambda f: f.source.line or 0)


def read_layout_any(data: bytes, file: str | None, fmt: str) -> tuple[AnyDocument, list[Finding]]:
    """Read a text, DOCX, XLSX or PDF file of any kind. Raises UnreadableError."""
    layout, findings = extract_layout(data, file, fmt)
    kind = kind_of_layout(layout)
    record: AnyDocument
    if kind == "targets":
        record, assembled = assemble(layout)
    else:
        from jixiao.importers.tracking.assemble import assemble_tracking

        record, assembled = assemble_tracking(layout, kind)
    return record, _sorted(findings + assembled, fmt)


def read_targets(data: bytes, file: str | None, fmt: str) -> tuple[PerformanceDocument, list[Finding]]:
    """Read a target document from text, DOCX, XLSX or PDF; a 自评表 or 监控表 raises UnreadableError."""
    layout, findings = extract_layout(data, file, fmt)
    kind = kind_of_layout(layout)
    if kind != "targets":
        raise UnreadableError(
            f"这是{KIND_LABELS[kind]}，不是部门预算绩效文本（从表头判断）。"
            "自评表和监控表请用 jixiao check 或 jixiao score 读取。",
            file,
        )
    document, assembled = assemble(layout)
    return document, _sorted(findings + assembled, fmt)


def read_json_any(data: bytes, file: str | None) -> tuple[AnyDocument, list[Finding]]:
    """Read the JSON form of any record, by its ``format``. Raises UnreadableError."""
    obj = _load_json(data, file)
    fmt = obj.get("format", FORMAT) if isinstance(obj, dict) else FORMAT
    found = _json_reader(fmt) if isinstance(fmt, str) else None
    if found is None:
        known = "、".join(f"“{f}”" for f in (FORMAT, SELF_EVALUATION_FORMAT, MONITORING_FORMAT))
        raise UnreadableError(f"JSON 的 format 为“{fmt}”，不是 jixiao 的格式（应为 {known} 之一）。", file)
    kind, reader = found
    try:
        return reader(obj), []
    except SchemaError as exc:
        where = f"在 {exc.path} 处" if exc.path else ""
        raise UnreadableError(f"JSON 不符合{KIND_LABELS[kind]}格式：{where}{exc.message}。", file) from None


def _load_json(data: bytes, file: str | None) -> Any:
    text, _ = decode_text(data, file)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableError(
            f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列附近（{exc.msg}）。", file
        ) from None
    except RecursionError:
        raise UnreadableError("JSON 嵌套层数过多，无法读取。", file) from None


def read_any_format(data: bytes, file: str | None, fmt: str) -> tuple[AnyDocument, list[Finding]]:
    """Read a file of a known format name holding any record. Raises UnreadableError."""
    if fmt == "json":
        return read_json_any(data, file)
    return read_layout_any(data, file, fmt)


def _expect(
    record: AnyDocument, findings: list[Finding], wanted: Kind, file: str | None
) -> tuple[AnyDocument, list[Finding]]:
    got: Kind = (
        "self_evaluation"
        if isinstance(record, SelfEvaluation)
        else "monitoring"
        if isinstance(record, MonitoringReport)
        else "targets"
    )
    if got != wanted:
        raise UnreadableError(
            f"这是{KIND_LABELS[got]}，不是{KIND_LABELS[wanted]}（从表头判断）。"
            f"请选择{KIND_LABELS[wanted]}文件，或改用能读取任何一种表格的 read_any。",
            file,
        )
    return record, findings


def read_self_evaluation(data: bytes, file: str | None, fmt: str) -> tuple[SelfEvaluation, list[Finding]]:
    """Read a 自评表 of a named format; another kind of file raises UnreadableError saying what it is."""
    record, findings = _expect(*read_any_format(data, file, fmt), "self_evaluation", file)
    assert isinstance(record, SelfEvaluation)
    return record, findings


def read_monitoring_report(data: bytes, file: str | None, fmt: str) -> tuple[MonitoringReport, list[Finding]]:
    """Read a 监控表 of a named format; another kind of file raises UnreadableError saying what it is."""
    record, findings = _expect(*read_any_format(data, file, fmt), "monitoring", file)
    assert isinstance(record, MonitoringReport)
    return record, findings
