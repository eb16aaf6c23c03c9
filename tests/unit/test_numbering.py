"""Running document numbers: patterns, yearly restart, and no repeats."""

from __future__ import annotations

import datetime as dt

import pytest

from models import numbering
from models.errors import PermissionDenied, ValidationError
from models.numbering import IssuedNumber


def test_numbers_run_per_kind_and_restart_each_year(db, admin) -> None:
    numbering.save_series(admin, "outgoing_letter", prefix="ศธ 0201", pattern="{prefix}/{number}")
    dec = dt.date(2026, 12, 30)
    first = numbering.take_number(admin, "outgoing_letter", on=dec, subject="ขอข้อมูล")
    second = numbering.take_number(admin, "outgoing_letter", on=dec)
    memo = numbering.take_number(admin, "memo", on=dec)
    next_year = numbering.take_number(admin, "outgoing_letter", on=dt.date(2027, 1, 4))
    assert [first.formatted, second.formatted] == ["ศธ 0201/1", "ศธ 0201/2"]
    assert memo.formatted == "ภทส/1"
    assert (next_year.year, next_year.formatted) == (2570, "ศธ 0201/1")
    assert first.subject == "ขอข้อมูล" and first.issued_by == admin.id


def test_patterns_with_year_circular_mark_and_padding(db, admin) -> None:
    numbering.save_series(
        admin,
        "circular",
        label="หนังสือเวียน",
        prefix="สมศ",
        pattern="{prefix}/ว {number}/{year}",
        width=3,
    )
    taken = numbering.take_number(admin, "circular", on=dt.date(2026, 11, 23))
    assert taken.formatted == "สมศ/ว 001/2569"


def test_fiscal_year_reset(db, admin) -> None:
    numbering.save_series(
        admin,
        "case",
        label="เลขที่เรื่อง",
        prefix="WEB",
        pattern="{prefix}-{fy}-{number}",
        reset="fiscal_year",
    )
    sept = numbering.take_number(admin, "case", on=dt.date(2026, 9, 30))
    octo = numbering.take_number(admin, "case", on=dt.date(2026, 10, 1))
    assert (sept.formatted, octo.formatted) == ("WEB-2569-1", "WEB-2570-1")


@pytest.mark.parametrize("pattern", ["{prefix}", "{prefix}/{nummer}", "{prefix/{number}"])
def test_bad_patterns_are_refused(db, admin, pattern: str) -> None:
    with pytest.raises(ValidationError):
        numbering.save_series(admin, "memo", pattern=pattern)
    assert numbering.series("memo").pattern == "{prefix}/{number}"


def test_unknown_kind_and_roles(db, admin, make_user) -> None:
    with pytest.raises(ValidationError):
        numbering.take_number(admin, "no_such_kind")
    viewer = make_user("viewer")
    with pytest.raises(PermissionDenied):
        numbering.take_number(viewer, "memo")
    with pytest.raises(PermissionDenied):
        numbering.save_series(make_user("staff"), "memo", prefix="X")
    assert IssuedNumber.select().count() == 0
