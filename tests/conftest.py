"""Shared fixtures: offscreen Qt, a fresh migrated database per test, a synchronous task runner."""

from __future__ import annotations

import os
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # forced: tests never open real windows
os.environ.setdefault("ONESTOP_LANG", "vi")

import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

# Qt's settings (~/.config/OneStop/OneStopDesktop.conf), platformdirs' folders and every subprocess a
# test starts look here, never in the user's home: a test run once left the real window opening on the
# tracking tab at 1059x512. Set before Qt reads them (QSettings keeps the path it first saw).
_HOME = Path(tempfile.mkdtemp(prefix="onestop-tests-home-"))
atexit.register(shutil.rmtree, _HOME, True)
for _var, _sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
    os.environ[_var] = str(_HOME / _sub)
# One audit key for the whole run (services/audit_key.py): copies of the session's demo database stay
# verifiable wherever a test puts them, and PostgreSQL tests can save (the key is never auto-created there).
_KEY = _HOME / "audit.key"
_KEY.write_text(__import__("secrets").token_hex(32) + "\n", encoding="ascii")
_KEY.chmod(0o600)
os.environ["ONESTOP_AUDIT_KEY_FILE"] = str(_KEY)

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from onestop_desktop.bootstrap import Database, open_database  # noqa: E402
from onestop_desktop.db.engine import session_scope  # noqa: E402
from onestop_desktop.services.roles import Actor  # noqa: E402

# Password hashing at the product's Argon2id parameters (64 MiB, 3 passes: services/safety/passwords.py)
# costs 0.1-0.3 s a hash, and the suite makes and signs in thousands of accounts. Tests use argon2-cffi's
# cheapest profile instead, unless ONESTOP_TEST_REAL_ARGON2=1; the tests of the parameters and of the
# sign-in timing set the product's hasher themselves. Subprocesses (the CLI) hash at the real cost.
if os.environ.get("ONESTOP_TEST_REAL_ARGON2") != "1":
    from argon2 import PasswordHasher, profiles

    from onestop_desktop.services.safety import passwords

    passwords.HASHER = PasswordHasher.from_parameters(profiles.CHEAPEST)


@pytest.fixture(autouse=True)
def _isolated_data_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Preferences, caches and default databases go to a temporary folder, never the user's.

    The folder is removed when the test ends: the suite makes ~1,900 of them, and kept until the end of
    the run (pytest's mktemp) they filled CI's disk ("No space left on device", 192 errors)."""
    root = Path(tempfile.mkdtemp(prefix="onestop-test-"))
    data = root / "data"
    data.mkdir()
    monkeypatch.setenv("ONESTOP_DATA_DIR", str(data))
    monkeypatch.delenv("ONESTOP_DATABASE_URL", raising=False)
    from PySide6.QtCore import QSettings

    # Each test starts from empty settings (window geometry, last tab, splitters) of its own.
    folder = root / "settings"
    folder.mkdir()
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield
    _delete_leftover_windows()
    shutil.rmtree(root, ignore_errors=True)


def _delete_leftover_windows() -> None:
    """Windows a test made and left open die with it: a leftover intake tab's draft timer once fired in a
    later test and wrote to a database whose folder was gone. Deleted, not closed (a close may ask)."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    for widget in app.topLevelWidgets():
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh SQLite database with every migration applied."""
    database = open_database(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    yield database
    database.engine.dispose()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office, built once per test session; tests copy it before writing."""
    from onestop_desktop.bootstrap import ensure_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    database = open_database(f"sqlite:///{path}")
    ensure_demo(database, living=False)  # the 2018 story alone; the office of today: tests/demo/
    database.engine.dispose()
    return path


@pytest.fixture
def demo_db(demo_db_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database (tests may write to it)."""
    import sqlite3

    target = tmp_path / "demo.sqlite3"
    src, dst = sqlite3.connect(demo_db_file), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    database = open_database(f"sqlite:///{target}")
    yield database
    database.engine.dispose()


def login_as(database: Database, username: str) -> Actor:
    from sqlalchemy import select

    from onestop_desktop.db.models import User
    from onestop_desktop.services.roles import actor_of

    with session_scope(database.factory) as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None, username
        return actor_of(user)


@pytest.fixture
def admin(db: Database) -> Actor:
    from onestop_desktop.services.safety import accounts

    with session_scope(db.factory) as s:
        accounts.create_first_admin(s, "admin", "Quản Trị Viên", "matkhau123")
    return login_as(db, "admin")


@pytest.fixture
def app_context(qapp, demo_db: Database):  # type: ignore[no-untyped-def]
    """A UI context on the demo database, signed in as the demo clerk, tasks run inline."""
    from onestop_desktop.ui.app import create_app
    from onestop_desktop.ui.bus import Bus
    from onestop_desktop.ui.context import AppContext
    from onestop_desktop.ui.tasks import TaskRunner

    create_app()
    return AppContext(
        db=demo_db, actor=login_as(demo_db, "canbo"), bus=Bus(), tasks=TaskRunner(synchronous=True), demo=True
    )
