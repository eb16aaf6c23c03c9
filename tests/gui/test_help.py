"""Help (issue 13, point 7): F1 opens the Thai manual at the page of the tab in use, the
shortcuts page lists the program's keys, and the manual prints as a PDF (read back)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PySide6.QtCore import Qt

from desktop.context import AppContext
from desktop.help import PAGES, HelpDialog, page_html, write_manual_pdf
from desktop.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_f1_opens_the_page_of_the_current_tab(
    qtbot: Any, ctx: AppContext, wait_workers: Any
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_workers()
    assert window.switch_to("settings")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = next(d for d in window.findChildren(HelpDialog) if d.isVisible())
    assert dialog.current_key() == "settings"
    assert "ค่าของฉัน" in dialog.browser.toPlainText()
    dialog.close()
    window.switch_to("dashboard")
    assert window.show_help().current_key() == "dashboard"
    shortcuts = window.show_help("shortcuts")
    text = shortcuts.browser.toPlainText()
    assert "Ctrl+K" in text and "Ctrl+N" in text and "F1" in text and "แป้นพิมพ์ลัด" in text


def test_every_tab_has_a_page() -> None:
    for key, _title in PAGES:
        assert "<h1>" in page_html(key), key
    from views import registry

    registry.load_views()
    pages = {key for key, _title in PAGES}
    tabs = {key for key in registry._VIEWS if not key.startswith("t_")}  # test-only views aside
    assert tabs <= pages, sorted(tabs - pages)


def test_manual_prints_as_pdf(qtbot: Any, tmp_path: Path) -> None:
    path = write_manual_pdf(tmp_path / "manual.pdf")
    with pdfplumber.open(path) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    squashed = "".join(text.split())
    assert "คู่มือการใช้งานICTDesk" in squashed
    for _key, title in PAGES:  # every section, in Thai that reads back as typed
        assert "".join(title.split()) in squashed, title
    assert "กดCtrl+Kเพื่อค้นหาเรื่อง" in squashed and "ยกเลิกการดำเนินการล่าสุด" in squashed
    dialog = HelpDialog("publications")
    qtbot.addWidget(dialog)
    assert dialog.save_pdf(tmp_path / "again.pdf") == tmp_path / "again.pdf"
    assert (tmp_path / "again.pdf").read_bytes().startswith(b"%PDF")
