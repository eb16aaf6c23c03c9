"""The dialogs of process 5's own records: a requirement meeting, a development round, a training
session and its attendance, a median-price cost item, a vendor's presentation with its scores, a
milestone. Each gathers the inputs and calls ``models.development.records`` in the worker; a
refusal marks the named field and keeps everything typed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from models import clock
from models.development import records
from models.i18n import _
from models.procurement import vendors
from views.widgets.be_date_edit import BEDateEdit
from views.widgets.combos import fill_combo
from views.widgets.dialogs import SubmitDialog

if TYPE_CHECKING:
    from desktop.context import AppContext


def _date(parent: QWidget) -> BEDateEdit:
    return BEDateEdit(clock.today(), parent=parent)


def _text(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def _count(parent: QWidget, low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(low, high)
    box.setValue(value)
    return box


class MeetingDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกการประชุมรับฟังความต้องการ"), _("บันทึก"), parent)
        self.case_id = case_id
        form = self.add_form()
        self.met_on = _date(self)
        self.user_group = QLineEdit(self)
        self.attendees = _text(self, 2)
        self.notes = _text(self, 4)
        form.addRow(_("วันที่ประชุม"), self.met_on)
        form.addRow(_("กลุ่มผู้ใช้"), self.user_group)
        form.addRow(_("ผู้เข้าประชุม"), self.attendees)
        form.addRow(_("บันทึกการประชุม"), self.notes)
        self.errors.add_fields(
            {
                "met_on": self.met_on,
                "user_group": self.user_group,
                "attendees": self.attendees,
                "notes": self.notes,
            }
        )

    def send(self) -> None:
        user, case_id = self.ctx.user, self.case_id
        values = {
            "met_on": self.met_on.value(),
            "user_group": self.user_group.text(),
            "attendees": self.attendees.toPlainText(),
            "notes": self.notes.toPlainText(),
        }
        self.save(lambda: records.add_meeting(user, case_id, **values).id)


class RoundDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกรอบการพัฒนาและทดสอบ"), _("บันทึก"), parent)
        self.case_id = case_id
        form = self.add_form()
        self.started_on = _date(self)
        self.finished_on = BEDateEdit(None, allow_empty=True, parent=self)
        self.tested = _text(self)
        self.feedback = _text(self)
        self.fixes = _text(self)
        form.addRow(_("วันที่เริ่มรอบ"), self.started_on)
        form.addRow(_("วันที่เสร็จรอบ"), self.finished_on)
        form.addRow(_("ผลการทดสอบ"), self.tested)
        form.addRow(_("ความเห็นผู้ใช้ที่ทดลองใช้"), self.feedback)
        form.addRow(_("การปรับแก้"), self.fixes)
        self.errors.add_fields(
            {
                "started_on": self.started_on,
                "finished_on": self.finished_on,
                "tested": self.tested,
                "feedback": self.feedback,
                "fixes": self.fixes,
            }
        )

    def send(self) -> None:
        user, case_id = self.ctx.user, self.case_id
        values = {
            "started_on": self.started_on.value(),
            "finished_on": self.finished_on.value(),
            "tested": self.tested.toPlainText(),
            "feedback": self.feedback.toPlainText(),
            "fixes": self.fixes.toPlainText(),
        }
        self.save(lambda: records.add_round(user, case_id, **values).id)


class TrainingDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกการอบรมผู้ใช้งาน"), _("บันทึก"), parent)
        self.case_id = case_id
        form = self.add_form()
        self.held_on = _date(self)
        self.place = QLineEdit(self)
        self.user_group = QLineEdit(self)
        self.invited = _count(self, 1, 100_000, 10)
        self.attended = _count(self, 0, 100_000, 0)
        self.trainer = QLineEdit(self)
        form.addRow(_("วันที่อบรม"), self.held_on)
        form.addRow(_("สถานที่"), self.place)
        form.addRow(_("กลุ่มผู้ใช้"), self.user_group)
        form.addRow(_("จำนวนผู้ได้รับเชิญ"), self.invited)
        form.addRow(_("จำนวนผู้เข้าอบรม"), self.attended)
        form.addRow(_("วิทยากร"), self.trainer)
        self.errors.add_fields(
            {
                "held_on": self.held_on,
                "place": self.place,
                "user_group": self.user_group,
                "invited": self.invited,
                "attended": self.attended,
                "trainer": self.trainer,
            }
        )

    def send(self) -> None:
        user, case_id = self.ctx.user, self.case_id
        values: dict[str, Any] = {
            "held_on": self.held_on.value(),
            "place": self.place.text(),
            "user_group": self.user_group.text(),
            "invited": self.invited.value(),
            "attended": self.attended.value(),
            "trainer": self.trainer.text(),
        }
        self.save(lambda: records.add_training(user, case_id, **values).id)


class AttendanceDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกจำนวนผู้เข้าอบรม"), _("บันทึก"), parent)
        self.training_id = int(row["id"])
        self.version = int(row["version"])
        form = self.add_form()
        self.attended = _count(self, 0, 100_000, int(row["attended"]))
        form.addRow(_("จำนวนผู้เข้าอบรม (ผู้ได้รับเชิญ {n} คน)").format(n=row["invited"]), self.attended)
        self.errors.add("attended", self.attended)

    def send(self) -> None:
        user, training_id, version = self.ctx.user, self.training_id, self.version
        attended = self.attended.value()

        def work() -> int:
            row = records.Training.get_by_id(training_id)
            return records.record_attendance(user, row, attended, expected_version=version).id

        self.save(work)


class CostItemDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("เพิ่มรายการค่าใช้จ่ายของราคากลาง"), _("บันทึก"), parent)
        self.case_id = case_id
        form = self.add_form()
        self.kind = QComboBox(self)
        fill_combo(self.kind, [(k, _(v)) for k, v in records.COST_KIND_LABELS.items()])
        self.description = QLineEdit(self)
        self.quantity = _count(self, 1, 10_000, 1)
        self.months = QDoubleSpinBox(self)
        self.months.setRange(0.5, 120)
        self.months.setDecimals(1)
        self.months.setValue(1)
        self.rate = QLineEdit(self)
        self.rate.setPlaceholderText(_("เช่น 45,000"))
        form.addRow(_("ประเภทค่าใช้จ่าย"), self.kind)
        form.addRow(_("รายการ (เช่น ตำแหน่งและระดับ)"), self.description)
        form.addRow(_("จำนวน (คน/หน่วย)"), self.quantity)
        form.addRow(_("จำนวนเดือน (เฉพาะค่าตอบแทนบุคลากร)"), self.months)
        form.addRow(_("อัตรา (บาทต่อคนต่อเดือน หรือต่อหน่วย)"), self.rate)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.errors.add_fields(
            {
                "kind": self.kind,
                "description": self.description,
                "quantity": self.quantity,
                "months": self.months,
                "rate": self.rate,
            }
        )

    def _kind_changed(self) -> None:
        self.months.setEnabled(self.kind.currentData() == records.CostKind.PERSONNEL)

    def send(self) -> None:
        user, case_id = self.ctx.user, self.case_id
        values: dict[str, Any] = {
            "kind": self.kind.currentData(),
            "description": self.description.text(),
            "quantity": self.quantity.value(),
            "months": str(self.months.value()),
            "rate": self.rate.text(),
        }
        self.save(lambda: records.add_cost_item(user, case_id, **values).id)


class PresentationDialog(SubmitDialog):
    """The committee's score on each criterion of the settings, with the vendor's offered price."""

    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกผลการนำเสนอของผู้ประกอบการ"), _("บันทึก"), parent)
        self.case_id = case_id
        form = self.add_form()
        self.vendor = QComboBox(self)
        fill_combo(self.vendor, [(v.id, str(v.name)) for v in vendors.vendors()], empty=_("(เลือก)"))
        self.presented_on = _date(self)
        self.offered_price = QLineEdit(self)
        form.addRow(_("ผู้ประกอบการ"), self.vendor)
        form.addRow(_("วันที่นำเสนอ"), self.presented_on)
        form.addRow(_("ราคาที่เสนอ (บาท)"), self.offered_price)
        self.scores: dict[str, QDoubleSpinBox] = {}
        for name, points in records.criteria():
            box = QDoubleSpinBox(self)
            box.setRange(0, points)
            box.setDecimals(1)
            self.scores[name] = box
            form.addRow(_("{name} (เต็ม {points})").format(name=name, points=points), box)
            self.errors.add(f"score:{name}", box)
        self.errors.add_fields(
            {
                "vendor": self.vendor,
                "presented_on": self.presented_on,
                "offered_price": self.offered_price,
            }
        )

    def send(self) -> None:
        user, case_id = self.ctx.user, self.case_id
        values: dict[str, Any] = {
            "vendor_id": self.vendor.currentData(),
            "presented_on": self.presented_on.value(),
            "offered_price": self.offered_price.text(),
            "scores": {name: str(box.value()) for name, box in self.scores.items()},
        }
        self.save(lambda: records.add_presentation(user, case_id, **values).id)


class MilestoneDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("เพิ่มหมุดหมายของแผนงาน"), _("บันทึก"), parent)
        self.case_id = case_id
        form = self.add_form()
        self.title = QLineEdit(self)
        self.planned_on = _date(self)
        self.done_on = BEDateEdit(None, allow_empty=True, parent=self)
        form.addRow(_("ชื่อหมุดหมาย"), self.title)
        form.addRow(_("วันที่กำหนด"), self.planned_on)
        form.addRow(_("วันที่แล้วเสร็จ (ถ้ามี)"), self.done_on)
        self.errors.add_fields(
            {"title": self.title, "planned_on": self.planned_on, "done_on": self.done_on}
        )

    def send(self) -> None:
        user, case_id = self.ctx.user, self.case_id
        values = {
            "title": self.title.text(),
            "planned_on": self.planned_on.value(),
            "done_on": self.done_on.value(),
        }
        self.save(lambda: records.add_milestone(user, case_id, **values).id)


class MilestoneDoneDialog(SubmitDialog):
    def __init__(self, ctx: AppContext, row: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(ctx, _("บันทึกหมุดหมายแล้วเสร็จ"), _("บันทึก"), parent)
        self.milestone_id = int(row["id"])
        self.version = int(row["version"])
        form = self.add_form()
        self.done_on = _date(self)
        form.addRow(_("“{title}” แล้วเสร็จเมื่อ").format(title=row["title"]), self.done_on)
        self.errors.add("done_on", self.done_on)

    def send(self) -> None:
        user, milestone_id, version = self.ctx.user, self.milestone_id, self.version
        done_on = self.done_on.value()

        def work() -> int:
            row = records.Milestone.get_by_id(milestone_id)
            return records.complete_milestone(user, row, done_on, expected_version=version).id

        self.save(work)
