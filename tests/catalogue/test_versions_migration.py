"""Migration 0004 on a database made at 0003: undated procedures become their first version, dossiers link."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, text

from onestop_desktop.db.engine import make_engine, make_session_factory, session_scope
from onestop_desktop.db.migrate import alembic_config, current_revision, upgrade_to_head
from onestop_desktop.db.models import Base, Dossier, Procedure
from onestop_desktop.services.catalogue import catalogue, versions

DOSSIER = (
    "INSERT INTO dossiers (code, procedure_id, field_id, unit_id, applicant_name, applicant_sort, citizen_id,"
    " phone, email, address, channel, received_at, due_at, original_due_at, time_value, time_unit, status,"
    " documents, sets, fee, receiving_user_id, holder_department, late_reason, apology_count, search_key,"
    " book_number, book_sequence, source, updated_at) VALUES (:code, :p, :f, :u, 'Nguyễn Văn A', 'a', '', '',"
    " '', '', 'direct', :at, :at, :at, 30, 'working-days', 2, '[]', 1, 25000, :user, '', '', 0, :key, '01',"
    " 1, 'counter', :at)"
)


def _old_rows(conn: Connection) -> dict[str, int]:
    """What a 0003 program wrote: a field, an undated procedure with two documents, two dossiers."""
    ids = {}
    ids["f"] = conn.execute(
        text("INSERT INTO fields (code, name) VALUES ('DD', 'Đất đai') RETURNING id")
    ).scalar_one()
    ids["p"] = conn.execute(
        text(
            "INSERT INTO procedures (code, name, name_key, field_id, level, time_value, time_unit, fee,"
            " online_level, result, active) VALUES ('DD-01', 'Đăng ký đất đai lần đầu', 'dang ky', :f, 'xa',"
            " 30, 'working-days', 25000, 2, 'Giấy chứng nhận', 1) RETURNING id"
        ),
        {"f": ids["f"]},
    ).scalar_one()
    for pos, name in enumerate(("Đơn đăng ký", "Sổ hộ khẩu")):
        conn.execute(
            text(
                "INSERT INTO procedure_documents (procedure_id, position, name, kind, count)"
                " VALUES (:p, :pos, :n, 'original', 1)"
            ),
            {"p": ids["p"], "pos": pos, "n": name},
        )
    ids["u"] = conn.execute(
        text(
            "INSERT INTO units (code, name, name_key, level, valid_from, office_code) VALUES"
            " ('26425', 'Thị trấn Gia Ray', 'gia ray', 'township', '2008-01-01', '000.00.32.H19')"
            " RETURNING id"
        )
    ).scalar_one()
    ids["user"] = conn.execute(
        text(
            "INSERT INTO users (username, full_name, role, password_hash, active, failed_logins, unit_id,"
            " department, created_at) VALUES ('cb', 'Cán Bộ', 'clerk', 'x', 1, 0, :u, '', '2018-01-02')"
            " RETURNING id"
        ),
        {"u": ids["u"]},
    ).scalar_one()
    for code, at in (("OLD-1999", "1999-12-30 08:00:00"), ("D-2018", "2018-10-01 08:00:00")):
        conn.execute(
            text(DOSSIER),
            {
                "code": code,
                "p": ids["p"],
                "f": ids["f"],
                "u": ids["u"],
                "at": at,
                "user": ids["user"],
                "key": code.lower(),
            },  # fmt: skip
        )
    return ids


def test_database_at_0003_carries_its_catalogue_over_as_the_first_version(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
    with engine.begin() as conn:
        ids = _old_rows(conn)
    assert current_revision(engine) == "0003"

    assert upgrade_to_head(engine) is not None  # a safety copy first
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).fetchall() == []
        diff = compare_metadata(
            MigrationContext.configure(
                conn, opts={"include_name": lambda name, *_: not (name or "").startswith("dossiers_fts")}
            ),
            Base.metadata,
        )
        triggers = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars().all()
        found = conn.execute(text("SELECT rowid FROM dossiers_fts WHERE search_key MATCH '\"2018\"'")).all()
    assert diff == []
    assert {"dossiers_fts_ai", "dossiers_fts_ad", "dossiers_fts_au"} <= set(triggers)  # search still works
    assert len(found) == 1

    factory = make_session_factory(engine)
    with session_scope(factory) as s:
        p = s.get(Procedure, ids["p"])
        assert p is not None and len(p.versions) == 1
        v = p.versions[0]
        assert (v.valid_from, v.valid_to) == (versions.FIRST_DAY, None)
        assert (v.time_value, v.time_unit, v.fee, v.online_level, v.result) == (
            30, "working-days", 25000, 2, "Giấy chứng nhận"
        )  # fmt: skip
        assert [(d.position, d.name) for d in v.documents] == [(0, "Đơn đăng ký"), (1, "Sổ hộ khẩu")]
        by_code = {d.code: d.procedure_version_id for d in s.query(Dossier)}
        assert by_code == {"OLD-1999": None, "D-2018": v.id}  # before 2000 no version applied
        info = catalogue.get_procedure(s, "DD-01", on=date(2018, 10, 1))
        assert info.time_value == 30 and info.version_id == v.id
    engine.dispose()
