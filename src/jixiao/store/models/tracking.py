"""Monitoring reports and self-evaluations of an approved document, kept as JSON snapshots."""

from __future__ import annotations

from django.db import models

from jixiao.store.models.accounts import User
from jixiao.store.models.documents import Document


class TrackingRecord(models.Model):
    """A 监控 (kind ``monitoring``, with its month) or a 自评 (kind ``self_evaluation``) of a document."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="tracking")
    kind = models.CharField(
        "类型", max_length=16, choices=[("monitoring", "绩效监控"), ("self_evaluation", "绩效自评")]
    )
    month = models.IntegerField("月份", null=True)
    based_on_version = models.IntegerField("依据版本")
    version = models.IntegerField("版本", default=1)
    snapshot = models.JSONField("内容")
    created_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("创建时间")
    updated_at = models.DateTimeField("更新时间")

    class Meta:
        verbose_name = "监控与自评"
        verbose_name_plural = "监控与自评"
        ordering = ("document", "kind", "month", "id")

    def __str__(self) -> str:
        return f"{self.document_id} {self.kind} {self.month or ''}".strip()
