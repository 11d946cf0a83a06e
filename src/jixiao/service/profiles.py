"""Check profiles: the shipped ones and those a region keeps in the database (a base and TOML settings)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from jixiao.check.profiles import SHIPPED, load_profile
from jixiao.rules.profile import Profile, ProfileError
from jixiao.service.errors import ValidationFailed
from jixiao.store import library as store_library


@dataclass(frozen=True)
class ProfileInfo:
    """A profile one can name: its name, where it comes from, and its description."""

    name: str
    shipped: bool
    title: str


def build(name: str, base: str, settings: str) -> Profile:
    """A profile from a shipped base and TOML settings; ValidationFailed with the Chinese reason."""
    try:
        table = tomllib.loads(settings)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationFailed(f"配置“{name}”的设置不是有效的 TOML：{exc}。", {"profile": name}) from None
    table = dict(table.get("check", table))
    try:
        return load_profile(base).merged({**table, "name": name}, f"配置“{name}”：")
    except ProfileError as exc:
        raise ValidationFailed(str(exc), {"profile": name}) from None


def resolve(name: str) -> Profile:
    """The profile of a name: shipped, else stored; ValidationFailed for an unknown one."""
    if name in SHIPPED:
        return load_profile(name)
    stored = store_library.profile(name)
    if stored is None:
        known = [p.name for p in available()]
        raise ValidationFailed(
            f"没有名为“{name}”的配置。可用：{'、'.join(known)}。", {"profile": name, "known": known}
        )
    return build(name, *stored)


def available() -> list[ProfileInfo]:
    """Every profile one can name: the shipped ones, then the stored ones."""
    return [ProfileInfo(n, True, "jixiao 自带") for n in SHIPPED] + [
        ProfileInfo(n, False, t) for n, t in store_library.profile_names()
    ]
