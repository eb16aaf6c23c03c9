"""Office-wide settings and reference data: defaults, validation, permissions, committees."""

from __future__ import annotations

import pytest

from models import office, settings
from models.errors import PermissionDenied, ValidationError
from models.org import Committee, CommitteeRole, Unit, organisation


def test_settings_default_then_stored_value(db, admin) -> None:
    assert settings.get("attachments.max_mb") == 20
    settings.put(admin, "attachments.max_mb", "35")
    assert settings.get("attachments.max_mb") == 35
    with pytest.raises(ValidationError):
        settings.put(admin, "attachments.max_mb", 0)
    with pytest.raises(ValidationError):
        settings.put(admin, "attachments.max_mb", "lots")
    with pytest.raises(ValidationError):
        settings.put(admin, "no.such.key", 1)
    assert settings.get("attachments.max_mb") == 35


def test_only_administrators_change_settings(db, make_user) -> None:
    with pytest.raises(PermissionDenied):
        settings.put(make_user("head"), "documents.thai_digits", False)
    assert settings.get("documents.thai_digits") is True


def test_organisation_details(db, admin, make_user) -> None:
    assert organisation().name == ""
    office.update_organisation(admin, name="สำนักงานทดสอบ", phone="0 2216 3955")
    assert organisation().name == "สำนักงานทดสอบ"
    with pytest.raises(ValidationError):
        office.update_organisation(admin, name="  ")
    with pytest.raises(PermissionDenied):
        office.update_organisation(make_user("staff"), name="อื่น")
    assert organisation().name == "สำนักงานทดสอบ"


def test_units_need_a_unique_name(db, make_user) -> None:
    clerk = make_user("staff")
    office.save_unit(clerk, None, name="งานพัสดุ")
    with pytest.raises(ValidationError) as dup:
        office.save_unit(clerk, None, name="งานพัสดุ")
    assert "มีรายการชื่อ" in dup.value.message
    with pytest.raises(ValidationError):
        office.save_unit(clerk, None, name="")
    assert Unit.select().count() == 1


def test_committee_members_in_signing_order(db, admin) -> None:
    committee = office.save_committee(
        admin,
        None,
        [
            {"full_name": "นายเลขา", "role": CommitteeRole.SECRETARY},
            {"full_name": "นายประธาน", "role": CommitteeRole.CHAIR},
            {"full_name": "นางกรรมการ", "role": CommitteeRole.MEMBER},
        ],
        name="คณะกรรมการตรวจรับพัสดุ",
        kind="inspection",
    )
    names = [m.full_name for m in office.committee_members(committee)]
    assert names == ["นายประธาน", "นางกรรมการ", "นายเลขา"]
    with pytest.raises(ValidationError):
        office.save_committee(
            admin,
            Committee.get_by_id(committee.id),
            [
                {"full_name": "ก", "role": CommitteeRole.CHAIR},
                {"full_name": "ข", "role": CommitteeRole.CHAIR},
            ],
            name="คณะกรรมการตรวจรับพัสดุ",
        )
    assert len(office.committee_members(Committee.get_by_id(committee.id))) == 3
