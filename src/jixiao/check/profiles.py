"""Profiles: the shipped TOML files, a file given by path, and ``jixiao.toml`` in the working directory."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from jixiao.rules.profile import Profile, ProfileError

SHIPPED = ("default", "hebei-county", "central-2021")
PROJECT_FILE = "jixiao.toml"


def shipped_profile_text(name: str) -> str:
    """The TOML text of a profile shipped with jixiao."""
    return files("jixiao.check").joinpath("profiles", f"{name}.toml").read_text(encoding="utf-8")


def _table(name: str) -> tuple[dict[str, Any], str]:
    path = Path(name)
    try:
        if name in SHIPPED:
            text, where = shipped_profile_text(name), f"配置“{name}”："
        elif path.suffix == ".toml" and path.is_file():
            text, where = path.read_text(encoding="utf-8"), f"{path}："
        else:
            raise ProfileError(
                f"没有名为“{name}”的配置。可用：{'、'.join(SHIPPED)}，或一个 .toml 文件的路径。"
            )
        return tomllib.loads(text), where
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{name}：TOML 格式错误（{exc}）。") from None
    except OSError as exc:
        raise ProfileError(f"{name}：无法读取（{exc.strerror or exc}）。") from None


def load_profile(name: str = "default", _seen: Sequence[str] = ()) -> Profile:
    """A shipped profile by name, or a TOML file by path, with its ``extends`` chain applied."""
    if name in _seen:
        raise ProfileError(f"配置“{name}”的 extends 形成了循环。")
    if name not in SHIPPED and (by_form := profile_for_form(name, name)) is not None:
        name = by_form  # a form's id (hebei-county, central-2021 …) or a province (河北) names its profile
    table, where = _table(name)
    base_name = table.get("extends")
    if base_name and str(base_name) not in SHIPPED and name not in SHIPPED:
        # a file extends a name relative to its own folder: extends = "mine" → ./mine.toml
        relative = Path(name).parent / str(base_name)
        base_name = str(relative if relative.suffix == ".toml" else relative.with_suffix(".toml"))
    base = load_profile(str(base_name), (*_seen, name)) if base_name else Profile()
    label = name if name in SHIPPED else Path(name).stem
    return base.merged({"name": label, **table}, where)


@cache
def _shipped(name: str) -> Profile:
    return load_profile(name)


def profile_for_form(form_id: str | None, province: str | None) -> str | None:
    """The shipped profile made for a form (by its id, else its province), or None."""
    for name in SHIPPED:
        profile = _shipped(name)
        if form_id is not None and form_id in profile.forms:
            return name
    for name in SHIPPED:
        if province is not None and province in _shipped(name).provinces:
            return name
    return None


def for_document(profile: Profile, form_id: str | None, province: str | None) -> Profile:
    """The profile to check a document with: the one its form calls for when the user named none."""
    if not profile.by_form:
        return profile
    name = profile_for_form(form_id, province)
    if name is None or name == profile.name:
        return profile
    return _shipped(name).merged({"select": list(profile.select), "ignore": list(profile.ignore)})


def project_settings(directory: Path | None = None) -> Mapping[str, Any]:
    """The ``[check]`` table of ``jixiao.toml`` in a directory (the working one by default), or {}."""
    path = (directory or Path.cwd()) / PROJECT_FILE
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise ProfileError(f"{path}：无法读取（{exc}）。") from None
    table = data.get("check", {})
    if not isinstance(table, dict):
        raise ProfileError(f"{path}：[check] 应为一个表。")
    return table


def resolve_profile(
    name: str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    directory: Path | None = None,
) -> Profile:
    """The profile to use: --profile, else jixiao.toml's, else default; jixiao.toml's settings, then the options.

    When nothing names a profile and jixiao.toml changes nothing, the profile is marked ``by_form``: a document
    read from a form a shipped profile is for (the Hebei form, a central form …) is checked with that profile.
    """
    settings = dict(project_settings(directory))
    chosen = name or settings.pop("profile", None) or "default"
    settings.pop("profile", None)
    profile = load_profile(str(chosen))
    if name is None and chosen == "default" and not settings:
        profile = replace(profile, by_form=True)
    if settings:
        profile = profile.merged(settings, f"{PROJECT_FILE}：")
    if select:
        profile = profile.merged({"select": list(select)})
    if ignore:
        profile = profile.merged({"ignore": [*profile.ignore, *ignore]})
    return profile
