"""Check profiles kept in the database: a shipped profile and the settings a region changes (TOML)."""

from __future__ import annotations

from django.db import models

SHIPPED_BASES = [("default", "default"), ("hebei-county", "hebei-county"), ("central-2021", "central-2021")]


class Profile(models.Model):
    """A 审核配置 made in the admin site: based on a shipped profile, with its own settings."""

    name = models.SlugField("名称", max_length=50, unique=True, help_text="在 API 中用 ?profile=名称 选用。")
    title = models.CharField("说明", max_length=200, blank=True)
    base = models.CharField("基于", max_length=32, choices=SHIPPED_BASES, default="default")
    settings = models.TextField(
        "设置（TOML）",
        blank=True,
        help_text="与 jixiao.toml 的 [check] 表相同的键，如 satisfaction_min = 85。",
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "审核配置"
        verbose_name_plural = "审核配置"
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name
