"""The tab every process shares: the list of its cases (filters, sorting and paging in SQL, state in
colour), the selected case (timeline, files, the moves the user may make, documents to print), and
the buttons to register a case and print the period report or the register.

A process tab is ``ProcessTab(ctx, process_key, register_name=...)``; see ``views.process_tabs``
for the one-call registration a process's view module makes.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import tempfile
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models import attachments, clock, engine
from models.engine import (
    STATE_COLOURS,
    STATE_LABELS,
    CaseFilter,
    CaseState,
    NewFile,
)
from models.engine import screens as sc
from models.i18n import N_, _
from models.permissions import Role
from reports.thaifmt import date_short, fiscal_year, fiscal_year_bounds, number
from views.registry import OpenRequest
from views.widgets import messages, qt_thai, splitters
from views.widgets.case_forms import FormDialog
from views.widgets.commands import (
    CommandSet,
    mnemonic,
    run_list_command,
    shortcut_text,
    with_shortcut,
)
from views.widgets.dialogs import PeriodDialog
from views.widgets.filter_bar import ComboFilter, FilterBar
from views.widgets.flow import FlowRow
from views.widgets.paged_table import ROW_ROLE, Column, PagedTableView, PageSource
from views.widgets.printing import (
    export_register,
    print_in_background,
    print_register,
    register_title,
)
from views.widgets.splitters import RememberedSplitter
from views.widgets.tables import (
    DATE_SAMPLE,
    NUMBER_SAMPLE,
    STATE_SAMPLE,
    setup_table_widget,
)

if TYPE_CHECKING:
    from desktop.context import AppContext

AnyIndex = QModelIndex | QPersistentModelIndex


def to_case_filter(values: dict[str, Any]) -> CaseFilter:
    """The filter bar's dict as the engine's filter."""
    state = values.get("state")
    return CaseFilter(
        states=frozenset({CaseState(state)}) if state else frozenset(),
        step=values.get("step") or None,
        person_id=values.get("person"),
        received_from=values.get("date_from"),
        received_to=values.get("date_to"),
        text=str(values.get("text") or ""),
    )


def due_text(row: Any) -> str:
    """A case's due date, or "หยุดนับเวลา" while it waits on the requester."""
    if row.state == CaseState.WAITING:
        return _("หยุดนับเวลา")
    return date_short(row.due_on) if row.due_on else "-"


# The columns every case list shows; a process's own list adds its columns between them.
NUMBER_COLUMN = Column("number", N_("เลขที่"), fit=NUMBER_SAMPLE)
STEP_COLUMN = Column("step_label", N_("ขั้นตอนปัจจุบัน"), sort_key="step", width=150)
RECEIVED_COLUMN = Column("received_on", N_("วันที่รับ"), fit=DATE_SAMPLE)
# The whole row goes to the formatter: a case waiting on the requester has no running due date.
DUE_COLUMN = Column(
    "due_on", N_("ครบกำหนด"), value=lambda row: row, format=due_text, fit=DATE_SAMPLE
)
STATE_COLUMN = Column("state_text", N_("สถานะ"), sort_key="state", fit=STATE_SAMPLE)

CASE_COLUMNS = [
    NUMBER_COLUMN,
    Column("title", N_("เรื่อง"), width=220, stretch=True),
    Column("requester", N_("ผู้ขอ"), width=150),
    STEP_COLUMN,
    Column("holder", N_("ผู้รับผิดชอบขณะนี้"), sort_key="holder", width=140),
    RECEIVED_COLUMN,
    DUE_COLUMN,
    STATE_COLUMN,
]


class StateDelegate(QStyledItemDelegate):
    """Paints the state column in the state's colours (green / amber / red / blue / grey)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        row = index.data(ROW_ROLE)
        state = getattr(row, "state", None)
        if state in STATE_COLOURS:
            background, foreground = STATE_COLOURS[state]
            option.backgroundBrush = QBrush(QColor(background))
            option.palette.setColor(option.palette.ColorRole.Text, QColor(foreground))
            option.palette.setColor(option.palette.ColorRole.HighlightedText, QColor(foreground))


class CaseList(QWidget):
    """Filters above a paged list of one process's cases."""

    case_selected = Signal(object)  # case id or None
    case_activated = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        process_key: str,
        parent: QWidget | None = None,
        *,
        columns: list[Column] | None = None,
        fetch: PageSource | None = None,
        combos: Sequence[ComboFilter] = (),
        search_placeholder: str = "",
    ) -> None:
        """``columns``/``fetch``/``combos``: a process's own list (e.g. joined to its table):
        ``fetch(filters_dict, sort_key, descending, offset, limit)`` returns rows with ``id``
        (the case id) and ``state``; the column keyed ``state_text`` is painted by state."""
        super().__init__(parent)
        self.ctx = ctx
        self.process_key = process_key
        process = engine.get_process(process_key)
        self.bar = FilterBar(
            combos=[
                ComboFilter(
                    "state",
                    N_("สถานะ"),
                    [(str(s), STATE_LABELS[s]) for s in CaseState],
                ),
                ComboFilter("step", N_("ขั้นตอน"), [(s.key, s.label) for s in process.steps[1:]]),
                ComboFilter("person", N_("ผู้รับผิดชอบ"), []),
                *combos,
            ],
            search_placeholder=search_placeholder or N_("ค้นหาเลขที่ เรื่อง หรือผู้ขอ"),
            parent=self,
        )
        key = process_key
        user = ctx.user

        def list_fetch(
            filters: Any, sort_key: str, descending: bool, offset: int, limit: int
        ) -> Any:
            return engine.list_cases(
                user, key, to_case_filter(filters or {}), sort_key, descending, offset, limit
            )

        columns = columns or CASE_COLUMNS
        self.table = PagedTableView(
            ctx,
            fetch or list_fetch,
            columns,
            filters=self.bar.filters(),
            sort_key="received_on",
            descending=True,
            page_size=100,
            empty_text=_("ยังไม่มีเรื่องตามเงื่อนไขนี้"),
            export_title=_(process.label),
            parent=self,
        )
        state_column = next(
            (i for i, c in enumerate(columns) if c.key == "state_text"), len(columns) - 1
        )
        self.table.table.setItemDelegateForColumn(state_column, StateDelegate(self))
        self.bar.filters_changed.connect(self.table.set_filters)
        self.table.selection_changed.connect(
            lambda row: self.case_selected.emit(getattr(row, "id", None))
        )
        self.table.activated_row.connect(lambda row: self.case_activated.emit(int(row.id)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.table, 1)
        self._load_people()
        self.table.reload()

    def _load_people(self) -> None:
        def load() -> list[tuple[int, str]]:
            from models.users import active_users

            return [
                (u.id, u.full_name)
                for u in active_users()
                if u.role in {Role.STAFF, Role.GROUP_HEAD, Role.HEAD}
            ]

        self.ctx.run_in_background(
            load, lambda people: self.bar.set_choices("person", people), owner=self
        )

    def reload(self, select_id: int | None = None) -> None:
        self.table.reload(select_id=select_id)

    def current_id(self) -> int | None:
        value = self.table.current_id()
        return int(value) if value is not None else None


class CasePanel(QWidget):
    """One case: what it is, where it stands, its history, its files; the user's moves."""

    changed = Signal(int)  # the case moved (id): the list reloads

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id: int | None = None
        self.current: sc.CaseScreen | None = None
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel(self)
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.actions_row = FlowRow(self)
        self.print_row = FlowRow(self)
        self.tools_row = FlowRow(self)  # the state, then what can be done to the case's record
        self.edit_button = mnemonic(QPushButton(_("แก้ไขข้อมูลการลงทะเบียน…"), self), "E")
        self.attach_button = mnemonic(QPushButton(_("แนบไฟล์เพิ่ม…"), self), "A")
        self.refresh_button = QPushButton(_("รีเฟรช"), self)
        self.refresh_button.setToolTip(_("โหลดเรื่องนี้ใหม่"))
        self.undo_button = mnemonic(QPushButton(_("ยกเลิกการดำเนินการล่าสุด"), self), "U")
        self.undo_button.clicked.connect(self.take_back)
        self.undo_button.setVisible(False)
        self.edit_button.clicked.connect(self.edit_details)
        self.attach_button.clicked.connect(self.attach)
        self.refresh_button.clicked.connect(self.reload)
        self.timeline = QTextBrowser(self)
        self.timeline.setOpenLinks(False)
        self.timeline.setMinimumHeight(80)
        self.files = QTableWidget(0, 4, self)
        self.files.setHorizontalHeaderLabels([_("ไฟล์"), _("ประเภท"), _("ขนาด"), _("แนบเมื่อ")])
        setup_table_widget(self.files, stretch=0)
        self.files.setMaximumHeight(self.files.verticalHeader().defaultSectionSize() * 3 + 32)
        self.files.doubleClicked.connect(lambda _i: self.open_file())
        self.open_file_button = mnemonic(QPushButton(_("เปิดไฟล์"), self), "O")
        self.save_file_button = mnemonic(QPushButton(_("บันทึกไฟล์เป็น…"), self), "S")
        self.open_file_button.clicked.connect(self.open_file)
        self.save_file_button.clicked.connect(self.save_file)
        self.empty = QLabel(_("เลือกเรื่องจากรายการเพื่อดูรายละเอียด"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        for widget in (
            self.state_label,
            self.edit_button,
            self.attach_button,
            self.undo_button,
            self.refresh_button,
        ):
            self.tools_row.add(widget)
        self.files_label = QLabel(self)
        file_buttons = FlowRow(self)
        file_buttons.add(self.files_label)
        file_buttons.add(self.open_file_button)
        file_buttons.add(self.save_file_button)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.header)
        body.addWidget(self.tools_row)
        body.addWidget(self.actions_row)
        body.addWidget(self.print_row)
        body.addWidget(self.timeline, 1)  # a process's own box goes above this (index 4)
        body.addWidget(file_buttons)
        body.addWidget(self.files)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.body, 1)
        self.body.setVisible(False)
        self.action_buttons: dict[str, QPushButton] = {}
        self.print_buttons: dict[str, QPushButton] = {}

    # --- loading --------------------------------------------------------------------------

    def show_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        if case_id is None:
            self.current = None
            self.body.setVisible(False)
            self.empty.setVisible(True)
            return
        self.reload()

    def reload(self) -> None:
        case_id, user = self.case_id, self.ctx.user
        if case_id is None:
            return
        self.ctx.run_in_background(lambda: sc.case_screen(user, case_id), self._show, owner=self)

    def _show(self, screen: sc.CaseScreen) -> None:
        if self.case_id != screen.view.row.id:
            return  # another case was chosen meanwhile
        self.current = screen
        self.empty.setVisible(False)
        self.body.setVisible(True)
        row = screen.view.row
        self.header.setText(
            "<b>{number}</b> {title}<br>{requester_label}: {requester} &nbsp;·&nbsp; "
            "{received_label}: {received} &nbsp;·&nbsp; {due_label}: {due}<br>"
            "{step_label}: <b>{step}</b> &nbsp;·&nbsp; {holder_label}: {holder}".format(
                number=html.escape(row.number),
                title=html.escape(row.title),
                requester_label=_("ผู้ขอ"),
                requester=html.escape(row.requester or "-"),
                received_label=_("วันที่รับ"),
                received=screen.view.received_text,
                due_label=_("ครบกำหนด"),
                due=html.escape(screen.view.due_text),
                step_label=_("ขั้นตอน"),
                step=html.escape(row.step_label),
                holder_label=_("ผู้รับผิดชอบขณะนี้"),
                holder=html.escape(row.holder),
            )
        )
        background, foreground = STATE_COLOURS[row.state]
        self.state_label.setText(row.state_text)
        self.state_label.setStyleSheet(
            f"background: {background}; color: {foreground}; padding: 6px 10px;"
            " border-radius: 4px; font-weight: bold;"
        )
        focus = QApplication.focusWidget()
        had_focus = focus is None or self.isAncestorOf(focus)
        self._fill_actions(screen)
        self._fill_prints(screen)
        self.timeline.setHtml(timeline_html(screen.view))
        self._fill_files(screen)
        self.edit_button.setVisible(screen.may_edit)
        self.attach_button.setVisible(screen.may_attach)
        self.undo_button.setVisible(screen.undo is not None)
        if screen.undo is not None:
            self.undo_button.setToolTip(
                _("ยกเลิก “{label}” ที่ท่านเพิ่งบันทึก (ได้ถึง {until})").format(
                    label=screen.undo.label, until=screen.undo.until_text
                )
            )
        self._chain_tab_order()
        if had_focus and self.isVisible():
            # the buttons that had the focus were rebuilt: keep the keyboard in the case
            self.focus_first()

    def _chain_tab_order(self) -> None:
        """Tab goes down the case as it is drawn: its tools, the moves, the documents, the
        history, the files (the buttons made for each case would otherwise come last)."""
        chain: list[QWidget] = [self.edit_button, self.attach_button, self.refresh_button]
        chain += list(self.action_buttons.values()) + list(self.print_buttons.values())
        chain += [self.timeline, self.open_file_button, self.save_file_button, self.files]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focus_first(self) -> None:
        """The keyboard goes to the case's first move (else its history)."""
        target = next(
            (b for b in self.action_buttons.values() if b.isVisibleTo(self)), self.timeline
        )
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_actions(self, screen: sc.CaseScreen) -> None:
        self.actions_row.clear()
        self.action_buttons = {}
        if screen.actions:
            self.actions_row.add(QLabel(_("ดำเนินการ:"), self))
        for place, action in enumerate(screen.actions, start=1):
            # Alt+1, Alt+2 ... press the case's moves in the order shown
            label = f"&{place} {action.label}" if place < 10 else action.label
            button = QPushButton(label, self)
            button.setToolTip(f"{action.label} (Alt+{place})" if place < 10 else action.label)
            if sc.is_send_back(action.kind):
                button.setStyleSheet("color: #b71c1c;")
            button.clicked.connect(lambda _c=False, key=action.key: self.start_action(key))
            self.action_buttons[action.key] = button
            self.actions_row.add(button)
        self.actions_row.setVisible(bool(screen.actions))

    def _fill_prints(self, screen: sc.CaseScreen) -> None:
        self.print_row.clear()
        self.print_buttons = {}
        if screen.documents:
            self.print_row.add(QLabel(_("พิมพ์:"), self))
        for doc in screen.documents:
            button = QPushButton(doc.label, self)
            button.clicked.connect(lambda _c=False, key=doc.key: self.print_document(key))
            self.print_buttons[doc.key] = button
            self.print_row.add(button)
        self.print_row.setVisible(bool(screen.documents))

    def _fill_files(self, screen: sc.CaseScreen) -> None:
        files = screen.view.files
        self.files_label.setText(
            _("ไฟล์แนบ ({n})").format(n=number(len(files))) if files else _("ยังไม่มีไฟล์แนบ")
        )
        for widget in (self.files, self.open_file_button, self.save_file_button):
            widget.setVisible(bool(files))
        self.files.setRowCount(len(files))
        for index, info in enumerate(files):
            name = QTableWidgetItem(info.filename)
            name.setData(Qt.ItemDataRole.UserRole, info.id)
            self.files.setItem(index, 0, name)
            self.files.setItem(index, 1, QTableWidgetItem(info.purpose_label))
            self.files.setItem(index, 2, QTableWidgetItem(_size(info.size)))
            self.files.setItem(index, 3, QTableWidgetItem(date_short(info.created_at.date())))

    # --- moves ----------------------------------------------------------------------------

    def start_action(self, outcome: str) -> None:
        case_id, user = self.case_id, self.ctx.user
        if case_id is None:
            return
        self.ctx.run_in_background(
            lambda: sc.action_form(user, case_id, outcome), self.run_form, owner=self
        )

    def run_form(self, spec: sc.FormSpec) -> None:
        """Show the action's form (tests call ``build_form`` to drive it without ``exec``)."""
        self.build_form(spec).exec()

    def build_form(self, spec: sc.FormSpec) -> FormDialog:
        user = self.ctx.user
        case_id, version, outcome = spec.case_id, spec.version, spec.outcome
        assert case_id is not None

        def submit(values: dict[str, Any], files: list[NewFile], comment: str) -> int:
            case = engine.act(
                user,
                case_id,
                outcome,
                comment=comment,
                data=values,
                files=files,
                expected_version=version,
            )
            return int(case.id)

        dialog = FormDialog(self.ctx, spec, submit, parent=self)
        dialog.accepted.connect(self._moved)
        dialog.rejected.connect(self.reload)  # a conflict shown in the form: show the case as it is
        return dialog

    def _moved(self) -> None:
        if self.case_id is not None:
            self.changed.emit(self.case_id)
        self.reload()

    def edit_details(self) -> None:
        case_id, user = self.case_id, self.ctx.user
        if case_id is None:
            return
        self.ctx.run_in_background(
            lambda: sc.details_form(user, case_id), self._run_details, owner=self
        )

    def _run_details(self, spec: sc.FormSpec) -> None:
        self.build_details(spec).exec()

    def build_details(self, spec: sc.FormSpec) -> FormDialog:
        user = self.ctx.user
        case_id, version = spec.case_id, spec.version
        assert case_id is not None

        def submit(values: dict[str, Any], _files: list[NewFile], _comment: str) -> int:
            return int(engine.update_details(user, case_id, values, expected_version=version).id)

        dialog = FormDialog(self.ctx, spec, submit, ok_text=_("บันทึก"), parent=self)
        dialog.accepted.connect(self._moved)
        return dialog

    # --- files ----------------------------------------------------------------------------

    def attach(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self, _("เลือกไฟล์ที่จะแนบ"), qt_thai.in_documents()
        )
        if names and self.case_id is not None:
            self.attach_paths([Path(n) for n in names])

    def attach_paths(self, paths: list[Path]) -> None:
        from views.widgets.case_forms import read_files

        case_id, user = self.case_id, self.ctx.user
        assert case_id is not None

        def work() -> int:
            files = read_files([("other", p) for p in paths])
            return len(engine.add_files(user, case_id, files))

        self.ctx.run_in_background(work, lambda _n: self._moved(), owner=self)

    def _selected_file(self) -> tuple[int, str] | None:
        row = self.files.currentRow()
        if row < 0:
            return None
        item = self.files.item(row, 0)
        if item is None:
            return None
        return int(item.data(Qt.ItemDataRole.UserRole)), item.text()

    def open_file(self) -> None:
        chosen = self._selected_file()
        if chosen is None:
            messages.info(self, _("กรุณาเลือกไฟล์ในรายการก่อน"))
            return
        file_id, _name = chosen

        def work() -> str:
            folder = Path(tempfile.mkdtemp(prefix="ictdesk-"))
            return str(attachments.save_copy(file_id, folder))

        def show(path: str) -> None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

        self.ctx.run_in_background(work, show, owner=self)

    def save_file(self) -> None:
        chosen = self._selected_file()
        if chosen is None:
            messages.info(self, _("กรุณาเลือกไฟล์ในรายการก่อน"))
            return
        file_id, name = chosen
        target, _filter = QFileDialog.getSaveFileName(
            self, _("บันทึกไฟล์เป็น"), qt_thai.in_documents(name)
        )
        if not target:
            return

        def work() -> str:
            Path(target).write_bytes(attachments.content(file_id))
            return target

        self.ctx.run_in_background(
            work,
            lambda path: messages.info(self, _("บันทึกไฟล์ไว้ที่ {path}").format(path=path)),
            owner=self,
        )

    def take_back(self) -> None:
        """Undo the user's last move (the domain checks who, how long ago, and nobody since)."""
        screen, case_id = self.current, self.case_id
        if screen is None or screen.undo is None or case_id is None:
            return
        if not messages.confirm(
            self,
            _("ยกเลิก “{label}” ของเรื่อง {number} หรือไม่").format(
                label=screen.undo.label, number=screen.view.row.number
            ),
            _("ยกเลิกการดำเนินการ"),
            _("ไม่ยกเลิก"),
            _("เรื่องจะกลับไปอยู่ในขั้นตอนก่อนหน้า ประวัติจะบันทึกทั้งการดำเนินการและการยกเลิกไว้"),
        ):
            return
        user = self.ctx.user
        self.ctx.run_in_background(
            lambda: engine.take_back(user, case_id).id,
            lambda _id: self._moved(),
            owner=self,
            disable=[self.undo_button],
        )

    # --- printing -------------------------------------------------------------------------

    def print_document(self, key: str) -> None:
        case_id, user = self.case_id, self.ctx.user
        if case_id is None:
            return
        title = next(
            (d.label for d in (self.current.documents if self.current else []) if d.key == key), key
        )
        print_in_background(
            self.ctx, self, lambda: engine.print_document(user, case_id, key), title
        )


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return _("{n} MB").format(n=number(size / 1048576, decimals=1))
    return _("{n} KB").format(n=number(max(1, round(size / 1024))))


def timeline_html(view: engine.CaseView) -> str:
    """The case's steps (the current one marked) and its history, newest last."""
    esc = html.escape
    parts = ["<h3>{}</h3>".format(esc(_("ขั้นตอนของกระบวนงาน")))]
    parts.append("<ol>")
    for step in view.steps:
        text = f"{esc(step.label)} <span style='color:#666'>({esc(step.actor_label)})</span>"
        parts.append(f"<li><b>▶ {text}</b></li>" if step.current else f"<li>{text}</li>")
    parts.append("</ol>")
    if view.details:
        parts.append("<h3>{}</h3><table>".format(esc(_("ข้อมูลการลงทะเบียน"))))
        for label, value in view.details:
            parts.append(f"<tr><td style='color:#555'>{esc(label)}</td><td>{esc(value)}</td></tr>")
        parts.append("</table>")
    parts.append("<h3>{}</h3>".format(esc(_("ประวัติการดำเนินงาน"))))
    for entry in view.timeline:
        colour = (
            "#b71c1c"
            if sc.is_send_back(entry.kind)
            else ("#555" if entry.kind == "event" else "#1b5e20")
        )
        who = esc(entry.actor)
        if entry.signatory:
            who += " " + esc(_("(บันทึกการลงนามของ {name})").format(name=entry.signatory))
        parts.append(
            f"<p style='margin-bottom:2px'><b>{esc(entry.at_text)}</b> — {esc(entry.step_label)}: "
            f"<span style='color:{colour}'><b>{esc(entry.outcome_label)}</b></span> — {who}</p>"
        )
        details: list[str] = []
        if entry.to_step_label and entry.kind != "event":
            details.append(esc(_("ส่งต่อไปยัง: {step}").format(step=entry.to_step_label)))
        if entry.comment:
            details.append(esc(_("หมายเหตุ: {text}").format(text=entry.comment)))
        details += [f"{esc(label)}: {esc(value)}" for label, value in entry.values]
        if entry.files:
            details.append(
                esc(_("ไฟล์: {names}").format(names=", ".join(name for _id, name in entry.files)))
            )
        if entry.documents:
            details.append(esc(_("เอกสาร: {names}").format(names=", ".join(entry.documents))))
        if details:
            parts.append(
                "<p style='margin-top:0; margin-left:18px; color:#333'>"
                + "<br>".join(details)
                + "</p>"
            )
    return "".join(parts)


REGISTER_CHOICE = "register:"
PROCESS_COMMANDS = ("new", "find", "edit", "print", "refresh", "next", "previous", "pane")


class ProcessTab(QWidget):
    """A process's tab: the list (left) and the selected case (right)."""

    def __init__(
        self,
        ctx: AppContext,
        process_key: str,
        *,
        register_name: str = "",
        list_options: dict[str, Any] | None = None,
        commands: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """``list_options``: keyword arguments for ``CaseList`` (a process's own columns,
        fetch and filters). ``commands``: the tab's own keyboard commands (False inside another
        tab, which hands its commands on to ``run_command``)."""
        super().__init__(parent)
        self.ctx = ctx
        self.process_key = process_key
        self.register_name = register_name
        process = engine.get_process(process_key)
        title = QLabel(f"<b>{html.escape(_(process.label))}</b>", self)
        self.new_button = mnemonic(QPushButton(_("ลงทะเบียนเรื่องใหม่…"), self), "N")
        self.print_button = mnemonic(QPushButton(_("พิมพ์รายงาน/ทะเบียน…"), self), "P")
        self.refresh_button = mnemonic(QPushButton(_("รีเฟรช"), self), "R")
        self.refresh_button.clicked.connect(self.refresh)
        self.pane_button = QPushButton(_("ซ่อนรายละเอียด"), self)
        self.pane_button.setCheckable(True)
        self.pane_button.setToolTip(_("ซ่อนหรือแสดงช่องรายละเอียดของเรื่อง ให้รายการกว้างขึ้น"))
        self.pane_button.toggled.connect(self.set_details_hidden)
        self.new_button.setVisible(engine.core.may_act(ctx.user, process.first.roles))
        self.new_button.clicked.connect(self.register_case)
        self.print_button.clicked.connect(self.print_period)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.new_button)
        head.addWidget(self.print_button)
        head.addWidget(self.refresh_button)
        head.addWidget(self.pane_button)
        self.list = CaseList(ctx, process_key, self, **(list_options or {}))
        self.panel = CasePanel(ctx, self)
        self.splitter = RememberedSplitter(
            f"cases.{process_key}",
            Qt.Orientation.Horizontal,
            (2, 1),
            self,  # the list first: two thirds
        )
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        store = splitters.store()
        if store is not None and store.load(self._pane_key()) == [1]:
            self.pane_button.setChecked(True)  # hidden when the user last left it so
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.splitter, 1)
        self.list.case_selected.connect(self.panel.show_case)
        self.panel.changed.connect(lambda case_id: self.list.reload(select_id=case_id))
        self.commands: CommandSet | None = None
        if commands:
            self.commands = CommandSet(self, PROCESS_COMMANDS, self.run_command)
        for key, button in (
            ("new", self.new_button),
            ("print", self.print_button),
            ("refresh", self.refresh_button),
            ("edit", self.panel.edit_button),
        ):
            button.setToolTip(with_shortcut(button.text(), key))
        self.refresh_button.setToolTip(
            _("โหลดรายการใหม่ (เห็นงานที่เครื่องอื่นบันทึกไว้)") + f" ({shortcut_text('refresh')})"
        )

    def _pane_key(self) -> str:
        return f"details_hidden.cases.{self.process_key}"

    def set_details_hidden(self, hidden: bool) -> None:
        """The case's details pane out of the way (the list takes the whole width), remembered
        for this process's tab on this workstation."""
        self.panel.setVisible(not hidden)
        self.pane_button.setText(_("แสดงรายละเอียด") if hidden else _("ซ่อนรายละเอียด"))
        if self.pane_button.isChecked() != hidden:
            self.pane_button.setChecked(hidden)
        store = splitters.store()
        if store is not None:
            store.save(self._pane_key(), [int(hidden)])

    # --- keyboard -------------------------------------------------------------------------

    def run_command(self, key: str) -> bool:
        """A keyboard command (``views.widgets.commands``); False when it does not apply."""
        table = self.list.table
        handlers: dict[str, Callable[[], object]] = {
            "print": self.print_period,
            "refresh": self.refresh,
            "pane": self.switch_pane,
        }
        if self.new_button.isVisibleTo(self):
            handlers["new"] = self.register_case
        if self.panel.body.isVisible() and self.panel.edit_button.isVisibleTo(self.panel):
            handlers["edit"] = self.panel.edit_details
        return run_list_command(key, search=self.list.bar.search, table=table, handlers=handlers)

    def switch_pane(self) -> None:
        """F6: from the list to the open case and back."""
        table = self.list.table.table
        if table.hasFocus() and self.panel.body.isVisible():
            self.panel.focus_first()
        else:
            table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_target(self) -> QWidget:
        """Where the keyboard goes when the tab is shown: the list."""
        return self.list.table.table

    def refresh(self) -> None:
        self.list.reload(select_id=self.panel.case_id)
        self.panel.reload()

    # --- opening from elsewhere (the dashboard) -------------------------------------------

    def open_request(self, request: OpenRequest) -> None:
        if request.kind == "case" and request.id is not None:
            self.show_case(int(request.id))

    def show_case(self, case_id: int) -> None:
        self.panel.show_case(case_id)
        self.list.table.select_id(case_id)

    # --- registering ----------------------------------------------------------------------

    def register_case(self) -> None:
        user, key = self.ctx.user, self.process_key
        self.ctx.run_in_background(
            lambda: sc.registration_form(user, key), self._run_registration, owner=self
        )

    def _run_registration(self, spec: sc.FormSpec) -> None:
        self.build_registration(spec).exec()

    def build_registration(self, spec: sc.FormSpec) -> FormDialog:
        user, key = self.ctx.user, self.process_key
        # One key per opened form: pressing ลงทะเบียน again after a lost answer (the connection
        # died right after the commit) finds the case saved the first time, never a second one.
        request_key = uuid.uuid4().hex

        def submit(values: dict[str, Any], files: list[NewFile], comment: str) -> int:
            return int(
                engine.open_case(user, key, values, files, comment, request_key=request_key).id
            )

        dialog = FormDialog(self.ctx, spec, submit, ok_text=_("ลงทะเบียน"), parent=self)
        dialog.accepted.connect(lambda: self._registered(dialog.result_value))
        return dialog

    def _registered(self, case_id: int) -> None:
        self.list.reload(select_id=case_id)
        self.panel.show_case(case_id)

    # --- printing for a period ------------------------------------------------------------

    def period_choices(self) -> list[tuple[str, str]]:
        choices = [(r.key, r.label) for r in engine.period_reports(self.process_key)]
        if self.register_name:
            choices.append(
                (REGISTER_CHOICE + self.register_name, register_title(self.register_name))
            )
        return choices

    def default_period(self) -> tuple[dt.date, dt.date]:
        start, end = self.list.bar.period_bounds()
        if start and end:
            return start, end
        return fiscal_year_bounds(fiscal_year(clock.today()))

    def print_period(self) -> None:
        start, end = self.default_period()
        dialog = PeriodDialog(
            _("พิมพ์รายงานตามช่วงเวลา"),
            start,
            end,
            self.period_choices(),
            parent=self,
            excel=bool(self.register_name),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        key, first, last = dialog.chosen()
        if dialog.wants_excel:
            if not key.startswith(REGISTER_CHOICE):
                messages.warn(self, _("รายงานนี้พิมพ์ได้อย่างเดียว ทะเบียนส่งออกเป็น Excel ได้"))
                return
            export_register(self.ctx, self, key[len(REGISTER_CHOICE) :], first, last)
            return
        self.print_for(key, first, last)

    def print_for(self, key: str, start: dt.date, end: dt.date) -> None:
        user, process = self.ctx.user, self.process_key
        if start > end:
            messages.warn(self, _("วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด"))
            return
        if key.startswith(REGISTER_CHOICE):
            print_register(self.ctx, self, key[len(REGISTER_CHOICE) :], start, end)
            return
        title = next((label for k, label in self.period_choices() if k == key), key)
        print_in_background(
            self.ctx,
            self,
            lambda: engine.print_period_report(user, process, key, start, end),
            title,
        )
