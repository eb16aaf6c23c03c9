"""Ambiguous commits: the connection dies right after the commit, so the ticket is saved but the
workstation gets an error. The user presses ลงทะเบียน again: with the form's request key, the
ticket saved the first time comes back and no second one is registered."""

from __future__ import annotations

import uuid

import peewee
import pytest

from models.db import database
from models.engine import Case
from models.errors import ValidationError
from tests.support_office import build


def _lose_the_answer_after_the_next_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    db = database.obj
    real = db.commit
    state = {"armed": True}

    def commit() -> None:
        real()
        if state["armed"]:
            state["armed"] = False
            raise peewee.OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(db, "commit", commit)


def test_retry_after_a_lost_commit_returns_the_same_ticket(db, monkeypatch) -> None:
    office = build()
    key = uuid.uuid4().hex
    before = Case.select().count()
    _lose_the_answer_after_the_next_commit(monkeypatch)
    with pytest.raises(peewee.OperationalError):
        office.open(request_key=key)
    assert Case.select().count() == before + 1  # saved, though the workstation was told otherwise
    again = office.open(request_key=key)  # the user retries the same form
    assert Case.select().count() == before + 1
    saved = Case.get(Case.request_key == key)
    assert again.case_id == saved.id
    other = office.open(request_key=uuid.uuid4().hex)  # a new form is a new ticket
    assert other.case_id != saved.id and Case.select().count() == before + 2


def test_without_a_key_every_registration_is_new_and_keys_are_checked(db) -> None:
    office = build()
    first, second = office.open(), office.open()
    assert first.case_id != second.case_id
    with pytest.raises(ValidationError):
        office.open(request_key="x")
