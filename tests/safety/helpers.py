"""Small helpers shared by the safety tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Procedure
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.dossiers import NewDossier, register
from onestop_desktop.services.roles import Actor


def register_some(database: Database, actor: Actor, n: int) -> list[str]:
    """Register `n` dossiers through the service (one transaction each); return their codes."""
    codes = []
    for i in range(n):
        with session_scope(database.factory) as s:
            procedure = s.scalar(select(Procedure.code).order_by(Procedure.id).limit(1))
            assert procedure is not None
            form = NewDossier(procedure_code=procedure, applicant_name=f"Lê Thị Kiểm {i}", phone="0912345678")
            codes.append(register(s, actor, form, office.office_unit(s), catalogue.working_calendar(s)).code)
    return codes


def sqlite3_cli(db_file: Path, sql: str) -> str:
    """Run SQL with the `sqlite3` command-line tool: a change made behind the program's back."""
    tool = shutil.which("sqlite3")
    assert tool, "the sqlite3 command-line tool is needed (apt-get install sqlite3)"
    done = subprocess.run([tool, str(db_file), sql], capture_output=True, text=True, check=True)
    return done.stdout
