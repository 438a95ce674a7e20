"""Returning the result: how it was issued (electronically, or on paper with its scan), then the rating.

The clerk says in the return dialog how the result went out (the result's PDF, or a scan of the paper
result, from a file picker). The files are read and made into one PDF off the GUI thread
(`services.attachments.scans.prepare`, through ui/tasks.py); the return and the result's file are then
written in ONE transaction (`tracking.actions.return_result` + `attachments.attach.attach_result`): a
refused file (too big, not a PDF or an image) leaves the dossier as it was. Once the return is committed
the rating step follows (ui/rating): a citizen who declines never undoes the return.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.ratings.outcome import ReturnOutcome, return_outcome
from onestop_desktop.services.tracking import actions
from onestop_desktop.services.tracking.details import DossierDetails
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.rating.step import ask_rating


class ReturnHost(Protocol):
    """What the return needs of the tracking tab (the parent of its dialogs)."""

    ctx: AppContext
    now: Callable[[], datetime]

    def after_change(self, dossier_id: int) -> None: ...


class UnreadableFile(Exception):
    """A chosen file could not be read (moved, no permission, a network share gone)."""

    def __init__(self, path: Path, cause: OSError) -> None:
        super().__init__(f"{path}: {cause}")
        self.path = path


def read_and_prepare(files: list[Path]) -> Any:
    """On a worker thread: read the chosen files and make them one PDF (PreparedScan)."""
    from onestop_desktop.services.attachments.scans import IncomingFile, prepare

    incoming = []
    for p in files:
        try:
            incoming.append(IncomingFile(p.name, p.read_bytes()))
        except OSError as exc:
            raise UnreadableFile(p, exc) from exc
    return prepare(incoming)


def _failed(tab: ReturnHost, exc: Exception) -> None:
    if isinstance(exc, UnreadableFile):
        text = QCoreApplication.translate(
            "ResultReturn", "Cannot read the file {name}: nothing was saved."
        ).format(name=exc.path.name)
        exc = ServiceError(text)
    show_error(tab, exc)


def return_result(tab: ReturnHost, d: DossierDetails, values: dict[str, Any]) -> bool:
    """Return the result of `d` as the return dialog said; True when written now (no files to prepare),
    False when the files are being prepared (the tab is told by `after_change` once it is written)."""
    note = str(values.get("note", ""))
    form = str(values.get("form", ""))
    files = [Path(p) for p in values.get("files", ())]
    if not form or not files:
        with tab.ctx.session() as s:
            actions.return_result(s, tab.ctx.actor, d.id, note, at=tab.now())
        rate(tab, d)
        return True

    def write(scan: Any) -> None:
        from onestop_desktop.services.attachments.attach import attach_result

        try:
            with tab.ctx.session() as s:  # one transaction: the return and its result, or neither
                actions.return_result(s, tab.ctx.actor, d.id, note, at=tab.now())
                attach_result(s, tab.ctx.actor, d.code, form, scan)
        except Exception as exc:
            _failed(tab, exc)
            return
        tab.after_change(d.id)
        rate(tab, d)

    tab.ctx.tasks.run(
        lambda _p: read_and_prepare(files),
        write,
        lambda exc: _failed(tab, exc),
        title=QCoreApplication.translate("ResultReturn", "Preparing the result's file…"),
        parent=tab,
    )
    return False


def rate(tab: ReturnHost, d: DossierDetails) -> None:
    """The rating step; once saved, the panel shows it."""
    ask_rating(tab, tab.ctx, d.code, lambda info: tab.after_change(d.id) if info is not None else None)


def outcome_loader(ctx: AppContext) -> Callable[[str], ReturnOutcome | None]:
    """For the details panel: the result's form and the rating of a dossier, by code."""

    def load(code: str) -> ReturnOutcome | None:
        with ctx.session() as s:
            return return_outcome(s, code)

    return load
