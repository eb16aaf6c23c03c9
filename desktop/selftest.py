"""``--self-test``: prove an installation works, without anyone at the keyboard.

Opens the configured database (``--database`` or the workstation's, else the embedded file), runs
its migrations, seeds the demo office if it is empty, builds the main window offscreen as the demo
administrator exactly as a real start builds it after the login (every tab registered, the first
one built; the others are built when first shown, as in the window), waits for that tab's first
background loads, renders one memo to a temporary PDF when the document engine is present, and
prints what it did with the timings. Any error a tab reports, any dialog that would wait for a
click, and background work still running at the end make it fail. Exit 0 when all of that worked,
1 otherwise. CI runs it on the frozen build; the start-up benchmark times it.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
WAIT_FOR_TABS_MS = 20_000


class SelfTest:
    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.failures: list[str] = []
        self.lines: list[str] = []

    def step(self, name: str, fn: Callable[[], T]) -> T | None:
        began = time.perf_counter()
        try:
            result = fn()
        except Exception as exc:
            self.failures.append(f"{name}: {type(exc).__name__}: {exc}")
            self.lines.append(f"FAIL {name} ({time.perf_counter() - began:.2f} s)")
            traceback.print_exc()
            return None
        self.lines.append(f"ok   {name} ({time.perf_counter() - began:.2f} s)")
        return result

    def say(self, text: str) -> None:
        self.lines.append(f"     {text}")

    def report(self) -> int:
        total = time.perf_counter() - self.started
        for line in self.lines:
            print(line)
        status = "FAILED" if self.failures else "passed"
        print(f"self-test {status} in {total:.2f} s")
        for failure in self.failures:
            print(f"  - {failure}")
        return 1 if self.failures else 0


def run_self_test(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    test = SelfTest()
    from desktop.app import make_application
    from desktop.config import WorkstationConfig

    language = getattr(args, "lang", None) or WorkstationConfig.load().language
    app = test.step(
        "Qt application, fonts and catalogs", lambda: make_application(language=language)
    )
    if app is None:
        return test.report()
    from desktop.app import ui_family

    test.say(f"UI font: {ui_family() or '(system default)'}")
    _never_block(test)

    opened = test.step("open and migrate the database", lambda: _open(args))
    if opened is None:
        return test.report()
    info, user = opened
    test.say(
        f"database: {info.display} ({info.backend}, schema {info.schema_version}"
        f"{', demo' if info.is_demo else ''}); user: {user.username}"
    )
    test.step("main window", lambda: _main_window(test, info, user))
    if importlib.util.find_spec("reports.memo") and importlib.util.find_spec("reports.samples"):
        test.step("memo PDF", lambda: _memo(test))
    else:
        test.say("document engine not present: no PDF rendered")
    from models.db import close_db

    close_db()
    return test.report()


def _open(args: argparse.Namespace) -> tuple[Any, Any]:
    from desktop.database_choice import resolve_database
    from desktop.startup import open_and_describe
    from models.demo import seed_demo
    from models.permissions import Role
    from models.users import User

    url, password = resolve_database(getattr(args, "database", None))
    opened = open_and_describe(url, password)
    info = opened.info
    if opened.needs_setup:
        seed_demo()
        from dataclasses import replace

        from models.demo import is_demo_database

        info = replace(info, is_demo=is_demo_database())
    user = (
        User.select()
        .where((User.role == Role.ADMIN) & (User.active == True))  # noqa: E712
        .order_by(User.username != "admin", User.id)
        .first()
    )
    if user is None:
        raise RuntimeError("no active administrator in this database")
    return info, user


def _main_window(test: SelfTest, info: Any, user: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

    from desktop import worker
    from desktop.main_window import MainWindow
    from desktop.shell import office_name

    ctx = _RecordingContext(user, info)
    window = MainWindow(ctx, office_name=office_name())  # builds the first tab, as a start does
    window.show()
    deadline = QDeadlineTimer(WAIT_FOR_TABS_MS)
    while worker.running_count() and not deadline.hasExpired():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        worker.wait_idle(50)
    QCoreApplication.processEvents()
    keys = window.tab_keys()
    test.say(f"tabs: {', '.join(keys)} ({keys[0] if keys else '-'} built and loaded)")
    test.say(f"window title: {window.windowTitle()}")
    window.close()
    if not keys:
        raise RuntimeError("the main window has no tab for the administrator")
    if worker.running_count():
        raise RuntimeError("background work still running after the time limit")
    if ctx.errors:
        raise RuntimeError("; ".join(f"{type(e).__name__}: {e}" for e in ctx.errors))


def _memo(test: SelfTest) -> None:
    from reports.memo import render_memo
    from reports.samples import sample_memo

    data = render_memo(sample_memo())
    if not data.startswith(b"%PDF"):
        raise RuntimeError("the memo renderer did not return a PDF")
    handle, name = tempfile.mkstemp(prefix="ictdesk-selftest-", suffix=".pdf")
    with os.fdopen(handle, "wb") as fh:
        fh.write(data)
    test.say(f"memo: {Path(name)} ({len(data):,} bytes)")


class _RecordingContext:
    """Built lazily (imports Qt): an AppContext whose errors are collected, not shown."""

    def __new__(cls, user: Any, info: Any) -> Any:
        from desktop.context import AppContext

        class Recording(AppContext):
            def __init__(self) -> None:
                super().__init__(user, info)
                self.errors: list[BaseException] = []

            def show_error(self, exc: BaseException, parent: Any = None) -> None:
                self.errors.append(exc)

        return Recording()


def _never_block(test: SelfTest) -> None:
    """No one is there to click: a dialog would hang the run, so record it and fail instead."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    def message(box: QMessageBox) -> int:
        test.failures.append(f"message shown: {box.text()} {box.informativeText()}".strip())
        return 0

    def dialog(self: QDialog) -> int:
        test.failures.append(f"dialog opened: {self.windowTitle()}")
        return 0

    QMessageBox.exec = message  # type: ignore[assignment,method-assign]
    QDialog.exec = dialog  # type: ignore[method-assign]
