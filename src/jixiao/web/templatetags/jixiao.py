"""Formatting for the pages: severities, statuses and money, delegating to the model."""

from __future__ import annotations

from decimal import Decimal

from django import template

from jixiao.model import SEVERITY_LABELS
from jixiao.model.records import STATUS_LABELS

register = template.Library()


@register.filter
def severity(code: str) -> str:
    """错误 / 警告 / 提示 for error / warning / info."""
    return SEVERITY_LABELS.get(code, code)


@register.filter
def status(code: str) -> str:
    """The Chinese name of a workflow status."""
    return STATUS_LABELS.get(code, code)


@register.filter
def money(value: Decimal | None) -> str:
    """Money with two decimals, empty when missing."""
    return "" if value is None else f"{value:.2f}"


@register.filter
def plain(value: Decimal | None) -> str:
    """A number as written, empty when missing."""
    return "" if value is None else str(value)


@register.filter
def role(code: str) -> str:
    """编制人 / 审核人 / 管理员 / 公众 for a role code."""
    from jixiao.service.actor import ROLE_LABELS

    return ROLE_LABELS.get(code, code)
