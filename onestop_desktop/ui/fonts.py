"""Bundled fonts: Qt draws empty boxes on a machine without system fonts unless we load our own."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from onestop_desktop.paths import resource_path

UI_FAMILY = "DejaVu Sans"
FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
)


def load_fonts(app: QApplication, point_size: int = 10) -> list[str]:
    families: list[str] = []
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path(f"fonts/{name}")))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    app.setFont(QFont(UI_FAMILY, point_size))
    return sorted(set(families))
