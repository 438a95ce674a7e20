"""A hand-made office for the digitisation and satisfaction figures: seven dossiers around October 2026."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, Field, Procedure, Unit, User
from onestop_desktop.db.models_files import Attachment, Rating, StoredFile
from onestop_desktop.services.catalogue import catalogue

SHA = "ab" * 32
TWO_LINES = [
    {"name": "Tờ khai", "originals": 1, "certified_copies": 0, "photocopies": 0},
    {"name": "Bản sao giấy tờ tùy thân", "originals": 0, "certified_copies": 1, "photocopies": 0},
]


def dt(s: str) -> datetime:
    return datetime.fromisoformat(s)


def build_office(db: Database) -> Database:
    """Seven dossiers around October 2026, each a case of the counting rules (the "admin" account made)."""
    with session_scope(db.factory) as s:
        catalogue.load_bundled_units(s)
        catalogue.load_bundled_catalogue(s)
        fields = {f.code: f for f in s.scalars(select(Field))}
        procs = {
            c: s.scalar(select(Procedure).where(Procedure.field_id == fields[c].id).limit(1))
            for c in ("DD", "HT")
        }
        unit = s.scalar(select(Unit).where(Unit.code == "741"))
        user = s.scalar(select(User).where(User.username == "admin"))
        assert unit is not None and user is not None
        s.add(
            StoredFile(
                sha256=SHA,
                size=1,
                media_type="application/pdf",
                pages=1,
                stored_at=dt("2026-09-01"),
                content=b"x",
            )
        )

        def dossier(code: str, field: str = "DD", **kw: Any) -> Dossier:
            p = procs[field]
            assert p is not None
            row: dict[str, Any] = dict(
                code=code,
                procedure_id=p.id,
                field_id=fields[field].id,
                unit_id=unit.id,
                applicant_name="Nguyễn Văn An",
                applicant_sort="an",
                channel="direct",
                received_at=dt("2026-10-01 08:00"),
                due_at=dt("2026-10-09 17:00"),
                time_value=5,
                time_unit="working-days",
                status=4,
                receiving_user_id=user.id,
                documents=TWO_LINES,
                updated_at=dt("2026-10-01 08:00"),
            )
            row.update(kw)
            row.setdefault("original_due_at", row["due_at"])
            d = Dossier(**row)
            s.add(d)
            s.flush()
            return d

        def rate(d: Dossier, level: str, at: str) -> None:
            s.add(
                Rating(
                    dossier_id=d.id,
                    level=level,
                    reason="",
                    officer_user_id=user.id,
                    procedure_id=d.procedure_id,
                    rated_at=dt(at),
                    recorded_by=user.id,
                    source="counter",
                )
            )

        a = dossier(
            "A",
            digitized_at=dt("2026-10-01 08:05"),
            resolved_at=dt("2026-10-05 10:00"),
            returned_at=dt("2026-10-05 14:00"),
            status=10,
            result_form="electronic",
        )
        s.add(
            Attachment(
                dossier_id=a.id,
                role="document",
                document=1,
                result_form="",
                name="a.pdf",
                sha256=SHA,
                added_at=dt("2026-10-01 08:04"),
                added_by=user.id,
            )
        )
        rate(a, "satisfied", "2026-10-05 14:01")
        b = dossier(
            "B",
            resolved_at=dt("2026-10-06 10:00"),
            returned_at=dt("2026-10-06 15:00"),
            status=10,
            result_form="paper",
        )  # one line scanned only: not digitised
        rate(b, "neutral", "2026-10-06 15:01")
        dossier("C", digitized_at=dt("2026-11-03 09:00"))  # digitised after the period: not in October
        d = dossier(
            "D",
            field="HT",
            digitized_at=dt("2026-10-02 09:00"),
            resolved_at=dt("2026-10-20 10:00"),
            returned_at=dt("2026-10-21 09:00"),
            status=10,
            result_form="electronic",
        )
        rate(d, "unsatisfied", "2026-10-21 09:01")
        e = dossier(
            "E",
            received_at=dt("2026-09-28 08:00"),
            resolved_at=dt("2026-10-02 10:00"),
            returned_at=dt("2026-10-02 11:00"),
            status=10,
            result_form="electronic",
        )  # carried over
        rate(e, "satisfied", "2026-10-02 11:01")
        dossier(
            "F", status=3, closed_at=dt("2026-10-01 08:10"), digitized_at=dt("2026-10-01 08:09")
        )  # refused
        g = dossier("G", resolved_at=dt("2026-10-30 10:00"), returned_at=dt("2026-11-02 09:00"), status=10)
        rate(g, "satisfied", "2026-11-02 09:01")  # rated in November
    return db
