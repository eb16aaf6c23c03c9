"""ช่วยเหลือ: the Thai user manual inside the program (F1 opens the page of the tab in use), the
list of keyboard shortcuts, and the whole manual printed as a PDF.

The pages are HTML in ``resources/help/th`` (one per tab, named by the tab's key, and ``index``);
the shortcuts page is made from the commands the program really has (``views.widgets.commands``).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.i18n import N_, _
from views.widgets import messages, qt_thai
from views.widgets.commands import COMMANDS, shortcut_text
from views.widgets.dialogs import BaseDialog

HELP_DIR = Path(__file__).resolve().parent.parent / "resources" / "help" / "th"
SHORTCUTS = "shortcuts"
PAGES: tuple[tuple[str, str], ...] = (
    ("index", N_("เริ่มต้นใช้งาน")),
    ("dashboard", N_("หน้าหลัก")),
    ("publications", N_("เผยแพร่ข้อมูลบนเว็บไซต์")),
    ("support", N_("สนับสนุนการใช้งานคอมพิวเตอร์")),
    ("data_requests", N_("ให้บริการข้อมูลสารสนเทศ")),
    ("infrastructure", N_("แม่ข่ายและเครือข่าย")),
    ("development", N_("พัฒนาระบบสารสนเทศ")),
    ("statistics", N_("สถิติและรายงาน")),
    ("settings", N_("ตั้งค่า")),
    (SHORTCUTS, N_("แป้นพิมพ์ลัด")),
)
# Keys of the window itself and of every form (the tabs' commands come from COMMANDS).
WINDOW_KEYS: tuple[tuple[str, str], ...] = (
    ("F1", N_("คู่มือของแท็บที่เปิดอยู่")),
    ("Ctrl+K", N_("ค้นหาทุกงาน (เรื่อง เรื่องแจ้งซ่อม ครุภัณฑ์)")),
    ("Ctrl+1 … Ctrl+9", N_("ไปยังแท็บที่ 1 ถึง 9")),
    ("Ctrl+PgDown / Ctrl+PgUp", N_("แท็บถัดไป / แท็บก่อนหน้า")),
    ("Enter, Ctrl+Enter", N_("ตกลง/บันทึกในแบบฟอร์ม (Ctrl+Enter ในช่องหลายบรรทัด)")),
    ("Esc", N_("ยกเลิกแบบฟอร์ม (ถามก่อนทิ้งข้อมูลที่กรอก) หรือปิดรายการตัวเลือก")),
    ("Alt+↓, F4", N_("เปิดปฏิทินของช่องวันที่")),
    ("↑ / ↓", N_("ในช่องวันที่: เพิ่ม/ลดวัน เดือน หรือปี ตามตำแหน่งเคอร์เซอร์")),
)


def shortcuts_html() -> str:
    rows = [(shortcut_text(c.key), _(c.label)) for c in COMMANDS.values()]
    rows += [(keys, _(label)) for keys, label in WINDOW_KEYS]
    body = "".join(
        f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(label)}</td></tr>"
        for keys, label in rows
    )
    return (
        f"<h1>{html.escape(_('แป้นพิมพ์ลัด'))}</h1>"
        f"<table cellpadding='4' border='1' cellspacing='0'>{body}</table>"
    )


def page_key(view_key: str) -> str:
    """The manual page for a tab (its key), the start page for any other."""
    known = {key for key, _title in PAGES}
    return view_key if view_key in known else "index"


def page_html(key: str) -> str:
    if key == SHORTCUTS:
        return shortcuts_html()
    path = HELP_DIR / f"{page_key(key)}.html"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return f"<p>{html.escape(_('ไม่พบหน้าคู่มือ'))}</p>"


def manual_html() -> str:
    """Every page, one after the other (the printed manual)."""
    return "".join(
        page_html(key) + ("<br style='page-break-after: always'>" if i < len(PAGES) - 1 else "")
        for i, (key, _title) in enumerate(PAGES)
    )


def manual_rows() -> list[list[str]]:
    """The manual as (section, text) rows: each paragraph or list item of every page."""
    rows: list[list[str]] = []
    for key, title in PAGES:
        document = QTextDocument()
        document.setHtml(page_html(key))
        lines = [" ".join(line.split()) for line in document.toPlainText().splitlines()]
        lines = [line for line in lines if line]
        if key != SHORTCUTS and lines and lines[0] == _(title):
            lines = lines[1:]  # the page's heading is the section column
        if key == SHORTCUTS:
            lines = [line for line in lines if line != _("แป้นพิมพ์ลัด")]
        for index, line in enumerate(lines):
            rows.append([_(title) if index == 0 else "", line])
    return rows


def write_manual_pdf(path: Path) -> Path:
    """The whole manual as an A4 PDF through the document engine (Thai line breaking, text that
    copies and searches as typed)."""
    from reports.registers import RegisterTable, TableColumn, render_register_table

    table = RegisterTable(
        title=_("คู่มือการใช้งาน ICT Desk"),
        office="",
        period="",
        columns=[TableColumn(_("หัวข้อ"), 1.7, keep=True), TableColumn(_("รายละเอียด"), 4.0)],
        rows=manual_rows(),
        thai_digits=False,
    )
    path.write_bytes(render_register_table(table))
    return path


class HelpDialog(BaseDialog):
    guard_input = False

    def __init__(self, page: str = "index", parent: QWidget | None = None) -> None:
        super().__init__(_("คู่มือการใช้งาน"), _("ปิด"), parent)
        self.cancel_button.setVisible(False)
        self.resize(980, 640)
        self.pages = QListWidget(self)
        for _key, title in PAGES:
            self.pages.addItem(_(title))
        self.pages.setMaximumWidth(240)
        self.browser = QTextBrowser(self)
        self.print_button = QPushButton(_("พิมพ์คู่มือเป็น PDF…"), self)
        self.print_button.clicked.connect(lambda _checked=False: self.save_pdf())
        row = QHBoxLayout()
        row.addWidget(self.pages)
        row.addWidget(self.browser, 1)
        column = QVBoxLayout()
        column.addLayout(row, 1)
        column.addWidget(self.print_button)
        self.body.addLayout(column)
        self.pages.currentRowChanged.connect(self._show_row)
        self.show_page(page)

    def current_key(self) -> str:
        return PAGES[max(0, self.pages.currentRow())][0]

    def show_page(self, key: str) -> None:
        keys = [k for k, _title in PAGES]
        wanted = key if key == SHORTCUTS else page_key(key)
        self.pages.setCurrentRow(keys.index(wanted))
        self._show_row(keys.index(wanted))

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.browser.setHtml(page_html(PAGES[row][0]))

    def save_pdf(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                _("บันทึกคู่มือเป็น PDF"),
                qt_thai.in_documents(_("คู่มือ ICT Desk.pdf")),
                _("เอกสาร PDF (*.pdf)"),
            )
            if not name:
                return None
            path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        try:
            write_manual_pdf(path)
        except OSError as exc:
            messages.warn(self, _("บันทึกไฟล์ไม่ได้ ({detail})").format(detail=exc))
            return None
        return path
