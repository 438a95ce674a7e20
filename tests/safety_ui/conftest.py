"""Fixtures for the safety interface: a window on a private demo copy, message boxes captured."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QMessageBox


@dataclass
class Messages:
    shown: list[tuple[str, str]] = field(default_factory=list)

    def texts(self) -> str:
        return "\n".join(f"{title}: {text}" for title, text in self.shown)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[Messages]:
    """Every information/warning/critical box is recorded instead of shown; questions answer Yes."""
    seen = Messages()

    def record(_parent, title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        seen.shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )
    yield seen


@pytest.fixture
def vi_app(qapp):  # type: ignore[no-untyped-def]
    """The application with the program's fonts and Vietnamese translations installed."""
    from onestop_desktop.ui.app import create_app

    return create_app()
