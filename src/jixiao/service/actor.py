"""Who is acting: an account's role and scope at the moment of a request, or the anonymous visitor."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Role = Literal["anonymous", "public", "drafter", "reviewer", "admin"]
ROLES: tuple[Role, ...] = ("anonymous", "public", "drafter", "reviewer", "admin")
ROLE_LABELS: dict[str, str] = {
    "anonymous": "访客",
    "public": "公众",
    "drafter": "编制人",
    "reviewer": "审核人",
    "admin": "管理员",
}


@dataclass(frozen=True)
class Actor:
    """The account acting (None when anonymous), its role, its unit or region, and the request it came in."""

    user_id: int | None
    role: Role
    unit_code: str | None = None
    region_code: str | None = None
    username: str = ""
    request_id: str = ""
    ip: str | None = None

    @property
    def scope(self) -> str:
        """The scope as the audit log keeps it: ``unit:711001``, ``region:130529`` or empty."""
        if self.unit_code:
            return f"unit:{self.unit_code}"
        if self.region_code:
            return f"region:{self.region_code}"
        return ""

    @property
    def is_authenticated(self) -> bool:
        """True for an account, False for the anonymous visitor."""
        return self.user_id is not None

    def in_request(self, request_id: str, ip: str | None) -> Actor:
        """The same actor, tagged with a request's id and address for the audit log."""
        return replace(self, request_id=request_id, ip=ip)


ANONYMOUS = Actor(None, "anonymous")
SYSTEM = Actor(None, "admin", username="system")
