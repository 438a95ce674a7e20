import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onestop_desktop.domain.text import fold, nfc, vi_name_sort_key, vi_sort_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ĐĂNG KÝ KHAI SINH", "dang ky khai sinh"),
        ("  Nguyễn   Văn\tAn ", "nguyen van an"),
        ("Đồng Nai", "dong nai"),
        ("Xuân Lộc", "xuan loc"),
        (unicodedata.normalize("NFD", "Chứng thực"), "chung thuc"),
        ("", ""),
        ("\u00d0Ỗ VĂN AN", "do van an"),  # Ð, the Icelandic eth, typed for Đ
        ("\u00f0ỗ văn an", "do van an"),
        ("\u0189ặng \u0256ức", "dang duc"),  # Ɖ/ɖ, the African D, another look-alike
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_eth_sorts_as_d_with_stroke() -> None:
    assert vi_sort_key("\u00d0ỗ") == vi_sort_key("Đỗ")
    assert sorted(["Dung", "\u00d0ỗ", "Ê"], key=vi_sort_key) == ["Dung", "\u00d0ỗ", "Ê"]


def test_nfc() -> None:
    assert nfc(unicodedata.normalize("NFD", "Nguyễn")) == "Nguyễn"


def test_required_order() -> None:
    words = ["Ư", "Zơ", "Đặng", "Bình", "Ơn", "Dương", "Ân", "An"]
    assert sorted(words, key=vi_sort_key) == ["An", "Ân", "Bình", "Dương", "Đặng", "Ơn", "Ư", "Zơ"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("a", "ă"),
        ("ă", "â"),
        ("â", "b"),
        ("d", "đ"),
        ("đ", "e"),
        ("e", "ê"),
        ("o", "ô"),
        ("ô", "ơ"),
        ("ơ", "p"),
        ("u", "ư"),
        ("ư", "v"),
        ("y", "f"),
        ("y", "z"),
        ("An", "Anh"),
        ("Anh", "Ánh"),  # same letters: tone decides
        ("Ánh", "Ăn"),  # letters first, tones second
        ("ma", "mà"),
        ("mà", "mả"),
        ("mả", "mã"),
        ("mã", "má"),
        ("má", "mạ"),
        ("Lan Anh", "Lanh"),  # a word break sorts before a letter
        ("1", "a"),
    ],
)
def test_pairwise_order(before: str, after: str) -> None:
    assert vi_sort_key(before) < vi_sort_key(after)


def test_case_ignored_and_nfd() -> None:
    assert vi_sort_key("NGUYỄN") == vi_sort_key("nguyễn")
    assert vi_sort_key(unicodedata.normalize("NFD", "Đặng")) == vi_sort_key("Đặng")


def test_names_sort_by_given_name() -> None:
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đặng Thu Ánh", "Phạm Đức"]
    assert sorted(names, key=vi_name_sort_key) == [
        "Lê Văn An",
        "Nguyễn Thị An",
        "Đặng Thu Ánh",
        "Trần Văn Bình",
        "Phạm Đức",
    ]


@given(st.text())
def test_key_is_printable_ascii(s: str) -> None:
    key = vi_sort_key(s)
    assert key.isascii() and key.isprintable()
    assert vi_name_sort_key(s).isascii()
    assert fold(s) == fold(fold(s))
