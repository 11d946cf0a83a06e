"""Documents, their versions and comments: every read and write the service needs, nothing more.

Writes are conditional on the version the caller read (WEB.md P7): ``UPDATE … WHERE id = ? AND version = ?``;
zero rows means someone else wrote first, and :class:`StaleWrite` is raised before anything is changed.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, Q
from django.utils import timezone

from jixiao.store.index import reindex
from jixiao.store.models import Comment, Document, DocumentVersion, Region, Unit
from jixiao.store.records import (
    CommentRow,
    DocumentFilter,
    DocumentRow,
    ScopeClause,
    StaleWrite,
    VersionRow,
)


def regions_under(code: str) -> set[str]:
    """The region's code and the codes of every region below it."""
    children: dict[str | None, list[str]] = {}
    for region_code, parent_code in Region.objects.values_list("code", "parent__code"):
        children.setdefault(parent_code, []).append(region_code)
    out, todo = set(), [code]
    while todo:
        current = todo.pop()
        if current not in out:
            out.add(current)
            todo.extend(children.get(current, []))
    return out


def region_path(region_code: str) -> tuple[str, ...]:
    """A region's code and the codes of every region above it."""
    path: list[str] = []
    region = Region.objects.filter(code=region_code).select_related("parent").first()
    while region is not None and region.code not in path:
        path.append(region.code)
        region = region.parent
    return tuple(path)


def _row(d: Document) -> DocumentRow:
    return DocumentRow(
        id=d.pk,
        unit_code=d.unit.code,
        unit_name=d.unit.name,
        region_code=d.unit.region.code,
        fiscal_year=d.fiscal_year,
        title=d.title,
        status=d.status,
        version=d.version,
        grade=d.grade,
        approved_version=d.approved_version,
        locked_at=d.locked_at,
        created_at=d.created_at,
        updated_at=d.updated_at,
    )


def _documents() -> Any:
    return Document.objects.select_related("unit", "unit__region")


def get(document_id: int) -> DocumentRow | None:
    """A document's header, or None."""
    d = _documents().filter(pk=document_id).first()
    return _row(d) if d is not None else None


def _clause_q(clause: ScopeClause) -> Q:
    q = Q()
    if clause.unit_code is not None:
        q &= Q(unit__code=clause.unit_code)
    if clause.region_code is not None:
        q &= Q(unit__region__code__in=regions_under(clause.region_code))
    if clause.statuses is not None:
        q &= Q(status__in=sorted(clause.statuses))
    return q


def list_documents(
    scope: tuple[ScopeClause, ...], filters: DocumentFilter, limit: int = 100, offset: int = 0
) -> tuple[list[DocumentRow], int]:
    """The documents in scope (any clause) that pass the filters, newest year first, and their count."""
    if not scope:
        return [], 0
    q = Q()
    for clause in scope:
        q |= _clause_q(clause)
    qs = _documents().filter(q)
    if filters.unit_code:
        qs = qs.filter(unit__code=filters.unit_code)
    if filters.region_code:
        qs = qs.filter(unit__region__code__in=regions_under(filters.region_code))
    if filters.fiscal_year is not None:
        qs = qs.filter(fiscal_year=filters.fiscal_year)
    if filters.status:
        qs = qs.filter(status=filters.status)
    total = qs.count()
    return [_row(d) for d in qs[offset : offset + limit]], total


def in_scope(document_id: int, scope: tuple[ScopeClause, ...]) -> bool:
    """True when the document matches one of the scope's clauses."""
    if not scope:
        return False
    q = Q()
    for clause in scope:
        q |= _clause_q(clause)
    return Document.objects.filter(q, pk=document_id).exists()


def unit_region(unit_code: str) -> tuple[str, str] | None:
    """A unit's name and region code, or None when there is no such unit."""
    found = Unit.objects.filter(code=unit_code).values_list("name", "region__code").first()
    return (found[0], found[1]) if found else None


def create(
    unit_code: str,
    fiscal_year: int | None,
    title: str,
    snapshot: dict[str, Any],
    checksum: str,
    user_id: int | None,
    action: str,
    reason: str = "",
    import_findings: list[dict[str, Any]] | None = None,
) -> DocumentRow:
    """A new document in draft at version 1, its content saved as version 1.

    ``import_findings`` (what reading the file found, in the form of :func:`jixiao.store.mapping.findings_json`)
    are kept with that version.
    """
    now = timezone.now()
    unit = Unit.objects.get(code=unit_code)
    d = Document.objects.create(
        unit=unit,
        fiscal_year=fiscal_year,
        title=title,
        status="draft",
        version=1,
        created_at=now,
        updated_at=now,
    )
    reindex(d.pk, snapshot)
    DocumentVersion.objects.create(
        document=d,
        number=1,
        status="draft",
        action=action,
        snapshot=snapshot,
        checksum=checksum,
        reason=reason,
        created_by_id=user_id,
        created_at=now,
        is_current=True,
        import_findings=import_findings or [],
    )
    return _row(_documents().get(pk=d.pk))


def write(
    document_id: int,
    expected_version: int,
    *,
    user_id: int | None,
    action: str,
    status: str,
    snapshot: tuple[dict[str, Any], str] | None = None,
    reason: str = "",
    fields: dict[str, Any] | None = None,
) -> DocumentRow:
    """Write a new state if the document is still at ``expected_version``; else raise :class:`StaleWrite`.

    The version goes up by one and the new state is kept as a version of that number (the content given,
    or the current content again). ``fields`` sets header columns (grade, approved_version, locked_at, title…).
    """
    now = timezone.now()
    changed = Document.objects.filter(pk=document_id, version=expected_version).update(
        version=F("version") + 1, status=status, updated_at=now, **(fields or {})
    )
    if changed != 1:
        current = Document.objects.filter(pk=document_id).values_list("version", flat=True).first()
        raise StaleWrite(current)
    previous = DocumentVersion.objects.get(document_id=document_id, is_current=True)
    data, checksum = snapshot if snapshot is not None else (previous.snapshot, previous.checksum)
    if snapshot is not None:
        reindex(document_id, data)
    DocumentVersion.objects.filter(pk=previous.pk).update(is_current=False)
    DocumentVersion.objects.create(
        document_id=document_id,
        number=expected_version + 1,
        status=status,
        action=action,
        snapshot=data,
        checksum=checksum,
        reason=reason,
        created_by_id=user_id,
        created_at=now,
        is_current=True,
    )
    return _row(_documents().get(pk=document_id))


def snapshot(document_id: int, number: int | None = None) -> dict[str, Any] | None:
    """The content of a version (the current one when ``number`` is None), or None."""
    qs = DocumentVersion.objects.filter(document_id=document_id)
    qs = qs.filter(is_current=True) if number is None else qs.filter(number=number)
    found = qs.values_list("snapshot", flat=True).first()
    return dict(found) if found is not None else None


def import_findings(document_id: int) -> tuple[int, list[dict[str, Any]]] | None:
    """The findings kept with the version an import created: its number and the findings; or None."""
    found = (
        DocumentVersion.objects.filter(document_id=document_id, action="imported")
        .order_by("number")
        .values_list("number", "import_findings")
        .first()
    )
    if found is None:
        return None
    return found[0], list(found[1] or [])


def versions(document_id: int) -> list[VersionRow]:
    """Every saved state of a document, oldest first."""
    return [
        VersionRow(
            v.number,
            v.status,
            v.action,
            v.checksum,
            v.reason,
            _name(v.created_by),
            v.created_at,
            v.is_current,
        )
        for v in DocumentVersion.objects.filter(document_id=document_id).select_related("created_by")
    ]


def _name(user: Any) -> str | None:
    return None if user is None else str(user.username)


def add_comment(document_id: int, version: int, path: str, text: str, user_id: int) -> CommentRow:
    """A new comment on the document at a version."""
    c = Comment.objects.create(
        document_id=document_id,
        version=version,
        path=path,
        text=text,
        author_id=user_id,
        created_at=timezone.now(),
    )
    return _comment(Comment.objects.select_related("author").get(pk=c.pk))


def comments(document_id: int) -> list[CommentRow]:
    """A document's comments, oldest first."""
    return [_comment(c) for c in Comment.objects.filter(document_id=document_id).select_related("author")]


def _comment(c: Comment) -> CommentRow:
    return CommentRow(c.pk, c.document_id, c.version, c.path, c.text, c.author.username, c.created_at)
