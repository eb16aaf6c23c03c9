"""The demo office: people in both groups, units, signatories, committees; clearly marked."""

from __future__ import annotations

import pytest

from models import demo
from models.errors import ValidationError
from models.org import Committee, Signatory, Unit, WorkGroup, organisation
from models.permissions import Role
from models.users import User, authenticate


def test_demo_office(sql_db) -> None:
    logins = demo.seed_demo()
    assert organisation().is_demo and demo.is_demo_database()
    assert User.select().where(User.role == Role.STAFF).count() >= 9
    assert User.select().where(User.role == Role.HEAD).count() == 1
    assert User.select().where(User.role == Role.GROUP_HEAD).count() == 2
    assert {g.code for g in WorkGroup.select()} == {"support", "evaluation"}
    assert Unit.select().count() == 30
    assert Signatory.select().count() >= 2
    # the core's three; the processes' demos add their projects' own (``case_id`` set)
    assert Committee.select().where(Committee.case_id.is_null(True)).count() == 3
    assert all(c.members.count() == 3 for c in Committee.select())
    assert {login.username for login in logins} >= {"admin", "head", "support_head", "eval_head"}
    assert authenticate("head", demo.DEMO_PASSWORD).role == Role.HEAD


def test_demo_refuses_a_database_with_data(sqlite_db, admin) -> None:
    with pytest.raises(ValidationError):
        demo.seed_demo()
    assert Unit.select().count() == 0
