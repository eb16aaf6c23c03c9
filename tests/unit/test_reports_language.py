"""Official documents are Thai whatever language the window speaks: every document kind made through
the domain under ``--lang en`` reads back in Thai, and the language switch is per thread (a document
rendered in a worker leaves the window's thread in English)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator

import peewee
import pytest

from models import engine, registers
from models.demo import seed_demo
from models.engine import Case
from models.i18n import _, current_language, document_language, set_language
from models.support import documents as support_documents
from models.support.assets import Asset
from models.support.loans import Loan
from models.users import User
from tests.unit.reports_helpers import pdftotext, squash

START, END = dt.date(2025, 10, 1), dt.date(2026, 9, 30)


@pytest.fixture
def demo_office(sqlite_db: peewee.Database) -> Iterator[User]:
    seed_demo(today=dt.date(2026, 8, 14))
    yield User.get(User.username == "somchai")


def _documents(actor: User) -> dict[str, Callable[[], bytes]]:
    """Every kind of document the window prints, made the way the window makes it."""
    case = next(
        c
        for c in Case.select().where(Case.process == "data_request").order_by(Case.id)
        if len(engine.printable_documents(actor, c.id)) == 2
    )
    loan = Loan.select().where(Loan.returned_on.is_null(False)).order_by(Loan.id).first()
    assets = [a.id for a in Asset.select().order_by(Asset.id).limit(3)]
    docs: dict[str, Callable[[], bytes]] = {
        "publication report": lambda: engine.print_period_report(
            actor, "publication", "report_memo", START, END
        )[0],
        "data-request report": lambda: engine.print_period_report(
            actor, "data_request", "report_memo", START, END
        )[0],
        "cover note": lambda: engine.print_document(actor, case.id, "cover_note")[0],
        "letter": lambda: engine.print_document(actor, case.id, "letter")[0],
        "maintenance report": lambda: support_documents.maintenance_report(actor, START, END)[0],
        "hand-over slip": lambda: support_documents.handover_slip(actor, loan.id)[0],
        "return slip": lambda: support_documents.return_slip(actor, loan.id)[0],
        "labels": lambda: support_documents.asset_labels(actor, assets)[0],
    }
    for definition in registers.all_registers():
        docs[f"register {definition.name}"] = lambda name=definition.name: (
            registers.render_register(name, START, END)
        )
    return docs


# Thai text each document must carry (its English translation must not appear)
EXPECTED = {
    "publication report": ["รายงานผลการเผยแพร่ข้อมูลสารสนเทศบนเว็บไซต์สำนักงาน", "ความเห็นของ หน.ภทส."],
    "data-request report": ["ไม่อนุเคราะห์", "จึงเรียนมาเพื่อโปรดทราบ", "ผลการพิจารณา"],
    "cover note": ["ความเห็นของ หน.ภทส.", "จึงเรียนมาเพื่อโปรดพิจารณา"],
    "letter": ["ส่งข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก", "จึงเรียนมาเพื่อโปรดทราบ"],
    "maintenance report": ["ผลการดำเนินงานเทียบกับแผน", "ความเห็นของ หน.ภทส."],
    "hand-over slip": ["ใบส่งมอบเครื่องคอมพิวเตอร์ทดแทน (ยืมใช้งาน)", "ผู้รับมอบ (ผู้ยืม)"],
    "return slip": ["ใบรับคืนเครื่องคอมพิวเตอร์ทดแทน", "สภาพเมื่อรับคืน"],
}


def test_documents_are_thai_under_an_english_window(demo_office: User) -> None:
    set_language("en")
    assert _("ความเห็นของ หน.ภทส.") != "ความเห็นของ หน.ภทส."  # the window speaks English
    docs = _documents(demo_office)
    assert len(docs) >= 12
    for name, make in docs.items():
        text = pdftotext(make())
        flat = squash(text)
        expected = list(EXPECTED.get(name, []))
        if name.startswith("register "):
            definition = registers.get_register(name.removeprefix("register "))
            with document_language():
                expected.append(_(definition.title))
            expected += ["ระหว่างวันที่", "พิมพ์เมื่อ"]
        if name == "labels":
            expected.append("สมศ.")
        for thai in expected:
            assert squash(thai) in flat, (name, thai)
            english = _(thai)
            if english != thai:
                assert squash(english) not in flat, (name, english)
    # the window's own language is untouched
    assert current_language() == "en"
    assert _("ความเห็นของ หน.ภทส.") != "ความเห็นของ หน.ภทส."


def test_refusals_stay_in_the_window_language(demo_office: User) -> None:
    """Checks run before the switch: a refusal is a message for the user, in the window's
    language; only the document's own text is Thai."""
    set_language("en")
    from models.errors import ValidationError

    with pytest.raises(ValidationError) as refused:
        support_documents.maintenance_report(demo_office, END, START)
    assert refused.value.args[0] == _("วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด")
    assert refused.value.args[0] != "วันที่เริ่มต้องไม่อยู่หลังวันที่สิ้นสุด"


def test_document_language_is_per_thread() -> None:
    set_language("en")
    inside = threading.Event()
    release = threading.Event()
    seen: dict[str, str] = {}

    def worker() -> None:
        with document_language():
            seen["worker"] = _("ยกเลิก")
            seen["worker language"] = current_language()
            inside.set()
            release.wait(5)
        seen["after"] = _("ยกเลิก")

    thread = threading.Thread(target=worker)
    thread.start()
    assert inside.wait(5)
    # while the worker makes a Thai document, the window's thread keeps English
    assert current_language() == "en"
    assert _("ยกเลิก") != "ยกเลิก"
    release.set()
    thread.join(5)
    assert seen["worker"] == "ยกเลิก" and seen["worker language"] == "th"
    assert seen["after"] == _("ยกเลิก")
    # nested blocks restore the outer language
    with document_language():
        with document_language("en"):
            assert current_language() == "en"
        assert current_language() == "th"
    assert current_language() == "en"
