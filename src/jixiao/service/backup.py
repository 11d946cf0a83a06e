"""Backing up the database to a portable JSON archive and restoring it into an empty database (operators only)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jixiao.service.actor import Actor
from jixiao.service.errors import Forbidden, ValidationFailed
from jixiao.store import backup as store_backup


def _operator(actor: Actor) -> None:
    if actor.role != "admin":
        raise Forbidden("只有管理员可以备份或恢复数据库。")


def backup(actor: Actor, path: Path, using: str = "default") -> dict[str, int]:
    """Write the archive to ``path`` (atomically); returns the rows per table."""
    _operator(actor)
    archive = store_backup.dump(using)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(archive, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return {table: len(rows) for table, rows in archive["tables"].items()}


def read_archive(path: Path) -> dict[str, Any]:
    """The archive in a file; ValidationFailed when it cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationFailed(f"无法读取备份文件：{exc}。", {"file": str(path)}) from None
    if not isinstance(data, dict):
        raise ValidationFailed("这不是 jixiao 的备份文件。", {"file": str(path)})
    return data


def restore(actor: Actor, archive: dict[str, Any], using: str = "default") -> dict[str, int]:
    """Restore an archive into an empty, migrated database; returns the rows per table."""
    _operator(actor)
    try:
        return store_backup.load(archive, using)
    except store_backup.RestoreRefused as exc:
        raise ValidationFailed(str(exc)) from None


def counts(using: str = "default") -> dict[str, int]:
    """Rows per table."""
    return store_backup.counts(using)


def is_empty(using: str = "default") -> bool:
    """True when the database holds no account and no document (a first start)."""
    return not any(store_backup.counts(using).values())
