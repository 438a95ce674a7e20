"""Telling the user what went wrong, in words, never with a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.safety.causes import explain
from onestop_desktop.ui.i18n import say_error

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """A message box for a refused action; unexpected errors are logged and summarised."""
    if isinstance(exc, ServiceError):
        text = say_error(exc)  # in the interface language when the service gave a message id
    elif (explained := explain(exc)) is not None:  # a damaged file, a full disk, a read-only file
        log.error("database or disk error: %s", exc)
        text = say_error(explained)
    else:
        log.exception("unexpected error", exc_info=exc)
        text = (
            QCoreApplication.translate("Messages", "An unexpected error occurred; nothing was saved.")
            + f"\n({type(exc).__name__}: {exc})"
        )
    QMessageBox.warning(parent, title or QCoreApplication.translate("Messages", "Cannot do that"), text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
