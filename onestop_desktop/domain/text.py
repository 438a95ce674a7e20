"""Vietnamese text helpers: NFC normalisation, accent folding for search, and collation keys.

The collation key is plain printable ASCII whose code-point order is the Vietnamese dictionary order,
so it can live in an indexed column and be sorted with BINARY collation by SQLite or PostgreSQL.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "nfc", "vi_name_sort_key", "vi_sort_key"]

_SPACES = re.compile(r"\s+")

# Vietnamese alphabet order, then the foreign letters used in names and place names.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ",
    "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y", "f", "j", "w", "z",
]  # fmt: skip
# Printable characters in ascending code-point order: "A".."Z" then "a".."g" (33 letters).
_CODES = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg"
_LETTER_CODE = dict(zip(_ALPHABET, _CODES, strict=True))

# Separators, lower than every letter or digit code: end of primary level < field < word.
_LEVEL_SEP = "!"
_FIELD_SEP = "#"
_WORD_SEP = "&"
_UNKNOWN = "~"  # any other letter (non-Latin scripts) sorts after the alphabet

# Vowel modifiers make distinct letters (primary); tone marks are secondary, in the traditional order
# ngang, huyền, hỏi, ngã, sắc, nặng.
_MODIFIERS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_MODIFIED = {
    ("a", "breve"): "ă",
    ("a", "circumflex"): "â",
    ("e", "circumflex"): "ê",
    ("o", "circumflex"): "ô",
    ("o", "horn"): "ơ",
    ("u", "horn"): "ư",
}


def nfc(s: str) -> str:
    """Return `s` in Unicode NFC, the form every stored text uses."""
    return unicodedata.normalize("NFC", s)


# Lower-cased already; Đ's lower case is đ, Ð's is ð, Ɖ's is ɖ (the upper cases stay for safety).
_D_LIKE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ɖ": "d", "Ɖ": "d"})


def fold(s: str) -> str:
    """Accent-folded, lower-case search key with whitespace collapsed.

    Đ/đ are mapped by hand because NFD decomposition leaves them alone, and so are the look-alikes
    typed for them: Ð/ð (U+00D0/U+00F0, the Icelandic eth) and Ɖ/ɖ (U+0189/U+0256, the African D).
    >>> fold("ĐĂNG  KÝ KHAI SINH")
    'dang ky khai sinh'
    """
    decomposed = unicodedata.normalize("NFD", nfc(s).lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.translate(_D_LIKE)
    return nfc(_SPACES.sub(" ", stripped).strip())


def _clusters(s: str) -> list[tuple[str, str, str]]:
    """Split into (base letter, modifier name, tone digit) triples after NFD decomposition."""
    out: list[tuple[str, str, str]] = []
    for ch in unicodedata.normalize("NFD", s.lower()):
        if unicodedata.combining(ch) and out:
            base, mod, tone = out[-1]
            if ch in _MODIFIERS:
                mod = _MODIFIERS[ch]
            elif ch in _TONES:
                tone = _TONES[ch]
            out[-1] = (base, mod, tone)
        elif unicodedata.combining(ch):
            continue
        else:
            out.append((ch, "", "0"))
    return out


def vi_sort_key(s: str) -> str:
    """ASCII collation key: letters first (Vietnamese alphabet order), tones second, case ignored.

    Whitespace runs count as one word separator; punctuation is ignored; digits sort before letters;
    other letters sort after z. The character "\\x01" separates fields (used for names).
    """
    primary: list[str] = []
    secondary: list[str] = []
    pending_space = False
    for base, mod, tone in _clusters(nfc(s).strip()):
        if base == "\x01":
            primary.append(_FIELD_SEP)
            secondary.append("0")
            pending_space = False
            continue
        if base.isspace():
            pending_space = True
            continue
        letter = _MODIFIED.get((base, mod), base)
        if letter in ("đ", "ð", "ɖ"):  # the look-alikes typed for Đ sort as Đ
            code = _LETTER_CODE["đ"]
        elif letter in _LETTER_CODE:
            code = _LETTER_CODE[letter]
        elif base.isdigit() and base.isascii():
            code = base
        elif base.isalpha():
            folded = fold(base)
            code = _LETTER_CODE.get(folded, _UNKNOWN) if len(folded) == 1 else _UNKNOWN
        else:
            continue  # punctuation, symbols: ignorable
        if pending_space and primary and primary[-1] != _FIELD_SEP:
            primary.append(_WORD_SEP)
            secondary.append("0")
        pending_space = False
        primary.append(code)
        secondary.append(tone)
    return "".join(primary) + _LEVEL_SEP + "".join(secondary)


def vi_name_sort_key(full_name: str) -> str:
    """Key sorting people the Vietnamese way: by given name (last word), then family and middle names."""
    words = nfc(full_name).split()
    if not words:
        return vi_sort_key("")
    return vi_sort_key(words[-1] + "\x01" + " ".join(words[:-1]))
