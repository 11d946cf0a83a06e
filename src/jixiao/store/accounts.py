"""Accounts, grants, API tokens, regions and units: the reads and writes the service needs."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from jixiao.store.models import ApiToken, Grant, Region, Unit, User
from jixiao.store.records import GrantRow, UserRow


class InvalidInput(ValueError):
    """Input the store refuses, with the Chinese messages why."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("；".join(messages))
        self.messages = messages


def user(user_id: int) -> UserRow | None:
    """An account with its grants, or None."""
    u = User.objects.filter(pk=user_id).prefetch_related("grants__unit", "grants__region").first()
    return _user(u) if u is not None else None


def user_by_name(username: str) -> UserRow | None:
    """An account by its user name, or None."""
    u = User.objects.filter(username=username).prefetch_related("grants__unit", "grants__region").first()
    return _user(u) if u is not None else None


def _user(u: User) -> UserRow:
    grants = tuple(
        GrantRow(g.role, g.unit.code if g.unit else None, g.region.code if g.region else None)
        for g in u.grants.all()
    )
    return UserRow(u.pk, u.username, u.display_name, u.is_active, grants)


def user_count() -> int:
    """How many accounts exist."""
    return User.objects.count()


def create_user(
    username: str,
    password: str,
    role: str,
    unit_code: str | None = None,
    region_code: str | None = None,
    display_name: str = "",
) -> UserRow:
    """A new account with one grant; the password must pass the validators. Raises InvalidInput."""
    if User.objects.filter(username=username).exists():
        raise InvalidInput([f"账号“{username}”已存在。"])
    candidate = User(username=username, display_name=display_name)
    try:
        validate_password(password, candidate)
    except ValidationError as exc:
        raise InvalidInput([str(m) for m in exc.messages]) from None
    unit = region = None
    if role == "drafter":
        unit = Unit.objects.filter(code=unit_code or "").first()
        if unit is None:
            raise InvalidInput([f"没有单位代码为“{unit_code}”的单位。"])
    elif role == "reviewer":
        region = Region.objects.filter(code=region_code or "").first()
        if region is None:
            raise InvalidInput([f"没有区划代码为“{region_code}”的财政区划。"])
    candidate.set_password(password)
    candidate.is_staff = role == "admin"
    candidate.is_superuser = role == "admin"
    candidate.save()
    Grant.objects.create(user=candidate, role=role, unit=unit, region=region)
    found = user(candidate.pk)
    assert found is not None
    return found


def create_region(code: str, name: str, parent_code: str | None = None) -> None:
    """A new region (财政区划). Raises InvalidInput."""
    if Region.objects.filter(code=code).exists():
        raise InvalidInput([f"区划代码“{code}”已存在。"])
    parent = None
    if parent_code:
        parent = Region.objects.filter(code=parent_code).first()
        if parent is None:
            raise InvalidInput([f"没有区划代码为“{parent_code}”的上级区划。"])
    Region.objects.create(code=code, name=name, parent=parent)


def region_exists(code: str) -> bool:
    """True when the region exists."""
    return Region.objects.filter(code=code).exists()


def create_unit(code: str, name: str, region_code: str, parent_code: str | None = None) -> None:
    """A new unit in a region. Raises InvalidInput."""
    if Unit.objects.filter(code=code).exists():
        raise InvalidInput([f"单位代码“{code}”已存在。"])
    region = Region.objects.filter(code=region_code).first()
    if region is None:
        raise InvalidInput([f"没有区划代码为“{region_code}”的财政区划。"])
    parent = None
    if parent_code:
        parent = Unit.objects.filter(code=parent_code).first()
        if parent is None:
            raise InvalidInput([f"没有单位代码为“{parent_code}”的主管部门。"])
    Unit.objects.create(code=code, name=name, region=region, parent=parent)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(user_id: int, name: str) -> str:
    """A new API token for the user; returns the token, which is not stored and cannot be shown again."""
    token = "jx_" + secrets.token_urlsafe(32)
    ApiToken.objects.create(user_id=user_id, name=name, digest=_digest(token), prefix=token[:8])
    return token


def user_for_token(token: str) -> int | None:
    """The active account a token belongs to, or None."""
    found = (
        ApiToken.objects.filter(digest=_digest(token), user__is_active=True)
        .values_list("user_id", flat=True)
        .first()
    )
    return int(found) if found is not None else None


def tokens_of(user_id: int) -> list[tuple[int, str, str, datetime]]:
    """An account's tokens: id, name, the first characters and when it was made (never the token)."""
    rows = (
        ApiToken.objects.filter(user_id=user_id)
        .order_by("id")
        .values_list("id", "name", "prefix", "created_at")
    )
    return [(int(i), str(n), str(p), c) for i, n, p, c in rows]


def revoke_token(user_id: int, token_id: int) -> str | None:
    """Delete one of the account's tokens; its name, or None when the account has no such token."""
    token = ApiToken.objects.filter(user_id=user_id, pk=token_id).first()
    if token is None:
        return None
    token.delete()
    return token.name
