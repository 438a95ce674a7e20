"""full-text search index over dossiers.search_key

SQLite: an FTS5 table with the trigram tokenizer (external content: it stores only the index) kept in
sync by triggers; substring queries of three or more characters use it. PostgreSQL: pg_trgm and a GIN
index, which serves `search_key LIKE '%…%'`. Neither object is part of the ORM metadata.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    "CREATE VIRTUAL TABLE dossiers_fts USING fts5("
    "search_key, content='dossiers', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER dossiers_fts_ai AFTER INSERT ON dossiers BEGIN "
    "INSERT INTO dossiers_fts(rowid, search_key) VALUES (new.id, new.search_key); END",
    "CREATE TRIGGER dossiers_fts_ad AFTER DELETE ON dossiers BEGIN "
    "INSERT INTO dossiers_fts(dossiers_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key); END",
    "CREATE TRIGGER dossiers_fts_au AFTER UPDATE OF search_key ON dossiers BEGIN "
    "INSERT INTO dossiers_fts(dossiers_fts, rowid, search_key) VALUES ('delete', old.id, old.search_key); "
    "INSERT INTO dossiers_fts(rowid, search_key) VALUES (new.id, new.search_key); END",
    "INSERT INTO dossiers_fts(dossiers_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS dossiers_fts_au",
    "DROP TRIGGER IF EXISTS dossiers_fts_ad",
    "DROP TRIGGER IF EXISTS dossiers_fts_ai",
    "DROP TABLE IF EXISTS dossiers_fts",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for sql in SQLITE_UP:
            op.execute(sql)
    elif dialect == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX IF NOT EXISTS ix_dossiers_search_key_trgm ON dossiers "
            "USING gin (search_key gin_trgm_ops)"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for sql in SQLITE_DOWN:
            op.execute(sql)
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_dossiers_search_key_trgm")
