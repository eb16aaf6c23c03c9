"""Reminders (issue 13, point 9): a person's cases due today or overdue, and the daily e-mail
digest delivered to a local SMTP server (aiosmtpd) started by the test."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.header import decode_header, make_header
from typing import Any

import peewee
import pytest
from aiosmtpd.controller import Controller

from models import clock, records, reminders, settings
from models.engine import open_case
from tests.process_office import Office, make_office
from tests.unit.publication.test_publications import FILES, registration


def at(day: dt.date) -> None:
    moment = dt.datetime.combine(day, dt.time(9))
    clock.set_clock(lambda: moment)


@pytest.fixture
def office(sql_db: peewee.Database) -> Iterator[Office]:
    at(dt.date(2026, 4, 10))
    yield make_office()


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    with socket.socket() as probe:  # a free port (aiosmtpd checks the one it is given)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_due_today_then_overdue(office: Office) -> None:
    somchai = office["somchai"]
    case = open_case(somchai, "publication", registration(office), FILES)  # due 17 April
    assert reminders.my_reminders(somchai) == []
    at(dt.date(2026, 4, 17))
    due = reminders.my_reminders(somchai)
    assert [(r.case.id, r.overdue) for r in due] == [(case.id, False)]
    assert due[0].text().endswith("ครบกำหนดวันนี้")
    at(dt.date(2026, 4, 20))
    late = reminders.my_reminders(somchai)
    assert [(r.case.id, r.overdue) for r in late] == [(case.id, True)]
    assert (
        reminders.my_reminders(office["suda"] if "suda" in office.users else office["head"]) == []
    )


def test_daily_digest_by_email(office: Office, smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    somchai = office["somchai"]
    records.update(None, somchai, email="somchai@example.go.th")
    case = open_case(somchai, "publication", registration(office), FILES)
    at(dt.date(2026, 4, 20))
    assert reminders.send_digests() == 0  # off until the office turns it on
    for key, value in {
        "reminders.digest": True,
        "reminders.smtp_host": "127.0.0.1",
        "reminders.smtp_port": port,
        "reminders.sender": "ictdesk@example.go.th",
    }.items():
        settings.put(None, key, value)
    assert reminders.send_digests() == 1
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == "somchai@example.go.th"
    assert message["From"] == "ictdesk@example.go.th"
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject.startswith("ICT Desk: งานที่ถึงกำหนด 1 เรื่อง")
    body = message.get_payload(decode=True).decode(message.get_content_charset())
    assert case.number in body and "เกินกำหนด" in body
