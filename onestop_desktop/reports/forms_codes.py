"""What the 2018 and 2025 layouts share: QR code, barcode, document table, two copies on A5, grid cells."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from reportlab.graphics.barcode import code128, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Paragraph, Spacer, Table

from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.reports.fonts import SERIF, font_name
from onestop_desktop.reports.layout import Styles, esc, height_of, make_styles, tstyle
from onestop_desktop.services.form_data import DocumentLine, LogRow

__all__ = [
    "COPIES",
    "GRID",
    "QR_SIZE",
    "code_block",
    "code_cell",
    "count",
    "document_table",
    "qr_drawing",
    "two_copies",
    "when_cell",
]

COPIES = ("Liên 1: Lưu tại Bộ phận tiếp nhận", "Liên 2: Giao người nộp hồ sơ")
QR_SIZE = 21 * mm

# (body, cell, header) font sizes tried in turn until a copy of the receipt fits on one A5 page.
_RECEIPT_SIZES = ((9.5, 8.5, 8.0), (9.0, 8.0, 8.0), (8.5, 7.5, 8.0), (8.0, 7.0, 7.5), (7.5, 6.5, 7.5))

CopyBuilder = Callable[[str, Styles, float], list[Flowable]]

GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, "black"),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
]


def when_cell(dt: datetime | None) -> str:
    """A date and time in a table cell on two lines: "24/10/2018<br/>10:00"; "" for none."""
    return f"{fmt_date(dt)}<br/>{dt.hour:02d}:{dt.minute:02d}" if dt else ""


def code_cell(code: str) -> str:
    """Break a dossier code after its unit part (000.00.32.H19-<br/>181024-0032) so it wraps cleanly."""
    unit, sep, rest = code.partition("-")
    return f"{esc(unit)}{sep}<br/>{esc(rest)}" if sep else esc(code)


def count(n: int) -> str:
    """Counts in the document table: 0 prints as a dash so the eye finds the papers handed in."""
    return f"{n:02d}" if n > 0 else "-"


def qr_drawing(value: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of ``value`` as a square Drawing of ``size`` points."""
    widget = qr.QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.initialFontName = font_name(SERIF)  # the renderer would select Helvetica otherwise
    d.add(widget)
    return d


def barcode(value: str, max_width: float, height: float = 8 * mm) -> Flowable:
    """A Code128 barcode no wider than ``max_width``; no human-readable line (reportlab would draw it in
    Helvetica), the code is printed in our own font above it."""
    probe = code128.Code128(value, barWidth=1.0, barHeight=height, humanReadable=False, quiet=False)
    bar_width = min(0.9, max_width / probe.width)
    bc = code128.Code128(value, barWidth=bar_width, barHeight=height, humanReadable=False, quiet=False)
    bc.hAlign = "CENTER"
    return bc


def code_block(s: Styles, width: float, code: str, copy_label: str) -> Table:
    """The dossier code, its barcode and the copy's label, with the QR code of the code on the right."""
    left_w = width - QR_SIZE - 2 * mm
    title_col: list[Flowable] = [
        Paragraph(f"Mã hồ sơ: <b>{esc(code)}</b>", s.center),
        Spacer(1, 1.5),
        barcode(code, left_w * 0.7),
        Spacer(1, 1.5),
        Paragraph(f"({esc(copy_label)})", s.center_italic),
    ]
    top = Table([[title_col, qr_drawing(code)]], colWidths=[left_w, width - left_w])
    top.setStyle(
        tstyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return top


def document_table(
    s: Styles, width: float, docs: tuple[DocumentLine, ...], electronic_column: bool = False
) -> Table:
    """TT, name, originals, certified copies, photocopies; with ``electronic_column`` one more column
    saying whether each paper was digitised or received electronically (blank where not recorded)."""
    heads = ["TT", "Tên giấy tờ", "Bản chính", "Bản sao chứng thực", "Bản photo"]
    if electronic_column:
        heads.append("Đã số hóa/ nhận điện tử")
    rows: list[list[object]] = [[Paragraph(h, s.cell_head) for h in heads]]
    for i, d in enumerate(docs, start=1):
        row: list[object] = [
            Paragraph(str(i), s.cell_center),
            Paragraph(esc(d.name), s.cell),
            Paragraph(count(d.originals), s.cell_center),
            Paragraph(count(d.certified_copies), s.cell_center),
            Paragraph(count(d.photocopies), s.cell_center),
        ]
        if electronic_column:
            mark = {True: "Có", False: "Không", None: ""}[d.electronic]
            row.append(Paragraph(mark, s.cell_center))
        rows.append(row)
    if not docs:
        rows.append(["", Paragraph("(Không có giấy tờ kèm theo)", s.cell), *[""] * (len(heads) - 2)])
    num = 15 * mm
    extra = len(heads) - 2
    widths = [6 * mm, width - extra * num - 6 * mm, *[num] * extra]
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(
        tstyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return t


def _fitted_copy(build: CopyBuilder, label: str, width: float, height: float) -> list[Flowable]:
    """One copy that fits ``width`` x ``height``: smaller type first; for very long lists, laid out wider
    so KeepInFrame scales the whole copy (tables and text alike) down onto the page."""
    for body, cell, head in _RECEIPT_SIZES:
        s = make_styles(size=body, cell=cell, head=head)
        copy = build(label, s, width)
        if height_of(copy, width) <= height:
            return copy
    scale = 1.0
    while scale > 0.35:
        scale -= 0.05
        copy = build(label, s, width / scale)
        if height_of(copy, width / scale) <= height / scale:
            break
    return copy


def two_copies(build: CopyBuilder, width: float, height: float) -> list[Flowable]:
    """The story of a two-copy form: page 1 for the office, page 2 for the applicant, each on one page."""
    story: list[Flowable] = []
    for i, label in enumerate(COPIES):
        if i:
            story.append(PageBreak())
        story.append(KeepInFrame(width, height, _fitted_copy(build, label, width, height), mode="shrink"))
    return story


def log_table(
    s: Styles,
    width: float,
    rows: Sequence[LogRow],
    cols: Sequence[tuple[str, float]],
    date_cols: range,
    row: Callable[[Styles, LogRow], list[object]],
) -> Table:
    """The log book's table (both circulars): `cols` (name, width in mm; 0 shares the space left),
    the date columns grouped under "Ngày, tháng, năm", a row of column numbers, one row per dossier."""
    fixed = sum(w for _, w in cols) * mm
    spare = (width - fixed) / 2
    widths = [w * mm if w else spare for _, w in cols]
    head0: list[object] = []
    head1: list[object] = []
    for i, (name, _) in enumerate(cols):
        cell = Paragraph(name, s.cell_head)
        if i in date_cols:
            head0.append(Paragraph("Ngày, tháng, năm", s.cell_head) if i == date_cols[0] else "")
            head1.append(cell)
        else:
            head0.append(cell)
            head1.append("")
    numbers = [Paragraph(f"({i})", s.cell_center) for i in range(1, len(cols) + 1)]
    body = [row(s, r) for r in rows]
    if not body:
        body = [["", Paragraph("Không có hồ sơ trong kỳ.", s.cell), *[""] * (len(cols) - 2)]]
    t = Table([head0, head1, numbers, *body], colWidths=widths, repeatRows=3)
    style = [*GRID, ("SPAN", (date_cols[0], 0), (date_cols[-1], 0))]
    style += [("SPAN", (i, 0), (i, 1)) for i in range(len(cols)) if i not in date_cols]
    style.append(("BACKGROUND", (0, 0), (-1, 2), "#eeeeee"))
    if not rows:
        style.append(("SPAN", (1, 3), (-1, 3)))
    t.setStyle(tstyle(style))
    return t
