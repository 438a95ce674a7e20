"""The tracking tab's banner: dossiers due soon, and overdue ones still owed the apology of the day's form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from onestop_desktop.domain.fmt import fmt_int
from onestop_desktop.domain.legal import TT_03_2025, FormKind, form_template
from onestop_desktop.ui.i18n import plural


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrackingTab", text)


def banner_parts(due_soon: int, no_apology: int, day: date) -> list[str]:
    """One sentence per line (they ran together once). Under Thông tư 03/2025 the apology is a letter
    asking for an extension, no longer the 2018 "phiếu xin lỗi": the banner names the form of `day`."""
    parts = []
    if due_soon:
        a = _tr("{n} dossier is due today or on the next working day. <a href='#'>Show it</a>")
        b = _tr("{n} dossiers are due today or on the next working day. <a href='#'>Show them</a>")
        parts.append(plural(due_soon, a, b).format(n=fmt_int(due_soon)))
    if no_apology:
        tpl = form_template(FormKind.APOLOGY, day)
        if tpl.circular == TT_03_2025:
            a = _tr(
                "{n} overdue dossier has no apology and extension request yet (form {number}). "
                "<a href='overdue'>Show it</a>"
            )
            b = _tr(
                "{n} overdue dossiers have no apology and extension request yet (form {number}). "
                "<a href='overdue'>Show them</a>"
            )
        else:
            a = _tr("{n} overdue dossier has no apology letter yet (form 04). <a href='overdue'>Show it</a>")
            b = _tr(
                "{n} overdue dossiers have no apology letter yet (form 04). <a href='overdue'>Show them</a>"
            )
        parts.append(plural(no_apology, a, b).format(n=fmt_int(no_apology), number=f"{tpl.number:02d}"))
    return parts
