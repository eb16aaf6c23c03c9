"""Thai working days: real 2025-2027 dates, each holiday the expectation relies on checked against
the holidays package's own data, and the office's table of corrections."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import holidays
import peewee
import pytest

from models import calendar, office_days, records
from models.audit import AuditEntry
from models.calendar import CalendarImportError, OfficeDay, OfficeDayKind
from models.errors import ConflictError, PermissionDenied, ValidationError
from models.permissions import Role
from models.users import User

D = dt.date


def package(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays(
        "TH", years=year, categories=(holidays.PUBLIC, holidays.GOVERNMENT), language="en_US"
    )


# (received, working days, due, holidays the answer depends on: date -> words in the package name)
ADD_CASES: list[tuple[dt.date, int, dt.date, dict[dt.date, str]]] = [
    # The example: Songkran 13-15 April 2026 (Mon-Wed).
    (
        D(2026, 4, 10),
        2,
        D(2026, 4, 17),
        {D(2026, 4, 13): "Songkran", D(2026, 4, 14): "Songkran", D(2026, 4, 15): "Songkran"},
    ),
    # Royal Ploughing Ceremony (GOVERNMENT category only), Wednesday 13 May 2026.
    (D(2026, 5, 12), 1, D(2026, 5, 14), {D(2026, 5, 13): "Royal Ploughing"}),
    # Labour Day Fri 1 May and Coronation Day Mon 4 May 2026.
    (D(2026, 4, 30), 1, D(2026, 5, 5), {D(2026, 5, 1): "Labor", D(2026, 5, 4): "Coronation"}),
    # Substitution: Visakha Bucha on Sunday 31 May 2026, in lieu Monday 1 June.
    (D(2026, 5, 29), 1, D(2026, 6, 2), {D(2026, 6, 1): "Visakha Bucha (in lieu)"}),
    # Substitution: 5 December 2026 is a Saturday, in lieu Monday 7 December.
    (D(2026, 12, 4), 1, D(2026, 12, 8), {D(2026, 12, 7): "in lieu"}),
    # Three days in a row in July 2026: King's birthday, Asarnha Bucha, Buddhist Lent.
    (
        D(2026, 7, 27),
        1,
        D(2026, 7, 31),
        {D(2026, 7, 28): "Vajiralongkorn", D(2026, 7, 29): "Asarnha", D(2026, 7, 30): "Lent"},
    ),
    # New Year across years: 31 Dec 2026 (Thu) and 1 Jan 2027 (Fri) closed.
    (D(2026, 12, 30), 2, D(2027, 1, 5), {D(2026, 12, 31): "New Year", D(2027, 1, 1): "New Year"}),
    # New Year into 2026, with the bridge holiday on Friday 2 January 2026.
    (
        D(2025, 12, 30),
        2,
        D(2026, 1, 6),
        {D(2025, 12, 31): "New Year", D(2026, 1, 1): "New Year", D(2026, 1, 2): "Bridge"},
    ),
    # Fiscal-year edge: 30 September 2026 (FY 2569) to 1 October 2026 (FY 2570).
    (D(2026, 9, 30), 1, D(2026, 10, 1), {}),
    # King Bhumibol Memorial Day Tuesday 13 October 2026, early in FY 2570.
    (D(2026, 10, 9), 3, D(2026, 10, 15), {D(2026, 10, 13): "Bhumibol Adulyadej Memorial"}),
    # Chulalongkorn Day Friday 23 October 2026.
    (D(2026, 10, 22), 1, D(2026, 10, 26), {D(2026, 10, 23): "Chulalongkorn"}),
    # Makha Bucha Tuesday 3 March 2026.
    (D(2026, 3, 2), 1, D(2026, 3, 4), {D(2026, 3, 3): "Makha Bucha"}),
    # Received on a Saturday before Songkran: counts as received on Thursday 16 April.
    (D(2026, 4, 11), 2, D(2026, 4, 20), {D(2026, 4, 13): "Songkran"}),
    # Received on a holiday (Songkran Tuesday): same as received on the next working day.
    (D(2026, 4, 14), 0, D(2026, 4, 16), {D(2026, 4, 14): "Songkran"}),
    # An ordinary week: Monday + 3 = Thursday.
    (D(2026, 2, 2), 3, D(2026, 2, 5), {}),
]


@pytest.mark.parametrize(("received", "days", "due", "relies_on"), ADD_CASES)
def test_add_working_days_2026(
    sqlite_db: peewee.Database,
    received: dt.date,
    days: int,
    due: dt.date,
    relies_on: dict[dt.date, str],
) -> None:
    for day, words in relies_on.items():
        names = package(day.year).get(day)
        assert names is not None and words in names, f"the package no longer lists {day} {words}"
    # Every weekday strictly between receipt and due that the package does not list is a
    # working day; the package's own data decides, not a copy of it in this test.
    assert calendar.add_working_days(received, days) == due


WORKING_DAY_CASES = [
    (D(2026, 4, 13), False),  # Songkran
    (D(2026, 4, 16), True),
    (D(2026, 5, 13), False),  # Royal Ploughing (government offices close)
    (D(2026, 6, 1), False),  # in lieu of Visakha Bucha
    (D(2026, 6, 3), False),  # Queen Suthida's birthday
    (D(2026, 12, 7), False),  # in lieu of 5 December
    (D(2026, 1, 2), False),  # special bridge holiday
    (D(2026, 1, 10), False),  # Saturday (National Children's Day)
    (D(2026, 1, 16), True),  # Teachers' Day is a school holiday only
    (D(2026, 10, 1), True),
    (D(2027, 2, 22), False),  # Makha Bucha 2027 (Sunday) in lieu on Monday
]


@pytest.mark.parametrize(("day", "working"), WORKING_DAY_CASES)
def test_is_working_day(sqlite_db: peewee.Database, day: dt.date, working: bool) -> None:
    if day.weekday() < 5:
        assert (day in package(day.year)) == (not working), "expectation disagrees with the package"
    assert calendar.is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [
        (D(2026, 4, 10), D(2026, 4, 17), 2),
        (D(2026, 12, 30), D(2027, 1, 5), 2),
        (D(2026, 4, 17), D(2026, 4, 17), 0),
        (D(2026, 4, 17), D(2026, 4, 10), 0),
        (D(2026, 9, 25), D(2026, 10, 2), 5),  # across the fiscal year: Mon-Fri, no holiday
        # 260 weekdays after 1 Jan 2026, minus the 20 weekday holidays after it
        (D(2026, 1, 1), D(2026, 12, 31), 240),
    ],
)
def test_working_days_between(
    sqlite_db: peewee.Database, start: dt.date, end: dt.date, count: int
) -> None:
    assert calendar.working_days_between(start, end) == count


def test_year_count_matches_the_package(sqlite_db: peewee.Database) -> None:
    weekdays = sum(1 for n in range(365) if (D(2026, 1, 1) + dt.timedelta(n)).weekday() < 5)
    closed = sum(1 for day in package(2026) if day.weekday() < 5)
    assert calendar.working_days_between(D(2025, 12, 31), D(2026, 12, 31)) == weekdays - closed


def test_add_and_between_agree(sqlite_db: peewee.Database) -> None:
    start = D(2026, 3, 27)
    for n in range(0, 60):
        due = calendar.add_working_days(start, n)
        assert calendar.is_working_day(due)
        assert calendar.working_days_between(calendar.next_working_day(start), due) == n


def test_negative_days_refused(sqlite_db: peewee.Database) -> None:
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2026, 1, 5), -1)


# ---------------------------------------------------------------------------------------------
# The office's table


@pytest.fixture
def head(make_user: Callable[..., User]) -> User:
    return make_user(Role.HEAD)


def test_office_closed_day_moves_deadlines(db: peewee.Database, head: User) -> None:
    assert calendar.add_working_days(D(2026, 4, 10), 2) == D(2026, 4, 17)
    entry = office_days.add_office_day(head, D(2026, 4, 17), "closed", "วันหยุดพิเศษตามมติคณะรัฐมนตรี")
    assert not calendar.is_working_day(D(2026, 4, 17))
    assert calendar.add_working_days(D(2026, 4, 10), 2) == D(2026, 4, 20)
    assert calendar.holiday_name(D(2026, 4, 17)) == "วันหยุดพิเศษตามมติคณะรัฐมนตรี"
    assert AuditEntry.select().where(AuditEntry.table_name == "office_day").count() == 1
    office_days.remove_office_day(head, entry)
    assert calendar.is_working_day(D(2026, 4, 17))
    assert calendar.add_working_days(D(2026, 4, 10), 2) == D(2026, 4, 17)


def test_office_open_day_overrides_the_package(sqlite_db: peewee.Database, head: User) -> None:
    assert D(2026, 5, 1) in package(2026)
    office_days.add_office_day(head, D(2026, 5, 1), OfficeDayKind.OPEN, "ราชการไม่หยุดวันแรงงาน")
    assert calendar.is_working_day(D(2026, 5, 1))
    assert calendar.add_working_days(D(2026, 4, 30), 1) == D(2026, 5, 1)
    assert calendar.holiday_name(D(2026, 5, 1)) is None


def test_a_year_the_package_does_not_know(sqlite_db: peewee.Database, head: User) -> None:
    # The package has no Royal Ploughing date for 2027 yet: the office adds it when announced.
    assert not any("Ploughing" in name for name in package(2027).values())
    office_days.add_office_day(head, D(2027, 5, 12), "closed", "วันพืชมงคล")
    assert calendar.add_working_days(D(2027, 5, 11), 1) == D(2027, 5, 13)


@pytest.mark.parametrize(
    ("day", "kind", "name", "field"),
    [
        (D(2026, 4, 18), "closed", "วันเสาร์", "day"),  # already a weekend
        (D(2026, 4, 16), "open", "ทำงาน", "day"),  # not a holiday: nothing to override
        (D(2026, 4, 16), "closed", "  ", "name"),
        (D(2026, 4, 16), "sometimes", "ชื่อ", "kind"),
    ],
)
def test_bad_entries_are_refused(
    sqlite_db: peewee.Database, head: User, day: dt.date, kind: str, name: str, field: str
) -> None:
    with pytest.raises(ValidationError) as err:
        office_days.add_office_day(head, day, kind, name)
    assert field in err.value.errors
    assert OfficeDay.select().count() == 0


def test_duplicate_day_is_refused(sqlite_db: peewee.Database, head: User) -> None:
    office_days.add_office_day(head, D(2026, 4, 17), "closed", "หยุดพิเศษ")
    with pytest.raises(ValidationError, match="มีอยู่ในตารางวันหยุดของสำนักงานแล้ว"):
        office_days.add_office_day(head, D(2026, 4, 17), "closed", "ซ้ำ")


def test_only_managers_edit_the_table(
    sqlite_db: peewee.Database, make_user: Callable[..., User]
) -> None:
    staff = make_user(Role.STAFF)
    with pytest.raises(PermissionDenied):
        office_days.add_office_day(staff, D(2026, 4, 17), "closed", "หยุดพิเศษ")
    with pytest.raises(PermissionDenied):
        office_days.import_csv(staff, 2026, "2026-04-17,หยุด,หยุดพิเศษ\n")
    assert OfficeDay.select().count() == 0


def test_stale_removal_is_a_conflict(sqlite_db: peewee.Database, head: User) -> None:
    entry = office_days.add_office_day(head, D(2026, 4, 17), "closed", "หยุดพิเศษ")
    records.update(head, OfficeDay.get_by_id(entry.id), name="หยุดพิเศษ (แก้ไข)")
    with pytest.raises(ConflictError):
        office_days.remove_office_day(head, entry, expected_version=1)
    assert not calendar.is_working_day(D(2026, 4, 17))


def test_csv_import_replaces_the_year(sqlite_db: peewee.Database, head: User) -> None:
    office_days.add_office_day(head, D(2026, 11, 2), "closed", "รายการเดิม")
    office_days.add_office_day(head, D(2027, 1, 4), "closed", "ปีอื่น ไม่ถูกแทนที่")
    text = (
        "\ufeffdate,kind,name\n"
        "2026-04-17,หยุด,วันหยุดพิเศษ (มติ ครม.)\n"
        "๒๙/๑๒/๒๕๖๙,หยุด,วันหยุดพิเศษ สิ้นปี\n"
        "2026-05-01,ทำงาน,ไม่หยุดวันแรงงาน, ตามประกาศสำนักงาน\n"
    )
    result = office_days.import_csv(head, 2026, text)
    assert (result.added, result.removed) == (3, 1)
    assert [(e.day, e.kind) for e in calendar.office_days(2026)] == [
        (D(2026, 4, 17), "closed"),
        (D(2026, 5, 1), "open"),
        (D(2026, 12, 29), "closed"),
    ]
    assert calendar.office_days(2026)[1].name == "ไม่หยุดวันแรงงาน, ตามประกาศสำนักงาน"
    assert calendar.office_days(2027)[0].name == "ปีอื่น ไม่ถูกแทนที่"
    assert not calendar.is_working_day(D(2026, 12, 29))
    assert calendar.is_working_day(D(2026, 11, 2))
    assert calendar.is_working_day(D(2026, 5, 1))
    exported = calendar.export_csv(2026)
    assert "2026-12-29,หยุด,วันหยุดพิเศษ สิ้นปี" in exported


def test_csv_with_bad_rows_imports_nothing(sqlite_db: peewee.Database, head: User) -> None:
    office_days.add_office_day(head, D(2026, 11, 2), "closed", "รายการเดิม")
    text = (
        "date,kind,name\n"
        "2026-04-17,หยุด,ใช้ได้\n"
        "2026-13-01,หยุด,เดือนผิด\n"
        "2026-04-20,บางที,ชนิดผิด\n"
        "2027-01-04,หยุด,ผิดปี\n"
        "2026-04-17,หยุด,ซ้ำ\n"
        "2026-04-18,หยุด,วันเสาร์\n"
        "2026-04-21,หยุด\n"
    )
    with pytest.raises(CalendarImportError) as err:
        office_days.import_csv(head, 2026, text)
    lines = [(row.line, row.message) for row in err.value.rows]
    assert [line for line, _ in lines] == [3, 4, 5, 6, 7, 8]
    assert "2026-13-01" in lines[0][1]
    assert "บางที" in lines[1][1]
    assert "พ.ศ. 2569" in lines[2][1]
    assert "บรรทัดที่ 2" in lines[3][1]
    assert "ยังไม่นำเข้าข้อมูลใด ๆ" in err.value.message
    assert [e.name for e in calendar.office_days(2026)] == ["รายการเดิม"]
    assert calendar.is_working_day(D(2026, 4, 17))


def test_empty_csv_is_refused(sqlite_db: peewee.Database, head: User) -> None:
    with pytest.raises(CalendarImportError, match="ไม่พบรายการ"):
        office_days.import_csv(head, 2026, "date,kind,name\n\n")


def test_change_by_another_workstation_is_seen(
    sql_db: peewee.Database, head: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert calendar.is_working_day(D(2026, 4, 17))
    # Another workstation adds a day: its rows and the revision change, our cache does not know.
    OfficeDay.create(day=D(2026, 4, 17), kind="closed", name="เพิ่มจากอีกเครื่อง")
    calendar.CalendarRevision.update(revision=calendar.CalendarRevision.revision + 1).execute()
    if calendar.CalendarRevision.select().count() == 0:
        calendar.CalendarRevision.create(revision=1)
    monkeypatch.setattr(calendar, "REFRESH_SECONDS", 3600.0)
    assert calendar.is_working_day(D(2026, 4, 17)), "within the interval the cache is used"
    monkeypatch.setattr(calendar, "REFRESH_SECONDS", 0.0)
    assert not calendar.is_working_day(D(2026, 4, 17)), "after the interval the change is seen"


def test_year_days_lists_package_and_office(sqlite_db: peewee.Database, head: User) -> None:
    office_days.add_office_day(head, D(2026, 5, 1), "open", "ทำงานวันแรงงาน")
    office_days.add_office_day(head, D(2026, 4, 17), "closed", "หยุดพิเศษ")
    days = {d.day: d for d in calendar.year_days(2026)}
    assert days[D(2026, 4, 13)].source == "package" and days[D(2026, 4, 13)].closed
    assert days[D(2026, 5, 1)].source == "office" and not days[D(2026, 5, 1)].closed
    assert days[D(2026, 5, 1)].package_name is not None
    assert days[D(2026, 4, 17)].closed and days[D(2026, 4, 17)].office_id is not None


def test_package_holidays_import_only_thailand_and_match_the_whole_package() -> None:
    """The Thai module is imported alone (the package's 250 countries cost ~0.15 s at every
    start) and gives exactly what the package's own ``country_holidays`` gives."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import json, sys\n"
        "from models import calendar\n"
        "out = {f'{y}-{lang}': {d.isoformat(): n for d, n in "
        "calendar.package_holidays(y, lang).items()} for y in (2025, 2026, 2027) "
        "for lang in ('th', 'en_US')}\n"
        "out['others'] = sorted(m for m in sys.modules if m.startswith('holidays.countries.')"
        " and m != 'holidays.countries.thailand')\n"
        "out['shells_left'] = [m for m in ('holidays', 'holidays.countries') if m in sys.modules]\n"
        "print(json.dumps(out))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout)
    assert found.pop("others") == []
    assert found.pop("shells_left") == []
    for year in (2025, 2026, 2027):
        for lang in ("th", "en_US"):
            whole = holidays.country_holidays(
                "TH", years=year, categories=(holidays.PUBLIC, holidays.GOVERNMENT), language=lang
            )
            assert found[f"{year}-{lang}"] == {d.isoformat(): n for d, n in whole.items()}
            assert len(whole) > 15
