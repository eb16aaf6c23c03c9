"""Thai line breaking: units at safe boundaries only, breaks at spaces or unit boundaries, no line
wider than its frame, every character kept; the office's own words stay whole."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.textflow import TextStyle, layout, placed_cells
from reports.thai_text import custom_words, set_custom_words, tokens, word_units

PARAGRAPHS = [
    # numbers, abbreviations, parentheses
    "ด้วยภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร (ภทส.) ได้รับแจ้งจากสำนักงานรับรองมาตรฐานและประเมินคุณภาพ"
    "การศึกษา (สมศ.) ว่าครุภัณฑ์คอมพิวเตอร์ จำนวน ๑๒ เครื่อง วงเงิน ๑,๐๐๐,๐๐๐.๕๐ บาท ตามหนังสือที่ ศธ ๐๒๐๑/๑๒๓ "
    "ลงวันที่ ๒๓ พฤศจิกายน ๒๕๖๙ เวลา 10:30 น. ตามระเบียบ พ.ศ. ๒๕๖๐",
    # English words, ๆ and ฯลฯ
    "ระบบ ICT Desk ใช้ฐานข้อมูล PostgreSQL และ SQLite สำหรับเก็บข้อมูลต่างๆ ของหน่วยงาน เช่น ทะเบียนครุภัณฑ์ "
    "ทะเบียนปัญหา ฯลฯ โดยผู้ใช้แต่ละคน ๆ สามารถเข้าถึงได้ตามสิทธิ์ที่ได้รับมอบหมายจาก หน.ภทส.",
    # a very long compound with no spaces at all
    "การพัฒนาระบบเทคโนโลยีสารสนเทศเพื่อการบริหารจัดการข้อมูลการประเมินคุณภาพภายนอกของสถานศึกษา"
    "ระดับการศึกษาขั้นพื้นฐานและระดับอุดมศึกษาอย่างมีประสิทธิภาพและประสิทธิผลตามแผนยุทธศาสตร์ชาติ",
    # quotes and markup characters
    "ให้ใช้คำว่า “บันทึกข้อความ” และ 'หนังสือภายนอก' <b>ไม่ใช่ตัวหนา</b> & \"ไม่ใช่คำสั่ง\" ตามลำดับ",
]
LEADING = "เแโใไ"
FOLLOWING = "ะาำๅ"


def _allowed_breaks(text: str) -> set[int]:
    """Offsets in ``text`` where a line may end: at whitespace, or between two units."""
    allowed: set[int] = set()
    position = 0
    for token in tokens(text):
        start = text.find(token.text, position) if token.kind != "newline" else position
        end = start + len(token.text)
        if token.kind == "space":
            allowed.update(range(start, end + 1))
        elif not token.glue:
            allowed.add(start)
        position = end
    allowed.add(len(text))
    return allowed


def _check_lines(text: str, width: float, style: TextStyle) -> list[str]:
    lines = layout(text, style, width)
    allowed = _allowed_breaks(text)
    position = 0
    for index, line in enumerate(lines):
        assert line.natural <= line.available + 0.01, f"line {index} overflows: {line.text!r}"
        extent = max(
            (x + c.advance * style.size / 1000 for x, c in placed_cells(line, style)), default=0
        )
        assert extent <= width + 0.01
        while (
            position < len(text)
            and text[position].isspace()
            and not line.text.startswith(text[position])
        ):
            position += 1
        assert text.startswith(line.text, position), (line.text, text[position:])
        position += len(line.text)
        if index < len(lines) - 1:
            assert position in allowed, (
                f"break inside a word: {text[position - 8 : position]}|{text[position : position + 8]}"
            )
            assert text[position - 1] not in LEADING
            if position < len(text):
                assert text[position] not in FOLLOWING and text[position] not in "ๆฯ"
    assert "".join(text[position:].split()) == ""
    return [line.text for line in lines]


@pytest.mark.parametrize("text", PARAGRAPHS)
@pytest.mark.parametrize("width", [120.0, 200.0, 453.5])
def test_lines_break_only_between_words_and_never_overflow(text: str, width: float) -> None:
    style = TextStyle(first_indent=70.87)
    lines = _check_lines(text, width, style)
    assert len(lines) > 1


def test_known_words_are_never_split() -> None:
    text = "บันทึกข้อความ " * 30
    for width in (60, 90, 150, 300):
        for line in layout(text, TextStyle(), width):
            for word in line.text.split():
                assert word in ("บันทึก", "ข้อความ", "บันทึกข้อความ"), line.text


def test_safe_boundary_rules() -> None:
    assert word_units("เด็กๆ") == ("เด็กๆ",)
    assert word_units("ต่างๆฯลฯ") == ("ต่างๆฯลฯ",)  # never before ฯ, never inside ฯลฯ
    assert word_units("พ.ศ.") == ("พ.ศ.",)
    assert word_units("(ภทส.)") == ("(ภทส.)",)
    assert word_units("๑,๐๐๐,๐๐๐.๕๐") == ("๑,๐๐๐,๐๐๐.๕๐",)
    assert word_units("0201/123") == ("0201/123",)
    assert word_units("PostgreSQL") == ("PostgreSQL",)
    for unit in word_units("ความเห็นชอบในการจัดซื้อครุภัณฑ์คอมพิวเตอร์ให้แก่โรงเรียน"):
        assert unit[0] not in FOLLOWING and unit[-1] not in LEADING
        assert not (0x0E31 <= ord(unit[0]) <= 0x0E3A or 0x0E47 <= ord(unit[0]) <= 0x0E4E)


def test_mai_yamok_after_a_space_stays_with_its_word() -> None:
    text = "คน ๆ"
    glue = [t for t in tokens(text) if t.text == "ๆ"]
    assert glue and glue[0].glue
    # a width where "คน" fits but "คน ๆ" does not: both go down together
    style = TextStyle(align="left")
    lines = layout("ทดสอบทดสอบ คน ๆ", style, 90)
    assert all(not line.text.startswith("ๆ") for line in lines)


def test_custom_words_are_kept_whole() -> None:
    before = custom_words()
    try:
        run = "ระบบสารบรรณอิเล็กทรอนิกส์"
        assert len(word_units(run)) > 1
        set_custom_words(["สารบรรณอิเล็กทรอนิกส์"])
        assert word_units(run)[-1] == "สารบรรณอิเล็กทรอนิกส์"
        set_custom_words([run])
        assert word_units(run) == (run,)
    finally:
        set_custom_words(before)


def test_spaces_typed_inside_a_line_are_kept() -> None:
    [line] = layout("ก  ข   ค", TextStyle(align="left"), 400)
    assert line.text == "ก  ข   ค"


def test_hard_line_breaks_and_distributed_justification() -> None:
    style = TextStyle()
    text = PARAGRAPHS[0] + "\nบรรทัดใหม่"
    lines = layout(text, style, 300)
    assert lines[-1].text == "บรรทัดใหม่" and not lines[-1].justify
    full = [line for line in lines if line.justify]
    assert full
    k = style.size / 1000
    reaching = 0
    for line in full:
        placed = placed_cells(line, style)
        x, cell = placed[-1]
        end = x + cell.advance * k
        gaps = {
            round(b[0] - a[0] - a[1].advance * k, 4)
            for a, b in itertools.pairwise(placed)
            if not a[1].is_space
        }
        # the same extra after every cell (a base and its marks are one cell), at most 0.08 em
        assert len(gaps) == 1
        gap = gaps.pop()
        assert 0 <= gap <= 0.08 * style.size + 1e-6
        # word gaps (a space between two cells) never reach 0.7 em, where extractors split
        words = [
            c[0] - a[0] - a[1].advance * k
            for a, b, c in zip(placed, placed[1:], placed[2:], strict=False)
            if b[1].is_space and not a[1].is_space and not c[1].is_space
        ]
        assert all(w < 0.7 * style.size for w in words), words
        if end == pytest.approx(line.start + line.available, abs=0.05):
            reaching += 1
        else:  # short of the edge only when every word gap is at its widest
            assert end < line.start + line.available
            assert words and all(w == pytest.approx(0.65 * style.size) for w in words)
    assert reaching >= len(full) - 1


RUNT_SOURCE = (
    "ด้วยภารกิจเทคโนโลยีสารสนเทศและการสื่อสารได้รับแจ้งจากสำนักสนับสนุนการปฏิบัติงานว่าเครื่องคอมพิวเตอร์"
    "แม่ข่ายสำหรับระบบสารบรรณอิเล็กทรอนิกส์ซึ่งใช้งานมาตั้งแต่ปีงบประมาณ พ.ศ. ๒๕๖๒ มีอาการขัดข้องบ่อยครั้ง"
)


def runt_paragraphs(width: float = 453.5) -> list[str]:
    """Paragraphs whose greedy breaking leaves a last line narrower than the 2.5 cm indent."""
    from reports.textflow import _Breaker

    style = TextStyle(first_indent=70.87)
    found = []
    for end in range(40, len(RUNT_SOURCE) + 1):
        text = RUNT_SOURCE[:end].rstrip()
        greedy = _Breaker(style, width).run(text)
        if len(greedy) >= 2 and greedy[-1].natural < style.first_indent and text not in found:
            found.append(text)
    return found


@pytest.mark.parametrize("width", [300.0, 453.5])
def test_last_lines_are_wider_than_the_first_line_indent(width: float) -> None:
    style = TextStyle(first_indent=70.87)
    paragraphs = runt_paragraphs(width)
    assert len(paragraphs) >= 4  # greedy breaking leaves runts here
    for text in paragraphs + [text + "\nต่อ" for text in paragraphs[:3]]:
        _check_lines(text, width, style)  # still only between words, nothing lost
        lines = layout(text, style, width)
        last_of_first_block = lines[len(lines) - 2] if "\n" in text else lines[-1]
        assert last_of_first_block.natural >= 70.87, [line.text for line in lines]
        # the line above was broken earlier and is still justified; no line was added
        assert lines[0].justify
        assert len([line for line in lines if line.justify]) == len(lines) - 1 - text.count("\n")


THAI = st.sampled_from(list("กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮะัาำิีึืุูเแโใไ็่้๊๋์ๆฯ"))
OTHER = st.sampled_from(list("abcXYZ0129๑๒๓<>&\"'()., -/:"))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(THAI, THAI, OTHER, st.just(" ")), min_size=1, max_size=300),
    st.floats(40, 460),
)
def test_any_text_breaks_without_loss_or_overflow(chars: list[str], width: float) -> None:
    text = "".join(chars)
    lines = layout(text, TextStyle(), width)
    for line in lines:
        assert line.natural <= line.available + 0.01 or len(line.cells) == 1
    assert "".join("".join(line.text for line in lines).split()) == "".join(text.split())


@pytest.mark.parametrize(
    ("text", "style", "width", "expected"),
    [
        (  # a centred office line: not ``(องค์การ`` | ``มหาชน)``
            "ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา"
            " (องค์การมหาชน)",
            TextStyle(size=16, align="center"),
            700.0,
            [
                "ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา",
                "(องค์การมหาชน)",
            ],
        ),
        (  # a narrow bold header cell: not ``ตำแหน่ง/กลุ่ม`` | ``งาน``
            "ตำแหน่ง/กลุ่มงาน",
            TextStyle(font="bold", size=15, align="center"),
            100.0,
            ["ตำแหน่ง/", "กลุ่มงาน"],
        ),
        (  # a field value: the number does not stand alone (a date moves whole anyway)
            "หนังสือ สมศ. ที่ สมศ ๐๒๐๑/ว ๔๕ ฉบับที่ ๑ ตอนที่ ๒๕๖๙",
            TextStyle(size=16, align="left"),
            360.0,
            ["หนังสือ สมศ. ที่ สมศ ๐๒๐๑/ว ๔๕ ฉบับที่ ๑", "ตอนที่ ๒๕๖๙"],
        ),
    ],
)
def test_paragraphs_without_indent_end_with_no_runt(
    text: str, style: TextStyle, width: float, expected: list[str]
) -> None:
    from reports.textflow import _Breaker

    shortest = min(4 * style.size, 0.5 * width)
    greedy = _Breaker(style, width).run(text)
    assert len(greedy) == len(expected) and greedy[-1].natural < shortest  # greedy: a runt
    assert _check_lines(text, width, style) == expected
    assert layout(text, style, width)[-1].natural >= shortest


def test_urls_and_email_addresses_do_not_break() -> None:
    units = [t.text for t in tokens("ดูที่ https://www.example.go.th/news หรือ it17@example.ac.th")]
    assert "https://www.example.go.th/news" in units  # not "https:", "/", "/", "news"
    assert "it17@example.ac.th" in units
