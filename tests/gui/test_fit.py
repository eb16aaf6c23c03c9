"""Every tab fits the common office laptop (1366 x 768) with the application's real font, in Thai
and in English, for each kind of user: no tab, sub-page, settings page or open case asks for more
than the screen less the window's frame, title bar and the taskbar. Splitter positions are kept
in the workstation's settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from desktop import worker
from desktop.app import apply_ui_font, register_fonts
from desktop.config import WorkstationConfig
from desktop.context import AppContext, DatabaseInfo
from desktop.main_window import MainWindow
from models import db as dbmod
from models.demo import seed_demo
from models.i18n import set_language
from models.users import User
from views.settings.tab import SettingsTab
from views.support.tab import SupportTab
from views.widgets.cases import ProcessTab
from views.widgets.splitters import RememberedSplitter

pytestmark = pytest.mark.gui

SCREEN = QSize(1366, 768)
FRAME = 2 * 8  # left and right window borders
TITLE_AND_TASKBAR = 30 + 40
WINDOW = QSize(SCREEN.width() - FRAME, SCREEN.height() - TITLE_AND_TASKBAR)
ROLES = ("admin", "head", "somchai", "viewer")  # demo logins: admin, head, staff, viewer


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[None]:
    """The font the real window uses (TH Sarabun or the bundled Thai font, scaled up)."""
    before = qapp.font()
    apply_ui_font(qapp, register_fonts())
    yield
    qapp.setFont(before)


@pytest.fixture
def demo_office(sqlite_db: Any) -> Any:
    seed_demo()
    return sqlite_db


def open_window(qtbot: Any, username: str, size: QSize | None = WINDOW) -> MainWindow:
    user = User.get(User.username == username)
    info = DatabaseInfo(
        url="test", display=dbmod.current_url_display(), backend="sqlite", is_embedded=True
    )
    window = MainWindow(AppContext(user, info), office_name="ภทส.")
    qtbot.addWidget(window)
    if size is not None:
        window.resize(size)
    window.show()
    return window


def settle(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: worker.running_count() == 0, timeout=20_000)
    qtbot.wait(20)


def too_big(name: str, widget: QWidget, limit: QSize) -> list[str]:
    hint = widget.minimumSizeHint()
    if hint.width() > limit.width() or hint.height() > limit.height():
        return [f"{name}: {hint.width()}x{hint.height()} > {limit.width()}x{limit.height()}"]
    return []


def build_everything(qtbot: Any, window: MainWindow) -> list[str]:
    """Every tab, sub-page and settings page built, a case open in every case list; returns
    what does not fit."""
    problems: list[str] = []
    assert window.build_all_tabs() == []
    settle(qtbot)
    content = QSize(WINDOW.width(), WINDOW.height() - 110)  # less menus, tab bar, status bar
    for key in window.tab_keys():
        window.switch_to(key)
        tab = window.tab_widget(key)
        assert tab is not None
        settle(qtbot)
        if isinstance(tab, SupportTab):
            for page in ("assets", "maintenance", "loans", "register"):
                tab._show_page(page)
                settle(qtbot)
            tab.pages.setCurrentWidget(tab.tickets)
        if isinstance(tab, SettingsTab):
            for page in tab.page_keys():
                shown = tab.show_page(page)
                assert shown is not None
                settle(qtbot)
                # a settings page may scroll up and down, never sideways
                limit = QSize(content.width() - tab.list.maximumWidth(), 100_000)
                problems += too_big(f"{key}/{page}", shown, limit)
        for process_tab in [tab, *tab.findChildren(ProcessTab)]:
            if isinstance(process_tab, ProcessTab) and process_tab.list.table.model.rows:
                process_tab.list.table.table.selectRow(0)
                settle(qtbot)
                assert process_tab.panel.current is not None
        problems += too_big(key, tab, content)
        for pages in tab.findChildren(QTabWidget):
            for index in range(pages.count()):
                problems += too_big(f"{key}/{pages.tabText(index)}", pages.widget(index), content)
    problems += too_big("window", window, WINDOW)
    return problems


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_tab_fits_a_1366_by_768_screen(
    qtbot: Any, demo_office: Any, app_font: None, language: str
) -> None:
    set_language(language)
    problems: list[str] = []
    for username in ROLES:
        window = open_window(qtbot, username)
        settle(qtbot)
        problems += [f"{username}: {p}" for p in build_everything(qtbot, window)]
        window.close()
        settle(qtbot)
    assert not problems, "\n".join(problems)


def test_splitters_start_where_the_user_left_them(qtbot: Any, demo_office: Any) -> None:
    window = open_window(qtbot, "somchai")
    window.resize(1300, 680)
    window.switch_to("publications")
    settle(qtbot)
    tab = window.tab_widget("publications")
    assert isinstance(tab, ProcessTab)
    splitter = tab.splitter
    assert isinstance(splitter, RememberedSplitter)
    qtbot.waitUntil(lambda: splitter.sizes()[0] > splitter.sizes()[1])  # list 2 : case 1
    left, right = splitter.sizes()
    assert 1.8 < left / right < 2.2  # the list gets two thirds (a 1366 px laptop, issue 13)

    splitter.moveSplitter(splitter.width() // 4, 1)  # the user drags the handle
    moved = splitter.sizes()
    assert moved[0] < moved[1]
    window.close()
    settle(qtbot)
    saved = WorkstationConfig.load().splitter_sizes["cases.publication"]
    assert saved == moved

    again = open_window(qtbot, "somchai")
    again.resize(1300, 680)
    again.switch_to("publications")
    settle(qtbot)
    tab = again.tab_widget("publications")
    assert isinstance(tab, ProcessTab)
    qtbot.waitUntil(lambda: tab.splitter.sizes()[0] < tab.splitter.sizes()[1])
    left, right = tab.splitter.sizes()
    assert abs(left / right - moved[0] / moved[1]) < 0.05
    again.close()
    settle(qtbot)


def test_a_maximised_window_on_a_laptop(qtbot: Any, demo_office: Any) -> None:
    """Without a saved geometry on a small screen the window opens maximised."""
    window = open_window(qtbot, "viewer", size=None)
    screen = window.screen().availableGeometry()
    small = screen.width() < 1380 or screen.height() < 860
    assert bool(window.windowState() & Qt.WindowState.WindowMaximized) == small
    window.close()
    settle(qtbot)
