"""Signing in on the command line: the commands that change data act as a real, checked user."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from onestop_desktop.prefs import t
from onestop_desktop.services.roles import Actor

PASSWORD_ENV = "ONESTOP_PASSWORD"
# As the window's start-up check: quick_check up to this size, the structural check above it.
CHECK_BYTES = 200 * 1024 * 1024


def user_help() -> str:
    return t(
        f"tài khoản thực hiện (mật khẩu được hỏi, hoặc lấy từ biến {PASSWORD_ENV})",
        f"acting account (password prompted or taken from {PASSWORD_ENV})",
    )


def _password(username: str | None, what_vi: str, what_en: str) -> tuple[str, str]:
    from onestop_desktop.services.errors import LoginFailed

    if not username:
        raise LoginFailed(t(f"Cần --user: {what_vi}.", f"Give --user: {what_en}."))
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        try:
            password = getpass.getpass(t("Mật khẩu: ", "Password: "))
        except EOFError as exc:
            raise LoginFailed(
                t(
                    f"Chưa có mật khẩu (nhập khi được hỏi hoặc đặt {PASSWORD_ENV}).",
                    f"No password (type it when asked or set {PASSWORD_ENV}).",
                )
            ) from exc
    return username, password


def sign_in(database_url: str, username: str | None, what_vi: str, what_en: str) -> Actor:
    """Check the user's password (lockout rules apply) and return who is acting."""
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.services.errors import LoginFailed
    from onestop_desktop.services.safety import accounts

    username, password = _password(username, what_vi, what_en)
    db = open_database(database_url, migrate=False)
    try:
        with session_scope(db.factory) as s:
            result = accounts.authenticate(s, username, password)
    finally:
        db.engine.dispose()
    if result.actor is None:
        raise LoginFailed(result.error or "")
    return result.actor


def current_file_damaged(database_url: str) -> bool:
    """True when the SQLite file behind `database_url` fails the start-up check (or cannot be read)."""
    from onestop_desktop.db.engine import sqlite_file
    from onestop_desktop.services.safety import integrity

    path = sqlite_file(database_url)
    if path is None or not path.exists():
        return False
    return not integrity.sound_enough_to_read(path, CHECK_BYTES).ok


def sign_in_for_restore(database_url: str, backup_file: Path, username: str | None) -> Actor:
    """Who restores: checked against the current file's accounts, or, when that file is damaged, against
    the accounts as they were in the backup about to be restored (as the window's damaged-file dialog):
    a damaged file's accounts can neither be read nor trusted."""
    from onestop_desktop.services.safety import accounts

    what_vi, what_en = "khôi phục chỉ dành cho lãnh đạo hoặc quản trị", "restore is for leaders"
    if not current_file_damaged(database_url):
        return sign_in(database_url, username, what_vi, what_en)
    from onestop_desktop.domain.messages import msg
    from onestop_desktop.services.errors import ServiceError
    from onestop_desktop.services.safety import integrity

    checked = integrity.check_file(backup_file)
    if not checked.ok:  # its accounts cannot be read either: the restore's own refusal, first
        findings = " ".join(checked.findings[:3])
        raise ServiceError(msg("safety.restore.damaged-backup", file=backup_file.name, findings=findings))
    username, password = _password(username, what_vi, what_en)
    return accounts.authenticate_in_backup(backup_file, username, password)
