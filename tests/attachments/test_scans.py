"""Scans become one PDF per document without re-encoding; bad files get one clear sentence."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from onestop_desktop.services.attachments.scans import IncomingFile, kind_of, pages_of, prepare, rearrange
from onestop_desktop.services.errors import ServiceError
from tests.attachments.conftest import jpeg, png, tiff


def _image_streams(pdf: bytes) -> list[bytes]:
    """The images' streams as stored in the PDF (still encoded: a JPEG stays JPEG bytes)."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/XObject"].values():
            out.append(ref.get_object()._data)  # the raw stream, before any filter is undone
    return out


def test_a_jpeg_goes_into_the_pdf_byte_for_byte() -> None:
    data = jpeg(1)
    scan = prepare([IncomingFile("giay-khai-sinh.jpg", data)])
    assert scan.pages == 1 and scan.name == "giay-khai-sinh.pdf"
    assert _image_streams(scan.pdf) == [data]  # no decoding, no re-compression: lossless


def test_several_images_and_a_multi_page_tiff_make_one_document() -> None:
    scan = prepare(
        [IncomingFile("a.jpg", jpeg(1)), IncomingFile("b.tif", tiff(3)), IncomingFile("c.png", png())]
    )
    assert scan.pages == 5
    assert pages_of(scan.pdf) == 5


def test_a_pdf_alone_is_kept_as_it_is() -> None:
    pdf = prepare([IncomingFile("x.jpg", jpeg(2))]).pdf
    again = prepare([IncomingFile("to-khai.pdf", pdf)])
    assert again.pdf == pdf and again.name == "to-khai.pdf"


def test_transparency_is_flattened_on_white() -> None:
    scan = prepare([IncomingFile("anh.png", png(alpha=True))])
    assert scan.pages == 1


def test_type_is_told_by_content_not_by_name() -> None:
    assert kind_of(jpeg()) == "jpeg" and kind_of(png()) == "png" and kind_of(tiff()) == "tiff"
    with pytest.raises(ServiceError) as err:
        prepare([IncomingFile("scan.pdf", b"hello, not a scan")])
    assert "scan.pdf" in err.value.msg.text("en") and "JPEG, PNG, TIFF" in err.value.msg.text("en")


@pytest.mark.parametrize(
    ("data", "key"),
    [(b"", "att.empty"), (jpeg()[:200], "att.corrupt"), (b"%PDF-1.4\ngarbage", "att.corrupt")],
)
def test_bad_files_are_named_in_one_sentence(data: bytes, key: str) -> None:
    with pytest.raises(ServiceError) as err:
        prepare([IncomingFile("hong.jpg", data)])
    assert err.value.msg is not None and err.value.msg.key == key
    assert "hong.jpg" in err.value.msg.text("vi")


def test_encrypted_pdf_is_refused() -> None:
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(200, 200)
    w.encrypt("secret")
    out = io.BytesIO()
    w.write(out)
    with pytest.raises(ServiceError) as err:
        prepare([IncomingFile("khoa.pdf", out.getvalue())])
    assert err.value.msg is not None and err.value.msg.key == "att.encrypted"


def test_rearrange_reorders_and_drops_pages() -> None:
    pdf = prepare([IncomingFile(f"{i}.jpg", jpeg(i, (100 + 10 * i, 100))) for i in range(3)]).pdf
    widths = [float(p.mediabox.width) for p in PdfReader(io.BytesIO(pdf)).pages]
    moved = rearrange(pdf, [2, 0])
    assert [float(p.mediabox.width) for p in PdfReader(io.BytesIO(moved)).pages] == [widths[2], widths[0]]
    assert rearrange(pdf, [0, 1, 2]) == pdf
    with pytest.raises(ServiceError):
        rearrange(pdf, [3])
