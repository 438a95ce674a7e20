"""Plain data for the printed forms (filled by the services; no ORM, no Qt).

Each form names the day of the act it records (`act_day`): the template in force that day prints
(`domain.legal.form_template`), so a dossier of 2018 reprints on Thông tư 01/2018's form and one of
today on Thông tư 03/2025's. The docstrings below name the 01/2018 numbers (03/2025's in brackets
where they differ). A field with a default is printed only by the 2025 layouts, and only when known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from onestop_desktop.clock import now_local

__all__ = [
    "ApologyData",
    "ControlSlipData",
    "DocumentLine",
    "HandoverLine",
    "LogBookData",
    "LogRow",
    "OfficeInfo",
    "ReceiptData",
    "RefusalData",
    "StopNoticeData",
    "SupplementData",
]


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    """The issuing office, e.g. name "UBND huyện Xuân Lộc", parent "UBND tỉnh Đồng Nai"."""

    name: str
    parent_name: str
    department: str
    place: str
    address: str
    phone: str


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """One paper of the dossier and how many of each kind were handed in."""

    name: str
    originals: int
    certified_copies: int
    photocopies: int
    # digitised at the counter or received electronically; None: not recorded (the column is left out)
    electronic: bool | None = None


@dataclass(frozen=True, slots=True)
class ReceiptData:
    """Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả."""

    office: OfficeInfo
    dossier_code: str
    book_number: str
    sequence: int
    applicant_name: str
    applicant_address: str
    phone: str
    email: str
    citizen_id: str
    submitter_name: str | None  # someone submitting on the owner's behalf
    procedure_name: str
    field_name: str
    documents: tuple[DocumentLine, ...]
    sets: int
    statutory_time: str  # e.g. "5 ngày làm việc"
    received_at: datetime
    due_at: datetime
    due_explanation: str
    return_place: str
    fee: int  # đồng
    channel: str
    officer_name: str

    @property
    def act_day(self) -> date:
        """The day the dossier was received."""
        return self.received_at.date()


@dataclass(frozen=True, slots=True)
class SupplementData:
    """Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ."""

    office: OfficeInfo
    dossier_code: str | None
    applicant_name: str
    applicant_address: str
    phone: str
    email: str
    procedure_name: str
    missing: tuple[str, ...]
    instructions: str
    issued_at: datetime
    officer_name: str
    reason: str = ""  # why the papers are asked for; "" prints the standard wording of the 2025 form

    @property
    def act_day(self) -> date:
        """The day the request was issued."""
        return self.issued_at.date()


@dataclass(frozen=True, slots=True)
class RefusalData:
    """Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ."""

    office: OfficeInfo
    applicant_name: str
    applicant_address: str
    phone: str
    email: str
    procedure_name: str
    reason: str
    issued_at: datetime
    officer_name: str

    @property
    def act_day(self) -> date:
        """The day the refusal was issued."""
        return self.issued_at.date()


@dataclass(frozen=True, slots=True)
class ApologyData:
    """Mẫu số 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả."""

    office: OfficeInfo
    dossier_code: str
    applicant_name: str
    applicant_address: str
    procedure_name: str
    received_at: datetime
    old_due_at: datetime
    new_due_at: datetime
    reason: str
    issued_at: datetime
    signer_name: str
    signer_title: str  # e.g. "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" (one line per row)

    @property
    def act_day(self) -> date:
        """The day the letter was written."""
        return self.issued_at.date()


@dataclass(frozen=True, slots=True)
class HandoverLine:
    """One hand-over of the dossier between two people/units."""

    from_name: str
    from_unit: str
    to_name: str
    to_unit: str
    at: datetime
    result: str  # "Trước hạn" / "Đúng hạn" / "Quá hạn" / ""
    note: str


@dataclass(frozen=True, slots=True)
class ControlSlipData:
    """Mẫu số 05 (06): Phiếu kiểm soát quá trình giải quyết hồ sơ."""

    office: OfficeInfo
    dossier_code: str
    applicant_name: str
    procedure_name: str
    received_at: datetime
    due_at: datetime
    lines: tuple[HandoverLine, ...]

    @property
    def act_day(self) -> date:
        """The slip opens when the dossier is received."""
        return self.received_at.date()


@dataclass(frozen=True, slots=True)
class LogRow:
    """One dossier in the log book."""

    seq: int
    code: str
    procedure_name: str
    applicant: str
    address: str
    phone: str
    received_at: datetime
    due_at: datetime
    transferred_at: datetime | None
    resolved_at: datetime | None
    returned_at: datetime | None
    status: str
    note: str
    channel: str = ""  # "Trực tiếp" / "Trực tuyến" / "Bưu chính"; "" when not known


@dataclass(frozen=True, slots=True)
class LogBookData:
    """Mẫu số 06 (07): Sổ theo dõi hồ sơ (A4 landscape)."""

    office: OfficeInfo
    period_label: str
    rows: tuple[LogRow, ...]
    as_of: date | None = None  # the last day the book covers; None: the day it is printed

    @property
    def act_day(self) -> date:
        """The last day the book covers (the day it is printed when not given)."""
        return self.as_of or now_local().date()


@dataclass(frozen=True, slots=True)
class StopNoticeData:
    """Mẫu số 05 of Thông tư 03/2025/TT-VPCP: Thông báo dừng giải quyết hồ sơ (no 2018 counterpart)."""

    office: OfficeInfo
    dossier_code: str
    applicant_name: str
    applicant_address: str
    procedure_name: str
    received_at: datetime
    stopped_at: datetime
    reason: str  # the note of the stop event
    fee: int  # đồng, as recorded at receipt
    officer_name: str  # who stopped the dossier

    @property
    def act_day(self) -> date:
        """The day the dossier was stopped."""
        return self.stopped_at.date()
