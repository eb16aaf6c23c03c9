"""Documents made at the same time in several threads (the window renders in a pool of workers):
each comes out exactly as when made alone, a document keeps one font family when the preference
changes while it is being made, and a word list changed mid-way leaves no stale line-break units."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from reports import fonts, thai_text
from reports.forms import Attendee, SignInSheet, render_sign_in_sheet
from reports.labels import AssetLabel, render_labels
from reports.letter import render_letter
from reports.memo import Paragraph, render_memo
from reports.registers import RegisterTable, TableColumn, render_register_table
from reports.samples import sample_letter, sample_memo
from reports.textflow import ThaiParagraph
from tests.unit.reports_helpers import pdffonts, pdftotext, squash
from tests.unit.test_reports_text import PARAGRAPHS, runt_paragraphs


def _fake_th_sarabun(folder: Path) -> Path:
    """A folder where the bundled font passes for an installed TH Sarabun New: a second family,
    loaded afresh (new pseudo code points, empty caches)."""
    folder.mkdir(parents=True, exist_ok=True)
    bundled = fonts.bundled_font_files()
    shutil.copy(bundled["regular"], folder / "THSarabunNew.ttf")
    shutil.copy(bundled["bold"], folder / "THSarabunNew Bold.ttf")
    return folder


@pytest.fixture
def font_choice() -> Iterator[None]:
    """Leave the font choice as it was."""
    try:
        yield
    finally:
        fonts.set_prefer_system_font(True)
        fonts.set_font_dirs(None)


DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "memo": lambda: render_memo(sample_memo(pages=2)),
    "memo of runts": lambda: render_memo(
        dataclasses.replace(sample_memo(), body=[Paragraph(p) for p in runt_paragraphs()[:6]])
    ),
    "letter": lambda: render_letter(sample_letter()),
    "register": lambda: render_register_table(
        RegisterTable(
            "ทะเบียนทดสอบ",
            "ภารกิจเทคโนโลยีสารสนเทศและการสื่อสาร",
            "ปีงบประมาณ ๒๕๖๙",
            [TableColumn("ลำดับ", 0.6, "center"), TableColumn("รายการ", 4), TableColumn("ผล", 1)],
            [[str(i), PARAGRAPHS[i % 4][: 60 + i], "-"] for i in range(1, 70)],
            printed_on=dt.date(2026, 11, 23),
        )
    ),
    "sign-in sheet": lambda: render_sign_in_sheet(
        SignInSheet(
            "ใบลงชื่อเข้าร่วมการอบรม",
            "การใช้งานระบบสารบรรณอิเล็กทรอนิกส์",
            dt.date(2026, 11, 23),
            "ห้องประชุม ๑",
            [Attendee("นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์")],
        )
    ),
    "labels": lambda: render_labels(
        [
            AssetLabel(f"7440-001-{i:04d}/2568", "เครื่องคอมพิวเตอร์โน้ตบุ๊ก", f"7440-001-{i:04d}", "สมศ.")
            for i in range(40)
        ]
    ),
}


DATES = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9+\-Z']*\)")


def undated(pdf: bytes) -> bytes:
    """The PDF without its creation and modification dates (the real time, to the second)."""
    return DATES.sub(rb"/\1 (D:)", pdf)


def test_documents_made_at_once_match_their_single_threaded_rendering(
    tmp_path: Path, font_choice: None
) -> None:
    # fresh fonts and empty caches: the threads shape, segment and assign code points together
    fonts.set_font_dirs([_fake_th_sarabun(tmp_path / "fonts")])
    fonts.set_prefer_system_font(True)
    thai_text.set_custom_words(thai_text.custom_words())  # empties the unit and token caches
    jobs = [name for name in DOCUMENTS for _ in range(3)]
    random.Random(2569).shuffle(jobs)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            together = list(pool.map(lambda name: (name, DOCUMENTS[name]()), jobs))
    finally:
        sys.setswitchinterval(interval)
    alone = {name: make() for name, make in DOCUMENTS.items()}
    for name, pdf in together:
        assert undated(pdf) == undated(alone[name]), name
    assert fonts.doc_font("regular").path.parent == tmp_path / "fonts"  # the fresh family
    # and they read back: a mix-up of code points between threads would garble the text
    register_text = squash(pdftotext(alone["register"]))
    for i in range(1, 70):
        assert squash(PARAGRAPHS[i % 4][: 60 + i]) in register_text


def test_a_document_keeps_one_font_family_when_the_preference_changes_midway(
    tmp_path: Path, font_choice: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    fonts.set_font_dirs([tmp_path / "nothing"])  # the bundled Laksaman
    halfway = threading.Event()
    changed = threading.Event()
    original = ThaiParagraph.wrap
    worker = threading.get_ident()

    def wrap(self: ThaiParagraph, width: float, height: float) -> tuple[float, float]:
        if threading.get_ident() == worker and not halfway.is_set():
            halfway.set()
            assert changed.wait(10)
        return original(self, width, height)

    result: dict[str, bytes] = {}

    def make() -> None:
        nonlocal worker
        worker = threading.get_ident()
        result["pdf"] = render_memo(sample_memo(pages=2))

    monkeypatch.setattr(ThaiParagraph, "wrap", wrap)
    thread = threading.Thread(target=make)
    thread.start()
    assert halfway.wait(10)
    fonts.set_font_dirs([_fake_th_sarabun(tmp_path / "fonts")])  # another family from now on
    assert fonts.font_family() == "TH Sarabun New"
    changed.set()
    thread.join(20)
    # one font object per style: a document mixing the two families would embed four
    names = [f["name"] for f in pdffonts(result["pdf"])]
    assert len(names) == len(set(names)) == 2, names
    # the next document is made with the new choice
    assert fonts.doc_font("regular").path.parent == tmp_path / "fonts"
    assert len(pdffonts(render_memo(sample_memo(pages=2)))) == 2


def test_a_word_list_changed_midway_leaves_no_stale_units(monkeypatch: pytest.MonkeyPatch) -> None:
    before = thai_text.custom_words()
    run = "ระบบสารบรรณอิเล็กทรอนิกส์ของสำนักงานรับรองมาตรฐาน"
    word = "สารบรรณอิเล็กทรอนิกส์"
    thai_text.set_custom_words([])
    assert word not in thai_text.word_units(run)  # ICU alone splits it
    thai_text.set_custom_words([])  # forget the units just cached
    computing = threading.Event()
    changed = threading.Event()
    original = thai_text._segment_boundaries

    def slow(text: str, *args: Any) -> list[int]:
        if text == run and not computing.is_set():
            computing.set()
            assert changed.wait(10)
        return original(text, *args)

    monkeypatch.setattr(thai_text, "_segment_boundaries", slow)
    seen: dict[str, tuple[str, ...]] = {}
    thread = threading.Thread(target=lambda: seen.setdefault("old", thai_text.word_units(run)))
    try:
        thread.start()
        assert computing.wait(10)
        thai_text.set_custom_words([word])  # another thread changes the office's words meanwhile
        changed.set()
        thread.join(10)
        assert word not in seen["old"]  # computed with the words of its time
        assert word in thai_text.word_units(run)  # ...but not kept for later documents
    finally:
        thai_text.set_custom_words(before)
