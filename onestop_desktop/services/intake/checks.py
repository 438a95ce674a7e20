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
from onestop_desktop.domain.text import nfc
from onestop_desktop.services.catalogue import units, versions
from onestop_desktop.services.dossiers import CHANNELS, DocumentCount, NewDossier
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.services.intake.lookup import open_duplicates

MAX_COUNT = 99
MAX_SETS = 20
MAX_FEE = 1_000_000_000
MAX_TEXT = 500


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
    warnings: dict[str, str] = field(default_factory=dict)
    procedure_id: int = 0


def _bad_symbol(s: str) -> bool:
    """Emoji, pictographs and other symbols or invisible characters have no place on a receipt."""
    return any(unicodedata.category(ch) in ("So", "Cs", "Co", "Cn", "Cc", "Cf") for ch in s)


def _text(value: str, label: str, required: bool, limit: int = MAX_TEXT) -> v.Check:
    checked = v.check_required(value, label) if (required or value.strip()) else v.Check(True, "")
    if not checked.ok:
        return checked
    if _bad_symbol(checked.value):
        return v.Check(
            False, checked.value, f"{label[:1].upper()}{label[1:]} có ký tự không hợp lệ (biểu tượng)."
        )
    if len(checked.value) > limit:
        return v.Check(
            False, checked.value, f"{label[:1].upper()}{label[1:]} quá dài (tối đa {limit} ký tự)."
        )
    return checked


def unit_path(session: Session, code: str | None, on: date | None = None) -> str:
    """ "xã Xuân Bắc, tỉnh Đồng Nai" for the unit with this code on `on` (default today); '' when none.

    Codes are reused (26425 is thị trấn Gia Ray until 30/6/2025, xã Xuân Lộc after): the day decides.
    """
    return units.unit_path(units.unit_by_code(session, code, on)) if code else ""


def check_field(name: str, value: str, birth_date: date | None = None, on: date | None = None) -> v.Check:
    """One field as the form checks it while the clerk types (same rules as `check_form`).

    `on` is the day of receipt (default today): a citizen ID cannot carry a birth year after it.
    """
    if name == "applicant_name" or name == "submitter_name":
        return v.check_name(value)
    if name == "citizen_id":
        return v.check_citizen_id(value, birth_date, today=on)
    if name == "phone":
        return v.check_phone(value)
    if name == "email":
        return v.check_email(value)
    if name == "street":
        return _text(value, "số nhà, đường, ấp", required=False, limit=255)
    return v.Check(True, nfc(value))


def check_form(session: Session, form: IntakeForm, on: date | None = None) -> Checked:
    """Validate and normalise the form; raise `ValidationFailed` {field: message} when it cannot be saved.

    `on` is the day of receipt (default today): the address unit must exist that day.
    """
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    values: dict[str, str] = {}
    proc = None
    if not form.procedure_code.strip():
        errors["procedure"] = "Chưa chọn thủ tục hành chính."
    else:
        proc = session.scalar(select(Procedure).where(Procedure.code == form.procedure_code.strip()))
        if proc is None or not proc.active:
            errors["procedure"] = "Thủ tục không có trong danh mục đang áp dụng."
        elif versions.version_on(session, proc, on or today_local()) is None:
            errors["procedure"] = (
                f"Thủ tục không áp dụng vào ngày {fmt_date(on or today_local())} theo danh mục."
            )
    for name, raw in (
        ("applicant_name", form.applicant_name),
        ("citizen_id", form.citizen_id),
        ("phone", form.phone),
        ("email", form.email),
        ("street", form.street),
    ):
        checked = check_field(name, raw, form.birth_date, on)
        if checked.error:
            errors[name] = checked.error
        elif checked.warning:
            warnings[name] = checked.warning
        values[name] = checked.value
    address_parts = [values["street"]] if values["street"] else []
    if form.address_unit_code:
        path = unit_path(session, form.address_unit_code, on)
        if not path:
            errors["address_unit"] = "Đơn vị hành chính không có trong danh mục."
        address_parts.append(path)
    address = ", ".join(address_parts)
    if "street" not in errors:
        addr = v.check_address(address)
        if not addr.ok and addr.error:
            errors["street"] = addr.error
    submitter = ""
    if form.on_behalf:
        sub = v.check_name(form.submitter_name)
        if sub.error:
            errors["submitter_name"] = "Người nộp thay: " + sub.error[:1].lower() + sub.error[1:]
        submitter = sub.value
    if form.channel not in CHANNELS:
        errors["channel"] = "Kênh tiếp nhận không hợp lệ."
    if not 1 <= form.sets <= MAX_SETS:
        errors["sets"] = f"Số bộ hồ sơ phải từ 1 đến {MAX_SETS}."
    if form.fee is not None and not 0 <= form.fee <= MAX_FEE:
        errors["fee"] = "Lệ phí không hợp lệ."
    docs = _check_documents(form.documents, errors)
    if errors:
        raise ValidationFailed(errors)
    assert proc is not None
    if form.citizen_id.strip():
        dup = open_duplicates(session, values["citizen_id"], proc.code)
        if dup:
            warnings["duplicate"] = (
                f"Người này đang có hồ sơ chưa giải quyết xong cho cùng thủ tục: {', '.join(dup[:3])}."
            )
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


def _check_documents(docs: Sequence[DocumentCount], errors: dict[str, str]) -> tuple[DocumentCount, ...]:
    out = []
    for d in docs:
        counts = (d.originals, d.certified_copies, d.photocopies)
        if any(not 0 <= c <= MAX_COUNT for c in counts):
            errors["documents"] = f"Số bản của mỗi giấy tờ phải từ 0 đến {MAX_COUNT}."
        name = _text(d.name, "tên giấy tờ", required=True)
        if name.error:
            errors["documents"] = name.error
        if sum(counts) > 0:
            out.append(DocumentCount(name.value, *counts))
    if not out and "documents" not in errors:
        errors["documents"] = "Chưa đánh dấu giấy tờ nào đã nhận trong danh mục giấy tờ."
    return tuple(out)
