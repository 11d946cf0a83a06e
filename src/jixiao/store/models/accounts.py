"""Accounts: the custom user (from migration 0001), grants of a role over a unit or region, API tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from jixiao.store.models.org import Region, Unit

ROLES = ("drafter", "reviewer", "admin", "public")
ROLE_LABELS = {"drafter": "编制人", "reviewer": "审核人", "admin": "管理员", "public": "公众"}


class User(AbstractUser):
    """An account. Its role and scope are in :class:`Grant`; Django's flags serve only the admin site."""

    display_name = models.CharField("显示名称", max_length=100, blank=True)

    class Meta:
        verbose_name = "账号"
        verbose_name_plural = "账号"


class Grant(models.Model):
    """A role given to a user: a drafter over a unit, a reviewer over a region (and the regions under it)."""

    user = models.ForeignKey(User, verbose_name="账号", on_delete=models.CASCADE, related_name="grants")
    role = models.CharField("角色", max_length=16, choices=[(r, ROLE_LABELS[r]) for r in ROLES])
    unit = models.ForeignKey(Unit, verbose_name="单位", null=True, blank=True, on_delete=models.PROTECT)
    region = models.ForeignKey(
        Region, verbose_name="财政区划", null=True, blank=True, on_delete=models.PROTECT
    )

    class Meta:
        verbose_name = "角色授权"
        verbose_name_plural = "角色授权"
        constraints = [
            models.CheckConstraint(
                name="grant_scope_fits_role",
                condition=(
                    models.Q(role="drafter", unit__isnull=False, region__isnull=True)
                    | models.Q(role="reviewer", unit__isnull=True, region__isnull=False)
                    | models.Q(role__in=["admin", "public"], unit__isnull=True, region__isnull=True)
                ),
            )
        ]

    def __str__(self) -> str:
        scope = self.unit or self.region or ""
        return f"{ROLE_LABELS.get(self.role, self.role)} {scope}".strip()


class ApiToken(models.Model):
    """A token for scripts: only its SHA-256 is stored; the token itself is shown once when made."""

    user = models.ForeignKey(User, verbose_name="账号", on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField("名称", max_length=100)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
