"""Numbers and messages on the command line, in the interface language (6.092 / 6,092; 98,49 % / 98.49%)."""

from __future__ import annotations

from onestop_desktop.domain.messages import Msg, Num, Text
from onestop_desktop.prefs import load
from onestop_desktop.services.errors import ServiceError


def language() -> str:
    return load().language


def num(value: float, decimals: int = 0) -> str:
    return Num(value, decimals).text(language())


def pct(value: float | None, decimals: int = 2) -> str:
    """A percentage already computed (98.49 -> "98,49 %"); "—" when there is none."""
    return "—" if value is None else Num(value, decimals, percent=True).text(language())


def say(message: Msg) -> str:
    return message.text(language())


def say_text(text: Text) -> str:
    return text.text(language())


def say_error(exc: ServiceError) -> str:
    """A service's refusal in the interface language (its message id), else its Vietnamese text."""
    return exc.msg.text(language()) if exc.msg is not None else exc.message
