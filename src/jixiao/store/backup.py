"""A portable JSON archive of the whole database, and restoring it into an empty database.

The archive holds every row of jixiao's tables (regions, units, accounts with their password hashes, grants,
tokens' digests, documents, every version, comments, tracking records and the audit log) with their ids, so a
restore gives back exactly what was saved, on SQLite or PostgreSQL. Keep archives as safe as the database.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from jixiao.store.index import reindex_all
from jixiao.store.models import (
    ApiToken,
    AuditEntry,
    Comment,
    Document,
    DocumentVersion,
    Grant,
    Profile,
    Region,
    TrackingRecord,
    Unit,
    User,
)

FORMAT = "jixiao.backup"
SCHEMA_VERSION = 1
# in an order that satisfies every foreign key
MODELS: tuple[Any, ...] = (
    Profile,
    Region,
    Unit,
    User,
    Grant,
    ApiToken,
    Document,
    DocumentVersion,
    Comment,
    TrackingRecord,
    AuditEntry,
)


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds: it cuts them to milliseconds, so a restored
    database would differ from the saved one in every timestamp with sub-millisecond digits."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class RestoreRefused(ValueError):
    """The archive cannot be restored here; the message says why (Chinese)."""


def _migrations(using: str) -> list[str]:
    recorder = MigrationRecorder(connections[using])
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations() if app == "store")


def dump(using: str = "default") -> dict[str, Any]:
    """Every row of jixiao's tables as a JSON-ready archive."""
    tables: dict[str, list[Any]] = {}
    for model in MODELS:
        rows = model._base_manager.using(using).order_by("pk")
        tables[model._meta.label_lower] = json.loads(serializers.serialize("json", rows, cls=_ExactEncoder))
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "migrations": _migrations(using),
        "tables": tables,
    }


def counts(using: str = "default") -> dict[str, int]:
    """How many rows each table holds."""
    return {m._meta.label_lower: m._base_manager.using(using).count() for m in MODELS}


def load(archive: dict[str, Any], using: str = "default") -> dict[str, int]:
    """Restore an archive into an empty database (after migrate); returns the rows restored per table."""
    if not isinstance(archive, dict) or archive.get("format") != FORMAT:
        raise RestoreRefused("这不是 jixiao 的备份文件。")
    if archive.get("schema_version") != SCHEMA_VERSION:
        raise RestoreRefused(
            f"备份文件版本 {archive.get('schema_version')} 不受支持（应为 {SCHEMA_VERSION}）。"
        )
    missing = sorted(set(archive.get("migrations", [])) - set(_migrations(using)))
    if missing:
        raise RestoreRefused(f"数据库结构比备份旧，请先运行 jixiao db upgrade（缺少 {', '.join(missing)}）。")
    if any(counts(using).values()):
        raise RestoreRefused("目标数据库不是空的：只能恢复到空数据库。")
    tables = archive.get("tables", {})
    restored: dict[str, int] = {}
    connection = connections[using]
    with transaction.atomic(using=using), connection.constraint_checks_disabled():
        for model in MODELS:
            label = model._meta.label_lower
            rows = tables.get(label, [])
            for obj in serializers.deserialize("json", json.dumps(rows), using=using):
                obj.save(using=using)
            restored[label] = len(rows)
        connection.check_constraints()
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), list(MODELS)):
                cursor.execute(sql)
        reindex_all(using)  # the project and indicator rows are derived, not archived
    return restored
