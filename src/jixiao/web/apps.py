"""The ``web`` app."""

from __future__ import annotations

from django.apps import AppConfig


class WebConfig(AppConfig):
    """The JSON API, the admin site and (next) the pages."""

    name = "jixiao.web"
    label = "web"
    verbose_name = "网站"
