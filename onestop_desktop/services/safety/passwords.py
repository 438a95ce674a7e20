"""Password hashing: Argon2id through argon2-cffi; older scrypt hashes still verify and are replaced.

Why argon2-cffi: it is the maintained Python binding of the reference Argon2 implementation (the PHC
winner), written for exactly this job: it encodes salt and parameters in the PHC string, compares in
constant time, and says when a stored hash was made with other parameters (`check_needs_rehash`), which
is how old hashes are upgraded at the next sign-in.

Parameters: argon2-cffi's `RFC_9106_LOW_MEMORY` profile, Argon2id with t=3 passes, m=64 MiB,
p=4 lanes, 16-byte salt, 32-byte tag: the second recommended option of RFC 9106 §4 (for machines
without 2 GiB to spare: a commune office's PC). It is above the OWASP Password Storage Cheat Sheet's
minimum for Argon2id (m=19 MiB, t=2, p=1; https://cheatsheetseries.owasp.org/cheatsheets/
Password_Storage_Cheat_Sheet.html#argon2id). It costs about 0.1-0.3 s per sign-in on this machine.

`HASHER` is the only place the parameters live. The test suite (tests/conftest.py) swaps it for
argon2-cffi's cheapest profile so that thousands of test accounts stay fast; the program itself never
reads anything that could weaken it (no setting, no environment variable).
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from argon2 import PasswordHasher, Type, profiles
from argon2.exceptions import InvalidHashError, VerificationError

PRODUCT_PARAMETERS = profiles.RFC_9106_LOW_MEMORY
assert PRODUCT_PARAMETERS.type is Type.ID  # Argon2id, as RFC 9106 and OWASP recommend

HASHER: PasswordHasher = PasswordHasher.from_parameters(PRODUCT_PARAMETERS)

_dummy: tuple[PasswordHasher, str] | None = None


def hash_password(password: str) -> str:
    """A new Argon2id hash (PHC string: `$argon2id$v=19$m=65536,t=3,p=4$salt$tag`)."""
    return HASHER.hash(password)


def _verify_scrypt(password: str, stored: str) -> bool:
    """The hashes written before Argon2id: `scrypt$N$r$p$salt$digest` (base64), N=2^14, r=8, p=1."""
    try:
        _scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        salt, expected = base64.b64decode(salt_b64), base64.b64decode(digest_b64)
        digest = hashlib.scrypt(
            password.encode(), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected), maxmem=2**28
        )
    except ValueError:
        return False
    return hmac.compare_digest(digest, expected)


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches `stored` (an Argon2 PHC string, or an older scrypt hash)."""
    if stored.startswith("scrypt$"):
        return _verify_scrypt(password, stored)
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Whether `stored` was made otherwise than `HASHER` would make it now (older scheme or parameters)."""
    if not stored.startswith("$argon2id$"):
        return True
    try:
        return HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


def verify_dummy(password: str) -> None:
    """Spend the time of one verification against a hash nobody has (unknown, disabled, locked accounts).

    OWASP Authentication Cheat Sheet ("Authentication and Error Messages"): an unknown user must take
    as long as a wrong password, or the answer's delay tells which user names exist.
    """
    global _dummy
    if _dummy is None or _dummy[0] is not HASHER:
        _dummy = (HASHER, HASHER.hash("not a password of anyone"))
    try:
        HASHER.verify(_dummy[1], password)
    except VerificationError:
        pass
