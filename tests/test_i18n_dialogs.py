"""The English interface's dialogs beyond the main window: sign-in, users, backups, restore, audit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from onestop_desktop.ui.context import AppContext
from tests.conftest import login_as
from tests.test_i18n_languages import VIETNAMESE, _visible_texts


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    from onestop_desktop.ui.i18n import install_translators

    install_translators("en")
    try:
        yield
    finally:
        install_translators("vi")


def _vietnamese_in(dialog: Any) -> list[tuple[str, str]]:
    return [(where, text[:80]) for where, text in _visible_texts(dialog) if VIETNAMESE.search(text)]


def _dialogs(ctx: AppContext) -> Iterator[Any]:
    from onestop_desktop.services.demo.office import demo_accounts
    from onestop_desktop.services.safety import backup
    from onestop_desktop.ui.login import FirstAdminDialog, LoginDialog
    from onestop_desktop.ui.safety.audit_view import AuditDialog
    from onestop_desktop.ui.safety.folder import SecondFolderDialog
    from onestop_desktop.ui.safety.restore import RestoreDialog
    from onestop_desktop.ui.users import ChangePasswordDialog, NewUserDialog, UsersDialog

    ctx.actor = login_as(ctx.db, "quantri")  # the administrator sees every dialog (users, audit)
    backup.backup_before(ctx.db.url, "before-import")  # the restore dialog then lists one backup
    yield LoginDialog(ctx.db, "UBND xã Xuân Lộc", demo_accounts())  # the office's name: user data
    yield FirstAdminDialog(ctx.db)
    yield UsersDialog(ctx)
    yield NewUserDialog(ctx)
    yield ChangePasswordDialog(ctx)
    yield RestoreDialog(ctx)
    yield SecondFolderDialog()
    yield AuditDialog(ctx)
    yield _damaged_dialog(ctx)


def _damaged_dialog(ctx: AppContext) -> Any:
    """The dialog of a damaged file at start-up: a copy of the demo with its header overwritten."""
    import shutil

    from onestop_desktop.db.engine import sqlite_file, sqlite_url
    from onestop_desktop.services.safety import integrity
    from onestop_desktop.ui.safety.startup import DamagedDialog

    source = sqlite_file(ctx.db.url)
    assert source is not None
    damaged = source.with_name("damaged.sqlite3")
    shutil.copyfile(source, damaged)
    with damaged.open("r+b") as f:
        f.write(b"\xff" * 100)  # the header: SQLite no longer recognises the file
    url = sqlite_url(damaged)
    result = integrity.check(url)
    assert not result.ok
    return DamagedDialog(url, result)


def test_english_dialogs_show_no_vietnamese(app_context: AppContext, qtbot: Any, english: None) -> None:
    found = []
    for dialog in _dialogs(app_context):
        qtbot.addWidget(dialog)
        found += [(type(dialog).__name__, where, text) for where, text in _vietnamese_in(dialog)]
    assert found == [], "\n".join(map(str, found))


def test_the_same_dialogs_speak_vietnamese(app_context: AppContext, qtbot: Any) -> None:
    from onestop_desktop.ui.i18n import install_translators

    install_translators("vi")
    titles = []
    for dialog in _dialogs(app_context):
        qtbot.addWidget(dialog)
        titles.append(dialog.windowTitle())
    assert all(VIETNAMESE.search(t) for t in titles), titles
