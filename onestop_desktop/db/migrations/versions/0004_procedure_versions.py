"""dated catalogue: a procedure's time, fee, result and documents live in versions (valid from/to)

Each procedure's values of 0003 become its first version, valid from 1/1/2000 with no end (the
catalogue of before carried no date); its documents go with that version. Every dossier gets the
version valid on the day it was received (`dossiers.procedure_version_id`; a dossier received before
2000 keeps None). The undated columns of `procedures` and the table `procedure_documents` go: a
reader asks for the version of a day (`services.catalogue.versions.version_on`).

Revision ID: 0004
Revises: 0003
"""

import importlib.util
import sys
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FIRST_DAY = date(2000, 1, 1)
FIRST_SOURCE = "Danh mục thủ tục trước khi có phiên bản theo ngày"


def _day_of(column: str) -> str:
    """SQL for the calendar day of a datetime column, per dialect."""
    return f"date({column})" if op.get_bind().dialect.name == "sqlite" else f"CAST({column} AS DATE)"


def upgrade() -> None:
    op.create_table(
        "procedure_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("time_value", sa.Integer(), nullable=False),
        sa.Column("time_unit", sa.String(length=20), nullable=False),
        sa.Column("fee", sa.Integer(), nullable=False),
        sa.Column("online_level", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"], ["procedures.id"], name=op.f("fk_procedure_versions_procedure_id_procedures")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_versions")),
        sa.UniqueConstraint("procedure_id", "valid_from", name=op.f("uq_procedure_versions_procedure_id")),
    )
    with op.batch_alter_table("procedure_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_procedure_versions_procedure_id"), ["procedure_id"], unique=False
        )
    op.create_table(
        "procedure_version_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["procedure_versions.id"],
            name=op.f("fk_procedure_version_documents_version_id_procedure_versions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_version_documents")),
    )
    with op.batch_alter_table("procedure_version_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_procedure_version_documents_version_id"), ["version_id"], unique=False
        )

    bind = op.get_bind()
    bind.execute(
        sa.text(
            "INSERT INTO procedure_versions (procedure_id, valid_from, valid_to, time_value, time_unit, fee,"
            " online_level, result, source, created_at)"
            " SELECT id, :first, NULL, time_value, time_unit, coalesce(fee, 0), coalesce(online_level, 2),"
            " coalesce(result, ''), :source, :now FROM procedures"
        ),
        {"first": FIRST_DAY, "source": FIRST_SOURCE, "now": datetime.now().replace(microsecond=0)},  # noqa: DTZ005
    )
    bind.execute(
        sa.text(
            "INSERT INTO procedure_version_documents (version_id, position, name, kind, count)"
            " SELECT v.id, d.position, d.name, d.kind, d.count FROM procedure_documents d"
            " JOIN procedure_versions v ON v.procedure_id = d.procedure_id"
            " ORDER BY d.procedure_id, d.position"
        )
    )

    # ADD COLUMN, not a batch rebuild: rebuilding `dossiers` would drop the full-text triggers of 0002.
    fk = "fk_dossiers_procedure_version_id_procedure_versions"
    if bind.dialect.name == "sqlite":  # SQLite adds a reference only with the column, in one statement
        op.execute(
            f"ALTER TABLE dossiers ADD COLUMN procedure_version_id INTEGER CONSTRAINT {fk}"
            " REFERENCES procedure_versions (id)"
        )
    else:
        op.add_column("dossiers", sa.Column("procedure_version_id", sa.Integer(), nullable=True))
        op.create_foreign_key(fk, "dossiers", "procedure_versions", ["procedure_version_id"], ["id"])
    op.create_index(op.f("ix_dossiers_procedure_version_id"), "dossiers", ["procedure_version_id"])
    day = _day_of("dossiers.received_at")
    bind.execute(
        sa.text(
            "UPDATE dossiers SET procedure_version_id = (SELECT v.id FROM procedure_versions v"
            f" WHERE v.procedure_id = dossiers.procedure_id AND v.valid_from <= {day}"
            f" AND (v.valid_to IS NULL OR v.valid_to >= {day}))"
        )
    )

    with op.batch_alter_table("procedure_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_documents_procedure_id"))
    op.drop_table("procedure_documents")
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        for column in ("time_value", "time_unit", "fee", "online_level", "result"):
            batch_op.drop_column(column)


def downgrade() -> None:
    # Back to one undated value set: each procedure keeps its newest version (the others are lost).
    with op.batch_alter_table("procedures", schema=None) as batch_op:
        batch_op.add_column(sa.Column("time_value", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column("time_unit", sa.String(length=20), nullable=False, server_default="working-days")
        )
        batch_op.add_column(sa.Column("fee", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("online_level", sa.Integer(), nullable=False, server_default="2"))
        batch_op.add_column(sa.Column("result", sa.String(length=300), nullable=False, server_default=""))
    newest = (
        "(SELECT v.{col} FROM procedure_versions v WHERE v.procedure_id = procedures.id"
        " ORDER BY v.valid_from DESC LIMIT 1)"
    )
    bind = op.get_bind()
    for col in ("time_value", "time_unit", "fee", "online_level", "result"):
        bind.execute(
            sa.text(
                f"UPDATE procedures SET {col} = coalesce({newest.format(col=col)}, {col})"  # noqa: S608
            )
        )
    op.create_table(
        "procedure_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_id"],
            ["procedures.id"],
            name=op.f("fk_procedure_documents_procedure_id_procedures"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_documents")),
    )
    with op.batch_alter_table("procedure_documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_procedure_documents_procedure_id"), ["procedure_id"], unique=False
        )
    bind.execute(
        sa.text(
            "INSERT INTO procedure_documents (procedure_id, position, name, kind, count)"
            " SELECT v.procedure_id, d.position, d.name, d.kind, d.count FROM procedure_version_documents d"
            " JOIN procedure_versions v ON v.id = d.version_id WHERE v.valid_from ="
            " (SELECT max(w.valid_from) FROM procedure_versions w WHERE w.procedure_id = v.procedure_id)"
        )
    )
    op.drop_index(op.f("ix_dossiers_procedure_version_id"), table_name="dossiers")
    with op.batch_alter_table("dossiers", schema=None) as batch_op:
        batch_op.drop_column("procedure_version_id")
    if bind.dialect.name == "sqlite":  # the rebuild dropped the full-text triggers of 0002: put them back
        for statement in _sqlite_triggers():
            op.execute(statement)
    with op.batch_alter_table("procedure_version_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_version_documents_version_id"))
    op.drop_table("procedure_version_documents")
    with op.batch_alter_table("procedure_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_versions_procedure_id"))
    op.drop_table("procedure_versions")


def _sqlite_triggers() -> list[str]:
    """0002's trigger statements, read from its file (Alembic loads revisions outside any package)."""
    spec = importlib.util.spec_from_file_location("_search_0002", Path(__file__).with_name("0002_search.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("_search_0002", module)
    spec.loader.exec_module(module)
    return list(module.SQLITE_UP[1:4])
