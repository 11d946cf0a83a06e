"""Writing and reading the derived project and indicator rows of every document's current version."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Q

from jixiao.store.models import Document, DocumentVersion, IndexedIndicator, IndexedProject


def _text(value: object, limit: int) -> str:
    return ("" if value is None else str(value))[:limit]


def _number(value: object) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    # what the columns hold (20 and 24 digits); a wild number is left unindexed rather than refused
    return number if number.is_finite() and abs(number) < Decimal(10) ** 14 else None


def reindex(
    document_id: int, snapshot: dict[str, Any], using: str = "default", tables: tuple[Any, Any] | None = None
) -> None:
    """Replace a document's project and indicator rows by those of ``snapshot`` (its current JSON form).

    ``tables`` gives the two models to write (a migration passes its historical ones).
    """
    project_model, indicator_model = tables or (IndexedProject, IndexedIndicator)
    project_model.objects.using(using).filter(document_id=document_id).delete()
    projects = [p for p in snapshot.get("projects") or [] if isinstance(p, dict)]
    rows = project_model.objects.using(using).bulk_create(
        project_model(
            document_id=document_id,
            position=n,
            code=_text(p.get("code"), 64),
            name=_text(p.get("name"), 300),
            budget_total=_number(p.get("budget_total")),
            money_unit=_text(p.get("money_unit"), 8),
        )
        for n, p in enumerate(projects, start=1)
    )
    indicators = []
    for row, p in zip(rows, projects, strict=True):
        for n, i in enumerate(x for x in p.get("indicators") or [] if isinstance(x, dict)):
            found = i.get("value")
            value: dict[str, Any] = found if isinstance(found, dict) else {}
            indicators.append(
                indicator_model(
                    project=row,
                    position=n + 1,
                    level1=_text(i.get("level1"), 100),
                    level2=_text(i.get("level2"), 100),
                    level3=_text(i.get("level3"), 300),
                    description=_text(i.get("description"), 10_000),
                    value_raw=_text(value.get("raw"), 300),
                    kind=_text(value.get("kind"), 16),
                    operator=_text(value.get("operator"), 2),
                    number=_number(value.get("number")),
                    unit=_text(value.get("unit"), 32),
                    basis=_text(i.get("basis"), 10_000),
                )
            )
    indicator_model.objects.using(using).bulk_create(indicators)


def reindex_all(using: str = "default", tables: tuple[Any, Any, Any] | None = None) -> int:
    """Rebuild the rows of every document from its current version (after a restore); the count of documents.

    ``tables`` gives the version, project and indicator models (a migration passes its historical ones).
    """
    version_model, project_model, indicator_model = tables or (
        DocumentVersion,
        IndexedProject,
        IndexedIndicator,
    )
    count = 0
    current = version_model.objects.using(using).filter(is_current=True)
    for document_id, data in current.values_list("document_id", "snapshot"):
        reindex(document_id, data if isinstance(data, dict) else {}, using, (project_model, indicator_model))
        count += 1
    return count


def matching_documents(document_ids: list[int], text: str, limit: int = 5) -> dict[int, list[str]]:
    """Of these documents, those whose project names or indicators contain ``text``, with where it was found."""
    found: dict[int, list[str]] = {}
    projects = IndexedProject.objects.filter(document_id__in=document_ids, name__contains=text)
    for document_id, position, name in projects.values_list("document_id", "position", "name"):
        found.setdefault(document_id, []).append(f"项目 {position}：{name}")
    indicators = IndexedIndicator.objects.filter(
        Q(level3__contains=text) | Q(description__contains=text) | Q(value_raw__contains=text),
        project__document_id__in=document_ids,
    ).order_by("project__document_id", "project__position", "position")
    for document_id, position, level3, raw in indicators.values_list(
        "project__document_id", "project__position", "level3", "value_raw"
    ):
        found.setdefault(document_id, []).append(f"项目 {position} 指标：{level3} {raw}")
    return {d: places[:limit] for d, places in found.items()}


def indexed_documents() -> set[int]:
    """The documents that have rows (tests and maintenance)."""
    return set(
        Document.objects.filter(indexed_projects__isnull=False).values_list("id", flat=True).distinct()
    )
