"""First proof that the data layer opens, migrates and writes on every backend."""

from models import numbering, records
from models.org import Unit
from models.users import User, authenticate


def test_migrate_create_and_login(db, admin):
    unit = records.create(admin, Unit, name="งานพัสดุ")
    assert Unit.get_by_id(unit.id).name == "งานพัสดุ"
    assert authenticate("admin", "password123").id == admin.id
    number = numbering.take_number(admin, "outgoing_letter")
    assert number.formatted == "สมศ/1"
    assert User.select().count() == 1
