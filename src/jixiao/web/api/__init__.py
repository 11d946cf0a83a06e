"""The JSON API (django-ninja) at /api/, OpenAPI at /api/docs. One error shape for every 4xx and 5xx."""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from jixiao.service.errors import ServiceError
from jixiao.web.api import tracking  # noqa: F401  (registers the tracking operations on the documents router)
from jixiao.web.api.auth import AUTH
from jixiao.web.api.documents import router as documents_router
from jixiao.web.api.me import router as me_router
from jixiao.web.api.views import router as views_router

log = logging.getLogger("jixiao.web")

api = NinjaAPI(
    title="jixiao API",
    version="1",
    description='预算绩效管理：绩效文本的导入、检查、审核流程、历史版本与导出。金额一律为字符串（如 "13.00"）。',
    urls_namespace="api",
    auth=AUTH,
    docs_url="/docs",
)
api.add_router("/documents", documents_router)
api.add_router("/me", me_router)
api.add_router("", views_router)  # the pages' view-models as JSON (jixiao.web.api.views)


def error_response(
    request: HttpRequest, status: int, code: str, message: str, details: object = None
) -> HttpResponse:
    """The one error shape: ``{code, message, details}``."""
    return api.create_response(
        request, {"code": code, "message": message, "details": details or {}}, status=status
    )


@api.exception_handler(ServiceError)
def _service_error(request: HttpRequest, exc: ServiceError) -> HttpResponse:
    return error_response(request, exc.status, exc.code, exc.message, exc.details)


@api.exception_handler(ValidationError)
def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {
            "loc": [str(part) for part in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors
    ]
    return error_response(request, 422, "validation_failed", "请求内容不符合要求。", {"errors": errors})


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(request, 401, "not_authenticated", "请先登录，或提供有效的 API 令牌。")


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 403:
        return error_response(request, 403, "csrf_failed", "CSRF 校验失败，请刷新页面后重试。")
    return error_response(request, exc.status_code, "http_error", str(exc.message))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "not_found", "没有找到。")


@api.exception_handler(Exception)
def _server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    log.exception("unhandled error in %s %s", request.method, request.path)
    return error_response(request, 500, "server_error", "服务器内部错误，请稍后再试或联系管理员。")
