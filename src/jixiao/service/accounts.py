"""Accounts and organisation: the actor of a user, creating users, regions, units and API tokens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from jixiao.service.access import record
from jixiao.service.actor import ANONYMOUS, ROLES, Actor, Role
from jixiao.service.errors import Forbidden, ValidationFailed
from jixiao.store import accounts as store_accounts
from jixiao.store import uow
from jixiao.store.records import UserRow

# when an account holds several grants, the strongest one acts
_PRIORITY: dict[str, int] = {"admin": 0, "reviewer": 1, "drafter": 2, "public": 3}


@dataclass(frozen=True)
class Profile:
    """The acting account as it sees itself."""

    username: str
    display_name: str
    role: Role
    unit_code: str | None
    region_code: str | None


def actor_for(user_id: int | None) -> Actor:
    """The actor of an account (its strongest grant); the anonymous visitor for None or an inactive account."""
    if user_id is None:
        return ANONYMOUS
    row = store_accounts.user(user_id)
    if row is None or not row.is_active:
        return ANONYMOUS
    return _actor(row)


def _actor(row: UserRow) -> Actor:
    if not row.grants:
        return Actor(row.id, "public", username=row.username)
    grant = min(row.grants, key=lambda g: _PRIORITY.get(g.role, 9))
    role: Role = next((r for r in ROLES if r == grant.role), "public")
    return Actor(row.id, role, grant.unit_code, grant.region_code, username=row.username)


def user_id_by_name(username: str) -> int | None:
    """The id of an account by its user name, or None."""
    row = store_accounts.user_by_name(username)
    return row.id if row is not None else None


def actor_for_token(token: str) -> Actor | None:
    """The actor of an API token, or None when the token is unknown."""
    user_id = store_accounts.user_for_token(token)
    return actor_for(user_id) if user_id is not None else None


def profile(actor: Actor) -> Profile:
    """The acting account's own profile."""
    from jixiao.service.access import require_login

    require_login(actor)
    assert actor.user_id is not None
    row = store_accounts.user(actor.user_id)
    display = row.display_name if row else ""
    return Profile(actor.username, display, actor.role, actor.unit_code, actor.region_code)


def _manage(actor: Actor) -> None:
    if actor.role != "admin":
        raise Forbidden("只有管理员可以管理账号、单位和区划。")


def _invalid(exc: store_accounts.InvalidInput) -> ValidationFailed:
    return ValidationFailed("；".join(exc.messages), {"messages": exc.messages})


def create_user(
    actor: Actor,
    username: str,
    password: str,
    role: str,
    unit_code: str | None = None,
    region_code: str | None = None,
    display_name: str = "",
) -> UserRow:
    """A new account with its role and scope (drafter: a unit; reviewer: a region)."""
    _manage(actor)
    if role not in _PRIORITY:
        raise ValidationFailed(f"未知角色“{role}”，可选：{'、'.join(_PRIORITY)}。", {"role": role})
    with uow.atomic():
        try:
            row = store_accounts.create_user(username, password, role, unit_code, region_code, display_name)
        except store_accounts.InvalidInput as exc:
            raise _invalid(exc) from None
        record(
            actor,
            "jixiao.user.created",
            "user",
            row.id,
            data={"username": username, "role": role, "unit_code": unit_code, "region_code": region_code},
        )
    return row


def create_region(actor: Actor, code: str, name: str, parent_code: str | None = None) -> None:
    """A new 财政区划."""
    _manage(actor)
    with uow.atomic():
        try:
            store_accounts.create_region(code, name, parent_code)
        except store_accounts.InvalidInput as exc:
            raise _invalid(exc) from None
        record(actor, "jixiao.region.created", "region", code, data={"name": name, "parent": parent_code})


def create_unit(
    actor: Actor,
    code: str,
    name: str,
    region_code: str,
    parent_code: str | None = None,
    region_name: str = "",
) -> None:
    """A new 单位 in a region; with ``region_name`` the region is created first when it does not exist."""
    _manage(actor)
    with uow.atomic():
        if region_name and not store_accounts.region_exists(region_code):
            create_region(actor, region_code, region_name)
        try:
            store_accounts.create_unit(code, name, region_code, parent_code)
        except store_accounts.InvalidInput as exc:
            raise _invalid(exc) from None
        record(actor, "jixiao.unit.created", "unit", code, data={"name": name, "region": region_code})


def create_token(actor: Actor, name: str) -> str:
    """A new API token for the acting account; the token is returned once and never shown again."""
    from jixiao.service.access import require_login

    require_login(actor)
    assert actor.user_id is not None
    name = name.strip() or "token"
    with uow.atomic():
        token = store_accounts.create_token(actor.user_id, name[:100])
        record(actor, "jixiao.token.created", "user", actor.user_id, data={"name": name})
    return token


@dataclass(frozen=True)
class TokenInfo:
    """One of the acting account's API tokens, without the token itself."""

    id: int
    name: str
    prefix: str
    created_at: datetime


def list_tokens(actor: Actor) -> list[TokenInfo]:
    """The acting account's API tokens."""
    from jixiao.service.access import require_login

    require_login(actor)
    assert actor.user_id is not None
    return [TokenInfo(*t) for t in store_accounts.tokens_of(actor.user_id)]


def revoke_token(actor: Actor, token_id: int) -> None:
    """Revoke one of the acting account's API tokens at once; NotFound for any other id."""
    from jixiao.service.access import require_login
    from jixiao.service.errors import NotFound

    require_login(actor)
    assert actor.user_id is not None
    with uow.atomic():
        name = store_accounts.revoke_token(actor.user_id, token_id)
        if name is None:
            raise NotFound("没有找到该 API 令牌。", {"token_id": token_id})
        record(
            actor, "jixiao.token.revoked", "user", actor.user_id, data={"token_id": token_id, "name": name}
        )


def record_admin_change(
    actor: Actor, model: str, object_id: str, changed: list[str], *, deleted: bool = False
) -> None:
    """Audit a save or delete made in the admin site (called inside the admin's transaction)."""
    _manage(actor)
    action = "jixiao.admin.deleted" if deleted else "jixiao.admin.saved"
    record(actor, action, model, object_id, data={"changed": changed})
