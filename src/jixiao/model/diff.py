"""The difference between two JSON forms of a document (two saved versions): a list of changed paths. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    """One changed value: its path in the JSON form (``projects[0].indicators[2].value.raw``), old and new."""

    path: str
    old: Any
    new: Any

    @property
    def kind(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed"


def diff_forms(old: Any, new: Any, path: str = "") -> list[Change]:
    """Every leaf that differs between two JSON values; lists compare item by item, dicts key by key."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[Change] = []
        for key in [*old, *(k for k in new if k not in old)]:
            out.extend(diff_forms(old.get(key), new.get(key), f"{path}.{key}" if path else str(key)))
        return out
    if isinstance(old, list) and isinstance(new, list):
        out = []
        for i in range(max(len(old), len(new))):
            a = old[i] if i < len(old) else None
            b = new[i] if i < len(new) else None
            out.extend(diff_forms(a, b, f"{path}[{i}]"))
        return out
    return [] if old == new else [Change(path, old, new)]
