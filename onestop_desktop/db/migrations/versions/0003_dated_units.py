"""dated units: a GSO code is unique per validity start; successors of former units

From 1/7/2025 the statistics office reuses old codes for the new communes (26425, thị trấn Gia Ray until
30/6/2025, is xã Xuân Lộc from 1/7/2025), so `units.code` is unique together with `valid_from` only.
`unit_successors` records which new unit took over a former unit's territory (all of it, or a part).
The rows themselves are loaded by `load_bundled_units` (idempotent), not here.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # On SQLite the batch rebuild drops and renames `units` while dossiers, users and tallies point at
    # it: `db.migrate.upgrade_to_head` runs migrations with foreign keys off and checks them before the
    # commit. Nothing may reference units with ON DELETE CASCADE (the implicit delete of DROP TABLE).
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_constraint("uq_units_code", type_="unique")
        batch_op.create_unique_constraint("uq_units_code_valid_from", ["code", "valid_from"])
        batch_op.create_index(batch_op.f("ix_units_code"), ["code"], unique=False)

    op.create_table(
        "unit_successors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("predecessor_id", sa.Integer(), nullable=False),
        sa.Column("successor_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["predecessor_id"],
            ["units.id"],
            name=op.f("fk_unit_successors_predecessor_id_units"),
        ),
        sa.ForeignKeyConstraint(
            ["successor_id"],
            ["units.id"],
            name=op.f("fk_unit_successors_successor_id_units"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_successors")),
        sa.UniqueConstraint("predecessor_id", "successor_id", name=op.f("uq_unit_successors_predecessor_id")),
    )
    with op.batch_alter_table("unit_successors", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_unit_successors_predecessor_id"), ["predecessor_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_unit_successors_successor_id"), ["successor_id"], unique=False)


def downgrade() -> None:
    # Only possible while no code is used twice (i.e. before the 2025 units were loaded).
    with op.batch_alter_table("unit_successors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_successors_successor_id"))
        batch_op.drop_index(batch_op.f("ix_unit_successors_predecessor_id"))
    op.drop_table("unit_successors")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_code"))
        batch_op.drop_constraint("uq_units_code_valid_from", type_="unique")
        batch_op.create_unique_constraint("uq_units_code", ["code"])
