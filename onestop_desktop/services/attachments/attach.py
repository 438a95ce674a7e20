"""A dossier's scans and result files: attach, list, read, remove (services; the caller commits).

Order of a write, so that nothing is ever counted without its bytes: the file goes into the store first
(store.py: tmp, fsync, rename), then the rows are added in the caller's transaction. A rollback or a
killed process leaves at most a file no row names (an orphan: `onestop-desktop check` lists it), never
a row whose file is missing. With the "database" store the bytes are in the row itself (one transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Dossier, User
from onestop_desktop.db.models_files import Attachment, StoredFile
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.domain.sizes import MB, size_text
from onestop_desktop.services import audit, roles
from onestop_desktop.services.attachments import attach_messages  # noqa: F401  (registers the texts)
from onestop_desktop.services.attachments.scans import PDF, PreparedScan
from onestop_desktop.services.attachments.store import FolderStore, folder_for
from onestop_desktop.services.catalogue.office import get_setting
from onestop_desktop.services.errors import NotFound, ServiceError
from onestop_desktop.services.roles import Actor, Role

STORE_SETTING = "attachments.store"
MAX_FILE_SETTING, MAX_FILE_MB = "attachments.max_file_mb", 50
MAX_DOSSIER_SETTING, MAX_DOSSIER_MB = "attachments.max_dossier_mb", 200
RESULT_FORMS = ("electronic", "paper")


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    name: str
    role: str  # document | result
    document: int | None
    result_form: str
    sha256: str
    bytes: int
    pages: int
    media_type: str
    added_at: datetime
    added_by: str  # user name


@dataclass(frozen=True)
class Limits:
    per_file_bytes: int
    per_dossier_bytes: int


def _megabytes(session: Session, key: str, default: int) -> int:
    raw = get_setting(session, key, "").strip()
    try:
        mb = float(raw.replace(",", ".")) if raw else float(default)
    except ValueError:
        mb = float(default)
    return int(max(mb, 0.01) * MB)  # megabytes as size_text counts them; a typo never blocks every scan


def limits(session: Session) -> Limits:
    """The size guard (settings `attachments.max_file_mb`, `attachments.max_dossier_mb`)."""
    return Limits(
        _megabytes(session, MAX_FILE_SETTING, MAX_FILE_MB),
        _megabytes(session, MAX_DOSSIER_SETTING, MAX_DOSSIER_MB),
    )


def store_of(session: Session) -> FolderStore | None:
    """This database's folder store, or None when files are kept in the database itself."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    url = engine.url.render_as_string(hide_password=False)
    return folder_for(url, get_setting(session, STORE_SETTING, ""))


def _dossier(session: Session, code: str) -> Dossier:
    d = session.scalar(select(Dossier).where(Dossier.code == code.strip()))
    if d is None:
        raise NotFound(msg("att.no-dossier", code=code.strip()))
    return d


def _live(dossier_id: int):  # type: ignore[no-untyped-def]
    return select(Attachment).where(Attachment.dossier_id == dossier_id, Attachment.removed_at.is_(None))


def _used_bytes(session: Session, dossier_id: int) -> int:
    total = session.scalar(
        select(func.coalesce(func.sum(StoredFile.size), 0))
        .select_from(Attachment)
        .join(StoredFile, StoredFile.sha256 == Attachment.sha256)
        .where(Attachment.dossier_id == dossier_id, Attachment.removed_at.is_(None))
    )
    return int(total or 0)


def check_size(session: Session, dossier: Dossier, scan: PreparedScan) -> None:
    """Refuse a file over the per-file limit, or one that would take the dossier over its limit."""
    lim = limits(session)
    size = len(scan.pdf)
    if size > lim.per_file_bytes:
        raise ServiceError(
            msg("att.too-big-file", name=scan.name, size=size_text(size), limit=size_text(lim.per_file_bytes))
        )
    used = _used_bytes(session, dossier.id)
    if used + size > lim.per_dossier_bytes:
        raise ServiceError(
            msg(
                "att.too-big-dossier",
                code=dossier.code,
                used=size_text(used),
                size=size_text(size),
                limit=size_text(lim.per_dossier_bytes),
            )
        )


def _stored(session: Session, scan: PreparedScan) -> StoredFile:
    """The file's row, the bytes stored first (once: identical content shares one row and one file)."""
    row = session.get(StoredFile, scan.sha256)
    store = store_of(session)
    if store is not None:
        if not store.has(scan.sha256):
            store.put(scan.pdf, scan.sha256)  # also mends a file that went missing
    if row is None:
        values = {
            "sha256": scan.sha256,
            "size": len(scan.pdf),
            "media_type": PDF,
            "pages": scan.pages,
            "stored_at": now_local(),
            "content": None if store is not None else scan.pdf,
        }
        _insert_once(session, values)  # before the attachment that names it
        row = session.get(StoredFile, scan.sha256)
        assert row is not None
    if store is None and row.content is None:
        row.content = scan.pdf
    return row


def _insert_once(session: Session, values: dict[str, object]) -> None:
    """Insert the file's row unless another counter has just stored the same content: two counters
    attaching one scan at the same moment share the row (ON CONFLICT DO NOTHING waits for the other's
    commit on PostgreSQL) instead of the second failing on the primary key."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        session.execute(
            pg_insert(StoredFile).values(values).on_conflict_do_nothing(index_elements=["sha256"])
        )
    elif name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(StoredFile).values(values).on_conflict_do_nothing(index_elements=["sha256"])
        session.execute(stmt)
    else:
        session.add(StoredFile(**values))
        session.flush()


def _refresh_marks(session: Session, d: Dossier, at: datetime) -> None:
    """digitized_at: every checklist line has a live scan; result_form: the live result's form."""
    session.flush()
    lines = _lines(session, d.id)
    n = len(d.documents or [])
    complete = n > 0 and all(i in lines for i in range(1, n + 1))
    if complete and d.digitized_at is None:
        d.digitized_at = at
    elif not complete:
        d.digitized_at = None
    forms = session.scalars(
        _live(d.id)
        .where(Attachment.role == "result")
        .order_by(Attachment.added_at.desc(), Attachment.id.desc())
    ).first()
    d.result_form = forms.result_form if forms is not None else ""
    d.updated_at = at


def _lines(session: Session, dossier_id: int) -> frozenset[int]:
    rows = session.scalars(
        select(Attachment.document).where(
            Attachment.dossier_id == dossier_id,
            Attachment.removed_at.is_(None),
            Attachment.role == "document",
            Attachment.document.is_not(None),
        )
    )
    return frozenset(int(r) for r in rows if r is not None)


def _add(
    session: Session, actor: Actor, d: Dossier, scan: PreparedScan, role: str, document: int | None, form: str
) -> AttachmentInfo:
    check_size(session, d, scan)
    stored = _stored(session, scan)
    at = now_local()
    row = Attachment(
        dossier_id=d.id,
        role=role,
        document=document,
        result_form=form,
        name=scan.name[:255],
        sha256=scan.sha256,
        added_at=at,
        added_by=actor.user_id,
    )
    session.add(row)
    _refresh_marks(session, d, at)
    after = {"code": d.code, "role": role, "document": document, "result_form": form, "name": row.name}
    after |= {"sha256": scan.sha256, "bytes": stored.size, "pages": stored.pages}
    audit.record(session, actor.user_id, "attachment", f"{d.code}#{row.id}", "attach", None, after)
    return _info(row, stored, actor.username)


def attach(
    session: Session, actor: Actor | None, code: str, document: int, scan: PreparedScan
) -> AttachmentInfo:
    """Attach the scan of checklist line `document` (1-based) of dossier `code`."""
    checked = roles.require(session, actor, Role.CLERK, what=msg("att.what.attach"))
    d = _dossier(session, code)
    n = len(d.documents or [])
    if not 1 <= document <= n:
        raise ServiceError(msg("att.no-line", code=d.code, line=document, n=n))
    return _add(session, checked, d, scan, "document", document, "")


def attach_result(
    session: Session, actor: Actor | None, code: str, form: str, scan: PreparedScan
) -> AttachmentInfo:
    """Attach the result: "electronic" (the result itself, a PDF) or "paper" (the paper result's scan)."""
    checked = roles.require(session, actor, Role.CLERK, what=msg("att.what.attach"))
    if form not in RESULT_FORMS:
        raise ServiceError(msg("att.bad-form"))
    return _add(session, checked, _dossier(session, code), scan, "result", None, form)


def _info(a: Attachment, f: StoredFile, username: str) -> AttachmentInfo:
    return AttachmentInfo(
        a.id,
        a.name,
        a.role,
        a.document,
        a.result_form,
        a.sha256,
        f.size,
        f.pages,
        f.media_type,
        a.added_at,
        username,
    )


def list_attachments(session: Session, code: str) -> list[AttachmentInfo]:
    """The dossier's live attachments: documents by line, then results, each in the order added."""
    d = _dossier(session, code)
    rows = session.execute(
        _live(d.id)
        .add_columns(StoredFile, User.username)
        .join(StoredFile, StoredFile.sha256 == Attachment.sha256)
        .join(User, User.id == Attachment.added_by)
        .order_by(Attachment.role, Attachment.document, Attachment.added_at, Attachment.id)
    ).all()
    return [_info(a, f, u) for a, f, u in rows]


def digitized_lines(session: Session, code: str) -> frozenset[int]:
    return _lines(session, _dossier(session, code).id)


def read_content(session: Session, sha256: str) -> bytes:
    row = session.get(StoredFile, sha256)
    if row is None:
        raise NotFound(msg("att.missing-file", sha=sha256[:12]))
    if row.content is not None:
        return bytes(row.content)
    store = store_of(session)
    if store is None or not store.has(sha256):
        raise ServiceError(msg("att.missing-file", sha=sha256[:12]))
    return store.read(sha256)


def remove(session: Session, actor: Actor | None, attachment_id: int) -> None:
    """Take an attachment off its dossier (the row stays, marked removed; the file stays for the history)."""
    checked = roles.require(session, actor, Role.CLERK, what=msg("att.what.attach"))
    row = session.get(Attachment, attachment_id)
    if row is None or row.removed_at is not None:
        raise NotFound(msg("att.no-attachment", id=attachment_id))
    d = session.get(Dossier, row.dossier_id)
    assert d is not None
    at = now_local()
    row.removed_at, row.removed_by = at, checked.user_id
    _refresh_marks(session, d, at)
    before = {
        "code": d.code,
        "role": row.role,
        "document": row.document,
        "sha256": row.sha256,
        "name": row.name,
    }
    audit.record(session, checked.user_id, "attachment", f"{d.code}#{row.id}", "remove", before, None)


__all__ = [
    "AttachmentInfo",
    "Limits",
    "Msg",
    "attach",
    "attach_result",
    "check_size",
    "digitized_lines",
    "limits",
    "list_attachments",
    "read_content",
    "remove",
    "size_text",
    "store_of",
]
