"""Thai paragraphs: line breaking between word units, Thai distributed justification, drawing.

A paragraph is cut into tokens (``reports.thai_text``): word units, spaces and hard breaks. Each
unit is shaped once (``reports.shaping``, cached) and the greedy line breaker measures the shaped
widths: a line breaks at a space (dropped at the break, kept everywhere else) or between two units
of a run (nothing inserted). A unit wider than the whole line is the only thing ever cut inside,
and then only between character cells, so no line is wider than its frame.

Justification is **Thai distributed** (Word's ``thaiDistribute``, LibreOffice's ``ThaiJustify``):
a line's spare width is spread evenly over the gaps between its character cells (a base with its
marks is one cell, so marks stay on their base); the last line of a paragraph and lines ended by
a hard break are not stretched.

``ThaiParagraph`` is a platypus flowable (splits across frames and pages, sits in table cells).
``draw_text`` draws one line at a point (headings, labels, page numbers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.platypus.flowables import Flowable

from reports import fonts
from reports.shaping import Cell, DocFont, Glyph, ShapedText, glyph_runs, write_text_ops
from reports.thai_text import Token, tokens

EPSILON = 0.01  # points: measuring slack for float sums


@dataclass(frozen=True)
class TextStyle:
    font: str = "regular"  # one of reports.fonts.STYLES
    size: float = 16.0
    leading: float = 0.0  # 0: 1.3 x size (single spacing of the official documents)
    align: str = "justify"  # left | center | right | justify (Thai distributed)
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0

    @property
    def line_height(self) -> float:
        return self.leading or 1.3 * self.size

    @property
    def baseline_drop(self) -> float:
        """From the top of a line box to its baseline: room above for stacked marks, 0.3 em
        below for descending vowels and tails."""
        return self.line_height - 0.3 * self.size

    def with_(self, **changes: Any) -> TextStyle:
        return replace(self, **changes)


@dataclass
class Line:
    pieces: list[ShapedText] = field(default_factory=list)
    natural: float = 0.0  # points
    start: float = 0.0  # x of the line's available space, from the paragraph's left edge
    available: float = 0.0
    justify: bool = False

    @property
    def text(self) -> str:
        return "".join(cell.text for piece in self.pieces for cell in piece.cells)

    @property
    def cells(self) -> list[Cell]:
        return [cell for piece in self.pieces for cell in piece.cells]


def layout(text: str, style: TextStyle, width: float, keep: Sequence[str] = ()) -> list[Line]:
    """Break ``text`` into lines for a frame ``width`` points wide. ``keep``: people's names in
    ``text`` that go on one line when they fit (dates do without being named); see
    ``reports.thai_text`` on kept spans."""
    breaker = _Breaker(style, width)
    lines = breaker.run(text, keep)
    if len(lines) > 1:
        lines = _without_runts(text, style, width, lines, keep, breaker.kept_splits)
    return lines


RUNT_EM = 4.0  # a last line narrower than this (or than half the line) is a runt


def _without_runts(
    text: str,
    style: TextStyle,
    width: float,
    lines: list[Line],
    keep: Sequence[str] = (),
    kept_splits: int = 0,
) -> list[Line]:
    """Pull words down onto a paragraph's last line (and the last line before each hard break)
    until it is no runt: wider than the first-line indent, or in a paragraph without one (a
    centred title, a field value, a table cell) at least 4 em or half the line wide.

    A runt, a word or two alone on a last line (``มหาชน)`` of ``(องค์การมหาชน)``, ``ชอบ`` of
    ``ผู้รับผิดชอบ`` in a narrow header cell, the year of a date), is what good typesetting avoids;
    in a two-line paragraph it also shares no width with the indented first line, and
    extractors (poppler's ``pdftotext``) then read it as a separate block, out of order. The
    line above is broken earlier instead (it stays justified); when that would add a line, the
    paragraph keeps its greedy breaks, and also when it would cut a word of a name or date the
    greedy breaks kept whole."""
    if style.first_indent > 0:
        shortest = style.first_indent + 0.25 * style.size
    else:
        line_width = max(width - style.left_indent - style.right_indent, style.size)
        shortest = min(RUNT_EM * style.size, 0.5 * line_width)
    limits: dict[int, float] = {}
    for index in range(1, len(lines)):
        line, above = lines[index], lines[index - 1]
        if line.justify or not above.justify or line.natural >= shortest:
            continue  # not a last line, the first of its block, or wide enough
        limit = above.natural - (shortest - line.natural)
        if limit <= style.size:
            continue
        trial_limits = {**limits, index - 1: limit}
        breaker = _Breaker(style, width, trial_limits)
        trial = breaker.run(text, keep)
        if (
            len(trial) == len(lines)
            and trial[index].natural >= shortest
            and breaker.kept_splits <= kept_splits
        ):
            lines, limits = trial, trial_limits
    return lines


class _Breaker:
    def __init__(
        self, style: TextStyle, width: float, limits: dict[int, float] | None = None
    ) -> None:
        self.font = fonts.doc_font(style.font)
        self.style = style
        self.k = style.size / 1000.0
        self.base_avail = max(width - style.left_indent - style.right_indent, style.size)
        self.limits = limits or {}  # line index -> the most it may hold (runt avoidance)
        self.kept_splits = 0  # line breaks between two units of one word of a kept span
        self.lines: list[Line] = []
        self.line = self._new_line()

    def _new_line(self) -> Line:
        indent = self.style.first_indent if not self.lines else 0.0
        start = self.style.left_indent + indent
        return Line(start=start, available=max(self.base_avail - indent, self.style.size))

    def _add(self, piece: ShapedText) -> None:
        self.line.pieces.append(piece)
        self.line.natural += piece.advance * self.k

    def _pop(self) -> ShapedText:
        piece = self.line.pieces.pop()
        self.line.natural -= piece.advance * self.k
        return piece

    def _drop_trailing_spaces(self) -> None:
        while self.line.pieces and _is_space(self.line.pieces[-1]):
            self._pop()

    def _finish(self, justify: bool) -> None:
        self._drop_trailing_spaces()
        self.line.justify = justify
        self.lines.append(self.line)
        self.line = self._new_line()

    def _fits(self, extra: float, *, limited: bool = True) -> bool:
        room = self.line.available
        limit = self.limits.get(len(self.lines)) if limited else None
        if limit is not None:
            room = min(room, limit)
        return self.line.natural + extra <= room + EPSILON

    def _kept_widths(self, toks: Sequence[Token]) -> dict[int, list[float]]:
        """For the tokens that start a kept span or a word inside one: the widths (points) the
        line must have room for, the whole span first, then the word."""
        out: dict[int, list[float]] = {}
        index = 0
        while index < len(toks):
            number = toks[index].keep
            if not number or toks[index].kind != "unit":
                index += 1
                continue
            end = index
            while end < len(toks) and toks[end].keep == number:
                end += 1
            widths = [self.font.shape(t.text).advance * self.k for t in toks[index:end]]
            word_start = index
            for i in range(index, end + 1):
                if i == end or toks[i].kind == "space":
                    if i > word_start:
                        out.setdefault(word_start, []).append(
                            sum(widths[word_start - index : i - index])
                        )
                    word_start = i + 1
            out[index].insert(0, sum(widths[: end - index]))
            index = end
        return out

    def run(self, text: str, keep: Sequence[str] = ()) -> list[Line]:
        k = self.k
        pending: list[ShapedText] = []  # spaces since the last unit
        at_start = True  # spaces typed at a paragraph's start or after a hard break are kept
        toks = tokens(text, keep)
        kept = self._kept_widths(toks) if any(t.keep for t in toks) else {}
        for index, token in enumerate(toks):
            if token.kind == "newline":
                pending.clear()
                self._finish(False)
                at_start = True
                continue
            shaped = self.font.shape(token.text)
            if token.kind == "space":
                if self.line.pieces or at_start:
                    pending.append(shaped)
                continue
            at_start = False
            spaces = sum(p.advance for p in pending) * k
            if self.line.pieces and index in kept and not token.glue:
                # a name or a date goes down whole when a fresh line has room for it; one wider
                # than a line keeps its words whole where it can
                for need in kept[index]:
                    if need <= self.base_avail + EPSILON:
                        if not self._fits(spaces + need):
                            pending = []
                            self._finish(True)
                            spaces = 0.0
                        break
            if self.line.pieces and not self._fits(spaces + shaped.advance * k):
                carried: list[ShapedText] = []
                if token.keep and not pending and index and toks[index - 1].keep == token.keep:
                    self.kept_splits += 1
                if token.glue:
                    # ๆ / ฯ may not start a line: the unit before it goes down with it
                    carried = self._carry_back() + pending
                pending = []
                self._finish(True)
                for piece in carried:
                    if not _is_space(piece):
                        self._place(piece)
                    elif self.line.pieces:
                        self._add(piece)
            else:
                for space in pending:
                    self._add(space)
                pending = []
            self._place(shaped)
        if self.line.pieces or not self.lines:
            self._finish(False)
        return self.lines

    def _carry_back(self) -> list[ShapedText]:
        units = [p for p in self.line.pieces if not _is_space(p)]
        if len(units) <= 1:
            return []
        last = self._pop()
        while _is_space(last):
            last = self._pop()
        self._drop_trailing_spaces()
        return [last]

    def _place(self, shaped: ShapedText) -> None:
        """Append a unit; one wider than the line is cut between cells (the last resort)."""
        k = self.k
        if self._fits(shaped.advance * k) or not shaped.cells:
            self._add(shaped)
            return
        if self.line.pieces:
            self._finish(True)
            if self._fits(shaped.advance * k):
                self._add(shaped)
                return
        if self._fits(shaped.advance * k, limited=False):
            self._add(shaped)  # a shortened line still takes one whole unit
            return
        cells = list(shaped.cells)
        while cells:
            taken: list[Cell] = []
            used = 0.0
            for cell in cells:
                if taken and not self._fits(used + cell.advance * k, limited=False):
                    break
                taken.append(cell)
                used += cell.advance * k
            self._add(ShapedText(tuple(taken), sum(c.advance for c in taken)))
            cells = cells[len(taken) :]
            if cells:
                self._finish(True)


def _is_space(piece: ShapedText) -> bool:
    return bool(piece.cells) and all(c.is_space for c in piece.cells)


MAX_CELL_GAP = 0.08  # em: extra space between two cells, below extractors' word-break gap
# em: the widest a justified space may grow. Extractors (poppler) read words further apart than
# 0.7 em or more as separate blocks unless lines above or below span the gap, so the first line
# of a two-line paragraph would come out in pieces.
MAX_SPACE = 0.65


def placed_cells(line: Line, style: TextStyle) -> list[tuple[float, Cell]]:
    """Each cell of ``line`` with its x from the paragraph's left edge, after alignment and
    Thai distributed justification.

    The spare width goes evenly between all cells, up to 0.08 em per gap (more would look
    letter-spaced, and text extractors would take the gaps for word breaks); what is left goes
    to the line's spaces, each at most 0.65 em wide. A line with more spare than that (a few
    long words, or one shortened to save the next from being a runt) stays a little short of
    the right edge rather than falling apart in extracted text."""
    k = style.size / 1000.0
    cells = line.cells
    spare = max(line.available - line.natural, 0.0)
    x = line.start
    gap = 0.0
    space_extra = 0.0
    if style.align == "center":
        x += spare / 2
    elif style.align == "right":
        x += spare
    elif style.align == "justify" and line.justify and len(cells) > 1:
        gap = min(spare / (len(cells) - 1), MAX_CELL_GAP * style.size)
        rest = spare - gap * (len(cells) - 1)
        spaces = [c.advance * k for c in cells[:-1] if c.is_space]
        if rest > EPSILON and spaces:
            room = MAX_SPACE * style.size - max(spaces) - 2 * gap
            space_extra = max(min(rest / len(spaces), room), 0.0)
    out = []
    for cell in cells:
        out.append((x, cell))
        x += cell.advance * k + gap + (space_extra if cell.is_space else 0.0)
    return out


def draw_lines(canvas: Any, lines: list[Line], style: TextStyle, x: float, top: float) -> float:
    """Draw ``lines`` with the first line box's top at ``top``; returns the y below the last."""
    font = fonts.doc_font(style.font)
    k = style.size / 1000.0
    y = top
    ops: list[str] = []
    for line in lines:
        baseline = y - style.baseline_drop
        placed = []
        for cx, cell in placed_cells(line, style):
            for glyph in cell.glyphs:
                placed.append((x + cx + glyph.x * k, baseline + glyph.y * k, glyph))
        end_line(font, placed)
        ops += glyph_runs(canvas, font, style.size, placed)
        y -= style.line_height
    write_text_ops(canvas, ops)
    return y


def text_width(text: str, style: str = "regular", size: float = 16.0) -> float:
    """Width of one line of text in points (shaped)."""
    font = fonts.doc_font(style)
    return (
        sum(font.shape(t.text).advance for t in tokens(text) if t.kind != "newline") * size / 1000
    )


def draw_text(
    canvas: Any,
    x: float,
    y: float,
    text: str,
    *,
    style: str = "regular",
    size: float = 16.0,
    align: str = "left",
) -> float:
    """Draw one line with its baseline at ``y``; ``x`` is the left edge, centre or right edge
    by ``align``. Returns the drawn width."""
    font = fonts.doc_font(style)
    k = size / 1000.0
    pieces = [font.shape(t.text) for t in tokens(text.replace("\n", " ")) if t.kind != "newline"]
    width = sum(p.advance for p in pieces) * k
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    placed = []
    pen = x
    for piece in pieces:
        for cell in piece.cells:
            for glyph in cell.glyphs:
                placed.append((pen + glyph.x * k, y + glyph.y * k, glyph))
            pen += cell.advance * k
    end_line(font, placed)
    write_text_ops(canvas, glyph_runs(canvas, font, size, placed))
    return width


def end_line(font: DocFont, placed: list[tuple[float, float, Glyph]]) -> None:
    """Mark the last text of a drawn line (``DocFont.line_final``: a line-final hyphen stays in
    the extracted text)."""
    for index in range(len(placed) - 1, -1, -1):
        x, y, glyph = placed[index]
        if glyph.outline:
            continue
        text = font.glyph_text(glyph)
        if not text or text.isspace():
            continue
        placed[index] = (x, y, font.line_final(glyph))
        return


class ThaiParagraph(Flowable):
    """A paragraph of plain text (never markup: ``<``, ``&`` print as typed). ``keep``: people's
    names in it to keep on one line when they fit (``layout``)."""

    def __init__(
        self,
        text: str,
        style: TextStyle,
        *,
        lines: list[Line] | None = None,
        keep: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.keep = tuple(keep)
        self._lines = lines
        self._laid_width: float | None = None if lines is None else -1.0
        self.width = 0.0
        self.height = 0.0

    def lines_for(self, width: float) -> list[Line]:
        if self._laid_width == -1.0 and self._lines is not None:
            return self._lines
        if self._lines is None or self._laid_width != width:
            self._lines = layout(self.text, self.style, width, self.keep)
            self._laid_width = width
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        lines = self.lines_for(avail_width)
        self.width = avail_width
        self.height = len(lines) * self.style.line_height
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.style.space_before

    def getSpaceAfter(self) -> float:
        return self.style.space_after

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self.lines_for(avail_width)
        fit = int((avail_height + EPSILON) // self.style.line_height)
        if fit <= 0:
            return []
        if fit >= len(lines):
            return [self]
        head = ThaiParagraph(
            self.text, self.style.with_(space_after=0.0), lines=lines[:fit], keep=self.keep
        )
        tail = ThaiParagraph(
            self.text, self.style.with_(space_before=0.0), lines=lines[fit:], keep=self.keep
        )
        return [head, tail]

    def draw(self) -> None:
        lines = self._lines if self._lines is not None else self.lines_for(self.width)
        draw_lines(self.canv, lines, self.style, 0.0, self.height)
