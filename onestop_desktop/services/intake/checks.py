"""The intake form and its checks: the service is the authority on validation.

The form validates as the clerk types, then once more here, field by field and as a whole.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import today_local
from onestop_desktop.db.models import Procedure
from onestop_desktop.domain import validators as v
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.messages import Msg, Text, define, msg
from onestop_desktop.domain.text import nfc
from onestop_desktop.services.catalogue import units, versions
from onestop_desktop.services.dossiers import CHANNELS, DocumentCount, NewDossier
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.services.intake.lookup import open_duplicates

MAX_COUNT = 99
MAX_SETS = 20
MAX_FEE = 1_000_000_000
MAX_TEXT = 500

STREET = Text("số nhà, đường, ấp", "house number, street, hamlet")
DOCUMENT_NAME = Text("tên giấy tờ", "document name")

define(
    "intake.symbol",
    "{label} có ký tự không hợp lệ (biểu tượng).",
    "{label} contains characters not allowed (symbols).",
)
define(
    "intake.too-long",
    "{label} quá dài (tối đa {limit} ký tự).",
    "{label} is too long (at most {limit} characters).",
)
define("intake.no-procedure", "Chưa chọn thủ tục hành chính.", "Choose the administrative procedure.")
define(
    "intake.procedure-unknown",
    "Thủ tục không có trong danh mục đang áp dụng.",
    "The procedure is not in the catalogue in force.",
)
define(
    "intake.procedure-not-on",
    "Thủ tục không áp dụng vào ngày {day} theo danh mục.",
    "By the catalogue, the procedure does not apply on {day}.",
)
define(
    "intake.unit-unknown",
    "Đơn vị hành chính không có trong danh mục.",
    "The administrative unit is not in the catalogue.",
)
define("intake.on-behalf", "Người nộp thay: {error}", "Person submitting on behalf: {error}")
define("intake.channel", "Kênh tiếp nhận không hợp lệ.", "The intake channel is not valid.")
define("intake.sets", "Số bộ hồ sơ phải từ 1 đến {max}.", "The number of sets must be from 1 to {max}.")
define("intake.fee", "Lệ phí không hợp lệ.", "The fee is not valid.")
define(
    "intake.duplicate",
    "Người này đang có hồ sơ chưa giải quyết xong cho cùng thủ tục: {codes}.",
    "This person already has an open dossier for the same procedure: {codes}.",
)
define(
    "intake.copies",
    "Số bản của mỗi giấy tờ phải từ 0 đến {max}.",
    "Each document's number of copies must be from 0 to {max}.",
)
define(
    "intake.no-documents",
    "Chưa đánh dấu giấy tờ nào đã nhận trong danh mục giấy tờ.",
    "No document in the list is marked as received.",
)


@dataclass(frozen=True)
class IntakeForm:
    """What the clerk typed, as typed (the service normalises and checks it)."""

    procedure_code: str = ""
    applicant_name: str = ""
    citizen_id: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    address_unit_code: str | None = None
    on_behalf: bool = False
    submitter_name: str = ""
    channel: str = "direct"
    documents: tuple[DocumentCount, ...] = ()
    sets: int = 1
    fee: int | None = None
    birth_date: date | None = None  # from the ID card's QR code: checked against the ID's year digits


@dataclass(frozen=True)
class Checked:
    """A valid form, ready for `dossiers.register`, with the warnings the clerk should see."""

    dossier: NewDossier
    warnings: dict[str, Msg] = field(default_factory=dict)
    procedure_id: int = 0


def _bad_symbol(s: str) -> bool:
    """Emoji, pictographs and other symbols or invisible characters have no place on a receipt."""
    return any(unicodedata.category(ch) in ("So", "Cs", "Co", "Cn", "Cc", "Cf") for ch in s)


def _text(value: str, label: str | Text, required: bool, limit: int = MAX_TEXT) -> v.Check:
    checked = v.check_required(value, label) if (required or value.strip()) else v.Check(True, "")
    if not checked.ok:
        return checked
    if _bad_symbol(checked.value):
        return v.Check(False, checked.value, msg("intake.symbol", label=v.capital(label)))
    if len(checked.value) > limit:
        # the limit as typed ("2000"): a grouped number would change the Vietnamese sentence
        return v.Check(False, checked.value, msg("intake.too-long", label=v.capital(label), limit=str(limit)))
    return checked


def _lower_first(m: Msg) -> Text:
    """A message inside another sentence ("Người nộp thay: chưa nhập họ tên.")."""
    vi, en = m.text("vi"), m.text("en")
    return Text(vi[:1].lower() + vi[1:], en[:1].lower() + en[1:])


def unit_path(session: Session, code: str | None, on: date | None = None) -> str:
    """ "xã Xuân Bắc, tỉnh Đồng Nai" for the unit with this code on `on` (default today); '' when none.

    Codes are reused (26425 is thị trấn Gia Ray until 30/6/2025, xã Xuân Lộc after): the day decides.
    """
    return units.unit_path(units.unit_by_code(session, code, on)) if code else ""


def check_field(name: str, value: str, birth_date: date | None = None, on: date | None = None) -> v.Check:
    """One field as the form checks it while the clerk types (same rules as `check_form`).

    `on` is the day of receipt (default today): a citizen ID cannot carry a birth year after it.
    """
    if name == "applicant_name":
        return v.check_name(value)
    if name == "submitter_name":  # "Chưa nhập họ tên" read as the applicant's, already filled in
        c = v.check_name(value)
        if c.error_msg is None:
            return c
        return v.Check(False, c.value, msg("intake.on-behalf", error=_lower_first(c.error_msg)))
    if name == "citizen_id":
        return v.check_citizen_id(value, birth_date, today=on)
    if name == "phone":
        return v.check_phone(value)
    if name == "email":
        return v.check_email(value)
    if name == "street":
        return _text(value, STREET, required=False, limit=255)
    return v.Check(True, nfc(value))


def check_form(session: Session, form: IntakeForm, on: date | None = None) -> Checked:
    """Validate and normalise the form; raise `ValidationFailed` {field: message} when it cannot be saved.

    `on` is the day of receipt (default today): the address unit must exist that day.
    """
    errors: dict[str, Msg] = {}
    warnings: dict[str, Msg] = {}
    values: dict[str, str] = {}
    proc = None
    if not form.procedure_code.strip():
        errors["procedure"] = msg("intake.no-procedure")
    else:
        proc = session.scalar(select(Procedure).where(Procedure.code == form.procedure_code.strip()))
        if proc is None or not proc.active:
            errors["procedure"] = msg("intake.procedure-unknown")
        elif versions.version_on(session, proc, on or today_local()) is None:
            errors["procedure"] = msg("intake.procedure-not-on", day=fmt_date(on or today_local()))
    for name, raw in (
        ("applicant_name", form.applicant_name),
        ("citizen_id", form.citizen_id),
        ("phone", form.phone),
        ("email", form.email),
        ("street", form.street),
    ):
        checked = check_field(name, raw, form.birth_date, on)
        if checked.error_msg:
            errors[name] = checked.error_msg
        elif checked.warning_msg:
            warnings[name] = checked.warning_msg
        values[name] = checked.value
    address_parts = [values["street"]] if values["street"] else []
    if form.address_unit_code:
        path = unit_path(session, form.address_unit_code, on)
        if not path:
            errors["address_unit"] = msg("intake.unit-unknown")
        address_parts.append(path)
    address = ", ".join(address_parts)
    if "street" not in errors:
        addr = v.check_address(address)
        if not addr.ok and addr.error_msg:
            errors["street"] = addr.error_msg
    submitter = ""
    if form.on_behalf:
        sub = v.check_name(form.submitter_name)
        if sub.error_msg:
            errors["submitter_name"] = msg("intake.on-behalf", error=_lower_first(sub.error_msg))
        submitter = sub.value
    if form.channel not in CHANNELS:
        errors["channel"] = msg("intake.channel")
    if not 1 <= form.sets <= MAX_SETS:
        errors["sets"] = msg("intake.sets", max=MAX_SETS)
    if form.fee is not None and not 0 <= form.fee <= MAX_FEE:
        errors["fee"] = msg("intake.fee")
    docs = _check_documents(form.documents, errors)
    if errors:
        raise ValidationFailed(errors)
    assert proc is not None
    if form.citizen_id.strip():
        dup = open_duplicates(session, values["citizen_id"], proc.code)
        if dup:
            warnings["duplicate"] = msg("intake.duplicate", codes=", ".join(dup[:3]))
    new = NewDossier(
        procedure_code=proc.code,
        applicant_name=values["applicant_name"],
        citizen_id=values["citizen_id"],
        phone=values["phone"],
        email=values["email"],
        address=nfc(address),
        address_unit_code=form.address_unit_code or None,
        submitter_name=submitter or None,
        channel=form.channel,
        documents=docs,
        sets=form.sets,
        fee=form.fee,
    )
    return Checked(new, warnings, proc.id)


def _check_documents(docs: Sequence[DocumentCount], errors: dict[str, Msg]) -> tuple[DocumentCount, ...]:
    out = []
    for d in docs:
        counts = (d.originals, d.certified_copies, d.photocopies)
        if any(not 0 <= c <= MAX_COUNT for c in counts):
            errors["documents"] = msg("intake.copies", max=MAX_COUNT)
        name = _text(d.name, DOCUMENT_NAME, required=True)
        if name.error_msg:
            errors["documents"] = name.error_msg
        if sum(counts) > 0:
            out.append(DocumentCount(name.value, *counts))
    if not out and "documents" not in errors:
        errors["documents"] = msg("intake.no-documents")
    return tuple(out)
