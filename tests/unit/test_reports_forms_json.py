"""Forms read back, ``render memo|letter`` from JSON (errors name the key, nothing is written),
the font choice, the Thai formats, and the ReportLab internals the engine relies on."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from desktop.cli import main
from reports import fonts, thaifmt
from reports.errors import DocumentInputError
from reports.forms import (
    CHAIR,
    SECRETARY,
    Attendee,
    CommitteeSigner,
    FormDocument,
    SignatureLine,
    SignInSheet,
    render_form,
    render_sign_in_sheet,
)
from reports.jsondocs import render_json_file
from tests.unit.reports_helpers import pages, pdftotext, png, squash

MEMO = {
    "department": "ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร โทร. 1234",
    "number": "ภทส. 12/2569",
    "date": "2026-11-23",
    "subject": "รายงานผลการเผยแพร่ข้อมูลบนเว็บไซต์",
    "recipient": "ผู้อำนวยการสำนักสนับสนุนการปฏิบัติงาน",
    "paragraphs": [
        "ภทส. ได้เผยแพร่ข้อมูลบนเว็บไซต์ตามคำขอ จำนวน 25 รายการ",
        {
            "columns": [
                {"title": "ลำดับ", "align": "center", "weight": 0.5},
                {"title": "รายการ", "weight": 4},
            ],
            "rows": [["1", "ประกาศรับสมัครงาน"]],
        },
    ],
    "signer_name": "นายสมชาย ใจดี",
    "signer_position": "นักวิชาการคอมพิวเตอร์",
}
LETTER = {
    "number": "ศธ 0201/123",
    "agency": "สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา",
    "address": "ถนนพหลโยธิน กรุงเทพมหานคร 10900",
    "date": "2026-11-23",
    "subject": "ขอความอนุเคราะห์ข้อมูล",
    "recipient": "ผู้อำนวยการสำนักงานสถิติแห่งชาติ",
    "references": ["หนังสือที่ สสช 0301/45"],
    "enclosures": ["แบบฟอร์ม จำนวน 1 ชุด"],
    "paragraphs": ["ตามหนังสือที่อ้างถึง", "จึงเรียนมาเพื่อโปรดพิจารณา"],
    "signer_name": "นายวิชัย ประเสริฐวงศ์",
    "signer_position": "ผู้อำนวยการ",
    "contact": {"unit": "ภทส.", "phone": "0 2216 3955", "email": "ict@example.go.th"},
    "thai_digits": False,
}


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_render_memo_from_json_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sig.png").write_bytes(png(90, 30))
    source = _write(tmp_path, {**MEMO, "signature_image": "sig.png"})
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "memo.pdf"
    assert main(["render", "memo", "--input", str(source), "--output", str(out)]) == 0
    text = pdftotext(out.read_bytes())
    assert "รายงานผลการเผยแพร่ข้อมูลบนเว็บไซต์" in text
    assert "๒๓ พฤศจิกายน ๒๕๖๙" in text
    assert "ประกาศรับสมัครงาน" in text
    assert len(pages(out.read_bytes())[0].images) == 1
    assert str(out) in capsys.readouterr().out


def test_render_letter_from_json(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    render_json_file("letter", _write(tmp_path, LETTER), out)
    flat = squash(pdftotext(out.read_bytes()))
    for part in ("ที่ศธ0201/123", "อ้างถึงหนังสือที่สสช0301/45", "23พฤศจิกายน2569", "ict@example.go.th"):
        assert part in flat


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"colour": "red"}, "colour"),
        ({"subject": 5}, "subject"),
        ({"paragraphs": "ข้อความ"}, "paragraphs"),
        ({"paragraphs": [3]}, "paragraphs[0]"),
        ({"thai_digits": "yes"}, "thai_digits"),
        ({"date": "23/11/2569"}, "date"),
        ({"opinions": [{"heading": "ความเห็น", "lines": "สาม"}]}, "opinions[0].lines"),
        ({"signature_image": "missing.png"}, "signature_image"),
        (
            {"paragraphs": [{"columns": [{"title": "ก"}], "rows": [["1", "2"]]}]},
            "paragraphs[0].rows[0]",
        ),
    ],
)
def test_bad_memo_json_names_the_key_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict[str, object], key: str
) -> None:
    source = _write(tmp_path, {**MEMO, **change})
    out = tmp_path / "memo.pdf"
    with pytest.raises(DocumentInputError) as caught:
        render_json_file("memo", source, out)
    assert caught.value.key == key
    assert f"“{key}" in caught.value.message
    assert not out.exists()
    assert main(["render", "memo", "--input", str(source), "--output", str(out)]) == 1
    assert key in capsys.readouterr().err
    assert not out.exists()


def test_missing_key_unreadable_file_and_bad_json(tmp_path: Path) -> None:
    data = dict(MEMO)
    del data["recipient"]
    with pytest.raises(DocumentInputError, match="ขาดคีย์ “recipient”"):
        render_json_file("memo", _write(tmp_path, data), tmp_path / "x.pdf")
    with pytest.raises(DocumentInputError, match="ไม่พบไฟล์"):
        render_json_file("memo", tmp_path / "none.json", tmp_path / "x.pdf")
    broken = tmp_path / "broken.json"
    broken.write_text('{"number": ', encoding="utf-8")
    with pytest.raises(DocumentInputError, match="บรรทัด 1"):
        render_json_file("memo", broken, tmp_path / "x.pdf")
    with pytest.raises(DocumentInputError, match=r"contact\.unit"):
        render_json_file(
            "letter", _write(tmp_path, {**LETTER, "contact": {"phone": "1"}}), tmp_path / "x.pdf"
        )


def test_sign_in_sheet_and_hand_over_form() -> None:
    sheet = SignInSheet(
        "ใบลงชื่อเข้าร่วมการอบรม",
        "การใช้งานระบบสารบรรณอิเล็กทรอนิกส์",
        dt.date(2026, 12, 3),
        "ห้องประชุม 1",
        [Attendee("นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์")],
        blank_rows=5,
    )
    pdf = render_sign_in_sheet(sheet)
    [table] = pages(pdf)[0].extract_tables()
    assert [squash(c or "") for c in table[0]] == [
        "ลำดับ",
        "ชื่อ-สกุล",
        "ตำแหน่ง/หน่วยงาน",
        "ลายมือชื่อ",
        "หมายเหตุ",
    ]
    assert len(table) == 1 + 1 + 5
    assert squash(table[1][1] or "") == "นายสมชายใจดี"
    assert [squash(row[0] or "") for row in table[2:]] == ["๒", "๓", "๔", "๕", "๖"]
    assert "๓ ธันวาคม ๒๕๖๙" in pdftotext(pdf)

    form = FormDocument(
        "ใบส่งมอบเครื่องคอมพิวเตอร์ยืมใช้งาน",
        fields=[("หมายเลขครุภัณฑ์", "7440-001-0001"), ("ผู้ยืม", "นางสาวสุดา รักษ์ไทย")],
        signatures=[SignatureLine("ผู้ส่งมอบ", "นายอนันต์ บุญมา"), SignatureLine("ผู้รับมอบ")],
        committee=[CommitteeSigner("นายก ข", CHAIR), CommitteeSigner("นายค ง", SECRETARY)],
    )
    flat = squash(pdftotext(render_form(form)))
    for part in (
        "หมายเลขครุภัณฑ์๗๔๔๐-๐๐๑-๐๐๐๑",
        "ผู้ส่งมอบ",
        "(นายอนันต์บุญมา)",
        "ผู้รับมอบ",
        "ประธานกรรมการ",
        "กรรมการและเลขานุการ",
    ):
        assert part in flat


def test_th_sarabun_is_preferred_when_installed(tmp_path: Path) -> None:
    bundled = fonts.bundled_font_files()
    shutil.copy(bundled["regular"], tmp_path / "THSarabunNew.ttf")
    shutil.copy(bundled["bold"], tmp_path / "THSarabunNew Bold.ttf")
    try:
        fonts.set_font_dirs([tmp_path])
        assert fonts.font_family() == "TH Sarabun New"
        files = fonts.font_files()
        assert files["regular"].name == "THSarabunNew.ttf"
        assert files["bold"].name == "THSarabunNew Bold.ttf"
        assert (
            files["italic"] == files["regular"]
        )  # no italic installed: upright of the same weight
        assert fonts.doc_font("bold").path == tmp_path / "THSarabunNew Bold.ttf"
        fonts.set_prefer_system_font(False)
        assert fonts.font_family() == "Laksaman"
        assert fonts.font_files() == bundled
    finally:
        fonts.set_prefer_system_font(True)
        fonts.set_font_dirs([tmp_path / "nothing-here"])
        fonts.set_font_dirs(None)
    assert set(fonts.font_files()) == {"regular", "bold", "italic", "bold-italic"}
    assert all(path.is_file() for path in bundled.values())
    assert (bundled["regular"].parent / "README.md").is_file()


def test_thai_formats() -> None:
    assert thaifmt.baht_text(1_000_000) == "หนึ่งล้านบาทถ้วน"
    assert thaifmt.baht_text(Decimal("21.50")) == "ยี่สิบเอ็ดบาทห้าสิบสตางค์"
    assert thaifmt.baht_text(101) == "หนึ่งร้อยเอ็ดบาทถ้วน"
    assert thaifmt.baht_text(11) == "สิบเอ็ดบาทถ้วน"
    assert thaifmt.baht_text("0.25") == "ยี่สิบห้าสตางค์"
    assert thaifmt.baht_text(25_000_000) == "ยี่สิบห้าล้านบาทถ้วน"
    assert thaifmt.date_long(dt.date(2026, 11, 23)) == "๒๓ พฤศจิกายน ๒๕๖๙"
    assert thaifmt.date_long(dt.date(2026, 11, 23), thai=False) == "23 พฤศจิกายน 2569"
    assert thaifmt.number(1234567.5, decimals=2, thai=True) == "๑,๒๓๔,๕๖๗.๕๐"
    assert thaifmt.fiscal_year(dt.date(2026, 10, 1)) == 2570
    assert thaifmt.fiscal_year(dt.date(2026, 9, 30)) == 2569
    assert thaifmt.parse_be_date("๒๓/๑๑/๒๕๖๙") == dt.date(2026, 11, 23)
    with pytest.raises(ValueError):
        thaifmt.parse_be_date("23/11/2026")


def test_reportlab_internals_the_engine_relies_on() -> None:
    """reports/shaping.py and page.py use these ReportLab internals (pinned 5.1.*)."""
    assert reportlab.Version.startswith("5.1.")
    font = fonts.doc_font("regular")
    assert isinstance(font.ttf, TTFont) and font.ttf.shapable
    assert pdfmetrics.getFont(font.name) is font.ttf
    assert SUBSETN(0) == b"AAAAAA"
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(None)
    [(subset, data)] = font.ttf.splitString("ก", canvas._doc)
    assert subset == 0 and len(data) == 1
    assert font.ttf.state[canvas._doc].subsets[0][data[0]] == ord("ก")
    assert font.ttf.getSubsetInternalName(0, canvas._doc).startswith("/F")
    assert isinstance(canvas._code, list) and isinstance(canvas._formsinuse, list)
    assert hasattr(canvas._doc, "idToObject")
    assert "charToGlyph" in vars(font.ttf.face) and "charWidths" in vars(font.ttf.face)
