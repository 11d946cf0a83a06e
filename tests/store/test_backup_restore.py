"""Backup → restore into an empty database → every document, version, comment and audit entry equal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.service import backup, workflow
from jixiao.service.actor import SYSTEM
from jixiao.service.errors import Forbidden, ValidationFailed
from jixiao.service.targets import get_document, history
from jixiao.store import backup as store_backup
from tests.web.conftest import Cast, advance

pytestmark = pytest.mark.django_db(databases=["default", "restore"])


def test_restore_into_an_empty_database_gives_everything_back(cast: Cast, tmp_path: Path) -> None:
    advance(cast, "A", "published")
    advance(cast, "B", "submitted")
    b = get_document(SYSTEM, cast.docs["B"]).row
    workflow.return_for_revision(
        cast["reviewer_r"].actor, b.id, b.version, "请修改", [("projects[1].indicators[0]", "依据不足")]
    )
    archive_file = tmp_path / "backup.json"

    written = backup.backup(SYSTEM, archive_file)
    assert backup.counts("restore") == dict.fromkeys(written, 0)
    restored = backup.restore(SYSTEM, backup.read_archive(archive_file), using="restore")

    assert restored == written == backup.counts("default") == backup.counts("restore")
    assert written["store.auditentry"] > 10
    assert (written["store.documentversion"], written["store.comment"]) == (3 + 3 + 2, 1)
    saved, back = store_backup.dump("default"), store_backup.dump("restore")
    for table, rows in saved["tables"].items():  # table by table, so a difference names its table
        assert back["tables"][table] == rows, table
    assert back == saved
    assert store_backup.dump("restore") == json.loads(archive_file.read_text(encoding="utf-8"))


def test_restore_refuses_a_database_that_is_not_empty(cast: Cast, tmp_path: Path) -> None:
    archive = store_backup.dump()
    with pytest.raises(ValidationFailed, match="不是空的"):
        backup.restore(SYSTEM, archive)
    assert [v.number for v in history(cast["drafter_a"].actor, cast.docs["A"])] == [1]


def test_restore_refuses_what_is_not_an_archive(tmp_path: Path) -> None:
    with pytest.raises(ValidationFailed, match="不是 jixiao 的备份文件"):
        backup.restore(SYSTEM, {"format": "other"}, using="restore")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ValidationFailed, match="无法读取备份文件"):
        backup.read_archive(bad)


def test_only_an_admin_backs_up(cast: Cast, tmp_path: Path) -> None:
    with pytest.raises(Forbidden):
        backup.backup(cast["reviewer_r"].actor, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


def test_times_keep_their_microseconds(cast: Cast, tmp_path: Path) -> None:
    """Django's JSON encoder cuts times to milliseconds; 13:41:38.000412 must come back as it was saved."""
    import datetime

    from jixiao.store.models import Document

    exact = datetime.datetime(2026, 11, 24, 13, 41, 38, 412, tzinfo=datetime.UTC)
    Document.objects.filter(pk=cast.docs["A"]).update(updated_at=exact)
    archive = store_backup.dump()
    rows = {row["pk"]: row for row in archive["tables"]["store.document"]}
    assert rows[cast.docs["A"]]["fields"]["updated_at"] == "2026-11-24T13:41:38.000412Z"
    backup.restore(SYSTEM, archive, using="restore")
    assert Document.objects.using("restore").get(pk=cast.docs["A"]).updated_at == exact
    assert store_backup.dump("restore")["tables"]["store.document"] == archive["tables"]["store.document"]
