"""The whole audit check as one frozen result: the chain, a head from outside, the rows, the dossiers.

`onestop-desktop audit verify` and the leader's audit view both show this.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.services.audit_chain import chain_head, format_head
from onestop_desktop.services.safety import audit_check, audit_rows_check


@dataclass(frozen=True)
class AuditSummary:
    entries: int
    chain: list[audit_check.ChainFinding]
    head_findings: list[audit_check.ChainFinding]
    rows: audit_rows_check.RowAudit
    dossiers: audit_check.DossierAudit
    notes: list[Msg]  # what could not be checked (no key here, log not keyed yet), not findings
    head: str  # the current head, "ID:HEX"

    @property
    def findings(self) -> list[Msg]:
        return (
            [f.msg for f in self.chain]
            + [f.msg for f in self.head_findings]
            + [f.msg for f in self.rows.findings]
            + [f.msg for f in self.dossiers.findings]
        )

    def lines(self) -> list[Msg]:
        """The report as sentences, in the order the command prints them."""
        out = [msg("audit.summary.entries", n=self.entries)]
        if self.chain:
            out.append(msg("audit.summary.chain-broken"))
            out += [f.msg for f in self.chain]
        else:
            out.append(msg("audit.summary.chain-ok"))
        out += self.notes
        out += [f.msg for f in self.head_findings]
        out.append(msg("audit.summary.rows", n=self.rows.checked, tables=self.rows.tables))
        out += [f.msg for f in self.rows.findings]
        out.append(msg("audit.summary.dossiers", n=self.dossiers.checked))
        out += [f.msg for f in self.dossiers.findings]
        out.append(msg("audit.summary.head", head=self.head))
        found = self.findings
        out.append(msg("audit.summary.findings", n=len(found)) if found else msg("audit.summary.none"))
        return out


def full_check(
    session: Session, extra_keys: list[Path] | None = None, head: tuple[int, str] | None = None
) -> AuditSummary:
    """Everything the audit can prove about this database (read only)."""
    ring, key_path = audit_check.key_ring(session, extra_keys)
    chain = audit_check.check_chain(session, ring)
    notes = list(chain.notes)
    if chain.keyed and not ring:
        notes.append(msg("audit.key-not-found", path=str(key_path)))
    head_findings = audit_check.check_head(session, head) if head is not None else []
    if head is not None and not head_findings:
        notes.append(msg("audit.head-ok", head=format_head(head)))
    rows = audit_rows_check.verify_rows(session, ring)
    dossiers = audit_check.verify_dossiers(session)
    return AuditSummary(
        chain.entries, chain.findings, head_findings, rows, dossiers, notes, format_head(chain_head(session))
    )
