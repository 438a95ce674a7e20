"""The audit key: a secret kept outside the database, with which the audit chain is sealed (HMAC).

Where it lives, first match wins:
1. the file named by the environment variable ONESTOP_AUDIT_KEY_FILE;
2. SQLite: the file `<database file>.audit-key` beside the database, created on first use;
3. a server database (PostgreSQL): `audit.key` in the program's configuration folder
   (platformdirs' user config dir, e.g. ~/.config/OneStopDesktop/audit.key on Linux,
   %LOCALAPPDATA%\\OneStop\\OneStopDesktop\\audit.key on Windows); the administrator installs the same
   file on every counter. It is never created there: counters with keys of their own would fork the
   chain.

The file holds 64 hexadecimal digits (32 random bytes from `secrets`, PEP 506) and a newline; it is
written with mode 0600 under a temporary name and linked into place, so a crash never leaves half a key
and two counters creating one at the same moment end up with the same key (the second link fails and
reads the first). Key id: the first 8 hex digits of SHA-256("onestop-audit-key-id" + key); it names the
key in each entry without revealing it.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir
from sqlalchemy.orm import Session

from onestop_desktop.domain.messages import msg
from onestop_desktop.paths import APP_AUTHOR, APP_NAME
from onestop_desktop.services import audit_messages  # noqa: F401  (defines the message ids)
from onestop_desktop.services.errors import ServiceError

ENV_KEY_FILE = "ONESTOP_AUDIT_KEY_FILE"
KEY_BYTES = 32


class AuditKeyMissing(ServiceError):
    """No key file where a server database needs one (the administrator installs it)."""


@dataclass(frozen=True)
class AuditKey:
    secret: bytes
    path: Path

    @property
    def kid(self) -> str:
        return key_id(self.secret)


def key_id(secret: bytes) -> str:
    return hashlib.sha256(b"onestop-audit-key-id" + secret).hexdigest()[:8]


def key_path(db_file: Path | None) -> Path:
    """Where the key of the database in `db_file` (None: a server database) is looked for."""
    explicit = os.environ.get(ENV_KEY_FILE, "").strip()
    if explicit:
        return Path(explicit)
    if db_file is not None:
        return db_file.with_name(db_file.name + ".audit-key")
    return Path(user_config_dir(APP_NAME, APP_AUTHOR)) / "audit.key"


def db_file_of(session: Session) -> Path | None:
    """The SQLite file behind the session, or None for a server database or in-memory SQLite."""
    url = session.get_bind().engine.url
    if url.get_backend_name() != "sqlite":
        return None
    name = url.database or ""
    return None if name in ("", ":memory:") else Path(name).resolve()


_cache: dict[Path, tuple[int, bytes]] = {}


def read_key(path: Path) -> AuditKey | None:
    """The key in `path`, or None when there is no such file; a damaged file is a ServiceError."""
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    cached = _cache.get(path)
    if cached is not None and cached[0] == stamp:
        return AuditKey(cached[1], path)
    text = path.read_text(encoding="ascii", errors="replace").strip()
    try:
        secret = bytes.fromhex(text)
    except ValueError:
        secret = b""
    if len(secret) != KEY_BYTES:
        raise ServiceError(msg("audit.key-unreadable", path=str(path)))
    _cache[path] = (stamp, secret)
    return AuditKey(secret, path)


def _create(path: Path) -> AuditKey:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_bytes(KEY_BYTES).hex() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # fails if another process got there first: then use its key
        except FileExistsError:
            pass
        except OSError:  # file systems without hard links (some network shares)
            if not path.exists():
                os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    key = read_key(path)
    assert key is not None
    return key


def key_for(session: Session, *, create: bool = True) -> AuditKey:
    """The key that seals this database's chain; SQLite creates one on first use, a server never does."""
    db_file = db_file_of(session)
    path = key_path(db_file)
    key = read_key(path)
    if key is not None:
        return key
    if db_file is None:
        raise AuditKeyMissing(msg("audit.key-missing-server", path=str(path), env=ENV_KEY_FILE))
    if not create:
        raise AuditKeyMissing(msg("audit.key-not-found", path=str(path)))
    return _create(path)


def keys_for_check(session: Session, extra: list[Path] | None = None) -> tuple[dict[str, bytes], Path]:
    """The keys a check may use (the database's own, plus files given by hand), by key id; never creates."""
    path = key_path(db_file_of(session))
    ring: dict[str, bytes] = {}
    for candidate in [path, *(extra or [])]:
        key = read_key(candidate)
        if key is not None:
            ring.setdefault(key.kid, key.secret)
    return ring, path
