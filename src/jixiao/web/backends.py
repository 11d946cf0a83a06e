"""Login throttling: after too many failures for a user name or an address, logins are refused for a while."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest


def _keys(request: HttpRequest | None, username: str | None) -> list[str]:
    name = hashlib.sha256((username or "").lower().encode("utf-8")).hexdigest()[:32]
    keys = [f"jixiao:login-fail:user:{name}"]
    ip = request.META.get("REMOTE_ADDR") if request is not None else None
    if ip:
        keys.append(f"jixiao:login-fail:ip:{ip}")
    return keys


class ThrottledModelBackend(ModelBackend):
    """Django's user/password check, refused after ``LOGIN_FAILURE_LIMIT`` failures in the window."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """The user, or None; PermissionDenied (no other backend tried) while throttled."""
        keys = _keys(request, username)
        limit = int(getattr(settings, "LOGIN_FAILURE_LIMIT", 5))
        window = int(getattr(settings, "LOGIN_FAILURE_WINDOW", 900))
        if any(int(cache.get(k, 0)) >= limit for k in keys):
            raise PermissionDenied("登录失败次数过多，请稍后再试。")
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            for k in keys:
                cache.add(k, 0, window)
                cache.incr(k)
        else:
            cache.delete(keys[0])
        return user
