"""Regions (财政区划, a tree) and units (单位, each in a region, optionally under a parent department)."""

from __future__ import annotations

from django.db import models


class Region(models.Model):
    """A 财政区划: code (``130529``), name (巨鹿县) and the region above it."""

    code = models.CharField("区划代码", max_length=32, unique=True)
    name = models.CharField("名称", max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级区划",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = "财政区划"
        verbose_name_plural = "财政区划"
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Unit(models.Model):
    """A 单位 that writes targets: code (``711001``), name, its region and its parent department, if any."""

    code = models.CharField("单位代码", max_length=32, unique=True)
    name = models.CharField("单位名称", max_length=200)
    region = models.ForeignKey(
        Region, verbose_name="财政区划", on_delete=models.PROTECT, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="主管部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ("code",)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
