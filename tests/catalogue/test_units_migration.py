"""Migration 0003 on a database made at 0002 that already holds the 2018 units and rows pointing at them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from onestop_desktop.db.engine import make_engine, make_session_factory, session_scope
from onestop_desktop.db.migrate import alembic_config, current_revision, upgrade_to_head
from onestop_desktop.db.models import Base, Unit, User
from onestop_desktop.services.catalogue import catalogue, units


def test_database_at_0002_upgrades_and_gets_the_2025_communes(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    old_rows = [r for r in catalogue._read_json("demo/units.json") if r["valid_from"] < "2025-07-01"]
    with engine.begin() as conn:  # what a 0002 program wrote: unique codes, users pointing at units
        ids: dict[str, int] = {}
        for r in old_rows:
            ids[r["code"]] = conn.execute(
                text(
                    "INSERT INTO units (code, name, name_key, level, parent_id, valid_from, valid_to,"
                    " office_code) VALUES (:c, :n, :n, :l, :p, :f, :t, :o) RETURNING id"
                ),
                {
                    "c": r["code"],
                    "n": r["name"],
                    "l": r["level"],
                    "p": ids.get(r["parent"] or ""),
                    "f": r["valid_from"],
                    "t": r["valid_to"],
                    "o": r["office_code"],
                },  # fmt: skip
            ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO users (username, full_name, role, password_hash, active, failed_logins, unit_id,"
                " department, created_at) VALUES ('cb', 'Cán Bộ', 'clerk', 'x', 1, 0, :u, '', '2018-01-02')"
            ),
            {"u": ids["26425"]},
        )
    assert current_revision(engine) == "0002"

    assert upgrade_to_head(engine) is not None  # a safety copy first
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # switched back on
        assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        diff = compare_metadata(
            MigrationContext.configure(
                conn, opts={"include_name": lambda name, *_: not (name or "").startswith("dossiers_fts")}
            ),
            Base.metadata,
        )
    assert diff == []

    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        assert s.scalar(select(func.count(Unit.id))) == 17
        user = s.scalar(select(User).where(User.username == "cb"))
        assert user is not None and user.unit_id == ids["26425"]  # still thị trấn Gia Ray
        assert catalogue.load_bundled_units(s) == 7  # a code may now be used again from 1/7/2025
    with session_scope(factory) as s:
        assert len(s.scalars(select(Unit).where(Unit.code == "26425")).all()) == 2
        assert [x.hint for x in units.successors(s, "gia ray", date(2026, 12, 2))] == [
            "Gia Ray → nay thuộc xã Xuân Lộc"
        ]
    engine.dispose()
