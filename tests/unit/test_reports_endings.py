"""Where documents end (issue 12, part 1, items 3, 4 and 7): a letter that fits on page 1 without
its contact block fills page 1 with it; the closing and the signature never stand alone on a page
(they take ``lines_with_signature`` body lines with them); the PDF's information is real."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from typing import Any

import pdfplumber
import pytest

from reports.letter import Contact, Letter, render_letter
from reports.memo import Memo, Paragraph, render_memo
from reports.samples import sample_letter, sample_memo
from tests.unit.reports_helpers import pages, spacing_chars

EXTRA = Paragraph("เพิ่มเติมข้อความ " * 8)


def _letter(extra: int, **changes: Any) -> Letter:
    base = sample_letter()
    return dataclasses.replace(base, body=[*base.body, *[EXTRA] * extra], **changes)


def _lines(page: Any) -> list[tuple[float, float, float, str]]:
    """(baseline y from the top, x0, x1, text) of each run of glyphs on one baseline, split
    where the gap between two glyphs is wider than 1 cm (columns side by side)."""
    rows: dict[float, list[dict[str, Any]]] = {}
    for char in spacing_chars(page):
        rows.setdefault(round(page.height - char["matrix"][5], 1), []).append(char)
    out = []
    for y, chars in sorted(rows.items()):
        chars.sort(key=lambda c: c["x0"])
        run = [chars[0]]
        for char in chars[1:]:
            if char["x0"] - run[-1]["x1"] > 28:
                out.append((y, run[0]["x0"], run[-1]["x1"], "".join(c["text"] for c in run)))
                run = []
            run.append(char)
        out.append((y, run[0]["x0"], run[-1]["x1"], "".join(c["text"] for c in run)))
    return out


def _no_overlaps(page: Any) -> None:
    """No two glyphs of different lines share any area (what stands beside must not touch)."""
    chars = [c for c in spacing_chars(page)]
    for i, a in enumerate(chars):
        for b in chars[i + 1 :]:
            if abs(a["matrix"][5] - b["matrix"][5]) < 1:
                continue
            dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            assert dx <= 0.5 or dy <= 4, (a["text"], b["text"], a["top"], b["top"])


def test_a_letter_that_fits_without_its_contact_block_fits_with_it() -> None:
    bare = pages(render_letter(_letter(1, contact=Contact(""))))
    assert len(bare) == 1  # the case of the issue: one page without the contact lines
    doc = pages(render_letter(_letter(1)))
    assert len(doc) == 1, "the contact block pushed the letter to a second page"
    page = doc[0]
    text = "".join(line[3] for line in _lines(page))
    for part in ("ขอแสดงความนับถือ", "(นายวิชัย", "ภารกิจเทคโนโลยี", "ict@example.go.th"):
        assert part in text
    _no_overlaps(page)
    # the contact lines stay at the bottom-left, below the body
    body_foot = max(y for y, x0, _x1, t in _lines(page) if t.startswith("เติมข้อความ"))
    contact = [(y, x0, x1) for y, x0, x1, t in _lines(page) if t.startswith("ภารกิจ")]
    assert contact and contact[0][0] > body_foot and contact[0][1] == pytest.approx(85, abs=2)


@pytest.mark.parametrize("extra", range(0, 9))
def test_the_letter_never_leaves_the_ending_alone(extra: int) -> None:
    for keep in (2, 3):
        doc = pages(render_letter(_letter(extra, lines_with_signature=keep)))
        last = doc[-1]
        lines = _lines(last)
        closing = min(y for y, _x0, _x1, t in lines if t.startswith("ขอแสดงความนับถือ"))
        if len(doc) > 1:
            body = [t for y, x0, _x1, t in lines if y < closing - 4 and y > 2.6 * 28.35]
            assert len(body) >= keep, (extra, keep, body)
        for page in doc:
            _no_overlaps(page)


def _memo(extra: int, **changes: Any) -> Memo:
    base = sample_memo()
    body = [*base.body, *[EXTRA] * extra, Paragraph("จึงเรียนมาเพื่อโปรดทราบ")]
    return dataclasses.replace(base, body=body, opinions=[], **changes)


@pytest.mark.parametrize("extra", range(4, 22, 1))
def test_the_memo_signer_never_stands_alone(extra: int) -> None:
    doc = pages(render_memo(_memo(extra)))
    last = doc[-1]
    lines = _lines(last)
    name = min(y for y, _x0, _x1, t in lines if t.startswith("("))
    if len(doc) > 1:
        body = [t for y, _x0, _x1, t in lines if 2.6 * 28.35 < y < name - 50]
        assert len(body) >= 2, (extra, [t for *_r, t in lines])
        assert any(t.startswith("จึงเรียนมา") for t in body)


def test_pdf_information_is_real() -> None:
    created = dt.datetime(2026, 11, 23, 14, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    for pdf, author in (
        (render_memo(dataclasses.replace(sample_memo(), created=created)), "memo"),
        (render_letter(dataclasses.replace(sample_letter(), created=created)), "letter"),
    ):
        info = pdfplumber.open(io.BytesIO(pdf)).metadata
        assert info["CreationDate"].startswith("D:20261123140509+07'00'"), info
        expected = sample_memo() if author == "memo" else sample_letter()
        assert info["Title"] == expected.subject
        assert info["Subject"] == expected.subject
        assert info["Author"] == expected.signer_name
    now = pdfplumber.open(io.BytesIO(render_memo(sample_memo()))).metadata["CreationDate"]
    assert not now.startswith("D:2000")
