"""A file's size as people read it, in both languages: "3,4 MB" / "3.4 MB" (decimal units, as disks and
file managers on Windows 10+ and GNOME count them: 1 MB = 1,000,000 bytes). Backups, the file store, the
attachments' limits and the scans all say sizes with this one function."""

from __future__ import annotations

from onestop_desktop.domain.messages import Num, Text

KB, MB, GB = 1000, 1000**2, 1000**3


def size_text(n_bytes: int) -> Text:
    """ "3,4 MB" / "3.4 MB", "10,24 GB" from a gigabyte on, "12 KB", "512 bytes"."""
    if n_bytes >= GB:
        value, unit, decimals = n_bytes / GB, "GB", 2
    elif n_bytes >= MB:
        value, unit, decimals = n_bytes / MB, "MB", 1
    elif n_bytes >= KB:
        value, unit, decimals = n_bytes / KB, "KB", 0 if n_bytes >= 10 * KB else 1
    else:
        return Text(f"{n_bytes} byte", f"{n_bytes} byte" if n_bytes == 1 else f"{n_bytes} bytes")
    if round(value, decimals) == round(value):
        decimals = 0  # "50 MB", not "50,0 MB"
    number = Num(value, decimals)
    return Text(f"{number.text('vi')} {unit}", f"{number.text('en')} {unit}")
