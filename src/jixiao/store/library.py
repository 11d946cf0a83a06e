"""Check profiles kept in the database."""

from __future__ import annotations

from jixiao.store.models import Profile


def profile(name: str) -> tuple[str, str] | None:
    """A stored profile's base and settings (TOML text), or None."""
    found = Profile.objects.filter(name=name).values_list("base", "settings").first()
    return (found[0], found[1]) if found else None


def profile_names() -> list[tuple[str, str]]:
    """Every stored profile: name and description."""
    return list(Profile.objects.values_list("name", "title"))
