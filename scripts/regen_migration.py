"""Developer tool: regenerate the initial migration from the models (only before the first release).

Usage: .venv/bin/python scripts/regen_migration.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from onestop_desktop.db.engine import make_engine
from onestop_desktop.db.migrate import MIGRATIONS_DIR, alembic_config

initial = MIGRATIONS_DIR / "versions" / "0001_initial.py"
if initial.exists():
    initial.unlink()
with tempfile.TemporaryDirectory() as tmp:
    engine = make_engine(f"sqlite:///{Path(tmp) / 'empty.sqlite3'}")
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
generated = next((MIGRATIONS_DIR / "versions").glob("0001_*.py"))
if generated != initial:
    generated.rename(initial)
print(f"wrote {initial}")
