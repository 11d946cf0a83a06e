"""Typed errors of the service, each with a stable code, a Chinese message and details (WEB.md P10)."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """A use case refused: ``code`` is stable, ``message`` is for people, ``details`` for programs."""

    code = "error"
    status = 400

    def __init__(self, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class NotAuthenticated(ServiceError):
    """The visitor must log in first."""

    code, status = "not_authenticated", 401


class NotFound(ServiceError):
    """No such thing, or nothing the actor may know exists."""

    code, status = "not_found", 404


class Forbidden(ServiceError):
    """The actor sees the thing but may not do this to it."""

    code, status = "forbidden", 403


class StaleVersion(ServiceError):
    """Someone saved the document after the actor read it; nothing was written."""

    code, status = "stale_version", 409


class InvalidTransition(ServiceError):
    """The document's state does not allow the action."""

    code, status = "invalid_transition", 409


class ValidationFailed(ServiceError):
    """The input is not acceptable; ``details`` says what."""

    code, status = "validation_failed", 422


class ConfirmationRequired(ValidationFailed):
    """Nothing was written: the input loses content, and the actor must confirm that before it is saved."""

    code = "confirmation_required"
