"""digitised dossiers and the citizen's rating

`stored_files` (content-addressed: a file's SHA-256 names it), `attachments` (a dossier's scans, by
document line, and its result), `ratings` (the citizen's rating when the result is returned), and two
columns on `dossiers`: `digitized_at` (every document line had its scan) and `result_form` (electronic
or paper). Issue 14.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stored_files",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(60), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_stored_files")),
    )
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("document", sa.Integer(), nullable=True),
        sa.Column("result_form", sa.String(20), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.Integer(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("removed_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_attachments_dossier_id_dossiers"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["stored_files.sha256"], name=op.f("fk_attachments_sha256_stored_files")
        ),
        sa.ForeignKeyConstraint(["added_by"], ["users.id"], name=op.f("fk_attachments_added_by_users")),
        sa.ForeignKeyConstraint(["removed_by"], ["users.id"], name=op.f("fk_attachments_removed_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index("ix_attachments_dossier_document", "attachments", ["dossier_id", "document"])
    op.create_index(op.f("ix_attachments_sha256"), "attachments", ["sha256"])
    op.create_index(op.f("ix_attachments_added_at"), "attachments", ["added_at"])
    op.create_index(op.f("ix_attachments_added_by"), "attachments", ["added_by"])
    op.create_table(
        "ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("officer_user_id", sa.Integer(), nullable=True),
        sa.Column("procedure_id", sa.Integer(), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_ratings_dossier_id_dossiers"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["officer_user_id"], ["users.id"], name=op.f("fk_ratings_officer_user_id_users")),
        sa.ForeignKeyConstraint(["procedure_id"], ["procedures.id"], name=op.f("fk_ratings_procedure_id_procedures")),
        sa.ForeignKeyConstraint(["recorded_by"], ["users.id"], name=op.f("fk_ratings_recorded_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ratings")),
        sa.UniqueConstraint("dossier_id", name=op.f("uq_ratings_dossier_id")),
    )
    op.create_index(op.f("ix_ratings_officer_user_id"), "ratings", ["officer_user_id"])
    op.create_index(op.f("ix_ratings_procedure_id"), "ratings", ["procedure_id"])
    op.create_index(op.f("ix_ratings_rated_at"), "ratings", ["rated_at"])
    # adding a nullable column, or one with a constant default, is instant on SQLite and PostgreSQL
    op.add_column("dossiers", sa.Column("digitized_at", sa.DateTime(), nullable=True))
    op.add_column("dossiers", sa.Column("result_form", sa.String(20), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("result_form")
        batch.drop_column("digitized_at")
    op.drop_table("ratings")
    op.drop_table("attachments")
    op.drop_table("stored_files")
