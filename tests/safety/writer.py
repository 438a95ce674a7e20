"""A counter in a child process: registers dossiers one transaction each, printing each code after commit.

    python tests/safety/writer.py DB_URL COUNT USERNAME [--wait-go]

Prints "ready" once set up; with --wait-go it then waits for a line on stdin, so that several
writers start at the same moment. Each code is printed (and flushed) only after its commit returned.
"""

from __future__ import annotations

import sys

from sqlalchemy import select

from onestop_desktop.bootstrap import open_database
from onestop_desktop.db.engine import run_in_transaction, session_scope
from onestop_desktop.db.models import Procedure, User
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.dossiers import DocumentCount, NewDossier, register
from onestop_desktop.services.roles import actor_of


def main(argv: list[str]) -> int:
    url, count, username = argv[0], int(argv[1]), argv[2]
    db = open_database(url, migrate=False)
    with session_scope(db.factory) as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None, username
        actor = actor_of(user)
        calendar = catalogue.working_calendar(s)
        procedure = s.scalar(select(Procedure.code).where(Procedure.active).order_by(Procedure.id).limit(1))
        assert procedure is not None
    print("ready", flush=True)
    if "--wait-go" in argv:
        sys.stdin.readline()
    for n in range(count):
        form = NewDossier(
            procedure_code=procedure,
            applicant_name=f"Nguyễn Văn Thử {n}",
            citizen_id="075090000123",
            phone="0912345678",
            documents=(DocumentCount("Tờ khai", originals=1),),
        )
        code = run_in_transaction(
            db.factory, lambda s, form=form: register(s, actor, form, office.office_unit(s), calendar).code
        )
        sys.stdout.write(code + "\n")
        sys.stdout.flush()
    db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
