"""The plain records the service returns, for callers that must not import the store (the web)."""

from jixiao.store.records import (
    AuditRow,
    CommentRow,
    DocumentFilter,
    DocumentRow,
    GrantRow,
    TrackingRow,
    UserRow,
    VersionRow,
)

__all__ = [
    "AuditRow",
    "CommentRow",
    "DocumentFilter",
    "DocumentRow",
    "GrantRow",
    "TrackingRow",
    "UserRow",
    "VersionRow",
]
