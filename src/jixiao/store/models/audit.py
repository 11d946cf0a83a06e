"""The append-only audit log: rows are inserted and never changed (here, in the manager and by DB triggers)."""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models

from jixiao.store.models.accounts import User


class AppendOnlyError(RuntimeError):
    """An attempt to change or delete an audit entry."""


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    """Refuses bulk changes."""

    def update(self, **kwargs: Any) -> NoReturn:
        """Refused: audit entries are never changed."""
        raise AppendOnlyError("审计记录只能追加，不能修改。")

    def delete(self) -> NoReturn:
        """Refused: audit entries are never deleted."""
        raise AppendOnlyError("审计记录只能追加，不能删除。")


class AuditEntry(models.Model):
    """One write: when, who (with role and scope at that moment), what, on which subject, before and after."""

    at = models.DateTimeField("时间")
    actor = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    actor_role = models.CharField("角色", max_length=16)
    actor_scope = models.CharField("范围", max_length=64, blank=True)
    action = models.CharField("操作", max_length=64)
    subject_type = models.CharField("对象类型", max_length=32)
    subject_id = models.CharField("对象", max_length=64)
    document_id = models.BigIntegerField("文本", null=True)
    version_before = models.IntegerField(null=True)
    version_after = models.IntegerField(null=True)
    data = models.JSONField(default=dict)
    request_id = models.CharField(max_length=64, blank=True)
    ip = models.GenericIPAddressField(null=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"
        ordering = ("id",)
        indexes = [models.Index(fields=["document_id", "id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Insert only: saving an existing entry raises."""
        if not self._state.adding:
            raise AppendOnlyError("审计记录只能追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Refused: audit entries are never deleted."""
        raise AppendOnlyError("审计记录只能追加，不能删除。")
