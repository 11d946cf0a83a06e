"""What the store hands to the service: frozen plain records, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


class StaleWrite(Exception):
    """A conditional write found the row at another version than expected."""

    def __init__(self, current_version: int | None) -> None:
        super().__init__(f"current version {current_version}")
        self.current_version = current_version


@dataclass(frozen=True)
class ScopeClause:
    """Documents of a unit, or of the units of a region and the regions under it, in some statuses.

    None means "any" for each field; a clause with all three None matches every document.
    """

    unit_code: str | None = None
    region_code: str | None = None
    statuses: frozenset[str] | None = None


@dataclass(frozen=True)
class DocumentFilter:
    """The user's filters on a document list."""

    unit_code: str | None = None
    region_code: str | None = None
    fiscal_year: int | None = None
    status: str | None = None


@dataclass(frozen=True)
class DocumentRow:
    """A document's header: everything but its content."""

    id: int
    unit_code: str
    unit_name: str
    region_code: str
    fiscal_year: int | None
    title: str
    status: str
    version: int
    grade: str
    approved_version: int | None
    locked_at: datetime | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class VersionRow:
    """One saved state of a document (without its content)."""

    number: int
    status: str
    action: str
    checksum: str
    reason: str
    created_by: str | None
    created_at: datetime
    is_current: bool


@dataclass(frozen=True)
class CommentRow:
    """A review comment."""

    id: int
    document_id: int
    version: int
    path: str
    text: str
    author: str
    created_at: datetime


@dataclass(frozen=True)
class TrackingRow:
    """A monitoring report or self-evaluation with its JSON snapshot."""

    id: int
    document_id: int
    kind: str
    month: int | None
    based_on_version: int
    version: int
    snapshot: dict[str, Any]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class AuditRow:
    """One audit entry."""

    id: int
    at: datetime
    actor: str | None
    actor_role: str
    actor_scope: str
    action: str
    subject_type: str
    subject_id: str
    document_id: int | None
    version_before: int | None
    version_after: int | None
    data: dict[str, Any]
    request_id: str


@dataclass(frozen=True)
class GrantRow:
    """A user's grant: role and scope."""

    role: str
    unit_code: str | None
    region_code: str | None


@dataclass(frozen=True)
class UserRow:
    """An account with its grants."""

    id: int
    username: str
    display_name: str
    is_active: bool
    grants: tuple[GrantRow, ...]
