"""Windows and dialogs fit the screen they open on (a 1366x768 laptop is common at the counter)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left for a taskbar and the window's own frame and title bar.
FRAME_MARGIN = 48


def available_size(widget: QWidget) -> tuple[int, int]:
    """Width and height a top-level window of `widget` may take on its screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all (should not happen): do not constrain
        return 10**6, 10**6
    area = screen.availableGeometry()
    return max(320, area.width() - FRAME_MARGIN // 2), max(240, area.height() - FRAME_MARGIN)


def fit_resize(widget: QWidget, width: int, height: int) -> None:
    """`widget.resize(width, height)`, but never larger than its screen."""
    max_w, max_h = available_size(widget)
    widget.resize(min(width, max_w), min(height, max_h))


def keep_on_screen(widget: QWidget) -> None:
    """Shrink a window restored from saved settings (or grown by its content) back onto its screen."""
    max_w, max_h = available_size(widget)
    if widget.width() > max_w or widget.height() > max_h:
        widget.resize(min(widget.width(), max_w), min(widget.height(), max_h))
