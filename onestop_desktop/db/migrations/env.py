"""Alembic environment: the program passes its own connection in `config.attributes["connection"]`."""

from __future__ import annotations

from alembic import context

from onestop_desktop.db import models_files, models_stats  # noqa: F401  (registers their tables)
from onestop_desktop.db.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations are run by onestop_desktop.db.migrate, with a connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run()
