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


def test_a_multi_page_tiff_alone_gives_its_pages() -> None:
    scan = prepare([IncomingFile("so-ho-tich.tiff", tiff(4))])
    assert scan.pages == 4 and pages_of(scan.pdf) == 4 and scan.name == "so-ho-tich.pdf"


def test_many_jpeg_pages_each_byte_for_byte_in_order() -> None:
    pages = [jpeg(i) for i in range(6)]
    scan = prepare([IncomingFile(f"{i}.jpg", p) for i, p in enumerate(pages)])
    assert scan.pages == 6 and _image_streams(scan.pdf) == pages


def test_a_pdf_between_images_keeps_the_order_given() -> None:
    middle = prepare([IncomingFile("m.jpg", jpeg(5)), IncomingFile("n.jpg", jpeg(6))]).pdf
    a, b = jpeg(1), jpeg(2)
    scan = prepare([IncomingFile("a.jpg", a), IncomingFile("m.pdf", middle), IncomingFile("b.jpg", b)])
    assert scan.pages == 4
    assert _image_streams(scan.pdf) == [a, jpeg(5), jpeg(6), b]


def test_transparency_among_other_pages_is_flattened_too() -> None:
    scan = prepare([IncomingFile("a.jpg", jpeg(1)), IncomingFile("b.png", png(alpha=True))])
    assert scan.pages == 2
    assert _image_streams(scan.pdf)[0] == jpeg(1)  # the JPEG still untouched beside it


def test_the_damaged_file_among_several_is_the_one_named() -> None:
    files = [IncomingFile("tot.jpg", jpeg(1)), IncomingFile("hong.jpg", jpeg(2)[:200])]
    with pytest.raises(ServiceError) as err:
        prepare(files)
    assert err.value.msg is not None and err.value.msg.key == "att.corrupt"
    assert "hong.jpg" in err.value.msg.text("en") and "tot.jpg" not in err.value.msg.text("en")


def test_no_files_and_a_bad_page_order() -> None:
    with pytest.raises(ServiceError) as err:
        prepare([])
    assert err.value.msg is not None and err.value.msg.key == "att.no-files"
    pdf = prepare([IncomingFile("a.jpg", jpeg(1))]).pdf
    with pytest.raises(ServiceError) as err:
        rearrange(pdf, [])
    with pytest.raises(ServiceError) as err:
        rearrange(pdf, [-1])
    assert err.value.msg is not None and err.value.msg.key == "att.page-order"


def _pixels(pdf: bytes) -> list[object]:
    (page,) = PdfReader(io.BytesIO(pdf)).pages
    (img,) = page.images
    return list(img.image.convert("RGB").get_flattened_data())


def test_a_png_keeps_every_pixel_and_transparency_becomes_white_paper() -> None:
    from PIL import Image

    plain = Image.new("RGB", (64, 48))
    plain.putdata([((x * 4) % 256, (y * 5) % 256, (x * y) % 256) for y in range(48) for x in range(64)])
    out = io.BytesIO()
    plain.save(out, format="PNG")
    assert _pixels(prepare([IncomingFile("p.png", out.getvalue())]).pdf) == list(plain.get_flattened_data())
    half = Image.new("RGBA", (10, 10), (200, 30, 40, 255))
    for x in range(5):
        for y in range(10):
            half.putpixel((x, y), (0, 0, 0, 0))  # the left half transparent
    out = io.BytesIO()
    half.save(out, format="PNG")
    got = _pixels(prepare([IncomingFile("a.png", out.getvalue())]).pdf)
    assert got == [(255, 255, 255) if i % 10 < 5 else (200, 30, 40) for i in range(100)]
