"""Scans and results of the living demo office: its dossiers since 1/7/2025 carry their digitised papers.

Nghị định 118/2025/NĐ-CP (Điều 17) has the counter convert the paper documents it receives into
electronic form, and the result may be issued electronically (issue 14). The demo office does what a
careful counter does, with a plausible mix: almost every dossier received in person has every checklist
line scanned a minute or two after its receipt by the receiving clerk, a few only some lines or none
(the scanner was down, the citizen came back later); online dossiers arrive with their files. Results:
the civil-status and certification fields issue many results electronically (electronic extracts,
electronic certified copies), the others mostly on paper, of which the clerk keeps a scan. The 2018
story has no scan: digitisation at the counter came with Nghị định 107/2021.

Rows are written directly in bulk (one INSERT per table), as services/demo/today.py writes its dossiers:
services/attachments' attach() checks, stores and audits one file at a time, right for a clerk, far too
slow for 30,000 scans at start-up. The files go through the same content-addressed store (tmp, fsync,
rename) before any row names them: one small PDF per document name and one per field's result, paper
or electronic (services/demo/scan_pages.py): under two hundred files, however many dossiers. Nothing is
dated after "now".
"""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Dossier, Field
from onestop_desktop.db.models_files import Attachment, StoredFile
from onestop_desktop.services import audit
from onestop_desktop.services.attachments.attach import store_of  # the setting, else beside the file
from onestop_desktop.services.attachments.store import FolderStore, sha256_of
from onestop_desktop.services.demo.scan_pages import page_pdf
from onestop_desktop.services.demo.today import START

FULL_SCAN = 0.93  # dossiers received in person with every line scanned
PARTLY = 0.04  # ... with some lines only (the rest: none)
ELECTRONIC_RESULT = {"HT": 0.65, "CT": 0.55, "KD": 0.4}
ELECTRONIC_OTHER = 0.2
PAPER_SCANNED = 0.7  # paper results the clerk scanned before handing them over

Row = dict[str, Any]


@dataclass
class Files:
    """The demo's files, made and stored on first use (one per title), and their `stored_files` rows."""

    store: FolderStore | None
    at: datetime
    shas: dict[tuple[str, str], str] = field(default_factory=dict)
    pdfs: dict[str, bytes] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)

    def sha(self, title: str, kind: str) -> str:
        """The file of `title` (its `kind` printed on the page is the one of its first use)."""
        key = (title, "")
        if key not in self.shas:
            pdf = page_pdf(title, kind)
            sha = sha256_of(pdf)
            row = dict(sha256=sha, size=len(pdf), media_type="application/pdf", pages=1, stored_at=self.at)
            row["content"] = pdf if self.store is None else None
            self.rows.append(row)
            self.pdfs[sha] = pdf
            self.shas[key] = sha
        return self.shas[key]

    def put_all(self, skip: set[str]) -> list[Row]:
        """Store the files made (those not in `skip`) and return their rows. Each file is written the
        store's way (tmp, fsync, rename, fsync), sixteen at a time: one after the other the fsyncs took
        0,8 s for 165 files here, side by side 0,06 s."""
        rows = [r for r in self.rows if r["sha256"] not in skip]
        if self.store is not None:
            store = self.store
            with ThreadPoolExecutor(max_workers=16) as pool:
                list(pool.map(lambda r: store.put(self.pdfs[r["sha256"]], r["sha256"]), rows))
        return rows


def table(model: Any) -> Table:
    """The model's Table, for Core statements (executemany without the ORM's bookkeeping)."""
    t = model.__table__
    assert isinstance(t, Table)
    return t


def _scan_name(name: str) -> str:
    return f"{name[:120].rstrip(' ,.;')}.pdf"


def build_scans_today(session: Session, now: datetime) -> tuple[int, int]:
    """Scan the documents and results of the demo dossiers received since START; (scans, results)."""
    d = Dossier
    rng = random.Random(now.date().toordinal() * 14 + 1)
    fields = {i: c for i, c in session.execute(select(Field.id, Field.code))}
    names = {i: n for i, n in session.execute(select(Field.id, Field.name))}
    have = set(session.scalars(select(StoredFile.sha256)))
    files = Files(store_of(session), min(now, now_local()))
    scans: list[Row] = []
    results: list[Row] = []
    changes: list[Row] = []
    since = d.received_at >= datetime.combine(START, time())
    # the demo copies its checklist from the catalogue version: read each version's list once, not
    # 12,000 JSON documents (a third of a second)
    first = select(func.min(d.id)).where(since, d.source == "demo").group_by(d.procedure_version_id)
    checklists = {
        v: list(docs or [])
        for v, docs in session.execute(select(d.procedure_version_id, d.documents).where(d.id.in_(first)))
    }
    q = (
        select(d.id, d.channel, d.received_at, d.resolved_at, d.returned_at, d.procedure_version_id)
        .add_columns(d.receiving_user_id, d.holder_user_id, d.field_id)
        .where(since, d.source == "demo")
        .order_by(d.id)
    )
    for did, channel, received, resolved, returned, version, clerk, holder, fid in session.execute(q):
        lines = checklists.get(version, [])
        draw = rng.random()
        if channel == "online" or draw < FULL_SCAN:
            scanned = list(range(1, len(lines) + 1))
        elif draw < FULL_SCAN + PARTLY and len(lines) > 1:
            scanned = sorted(rng.sample(range(1, len(lines) + 1), rng.randint(1, len(lines) - 1)))
        else:
            scanned = []
        at = received
        done: list[datetime] = []
        for n in scanned:
            at = at + timedelta(seconds=rng.randint(20, 150))
            if at > now:
                break  # received a moment ago: the clerk is still scanning
            name = str(lines[n - 1].get("name", "")) or f"Thành phần {n}"
            kind = "BẢN CHÍNH" if lines[n - 1].get("originals") else "BẢN SAO"
            sha = files.sha(name, kind)
            scans.append(_attachment(did, "document", n, "", _scan_name(name), sha, at, clerk))
            done.append(at)
        change: Row = {"id": did, "digitized_at": None, "result_form": ""}
        if lines and len(done) == len(lines):
            change["digitized_at"] = max(done)
        if resolved is not None and resolved <= now:
            p = ELECTRONIC_RESULT.get(fields.get(fid, ""), ELECTRONIC_OTHER)
            title = f"Kết quả giải quyết thủ tục hành chính: {names.get(fid, '')}"
            if rng.random() < p:
                sha = files.sha(title + " (bản điện tử)", "BẢN ĐIỆN TỬ")
                results.append(
                    _attachment(
                        did,
                        "result",
                        None,
                        "electronic",
                        "Kết quả điện tử.pdf",
                        sha,
                        resolved,
                        holder or clerk,
                    )
                )
                change["result_form"] = "electronic"
            elif returned is not None and returned <= now and rng.random() < PAPER_SCANNED:
                sha = files.sha(title + " (bản giấy)", "BẢN GIẤY")
                results.append(
                    _attachment(did, "result", None, "paper", "Kết quả bản giấy.pdf", sha, returned, clerk)
                )
                change["result_form"] = "paper"
        if change["digitized_at"] is not None or change["result_form"]:
            changes.append(change)
    # Core statements (executemany, no ORM bookkeeping): 45,000 rows in a fraction of a second
    conn = session.connection()
    new_files = files.put_all(have)  # every file durable in the store before a row names it
    if new_files:
        conn.execute(insert(table(StoredFile)), new_files)
    if scans or results:
        top = session.scalar(select(func.coalesce(func.max(Attachment.id), 0))) or 0
        conn.execute(insert(table(Attachment)), scans + results)
        # written around the Session: sealed in the audit at this commit, as the scale generator does
        audit.record_rows(session, "attachments", range(top + 1, top + 1 + len(scans) + len(results)))
    if changes:
        audit.record_rows(session, "dossiers", [c["id"] for c in changes])
        t = table(Dossier)
        stmt = update(t).where(t.c.id == bindparam("b_id"))
        conn.execute(
            stmt.values(digitized_at=bindparam("b_at"), result_form=bindparam("b_form")),
            [{"b_id": c["id"], "b_at": c["digitized_at"], "b_form": c["result_form"]} for c in changes],
        )
    session.flush()
    return len(scans), len(results)


def _attachment(
    dossier: int, role: str, line: int | None, form: str, name: str, sha: str, at: datetime, by: int | None
) -> Row:
    return dict(
        dossier_id=dossier,
        role=role,
        document=line,
        result_form=form,
        name=name,
        sha256=sha,
        added_at=at,
        added_by=by,
        removed_at=None,
        removed_by=None,
    )
