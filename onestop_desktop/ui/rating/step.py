"""The rating step after a result is returned: the counter's dialog, the citizen's screen, the record.

`ask_rating` opens the dialog without blocking (window-modal, `open()`): the clerk's window stays
painted while the citizen thinks, and the caller goes on. With two screens and the preference on, the
citizen's window shows the same three buttons on the other screen; whichever answers first wins. The
rating is recorded in its own transaction (the return is already committed: a citizen who declines, or
a rating refused, never undoes the return).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.ratings.record import RatingInfo, record_rating
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.rating.citizen import CitizenWindow, second_screen
from onestop_desktop.ui.rating.dialog import RatingDialog
from onestop_desktop.ui.rating.settings import citizen_screen_enabled

Done = Callable[[RatingInfo | None], None]


def ask_rating(parent: QWidget, ctx: AppContext, code: str, on_done: Done | None = None) -> RatingDialog:
    """Ask the citizen's rating of dossier `code`; `on_done(info)` once saved, `on_done(None)` when the
    citizen declined or the rating was refused (the refusal is shown)."""
    dialog = RatingDialog(code, parent)
    screen = second_screen(parent.window()) if citizen_screen_enabled() else None
    citizen: CitizenWindow | None = None
    if screen is not None:
        citizen = CitizenWindow(code)
        citizen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        citizen.chosen.connect(lambda level: dialog.choose(level, "screen"))
        dialog.screen_note.setVisible(True)
        citizen.show_on(screen)
    dialog.citizen = citizen  # type: ignore[attr-defined]  (kept alive with the dialog; tests look)
    saved: list[RatingInfo] = []

    def record(level: str, reason: str, source: str) -> None:
        try:
            with ctx.session() as s:
                saved.append(record_rating(s, ctx.actor, code, level, reason, source))
        except ServiceError as exc:
            show_error(parent, exc)
            return
        ctx.bus.data_changed.emit("ratings")

    def finished(_result: int) -> None:
        if citizen is not None and isValid(citizen):  # it may have closed itself after its thanks
            if saved and citizen.isVisible():
                citizen.thank()  # closes itself after the thanks
            else:
                citizen.close()
        if on_done is not None:
            on_done(saved[0] if saved else None)
        dialog.deleteLater()

    dialog.rated.connect(record)
    dialog.finished.connect(finished)
    dialog.open()
    dialog.setFocus()
    return dialog
