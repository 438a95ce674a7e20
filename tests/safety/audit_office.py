"""A sealed office for the tamper tests, and a forger who uses the program's own functions without the key."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope, sqlite_file
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.services import audit_key, audit_rows
from onestop_desktop.services.audit import entry_hash, entry_mac, hashed_fields
from tests.conftest import login_as

from .helpers import register_some, sqlite3_cli


def carry_key(source_db: Path, target_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A copied database takes its key along, as a key file of its own beside it (conftest's demo copy
    does not know about keys; a test that changes the key never touches one other tests share)."""
    src = audit_key.key_path(source_db.resolve())
    monkeypatch.delenv(audit_key.ENV_KEY_FILE, raising=False)
    dst = audit_key.key_path(target_db.resolve())
    if src.exists() and not dst.exists():
        shutil.copy2(src, dst)


@dataclass
class Office:
    file: Path
    codes: list[str]

    @property
    def url(self) -> str:
        return f"sqlite:///{self.file}"

    def verify(self, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
        capsys.readouterr()
        code = main(["audit", "verify", "--database", str(self.file), *extra])
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    def head(self, capsys: pytest.CaptureFixture[str]) -> str:
        capsys.readouterr()
        assert main(["audit", "head", "--database", str(self.file)]) == 0
        return capsys.readouterr().out.strip()

    def sql(self, statement: str) -> str:
        return sqlite3_cli(self.file, statement)

    def one(self, query: str) -> str:
        return self.sql(query).strip()

    @property
    def key_file(self) -> Path:
        return audit_key.key_path(self.file.resolve())


def make_office(demo_db: Database, demo_db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Office:
    """The demo office with its key, a few dossiers from the counter, calendar days and a BHYT edit."""
    from onestop_desktop.db.models_stats import BhytTally
    from onestop_desktop.services.bhyt import tallies
    from onestop_desktop.services.catalogue import admin

    path = sqlite_file(demo_db.url)
    assert path is not None
    carry_key(demo_db_file, path, monkeypatch)
    codes = register_some(demo_db, login_as(demo_db, "canbo"), 3)
    boss = login_as(demo_db, "quantri")
    with session_scope(demo_db.factory) as s:
        admin.save_override(s, boss, date(2018, 12, 31), False, "Nghỉ bù Tết Dương lịch")
        admin.save_override(s, boss, date(2019, 1, 5), True, "Làm bù")
    with session_scope(demo_db.factory) as s:
        tally = s.scalars(select(BhytTally).order_by(BhytTally.id).limit(1)).one()
        unit_id, month, population = tally.unit_id, tally.month, tally.population
    for more in (1, 2):  # two edits: two rows of history
        with session_scope(demo_db.factory) as s:
            tallies.edit_tally(s, login_as(demo_db, "lanhdao"), unit_id, month, population=population + more)
    _scans_and_ratings(demo_db)
    demo_db.engine.dispose()
    return Office(path, codes)


def _scans_and_ratings(demo_db: Database) -> None:
    """Two returned dossiers get their paper result's scan and the citizen's rating (issue 14's tables)."""
    import io

    from PIL import Image

    from onestop_desktop.db.models import Dossier
    from onestop_desktop.services.attachments.attach import attach_result
    from onestop_desktop.services.attachments.scans import IncomingFile, prepare
    from onestop_desktop.services.ratings.record import record_rating

    clerk = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        returned = s.scalars(
            select(Dossier.code).where(Dossier.status == 10).order_by(Dossier.id).limit(2)
        ).all()
    for i, code in enumerate(returned):
        page = io.BytesIO()
        Image.new("RGB", (120, 160), (200 + i, 220, 230)).save(page, format="PNG")
        with session_scope(demo_db.factory) as s:
            attach_result(
                s, clerk, code, "paper", prepare([IncomingFile(f"ket-qua-{i}.png", page.getvalue())])
            )
            record_rating(s, clerk, code, ("neutral", "satisfied")[i], "chờ lâu" if i == 0 else "")


# What the tamper tests change in each table: a column to edit, and the values that let a copied row
# in beside its original (unique columns); a dossier slipped in is marked as demo data.
EDIT: dict[str, str] = {
    "dossiers": "applicant_name = 'Người Khác'",
    "dossier_events": "note = 'sửa'",
    "users": "role = 'admin'",
    "bhyt_groups": "name = 'Nhóm khác'",
    "bhyt_tallies": "insured = insured + 100",
    "bhyt_history": "reason = 'import'",
    "bhyt_targets": "rate = rate + 5",
    "indicator_defs": "name = 'Chỉ số khác'",
    "indicator_values": "value = value + 1",
    "fields": "name = 'Lĩnh vực khác'",
    "procedures": "name = 'Thủ tục khác'",
    "procedure_versions": "fee = fee + 1000",
    "procedure_version_documents": "count = count + 1",
    "calendar_overrides": "working = 1 - working",
    "settings": "value = value || ' (sửa)'",
    "units": "name = name || ' mới'",
    "attachments": "name = 'giay-to-khac.pdf'",
    "ratings": "reason = reason || ' (sửa)'",
}
FAKE: dict[str, dict[str, str]] = {
    "dossiers": {"code": "code || '-GIA'", "source": "'demo'"},
    "users": {"username": "'gia.mao'"},
    "bhyt_groups": {"code": "code || '-GIA'"},
    "bhyt_tallies": {"month": "'2031-01-01'"},
    "bhyt_targets": {"year": "2031"},
    "indicator_defs": {"code": "code || '-GIA'"},
    "indicator_values": {"month": "'2031-01-01'"},
    "fields": {"code": "code || 'G'"},
    "procedures": {"code": "code || '-GIA'"},
    "procedure_versions": {"valid_from": "'2031-01-01'"},
    "units": {"code": "code || 'G'"},
    "calendar_overrides": {"day": "'2031-01-01'"},
    # one rating per dossier: the copy rates a dossier that has none
    "ratings": {
        "dossier_id": "(SELECT min(id) FROM dossiers WHERE id NOT IN (SELECT dossier_id FROM ratings))"
    },  # noqa: E501
}
FAKE_ID = {"settings": "'gia.mao'"}


def first_last(office: Office, table: str) -> tuple[str, str]:
    pk = audit_rows.pk_of(table)
    first = office.one(f"SELECT {pk} FROM {table} ORDER BY {pk} LIMIT 1")
    last = office.one(f"SELECT {pk} FROM {table} ORDER BY {pk} DESC LIMIT 1")
    assert first and last and first != last, table
    return first, last


def quoted(table: str, value: str) -> str:
    return f"'{value}'" if table == "settings" else value


def insert_copy(office: Office, table: str, source: str) -> str:
    """Copy row `source` under a new primary key (and unique values); returns the new key."""
    pk = audit_rows.pk_of(table)
    new = FAKE_ID.get(table, "900001")
    cols = audit_rows.columns_of(table)
    overrides = {pk: new, **FAKE.get(table, {})}
    values = ", ".join(overrides.get(c, c) for c in cols)
    office.sql(
        f"INSERT INTO {table} ({', '.join(cols)}) SELECT {values} FROM {table} "
        f"WHERE {pk} = {quoted(table, source)}"
    )
    return new.strip("'")


def forge_chain(office: Office, *, unkeyed: bool, change: Any = None) -> None:
    """Recompute every entry's code with the program's own functions, as a forger without the key can:
    `entry_hash` (SHA-256) under the same scheme, or the scheme turned back to "sha256"; `change(e)`
    first edits what an entry says (its snapshot, its row digests)."""
    db = open_database(office.url, migrate=False)
    try:
        with session_scope(db.factory) as s:
            prev = "0" * 64
            for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id)):
                if change is not None:
                    change(e)
                if unkeyed:
                    e.scheme, e.rows = "sha256", None
                e.prev_hash = prev
                e.hash = entry_hash(prev, hashed_fields(e))
                prev = e.hash
    finally:
        db.engine.dispose()


def forge_with_own_key(office: Office, change: Any = None) -> None:
    """Someone who can write the data folder: a key of their own, and everything sealed again with it."""
    office.key_file.write_text("ab" * 32 + "\n", encoding="ascii")
    secret = bytes.fromhex("ab" * 32)
    kid = audit_key.key_id(secret)
    db = open_database(office.url, migrate=False)
    try:
        with session_scope(db.factory) as s:
            fresh: dict[str, dict[str, str]] = {}
            for name in audit_rows.COVERED:
                found = audit_rows.digests(s, secret, name, None)
                fresh[name] = {str(k): v for k, v in found.items()}
            prev = "0" * 64
            for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id)):
                if change is not None:
                    change(e)
                e.scheme = f"hmac:{kid}"
                if e.rows is not None:
                    tables = {
                        name: {**part, "r": {r: fresh[name].get(r) for r in part["r"]}, "w": {}}
                        for name, part in e.rows["tables"].items()
                    }
                    e.rows = {**e.rows, "tables": tables}
                e.prev_hash = prev
                e.hash = entry_mac(secret, prev, hashed_fields(e))
                prev = e.hash
    finally:
        db.engine.dispose()
