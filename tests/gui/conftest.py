"""GUI test helpers: modal dialogs are patched (never block), and a logged-in ``AppContext``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop import worker
from desktop.context import AppContext, DatabaseInfo
from models import db as dbmod
from models.users import User


@dataclass
class ShownBox:
    icon: QMessageBox.Icon
    title: str
    text: str
    informative: str
    buttons: list[str]


@dataclass
class MessageBoxes:
    """Every QMessageBox shown during the test; ``answer`` picks the button to click by its text
    (default: the default button, else the first)."""

    shown: list[ShownBox] = field(default_factory=list)
    answer: str | Callable[[ShownBox], str] | None = None

    @property
    def texts(self) -> list[str]:
        return [b.text for b in self.shown]

    @property
    def last(self) -> ShownBox:
        assert self.shown, "no message box was shown"
        return self.shown[-1]


class MemoryKeyring(keyring.backend.KeyringBackend):
    """The OS keyring stand-in: passwords kept in memory for one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def _workstation(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[MemoryKeyring]:
    """Each test its own workstation: config folder, embedded database location, keyring."""
    monkeypatch.setenv("ICTDESK_CONFIG_DIR", str(tmp_path / "workstation"))
    monkeypatch.setattr(
        dbmod, "default_sqlite_path", lambda: tmp_path / "embedded" / "ictdesk.sqlite3"
    )
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _message_boxes_never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """A box nobody answers (e.g. "discard what you typed?" when a test leaves a filled dialog
    open and pytest-qt closes it) takes its safe answer instead of waiting forever offscreen;
    ``message_boxes`` replaces this to record and choose."""

    def safe_answer(box: QMessageBox) -> int:
        button = box.escapeButton() or box.defaultButton()
        if button is not None:
            button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", safe_answer)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    record = MessageBoxes()

    def fake_exec(box: QMessageBox) -> int:
        buttons = box.buttons()
        shown = ShownBox(
            box.icon(),
            box.windowTitle(),
            box.text(),
            box.informativeText(),
            [b.text() for b in buttons],
        )
        record.shown.append(shown)
        wanted = record.answer(shown) if callable(record.answer) else record.answer
        chosen = next((b for b in buttons if b.text() == wanted), None)
        chosen = chosen or box.defaultButton() or (buttons[0] if buttons else None)
        if chosen is not None:
            chosen.click()  # sets clickedButton() as a real click does
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return record


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[QDialog]:
    """Every other QDialog.exec() call: recorded and rejected at once (tests drive dialogs they
    create themselves)."""
    shown: list[QDialog] = []

    def fake_exec(dialog: QDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    return shown


@pytest.fixture
def ctx(qtbot: Any, sqlite_db: Any, admin: User) -> Iterator[AppContext]:
    """An ``AppContext`` for the administrator on a fresh SQLite database."""
    info = DatabaseInfo(
        url=sqlite_db.test_url,
        display=dbmod.current_url_display(),
        backend="sqlite",
        is_embedded=True,
        schema_version=dbmod.schema_status(sqlite_db).version,
    )
    context = AppContext(admin, info)
    yield context
    worker.wait_idle()


@pytest.fixture
def wait_workers(qtbot: Any) -> Callable[[], None]:
    """Wait until every background operation has delivered its result on the UI thread."""

    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: worker.running_count() == 0, timeout=timeout)

    return wait
