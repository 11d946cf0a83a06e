"""The projects and indicators of every document's current version as rows, for search and analytics.

They are derived: written from the current version's JSON form in the same transaction as the version, and
rebuilt after a restore. The versions stay the record; these rows make the projects and indicators of all
units, regions and years queryable (public search, the coming indicator library and analytics).
"""

from __future__ import annotations

from django.db import models

from jixiao.store.models.documents import Document


class IndexedProject(models.Model):
    """A project of a document's current version: code, name, budget."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="indexed_projects")
    position = models.IntegerField("序号")
    code = models.CharField("项目编码", max_length=64, blank=True)
    name = models.CharField("项目名称", max_length=300)
    budget_total = models.DecimalField("预算数", max_digits=20, decimal_places=4, null=True)
    money_unit = models.CharField("金额单位", max_length=8, blank=True)

    class Meta:
        verbose_name = "项目"
        verbose_name_plural = "项目"
        ordering = ("document", "position")
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="project_position_unique")
        ]
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return self.name


class IndexedIndicator(models.Model):
    """An indicator row of a project of a document's current version, its 指标值 as written and as read."""

    project = models.ForeignKey(IndexedProject, on_delete=models.CASCADE, related_name="indicators")
    position = models.IntegerField("序号")
    level1 = models.CharField("一级指标", max_length=100, blank=True)
    level2 = models.CharField("二级指标", max_length=100, blank=True)
    level3 = models.CharField("三级指标", max_length=300, blank=True)
    description = models.TextField("绩效指标描述", blank=True)
    value_raw = models.CharField("指标值", max_length=300, blank=True)
    kind = models.CharField("指标值类型", max_length=16, blank=True)
    operator = models.CharField("运算符", max_length=2, blank=True)
    number = models.DecimalField("数值", max_digits=24, decimal_places=6, null=True)
    unit = models.CharField("计量单位", max_length=32, blank=True)
    basis = models.TextField("指标值确定依据", blank=True)

    class Meta:
        verbose_name = "绩效指标"
        verbose_name_plural = "绩效指标"
        ordering = ("project", "position")
        indexes = [models.Index(fields=["level3"]), models.Index(fields=["level2", "unit"])]

    def __str__(self) -> str:
        return f"{self.level3} {self.value_raw}"
