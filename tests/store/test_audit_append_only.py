"""Audit entries are append-only: the model, its manager and the database (triggers) all refuse changes."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from jixiao.store import audit
from jixiao.store.models import AuditEntry
from jixiao.store.models.audit import AppendOnlyError

pytestmark = pytest.mark.django_db


def _one() -> AuditEntry:
    audit.append(
        user_id=None,
        role="admin",
        scope="",
        action="jixiao.unit.created",
        subject_type="unit",
        subject_id="A",
        data={"password": "secret", "name": "单位 A"},
    )
    return AuditEntry.objects.get()


def test_secrets_are_masked() -> None:
    assert _one().data == {"password": "***", "name": "单位 A"}


def test_model_refuses_save_and_delete() -> None:
    entry = _one()
    entry.action = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_manager_refuses_bulk_update_and_delete() -> None:
    _one()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(subject_id="A").update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()


@pytest.mark.parametrize("sql", ["UPDATE store_auditentry SET action = 'x'", "DELETE FROM store_auditentry"])
def test_database_triggers_refuse_raw_sql(sql: str) -> None:
    _one()
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEntry.objects.values_list("action", flat=True).get() == "jixiao.unit.created"
