"""Saving scans: with a new dossier in the same transaction, or later onto a dossier already received.

Why one transaction with the dossier: a receipt that says "digitised" must never exist without its files,
and a dossier saved with half its scans would count as digitised for some lines only. So the dossier,
its scans and their audit entries commit together, and the receipt is filled after the scans, inside
that transaction. The size guard is checked first (nothing is written when a scan is too big). If the
scans cannot be attached for another reason (the shared file store unreachable, a full disk), the whole
transaction rolls back and the clerk chooses: receive the dossier alone now (the citizen is waiting) and
attach the scans right after, or fix the problem first. Run on a worker thread: rewriting reordered
pages and writing the files with fsync can take a second for a long scan.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from onestop_desktop.services.attachments.attach import AttachmentInfo, Limits, attach, limits, size_text
from onestop_desktop.services.attachments.scans import PreparedScan
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.intake import receiving
from onestop_desktop.services.intake.checks import IntakeForm
from onestop_desktop.services.roles import Actor
from onestop_desktop.ui.context import SessionOpener
from onestop_desktop.ui.i18n import say
from onestop_desktop.ui.intake.scan_basket import PendingScan
from onestop_desktop.ui.tasks import Progress


class ScansTooBig(ServiceError):
    """The size guard refused a scan before anything was written."""


class ScansNotAttached(Exception):
    """Attaching failed after the dossier was checked: nothing was saved (the transaction rolled back)."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


def size_problem(lim: Limits, finals: dict[int, PreparedScan], used: int = 0) -> str | None:
    """The size guard's sentence for these scans, or None when they fit (attach() checks again)."""
    for scan in finals.values():
        if len(scan.pdf) > lim.per_file_bytes:
            return QCoreApplication.translate(
                "ScanSaving",
                "The scan {name} is {size}, over the limit of {limit} for one file: drop pages or scan at "
                "a lower resolution (200–300 dpi is enough). Nothing was saved.",
            ).format(
                name=scan.name, size=say(size_text(len(scan.pdf))), limit=say(size_text(lim.per_file_bytes))
            )
    total = used + sum(len(s.pdf) for s in finals.values())
    if total > lim.per_dossier_bytes:
        return QCoreApplication.translate(
            "ScanSaving",
            "The scans of this dossier come to {size}, over the limit of {limit} for one dossier: drop "
            "pages or scan at a lower resolution. Nothing was saved.",
        ).format(size=say(size_text(total)), limit=say(size_text(lim.per_dossier_bytes)))
    return None


def finals_of(pending: dict[int, PendingScan], progress: Progress) -> dict[int, PreparedScan]:
    progress.report(5, QCoreApplication.translate("ScanSaving", "Arranging the pages…"))
    return {line: p.final() for line, p in sorted(pending.items())}


def attach_all(
    session: object, actor: Actor, code: str, finals: dict[int, PreparedScan], progress: Progress
) -> list[AttachmentInfo]:
    out = []
    for i, (line, scan) in enumerate(sorted(finals.items())):
        progress.report(
            40 + int(50 * i / max(1, len(finals))),
            QCoreApplication.translate("ScanSaving", "Storing the scans…"),
        )
        out.append(attach(session, actor, code, line, scan))  # type: ignore[arg-type]
    return out


def receive_with_scans(
    opener: SessionOpener, actor: Actor, form: IntakeForm, pending: dict[int, PendingScan], progress: Progress
) -> tuple[receiving.Received, list[AttachmentInfo]]:
    """Receive the dossier and attach its scans in one transaction (worker thread: its own Session)."""
    finals = finals_of(pending, progress)
    with opener() as s:
        problem = size_problem(limits(s), finals)
        if problem:
            raise ScansTooBig(problem)
        received = receiving.receive(s, actor, form)
        try:
            infos = attach_all(s, actor, received.registered.code, finals, progress)
        except (ServiceError, OSError) as exc:
            raise ScansNotAttached(exc) from exc  # leaving the `with` rolls the dossier back too
        receipt = receiving.receipt_data(s, received.registered.id)  # now it knows the scans
    return replace(received, receipt=receipt), infos


def attach_to_dossier(
    opener: SessionOpener,
    actor: Actor,
    code: str,
    pending: dict[int, PendingScan],
    used: int,
    progress: Progress,
) -> list[AttachmentInfo]:
    """Attach scans to a dossier already received: all of them or none (one transaction)."""
    finals = finals_of(pending, progress)
    with opener() as s:
        problem = size_problem(limits(s), finals, used)
        if problem:
            raise ScansTooBig(problem)
        return attach_all(s, actor, code, finals, progress)
