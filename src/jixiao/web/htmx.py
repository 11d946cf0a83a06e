"""The pages' one helper for htmx (WEB.md P9): who acts, whole page or named partial, and refusals in Chinese.

A view wrapped in :func:`page_view` receives the actor; a :class:`ServiceError` it lets through becomes the
error page with its HTTP status (403, 404, 409, 422), or, inside an htmx request, a message fragment swapped
into ``#messages``. An anonymous visitor who must log in is sent to the login page (``HX-Redirect`` for htmx).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any, Concatenate, ParamSpec
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django_htmx.http import HttpResponseClientRedirect

from jixiao.service.accounts import actor_for
from jixiao.service.actor import ANONYMOUS, Actor
from jixiao.service.errors import NotAuthenticated, ServiceError

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, Actor, P], HttpResponse]

STATUS_TITLES = {
    400: "请求有误",
    401: "请先登录",
    403: "没有权限",
    404: "没有找到",
    409: "操作冲突",
    422: "内容不符合要求",
}


def actor_of(request: HttpRequest) -> Actor:
    """The actor of a page request: the logged-in account's role and scope, or the anonymous visitor."""
    user = getattr(request, "user", None)
    found = actor_for(user.pk) if user is not None and user.is_authenticated else ANONYMOUS
    return found.in_request(str(request.META.get("JIXIAO_REQUEST_ID", "")), request.META.get("REMOTE_ADDR"))


def is_htmx(request: HttpRequest) -> bool:
    """True when htmx made the request (and wants a fragment)."""
    return bool(getattr(request, "htmx", False))


def render_page(
    request: HttpRequest,
    template: str,
    context: Mapping[str, Any],
    partial: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """The whole page, or its named partial (``template#partial``) when htmx asks."""
    name = f"{template}#{partial}" if partial and is_htmx(request) else template
    return render(request, name, dict(context), status=status)


def login_redirect(request: HttpRequest) -> HttpResponse:
    """Send the visitor to the login page and back here afterwards."""
    back = request.headers.get("HX-Current-URL") if is_htmx(request) else request.get_full_path()
    url = f"{settings.LOGIN_URL}?{urlencode({'next': back or '/'})}"
    if is_htmx(request):
        return HttpResponseClientRedirect(url)
    return HttpResponseRedirect(url)


def refusal(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    """A refused use case as a page or a fragment, with its status and Chinese message."""
    context = {"title": STATUS_TITLES.get(exc.status, "无法完成"), "error": exc, "status": exc.status}
    if is_htmx(request):
        response = render(request, "jixiao/error.html#refusal", context, status=exc.status)
        response["HX-Retarget"] = "#messages"
        response["HX-Reswap"] = "innerHTML"
        return response
    return render(request, "jixiao/error.html", context, status=exc.status)


def page_view(view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Give the view the request's actor; turn service refusals into pages or fragments."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        try:
            return view(request, actor_of(request), *args, **kwargs)
        except NotAuthenticated:
            return login_redirect(request)
        except ServiceError as exc:
            return refusal(request, exc)

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the inner signature for mypy


def form_fields(request: HttpRequest, names: tuple[str, ...]) -> dict[str, str]:
    """The named POST fields that were sent, as stripped-of-nothing strings."""
    return {n: str(request.POST[n]) for n in names if n in request.POST}


def int_field(request: HttpRequest, name: str) -> int:
    """An integer POST field; a ValidationFailed refusal when it is missing or not a number."""
    from jixiao.service.errors import ValidationFailed

    raw = request.POST.get(name, "")
    if not raw.strip().lstrip("-").isdigit():
        raise ValidationFailed(f"缺少或无法识别字段“{name}”，请刷新页面后重试。", {"field": name})
    return int(raw)
