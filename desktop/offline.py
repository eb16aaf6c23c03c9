"""Offline mode in the window: the server away (at start or mid-session) → the local replica,
read-only, with a banner and the status bar saying ``ออฟไลน์ — ข้อมูล ณ <เวลา>``; a probe that
offers to go online again once the server answers; and, while online, the background refresh
that keeps the replica fresh (``models.replica``).

Switching is a change of the database every model reads (``models.db.database``) and of the
process-wide offline flag that the data layer checks before any write. Open dialogs keep what was
typed: a save while offline is refused with the Thai message and works once online again; the
tabs are rebuilt (to reload from the other database and to drop the write buttons) only when no
dialog is open.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop import replica_session, worker
from desktop.context import DatabaseInfo
from desktop.startup import open_and_describe
from models import db as dbmod
from models import offline as mode
from models.errors import EnvironmentProblem
from models.i18n import _
from models.replica import policy, store

if TYPE_CHECKING:
    from desktop.main_window import MainWindow

log = logging.getLogger(__name__)

PROBE_INTERVAL_MS = 5_000
FIRST_REFRESH_MS = 3_000
REBUILD_RETRY_MS = 500
BANNER_STYLE = (
    "QFrame#offline_banner { background: #fff3cd; border-bottom: 1px solid #e0c060; }"
    ' QFrame#offline_banner[online_again="true"] { background: #e3f2e1; }'
)

# --- worker side ------------------------------------------------------------------------------


def switch_to_server(url: str, password: str | None) -> DatabaseInfo:
    """Worker side: reconnect to the server and make it the database again."""
    replica = dbmod.database.obj
    opened = open_and_describe(url, password)  # raises while the server is still away
    mode.set_offline(False)
    if isinstance(replica, store.ReplicaDatabase):
        replica.close()
    return opened.info


# --- UI side ------------------------------------------------------------------------------


class OfflineBanner(QFrame):
    """The band above the tabs while offline: what is shown and how old it is, and a button to
    go online again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offline_banner")
        self.setStyleSheet(BANNER_STYLE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.online_button = QPushButton(_("เชื่อมต่อเครื่องแม่ข่ายอีกครั้ง"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.online_button)
        self.setVisible(False)

    def show_offline(self, refreshed_text: str) -> None:
        self.setProperty("online_again", False)
        self.label.setText(
            refreshed_text
            + "  "
            + _("เชื่อมต่อเครื่องแม่ข่ายไม่ได้ จึงแสดงสำเนาข้อมูลในเครื่องนี้ ดูและพิมพ์ได้ แต่บันทึกหรือแก้ไขไม่ได้")
        )
        self.online_button.setText(_("เชื่อมต่อเครื่องแม่ข่ายอีกครั้ง"))
        self.setVisible(True)
        self.style().polish(self)

    def show_server_back(self, refreshed_text: str) -> None:
        self.setProperty("online_again", True)
        self.label.setText(
            refreshed_text + "  " + _("เครื่องแม่ข่ายกลับมาใช้งานได้แล้ว กดปุ่มเพื่อกลับไปทำงานแบบออนไลน์")
        )
        self.online_button.setText(_("กลับไปทำงานแบบออนไลน์"))
        self.style().polish(self)


class OfflineController(QObject):
    """Offline mode and the replica's refresh for one main window (server databases only)."""

    mode_changed = Signal(bool)  # True: offline
    refreshed = Signal(object)  # store.RefreshResult

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.banner = OfflineBanner()
        self.banner.online_button.clicked.connect(self.try_online)
        self.switching = False
        self.refreshing = False
        self.offered = False
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_INTERVAL_MS)
        self.probe_timer.timeout.connect(self.probe_now)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.timeout.connect(self.refresh_now)
        self.rebuild_timer = QTimer(self)
        self.rebuild_timer.setSingleShot(True)
        self.rebuild_timer.setInterval(REBUILD_RETRY_MS)
        self.rebuild_timer.timeout.connect(self._rebuild_when_free)
        if self.offline:
            self._show_offline(rebuild=False)  # the tabs are being built from the replica
        else:  # the start's checks (desktop.startup) ran before the login; then the first refresh
            QTimer.singleShot(FIRST_REFRESH_MS, self.refresh_now)

    def stop(self) -> None:
        for timer in (self.probe_timer, self.refresh_timer, self.rebuild_timer):
            timer.stop()

    @property
    def offline(self) -> bool:
        return bool(self.ctx.database.offline)

    # --- online: the refresh ----------------------------------------------------------------

    def refresh_now(self) -> None:
        if self.offline or self.refreshing or self.switching:
            return
        self.refreshing = True
        user_id = self.ctx.user.id

        def job() -> tuple[store.RefreshResult | None, int]:
            return replica_session.refresh_replica(user_id), policy.refresh_minutes()

        worker.run_in_background(job, self._refreshed, self._refresh_failed, owner=self)

    def _refreshed(self, outcome: tuple[store.RefreshResult | None, int]) -> None:
        self.refreshing = False
        result, minutes = outcome
        self.refresh_timer.start(max(1, minutes) * 60_000)
        if result is not None:
            log.info(
                "replica %s refresh: %d rows in %.2f s", result.kind, result.rows, result.seconds
            )
            self.refreshed.emit(result)

    def _refresh_failed(self, exc: BaseException) -> None:
        self.refreshing = False
        log.warning("replica refresh failed: %r", exc)
        self.refresh_timer.start(60_000)

    # --- going offline ----------------------------------------------------------------------

    def server_lost(self) -> None:
        """The health check found the server gone: open the replica if there is one."""
        if self.offline or self.switching:
            return
        self.switching = True
        url = self.ctx.database.url or replica_session.server_url()
        worker.run_in_background(
            lambda: replica_session.switch_to_replica(url),
            self._went_offline,
            self._offline_failed,
            owner=self,
        )

    def _went_offline(self, info: DatabaseInfo) -> None:
        self.switching = False
        self.refresh_timer.stop()
        self.ctx.database = info
        self._show_offline()
        self.window.database_changed()
        self.mode_changed.emit(True)

    def _offline_failed(self, exc: BaseException) -> None:
        self.switching = False
        log.warning("no replica to go offline with: %r", exc)
        self.window.set_health("down")

    def _show_offline(self, *, rebuild: bool = True) -> None:
        self.offered = False
        self.banner.show_offline(mode.status_text())
        self.probe_timer.start()
        if rebuild:
            self.request_rebuild()

    # --- going online again -------------------------------------------------------------------

    def probe_now(self) -> None:
        if not self.offline or self.switching:
            return
        url = self.ctx.database.url or replica_session.server_url()
        password = replica_session.server_password()
        worker.run_in_background(
            lambda: replica_session.probe(url, password), self._probed, owner=self
        )

    def _probed(self, answers: bool) -> None:
        if not answers or not self.offline:
            return
        self.banner.show_server_back(mode.status_text())
        if not self.offered:
            self.offered = True
            self.offer_online()

    def offer_online(self) -> None:
        from views.widgets import messages

        if messages.confirm(
            QApplication.activeModalWidget() or self.window,
            _("เชื่อมต่อเครื่องแม่ข่ายได้แล้ว ต้องการกลับไปทำงานแบบออนไลน์หรือไม่"),
            _("กลับไปทำงานแบบออนไลน์"),
            _("ยังไม่กลับ"),
            _("ข้อมูลที่กรอกไว้ในหน้าต่างที่เปิดอยู่ยังอยู่ครบ และบันทึกได้เมื่อกลับไปออนไลน์แล้ว"),
        ):
            self.try_online()

    def try_online(self) -> None:
        if not self.offline or self.switching:
            return
        self.switching = True
        url = self.ctx.database.url or replica_session.server_url()
        password = replica_session.server_password()
        if not url:
            self.switching = False
            return
        worker.run_in_background(
            lambda: switch_to_server(url, password),
            self._went_online,
            self._online_failed,
            owner=self,
        )

    def _went_online(self, info: DatabaseInfo) -> None:
        self.switching = False
        self.probe_timer.stop()
        self.banner.setVisible(False)
        self.ctx.database = dataclasses.replace(info, offline=False, refreshed_at=None)
        self.window.database_changed()
        self.request_rebuild()
        self.mode_changed.emit(False)
        QTimer.singleShot(FIRST_REFRESH_MS, self.refresh_now)

    def _online_failed(self, exc: BaseException) -> None:
        self.switching = False
        self.offered = False
        self.banner.show_offline(mode.status_text())
        from views.widgets import messages

        text = exc.message if isinstance(exc, EnvironmentProblem) else str(exc)
        messages.warn(self.window, _("ยังเชื่อมต่อเครื่องแม่ข่ายไม่ได้"), text)

    # --- the tabs -----------------------------------------------------------------------------

    def request_rebuild(self) -> None:
        self.rebuild_timer.start(0)

    def _rebuild_when_free(self) -> None:
        """Rebuild the tabs from the database now in use, but never under an open dialog (its
        parent tab would take the typed input with it)."""
        if QApplication.activeModalWidget() is not None:
            self.rebuild_timer.start(REBUILD_RETRY_MS)
            return
        self.window.rebuild_tabs()
