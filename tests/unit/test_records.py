"""Versioned writes: conflicts are refused with who and when; every write is in the audit log."""

from __future__ import annotations

import json

import peewee
import pytest

from models import audit, clock, records
from models.audit import AuditEntry
from models.errors import ConflictError
from models.org import Unit


def test_insert_update_delete_are_audited_with_before_and_after(db, admin, make_user) -> None:
    unit = records.create(admin, Unit, name="งานพัสดุ", phone="1200")
    records.update(admin, unit, phone="1201")
    records.delete(admin, unit)

    entries = audit.history("unit", unit.id)
    assert [e.action for e in entries] == ["insert", "update", "delete"]
    assert all(e.user_id == admin.id and e.user_name == admin.full_name for e in entries)
    inserted, updated, deleted = (e for e in entries)
    assert json.loads(inserted.after)["name"] == "งานพัสดุ"
    assert inserted.before is None
    assert json.loads(updated.before) == {"phone": "1200", "version": 1}
    assert json.loads(updated.after) == {"phone": "1201", "version": 2}
    assert json.loads(deleted.before)["phone"] == "1201"


def test_stale_update_is_refused_with_who_and_when(db, admin, make_user) -> None:
    clerk = make_user("staff", full_name="นางสาวสุดา รักษ์ไทย")
    mine = records.create(admin, Unit, name="งานบัญชี", phone="1100")
    theirs = Unit.get_by_id(mine.id)  # another workstation reads the same record

    records.update(clerk, theirs, phone="1111")
    with pytest.raises(ConflictError) as info:
        records.update(admin, mine, phone="1999")  # still holds version 1

    error = info.value
    assert error.changed_by == "นางสาวสุดา รักษ์ไทย"
    assert "นางสาวสุดา รักษ์ไทย" in error.message and "ข้อมูลที่ท่านกรอกยังอยู่ครบ" in error.message
    assert error.current is not None and error.current["phone"] == "1111"
    stored = Unit.get_by_id(mine.id)
    assert (stored.phone, stored.version) == ("1111", 2)  # nothing of the stale save landed
    # The caller re-applies the user's input over the current version: it succeeds.
    records.update(admin, stored, phone="1999")
    assert Unit.get_by_id(mine.id).phone == "1999"


def test_update_of_a_deleted_record_says_who_deleted_it(db, admin, make_user) -> None:
    other = make_user("head", full_name="นางกาญจนา ทองดี")
    unit = records.create(admin, Unit, name="งานนิติการ")
    records.delete(other, Unit.get_by_id(unit.id))
    with pytest.raises(ConflictError) as info:
        records.update(admin, unit, phone="9")
    assert info.value.current is None
    assert "นางกาญจนา ทองดี" in info.value.message


def test_stale_delete_is_refused(db, admin) -> None:
    unit = records.create(admin, Unit, name="งานสารบรรณ")
    records.update(admin, Unit.get_by_id(unit.id), phone="2")
    with pytest.raises(ConflictError):
        records.delete(admin, unit)
    assert Unit.get_or_none(Unit.id == unit.id) is not None


def test_failed_write_leaves_no_audit_row(db, admin) -> None:
    records.create(admin, Unit, name="งานพัสดุ")
    before = AuditEntry.select().count()
    with pytest.raises(peewee.IntegrityError):
        records.create(admin, Unit, name="งานพัสดุ")  # unique name
    assert AuditEntry.select().count() == before


def test_modified_at_comes_from_the_clock(db, admin) -> None:
    import datetime as dt

    moment = dt.datetime(2026, 11, 23, 9, 30)
    clock.set_clock(lambda: moment)
    unit = records.create(admin, Unit, name="งานยานพาหนะ")
    assert Unit.get_by_id(unit.id).modified_at == moment


def test_audit_log_is_append_only_in_the_app_and_in_the_database(db, admin) -> None:
    records.create(admin, Unit, name="งานอาคารสถานที่")
    entry = AuditEntry.select().first()
    entry.note = "แก้ไข"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete_instance()
    with pytest.raises(peewee.DatabaseError), db.atomic():
        AuditEntry.update(note="x").execute()  # bypasses the model: the trigger refuses
    with pytest.raises(peewee.DatabaseError), db.atomic():
        AuditEntry.delete().execute()
    assert AuditEntry.select().where(AuditEntry.note == "x").count() == 0
