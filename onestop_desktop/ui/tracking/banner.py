"""The tracking tab's banner: dossiers due soon, and overdue ones still owed the apology of the day's form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from onestop_desktop.domain.legal import FormKind, apology_asks_extension, form_template
from onestop_desktop.ui.i18n import num, plural


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrackingTab", text)


DUE_SOON = (
    QT_TRANSLATE_NOOP(
        "TrackingTab", "{n} dossier is due today or on the next working day. <a href='#'>Show it</a>"
    ),
    QT_TRANSLATE_NOOP(
        "TrackingTab", "{n} dossiers are due today or on the next working day. <a href='#'>Show them</a>"
    ),
)
NO_EXTENSION_REQUEST = (  # Thông tư 03/2025
    QT_TRANSLATE_NOOP(
        "TrackingTab",
        "{n} overdue dossier has no apology and extension request yet (form {number}). "
        "<a href='overdue'>Show it</a>",
    ),
    QT_TRANSLATE_NOOP(
        "TrackingTab",
        "{n} overdue dossiers have no apology and extension request yet (form {number}). "
        "<a href='overdue'>Show them</a>",
    ),
)
NO_APOLOGY_LETTER = (  # Thông tư 01/2018
    QT_TRANSLATE_NOOP(
        "TrackingTab",
        "{n} overdue dossier has no apology letter yet (form 04). <a href='overdue'>Show it</a>",
    ),
    QT_TRANSLATE_NOOP(
        "TrackingTab",
        "{n} overdue dossiers have no apology letter yet (form 04). <a href='overdue'>Show them</a>",
    ),
)


def banner_parts(due_soon: int, no_apology: int, day: date) -> list[str]:
    """One sentence per line (they ran together once). Under Thông tư 03/2025 the apology is a letter
    asking for an extension, no longer the 2018 "phiếu xin lỗi": the banner names the form of `day`."""
    parts = []
    if due_soon:
        parts.append(plural(due_soon, *map(_tr, DUE_SOON)).format(n=num(due_soon)))
    if no_apology:
        tpl = form_template(FormKind.APOLOGY, day)
        forms = NO_EXTENSION_REQUEST if apology_asks_extension(day) else NO_APOLOGY_LETTER
        sentence = plural(no_apology, *map(_tr, forms))
        parts.append(sentence.format(n=num(no_apology), number=f"{tpl.number:02d}"))
    return parts
