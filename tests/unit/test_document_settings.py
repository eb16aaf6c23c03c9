"""The office's documents take their ending setting and creation date from the models side:
``documents.lines_with_signature`` and ``models.clock`` (issue 12, part 1, items 3 and 7)."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber

from models import clock, settings
from models.engine import reporting as rep
from reports.memo import Paragraph


def test_memos_carry_the_setting_and_the_clock(sqlite_db, admin) -> None:
    moment = dt.datetime(2026, 11, 23, 9, 30, 0)
    clock.set_clock(lambda: moment)
    try:
        settings.put(admin, "documents.lines_with_signature", 3)
        memo = rep.office_memo(
            subject="ทดสอบ",
            recipient="ผู้อำนวยการ",
            body=[Paragraph("จึงเรียนมาเพื่อโปรดทราบ")],
            signer=rep.Person("นายทดสอบ ระบบ", "นักวิชาการคอมพิวเตอร์"),
        )
        assert memo.lines_with_signature == 3
        assert memo.created == moment
        info = pdfplumber.open(io.BytesIO(rep.render_document(memo))).metadata
        assert info["CreationDate"].startswith("D:20261123093000")
        assert info["Author"] == "นายทดสอบ ระบบ" and info["Title"] == "ทดสอบ"
    finally:
        clock.set_clock(None)


def test_printing_an_emoji_gives_a_thai_message(sqlite_db) -> None:
    import pytest

    from models.errors import ValidationError

    memo = rep.office_memo(
        subject="ขอบคุณ 😀",
        recipient="ผู้อำนวยการ",
        body=[Paragraph("จึงเรียนมาเพื่อโปรดทราบ")],
        signer=rep.Person("นายทดสอบ ระบบ", "นักวิชาการคอมพิวเตอร์"),
    )
    with pytest.raises(ValidationError, match="อีโมจิ"):
        rep.render_document(memo)
