"""Contract installments remind the people whose project it is: due within the reminder days,
then late with the penalty so far; in the tray (``my_notices``) and in the daily digest."""

from __future__ import annotations

import peewee

from models import reminders
from tests.unit.development.dev_office import D, at, make_dev_office, outsourced_to_contract


def test_installments_due_and_late_remind_the_responsible_staff(sqlite_db: peewee.Database) -> None:
    o = make_dev_office()
    outsourced_to_contract(o)  # installment 1 due 29 January 2027, assigned to somchai
    at(D(2027, 1, 10))
    assert reminders.my_notices(o["somchai"]) == []  # 19 days ahead: beyond the 14-day setting
    at(D(2027, 1, 20))
    (due,) = reminders.my_notices(o["somchai"])
    assert not due.overdue and "งวดที่ 1 ครบกำหนดส่งมอบในอีก 9 วัน" in due.text()
    assert reminders.my_notices(o["suda"]) == []  # not her project
    at(D(2027, 2, 3))
    (late,) = reminders.my_notices(o["somchai"])
    assert late.overdue and late.key != due.key
    assert "ส่งมอบล่าช้า 5 วัน ค่าปรับถึงวันนี้ 1,725.00 บาท" in late.text()  # 0.10 % × 345,000 × 5
    subject_body = reminders.digest(o["somchai"])
    assert subject_body is not None and "ส่งมอบล่าช้า 5 วัน" in subject_body[1]
