"""keyed audit chain: each entry names how its code was made

`audit_log.scheme` is "sha256" for every entry written so far (the unkeyed chain, still verifiable as
it was) and "hmac:<key id>" for entries sealed from now on with the audit key kept outside the database
(services/audit_chain.py). Nothing is rewritten: the first keyed entry links to the last unkeyed one.
`audit_log.rows` holds the digests of the data rows an entry's transaction wrote (services/audit_rows.py).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("scheme", sa.String(20), nullable=False, server_default="sha256"))
        batch.add_column(sa.Column("rows", sa.JSON(none_as_null=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("rows")
        batch.drop_column("scheme")
