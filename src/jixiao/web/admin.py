"""The admin site (zh-hans) for reference data: regions, units, accounts and their grants.

Every save and delete is audited through the service, in the admin's transaction. Documents, their versions and
the audit log are read-only here: the service is the only door for them. This module is the one named exception
to "the web does not import the store" (import-linter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import Model
from django.http import HttpRequest

from jixiao.service.accounts import actor_for, record_admin_change
from jixiao.service.errors import ValidationFailed
from jixiao.service.profiles import build
from jixiao.store.models import AuditEntry, Document, Grant, Profile, Region, Unit, User

if TYPE_CHECKING:  # the admin classes are generic only for the type checker
    ModelAdminBase = admin.ModelAdmin[Any]
    InlineBase = admin.TabularInline[Grant, Any]
    UserAdminBase = UserAdmin[User]
    ProfileFormBase = forms.ModelForm[Profile]
else:
    ModelAdminBase, InlineBase, UserAdminBase = admin.ModelAdmin, admin.TabularInline, UserAdmin
    ProfileFormBase = forms.ModelForm

admin.site.site_header = "jixiao 绩效管理 · 管理后台"
admin.site.site_title = "jixiao 管理后台"
admin.site.index_title = "账号、单位与财政区划"


class AuditedAdmin(ModelAdminBase):
    """Saves and deletes are written to the audit log with the acting admin."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Save, then audit which fields changed."""
        super().save_model(request, obj, form, change)
        changed = sorted(form.changed_data) if form is not None else []
        record_admin_change(actor_for(request.user.pk), obj._meta.model_name, str(obj.pk), changed)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        """Audit, then delete."""
        record_admin_change(actor_for(request.user.pk), obj._meta.model_name, str(obj.pk), [], deleted=True)
        super().delete_model(request, obj)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        """No bulk delete: it would bypass the audit log."""
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    """财政区划."""

    list_display = ("code", "name", "parent")
    search_fields = ("code", "name")


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    """单位."""

    list_display = ("code", "name", "region", "parent")
    list_filter = ("region",)
    search_fields = ("code", "name")


class ProfileForm(ProfileFormBase):
    """The settings must make a valid profile on their base, checked as the checker would read them."""

    class Meta:
        model = Profile
        fields = ("name", "title", "base", "settings")

    def clean(self) -> dict[str, Any]:
        """Refuse settings that are not TOML or name unknown keys, with the checker's Chinese message."""
        data = super().clean() or {}
        if data.get("name") and data.get("base"):
            try:
                build(str(data["name"]), str(data["base"]), str(data.get("settings") or ""))
            except ValidationFailed as exc:
                raise forms.ValidationError(exc.message) from None
        return data


@admin.register(Profile)
class ProfileAdmin(AuditedAdmin):
    """审核配置: a shipped profile with a region's settings."""

    form = ProfileForm
    list_display = ("name", "title", "base", "updated_at")


class GrantInline(InlineBase):
    """A user's roles and scopes."""

    model = Grant
    extra = 0


@admin.register(User)
class AccountAdmin(UserAdminBase):
    """账号 with their grants."""

    inlines = (GrantInline,)
    list_display = ("username", "display_name", "is_active", "last_login")
    fieldsets = (
        (None, {"fields": ("username", "password", "display_name", "is_active")}),
        ("管理后台", {"fields": ("is_staff", "is_superuser")}),
    )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        """Save, then audit (the password hash never enters the log)."""
        super().save_model(request, obj, form, change)
        changed = sorted(form.changed_data) if form is not None else []
        record_admin_change(actor_for(request.user.pk), "user", str(obj.pk), changed)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        """No bulk delete."""
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class ReadOnlyAdmin(ModelAdminBase):
    """Shown, never changed here."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        """No."""
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        """No."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        """No."""
        return False


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    """绩效文本 (read-only: the workflow runs through the service)."""

    list_display = ("title", "unit", "fiscal_year", "status", "version", "grade")
    list_filter = ("status", "fiscal_year")


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """审计记录 (append-only)."""

    list_display = ("at", "actor", "actor_role", "action", "subject_type", "subject_id")
    list_filter = ("action",)
