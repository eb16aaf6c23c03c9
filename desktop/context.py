"""``AppContext``: what every view gets from the shell.

- ``ctx.user``: the logged-in ``User`` (a snapshot; ``ctx.refresh_user()`` re-reads it after an
  edit, and ``user_changed`` fires). Pass it as the ``actor`` of domain functions: they check the
  permissions themselves. ``ctx.can(Permission.X)`` is only for hiding buttons as a courtesy.
- ``ctx.database``: which database is open (``DatabaseInfo``: display text without password,
  backend, embedded or server, demo or not, schema version).
- ``ctx.run_in_background(fn, on_success, on_failure=None, owner=..., disable=...)``: run database
  work off the UI thread (``desktop.worker``); errors without an ``on_failure`` go to
  ``ctx.show_error``.
- ``ctx.open(OpenRequest("assets", "asset", 12))``: switch to another tab and show a record there.
- ``ctx.show_error(exc, parent)``: the standard treatment of an error: ``DomainError`` → a Thai
  message box; ``EnvironmentProblem`` → the message with its advice; anything else → logged with its
  traceback and the error dialog with "คัดลอกรายละเอียด".

Usage in a tab::

    class UnitsTab(QWidget):
        def __init__(self, ctx: AppContext) -> None:
            super().__init__()
            self.ctx = ctx
            self.save_button.setVisible(ctx.can(Permission.EDIT_REGISTERS))

        def save(self) -> None:
            values = self.form_values()
            self.ctx.run_in_background(
                lambda: office.save_unit(self.ctx.user, None, **values).id,
                on_success=lambda new_id: self.reload(select=new_id),
                on_failure=self.form.show_error,   # marks fields, keeps the input
                owner=self,
                disable=[self.save_button],
            )
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop import excepthook, worker
from models import offline as mode
from models.errors import DomainError, EnvironmentProblem
from models.i18n import _
from models.permissions import Permission, can
from models.users import User
from views.registry import OpenRequest
from views.widgets import messages

T = TypeVar("T")


@dataclass(frozen=True)
class DatabaseInfo:
    """The open database, as the status bar and the About box describe it."""

    url: str  # without the password
    display: str  # the file path, or backend://user@host:port/name
    backend: str  # sqlite | postgresql | mysql
    is_embedded: bool
    is_demo: bool = False
    schema_version: int = 0
    offline: bool = False  # the server is away: this session reads the local replica
    refreshed_at: dt.datetime | None = None  # the replica's last refresh (offline only)

    @property
    def kind_label(self) -> str:
        if self.offline:
            return _("สำเนาข้อมูลในเครื่อง (ออฟไลน์)")
        return _("ฐานข้อมูลในเครื่อง") if self.is_embedded else _("เครื่องแม่ข่าย")


class AppContext(QObject):
    user_changed = Signal()

    def __init__(
        self,
        user: User,
        database: DatabaseInfo,
        *,
        window: QWidget | None = None,
        opener: Callable[[OpenRequest], None] | None = None,
    ) -> None:
        super().__init__()
        self._user = user
        self.database = database
        self.window = window
        self._opener = opener

    # --- the user -------------------------------------------------------------------------

    @property
    def user(self) -> User:
        return self._user

    def set_user(self, user: User) -> None:
        self._user = user
        self.user_changed.emit()

    def refresh_user(self, then: Callable[[], None] | None = None) -> None:
        """Re-read the logged-in user (after editing one's own details or password)."""
        user_id = self._user.id

        def load() -> dict[str, Any]:
            return user_snapshot(User.get_by_id(user_id))

        def apply(data: dict[str, Any]) -> None:
            self.set_user(user_from_snapshot(data))
            if then is not None:
                then()

        self.run_in_background(load, apply, owner=self)

    def can(self, permission: Permission) -> bool:
        """Whether to offer an action (a courtesy: the domain function checks again). Offline,
        only viewing is offered: the replica is read-only."""
        if mode.is_offline() and permission is not Permission.VIEW:
            return False
        return can(self._user, permission)

    # --- work and errors ------------------------------------------------------------------

    def run_in_background(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], object] | None = None,
        on_failure: Callable[[BaseException], object] | None = None,
        *,
        owner: QObject | None = None,
        disable: Iterable[worker.Enablable] = (),
    ) -> worker.Op[T]:
        parent = owner if isinstance(owner, QWidget) else None
        return worker.run_in_background(
            fn,
            on_success,
            on_failure or (lambda exc: self.show_error(exc, parent)),
            owner=owner,
            disable=disable,
        )

    def show_error(self, exc: BaseException, parent: QWidget | None = None) -> None:
        show_error(exc, parent or self._dialog_parent())

    def _dialog_parent(self) -> QWidget | None:
        if self.window is not None:
            return self.window
        active = QApplication.activeWindow()
        return active if isinstance(active, QWidget) else None

    # --- navigation -----------------------------------------------------------------------

    def open(self, request: OpenRequest) -> None:
        """Show another tab (and a record in it)."""
        if self._opener is not None:
            self._opener(request)

    def set_opener(self, opener: Callable[[OpenRequest], None]) -> None:
        self._opener = opener


def user_snapshot(user: User) -> dict[str, Any]:
    """A User's stored values as plain data, to cross from a worker to the UI thread."""
    return dict(user.__data__)


def user_from_snapshot(data: dict[str, Any]) -> User:
    """The User again, on the UI thread (the actor passed to domain functions)."""
    return User(**data)


def show_error(exc: BaseException, parent: QWidget | None = None) -> None:
    """The standard treatment of any error reaching the UI."""
    if isinstance(exc, DomainError):
        messages.domain_error(parent, exc)
    elif isinstance(exc, EnvironmentProblem):
        messages.environment_problem(parent, exc)
    else:
        excepthook.show_exception(exc, parent)
