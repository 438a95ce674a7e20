"""Open a database ready for use: engine, migrations (after a safety copy), session factory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from onestop_desktop.clock import today_local
from onestop_desktop.db.engine import (
    make_engine,
    make_session_factory,
    resolve_url,
    session_scope,
    sqlite_file,
    sqlite_url,
)
from onestop_desktop.db.migrate import current_revision, upgrade_to_head
from onestop_desktop.paths import demo_database_path


@dataclass
class Database:
    url: str
    engine: Engine
    factory: sessionmaker[Session]

    def describe(self) -> str:
        """The database as shown in the status bar (no password)."""
        return self.engine.url.render_as_string(hide_password=True)


def database_url(url: str | None = None, *, demo: bool = False) -> str:
    """The URL `open_database(url, demo=demo)` opens: given, from the environment, or the default file."""
    return sqlite_url(demo_database_path()) if demo and not url else resolve_url(url)


def database_file(url: str) -> Path | None:
    """The SQLite file behind `url`, or None for a server database (PostgreSQL)."""
    return sqlite_file(url)


def open_database(url: str | None = None, *, demo: bool = False, migrate: bool = True) -> Database:
    resolved = database_url(url, demo=demo)
    engine = make_engine(resolved)
    factory = make_session_factory(engine)
    if migrate:
        before = current_revision(engine)
        upgrade_to_head(engine)
        if before is not None and before != current_revision(engine):
            _seal_audit(factory)  # an office's file just upgraded: seal its rows now, not at the first save
    return Database(resolved, engine, factory)


def _seal_audit(factory: sessionmaker[Session]) -> None:
    """Key the audit chain and seal the rows once, after an upgrade, in a transaction of its own (else
    the first save after the upgrade pays for it: about 1 s for the demo, 20 s at 1,000,000 dossiers).
    A server without its key file, or a file that cannot be written, is left as it is: the first save
    then says why it cannot be made."""
    from sqlalchemy.exc import OperationalError

    from onestop_desktop.services import audit
    from onestop_desktop.services.audit_key import AuditKeyMissing

    try:
        with session_scope(factory) as s:
            audit.seal_if_unsealed(s)
    except (AuditKeyMissing, OperationalError):
        pass


def demo_today() -> date:
    """The day the living demo is built for: today, or ONESTOP_DEMO_TODAY (YYYY-MM-DD) to pin it."""
    pinned = os.environ.get("ONESTOP_DEMO_TODAY", "").strip()
    return date.fromisoformat(pinned) if pinned else today_local()


def ensure_demo(db: Database, living: bool = True) -> bool:
    """Build the demo office in `db` if it is not there yet.

    `living`: also the office of today (the commune centre and its dossiers up to `demo_today()`);
    without it the demo is the 2018 story alone (what most tests work on).
    """
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.services.demo.office import build_demo

    with session_scope(db.factory) as session:
        return build_demo(session, demo_today() if living else None)
