"""URLs: the JSON API under /api/, the admin under /admin/, a trivial health view, and the pages."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from jixiao.web.api import api


def health(request: HttpRequest) -> HttpResponse:
    """A trivial view: the load test's baseline and a probe for proxies."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("health", health, name="health"),
    path("", include("jixiao.web.pages.urls")),  # the pages people use (jixiao.web.pages)
]
