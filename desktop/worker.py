"""Database work off the UI thread, in the spirit of Anki's ``QueryOp``.

``run_in_background(fn, on_success, on_failure)`` runs ``fn()`` on a worker thread of a small
thread pool, then calls ``on_success(result)`` or ``on_failure(exc)`` on the UI thread. ``fn`` must
return plain data (numbers, text, dates, dataclasses, lists and dicts of those), never widgets;
nothing in ``fn`` may touch a widget.

Usage (views normally go through ``ctx.run_in_background``, which adds the error dialogs)::

    def load() -> list[UnitRow]:              # worker thread: domain calls only
        return [UnitRow(u.id, u.name) for u in office.units()]

    def show(rows: list[UnitRow]) -> None:    # UI thread
        self.model.set_rows(rows)

    ctx.run_in_background(load, show, owner=self, disable=[self.save_button])

- ``owner``: a QObject (usually the widget asking). If it has been deleted by the time the result
  arrives (a closed dialog), the callbacks are skipped.
- ``disable``: widgets disabled while the work runs and re-enabled after (e.g. the Save button, so
  a double click does not save twice).
- Without ``on_failure`` the error is only logged; ``AppContext.run_in_background`` supplies the
  standard handling (Thai message box for ``DomainError``, message with advice for
  ``EnvironmentProblem``, the error dialog for bugs).

Each worker thread opens its own database connection on first use (peewee connections are
per-thread) and closes it when the work is done, so a server restart or a dropped network link costs
one failed operation, not a stuck thread. Database driver errors (``peewee.OperationalError`` /
``InterfaceError``) reach ``on_failure`` converted to ``DatabaseUnavailable`` with a Thai message.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any, Generic, Protocol, TypeVar

import peewee
import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from models.errors import DatabaseUnavailable
from models.i18n import _

T = TypeVar("T")


class Enablable(Protocol):
    """A widget or an action that can be greyed out while work runs."""

    def isEnabled(self) -> bool: ...

    def setEnabled(self, enabled: bool) -> None: ...


log = logging.getLogger(__name__)

MAX_THREADS = 3  # database work is I/O bound; SQLite serialises writers anyway

_pool: QThreadPool | None = None
_running: set[Op[Any]] = set()  # keeps each Op (and its relay) alive until its callbacks ran


class Activity(QObject):
    """Counts running operations; the status bar shows "กำลังทำงาน…" while any runs."""

    busy_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def started(self) -> None:
        self.count += 1
        if self.count == 1:
            self.busy_changed.emit(True)

    def stopped(self) -> None:
        self.count = max(0, self.count - 1)
        if self.count == 0:
            self.busy_changed.emit(False)


_activity: Activity | None = None


def activity() -> Activity:
    global _activity
    if _activity is None:
        _activity = Activity()
    return _activity


def pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(MAX_THREADS)
        atexit.register(_finish_at_exit)
    return _pool


def _finish_at_exit() -> None:
    """Let running work end before the interpreter is torn down under it (a backup half-written,
    a runnable failing with "Error calling Python override")."""
    if _pool is not None:
        _pool.waitForDone(10_000)


class _Relay(QObject):
    """Lives on the UI thread; signals emitted from the worker are queued to its slots."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, op: Op[Any]) -> None:
        super().__init__()
        self.op = op
        self.succeeded.connect(self._on_success)
        self.failed.connect(self._on_failure)

    @Slot(object)
    def _on_success(self, result: object) -> None:
        self.op._finish(True, result)

    @Slot(object)
    def _on_failure(self, exc: object) -> None:
        self.op._finish(False, exc)


class _Job(QRunnable):
    def __init__(self, op: Op[Any]) -> None:
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        op = self.op
        try:
            result = op.fn()
        except BaseException as exc:  # everything goes back to the UI thread, bugs included
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            _close_thread_connection(broken=True)
            op.relay.failed.emit(_translate_driver_error(exc))
            return
        _close_thread_connection(broken=False)
        _warn_if_not_plain(result, op.fn)
        op.relay.succeeded.emit(result)


class Op(Generic[T]):
    """One background operation; ``cancel()`` drops its callbacks (the function still finishes)."""

    def __init__(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], object] | None,
        on_failure: Callable[[BaseException], object] | None,
        owner: QObject | None,
        disable: Iterable[Enablable],
    ) -> None:
        self.fn = fn
        self.on_success = on_success
        self.on_failure = on_failure
        self.owner = owner
        self.disabled = [w for w in disable if w.isEnabled()]
        self.cancelled = False
        self.done = False
        self.relay = _Relay(self)

    def cancel(self) -> None:
        self.cancelled = True

    def _owner_alive(self) -> bool:
        return self.owner is None or shiboken6.isValid(self.owner)

    def _finish(self, ok: bool, payload: Any) -> None:
        self.done = True
        _running.discard(self)
        activity().stopped()
        for widget in self.disabled:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        if self.cancelled or not self._owner_alive():
            if not ok:
                log.info("error after its window closed: %r", payload)
            return
        if ok:
            if self.on_success is not None:
                self.on_success(payload)
        elif self.on_failure is not None:
            self.on_failure(payload)
        else:
            log.error(
                "background operation failed: %s",
                getattr(payload, "__traceback_text__", repr(payload)),
            )


def run_in_background(
    fn: Callable[[], T],
    on_success: Callable[[T], object] | None = None,
    on_failure: Callable[[BaseException], object] | None = None,
    *,
    owner: QObject | None = None,
    disable: Iterable[Enablable] = (),
) -> Op[T]:
    """Run ``fn()`` on a worker thread; deliver its result or error on the UI thread."""
    if not on_ui_thread():
        raise RuntimeError("run_in_background must be called on the UI thread")
    op: Op[T] = Op(fn, on_success, on_failure, owner, disable)
    for widget in op.disabled:
        widget.setEnabled(False)
    _running.add(op)
    activity().started()
    pool().start(_Job(op))
    return op


def wait_for(
    fn: Callable[[], T],
    *,
    parent: QWidget | None = None,
    text: str = "",
    delay_ms: int = 400,
) -> T:
    """Run ``fn()`` in the worker and wait for it while the UI keeps painting (a local event loop);
    return its result or raise its error here. For start-up steps that a modal flow waits on
    (opening the database, logging in). A progress note appears if it takes longer than
    ``delay_ms``; nothing can be clicked meanwhile."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QProgressDialog

    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finish(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    progress: QProgressDialog | None = None

    def show_progress() -> None:
        nonlocal progress
        if outcome:
            return
        progress = QProgressDialog(text or _("กรุณารอสักครู่…"), "", 0, 0, parent)
        progress.setCancelButton(None)
        progress.setWindowTitle("ICT Desk")
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(0)
        progress.show()

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(show_progress)
    timer.start(delay_ms)
    run_in_background(fn, lambda result: finish("result", result), lambda exc: finish("error", exc))
    if not outcome:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    timer.stop()
    if progress is not None:
        progress.close()
        progress.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]  # type: ignore[no-any-return]


def running_count() -> int:
    return len(_running)


def wait_idle(timeout_ms: int = 10_000) -> bool:
    """Block until the pool's threads are idle (shutdown and tests). Callbacks still need the event
    loop to run afterwards."""
    return pool().waitForDone(timeout_ms)


def _close_thread_connection(*, broken: bool) -> None:
    from models.db import database

    if database.obj is None:
        return
    with contextlib.suppress(Exception):
        if broken and not database.is_closed() and database.in_transaction():
            database.rollback()
    with contextlib.suppress(Exception):
        if not database.is_closed():
            database.close()


def _translate_driver_error(exc: BaseException) -> BaseException:
    """A driver error in the middle of work is the environment's fault (server gone, disk full,
    database locked): the user gets a Thai message, the details stay in the log."""
    if isinstance(exc, (peewee.OperationalError, peewee.InterfaceError)):
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        log.warning("database error in background work: %s", detail)
        lowered = detail.lower()
        from models.write_lock import is_retryable

        if is_retryable(exc):  # still a deadlock victim after the data layer's retries
            message = _("มีผู้ใช้เครื่องอื่นบันทึกข้อมูลเดียวกันในเวลาเดียวกัน จึงทำรายการนี้ไม่สำเร็จ")
            advice = _("กรุณาลองใหม่อีกครั้ง ข้อมูลที่กรอกไว้ยังอยู่ในหน้าจอ")
        elif "locked" in lowered or "busy" in lowered:
            message = _("ฐานข้อมูลกำลังถูกใช้งานโดยเครื่องอื่น จึงทำรายการนี้ไม่สำเร็จ")
            advice = _("กรุณารอสักครู่แล้วลองใหม่")
        elif "disk" in lowered or "full" in lowered or "readonly" in lowered:
            message = _("บันทึกลงฐานข้อมูลไม่ได้ เพราะพื้นที่ดิสก์เต็มหรือไม่มีสิทธิ์เขียน")
            advice = _("กรุณาเพิ่มพื้นที่ว่างหรือแจ้งผู้ดูแลระบบ แล้วลองใหม่")
        else:
            message = _("การเชื่อมต่อฐานข้อมูลขัดข้อง จึงทำรายการนี้ไม่สำเร็จ")
            advice = _("ตรวจสอบเครือข่ายหรือเครื่องแม่ข่ายฐานข้อมูล แล้วลองใหม่ ข้อมูลที่กรอกไว้ยังอยู่ในหน้าจอ")
        problem = DatabaseUnavailable(f"{message} ({detail})", advice)
        problem.__cause__ = exc
        problem.__traceback_text__ = getattr(exc, "__traceback_text__", "")  # type: ignore[attr-defined]
        return problem
    return exc


def _warn_if_not_plain(result: object, fn: Callable[..., Any]) -> None:
    """Results cross threads: a peewee model instance would lazily query on the UI thread.
    A cheap look at the top level and the first element of collections, logged (not refused)."""
    probes: list[object] = [result]
    if isinstance(result, (list, tuple, set, frozenset)):
        probes += list(result)[:1]
    elif isinstance(result, dict):
        probes += list(result.values())[:1]
    elif dataclasses.is_dataclass(result) and not isinstance(result, type):
        probes += [getattr(result, f.name) for f in dataclasses.fields(result)]
    for probe in probes:
        if isinstance(probe, (peewee.Model, QObject)):
            log.warning(
                "background function %s returned %s: return plain data instead",
                getattr(fn, "__qualname__", fn),
                type(probe).__name__,
            )
            return


def on_ui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()
