"""Settings → คณะกรรมการ: committees (scope of work, procurement, inspection...) and their members
with committee roles (ประธานกรรมการ / กรรมการ / กรรมการและเลขานุการ)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models import office, records, users
from models.i18n import N_, _
from models.org import (
    COMMITTEE_KIND_LABELS,
    COMMITTEE_ROLE_LABELS,
    Committee,
    CommitteeKind,
    CommitteeRole,
)
from reports.thaifmt import date_numeric, parse_be_date
from views.settings.common import (
    STATUS_COLUMN,
    FieldSpec,
    RecordDialog,
    RecordListPage,
    RecordTexts,
)
from views.widgets.commands import mnemonic
from views.widgets.tables import DATE_SAMPLE, Column

if TYPE_CHECKING:
    from desktop.context import AppContext


def people_choices() -> list[dict[str, Any]]:
    """Worker side: the users one may pick as members."""
    return [
        {"user_id": u.id, "full_name": u.full_name, "position": u.position}
        for u in users.active_users()
    ]


def committee_rows() -> list[dict[str, Any]]:
    """Worker side: committees with their members."""
    rows = []
    for c in office.committees(active_only=False):
        members = [
            {
                "full_name": m.full_name,
                "position": m.position,
                "role": m.role,
                "user_id": m.user_id,
                "declared_on": m.declared_on,
                "is_expert": m.is_expert,
                "has_interest": m.has_interest,
                "declaration_note": m.declaration_note,
            }
            for m in office.committee_members(c)
        ]
        rows.append(
            {
                "id": c.id,
                "version": c.version,
                "name": c.name,
                "kind": c.kind,
                "order_ref": c.order_ref,
                "appointed_on": c.appointed_on,
                "due_on": c.due_on,
                "duties": c.duties,
                "active": c.active,
                "members": members,
                "member_count": len(members),
                "declared_count": sum(1 for m in members if m["declared_on"]),
            }
        )
    return rows


def kind_label(kind: str) -> str:
    try:
        return _(COMMITTEE_KIND_LABELS[CommitteeKind(kind)])
    except ValueError:
        return kind


class MembersEditor(QWidget):
    """The member list: name, position, committee role, the day the member signed the
    แบบแสดงความบริสุทธิ์ใจ (F18, B.E. วว/ดด/ปปปป), expert, declared interest; add (blank or from
    the users), remove, move up or down. The rules (size, chair, overlap, interest) are checked
    by the domain when saving."""

    COLUMNS = 6
    DECLARED, EXPERT, INTEREST = 3, 4, 5

    def __init__(self, people: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = people
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                _("ชื่อ-นามสกุล"),
                _("ตำแหน่ง"),
                _("บทบาท"),
                _("ลงนามแบบแสดงความบริสุทธิ์ใจ"),
                _("ผู้เชี่ยวชาญ"),
                _("มีส่วนได้เสีย"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        self.table.setAccessibleName(_("กรรมการ"))
        layout.addWidget(self.table, 1)
        side = QWidget()
        buttons = QVBoxLayout(side)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.person = QComboBox()
        self.person.addItem(_("เลือกจากรายชื่อผู้ใช้…"), None)
        for person in people:
            self.person.addItem(person["full_name"], person)
        self.person.activated.connect(self._add_person)
        self.add_blank = mnemonic(QPushButton(_("เพิ่มกรรมการ")), "A")
        self.add_blank.clicked.connect(lambda: self.add_member({}))
        self.remove = mnemonic(QPushButton(_("ลบ")), "R")
        self.remove.clicked.connect(self.remove_current)
        self.up = mnemonic(QPushButton(_("เลื่อนขึ้น")), "U")
        self.up.clicked.connect(lambda: self.move_row(-1))
        self.down = mnemonic(QPushButton(_("เลื่อนลง")), "W")
        self.down.clicked.connect(lambda: self.move_row(1))
        for widget in (self.person, self.add_blank, self.remove, self.up, self.down):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addWidget(side)

    def _role_combo(self, role: str) -> QComboBox:
        combo = QComboBox()
        for value, label in COMMITTEE_ROLE_LABELS.items():
            combo.addItem(_(label), value.value)
        combo.setCurrentIndex(max(0, combo.findData(role)))
        return combo

    def add_member(self, member: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._fill(row, member)
        self.table.setCurrentCell(row, 0)

    def _fill(self, row: int, member: dict[str, Any]) -> None:
        name = QTableWidgetItem(member.get("full_name", ""))
        name.setData(256, member.get("user_id"))
        self.table.setItem(row, 0, name)
        self.table.setItem(row, 1, QTableWidgetItem(member.get("position", "")))
        self.table.setCellWidget(row, 2, self._role_combo(member.get("role", CommitteeRole.MEMBER)))
        declared = member.get("declared_on")
        if isinstance(declared, str) and declared[:4].isdigit():
            declared = dt.date.fromisoformat(declared[:10])
        text = date_numeric(declared) if isinstance(declared, dt.date) else str(declared or "")
        self.table.setItem(row, self.DECLARED, QTableWidgetItem(text))
        for column, key in ((self.EXPERT, "is_expert"), (self.INTEREST, "has_interest")):
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(
                Qt.CheckState.Checked if member.get(key) else Qt.CheckState.Unchecked
            )
            self.table.setItem(row, column, item)
        name_item = self.table.item(row, 0)
        if name_item is not None:
            name_item.setData(257, member.get("declaration_note", ""))

    def _add_person(self, index: int) -> None:
        person = self.person.itemData(index)
        if person:
            self.add_member({**person, "role": CommitteeRole.MEMBER.value})
        self.person.setCurrentIndex(0)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not (0 <= target < self.table.rowCount()):
            return
        members = self.members()
        members[row], members[target] = members[target], members[row]
        self.set_members(members)
        self.table.setCurrentCell(target, 0)

    def set_members(self, members: list[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        for member in members:
            self.add_member(member)

    def members(self) -> list[dict[str, Any]]:
        out = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0)
            position = self.table.item(row, 1)
            combo = self.table.cellWidget(row, 2)
            declared = self.table.item(row, self.DECLARED)
            expert = self.table.item(row, self.EXPERT)
            interest = self.table.item(row, self.INTEREST)
            out.append(
                {
                    "full_name": name.text() if name else "",
                    "position": position.text() if position else "",
                    "role": combo.currentData() if isinstance(combo, QComboBox) else "member",
                    "user_id": name.data(256) if name else None,
                    "declared_on": _typed_date(declared.text() if declared else ""),
                    "is_expert": bool(expert and expert.checkState() == Qt.CheckState.Checked),
                    "has_interest": bool(
                        interest and interest.checkState() == Qt.CheckState.Checked
                    ),
                    "declaration_note": (name.data(257) or "") if name else "",
                }
            )
        return out


def _typed_date(text: str) -> dt.date | str | None:
    """A date typed as วว/ดด/ปปปป (B.E.); text that is not a date is passed on for the domain
    to refuse with the member's number."""
    if not text.strip():
        return None
    try:
        return parse_be_date(text.strip())
    except ValueError:
        return text.strip()


class CommitteeDialog(RecordDialog):
    def __init__(self, *args: Any, people: list[dict[str, Any]], **kwargs: Any) -> None:
        self.people = people
        super().__init__(*args, **kwargs)
        self.setMinimumWidth(760)

    def add_extra(self) -> None:
        label = QLabel(_("กรรมการ"), self)
        self.members = MembersEditor(self.people, self)
        label.setBuddy(self.members.table)
        self.extra.addWidget(label)
        self.extra.addWidget(self.members)

    def values(self) -> dict[str, Any]:
        values = super().values()
        values["members"] = self.members.members()
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        super().set_values(values)
        if "members" in values:
            self.members.set_members(values["members"])


class CommitteesPage(RecordListPage):
    dialog_class = CommitteeDialog

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.people: list[dict[str, Any]] = []
        super().__init__(
            ctx,
            _("คณะกรรมการ"),
            [
                Column("name", N_("ชื่อคณะกรรมการ"), stretch=True),
                Column("kind", N_("ประเภท"), format=kind_label),
                Column("order_ref", N_("คำสั่งแต่งตั้ง")),
                Column("appointed_on", N_("วันที่แต่งตั้ง"), fit=DATE_SAMPLE),
                Column("member_count", N_("จำนวนกรรมการ")),
                Column("declared_count", N_("ลงนามแบบแสดงความบริสุทธิ์ใจแล้ว")),
                STATUS_COLUMN,
            ],
            committee_rows,
            RecordTexts(
                add_button=_("เพิ่มคณะกรรมการ…"),
                add_title=_("เพิ่มคณะกรรมการ"),
                edit_title=_("แก้ไขคณะกรรมการ"),
                choose_first=_("กรุณาเลือกคณะกรรมการก่อน"),
            ),
            choices=people_choices,
            parent=parent,
        )
        self.reload()

    def on_choices(self, choices: Any) -> None:
        self.people = choices

    def fields(self, row: dict[str, Any] | None) -> list[FieldSpec]:
        return [
            FieldSpec("name", _("ชื่อคณะกรรมการ"), required=True),
            FieldSpec(
                "kind",
                _("ประเภท"),
                kind="choice",
                choices=[(k.value, _(label)) for k, label in COMMITTEE_KIND_LABELS.items()],
            ),
            FieldSpec("order_ref", _("คำสั่งแต่งตั้ง"), placeholder=_("เช่น คำสั่ง ที่ 12/2569")),
            FieldSpec("appointed_on", _("วันที่แต่งตั้ง"), kind="date"),
            FieldSpec("due_on", _("กำหนดแล้วเสร็จ"), kind="date"),
            FieldSpec("duties", _("อำนาจหน้าที่"), kind="multiline"),
            FieldSpec("active", _("ใช้งาน"), kind="bool"),
        ]

    def defaults(self) -> dict[str, Any]:
        return {"active": True, "kind": CommitteeKind.OTHER.value, "members": []}

    def save_record(
        self, actor: Any, row_id: Any, values: dict[str, Any], version: int | None
    ) -> int:
        values = dict(values)
        members = values.pop("members")
        obj = records.get(Committee, row_id) if row_id is not None else None
        return int(
            office.save_committee(actor, obj, members, expected_version=version, **values).id
        )

    def dialog_options(self) -> dict[str, Any]:
        return {"people": self.people}
