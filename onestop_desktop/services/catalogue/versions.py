"""A procedure's dated versions (time, fee, result, documents): the one valid on a day, adding one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Dossier, Procedure, ProcedureVersion, ProcedureVersionDocument
from onestop_desktop.domain.calendar import TimeUnit
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.messages import msg
from onestop_desktop.services.catalogue import catalogue_messages  # noqa: F401  (defines the messages)
from onestop_desktop.services.errors import ServiceError

FIRST_DAY = date(2000, 1, 1)  # the start of a version that has always applied (the undated catalogue)


@dataclass(frozen=True)
class DocumentInfo:
    name: str
    kind: str  # original | certified_copy | photocopy
    count: int


@dataclass(frozen=True)
class VersionValues:
    """What a version sets: the statutory time, fee, online level, result and the documents asked for."""

    time_value: int
    time_unit: str  # a TimeUnit value
    fee: int = 0
    online_level: int = 2
    result: str = ""
    documents: tuple[DocumentInfo, ...] = ()


def values_of(v: ProcedureVersion) -> VersionValues:
    docs = tuple(DocumentInfo(d.name, d.kind, d.count) for d in v.documents)
    return VersionValues(v.time_value, v.time_unit, v.fee, v.online_level, v.result, docs)


def applies(v: ProcedureVersion, day: date) -> bool:
    return v.valid_from <= day and (v.valid_to is None or v.valid_to >= day)


def pick(versions: Sequence[ProcedureVersion], day: date) -> ProcedureVersion | None:
    """The version of `versions` (one procedure's, loaded) valid on `day`."""
    return next((v for v in versions if applies(v, day)), None)


def loaded() -> LoaderOption:
    """Query option: a procedure's versions and their documents, loaded with it."""
    return selectinload(Procedure.versions).selectinload(ProcedureVersion.documents)


def on_day(procedure: Procedure, day: date) -> ProcedureVersion:
    """The version of a loaded procedure valid on `day` (the demo and bulk writers: there always is one)."""
    found = pick(procedure.versions, day)
    if found is None:
        raise ServiceError(msg("cat.not-in-force", code=procedure.code, day=fmt_date(day)))
    return found


def version_on(session: Session, procedure: Procedure | int, day: date) -> ProcedureVersion | None:
    """The version of `procedure` (a row or its id) valid on `day`, None when it did not apply then."""
    pid = procedure if isinstance(procedure, int) else procedure.id
    return session.scalar(
        select(ProcedureVersion).where(ProcedureVersion.procedure_id == pid, ProcedureVersion.valid_on(day))
    )


def has_dossiers(session: Session, version: ProcedureVersion) -> bool:
    """Whether a dossier was received under this version (then it never changes)."""
    return bool(session.scalar(select(exists().where(Dossier.procedure_version_id == version.id))))


def last_receipt(session: Session, version: ProcedureVersion) -> date | None:
    """The last day a dossier was received under this version (None: no dossier)."""
    last = session.scalar(
        select(func.max(Dossier.received_at)).where(Dossier.procedure_version_id == version.id)
    )
    return last.date() if isinstance(last, datetime) else None


def check_can_end(session: Session, procedure: Procedure, version: ProcedureVersion, last_day: date) -> None:
    """Refuse to end a version before a day a dossier was received under it (that dossier keeps it)."""
    last = last_receipt(session, version)
    if last is not None and last > last_day:
        first = fmt_date(last + timedelta(days=1))
        raise ServiceError(msg("cat.version-kept", code=procedure.code, last=fmt_date(last), first=first))


def add_version(
    session: Session, procedure: Procedure, valid_from: date, values: VersionValues, source: str = ""
) -> ProcedureVersion:
    """Put a version in force from `valid_from`; the version before it ends the day before.

    A version that starts later keeps its start (the new one ends the day before it). A version that
    starts the same day is replaced, unless a dossier was received under it: then this is refused.
    """
    unit = TimeUnit(values.time_unit).value
    versions = list(procedure.versions)
    same = next((v for v in versions if v.valid_from == valid_from), None)
    if same is not None and has_dossiers(session, same):
        raise ServiceError(msg("cat.version-same-day", code=procedure.code, day=fmt_date(valid_from)))
    later = [v.valid_from for v in versions if v.valid_from > valid_from]
    for v in versions:
        if v.valid_from < valid_from and (v.valid_to is None or v.valid_to >= valid_from):
            check_can_end(session, procedure, v, valid_from - timedelta(days=1))
            v.valid_to = valid_from - timedelta(days=1)
    if same is None:
        same = ProcedureVersion(valid_from=valid_from, created_at=now_local())
        procedure.versions.append(same)
    same.valid_to = min(later) - timedelta(days=1) if later else None
    same.time_value, same.time_unit, same.fee = values.time_value, unit, values.fee
    same.online_level, same.result, same.source = values.online_level, values.result, source
    same.documents = [
        ProcedureVersionDocument(position=i, name=d.name, kind=d.kind, count=d.count)
        for i, d in enumerate(values.documents)
    ]
    procedure.versions.sort(key=lambda v: v.valid_from)
    session.flush()
    return same


def end_procedure(session: Session, procedure: Procedure, last_day: date) -> bool:
    """The procedure is no longer listed after `last_day`: its open version ends then. True if it did."""
    changed = False
    for v in procedure.versions:
        if v.valid_from <= last_day and (v.valid_to is None or v.valid_to > last_day):
            check_can_end(session, procedure, v, last_day)
            v.valid_to = last_day
            changed = True
    session.flush()
    return changed
