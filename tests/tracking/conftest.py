"""Message boxes never block a tracking test: an unexpected one fails the test with its text."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_modal_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        from PySide6.QtWidgets import QMessageBox
    except ImportError:  # pragma: no cover
        return

    def unexpected(_parent: object, title: str, text: str = "", *a: object, **k: object) -> None:
        raise AssertionError(f"unexpected message box: {title}: {text}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
