"""Signing in on the command line: the commands that change data act as a real, checked user."""

from __future__ import annotations

import getpass
import os

from onestop_desktop.prefs import t
from onestop_desktop.services.roles import Actor

PASSWORD_ENV = "ONESTOP_PASSWORD"


def user_help() -> str:
    return t(
        f"tài khoản thực hiện (mật khẩu được hỏi, hoặc lấy từ biến {PASSWORD_ENV})",
        f"acting account (password prompted or taken from {PASSWORD_ENV})",
    )


def sign_in(database_url: str, username: str | None, what_vi: str, what_en: str) -> Actor:
    """Check the user's password (lockout rules apply) and return who is acting."""
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.services.errors import LoginFailed
    from onestop_desktop.services.safety import accounts

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
    db = open_database(database_url, migrate=False)
    try:
        with session_scope(db.factory) as s:
            result = accounts.authenticate(s, username, password)
    finally:
        db.engine.dispose()
    if result.actor is None:
        raise LoginFailed(result.error or "")
    return result.actor
