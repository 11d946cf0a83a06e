"""Documents with every saved state kept (DocumentVersion) and the reviewers' comments."""

from __future__ import annotations

from django.db import models

from jixiao.store.models.accounts import User
from jixiao.store.models.org import Unit

STATUS_CHOICES = [
    ("draft", "草案"),
    ("submitted", "送审"),
    ("returned", "退回"),
    ("approved", "审核通过"),
    ("published", "公开"),
]


class Document(models.Model):
    """A unit's target document for a year. ``version`` counts its writes and is the optimistic lock."""

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="documents")
    fiscal_year = models.IntegerField("预算年度", null=True)
    title = models.CharField("标题", max_length=300)
    status = models.CharField("状态", max_length=16, choices=STATUS_CHOICES, default="draft")
    version = models.IntegerField("版本", default=1)
    grade = models.CharField("审核结果", max_length=2, blank=True)
    approved_version = models.IntegerField("批准版本", null=True)
    locked_at = models.DateTimeField("锁定时间", null=True)
    created_at = models.DateTimeField("创建时间")
    updated_at = models.DateTimeField("更新时间")

    class Meta:
        verbose_name = "绩效文本"
        verbose_name_plural = "绩效文本"
        ordering = ("-fiscal_year", "unit__code", "id")
        indexes = [models.Index(fields=["status", "fiscal_year"])]

    def __str__(self) -> str:
        return self.title


class DocumentVersion(models.Model):
    """A frozen state of a document: the versioned JSON form and its checksum, with who saved it and why."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.IntegerField("版本号")
    status = models.CharField("状态", max_length=16, choices=STATUS_CHOICES)
    action = models.CharField("操作", max_length=32)
    snapshot = models.JSONField("内容")
    checksum = models.CharField("校验和", max_length=64)
    reason = models.TextField("说明", blank=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("保存时间")
    is_current = models.BooleanField("当前版本", default=False)
    # what reading the file found, kept with the version an import created (empty for every other version)
    import_findings = models.JSONField("导入时的读取发现", default=list, blank=True)

    class Meta:
        verbose_name = "版本"
        verbose_name_plural = "版本"
        ordering = ("document", "number")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="version_number_unique"),
            models.UniqueConstraint(
                fields=["document"], condition=models.Q(is_current=True), name="one_current_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} v{self.number}"


class Comment(models.Model):
    """A review comment on the document, a project or an indicator (``path`` in the JSON form)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="comments")
    version = models.IntegerField("版本号")
    path = models.CharField("位置", max_length=200, blank=True)
    text = models.TextField("意见")
    author = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("时间")

    class Meta:
        verbose_name = "审核意见"
        verbose_name_plural = "审核意见"
        ordering = ("document", "id")

    def __str__(self) -> str:
        return self.text[:40]
