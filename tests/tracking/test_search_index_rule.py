"""The full-text index holds the dossiers that have a search key, and stays right through key changes."""

from __future__ import annotations

from sqlalchemy import text

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope


def _indexed(db: Database) -> set[int]:
    with session_scope(db.factory) as s:
        # the shadow table of document sizes: one row per indexed document (SELECT from dossiers_fts
        # itself would read the content table, dossiers)
        return {int(r) for r in s.scalars(text("SELECT id FROM dossiers_fts_docsize"))}


def _matches(db: Database, phrase: str) -> set[int]:
    with session_scope(db.factory) as s:
        rows = s.scalars(
            text("SELECT rowid FROM dossiers_fts WHERE dossiers_fts MATCH :q"), {"q": f'"{phrase}"'}
        )
        return {int(r) for r in rows}


def test_empty_keys_stay_out_and_a_later_key_is_found(demo_db: Database) -> None:
    """An import writes empty keys first (the index cost 60 % of each insert for nothing), then fills them."""
    with session_scope(demo_db.factory) as s:
        first = int(s.scalar(text("SELECT min(id) FROM dossiers")))
        s.execute(text("UPDATE dossiers SET search_key = '' WHERE id = :i"), {"i": first})
    assert first not in _indexed(demo_db)
    with session_scope(demo_db.factory) as s:
        s.execute(text("UPDATE dossiers SET search_key = 'zzqq khoa moi' WHERE id = :i"), {"i": first})
    assert _matches(demo_db, "zzqq") == {first}
    with session_scope(demo_db.factory) as s:
        s.execute(text("UPDATE dossiers SET search_key = 'xxyy doi lai' WHERE id = :i"), {"i": first})
    assert _matches(demo_db, "zzqq") == set() and _matches(demo_db, "xxyy") == {first}
    with session_scope(demo_db.factory) as s:
        s.execute(text("DELETE FROM dossier_events WHERE dossier_id = :i"), {"i": first})
        s.execute(text("DELETE FROM dossiers WHERE id = :i"), {"i": first})
    assert _matches(demo_db, "xxyy") == set()
    with session_scope(demo_db.factory) as s:  # FTS5's own check: the index agrees with its content
        s.execute(text("INSERT INTO dossiers_fts(dossiers_fts, rank) VALUES ('integrity-check', 0)"))
        empty = {int(r) for r in s.scalars(text("SELECT id FROM dossiers WHERE search_key = ''"))}
    assert not (empty & _indexed(demo_db))
