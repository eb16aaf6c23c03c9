"""The line breaker against the word-break gold set (``tests/data/word_breaks/``): a printed line
may end only between two words the gold set marks, never inside a word, a syllable, an official
term (พระราชบัญญัติ, สำนักงานฯ), an e-mail address, a URL or a model number."""

from __future__ import annotations

import re

import pytest

from reports.textflow import TextStyle, layout, text_width
from reports.thai_text import word_units
from tests.word_break_gold import Sentence, break_offsets, mark, sentences

GOLD = list(sentences())
CM = 72 / 2.54
# people's names: the document builders pass them as ``keep`` (a name stays on one line)
NAME = re.compile(r"(?:นางสาว|นาง|นาย)\S+ \S+")


def line_end_offsets(sentence: Sentence, width: float) -> list[int]:
    """Where each printed line but the last ends, as offsets in the sentence's text."""
    lines = layout(sentence.text, TextStyle(), width, keep=NAME.findall(sentence.text))
    offsets, at = [], 0
    for line in lines[:-1]:
        printed = line.text.rstrip(" ")
        assert sentence.text.startswith(printed, at), (sentence.source, printed)
        at += len(printed)
        while at < len(sentence.text) and sentence.text[at] == " ":
            at += 1
        offsets.append(at)
    return offsets


def test_the_gold_set_is_large_enough() -> None:
    assert len(GOLD) >= 300
    assert sum(len(s.boundaries) for s in GOLD) >= 3000


def too_wide(text: str, width: float) -> set[int]:
    """Offsets inside units wider than the line: the only places a line may be cut inside."""
    inside: set[int] = set()
    at = 0
    for run in text.split(" "):
        for unit in word_units(run):
            if text_width(unit) > width:
                inside.update(range(at + 1, at + len(unit)))
            at += len(unit)
        at += 1
    for name in NAME.finditer(text):  # a kept name's word wider than the line: cut as text is
        at = name.start()
        for word in name.group(0).split(" "):
            if text_width(word) > width:
                inside.update(range(at + 1, at + len(word)))
            at += len(word) + 1
    return inside


def paragraphs(size: int) -> list[Sentence]:
    """The gold sentences joined ``size`` at a time: long paragraphs end many lines."""
    out = []
    for first in range(0, len(GOLD), size):
        text, marks = "", set()
        for sentence in GOLD[first : first + size]:
            if text:
                text += " "
            marks |= {len(text) + b for b in sentence.boundaries}
            text += sentence.text
        out.append(Sentence(GOLD[first].source, text, frozenset(marks)))
    return out


@pytest.mark.parametrize("width_cm", [3.0, 4.5, 7.0, 11.0, 13.5, 16.0])
def test_printed_lines_end_only_between_gold_words(width_cm: float) -> None:
    wrong = []
    for sentence in GOLD if width_cm < 8 else paragraphs(8):
        spaces = {i + 1 for i, ch in enumerate(sentence.text) if ch == " "}
        allowed = sentence.boundaries | spaces | too_wide(sentence.text, width_cm * CM)
        ends = line_end_offsets(sentence, width_cm * CM)
        bad = [at for at in ends if at not in allowed]
        if bad:
            wrong.append(f"{sentence.source}: {mark(sentence.text, set(ends), bad)}")
    assert not wrong, "\n".join(wrong)


def test_no_word_unit_splits_a_gold_word_outside_names() -> None:
    """Every place the breaker may use (not only the ones a layout happened to use)."""
    wrong = []
    for sentence in GOLD:
        names = [(m.start(), m.end()) for m in NAME.finditer(sentence.text)]
        found = break_offsets(sentence.text, word_units)
        bad = [
            at
            for at in sorted(found - sentence.boundaries)
            if not any(start < at < end for start, end in names)
        ]
        if bad:
            wrong.append(f"{sentence.source}: {mark(sentence.text, found, bad)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("run", "whole"),
    [
        ("ตามพระราชบัญญัติการบริหารงาน", "พระราชบัญญัติ"),
        ("ตามพระราชกฤษฎีกาว่าด้วย", "พระราชกฤษฎีกา"),
        ("ตามพระราชดำริ", "พระราชดำริ"),
        ("สำนักงานฯ", "สำนักงานฯ"),
        ("ติดต่อcontact17@example.ac.th", "contact17@example.ac.th"),
        ("ที่https://www.example.go.th/page?id=2569", "https://www.example.go.th/page?id=2569"),
    ],
)
def test_official_words_and_addresses_stay_whole(run: str, whole: str) -> None:
    assert any(whole in unit for unit in word_units(run)), word_units(run)
    assert not any(unit in whole and unit != whole for unit in word_units(run) if len(unit) > 0), (
        word_units(run)
    )
