"""The context every page gets: who is logged in, with the role's Chinese name, for the account menu."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from jixiao.service.actor import ROLE_LABELS
from jixiao.web.htmx import actor_of


def jixiao(request: HttpRequest) -> dict[str, Any]:
    """``actor`` and ``role_label`` for the header and the navigation."""
    actor = actor_of(request)
    return {"actor": actor, "role_label": ROLE_LABELS.get(actor.role, actor.role)}
