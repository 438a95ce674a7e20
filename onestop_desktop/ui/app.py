"""Start the window: application, fonts, translations, database, login, main window."""

from __future__ import annotations

import logging
import sys
import threading
import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from onestop_desktop import prefs
from onestop_desktop.bootstrap import Database, ensure_demo, open_database
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.safety import accounts
from onestop_desktop.ui.bus import Bus
from onestop_desktop.ui.context import AppContext, open_session
from onestop_desktop.ui.fonts import load_fonts
from onestop_desktop.ui.i18n import install_translators, say_failure
from onestop_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)
STARTED = time.perf_counter()


def create_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    # Qt's own file and message dialogs on every platform: their words come from our translation of Qt
    # (Windows' native dialogs would speak the system's language, whatever the interface language).
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    app.setOrganizationName("OneStop")
    app.setApplicationName("OneStopDesktop")
    load_fonts(app)
    install_translators(prefs.load().language)
    return app


def _open(database: str | None, demo: bool) -> Database | None:
    from onestop_desktop.ui.safety.startup import check_or_restore, target_url

    if not check_or_restore(target_url(database, demo)):  # damaged file, no backup restored
        return None
    try:
        db = open_database(database, demo=demo)
    except Exception as exc:  # shown to the user, never a traceback
        log.exception("cannot open database")
        QMessageBox.critical(
            None,
            QCoreApplication.translate("Startup", "Cannot open the database"),
            QCoreApplication.translate("Startup", "The database could not be opened:")
            + f"\n{say_failure(exc, database or '')}",
        )
        return None
    if demo:
        dialog = QProgressDialog(
            QCoreApplication.translate("Startup", "Building the demo office (first use only)…"), "", 0, 0
        )
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(0)
        dialog.show()
        errors: list[BaseException] = []

        def build() -> None:
            try:
                ensure_demo(db)
            except BaseException as exc:  # reported below, on the GUI thread
                errors.append(exc)

        worker = threading.Thread(target=build, name="demo-builder")
        worker.start()
        while worker.is_alive():  # keep the window painting while the demo is written
            QApplication.processEvents()
            worker.join(0.05)
        dialog.close()
        if errors:
            log.error("demo build failed", exc_info=errors[0])
            QMessageBox.critical(
                None, QCoreApplication.translate("Startup", "Cannot build the demo office"), str(errors[0])
            )
            return None
    return db


def run_gui(database: str | None = None, demo: bool = False) -> int:
    """The program with its window; returns the exit code."""
    from onestop_desktop.ui.login import FirstAdminDialog, LoginDialog
    from onestop_desktop.ui.main_window import MainWindow

    app = create_app()
    db = _open(database, demo)
    if db is None:
        return 1
    with open_session(db) as s:
        first = accounts.needs_first_admin(s)
        office_name = office.get_office(s).name
    if first and not FirstAdminDialog(db).exec():
        return 0
    if demo:  # the demo's whole generator is not needed to sign in to an office's own database
        from onestop_desktop.services.demo.office import demo_accounts
    login = LoginDialog(db, office_name, demo_accounts() if demo else [])
    if not login.exec() or login.actor is None:
        return 0
    ctx = AppContext(db=db, actor=login.actor, bus=Bus(), tasks=TaskRunner(), demo=demo)
    window = MainWindow(ctx, lazy=True)
    window.show()
    from onestop_desktop.ui.safety.startup import backup_at_start

    backup_at_start(ctx, window)
    log.info("window shown %.2f s after start", time.perf_counter() - STARTED)
    return app.exec()
