"""The demo of a first start: the example's region and unit, demo accounts, and the example as the unit's draft."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from jixiao.service import accounts, targets
from jixiao.service.actor import SYSTEM

REGION = ("130529", "巨鹿县")
UNIT = ("711001", "巨鹿县总工会")


@dataclass(frozen=True)
class DemoAccount:
    """A demo account and its password (shown once)."""

    username: str
    role: str
    password: str
    what: str


def seed(example: bytes, name: str) -> tuple[list[DemoAccount], int]:
    """Create the demo world; returns the accounts with their passwords and the example document's id."""
    accounts.create_unit(SYSTEM, UNIT[0], UNIT[1], REGION[0], region_name=REGION[1])
    made = []
    for username, role, unit, region, what in [
        ("drafter", "drafter", UNIT[0], None, f"编制人（{UNIT[1]}）"),
        ("reviewer", "reviewer", None, REGION[0], f"审核人（{REGION[1]}财政局）"),
        ("admin", "admin", None, None, "管理员"),
    ]:
        password = secrets.token_urlsafe(12)
        accounts.create_user(SYSTEM, username, password, role, unit, region)
        made.append(DemoAccount(username, role, password, what))
    drafter = accounts.actor_for(accounts.user_id_by_name("drafter"))
    view = targets.import_document(drafter, UNIT[0], example, name)
    return made, view.row.id
