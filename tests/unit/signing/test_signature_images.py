"""Signature images: each user's own, cleaned to a transparent PNG, placed only by their owner
on the block of the step they did in the app, with that step's date; nobody else (administrators
and the system included) can put it on a document. Tested through the domain functions."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pdfplumber
import peewee
import pytest
from PIL import Image

from models import clock, engine
from models.data_request.process import KEY
from models.engine import NewFile, act, open_case
from models.errors import NotFound, PermissionDenied, ValidationError
from models.signing import images, placement
from reports.signing.images import prepare_signature
from reports.thaifmt import thai_digits as t
from tests.backends import EVERY_BACKEND
from tests.process_office import Office, make_office, pdf_text, squash
from tests.unit.signing.images_for_tests import scanned_jpeg, transparent_png

D = dt.date


def at(day: dt.date, hour: int = 10) -> None:
    moment = dt.datetime.combine(day, dt.time(hour))
    clock.set_clock(lambda: moment)


@pytest.fixture
def office(sql_db: peewee.Database) -> Iterator[Office]:
    yield make_office()


def _alpha(png: bytes) -> tuple[int, int]:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.mode == "RGBA"
    histogram = image.getchannel("A").histogram()
    return histogram[0], sum(histogram[200:])  # fully transparent, (nearly) opaque pixels


def test_a_scan_is_cleaned_to_a_transparent_background() -> None:
    clear, ink = _alpha(prepare_signature(scanned_jpeg()))
    assert clear > 5 * ink > 0, "the grey paper and its grain became transparent, the ink stayed"
    png = prepare_signature(transparent_png())
    clear, ink = _alpha(png)
    assert clear > 0 and ink > 0
    with pytest.raises(ValueError, match="PNG หรือ JPEG"):
        prepare_signature(b"GIF89a not a signature")
    blank = io.BytesIO()
    Image.new("RGB", (50, 50), (255, 255, 255)).save(blank, format="PNG")
    with pytest.raises(ValueError, match="ไม่พบลายเส้น"):
        prepare_signature(blank.getvalue())


def _case_checked(office: Office) -> engine.Case:
    somchai, head = office["somchai"], office["head"]
    at(D(2026, 6, 2))
    case = open_case(
        somchai,
        KEY,
        {
            "title": "ขอความอนุเคราะห์ข้อมูล",
            "organisation": "มหาวิทยาลัยราชภัฏนครปฐม",
            "parent_body": "สป.อว.",
            "addressee": "อธิการบดีมหาวิทยาลัยราชภัฏนครปฐม",
            "contact_email": "research@npru.example.ac.th",
            "delivery_method": "email",
            "paperless_no": "อว 0619/1234",
            "paperless_date": D(2026, 6, 1),
            "received_on": D(2026, 6, 2),
            "purpose": "ใช้ประกอบการวิจัย",
            "scope": "ผลการประเมินรอบสี่",
        },
    )
    criteria = {"c_rules": True, "c_purpose": True, "c_scope": True, "c_owner": True}
    case = act(
        head, case, "eligible", comment="ดำเนินการได้", data={**criteria, "assignee": somchai.id}
    )
    case = act(
        somchai,
        case,
        "done",
        data={"data_description": "ตารางผลการประเมินรอบสี่"},
        files=[NewFile("data_files", "ผลประเมิน.xlsx", b"PK\x03\x04")],
    )
    at(D(2026, 6, 4))  # the head checks two days later: the opinion block carries 4 June
    return act(head, case, "approve")


def _images_on_page(pdf: bytes) -> list[dict[str, float]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return list(doc.pages[0].images)


def _word_top(pdf: bytes, text: str) -> float:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for line in doc.pages[0].extract_text_lines():
            if text in squash(line["text"]):
                return float(line["top"])
    raise AssertionError(text)


@EVERY_BACKEND
def test_only_the_owner_places_their_signature_where_they_signed(office: Office) -> None:
    somchai, head, admin, suda = (
        office["somchai"],
        office["head"],
        office["sysadmin"],
        office["suda"],
    )
    case = _case_checked(office)
    # Each user uploads their own; there is no way to upload for someone else.
    images.upload_signature(somchai, transparent_png(), "ลายเซ็น.png")
    images.upload_signature(head, scanned_jpeg(), "scan.jpg")
    images.upload_signature(admin, transparent_png((0, 0, 0)), "admin.png")
    assert images.own_signature(somchai) != images.own_signature(head)
    with pytest.raises(PermissionDenied):
        images.upload_signature(None, transparent_png())

    states = {s.slot.key: s for s in placement.slots_for(somchai, case, "cover_note")}
    assert states["signer"].signer_id == somchai.id and states["signer"].can_place
    assert states["opinion1"].signer_id == head.id and not states["opinion1"].can_place
    assert states["opinion1"].signed_on == D(2026, 6, 4)

    # Nobody else can put somchai's or the head's image on the document: not the head, not
    # another staff member, not the administrator, not the system.
    for actor, slot in (
        (head, "signer"),
        (admin, "signer"),
        (suda, "signer"),
        (somchai, "opinion1"),
        (admin, "opinion1"),
    ):
        with pytest.raises(PermissionDenied, match="ผู้อื่นวางแทนไม่ได้"):
            placement.place_signature(actor, case, "cover_note", slot)
    with pytest.raises(PermissionDenied):
        placement.place_signature(None, case, "cover_note", "signer")
    with pytest.raises(NotFound):
        placement.place_signature(somchai, case, "cover_note", "opinion9")
    with pytest.raises(NotFound):
        placement.place_signature(somchai, case, "letter", "signer")
    pdf, _name = engine.print_document(somchai, case.id, "cover_note")
    assert _images_on_page(pdf) == [], "nothing placed yet: no image printed"

    placement.place_signature(somchai, case, "cover_note", "signer")
    pdf, _name = engine.print_document(head, case.id, "cover_note")
    (image,) = _images_on_page(pdf)
    name_top = _word_top(pdf, "(นายสมชายใจดี)")
    assert image["bottom"] <= name_top + 2 and image["x0"] > 250, "above the signer's name"
    assert squash(t("วันที่ 4 มิถุนายน 2569")) not in squash(pdf_text(pdf))

    placement.place_signature(head, case, "cover_note", "opinion1")
    pdf, _name = engine.print_document(somchai, case.id, "cover_note")
    assert len(_images_on_page(pdf)) == 2
    text = squash(pdf_text(pdf))
    assert squash("(นางสาวพรทิพย์ วงศ์สุวรรณ)") in text
    assert squash(t("วันที่ 4 มิถุนายน 2569")) in text, "the head's block carries the check's date"

    # Only the owner takes it off again.
    with pytest.raises(PermissionDenied):
        placement.withdraw_signature(admin, case, "cover_note", "opinion1")
    with pytest.raises(PermissionDenied):
        placement.withdraw_signature(somchai, case, "cover_note", "opinion1")
    placement.withdraw_signature(head, case, "cover_note", "opinion1")
    pdf, _name = engine.print_document(somchai, case.id, "cover_note")
    assert len(_images_on_page(pdf)) == 1


def test_a_redone_step_needs_placing_again(office: Office) -> None:
    somchai, head = office["somchai"], office["head"]
    case = _case_checked(office)
    images.upload_signature(somchai, transparent_png())
    placement.place_signature(somchai, case, "cover_note", "signer")
    case = act(somchai, case, "send_back", comment="รองผู้อำนวยการให้แก้ไข")
    case = act(somchai, case, "done", data={"data_description": "ตารางผลการประเมิน ฉบับแก้ไข"})
    pdf, _name = engine.print_document(head, case.id, "cover_note")
    assert _images_on_page(pdf) == [], "the signature stood for the first version only"
    (signer, _opinion) = placement.slots_for(somchai, case, "cover_note")
    assert signer.can_place and not signer.placed
    placement.place_signature(somchai, case, "cover_note", "signer")  # replaces the old one
    pdf, _name = engine.print_document(head, case.id, "cover_note")
    assert len(_images_on_page(pdf)) == 1
    assert placement.SignaturePlacement.select().count() == 1


def test_no_image_no_placement_and_removal(office: Office) -> None:
    somchai = office["somchai"]
    case = _case_checked(office)
    with pytest.raises(ValidationError, match="ยังไม่มีภาพลายมือชื่อ"):
        placement.place_signature(somchai, case, "cover_note", "signer")
    images.upload_signature(somchai, transparent_png())
    images.remove_signature(somchai)
    assert images.own_signature(somchai) is None
    with pytest.raises(ValidationError) as err:
        images.upload_signature(somchai, b"not an image")
    assert "signature" in err.value.errors
