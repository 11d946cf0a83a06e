"""Two writers at once, each in its own connection and transaction, from the same version: one wins.

Both threads read version 1, meet at a barrier, then save in a transaction each; the database lets exactly one
conditional UPDATE match (on SQLite the second transaction waits for the first, then finds version 2). No audit rows are written here, so the transactional test
can empty its tables afterwards (the audit table refuses DELETE).
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, transaction

from jixiao.store import accounts as store_accounts
from jixiao.store import documents as store_documents
from jixiao.store.mapping import document_snapshot
from jixiao.store.records import StaleWrite
from tests.web.conftest import example_document

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_concurrent_saves_from_one_version() -> None:
    store_accounts.create_region("R", "区域 R")
    store_accounts.create_unit("A", "单位 A", "R")
    doc = example_document()
    data, digest = document_snapshot(doc)
    row = store_documents.create("A", 2024, doc.title, data, digest, None, "imported")
    barrier = threading.Barrier(2, timeout=20)
    outcomes: dict[str, Any] = {}

    def save(title: str) -> None:
        try:
            mine = {**data, "title": title}
            read = store_documents.get(row.id)  # each editor has read version 1 ...
            assert read is not None and read.version == 1
            barrier.wait()  # ... and both save at once
            with transaction.atomic():
                outcomes[title] = store_documents.write(
                    row.id,
                    read.version,
                    user_id=None,
                    action="edited",
                    status="draft",
                    snapshot=(mine, digest),
                ).version
        except StaleWrite as exc:
            outcomes[title] = f"stale at {exc.current_version}"
        except Exception as exc:
            outcomes[title] = repr(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(t,)) for t in ("第一位", "第二位")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(map(str, outcomes.values())) == ["2", "stale at 2"], outcomes
    winner = next(t for t, v in outcomes.items() if v == 2)
    assert store_documents.snapshot(row.id)["title"] == winner  # type: ignore[index]
    assert [v.number for v in store_documents.versions(row.id)] == [1, 2]
