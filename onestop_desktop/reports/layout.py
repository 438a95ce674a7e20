"""Shared layout of the TT 01/2018 forms: styles, the two-column administrative header, signatures."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from onestop_desktop.domain.fmt import fmt_date, fmt_int
from onestop_desktop.reports.fonts import SERIF, font_name, register_fonts
from onestop_desktop.services.form_data import OfficeInfo

__all__ = [
    "balanced",
    "MARGIN",
    "Rule",
    "Styles",
    "build_pdf",
    "contact_line",
    "esc",
    "field",
    "frame_size",
    "header",
    "height_of",
    "hm_date",
    "issuer",
    "make_styles",
    "money",
    "place_date",
    "signatures",
    "title_block",
    "tstyle",
]

MARGIN = 12 * mm
PageCallback = Callable[[Canvas, BaseDocTemplate], None]


def esc(text: str) -> str:
    """Escape user text for a Paragraph (so "<", "&" in a name print as typed)."""
    return escape(text).replace("\n", "<br/>")


def _two(n: int) -> str:
    return f"{n:02d}"


def place_date(place: str, dt: datetime) -> str:
    """ "Xuân Lộc, ngày 24 tháng 10 năm 2018" (days below 10 and months 1–2 take a leading zero)."""
    month = _two(dt.month) if dt.month < 3 else str(dt.month)
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {_two(dt.day)} tháng {month} năm {dt.year}"


def hm_date(dt: datetime) -> str:
    """ "10 giờ 00 phút, ngày 24/10/2018"."""
    return f"{_two(dt.hour)} giờ {_two(dt.minute)} phút, ngày {fmt_date(dt)}"


def money(amount: int) -> str:
    """50000 -> "50.000 đồng"."""
    return f"{fmt_int(amount)} đồng"


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    body_justify: ParagraphStyle
    small: ParagraphStyle
    small_italic: ParagraphStyle
    center: ParagraphStyle
    center_italic: ParagraphStyle
    center_bold: ParagraphStyle
    head_left: ParagraphStyle
    head_left_bold: ParagraphStyle
    head_right_bold: ParagraphStyle
    title: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle


def make_styles(size: float = 9.0, head: float = 8.0, cell: float = 8.0) -> Styles:
    """Paragraph styles for a form; ``size`` is the body text, ``head`` the header, ``cell`` table text."""
    register_fonts()
    regular = font_name(SERIF)
    bold = font_name(SERIF, bold=True)
    italic = font_name(SERIF, italic=True)

    def st(name: str, fnt: str, sz: float, align: int = TA_LEFT, **kw: float) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=fnt, fontSize=sz, leading=round(sz * 1.3, 1), alignment=align, **kw
        )

    return Styles(
        body=st("body", regular, size, spaceAfter=1.5),
        body_justify=st("body_j", regular, size, TA_JUSTIFY, spaceAfter=1.5, firstLineIndent=5 * mm),
        small=st("small", regular, size - 1.5),
        small_italic=st("small_i", italic, size - 1.5, spaceAfter=1.5),
        center=st("center", regular, size, TA_CENTER),
        center_italic=st("center_i", italic, size - 0.5, TA_CENTER),
        center_bold=st("center_b", bold, size, TA_CENTER),
        head_left=st("head_l", regular, head, TA_CENTER),
        head_left_bold=st("head_lb", bold, head, TA_CENTER),
        head_right_bold=st("head_rb", bold, head, TA_CENTER),
        title=st("title", bold, size + 1.5, TA_CENTER, spaceBefore=4, spaceAfter=1),
        cell=st("cell", regular, cell),
        cell_center=st("cell_c", regular, cell, TA_CENTER),
        cell_head=st("cell_h", bold, cell, TA_CENTER),
    )


def height_of(flowables: Sequence[Flowable], width: float) -> float:
    """Height the flowables need in a column of ``width`` (spaces counted in full: errs on the safe side)."""
    total = 0.0
    for f in flowables:
        _, h = f.wrap(width, 1e6)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def tstyle(cmds: Sequence[tuple[object, ...]]) -> TableStyle:
    """A TableStyle whose plain-string cells use our font: reportlab's default cell font is Helvetica,
    which would be listed in the PDF (and draw Vietnamese as squares) even for an empty cell."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font_name(SERIF)), *cmds])


class Rule(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A short centred horizontal line (the rule under an agency name or under the national motto)."""

    def __init__(self, length: float, thickness: float = 0.6, space: float = 2.0) -> None:
        super().__init__()
        self.length = length
        self.thickness = thickness
        self.space = space
        self.avail = length

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.avail = availWidth
        return availWidth, self.space * 2 + self.thickness

    def draw(self) -> None:
        x0 = (self.avail - self.length) / 2
        y = self.space
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + self.length, y)


def issuer(office: OfficeInfo) -> tuple[str, str]:
    """(superior, issuer) for the top-left block of a form issued by the one-stop department:
    "UBND huyện Xuân Lộc" over "Bộ phận tiếp nhận và trả kết quả"; the office itself when no department."""
    if office.department.strip():
        return office.name, office.department
    return office.parent_name, office.name


def counter_name(office: OfficeInfo) -> str:
    """The body that receives, in a sentence: "Bộ phận tiếp nhận và trả kết quả UBND huyện Xuân Lộc",
    but "Trung tâm Phục vụ hành chính công xã Xuân Lộc" alone when its name already says whose it is
    (not "… xã Xuân Lộc UBND xã Xuân Lộc")."""
    dept, name = office.department.strip(), office.name.strip()
    place = name.removeprefix("UBND ").removeprefix("Ủy ban nhân dân ").strip().lower()
    if not dept:
        return name
    return dept if place and place in dept.lower() else f"{dept} {name}"


def header(
    s: Styles,
    width: float,
    top_line: str,
    bold_line: str,
    number_line: str | None,
    place: str,
    when: datetime | None,
    left_share: float = 0.42,
) -> Table:
    """Top-left the issuing body (superior upper-case, issuer bold upper-case, rule, "Số: ..."),
    top-right the national header, its rule, then the place and date in italics."""
    lw = width * left_share
    left: list[Flowable] = []
    if top_line:
        left.append(Paragraph(esc(top_line.upper()), s.head_left))
    bold = s.head_left_bold
    left.append(Paragraph(balanced(bold_line.upper(), bold.fontName, bold.fontSize, lw - 4), bold))
    left.append(Rule(14 * mm))
    if number_line:
        left.append(Paragraph(esc(number_line), s.head_left))
    right: list[Flowable] = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.head_right_bold),
        Paragraph("Độc lập - Tự do - Hạnh phúc", s.head_right_bold),
        Rule(32 * mm),
    ]
    if when is not None:
        right += [Spacer(1, 2), Paragraph(esc(place_date(place, when)), s.center_italic)]
    t = Table([[left, right]], colWidths=[lw, width - lw])
    t.setStyle(
        tstyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


def title_block(s: Styles, title: str, *sublines: str) -> list[Flowable]:
    """The form's title in bold upper-case, then centred sub-lines (already marked up)."""
    out: list[Flowable] = [Spacer(1, 3 * mm), Paragraph(esc(title.upper()), s.title)]
    out.extend(Paragraph(line, s.center) for line in sublines)
    out.append(Spacer(1, 2 * mm))
    return out


def field(s: Styles, label: str, value: str, style: ParagraphStyle | None = None) -> Paragraph:
    """ "Label: value" with the value in bold; an empty value prints as a dotted blank to fill by hand."""
    shown = f"<b>{esc(value)}</b>" if value.strip() else "…………………………"
    return Paragraph(f"{esc(label)}: {shown}", style or s.body)


def contact_line(s: Styles, phone: str, email: str) -> Paragraph:
    """ "Số điện thoại: ...    Email: ..." on one line."""
    gap = "&nbsp;" * 4
    return Paragraph(
        f"Số điện thoại: <b>{esc(phone or '……')}</b>{gap}Email: <b>{esc(email or '……')}</b>", s.body
    )


def signatures(
    s: Styles,
    width: float,
    blocks: Sequence[tuple[str, str]],
    *,
    gap: float = 15 * mm,
    left: list[Flowable] | None = None,
) -> Table:
    """Signature blocks side by side: (title, signer's name). A single block sits on the right,
    with ``left`` (e.g. "Nơi nhận:") beside it."""
    cols: list[list[Flowable]] = []
    for title, name in blocks:
        col: list[Flowable] = [Paragraph(esc(line), s.center_bold) for line in title.upper().split("\n")]
        col += [Paragraph("(Ký và ghi rõ họ tên)", s.center_italic), Spacer(1, gap)]
        col.append(Paragraph(f"<b>{esc(name)}</b>", s.center))
        cols.append(col)
    row: list[object]
    if len(cols) == 1:
        widths = [width * 0.4, width * 0.6]
        row = [left or "", cols[0]]
    else:
        widths = [width / len(cols)] * len(cols)
        row = list(cols)
    t = Table([row], colWidths=widths)
    pad = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2)]
    t.setStyle(tstyle([*pad, ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    return t


def build_pdf(
    out: Path | BinaryIO,
    story: list[Flowable],
    *,
    pagesize: tuple[float, float] = A5,
    title: str = "",
    form_no: str = "",
    on_page: PageCallback | None = None,
    margin: float = MARGIN,
) -> None:
    """Lay out ``story`` into ``out`` (a path or a binary file object) with the DejaVu fonts embedded.

    ``form_no`` ("Mẫu số 01") is printed small at the top right of every page, inside the top margin.
    """
    register_fonts()
    target: str | BinaryIO = str(out) if isinstance(out, Path) else out
    doc = BaseDocTemplate(
        target,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author="OneStop Desktop",
        creator="OneStop Desktop",
        lang="vi",
        # The canvas would otherwise select Helvetica at the start of every page (and list it as a resource).
        initialFontName=font_name(SERIF),
    )
    w, h = frame_size(pagesize, margin)
    frame = Frame(margin, margin, w, h, 0, 0, 0, 0, id="body")

    def decorate(canvas: Canvas, d: BaseDocTemplate) -> None:
        if form_no:
            canvas.saveState()
            canvas.setFont(font_name(SERIF, italic=True), 7)
            canvas.drawRightString(pagesize[0] - margin, pagesize[1] - margin + 3 * mm, form_no)
            canvas.restoreState()
        if on_page is not None:
            on_page(canvas, d)

    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=decorate)])
    doc.build(story)


def frame_size(pagesize: tuple[float, float] = A5, margin: float = MARGIN) -> tuple[float, float]:
    """Usable width and height inside the margins."""
    return pagesize[0] - 2 * margin, pagesize[1] - 2 * margin


def balanced(text: str, font: str, size: float, width: float) -> str:
    """Escaped ``text`` with a <br/> at the word break that best balances two lines when it does not
    fit in ``width`` ("BỘ PHẬN TIẾP NHẬN / VÀ TRẢ KẾT QUẢ" rather than a lone "KẾT QUẢ")."""
    if stringWidth(text, font, size) <= width:
        return esc(text)
    words = text.split()
    best, best_w = None, float("inf")
    for i in range(1, len(words)):
        a, b = " ".join(words[:i]), " ".join(words[i:])
        widest = max(stringWidth(a, font, size), stringWidth(b, font, size))
        if widest < best_w:
            best, best_w = (a, b), widest
    if best is None or best_w > width:
        return esc(text)
    return f"{esc(best[0])}<br/>{esc(best[1])}"
