"""Digitised dossiers and the citizen's rating (issue 14).

A scan or a result file is stored once by its SHA-256 (`stored_files`, the content-addressed store:
services/attachments/store.py keeps the bytes in a folder beside the database, or in `content` when the
office keeps them in the database itself); `attachments` says which dossier and which document line of
its checklist a file belongs to, who added it and when. `ratings` holds the citizen's rating of the
service when the result is returned: one per dossier, with the officer and the procedure it rates.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop_desktop.db.models import Base


class StoredFile(Base):
    """One file's content, named by its SHA-256 (hex). Identical files are stored once."""

    __tablename__ = "stored_files"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)  # in bytes
    media_type: Mapped[str] = mapped_column(String(60))  # application/pdf (images become PDFs)
    pages: Mapped[int] = mapped_column(Integer, default=0)
    stored_at: Mapped[datetime] = mapped_column(DateTime)
    content: Mapped[bytes | None] = mapped_column(LargeBinary)  # only in the "database" store


class Attachment(Base):
    """A stored file attached to a dossier: a document line's scan, or the result.

    `document` is the 1-based line of the dossier's checklist (None for a result); `result_form` is
    "electronic" (the result itself, issued as a PDF) or "paper" (the scan of a paper result).
    A removed attachment keeps its row (`removed_at`), so the history and the audit stay whole.
    """

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))  # document | result
    document: Mapped[int | None] = mapped_column(Integer)
    result_form: Mapped[str] = mapped_column(String(20), default="")
    name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(ForeignKey("stored_files.sha256"), index=True)
    added_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    added_by: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    removed_at: Mapped[datetime | None] = mapped_column(DateTime)
    removed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    __table_args__ = (Index("ix_attachments_dossier_document", "dossier_id", "document"),)


class Rating(Base):
    """The citizen's rating of one dossier's service, given when the result is returned."""

    __tablename__ = "ratings"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), unique=True)
    level: Mapped[str] = mapped_column(String(20))  # satisfied | neutral | unsatisfied
    reason: Mapped[str] = mapped_column(Text, default="")
    officer_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    rated_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    source: Mapped[str] = mapped_column(String(20), default="counter")  # counter | screen | demo
