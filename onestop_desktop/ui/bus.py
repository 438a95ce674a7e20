"""Application-wide announcements: a tab that changes data says so; the others refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    #: kind of data that changed: "dossiers", "catalogue", "bhyt", "indicators", "users", "calendar"
    data_changed = Signal(str)
