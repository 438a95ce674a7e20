"""One way to say a size, in both languages (backups, the file store, the scans' limits)."""

from __future__ import annotations

import pytest

from onestop_desktop.domain.sizes import size_text


@pytest.mark.parametrize(
    ("n", "vi", "en"),
    [
        (1, "1 byte", "1 byte"),
        (512, "512 byte", "512 bytes"),
        (3_500, "3,5 KB", "3.5 KB"),
        (10_000, "10 KB", "10 KB"),
        (74_321, "74 KB", "74 KB"),
        (3_700_000, "3,7 MB", "3.7 MB"),
        (50_000_000, "50 MB", "50 MB"),
        (10_240_000_000, "10,24 GB", "10.24 GB"),
        (2_000_000_000, "2 GB", "2 GB"),
    ],
)
def test_sizes(n: int, vi: str, en: str) -> None:
    assert (size_text(n).text("vi"), size_text(n).text("en")) == (vi, en)
