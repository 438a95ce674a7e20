"""Errors the services raise: a sentence a clerk understands, as a message id where it has one.

A refusal given as a `domain.messages.Msg` is worded at the edge in the interface language
(`ui.i18n.say_error`, `say_field`); `message` / `str()` stay Vietnamese for the command line and logs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from onestop_desktop.domain.messages import Msg


class ServiceError(Exception):
    """A refusal by a service, with a message meant for the user (a sentence, or a message id)."""

    def __init__(self, message: str | Msg) -> None:
        self.msg: Msg | None = message if isinstance(message, Msg) else None
        text = str(message)
        super().__init__(text)
        self.message = text


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class LoginFailed(ServiceError):
    pass


def join_messages(messages: Iterable[str | Msg], language: str = "vi") -> str:
    """Several messages as one sentence: "A; B; C." (not "A.; B.; C.")."""
    texts = (m.text(language) if isinstance(m, Msg) else m for m in messages)
    parts = [m.strip().rstrip(".;").strip() for m in texts if m.strip()]
    return "; ".join(parts) + "." if parts else ""


class ValidationFailed(ServiceError):
    """Input refused; `errors` maps a field name to the message shown under that field (Vietnamese),
    `field_msgs` the same fields to their message ids where they have one."""

    def __init__(self, errors: Mapping[str, str | Msg]) -> None:
        self.field_msgs: dict[str, Msg] = {k: v for k, v in errors.items() if isinstance(v, Msg)}
        self.errors = {k: str(v) for k, v in errors.items()}
        super().__init__(join_messages(errors.values()))

    def text(self, language: str) -> str:
        """All the fields' messages as one sentence in `language`."""
        return join_messages([self.field_msgs.get(k, v) for k, v in self.errors.items()], language)
