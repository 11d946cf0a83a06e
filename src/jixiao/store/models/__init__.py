"""Every table of jixiao."""

from jixiao.store.models.accounts import ROLE_LABELS, ROLES, ApiToken, Grant, User
from jixiao.store.models.audit import AuditEntry
from jixiao.store.models.documents import Comment, Document, DocumentVersion
from jixiao.store.models.index import IndexedIndicator, IndexedProject
from jixiao.store.models.library import Profile
from jixiao.store.models.org import Region, Unit
from jixiao.store.models.tracking import TrackingRecord

__all__ = [
    "ROLES",
    "ROLE_LABELS",
    "ApiToken",
    "AuditEntry",
    "Comment",
    "Document",
    "DocumentVersion",
    "Grant",
    "IndexedIndicator",
    "IndexedProject",
    "Profile",
    "Region",
    "TrackingRecord",
    "Unit",
    "User",
]
