"""the full-text index holds only dossiers that have a search key

A log-book import writes its rows with an empty search key and fills the keys afterwards in short
transactions (so the long write holds no index work): the insert trigger indexed the empty key anyway,
which cost about 60 % of each insert (FTS5 keeps a size record per document). The triggers now index a
row only when its key is not empty, and un-index it only when it was indexed (an FTS5 'delete' of a row
that was never inserted would damage the index: https://www.sqlite.org/fts5.html#the_delete_command).
The index is refilled to that rule. PostgreSQL's GIN index needs nothing.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_INDEXED = "coalesce({row}.search_key, '') <> ''"

SQLITE_UP = [
    "DROP TRIGGER IF EXISTS dossiers_fts_ai",
    "DROP TRIGGER IF EXISTS dossiers_fts_ad",
    "DROP TRIGGER IF EXISTS dossiers_fts_au",
    "CREATE TRIGGER dossiers_fts_ai AFTER INSERT ON dossiers WHEN " + _INDEXED.format(row="new") + " BEGIN "
    "INSERT INTO dossiers_fts(rowid, search_key) VALUES (new.id, new.search_key); END",
    "CREATE TRIGGER dossiers_fts_ad AFTER DELETE ON dossiers WHEN " + _INDEXED.format(row="old") + " BEGIN "
    "INSERT INTO dossiers_fts(dossiers_fts, rowid, search_key) "
    "VALUES ('delete', old.id, old.search_key); END",
    # one trigger, so the old key always leaves before the new one comes in
    "CREATE TRIGGER dossiers_fts_au AFTER UPDATE OF search_key ON dossiers BEGIN "
    "INSERT INTO dossiers_fts(dossiers_fts, rowid, search_key) SELECT 'delete', old.id, old.search_key "
    "WHERE " + _INDEXED.format(row="old") + "; "
    "INSERT INTO dossiers_fts(rowid, search_key) SELECT new.id, new.search_key "
    "WHERE " + _INDEXED.format(row="new") + "; END",
    "INSERT INTO dossiers_fts(dossiers_fts) VALUES ('delete-all')",
    "INSERT INTO dossiers_fts(rowid, search_key) SELECT id, search_key FROM dossiers "
    "WHERE coalesce(search_key, '') <> ''",
]
SQLITE_DOWN = [  # back to 0002's triggers, which index every row
    "DROP TRIGGER IF EXISTS dossiers_fts_ai",
    "DROP TRIGGER IF EXISTS dossiers_fts_ad",
    "DROP TRIGGER IF EXISTS dossiers_fts_au",
    "CREATE TRIGGER dossiers_fts_ai AFTER INSERT ON dossiers BEGIN "
    "INSERT INTO dossiers_fts(rowid, search_key) VALUES (new.id, new.search_key); END",
    "CREATE TRIGGER dossiers_fts_ad AFTER DELETE ON dossiers BEGIN "
    "INSERT INTO dossiers_fts(dossiers_fts, rowid, search_key) "
    "VALUES ('delete', old.id, old.search_key); END",
    "CREATE TRIGGER dossiers_fts_au AFTER UPDATE OF search_key ON dossiers BEGIN "
    "INSERT INTO dossiers_fts(dossiers_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key); "
    "INSERT INTO dossiers_fts(rowid, search_key) VALUES (new.id, new.search_key); END",
    "INSERT INTO dossiers_fts(dossiers_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for sql in SQLITE_UP:
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for sql in SQLITE_DOWN:
            op.execute(sql)
