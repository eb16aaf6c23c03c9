"""Signed documents in the window: my signature page (upload, see, remove; kept in the database),
signing and verifying in the print preview (wrong password: nothing changes; keyring), trusted
certificates in settings, and opening a kept outgoing document."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from models.outgoing import register
from models.signing import images
from reports.memo import Memo, OpinionBlock, Paragraph
from tests.unit.signing.images_for_tests import scanned_jpeg
from tests.unit.signing.testca import make_ca, make_user
from views.signing.outgoing import OutgoingPage
from views.signing.own_signature import OwnSignaturePage
from views.signing.trust import TrustPage
from views.widgets import pdf_preview
from views.widgets.digital_signing import KEYRING_SERVICE
from views.widgets.pdf_preview import PdfPreviewDialog

pytestmark = pytest.mark.gui


def test_my_signature_page(ctx: AppContext, qtbot: Any, tmp_path: Path, message_boxes: Any) -> None:
    page = OwnSignaturePage(ctx)
    qtbot.addWidget(page)
    assert page.preview.text() == "ยังไม่มีภาพลายมือชื่อ" and not page.remove_button.isEnabled()
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not an image")
    assert not page.upload_file(bad)
    assert "PNG หรือ JPEG" in message_boxes.shown[-1].text
    scan = tmp_path / "scan.jpg"
    scan.write_bytes(scanned_jpeg())
    assert page.upload_file(scan)
    assert not page.preview.pixmap().isNull() and page.remove_button.isEnabled()
    again = OwnSignaturePage(ctx)  # as after a restart: read from the database
    qtbot.addWidget(again)
    assert not again.preview.pixmap().isNull()
    message_boxes.answer = "ตกลง"
    page.remove()
    assert images.own_signature(ctx.user) is None and page.preview.text()


def _memo_pdf() -> bytes:
    from models.engine.reporting import render_document

    return render_document(
        Memo(
            department="ภทส. โทร. 1234",
            number="ภทส. 045/2569",
            date=dt.date(2026, 11, 23),
            subject="ขอความเห็นชอบ",
            recipient="ผู้อำนวยการ",
            body=[Paragraph("ข้อความ")],
            signer_name="นายสมชาย ใจดี",
            signer_position="นักวิชาการคอมพิวเตอร์",
            opinions=[OpinionBlock("ความเห็นของ หน.ภทส.")],
        )
    )


def test_sign_and_verify_in_the_preview(
    ctx: AppContext, qtbot: Any, tmp_path: Path, message_boxes: Any
) -> None:
    ca = make_ca()
    p12, _cert, _key = make_user(ca, "ผู้ดูแลระบบ", "pass-1")
    owner = QWidget()
    owner.ctx = ctx  # type: ignore[attr-defined]  # what the main window carries
    qtbot.addWidget(owner)
    pdf = _memo_pdf()
    register.keep(
        ctx.user,
        number="ภทส. 045/2569",
        date=dt.date(2026, 11, 23),
        subject="ขอความเห็นชอบ",
        recipient="ผู้อำนวยการ",
        signers=["นายสมชาย ใจดี"],
        pdf=pdf,
        file_name="memo.pdf",
    )
    dialog = PdfPreviewDialog(owner, pdf, "บันทึกข้อความ", "memo.pdf")
    qtbot.addWidget(dialog)
    assert dialog.sign_button.isEnabled()
    assert dialog.verification()[0] == "เอกสารนี้ไม่มีลายมือชื่อดิจิทัล"

    assert not dialog.sign_with(p12, "wrong", None, remember=True)
    assert "รหัสผ่านไม่ถูกต้อง" in message_boxes.shown[-1].text
    assert dialog.pdf == pdf, "a wrong password changes nothing"
    assert keyring.get_password(KEYRING_SERVICE, f"{ctx.user.username}:x") is None

    assert dialog.sign_with(p12, "pass-1", "signer", remember=True)
    assert dialog.pdf != pdf and dialog.pdf.startswith(pdf) and dialog.page_count == 1
    stored = [
        v for (service, _k), v in keyring.get_keyring().store.items() if service == KEYRING_SERVICE
    ]  # type: ignore[attr-defined]
    assert stored == ["pass-1"], "kept in the keyring as chosen"
    headline, details = dialog.verification()
    assert headline == "มีลายมือชื่อดิจิทัลที่ไม่ผ่านการตรวจสอบ"
    assert "ใบรับรองไม่ได้ออกโดยหน่วยงานที่สำนักงานเชื่อถือ" in details

    trust_page = TrustPage(ctx)
    qtbot.addWidget(trust_page)
    (tmp_path / "ca.pem").write_bytes(ca.pem)
    assert trust_page.add_file(tmp_path / "ca.pem") and trust_page.table.rowCount() == 1
    assert trust_page.add_file(tmp_path / "ca.pem") and trust_page.table.rowCount() == 1
    headline, details = dialog.verification()
    assert headline.startswith("ลายมือชื่อดิจิทัลทั้ง 1 รายการถูกต้อง")
    assert "ผู้ดูแลระบบ (ออกโดย ICT Desk Test CA)" in details

    # the kept outgoing document is now the signed copy, opened byte for byte
    shown: list[bytes] = []
    page = OutgoingPage(ctx)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 1 and page.table.item(0, 5).text() == "ใช่"
    original = pdf_preview.show_pdf_preview
    pdf_preview.show_pdf_preview = lambda _p, data, _t, _n: shown.append(data)  # type: ignore[assignment]
    try:
        page.table.setCurrentCell(0, 0)
        page.open_selected()
    finally:
        pdf_preview.show_pdf_preview = original  # type: ignore[assignment]
    assert shown == [dialog.pdf]
    assert (
        page.export_to(tmp_path / "outgoing.xlsx") and (tmp_path / "outgoing.xlsx").stat().st_size
    )


def test_the_register_from_the_file_menu(ctx: AppContext, qtbot: Any) -> None:
    from views.signing.outgoing import OutgoingDialog

    register.keep(
        ctx.user,
        number="สมศ/7",
        date=dt.date(2026, 11, 23),
        subject="ส่งข้อมูล",
        recipient="อธิการบดี",
        signers=["นางมาลินี ศรีสุข"],
        pdf=b"%PDF-1.4 kept",
        file_name="letter.pdf",
    )
    dialog = OutgoingDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.page.table.rowCount() == 1
    assert dialog.page.table.item(0, 0).text() == "สมศ/7"


def test_the_sign_dialog_takes_a_kept_password(qtbot: Any, tmp_path: Path) -> None:
    from views.widgets.digital_signing import SignDialog, store_password

    p12 = tmp_path / "me.p12"
    p12.write_bytes(b"pkcs12 bytes")
    asked = SignDialog("somchai", ["signer", "opinion1"])
    qtbot.addWidget(asked)
    asked.p12_edit.setText(str(p12))
    asked.fill_stored_password()
    assert asked.password_edit.text() == "" and not asked.remember_box.isChecked()
    assert [asked.field_box.itemData(i) for i in range(asked.field_box.count())] == [
        "signer",
        "opinion1",
        "",
    ]
    assert asked.field_box.itemText(1) == "ความเห็นของ หน.ภทส."
    assert store_password("somchai", p12.read_bytes(), "kept-1")
    asked.fill_stored_password()
    assert asked.password_edit.text() == "kept-1" and asked.remember_box.isChecked()
    assert asked.chosen_field() == "signer"
    asked.field_box.setCurrentIndex(2)
    assert asked.chosen_field() is None
    other = SignDialog("suda", [])
    qtbot.addWidget(other)
    other.p12_edit.setText(str(p12))
    other.fill_stored_password()
    assert other.password_edit.text() == "", "kept per user"


def test_the_timestamp_server_is_a_setting(ctx: AppContext, qtbot: Any, message_boxes: Any) -> None:
    from models.signing import trust

    page = TrustPage(ctx)
    qtbot.addWidget(page)
    assert page.tsa_edit.text() == ""
    page.tsa_edit.setText("  https://tsa.example.go.th/tsa ")
    page.save_timestamp_url()
    assert trust.timestamp_url() == "https://tsa.example.go.th/tsa"
    again = TrustPage(ctx)
    qtbot.addWidget(again)
    assert again.tsa_edit.text() == "https://tsa.example.go.th/tsa"
