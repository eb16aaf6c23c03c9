"""The main window: a tab per registered view ("หน้าหลัก" first), menus, and a status bar with the
user, the database and its health.

Tabs are built when first shown (the window opens at once however many processes exist);
``build_all_tabs()`` builds the rest (the self-test). ``ctx.open(OpenRequest(...))`` lands in
``open_request``: switch to the tab and hand it the request if it has ``open_request``.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_VERSION, connection, worker
from desktop.config import WorkstationConfig
from desktop.context import AppContext
from desktop.finder import FinderDialog
from desktop.help import HelpDialog
from desktop.offline import OfflineController
from desktop.reminders import ReminderNotifier
from models import db as dbmod
from models import offline as mode
from models.i18n import _
from models.permissions import ROLE_LABELS, Role
from views.registry import OpenRequest, ViewSpec, views_for
from views.widgets import messages, splitters
from views.widgets.commands import CommandSet, with_mnemonic

log = logging.getLogger(__name__)
assert connection  # imported for its settings page "ฐานข้อมูลและภาษา"

PING_INTERVAL_MS = 30_000
SERVER_PING_INTERVAL_MS = 3_000  # a server gone is noticed, and the replica opened, within seconds
HEALTH_COLOURS = {"ok": "#2e7d32", "down": "#c62828", "checking": "#9e9e9e", "offline": "#ef6c00"}
DEFAULT_SIZE = QSize(1280, 800)


class _Placeholder(QWidget):
    """Stands in for a tab until it is first shown."""

    def __init__(self, spec: ViewSpec) -> None:
        super().__init__()
        self.spec = spec
        layout = QVBoxLayout(self)
        label = QLabel(_("กำลังเปิด…"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)


class _BrokenTab(QWidget):
    """A tab whose factory failed: the rest of the window still works."""

    def __init__(self, spec: ViewSpec, exc: BaseException) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        label = QLabel(
            _("เปิดแท็บ “{title}” ไม่ได้ เนื่องจากโปรแกรมทำงานผิดพลาด ({error})").format(
                title=_(spec.title), error=type(exc).__name__
            )
        )
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)


class _SplitterSizes:
    """Where the user left each splitter: read from the workstation settings when the window
    opens, written back when it closes (with the window's geometry)."""

    def __init__(self, saved: dict[str, list[int]]) -> None:
        self.sizes = {name: list(sizes) for name, sizes in saved.items()}
        self.changed = False

    def load(self, name: str) -> list[int] | None:
        return self.sizes.get(name)

    def save(self, name: str, sizes: list[int]) -> None:
        self.sizes[name] = [int(size) for size in sizes]
        self.changed = True


class MainWindow(QMainWindow):
    logout_requested = Signal()
    quit_requested = Signal()

    def __init__(self, ctx: AppContext, *, office_name: str = "") -> None:
        super().__init__()
        self.ctx = ctx
        ctx.window = self
        ctx.set_opener(self.open_request)
        self.office_name = office_name
        self._leaving = False
        self.setObjectName("ictdesk_main_window")
        self.specs: list[ViewSpec] = views_for(ctx.user)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setObjectName("main_tabs")
        for spec in self.specs:
            self.tabs.addTab(_Placeholder(spec), _(spec.title))
        self.tabs.currentChanged.connect(self._tab_shown)
        self.offline: OfflineController | None = None
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        if not ctx.database.is_embedded:  # a server: its replica, offline mode, the refresh
            self.offline = OfflineController(self)
            central_layout.addWidget(self.offline.banner)
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self._apply_offline_state()
        self._update_title()
        ctx.user_changed.connect(self._user_changed)
        self._restore_geometry()
        if self.specs:
            self._tab_shown(0)

    # --- tabs -----------------------------------------------------------------------------

    def current_tab(self) -> QWidget | None:
        """The built widget of the tab on show."""
        return self._ensure_built(self.tabs.currentIndex())

    def tab_keys(self) -> list[str]:
        return [s.key for s in self.specs]

    def tab_widget(self, key: str) -> QWidget | None:
        """The built widget of tab ``key`` (building it if needed)."""
        for index, spec in enumerate(self.specs):
            if spec.key == key:
                return self._ensure_built(index)
        return None

    def _ensure_built(self, index: int) -> QWidget | None:
        if not (0 <= index < len(self.specs)):
            return None
        current = self.tabs.widget(index)
        if not isinstance(current, _Placeholder):
            return current
        spec = self.specs[index]
        try:
            widget = spec.factory(self.ctx)
        except Exception as exc:
            log.exception("building the tab %s failed", spec.key)
            widget = _BrokenTab(spec, exc)
            self.ctx.show_error(exc, self)
        was_current = self.tabs.currentIndex() == index
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, _(spec.title))
        if was_current:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        current.deleteLater()
        return widget

    def _tab_shown(self, index: int) -> None:
        """Build the tab, list its commands in the "คำสั่ง" menu, give it the keyboard."""
        widget = self._ensure_built(index)
        self.command_menu.clear()
        commands = getattr(widget, "commands", None)
        actions = commands.list() if isinstance(commands, CommandSet) else []
        for action in actions:
            self.command_menu.addAction(action)
        if not actions:
            none = self.command_menu.addAction(_("ไม่มีคำสั่งในหน้านี้"))
            none.setEnabled(False)
        target = getattr(widget, "focus_target", None)
        focus = target() if callable(target) else None
        if isinstance(focus, QWidget):
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _step_tab(self, delta: int) -> None:
        count = self.tabs.count()
        if count:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + delta) % count)

    def rebuild_tabs(self) -> None:
        """Put every built tab back to a placeholder and build the shown one again: after a switch
        between the server and the replica, so lists reload and write buttons follow the mode."""
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        for index, spec in enumerate(self.specs):
            widget = self.tabs.widget(index)
            if widget is None or isinstance(widget, _Placeholder):
                continue
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, _Placeholder(spec), _(spec.title))
            widget.deleteLater()
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if self.specs:
            self._tab_shown(max(0, current))

    def build_all_tabs(self) -> list[str]:
        """Build every tab now; returns the keys of tabs that failed to build."""
        failed = []
        for index, spec in enumerate(self.specs):
            if isinstance(self._ensure_built(index), _BrokenTab):
                failed.append(spec.key)
        return failed

    def switch_to(self, key: str) -> bool:
        for index, spec in enumerate(self.specs):
            if spec.key == key:
                self.tabs.setCurrentIndex(index)
                self._ensure_built(index)
                return True
        return False

    def open_request(self, request: OpenRequest) -> None:
        if not self.switch_to(request.view):
            messages.warn(self, _("ท่านไม่มีสิทธิ์เปิดหน้านี้ หรือหน้านี้ไม่มีในโปรแกรมรุ่นนี้"))
            return
        widget = self.tab_widget(request.view)
        handler = getattr(widget, "open_request", None)
        if callable(handler) and (request.kind or request.id is not None or request.params):
            handler(request)

    def show_help(self, page: str = "") -> HelpDialog:
        """F1: the manual at the page of the tab in use (or ``page``)."""
        if not page:
            index = self.tabs.currentIndex()
            page = self.specs[index].key if 0 <= index < len(self.specs) else "index"
        dialog = HelpDialog(page, self)
        dialog.open()
        return dialog

    def start_reminders(self) -> ReminderNotifier:
        """Tray notifications for the user's cases due today or overdue."""
        self.reminders = ReminderNotifier(self.ctx, self)
        return self.reminders

    def edit_preferences(self) -> None:
        """File → ค่าของฉัน…: language and text size, for every user."""
        from desktop.preferences import PreferencesDialog

        PreferencesDialog(self).exec()

    def find_anything(self) -> FinderDialog:
        """Ctrl+K: search cases, tickets and assets of every process and open the one chosen."""
        dialog = FinderDialog(self.ctx, self)
        dialog.chosen.connect(self.open_request)
        dialog.open()  # not exec(): the result opens through ``chosen``
        return dialog

    # --- menus ----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(with_mnemonic(_("แฟ้ม"), "F"))
        self.backup_action = file_menu.addAction(_("สำรองฐานข้อมูล…"))
        self.backup_action.triggered.connect(self.backup_database)
        self.preferences_action = file_menu.addAction(_("ค่าของฉัน…"))
        self.preferences_action.triggered.connect(self.edit_preferences)
        self.password_action = file_menu.addAction(_("เปลี่ยนรหัสผ่าน…"))
        self.password_action.triggered.connect(self.change_password)
        file_menu.addSeparator()
        self.logout_action = file_menu.addAction(_("ออกจากระบบ"))
        self.logout_action.triggered.connect(self.logout)
        self.quit_action = file_menu.addAction(_("ออกจากโปรแกรม"))
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.quit_program)

        # the shown tab's keyboard commands (Ctrl+N, Ctrl+F, F5 ...), filled when a tab is shown
        self.command_menu = bar.addMenu(with_mnemonic(_("คำสั่ง"), "C"))
        view_menu = bar.addMenu(with_mnemonic(_("มุมมอง"), "V"))
        self.view_actions: list[QAction] = []
        for index, spec in enumerate(self.specs):
            action = view_menu.addAction(_(spec.title))
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.switch_to(key))
            self.view_actions.append(action)

        self.find_action = view_menu.addAction(_("ค้นหาทุกงาน…"))
        self.find_action.setShortcut(QKeySequence("Ctrl+K"))
        self.find_action.triggered.connect(self.find_anything)
        next_tab = view_menu.addAction(_("แท็บถัดไป"))
        next_tab.setShortcut(QKeySequence("Ctrl+PgDown"))
        next_tab.triggered.connect(lambda: self._step_tab(1))
        previous_tab = view_menu.addAction(_("แท็บก่อนหน้า"))
        previous_tab.setShortcut(QKeySequence("Ctrl+PgUp"))
        previous_tab.triggered.connect(lambda: self._step_tab(-1))

        help_menu = bar.addMenu(with_mnemonic(_("ช่วยเหลือ"), "H"))
        self.manual_action = help_menu.addAction(_("คู่มือการใช้งาน"))
        self.manual_action.setShortcut(QKeySequence("F1"))
        self.manual_action.triggered.connect(lambda: self.show_help())
        self.shortcuts_action = help_menu.addAction(_("แป้นพิมพ์ลัด"))
        self.shortcuts_action.triggered.connect(lambda: self.show_help("shortcuts"))
        self.about_action = help_menu.addAction(_("เกี่ยวกับ ICT Desk"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def about_text(self) -> str:
        info = self.ctx.database
        lines = [
            f"ICT Desk {APP_VERSION}",
            _("งานตามกระบวนการ ทะเบียน และหนังสือราชการของ ภทส."),
            "",
            _("ฐานข้อมูล: {kind} {where}").format(kind=info.kind_label, where=info.display),
            _("รุ่นโครงสร้างฐานข้อมูล: {n} (โปรแกรมรองรับรุ่น {app})").format(
                n=info.schema_version, app=dbmod.app_schema_version()
            ),
        ]
        if info.is_demo:
            lines.append(_("ฐานข้อมูลนี้เป็นข้อมูลตัวอย่าง (ข้อมูลสมมุติ)"))
        from desktop import excepthook

        lines += [
            "",
            f"Python {platform.python_version()}, Qt {PySide6.__version__}, "
            f"{platform.system()} {platform.release()}",
        ]
        if excepthook.log_file():
            lines.append(_("บันทึกการทำงาน: {path}").format(path=excepthook.log_file()))
        return "\n".join(lines)

    def show_about(self) -> None:
        messages.info(self, self.about_text(), title=_("เกี่ยวกับ ICT Desk"))

    def change_password(self) -> None:
        from desktop.login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx.user, parent=self)
        if dialog.exec() and dialog.user is not None:
            self.ctx.set_user(dialog.user)
            messages.info(self, _("เปลี่ยนรหัสผ่านแล้ว"))

    def backup_database(self) -> None:
        from desktop.backups import backup_to_file
        from desktop.database_choice import resolve_database

        info = self.ctx.database
        stamp = dt.date.today().strftime("%Y%m%d")
        suffix = {"sqlite": ".sqlite3", "postgresql": ".dump", "mysql": ".sql"}[info.backend]
        path, _filter = QFileDialog.getSaveFileName(
            self, _("สำรองฐานข้อมูลไปที่"), f"ictdesk-{stamp}{suffix}"
        )
        if not path:
            return
        output = Path(path)
        url = info.url

        def work() -> str:
            _url, password = resolve_database(url)
            return str(backup_to_file(url, password, output))

        self.ctx.run_in_background(
            work,
            lambda saved: messages.info(self, _("สำรองฐานข้อมูลไว้ที่ {path}").format(path=saved)),
            owner=self,
            disable=[self.backup_action],
        )

    def logout(self) -> None:
        self._leaving = True
        self.close()
        self.logout_requested.emit()

    def quit_program(self) -> None:
        self.close()

    # --- status bar -----------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setStyleSheet(
            "QStatusBar::item { border: none; } QStatusBar QLabel { padding: 0 8px; }"
        )
        self.user_label = QLabel()
        self.database_label = QLabel()
        self.health_label = QLabel()
        self.activity_label = QLabel()
        bar.addWidget(self.user_label)
        bar.addWidget(self.database_label, 1)
        bar.addPermanentWidget(self.activity_label)
        bar.addPermanentWidget(self.health_label)
        info = self.ctx.database
        self.database_label.setText(
            _("{kind}: {where}").format(kind=info.kind_label, where=info.display)
        )
        self.database_label.setToolTip(info.url)
        self._user_changed()
        self.set_health("checking")
        worker.activity().busy_changed.connect(self._busy)
        self.ping_timer = QTimer(self)
        self.ping_timer.setInterval(
            PING_INTERVAL_MS if info.is_embedded else SERVER_PING_INTERVAL_MS
        )
        self.ping_timer.timeout.connect(self.check_health)
        self.ping_timer.start()
        QTimer.singleShot(0, self.check_health)

    def _busy(self, busy: bool) -> None:
        self.activity_label.setText(_("กำลังทำงาน…") if busy else "")

    def set_health(self, state: str) -> None:
        self.health = state
        text = {
            "ok": _("เชื่อมต่อฐานข้อมูลปกติ"),
            "down": _("ขาดการเชื่อมต่อฐานข้อมูล"),
            "checking": _("กำลังตรวจสอบการเชื่อมต่อ"),
            "offline": mode.status_text(),
        }[state]
        colour = HEALTH_COLOURS[state]
        self.health_label.setText(f'<span style="color:{colour}">●</span> {text}')
        self.health_label.setToolTip(text)

    def check_health(self) -> None:
        if self.ctx.database.offline:
            self.set_health("offline")  # the offline controller's probe watches the server
            return
        worker.run_in_background(
            dbmod.ping, self._pinged, lambda _exc: self._pinged(False), owner=self
        )

    def _pinged(self, ok: bool) -> None:
        if self.ctx.database.offline:
            return
        self.set_health("ok" if ok else "down")
        if not ok and self.offline is not None:
            self.offline.server_lost()

    def database_changed(self) -> None:
        """The offline controller switched between the server and the replica."""
        info = self.ctx.database
        self.database_label.setText(
            _("{kind}: {where}").format(kind=info.kind_label, where=info.display)
        )
        self.database_label.setToolTip(info.url)
        self._apply_offline_state()
        if not info.offline:
            self.check_health()

    def _apply_offline_state(self) -> None:
        """Offline: the status bar says so with the replica's age; writing actions are off."""
        offline = self.ctx.database.offline
        for action in (self.backup_action, self.password_action):
            action.setEnabled(not offline)
        if offline:
            self.set_health("offline")
            self.database_label.setText(mode.status_text())

    def _user_changed(self) -> None:
        user = self.ctx.user
        try:
            role = _(ROLE_LABELS[Role(user.role)])
        except ValueError:
            role = user.role
        self.user_label.setText(_("ผู้ใช้: {name} ({role})").format(name=user.full_name, role=role))

    def _update_title(self) -> None:
        title = "ICT Desk"
        if self.office_name:
            title += f" — {self.office_name}"
        if self.ctx.database.is_demo:
            title += " — " + _("ข้อมูลตัวอย่าง")
        self.setWindowTitle(title)

    # --- geometry -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        config = WorkstationConfig.load()
        self.splitter_sizes = _SplitterSizes(config.splitter_sizes)
        splitters.set_store(self.splitter_sizes)
        saved = config.window_geometry
        restored = False
        if saved:
            try:
                restored = self.restoreGeometry(QByteArray(base64.b64decode(saved)))
            except (ValueError, TypeError):
                restored = False
        if not restored:
            self.resize(DEFAULT_SIZE)
            screen = self.screen().availableGeometry()
            if screen.width() < DEFAULT_SIZE.width() + 100 or screen.height() < 860:
                # an office laptop (1366 x 768): the whole screen, not a window to drag about
                self.setWindowState(Qt.WindowState.WindowMaximized)

    def save_geometry(self) -> None:
        config = WorkstationConfig.load()
        config.window_geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode()
        config.splitter_sizes.update(self.splitter_sizes.sizes)
        config.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ping_timer.stop()
        if self.offline is not None:
            self.offline.stop()
        try:
            self.save_geometry()
        except OSError:
            log.warning("could not save the window geometry", exc_info=True)
        super().closeEvent(event)
        if not self._leaving:
            self.quit_requested.emit()
