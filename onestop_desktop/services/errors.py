"""Errors the services raise; their text is a sentence a clerk understands (Vietnamese)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class ServiceError(Exception):
    """A refusal by a service, with a message meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class LoginFailed(ServiceError):
    pass


def join_messages(messages: Iterable[str]) -> str:
    """Several messages as one sentence: "A; B; C." (not "A.; B.; C.")."""
    parts = [m.strip().rstrip(".;").strip() for m in messages if m.strip()]
    return "; ".join(parts) + "." if parts else ""


class ValidationFailed(ServiceError):
    """Input refused; `errors` maps a field name to the message shown under that field."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__(join_messages(self.errors.values()))
