"""The registration form makes its request key once, when it opens: pressing ลงทะเบียน again after
a lost answer (the connection died right after the commit) gives back the ticket saved the first
time; the next form registers a new one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import peewee
import pytest

from desktop import worker
from models.engine import Case
from tests import support_office
from tests.gui.desk import context, patch_dialogs
from views.support.tab import SupportTab


@pytest.fixture
def office(sqlite_db: peewee.Database) -> Iterator[support_office.SupportOffice]:
    yield support_office.build()


def _values(office: support_office.SupportOffice) -> dict[str, Any]:
    return {
        "title": "เมาส์ใช้งานไม่ได้",
        "paperless_no": "พด 0105/400",
        "paperless_date": support_office.START,
        "received_on": support_office.START,
        "doc_kind": "memo",
        "unit": office.unit.id,
        "requester_name": "นายสมศักดิ์ ใจดี",
        "category": office.categories[3].id,
        "description": "คลิกไม่ได้",
    }


def test_one_key_per_opened_form(qtbot: Any, monkeypatch, office) -> None:
    forms, _printed = patch_dialogs(monkeypatch)
    tab = SupportTab(context(office.staff))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: worker.running_count() == 0, timeout=15_000)

    def open_form() -> Any:
        before = len(forms)
        tab.tickets.register_case()
        qtbot.waitUntil(lambda: len(forms) == before + 1, timeout=15_000)
        return forms[-1]

    before = Case.select().count()
    first = open_form()
    saved = first.submit(_values(office), [], "")
    retried = first.submit(_values(office), [], "")  # the same form, pressed again
    assert retried == saved and Case.select().count() == before + 1
    second = open_form()
    assert second.submit(_values(office), [], "") != saved
    assert Case.select().count() == before + 2
