"""Property tests: hostile text and numbers fed to the domain functions that take what people type
(forms), paste (filters) or import (files). Each call ends in success or a ``DomainError`` with a
Thai message; never another exception (a raw driver error, InvalidOperation, UnicodeEncodeError...).
SQLite on every run; the same properties on PostgreSQL and MariaDB with fewer examples."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import numbering, office, users, words
from models.engine import CaseFilter, list_cases
from models.permissions import Role
from models.support import asset_io, assets, tickets
from models.support.assets import AssetFilter
from tests.hostile import NUMBER, TEXT, VALUE, refused_or_done
from tests.support_office import build

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
_serial = itertools.count(1)


@pytest.fixture
def office_(db):
    return build()


def _no_crash(fn: Any) -> None:
    problem = refused_or_done(fn)
    assert problem is None, repr(problem)


@FUZZ
@given(
    name=TEXT,
    number=TEXT,
    brand=TEXT,
    notes=TEXT,
    price=NUMBER,
    seats=NUMBER,
    year=NUMBER,
    acquired=VALUE,
    kind=st.sampled_from(["hardware", "software", "x"]),
    category=NUMBER,
)
def test_save_asset(
    office_, name, number, brand, notes, price, seats, year, acquired, kind, category
) -> None:
    values = {
        "kind": kind,
        "number": number,
        "name": name,
        "brand": brand,
        "notes": notes,
        "price": price,
        "seats": seats,
        "budget_year": year,
        "acquired_on": acquired,
        "category": category,
        "location": notes,
    }
    _no_crash(lambda: assets.save_asset(office_.staff, None, values))
    existing = office_.pcs[0]
    _no_crash(
        lambda: assets.save_asset(
            office_.staff, assets.get_asset(existing.id), {"notes": notes, "price": price}
        )
    )


@FUZZ
@given(
    title=TEXT,
    paperless=TEXT,
    requester=TEXT,
    description=TEXT,
    unit=NUMBER,
    asset=NUMBER,
    received=VALUE,
    phone=TEXT,
)
def test_open_ticket(
    office_, title, paperless, requester, description, unit, asset, received, phone
) -> None:
    values = {
        "title": title,
        "paperless_no": paperless,
        "requester_name": requester,
        "description": description,
        "unit": unit,
        "asset": asset,
        "received_on": received,
        "requester_phone": phone,
        "category": office_.categories[3].id,
    }
    _no_crash(lambda: tickets.open_ticket(office_.staff, **values))


@FUZZ
@given(
    name=TEXT,
    short=TEXT,
    category=TEXT,
    word=TEXT,
    note=TEXT,
    prefix=TEXT,
    pattern=TEXT,
    subject=TEXT,
)
def test_reference_data_and_numbers(
    office_, name, short, category, word, note, prefix, pattern, subject
) -> None:
    head = office_.head
    _no_crash(lambda: office.save_unit(head, None, name=name, short_name=short))
    _no_crash(lambda: office.save_vendor(head, None, name=name))
    _no_crash(lambda: assets.save_category(head, None, name=category, kind="hardware"))
    _no_crash(lambda: tickets.save_category(head, None, name=category, days=1))
    _no_crash(lambda: words.add_word(head, word, note))
    _no_crash(
        lambda: numbering.save_series(
            users.User.get_by_id(1), "memo", prefix=prefix, pattern=pattern
        )
    )
    _no_crash(lambda: numbering.take_number(head, "memo", subject=subject))


@FUZZ
@given(
    username=TEXT, full_name=TEXT, password=TEXT, phone=TEXT, role=st.sampled_from(["staff", "x"])
)
def test_accounts_and_login(office_, username, full_name, password, phone, role) -> None:
    boss = users.create_user(None, f"boss{next(_serial)}", "ผู้ดูแล", Role.ADMIN, "password123")
    _no_crash(lambda: users.create_user(boss, username, full_name, role, password, phone=phone))
    _no_crash(lambda: users.authenticate(username, password))
    _no_crash(
        lambda: users.update_user(office_.staff, office_.staff, full_name=full_name, phone=phone)
    )
    _no_crash(lambda: users.change_own_password(office_.staff, password, password + "x"))


@FUZZ
@given(text=TEXT)
def test_free_text_filters(office_, text) -> None:
    _no_crash(lambda: assets.asset_page(AssetFilter(text=text, location=text)))
    _no_crash(lambda: assets.search_assets(text))
    _no_crash(lambda: list_cases(office_.viewer, None, CaseFilter(text=text)))
    _no_crash(
        lambda: tickets.ticket_page(
            office_.viewer, tickets.TicketFilter(case=CaseFilter(text=text))
        )
    )


@FUZZ
@given(
    rows=st.lists(st.lists(st.one_of(TEXT, NUMBER.map(str)), min_size=1, max_size=6), max_size=4),
    raw=st.binary(max_size=300),
    encoding=st.sampled_from(["utf-8", "cp874", "latin-1", "utf-16"]),
)
def test_import_files(office_, tmp_path_factory, rows, raw, encoding) -> None:
    folder: Path = tmp_path_factory.mktemp("import")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["เลขครุภัณฑ์", "ชื่อครุภัณฑ์", "ราคา", "วันที่ได้มา", "จำนวนสิทธิ์ใช้งาน", "หมายเหตุ"])
    writer.writerows(rows)
    files = [folder / "rows.csv", folder / "raw.csv", folder / "raw.xlsx"]
    files[0].write_bytes(
        out.getvalue().encode(
            encoding, "surrogatepass" if encoding.startswith("utf") else "replace"
        )
    )
    files[1].write_bytes(raw)
    files[2].write_bytes(b"PK\x03\x04" + raw)

    def run(path: Path) -> None:
        table = asset_io.open_source(path)
        mapping = asset_io.guess_mapping(table)
        asset_io.preview_import(table, mapping)
        asset_io.run_import(office_.staff, table, mapping, valid_only=True)

    for path in files:
        _no_crash(lambda path=path: run(path))


@FUZZ
@given(
    name=TEXT,
    position=TEXT,
    purpose=TEXT,
    condition=TEXT,
    reason=TEXT,
    comment=TEXT,
    unit=NUMBER,
    due=VALUE,
)
def test_loans_waivers_and_moves(
    office_, name, position, purpose, condition, reason, comment, unit, due
) -> None:
    from models import engine
    from models.support import loans

    ticket = office_.open()
    spare = office_.spares[0]
    _no_crash(
        lambda: loans.lend(
            office_.staff,
            spare.id,
            borrower_name=name,
            due_back=due,
            borrower_unit=unit,
            borrower_position=position,
            purpose=purpose,
            condition_out=condition,
        )
    )
    _no_crash(lambda: tickets.waive_loaner(office_.head, ticket.id, reason))
    case = engine.get_case(ticket.case_id)
    for action in engine.available_actions(office_.head, case)[:2]:
        _no_crash(
            lambda action=action: engine.act(
                office_.head, case.id, action.key, comment=comment, data={"estimate_days": unit}
            )
        )


@pytest.fixture
def process_office(db):
    import datetime as dt

    from models import clock
    from models.engine import get_process
    from tests.process_office import make_office

    clock.set_clock(lambda: dt.datetime(2026, 6, 2, 10))
    assert (
        get_process("data_request").key == "data_request"
    )  # refusals must not be "no such process"
    return make_office()


@FUZZ
@given(
    title=TEXT,
    organisation=TEXT,
    email=TEXT,
    address=TEXT,
    purpose=TEXT,
    paperless=TEXT,
    received=VALUE,
    delivery=st.sampled_from(["email", "post", "x"]),
)
def test_data_request_registration(
    process_office, title, organisation, email, address, purpose, paperless, received, delivery
) -> None:
    """Process 3 through the engine: every field kind of a registration form."""
    from models.engine import open_case

    data = {
        "title": title,
        "organisation": organisation,
        "parent_body": organisation,
        "addressee": title,
        "contact_name": organisation,
        "contact_phone": paperless,
        "contact_email": email,
        "address": address,
        "delivery_method": delivery,
        "paperless_no": paperless,
        "paperless_date": received,
        "received_on": received,
        "purpose": purpose,
        "scope": purpose,
    }
    _no_crash(lambda: open_case(process_office["somchai"], "data_request", data))
