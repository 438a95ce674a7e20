"""One small task runner: long work runs on a pool thread, results come back by queued signals.

The work function receives a `Progress`; it reports with `progress.report(percent, text)` and
stops early when `progress.cancelled` is true (raise `Cancelled`). A progress dialog appears only
when the work lasts more than half a second.
"""

from __future__ import annotations

import contextlib
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


def _ignore_progress(_percent: int, _text: str) -> None:
    return None


def _no_work(_progress: Progress) -> None:
    return None


class Cancelled(Exception):
    """Raised inside work that noticed the user pressed Cancel."""


class Progress:
    def __init__(self, emit: Callable[[int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, percent: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._emit(percent, text)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, str)
    cancelled = Signal()


class _Task(QRunnable):
    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()
        self.progress = Progress(lambda p, t: self.signals.progress.emit(p, t))

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except Cancelled:
            self._tell(self.signals.cancelled.emit)
        except Exception as exc:  # reported to the user by the caller's on_error
            self._tell(self.signals.failed.emit, exc, traceback.format_exc())
        else:
            self._tell(self.signals.done.emit, result)

    @staticmethod
    def _tell(emit: Callable[..., Any], *args: Any) -> None:
        # The program is quitting and Qt already deleted the signals' object (the window and whoever
        # waited for this result are gone): there is nobody left to tell, and no traceback to print.
        with contextlib.suppress(RuntimeError):
            emit(*args)


class TaskRunner(QObject):
    """Runs work off the GUI thread. `synchronous=True` (tests) runs it inline, same signals."""

    def __init__(self, parent: QObject | None = None, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool.globalInstance()
        self._running: set[_Task] = set()

    def run(
        self,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        title: str = "",
        parent: QWidget | None = None,
        cancellable: bool = True,
    ) -> Progress:
        task = _Task(work)
        dialog: QProgressDialog | None = None
        if parent is not None and not self.synchronous:
            dialog = QProgressDialog(title, self.tr("Cancel") if cancellable else "", 0, 100, parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(500)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if not cancellable:
                dialog.setCancelButton(None)
            dialog.canceled.connect(task.progress.cancel)
            task.signals.progress.connect(lambda p, t: (dialog.setValue(p), t and dialog.setLabelText(t)))

        def finish() -> None:
            self._running.discard(task)
            # Drop every reference the finished task holds to the caller (its callbacks reach into
            # widgets): Qt connections are invisible to Python's cycle collector.
            task.progress._emit = _ignore_progress
            task.work = _no_work
            for signal in (task.signals.done, task.signals.failed, task.signals.cancelled):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect()
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: Exception, tb: str) -> None:
            finish()
            if on_error is not None:
                on_error(exc)
            else:
                raise exc

        task.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        task.signals.cancelled.connect(finish, Qt.ConnectionType.QueuedConnection)
        self._running.add(task)
        if self.synchronous:
            task.signals.done.disconnect()
            task.signals.failed.disconnect()
            task.signals.cancelled.disconnect()
            task.signals.done.connect(done)
            task.signals.failed.connect(failed)
            task.signals.cancelled.connect(finish)
            task.run()
        else:
            QTimer.singleShot(0, lambda: self.pool.start(task))
        return task.progress

    def wait_all(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._running)
