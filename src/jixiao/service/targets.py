"""Target documents in the store: import into a unit's draft, read, list, edit with the version read, check,
export, history and the difference between versions. Every write checks, writes, audits, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from jixiao.check import Report
from jixiao.model import Finding, PerformanceDocument
from jixiao.model.diff import Change, diff_forms
from jixiao.model.serialize import SchemaError
from jixiao.model.workflow import status_of
from jixiao.service import authz
from jixiao.service.access import doc_ref, load, load_ref, record, scope_for
from jixiao.service.actor import Actor
from jixiao.service.errors import NotFound, StaleVersion, ValidationFailed
from jixiao.store import documents as store_documents
from jixiao.store import uow
from jixiao.store.mapping import document_from_snapshot, document_snapshot, findings_json
from jixiao.store.records import DocumentFilter, DocumentRow, StaleWrite, VersionRow

EXPORT_FORMATS = ("txt", "json", "docx", "xlsx", "html", "pdf")
CONTENT_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class DocumentView:
    """A document as an actor sees it: its header, its content and what the actor may do now."""

    row: DocumentRow
    document: PerformanceDocument
    allowed: tuple[str, ...]


@dataclass(frozen=True)
class DocumentPage:
    """One page of a document list."""

    items: tuple[DocumentRow, ...]
    total: int


def _view(
    actor: Actor, row: DocumentRow, data: dict[str, Any] | None = None, ref: authz.DocRef | None = None
) -> DocumentView:
    snapshot = data if data is not None else store_documents.snapshot(row.id)
    assert snapshot is not None, "a document always has a current version"
    return DocumentView(
        row, document_from_snapshot(snapshot), authz.allowed_actions(actor, ref or doc_ref(row))
    )


def import_document(
    actor: Actor,
    unit_code: str,
    data: bytes,
    filename: str,
    fmt: str | None = None,
    *,
    confirm_lost: bool = False,
) -> DocumentView:
    """Read a file (any readable format) and save it as a new draft of the unit.

    What reading could not place is kept with the new version (see :mod:`jixiao.service.imports`); when no
    indicator was read from tables that held indicator rows, nothing is saved unless ``confirm_lost``
    (:class:`~jixiao.service.errors.ConfirmationRequired`, 422, names what was lost).
    """
    from jixiao.importers import UnreadableError
    from jixiao.service import imports
    from jixiao.service.documents import read_data

    if not data:
        raise ValidationFailed("上传的文件是空的。", {"file": filename})
    _may_create(actor, unit_code)
    try:
        result = read_data(data, filename, fmt)
    except UnreadableError as exc:
        raise ValidationFailed(exc.message, {"file": filename}) from None
    lost = imports.lost_content(result.findings)
    imports.require_confirmation(lost, filename, confirm_lost)
    source: dict[str, Any] = {"file": filename, "findings": len(result.findings)}
    if lost:
        source["lost"] = sorted({w.code for w in lost})
        source["confirmed_lost"] = imports.needs_confirmation(lost)
    return create_document(actor, unit_code, result.document, source=source, reading=result.findings)


def _may_create(actor: Actor, unit_code: str) -> authz.DocRef:
    """The permission view of a new draft of the unit, if the actor may create one; else NotFound/Forbidden."""
    found = store_documents.unit_region(unit_code)
    if found is None:
        raise NotFound(f"没有单位代码为“{unit_code}”的单位。", {"unit_code": unit_code})
    ref = authz.DocRef(unit_code, store_documents.region_path(found[1]), "draft")
    if not (authz.in_scope(actor, "document:create", ref)):
        from jixiao.service.access import require_login
        from jixiao.service.errors import Forbidden

        require_login(actor)
        raise Forbidden("您只能为本单位创建绩效文本。", {"unit_code": unit_code})
    return ref


def create_document(
    actor: Actor,
    unit_code: str,
    doc: PerformanceDocument,
    source: dict[str, Any] | None = None,
    reading: tuple[Finding, ...] = (),
) -> DocumentView:
    """Save a document as a new draft of a unit the actor drafts for; ``reading`` (what reading its file
    found) is kept with the new version."""
    ref = _may_create(actor, unit_code)
    doc = replace(doc, status="draft")
    snapshot, checksum = document_snapshot(doc)
    with uow.atomic():
        row = store_documents.create(
            unit_code,
            doc.fiscal_year,
            doc.title,
            snapshot,
            checksum,
            actor.user_id,
            "imported",
            import_findings=findings_json(reading),
        )
        record(
            actor,
            "jixiao.document.imported",
            "document",
            row.id,
            document_id=row.id,
            after=row.version,
            data={"unit_code": unit_code, "projects": len(doc.projects), **(source or {})},
        )
    return _view(actor, row, snapshot, ref=ref)


def get_document(actor: Actor, document_id: int) -> DocumentView:
    """A document the actor may see (NotFound otherwise)."""
    row, ref = load_ref(actor, document_id)
    return _view(actor, row, ref=ref)


def list_documents(
    actor: Actor, filters: DocumentFilter | None = None, limit: int = 50, offset: int = 0
) -> DocumentPage:
    """The documents the actor may see, filtered by unit, region, year and status."""
    items, total = store_documents.list_documents(
        scope_for(actor), filters or DocumentFilter(), max(1, min(limit, 500)), max(0, offset)
    )
    return DocumentPage(tuple(items), total)


def parse_document(data: object) -> PerformanceDocument:
    """A document from its JSON form; ValidationFailed says where it is wrong."""
    from jixiao.model.serialize import document_from_dict

    try:
        return document_from_dict(data)
    except SchemaError as exc:
        raise ValidationFailed(f"文档格式不正确：{exc}", {"path": exc.path}) from None


def update_document(
    actor: Actor, document_id: int, expected_version: int, doc: PerformanceDocument, reason: str = ""
) -> DocumentView:
    """Save new content if the document is still at the version the actor read; else StaleVersion."""
    row = load(actor, document_id, "document:edit")
    _expect(row, expected_version)
    doc = replace(doc, status=status_of(row.status))
    snapshot, checksum = document_snapshot(doc)
    before = store_documents.snapshot(document_id) or {}
    changes = diff_forms(before, snapshot)
    with uow.atomic():
        try:
            new = store_documents.write(
                document_id,
                expected_version,
                user_id=actor.user_id,
                action="edited",
                status=row.status,
                snapshot=(snapshot, checksum),
                reason=reason,
                fields={"title": doc.title, "fiscal_year": doc.fiscal_year},
            )
        except StaleWrite as exc:
            raise _stale(exc.current_version, expected_version) from None
        record(
            actor,
            "jixiao.document.edited",
            "document",
            document_id,
            document_id=document_id,
            before=expected_version,
            after=new.version,
            data={"changes": _changes_data(changes), "reason": reason},
        )
    return _view(actor, new, snapshot)


def _changes_data(changes: list[Change], limit: int = 200) -> dict[str, Any]:
    out = {c.path: {"old": c.old, "new": c.new} for c in changes[:limit]}
    if len(changes) > limit:
        out["…"] = {"old": None, "new": f"另有 {len(changes) - limit} 处修改"}
    return out


def _expect(row: DocumentRow, expected_version: int) -> None:
    if row.version != expected_version:
        raise _stale(row.version, expected_version)


def _stale(current: int | None, expected: int) -> StaleVersion:
    return StaleVersion(
        f"绩效文本已被他人修改（当前版本 {current}，您读取的是版本 {expected}），本次保存没有写入。请重新打开后再修改。",
        {"current_version": current, "expected_version": expected},
    )


def check(actor: Actor, document_id: int, profile: str = "default") -> Report:
    """The findings of the rule catalogue on the current content, with the suggested grade."""
    from jixiao.check import check_document
    from jixiao.service.profiles import resolve

    view = get_document(actor, document_id)
    return check_document(view.document, (), resolve(profile), file=f"document-{document_id}")


def export(actor: Actor, document_id: int, fmt: str, version: int | None = None) -> tuple[bytes, str, str]:
    """The document (a saved version when asked for, if the actor may see history) in a format.

    Returns the bytes, a file name and the content type.
    """
    from jixiao.exporters import write_document

    if fmt not in EXPORT_FORMATS:
        raise ValidationFailed(f"不支持的导出格式“{fmt}”。", {"format": fmt, "known": list(EXPORT_FORMATS)})
    if version is None:
        row = load(actor, document_id)
        doc = _view(actor, row).document
    else:
        row = load(actor, document_id, "document:history")
        doc = version_document(actor, document_id, version)
    name = f"{row.unit_code}-{row.fiscal_year or ''}-v{version or row.version}.{fmt}"
    return write_document(doc, fmt), name, CONTENT_TYPES[fmt]


def history(actor: Actor, document_id: int) -> list[VersionRow]:
    """Every saved state of a document, oldest first."""
    load(actor, document_id, "document:history")
    return store_documents.versions(document_id)


def version_document(actor: Actor, document_id: int, number: int) -> PerformanceDocument:
    """The content of one saved version."""
    load(actor, document_id, "document:history")
    data = store_documents.snapshot(document_id, number)
    if data is None:
        raise NotFound(f"没有版本 {number}。", {"version": number})
    return document_from_snapshot(data)


def diff(actor: Actor, document_id: int, old: int, new: int) -> list[Change]:
    """What changed between two saved versions of a document."""
    load(actor, document_id, "document:history")
    a = store_documents.snapshot(document_id, old)
    b = store_documents.snapshot(document_id, new)
    if a is None or b is None:
        missing = old if a is None else new
        raise NotFound(f"没有版本 {missing}。", {"version": missing})
    return diff_forms(a, b)
