"""``render`` on hostile input (issue 12 part 1 item 5, issue 15 item 8): every malformed input gets
a Thai message and exit code 1, within seconds, and nothing is written; never a traceback, never
a hang. In-process, through the function the command line calls (``render_json_file``)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from reports.errors import DocumentInputError
from reports.jsondocs import render_json_file
from tests.unit.reports_helpers import pages, pdftotext, png, squash

CORPUS = Path(__file__).resolve().parents[1] / "data" / "render_corpus"
THAI = re.compile("[\u0e01-\u0e5b]")

MEMO = {
    "department": "ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร โทร. 1234",
    "number": "ภทส. 045/2569",
    "date": "2026-11-23",
    "subject": "ขอความเห็นชอบจัดซื้อเครื่องคอมพิวเตอร์แม่ข่าย",
    "recipient": "ผู้อำนวยการสำนักสนับสนุนการปฏิบัติงาน",
    "paragraphs": ["ด้วยภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร", "จึงเรียนมาเพื่อโปรดพิจารณา"],
    "signer_name": "นายสมชาย ใจดี",
    "signer_position": "นักวิชาการคอมพิวเตอร์",
}
LETTER = {
    "number": "ศธ 0201/123",
    "agency": "สำนักงานทดสอบ",
    "address": "ถนนพหลโยธิน เขตจตุจักร กทม. 10900",
    "date": "2026-11-23",
    "subject": "ขอความอนุเคราะห์ข้อมูล",
    "recipient": "ผู้อำนวยการสำนักงานสถิติแห่งชาติ",
    "references": ["หนังสือที่ สสช 0301/45"],
    "enclosures": ["แบบฟอร์ม จำนวน 1 ชุด"],
    "paragraphs": ["ตามหนังสือที่อ้างถึง", "จึงเรียนมาเพื่อโปรดพิจารณา"],
    "signer_name": "นายวิชัย ประเสริฐวงศ์",
    "signer_position": "ผู้อำนวยการ",
    "contact": {"unit": "ภทส.", "phone": "0 2216 3955", "email": "ict@example.go.th"},
}


def refused(kind: str, source: Path, out: Path) -> DocumentInputError:
    existed = out.exists()
    with pytest.raises(DocumentInputError) as caught:
        render_json_file(kind, source, out)
    assert THAI.search(caught.value.message), caught.value.message
    assert out.exists() == existed  # nothing written
    return caught.value


def write(tmp_path: Path, data: object, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.json"))


def test_the_corpus_is_there() -> None:
    assert len(CORPUS_FILES) >= 30


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_malformed_input_gets_a_thai_message(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.pdf"
    refused("memo", CORPUS / name, out)
    assert main(["render", "memo", "--input", str(CORPUS / name), "--output", str(out)]) == 1
    assert THAI.search(capsys.readouterr().err)
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("subject_2000_chars.json", "subject"),
        ("department_5000_chars.json", "department"),
        ("nul_in_subject.json", "subject"),
        ("lone_surrogate_escaped.json", "subject"),
        ("control_character.json", "recipient"),
        ("emoji.json", "subject"),
        ("table_tall_row.json", "paragraphs[0].rows[0]"),
        ("huge_number.json", "opinions[0].lines"),
        ("table_font_size_zero.json", "paragraphs[0].font_size"),
    ],
)
def test_the_message_names_the_key(name: str, key: str, tmp_path: Path) -> None:
    error = refused("memo", CORPUS / name, tmp_path / "out.pdf")
    assert error.key == key and f"“{key}" in error.message


def test_windows_874_is_recognised(tmp_path: Path) -> None:
    error = refused("memo", CORPUS / "windows_874.json", tmp_path / "out.pdf")
    assert "UTF-8" in error.message and "Windows-874" in error.message


def test_numbers_the_document_cannot_use(tmp_path: Path) -> None:
    for name in ("nan.json", "infinity.json", "huge_float.json", "int_5000_digits.json"):
        error = refused("memo", CORPUS / name, tmp_path / "out.pdf")
        assert "NaN" in error.message or "ใหญ่เกิน" in error.message, error.message
    assert "ลึก" in refused("memo", CORPUS / "nested_1000_deep.json", tmp_path / "o.pdf").message


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    source = write(tmp_path, MEMO)
    before = source.read_bytes()
    error = refused("memo", source, source)
    assert error.key == "output" and source.read_bytes() == before
    (tmp_path / "sub").mkdir()
    refused("memo", source, tmp_path / "sub" / ".." / "in.json")
    assert source.read_bytes() == before


def test_a_missing_output_folder_is_an_error(tmp_path: Path) -> None:
    error = refused("memo", write(tmp_path, MEMO), tmp_path / "none" / "out.pdf")
    assert error.key == "output" and not (tmp_path / "none").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_images_must_be_regular_files_under_a_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    (tmp_path / "folder.png").mkdir()
    big = tmp_path / "big.png"
    with open(big, "wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    for image in (str(fifo), "/dev/zero", "folder.png", str(big), "/dev/null"):
        source = write(tmp_path, {**MEMO, "signature_image": image})
        error = refused("memo", source, tmp_path / "out.pdf")
        assert error.key == "signature_image", (image, error.message)
    output_fifo = tmp_path / "out-pipe.pdf"
    os.mkfifo(output_fifo)
    assert refused("memo", write(tmp_path, MEMO), output_fifo).key == "output"


def test_a_good_input_still_renders(tmp_path: Path) -> None:
    (tmp_path / "sig.png").write_bytes(png(90, 30))
    out = tmp_path / "ok.pdf"
    long_body = "ด้วยภารกิจเทคโนโลยีสารสนเทศและการสื่อสารได้รับมอบหมาย " * 300  # several pages
    render_json_file(
        "memo",
        write(tmp_path, {**MEMO, "signature_image": "sig.png", "paragraphs": [long_body]}),
        out,
    )
    assert len(pages(out.read_bytes())) >= 3
    render_json_file("letter", write(tmp_path, LETTER, "letter.json"), tmp_path / "l.pdf")
    assert squash("ict@example.go.th") in squash(pdftotext((tmp_path / "l.pdf").read_bytes()))


@pytest.mark.parametrize("kind", ["memo", "letter"])
def test_every_text_field_at_5000_characters(kind: str, tmp_path: Path) -> None:
    """Each overlong field gets a message naming it, or prints (flowing over pages): never
    ReportLab's LayoutError."""
    base = MEMO if kind == "memo" else LETTER
    for key, value in base.items():
        if not isinstance(value, str) or key == "date":
            continue
        out = tmp_path / f"{key}.pdf"
        source = write(tmp_path, {**base, key: "ข้อความ " * 700})
        try:
            render_json_file(kind, source, out)
        except DocumentInputError as exc:
            assert exc.key == key and THAI.search(exc.message)
        else:
            assert pages(out.read_bytes())


HOSTILE_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=30),
    st.sampled_from(["\x00", "\ud800", "\udfff", "😀", "\u202e", "\ufeff", "ก" * 3000, ""]),
)
HOSTILE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=True, allow_infinity=True),
        HOSTILE_TEXT,
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(HOSTILE_TEXT, children, max_size=4)
    ),
    max_leaves=12,
)
KEYS = [*MEMO, "opinions", "date_indent_cm", "thai_digits", "signature_image", "emblem"]


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(key=st.sampled_from(KEYS), value=HOSTILE, raw=st.booleans())
def test_hostile_json_gives_a_thai_message_or_a_pdf(
    tmp_path: Path, key: str, value: object, raw: bool
) -> None:
    source = tmp_path / "fuzz.json"
    out = tmp_path / "fuzz.pdf"
    out.unlink(missing_ok=True)
    text = json.dumps({**MEMO, key: value}, ensure_ascii=raw, allow_nan=True)
    source.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        render_json_file("memo", source, out)
    except DocumentInputError as exc:
        assert THAI.search(exc.message)
        assert not out.exists()
    else:
        assert out.read_bytes().startswith(b"%PDF")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_random_bytes_give_a_thai_message(tmp_path: Path, data: bytes) -> None:
    source = tmp_path / "bytes.json"
    source.write_bytes(data)
    try:
        render_json_file("memo", source, tmp_path / "bytes.pdf")
    except DocumentInputError as exc:
        assert THAI.search(exc.message)


def test_documents_refuse_characters_the_font_lacks() -> None:
    """Issue 12 item 6: emoji printed as empty boxes; now the document is refused, naming the
    field and the character (nothing typed is changed)."""
    import dataclasses

    from reports.letter import render_letter
    from reports.memo import Paragraph, render_memo
    from reports.samples import sample_letter, sample_memo

    with pytest.raises(DocumentInputError) as caught:
        render_memo(dataclasses.replace(sample_memo(), subject="ขอบคุณ 🙏"))
    assert "เรื่อง" in caught.value.message and "อีโมจิ" in caught.value.message
    assert "🙏" in caught.value.message
    with pytest.raises(DocumentInputError) as caught:
        render_letter(dataclasses.replace(sample_letter(), body=[Paragraph("ตรวจแล้ว ✓")]))
    assert "ย่อหน้าที่ 1" in caught.value.message


@pytest.mark.parametrize("kind", ["memo", "letter"])
def test_every_field_at_its_limit_at_once_prints(kind: str) -> None:
    """The limits are small enough that everything at its longest still fits its page."""
    from reports.jsondocs import MAX_CHARS, MAX_TOTAL, render_json

    base = dict(MEMO if kind == "memo" else LETTER)
    for key, value in list(base.items()):
        if isinstance(value, str) and key not in ("date",):
            base[key] = ("ข้อความ " * 400)[: MAX_CHARS.get(key, 2000)].strip()
    if kind == "letter":
        for key in MAX_TOTAL:
            base[key] = [("อ้างถึง " * 100)[:499]] * 4
        base["contact"] = {k: "ก" * 90 for k in ("unit", "phone", "fax", "email", "copy_to")}
    else:
        base["opinions"] = [
            {
                "heading": "ก" * 200,
                "lines": 20,
                "signer_name": "ข" * 200,
                "signer_position": "ค" * 300,
            }
        ] * 3
    base["number"] = "ภทส. 045/2569"
    assert pages(render_json(kind, base))
