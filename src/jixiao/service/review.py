"""Review comments on a document, a project or an indicator, and a document's audit trail."""

from __future__ import annotations

import re
from typing import Any

from jixiao.service.access import load, record, require_login
from jixiao.service.actor import Actor
from jixiao.service.errors import ValidationFailed
from jixiao.store import audit as store_audit
from jixiao.store import documents as store_documents
from jixiao.store import uow
from jixiao.store.records import AuditRow, CommentRow

PATH = re.compile(r"^(projects\[(\d+)\](\.indicators\[(\d+)\])?)?$")
MAX_COMMENT = 5000


def check_path(snapshot: dict[str, Any], path: str) -> None:
    """Raise ValidationFailed unless ``path`` names the document (``""``), a project or an indicator in it."""
    match = PATH.match(path)
    projects = snapshot.get("projects", [])
    if match is None:
        raise ValidationFailed(
            f"意见位置“{path}”格式不正确，应为 projects[0] 或 projects[0].indicators[1]。", {"path": path}
        )
    if match.group(2) is not None:
        p = int(match.group(2))
        if p >= len(projects):
            raise ValidationFailed(f"意见位置“{path}”：没有第 {p + 1} 个项目。", {"path": path})
        if match.group(4) is not None and int(match.group(4)) >= len(projects[p].get("indicators", [])):
            raise ValidationFailed(f"意见位置“{path}”：项目中没有该指标。", {"path": path})


def add_comment(actor: Actor, document_id: int, path: str, text: str) -> CommentRow:
    """A comment on the current version, by a reviewer of its region or a drafter of its unit."""
    require_login(actor)
    row = load(actor, document_id, "document:comment")
    text = text.strip()
    if not text or len(text) > MAX_COMMENT:
        raise ValidationFailed(f"意见不能为空，也不能超过 {MAX_COMMENT} 字。", {"field": "text"})
    check_path(store_documents.snapshot(document_id) or {}, path)
    assert actor.user_id is not None
    with uow.atomic():
        comment = store_documents.add_comment(document_id, row.version, path, text, actor.user_id)
        record(
            actor,
            "jixiao.comment.added",
            "comment",
            comment.id,
            document_id=document_id,
            before=row.version,
            after=row.version,
            data={"path": path, "text": text},
        )
    return comment


def comments(actor: Actor, document_id: int) -> list[CommentRow]:
    """A document's comments, for those who may see its history."""
    load(actor, document_id, "document:history")
    return store_documents.comments(document_id)


def audit_trail(actor: Actor, document_id: int) -> list[AuditRow]:
    """Every audited write on a document, oldest first."""
    load(actor, document_id, "document:history")
    return store_audit.entries(document_id)
