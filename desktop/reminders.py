"""Desktop notifications (system tray) when a case assigned to the user becomes due today or
overdue, or a contract installment of the user's project falls due or is late: checked in the worker at start and every ``reminders.refresh_minutes`` (at least every
15 minutes), each case told once per state while the program runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from models.i18n import _

if TYPE_CHECKING:
    from desktop.context import AppContext
    from models.reminders import Notice, Reminder

DEFAULT_MINUTES = 15


def load(user: object) -> tuple[list[Reminder | Notice], int]:
    from models import reminders, settings

    minutes = int(settings.get("reminders.refresh_minutes")) or DEFAULT_MINUTES
    items: list[Reminder | Notice] = [
        *reminders.my_reminders(user),  # type: ignore[arg-type]
        *reminders.my_notices(user),  # type: ignore[arg-type]
    ]
    return items, min(minutes, DEFAULT_MINUTES)


class ReminderNotifier(QObject):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.told: set[tuple[object, ...]] = set()
        self.shown: list[tuple[str, str]] = []  # (title, text) of every notification
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("ICT Desk")
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        QTimer.singleShot(0, self.check)

    def check(self) -> None:
        user = self.ctx.user
        self.ctx.run_in_background(lambda: load(user), self._loaded, lambda _exc: None, owner=self)

    def _loaded(self, result: tuple[list[Reminder | Notice], int]) -> None:
        items, minutes = result
        self.timer.start(minutes * 60_000)
        new = [item for item in items if item.key not in self.told]
        if not new:
            return
        self.told.update(item.key for item in new)
        late = sum(1 for item in new if item.overdue)
        title = (
            _("มีงานเกินกำหนด {n} เรื่อง").format(n=late)
            if late
            else _("มีงานครบกำหนดวันนี้ {n} เรื่อง").format(n=len(new))
        )
        self.notify(title, "\n".join(item.text() for item in new[:5]))

    def notify(self, title: str, text: str) -> None:
        self.shown.append((title, text))
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)
        else:  # no tray (some desktops): the status bar says it
            status = getattr(self.window, "statusBar", None)
            if callable(status):
                status().showMessage(f"{title}: {text.splitlines()[0]}", 60_000)
