"""Who calls the API: an API token (``Authorization: Bearer …``), a session (with CSRF), or the anonymous visitor.

Every operation receives the :class:`~jixiao.service.actor.Actor` as ``request.auth``; the service decides.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from jixiao.service.accounts import actor_for, actor_for_token
from jixiao.service.actor import ANONYMOUS, Actor
from jixiao.service.errors import NotAuthenticated


def _tagged(request: HttpRequest, actor: Actor) -> Actor:
    return actor.in_request(str(request.META.get("JIXIAO_REQUEST_ID", "")), request.META.get("REMOTE_ADDR"))


class TokenAuth(HttpBearer):
    """An API token for scripts; no CSRF (no cookie is involved)."""

    openapi_scheme = "bearer"

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        """The token's actor; an unknown token is refused rather than treated as anonymous."""
        actor = actor_for_token(token)
        if actor is None:
            raise NotAuthenticated("API 令牌无效或已被撤销。")
        return _tagged(request, actor)


class SessionActor(APIKeyCookie):
    """The logged-in session; unsafe methods must carry the CSRF token."""

    param_name = "sessionid"

    def __init__(self) -> None:
        super().__init__(csrf=False)

    def authenticate(self, request: HttpRequest, key: str | None) -> Actor | None:
        """The session's actor, CSRF checked for unsafe methods."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.method not in {"GET", "HEAD", "OPTIONS", "TRACE"} and check_csrf(request):
            raise HttpError(403, "CSRF check failed")
        return _tagged(request, actor_for(user.pk))


def anonymous(request: HttpRequest) -> Actor:
    """Everyone else: the anonymous visitor, who sees published documents only."""
    return _tagged(request, ANONYMOUS)


AUTH: list[Any] = [TokenAuth(), SessionActor(), anonymous]


def actor(request: HttpRequest) -> Actor:
    """The actor of a request the API authenticated."""
    found = getattr(request, "auth", None)
    return found if isinstance(found, Actor) else ANONYMOUS
