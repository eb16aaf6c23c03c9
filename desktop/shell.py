"""The sequence from start to main window, and back to the login after "ออกจากระบบ".

open the database (desktop.startup) → first start? (administrator set-up, or the demo office)
→ daily SQLite backup in the background → login → main window → (log out → login ...)
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop import worker
from desktop.config import WorkstationConfig
from desktop.context import AppContext, DatabaseInfo, show_error
from desktop.startup import open_database_flow
from models.errors import DomainError, EnvironmentProblem
from models.users import User

log = logging.getLogger(__name__)


def office_name() -> str:
    """Worker side: the office's name for the login dialog and the window title."""
    from models.org import organisation

    org = organisation()
    parts = [p for p in (org.mission_short or org.mission, org.short_name or org.name) if p]
    return " ".join(parts)


def daily_backup(url: str) -> str | None:
    """Worker side: one automatic backup of the embedded file per day, pruned to the setting."""
    import peewee

    from models import backup, settings
    from models import db as dbmod

    database = dbmod.database.obj
    parsed = dbmod.parse_url(url)
    if not isinstance(database, peewee.SqliteDatabase) or parsed.path is None:
        return None
    made = backup.daily_backup(
        database, dbmod.backups_dir_for(parsed.path), keep=int(settings.get("backup.keep_daily"))
    )
    return str(made) if made else None


def prefetch_views() -> int:
    """Worker side, while the login dialog waits for the user: import the view modules (and the
    process modules they bring in), so the main window opens at once after the login."""
    from desktop import main_window  # noqa: F401 - imported for its side effect (the cache)
    from views import registry

    registry.load_views()
    return len(registry.VIEW_MODULES)


def is_demo() -> bool:
    from models.demo import is_demo_database

    return is_demo_database()


class Shell(QObject):
    def __init__(
        self,
        app: QApplication,
        *,
        database_url: str | None = None,
        demo_on_first_start: bool = False,
    ) -> None:
        super().__init__()
        self.app = app
        self.database_url = database_url
        self.demo_on_first_start = demo_on_first_start
        self.info: DatabaseInfo | None = None
        self.office_name = ""
        self.window: object | None = None
        self.ctx: AppContext | None = None
        app.setQuitOnLastWindowClosed(False)  # logging out closes the window, not the program

    def start(self) -> bool:
        """Everything before the main window; False when the user chose to quit."""
        url, password = self._resolve()
        opened = open_database_flow(url, password)
        if opened is None:
            return False
        if opened.needs_setup and not self.first_start():
            return False
        self.info = opened.info
        try:
            self.office_name = worker.wait_for(office_name)
            if opened.needs_setup:
                self.info = replace(opened.info, is_demo=worker.wait_for(is_demo))
        except (DomainError, EnvironmentProblem) as exc:
            show_error(exc)
            return False
        worker.run_in_background(
            prefetch_views,
            lambda n: log.info("%d view modules loaded during the login", n),
            lambda exc: log.warning("loading the views in advance failed: %r", exc),
        )
        if self.info.is_embedded:
            info_url = self.info.url
            worker.run_in_background(
                lambda: daily_backup(info_url),
                lambda made: log.info("daily backup: %s", made or "already done today"),
                lambda exc: log.warning("daily backup failed: %r", exc),
            )
        return self.login()

    def _resolve(self) -> tuple[str | None, str | None]:
        from desktop.database_choice import resolve_database

        try:
            return resolve_database(self.database_url)
        except EnvironmentProblem:
            # A malformed URL: the open flow raises the same problem and offers a way out.
            return self.database_url or WorkstationConfig.load().database_url or None, None

    def first_start(self) -> bool:
        from desktop.login import DemoLoginsDialog, FirstAdminDialog
        from models.demo import seed_demo

        if self.demo_on_first_start:
            try:
                logins = worker.wait_for(seed_demo, text=messages_text_seeding())
            except (DomainError, EnvironmentProblem) as exc:
                show_error(exc)
                return False
            DemoLoginsDialog(logins).exec()
            return True
        dialog = FirstAdminDialog()
        if not dialog.exec():
            return False
        config = WorkstationConfig.load()
        config.last_username = dialog.username.text().strip().lower()
        config.save()
        return True

    def login(self) -> bool:
        from desktop.login import LoginDialog

        assert self.info is not None
        config = WorkstationConfig.load()
        dialog = LoginDialog(
            username=config.last_username, office_name=self.office_name, demo=self.info.is_demo
        )
        if not dialog.exec() or dialog.user is None:
            return False
        config = WorkstationConfig.load()
        config.last_username = dialog.user.username
        config.save()
        try:
            self.show_main(dialog.user)
        except Exception as exc:  # a bug while building the window: say so, do not hang windowless
            from desktop.excepthook import show_exception

            show_exception(exc)
            return False
        return True

    def show_main(self, user: User) -> None:
        from desktop.main_window import MainWindow

        assert self.info is not None
        self.ctx = AppContext(user, self.info)
        window = MainWindow(self.ctx, office_name=self.office_name)
        window.logout_requested.connect(self._after_logout)
        window.quit_requested.connect(self.quit)
        self.window = window
        window.show()
        window.raise_()
        window.activateWindow()  # the login dialog had the focus; keyboard shortcuts need it here
        window.start_reminders()  # tray notifications for the user's cases due or overdue

    def _after_logout(self) -> None:
        self.window = None
        self.ctx = None
        QTimer.singleShot(0, self._login_again)

    def _login_again(self) -> None:
        if not self.login():
            self.quit()

    def quit(self) -> None:
        worker.wait_idle(5_000)
        from models.db import close_db

        close_db()
        self.app.quit()


def messages_text_seeding() -> str:
    from models.i18n import _

    return _("กำลังสร้างข้อมูลสำนักงานตัวอย่าง…")
