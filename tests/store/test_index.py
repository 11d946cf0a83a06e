"""The project and indicator rows of every current version: written with each save, rebuilt by a restore."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.model import parse_value
from jixiao.service import backup
from jixiao.service.actor import SYSTEM
from jixiao.service.pages import search_published
from jixiao.service.targets import get_document, update_document
from jixiao.store.models import IndexedIndicator, IndexedProject
from tests.web.conftest import Cast, advance

pytestmark = pytest.mark.django_db(databases=["default", "restore"])


def _rows(document_id: int, using: str = "default") -> list[tuple[int, str, str, str]]:
    rows = IndexedIndicator.objects.using(using).filter(project__document_id=document_id)
    return list(rows.values_list("project__position", "level2", "level3", "value_raw"))


def test_every_save_indexes_the_current_projects_and_indicators(cast: Cast) -> None:
    doc_id = cast.docs["A"]
    projects = IndexedProject.objects.filter(document_id=doc_id).order_by("position")
    assert projects.count() == 6 and projects[1].budget_total == Decimal("13.10")
    assert len(_rows(doc_id)) == 42 and _rows(doc_id)[0] == (1, "数量指标", "保障人数", "242 人数")
    first = IndexedIndicator.objects.get(project__document_id=doc_id, project__position=2, position=4)
    assert (first.operator, first.number, first.unit, first.kind) == (
        "≤",
        Decimal(7300),
        "元/年",
        "quantitative",
    )

    drafter = cast["drafter_a"].actor
    view = get_document(drafter, doc_id)
    project = view.document.projects[0]
    changed = replace(project.indicators[0], value=parse_value("≥250 人"))
    document = replace(
        view.document,
        projects=(
            replace(project, indicators=(changed, *project.indicators[1:])),
            *view.document.projects[1:],
        ),
    )
    update_document(drafter, doc_id, view.row.version, document)
    assert _rows(doc_id)[0] == (1, "数量指标", "保障人数", "≥250 人")
    assert IndexedIndicator.objects.filter(project__document_id=doc_id).count() == 42


def test_public_search_finds_indicators_in_the_database(cast: Cast) -> None:
    advance(cast, "A", "published")
    hits = search_published(cast["drafter_b"].actor, text="劳动模范")
    assert [(row.id, places[0]) for row, places in hits] == [
        (cast.docs["A"], "项目 3：全国、省部级、市级劳动模范荣誉津贴")
    ]
    assert search_published(cast["drafter_b"].actor, text="没有这个指标") == []


def test_a_restore_rebuilds_the_rows(cast: Cast, tmp_path: Path) -> None:
    archive_file = tmp_path / "backup.json"
    backup.backup(SYSTEM, archive_file)
    backup.restore(SYSTEM, backup.read_archive(archive_file), using="restore")
    for doc_id in cast.docs.values():
        assert _rows(doc_id, "restore") == _rows(doc_id)


def test_the_migration_backfills_documents_saved_before_it(cast: Cast) -> None:
    import importlib
    from types import SimpleNamespace

    from django.apps import apps

    migration = importlib.import_module("jixiao.store.migrations.0004_indexed_projects_indicators")
    IndexedProject.objects.all().delete()
    migration.backfill(apps, SimpleNamespace(connection=SimpleNamespace(alias="default")))
    assert {doc_id: len(_rows(doc_id)) for doc_id in cast.docs.values()} == dict.fromkeys(
        cast.docs.values(), 42
    )
