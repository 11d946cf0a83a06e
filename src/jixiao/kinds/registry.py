"""The registry of document kinds: which kind a file holds, reading it, writing it, its JSON form."""

from __future__ import annotations

import json
from typing import Any

from jixiao.importers import extract_layout, format_name
from jixiao.importers.decode import decode_text
from jixiao.importers.engine.context import Context
from jixiao.importers.engine.reader import Reading, read_tables
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import Layout, TextLine
from jixiao.kinds.base import DocumentKind
from jixiao.model import (
    AnyDocument,
    DepartmentTargets,
    Finding,
    MonitoringReport,
    PerformanceDocument,
    SelfEvaluation,
)


def _kinds() -> tuple[DocumentKind, ...]:
    from jixiao.kinds.department import KIND as DEPARTMENT
    from jixiao.kinds.monitoring import KIND as MONITORING
    from jixiao.kinds.self_evaluation import KIND as SELF_EVALUATION
    from jixiao.kinds.targets import KIND as TARGETS

    return (TARGETS, DEPARTMENT, SELF_EVALUATION, MONITORING)


_REGISTRY: tuple[DocumentKind, ...] | None = None


def kinds() -> tuple[DocumentKind, ...]:
    """Every registered kind, targets first."""
    global _REGISTRY  # noqa: PLW0603 - built once, on first use, so that reading targets loads no other kind
    if _REGISTRY is None:
        _REGISTRY = _kinds()
    return _REGISTRY


def kind_named(name: str) -> DocumentKind:
    """The kind of a name (``targets``, ``department_targets``, ``self_evaluation``, ``monitoring``)."""
    for kind in kinds():
        if kind.name == name:
            return kind
    raise KeyError(name)


def kind_of(record: object) -> DocumentKind:
    """The kind of a record."""
    return kind_named(getattr(record, "KIND", "targets"))


def _titles(layout: Layout) -> list[str]:
    return [b.text for b in layout.blocks if isinstance(b, TextLine)][:8]


def choose(reading: Reading, titles: list[str]) -> DocumentKind:
    """The kind whose evidence is strongest; titles (…自评表, …监控表, …整体…) decide a tie."""
    scored: list[tuple[int, int, DocumentKind]] = []
    for kind in kinds():
        score = kind.evidence(reading)
        for title in titles:
            if (kind.name == "self_evaluation" and "自评" in title) or (
                kind.name == "monitoring" and "监控" in title
            ):
                score += 1
        scored.append((score, -len(scored), kind))
    return max(scored, key=lambda s: (s[0], s[1]))[2]


def read_layout(
    layout: Layout, findings: list[Finding], wanted: str | None = None
) -> tuple[AnyDocument, list[Finding]]:
    """Read a layout of any kind (or of the kind named ``wanted``). Raises UnreadableError."""
    ctx = Context(layout.file)
    ctx.findings = list(findings)
    reading = read_tables(layout, ctx)
    kind = kind_named(wanted) if wanted else choose(reading, _titles(layout))
    record, found = kind.build(reading)
    return record, _sorted(found)


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.source.page or 0, f.source.line or 0))


def read_json(data: bytes, file: str | None) -> tuple[AnyDocument, list[Finding]]:
    """Read the JSON form of any record, by its ``format``. Raises UnreadableError."""
    from jixiao.model.serialize import FORMAT, SchemaError

    obj = _load_json(data, file)
    fmt = obj.get("format", FORMAT) if isinstance(obj, dict) else FORMAT
    found = next((k for k in kinds() if k.json_format == fmt), None)
    if found is None:
        known = "、".join(f"“{k.json_format}”" for k in kinds())
        raise UnreadableError(f"JSON 的 format 为“{fmt}”，不是 jixiao 的格式（应为 {known} 之一）。", file)
    try:
        return found.from_dict(obj), []
    except SchemaError as exc:
        where = f"在 {exc.path} 处" if exc.path else ""
        raise UnreadableError(f"JSON 不符合{found.label}格式：{where}{exc.message}。", file) from None


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


def read_any(
    data: bytes, name: str | None = None, fmt: str | None = None
) -> tuple[AnyDocument, list[Finding]]:
    """Read a file of any kind in any format jixiao reads (by ``fmt`` or the name's extension). Raises UnreadableError."""
    file = name or None
    fmt_name = format_name(file, fmt)
    if fmt_name == "json":
        return read_json(data, file)
    layout, findings = extract_layout(data, file, fmt_name)
    return read_layout(layout, findings)


def read_kind(
    data: bytes, name: str | None, wanted: str, fmt: str | None = None
) -> tuple[Any, list[Finding]]:
    """Read a file that must hold one kind; another kind raises UnreadableError saying what it is."""
    record, findings = read_any(data, name, fmt)
    got = kind_of(record)
    if got.name == wanted:
        return record, findings
    if wanted == "targets" and isinstance(record, DepartmentTargets):
        dept = record
        return (
            PerformanceDocument(
                unit_code=dept.unit_code,
                unit_name=dept.unit_name,
                fiscal_year=dept.fiscal_year,
                title=dept.title,
                department_table=dept,
                form=dept.form,
                source=dept.source,
            ),
            findings,
        )
    want = kind_named(wanted)
    raise UnreadableError(
        f"这是{got.label}，不是{want.label}（从表头判断）。请选择{want.label}文件，或改用能读取任何一种表格的 read_any。"
        if wanted != "targets"
        else f"这是{got.label}，不是部门预算绩效文本（从表头判断）。自评表和监控表请用 jixiao check 或 jixiao score 读取。",
        name or None,
    )


def write_any(record: AnyDocument, fmt: str) -> bytes:
    """The bytes of any record in a named format; KeyError if the kind has no writer for it."""
    return kind_of(record).write(record, fmt)


def writers_for(record: AnyDocument) -> frozenset[str]:
    """The format names a record can be written in."""
    return frozenset(kind_of(record).writers)


def read_document(
    data: bytes, file: str | None = None, fmt: str | None = None
) -> tuple[PerformanceDocument, list[Finding]]:
    """Read a target document (a 部门整体 table alone reads as one); another kind raises UnreadableError."""
    record, findings = read_kind(data, file, "targets", fmt)
    assert isinstance(record, PerformanceDocument)
    return record, findings


def read_self_evaluation(
    data: bytes, file: str | None = None, fmt: str | None = None
) -> tuple[SelfEvaluation, list[Finding]]:
    """Read a 自评表; another kind of file raises UnreadableError saying what it is."""
    record, findings = read_kind(data, file, "self_evaluation", fmt)
    assert isinstance(record, SelfEvaluation)
    return record, findings


def read_monitoring_report(
    data: bytes, file: str | None = None, fmt: str | None = None
) -> tuple[MonitoringReport, list[Finding]]:
    """Read a 监控表; another kind of file raises UnreadableError saying what it is."""
    record, findings = read_kind(data, file, "monitoring", fmt)
    assert isinstance(record, MonitoringReport)
    return record, findings
