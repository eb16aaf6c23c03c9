"""The outgoing document register (ทะเบียนหนังสือส่ง): a numbered letter printed from a case is
kept with its number, date, subject, recipient, signer and PDF; opening it gives the same bytes;
a signed copy replaces it; printed as a register and exported to .xlsx."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import peewee
import pytest

from models import engine, registers
from models.data_request.process import DataRequest
from models.engine import act
from models.errors import ValidationError
from models.outgoing import register as outgoing
from reports.signing.pades import load_pkcs12, sign_pdf
from tests.backends import EVERY_BACKEND
from tests.process_office import Office, make_office, pdf_table_rows, pdf_text, squash
from tests.unit.signing.test_signature_images import D, _case_checked, at
from tests.unit.signing.testca import make_ca, make_user


@pytest.fixture
def office(sql_db: peewee.Database) -> Iterator[Office]:
    yield make_office()


def _sent(office: Office) -> engine.Case:
    somchai = office["somchai"]
    case = _case_checked(office)
    case = act(
        somchai, case, "signed", data={"signatory": office.deputy.id, "approved_on": D(2026, 6, 4)}
    )
    at(D(2026, 6, 5))
    return act(somchai, case, "sent", data={"sent_on": D(2026, 6, 5), "sent_method": "email"})


@EVERY_BACKEND
def test_a_numbered_letter_is_kept_and_opens_byte_for_byte(office: Office, tmp_path: Path) -> None:
    somchai, viewer = office["somchai"], office["viewer"]
    case = _case_checked(office)
    engine.print_document(somchai, case.id, "letter")  # a draft: no number yet
    assert outgoing.kept_documents(None, None) == []
    case = _sent(office)
    letter_no = DataRequest.get(DataRequest.case == case.id).letter_no
    (issued,) = outgoing.register_rows(None, None)
    assert issued["number"] == letter_no and issued["sha256"] == "ยังไม่ได้เก็บไฟล์"
    pdf, name = engine.print_document(somchai, case.id, "letter")
    (row,) = outgoing.kept_documents(None, None)
    assert [r["number"] for r in outgoing.register_rows(None, None)] == [letter_no]
    assert (row.number, row.doc_date, row.kind) == (letter_no, D(2026, 6, 5), "letter")
    assert row.subject == "ส่งข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก"
    assert row.recipient == "อธิการบดีมหาวิทยาลัยราชภัฏนครปฐม"
    assert row.signers == "รองศาสตราจารย์ ดร.มาลินี ศรีสุข"
    assert row.sha256 == hashlib.sha256(pdf).hexdigest() and row.size == len(pdf)
    kept, kept_name = outgoing.open_document(viewer, row.id)
    assert kept == pdf and kept_name == name

    # printing it again keeps one entry
    again, _name = engine.print_document(somchai, case.id, "letter")
    assert again == pdf, "the same document prints as the same bytes"
    assert len(outgoing.kept_documents(None, None)) == 1

    # a digitally signed copy replaces the kept PDF
    ca = make_ca()
    p12, _cert, _key = make_user(ca, "นางมาลินี ศรีสุข", "pw")
    signed = sign_pdf(pdf, load_pkcs12(p12, "pw"), when=dt.datetime(2026, 6, 5, 11))
    assert outgoing.keep_signed(somchai, signed, ["นางมาลินี ศรีสุข"]) is not None
    assert outgoing.keep_signed(somchai, b"%PDF-1.7 other", []) is None
    kept, _name = outgoing.open_document(viewer, row.id)
    assert kept == signed
    engine.print_document(somchai, case.id, "letter")
    assert outgoing.open_document(viewer, row.id)[0] == signed, "a reprint keeps the signed copy"

    # a kept file changed behind the app's back is refused
    outgoing.OutgoingDocument.update(pdf=signed[:-1] + b"X").where(
        outgoing.OutgoingDocument.id == row.id
    ).execute()
    with pytest.raises(ValidationError, match="SHA-256"):
        outgoing.open_document(viewer, row.id)

    # printable and exported
    assert "outgoing" in [d.name for d in registers.all_registers()]
    printed = registers.render_register("outgoing", D(2026, 6, 1), D(2026, 6, 30))
    text = squash(pdf_text(printed))
    assert squash("ทะเบียนหนังสือส่ง") in text and "(ลงนามดิจิทัล)" in text
    rows = [r for r in pdf_table_rows(printed) if r and r[0] in ("1", "๑")]
    assert len(rows) == 1 and rows[0][3] == "ส่งข้อมูลสารสนเทศด้านการประเมินคุณภาพภายนอก"
    path = outgoing.export_xlsx(viewer, tmp_path / "outgoing.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert values[0][1] == letter_no and values[0][6] == "ใช่"
    assert values[0][8] == hashlib.sha256(signed).hexdigest()
    empty = registers.render_register("outgoing", D(2025, 1, 1), D(2025, 1, 31))
    assert squash("ทะเบียนหนังสือส่ง") in squash(pdf_text(empty))


def test_a_document_without_a_number_is_not_kept(office: Office) -> None:
    with pytest.raises(ValidationError, match="ยังไม่มีเลขที่"):
        outgoing.keep(
            office["somchai"],
            number=" ",
            date=D(2026, 6, 5),
            subject="ทดสอบ",
            recipient="",
            signers=[],
            pdf=b"%PDF",
            file_name="x.pdf",
        )
    assert not outgoing.is_numbered("สมศ/") and outgoing.is_numbered("สมศ/1")
