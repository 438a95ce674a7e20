"""Install Qt translators for the chosen language (Vietnamese by default)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from onestop_desktop.domain.messages import Msg
from onestop_desktop.paths import data_dir, resource_path

_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators
_language = ["vi"]  # the interface language last installed


def language() -> str:
    """The interface language: "vi" (default) or "en"."""
    return _language[0]


def say(message: Msg | None) -> str:
    """A message from the domain or a service, worded in the interface language ("" for None)."""
    return "" if message is None else message.text(language())


def plural(n: int, one: str, other: str) -> str:
    """English counts agree ("1 dossier", "2 dossiers"): pass both forms, each through self.tr."""
    return one if n == 1 else other


def say_error(exc: Exception) -> str:
    """The text of a refusal: its message ids when it carries them, else its (Vietnamese) sentence."""
    from onestop_desktop.services.errors import ValidationFailed

    if isinstance(exc, ValidationFailed) and exc.field_msgs:
        return exc.text(language())
    carried = getattr(exc, "msg", None)
    return say(carried) if isinstance(carried, Msg) else str(exc)


def say_failure(exc: BaseException, file: object = "") -> str:
    """Any failure in words: a refusal's own message, else the real cause of a database or disk error
    (a damaged file, a full disk, a read-only file: services/safety/causes.py), else the error's text."""
    from onestop_desktop.services.errors import ServiceError
    from onestop_desktop.services.safety.causes import explain

    if isinstance(exc, ServiceError):
        return say_error(exc)
    explained = explain(exc, file)
    if explained is not None:
        return say_error(explained)
    return f"{type(exc).__name__}: {exc}"


def say_field(exc: Exception, field: str) -> str:
    """The message of one refused field in the interface language ("" when that field is fine)."""
    from onestop_desktop.services.errors import ValidationFailed

    if not isinstance(exc, ValidationFailed) or field not in exc.errors:
        return ""
    carried = exc.field_msgs.get(field)
    return say(carried) if carried is not None else exc.errors[field]


def _qm_for(ts: Path) -> Path | None:
    """A compiled .qm for `ts`: shipped beside it (bundle) or compiled into the data folder."""
    shipped = ts.with_suffix(".qm")
    if shipped.exists() and shipped.stat().st_mtime >= ts.stat().st_mtime:
        return shipped
    cached = data_dir() / "i18n" / ts.with_suffix(".qm").name
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    try:
        from onestop_desktop.i18n_files import compile_ts

        compile_ts(ts, cached)
    except (OSError, FileNotFoundError, ImportError):
        return shipped if shipped.exists() else None
    return cached


def install_translators(language: str) -> list[str]:
    """Install the program's and Qt's own translations; returns the loaded files (for tests)."""
    app = QCoreApplication.instance()
    assert app is not None
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    _language[0] = "vi" if language == "vi" else "en"
    if language != "vi":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    loaded: list[str] = []
    qt_tr = QTranslator()
    if qt_tr.load("qtbase_vi", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
        loaded.append("qtbase_vi")
    for ts in sorted(resource_path("i18n/vi").glob("*.ts")):
        qm = _qm_for(ts)
        tr = QTranslator()
        if qm is not None and tr.load(str(qm)):
            app.installTranslator(tr)
            _installed.append(tr)
            loaded.append(ts.stem)
    return loaded


def num(value: float, decimals: int = 0) -> str:
    """A number on screen in the interface language: "6.092" / "6,092" (paper stays Vietnamese)."""
    from onestop_desktop.domain.messages import Num

    return Num(value, decimals).text(language())


def pct(value: float, decimals: int = 2) -> str:
    """A percentage on screen: "98,49 %" / "98.49%"."""
    from onestop_desktop.domain.messages import Num

    return Num(value, decimals, percent=True).text(language())
