"""Transactions for the service: ``atomic()`` and ``on_commit()``, so the service never imports Django."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from django.db import transaction


def atomic() -> AbstractContextManager[Any]:
    """One transaction (nested calls make savepoints)."""
    return transaction.atomic()


def on_commit(callback: Callable[[], None]) -> None:
    """Run ``callback`` after the current transaction commits (at once outside one)."""
    transaction.on_commit(callback)
