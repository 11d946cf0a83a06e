"""The ``store`` app."""

from __future__ import annotations

from django.apps import AppConfig


class StoreConfig(AppConfig):
    """Regions, units, accounts, documents with their versions, comments, tracking and the audit log."""

    name = "jixiao.store"
    label = "store"
    verbose_name = "数据"
    default_auto_field = "django.db.models.BigAutoField"
