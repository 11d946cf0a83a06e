"""Audit entries are append-only in the database too: triggers abort any UPDATE or DELETE (SQLite, PostgreSQL)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER store_auditentry_no_update BEFORE UPDATE ON store_auditentry
       BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END""",
    """CREATE TRIGGER store_auditentry_no_delete BEFORE DELETE ON store_auditentry
       BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS store_auditentry_no_update",
    "DROP TRIGGER IF EXISTS store_auditentry_no_delete",
]
POSTGRESQL = [
    """CREATE OR REPLACE FUNCTION store_auditentry_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit entries are append-only'; END; $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER store_auditentry_append_only BEFORE UPDATE OR DELETE ON store_auditentry
       FOR EACH ROW EXECUTE FUNCTION store_auditentry_append_only()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER IF EXISTS store_auditentry_append_only ON store_auditentry",
    "DROP FUNCTION IF EXISTS store_auditentry_append_only()",
]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("store", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
