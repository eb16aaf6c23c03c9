"""HarfBuzz shaping of word units, and PDF text that extracts back to the source characters.

Each document font is a ReportLab ``TTFont`` registered with ``shapable=True`` (ReportLab embeds and
subsets it) plus a HarfBuzz font over the same file. A word unit is shaped once per font and cached
in font units (1000 per em), so any size reuses it.

Shaping yields glyphs grouped in cells (HarfBuzz clusters at grapheme level: a base with its marks).
The cell's source text is carried by the glyphs that advance the pen (normally the base alone:
``ที่`` is one text glyph standing for three characters); the marks are drawn as glyph outlines
(form XObjects), not as text. A text glyph that stands for exactly its own character is written as
that character; any other (a base carrying its marks, SARA AA standing for SARA AM, a Latin ligature,
a missing glyph) gets a pseudo code point from Supplementary Private Use Area-A, and ``DocTTFont``
writes a ToUnicode CMap mapping it to the text it stands for. So ``pdftotext`` and copy-paste give
back the source text, never U+E000-U+F8FF, and extractors meet no zero-width glyphs stacked on each
other (poppler takes those for duplicated text and splits the word).

Threads: documents are made in a pool of worker threads. A ``DocFont`` is shared by all of them:
shaping, pseudo code points and glyph outlines go through the font's lock (HarfBuzz objects are not
used from two threads at once; a pseudo code point is assigned once), the shape cache is read
without it (a cached shape never changes), and ReportLab's per-document subset table is locked
(``_DocumentStates``). Everything else belongs to one document (its canvas and ``PDFDocument``).

Relies on ReportLab internals (pinned ``reportlab==5.1.*``; the test
``test_reportlab_internals_the_engine_relies_on`` guards them): ``TTFont.state[doc].subsets``, the
subset naming of ``TTFont.addObjects`` and its ``toUnicodeCMap:`` object names, ``face.charToGlyph``
/ ``face.charWidths``, ``canvas._code``, ``canvas._formsinuse``, ``canvas.beginForm``.
"""

from __future__ import annotations

import threading
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import uharfbuzz as hb
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

PSEUDO_BASE = 0xF0000  # Supplementary Private Use Area-A: never typed by people


class _DocumentStates(WeakKeyDictionary[Any, Any]):
    """``TTFont.state``: each document's subset assignments, keyed by the document. One font
    object serves every thread that makes a document, so its table of documents takes a lock
    (each document's own state is only ever touched by the thread making it)."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()

    def __getitem__(self, key: Any) -> Any:
        with self._lock:
            return super().__getitem__(key)

    def __setitem__(self, key: Any, value: Any) -> None:
        with self._lock:
            super().__setitem__(key, value)

    def __delitem__(self, key: Any) -> None:
        with self._lock:
            super().__delitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        with self._lock:
            return super().get(key, default)


class DocTTFont(TTFont):
    """A TrueType font whose ToUnicode maps pseudo code points to the text they stand for."""

    pseudo_text: dict[int, str]

    def __init__(self, name: str, filename: str, **kwargs: Any) -> None:
        super().__init__(name, filename, **kwargs)
        self.state = _DocumentStates()

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            base = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode(
                "pdfdoc"
            )
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = to_unicode_cmap(base, subset, self.pseudo_text)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def to_unicode_cmap(name: str, subset: list[int], pseudo: dict[int, str]) -> str:
    """A ToUnicode CMap for one 256-code subset: real characters map to themselves, pseudo code
    points to the source text of their cell (possibly empty)."""
    entries = []
    for code, value in enumerate(subset):
        text = pseudo[value] if value in pseudo else chr(value)
        entries.append(f"<{code:02X}> <{_utf16_hex(text)}>")
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({name})",
        f"/Ordering ({name})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    # bfchar blocks hold at most 100 entries each (PDF reference, 5.9.2)
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Glyph:
    code: int  # the character or pseudo code point written into the PDF (0 for outlines)
    x: float  # drawing position from the cell's origin, font units (1000 per em)
    y: float
    width: float  # the PDF /Widths entry of ``code``, font units
    gid: int = 0
    outline: bool = False  # a mark drawn as a shape: it carries no text of its own


@dataclass(frozen=True, slots=True)
class Cell:
    """A base character with its marks (a grapheme cluster): justification never splits one."""

    text: str
    advance: float  # font units
    glyphs: tuple[Glyph, ...]
    is_space: bool = False


@dataclass(frozen=True, slots=True)
class ShapedText:
    cells: tuple[Cell, ...]
    advance: float  # font units

    def width(self, size: float) -> float:
        return self.advance * size / 1000.0


class DocFont:
    """A registered document font: ReportLab for embedding, HarfBuzz for shaping, a shape cache."""

    def __init__(self, name: str, path: Path, family: str, style: str) -> None:
        self.name = name
        self.path = path
        self.family = family
        self.style = style
        self.ttf = DocTTFont(name, str(path), shapable=True)
        self.ttf.pseudo_text = {}
        pdfmetrics.registerFont(self.ttf)
        data = path.read_bytes()
        self._hb_face = hb.Face(hb.Blob(data))
        self._hb_font = hb.Font(self._hb_face)
        self.upem: int = int(self._hb_face.upem)
        self._hb_font.scale = (self.upem, self.upem)
        self._scale: float = 1000.0 / self.upem
        face = self.ttf.face
        self.ascent = float(face.ascent)  # font units (1000 per em)
        self.descent = float(face.descent)  # negative
        self._char_to_glyph: dict[int, int] = face.charToGlyph
        self._pseudo: dict[tuple[int, str], int] = {}
        self._outlines: dict[int, str] = {}
        self._cache: dict[str, ShapedText] = {}
        self._lock = threading.RLock()
        self.space_advance = self._advance_of(self._char_to_glyph.get(32, 0))

    def has_glyph(self, ch: str) -> bool:
        """Does the font draw ``ch`` (not its .notdef box)? Pseudo code points never count."""
        code = ord(ch)
        return code < PSEUDO_BASE and self._char_to_glyph.get(code, 0) != 0

    def _advance_of(self, gid: int) -> float:
        return float(self._hb_font.get_glyph_h_advance(gid)) * self._scale

    def _pseudo_code(self, gid: int, text: str) -> int:
        """A code point drawing glyph ``gid`` that extracts as ``text``."""
        key = (gid, text)
        code = self._pseudo.get(key)
        if code is None:
            code = PSEUDO_BASE + len(self._pseudo)
            self._pseudo[key] = code
            face = self.ttf.face
            face.charToGlyph[code] = gid
            face.charWidths[code] = self._advance_of(gid)
            self.ttf.pseudo_text[code] = text
        return code

    def glyph_text(self, glyph: Glyph) -> str:
        """The text a text glyph extracts as."""
        if glyph.outline:
            return ""
        if glyph.code >= PSEUDO_BASE:
            return self.ttf.pseudo_text.get(glyph.code, "")
        return chr(glyph.code)

    def line_final(self, glyph: Glyph) -> Glyph:
        """``glyph`` as the last text of a line that ends in a hyphen: the same drawing, whose
        text is the hyphen followed by a space.

        Extractors (poppler's ``pdftotext``, and programs built on it) take a line whose last
        character is ``-`` for a word hyphenated at the line end: they drop the hyphen and glue
        the next line on. The engine never breaks a line next to a hyphen, so a hyphen ending a
        line was typed there (``-`` in an empty register cell, a subject ending in ``-``) and
        must come back; a space after it is what a line end means anyway."""
        text = self.glyph_text(glyph)
        if not text.endswith("-"):
            return glyph
        with self._lock:
            code = self._pseudo_code(glyph.gid, text + " ")
        width = float(self.ttf.face.charWidths[code])
        return Glyph(code, glyph.x, glyph.y, width, glyph.gid)

    def outline_ops(self, gid: int) -> str:
        """The glyph's outline as PDF path operators in font units (1000 per em), filled."""
        ops = self._outlines.get(gid)
        if ops is None:
            pen = _PathPen(self._scale)
            with self._lock:  # one HarfBuzz font: draw and shape one thread at a time
                self._hb_font.draw_glyph_with_pen(gid, pen)
            ops = " ".join(pen.ops) + (" f" if pen.ops else "")
            self._outlines[gid] = ops
        return ops

    def shape(self, text: str) -> ShapedText:
        """The shaped unit (cached). ``text`` should hold no line breaks."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        with self._lock:
            shaped = self._shape(text)
            if len(self._cache) > 50_000:  # bounded: a long-running app prints many documents
                self._cache.clear()
            self._cache[text] = shaped
        return shaped

    def _map_text(self, text: str, glyphs: list[tuple[int, Any]]) -> list[str]:
        """The source text each glyph of a cell stands for; joined in order they give ``text``.

        Text goes on the glyphs that advance the pen (their boxes tile the cell, so extractors
        see no gap and no overlap); marks, drawn at offsets, stand for nothing. Each spacing
        glyph takes its own character when it is that character's cmap glyph; the rest of the
        text goes on the last spacing glyph (SARA AM after a tone mark, a ligature, a marked base).
        """
        spacing = [i for i, (_gid, pos) in enumerate(glyphs) if pos.x_advance > 0] or [0]
        pieces = [""] * len(glyphs)
        taken = 0
        for i in spacing[:-1]:
            gid = glyphs[i][0]
            if taken < len(text) and self._char_to_glyph.get(ord(text[taken])) == gid:
                # a base followed by its marks: the marks belong with it
                end = taken + 1
                while end < len(text) and _is_mark(text[end]):
                    end += 1
                pieces[i] = text[taken:end]
                taken = end
        pieces[spacing[-1]] += text[taken:]
        return pieces

    def _shape(self, text: str) -> ShapedText:
        if not text:
            return ShapedText((), 0.0)
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
        hb.shape(self._hb_font, buf, {"kern": True, "liga": True})
        infos = buf.glyph_infos
        positions = buf.glyph_positions
        # group glyphs by cluster (monotone: clusters never go backwards in LTR text)
        groups: list[tuple[int, list[tuple[int, Any]]]] = []
        for info, pos in zip(infos, positions, strict=True):
            if groups and groups[-1][0] == info.cluster:
                groups[-1][1].append((info.codepoint, pos))
            else:
                groups.append((info.cluster, [(info.codepoint, pos)]))
        cells: list[Cell] = []
        total = 0.0
        scale = self._scale
        face_widths = self.ttf.face.charWidths
        for index, (start, glyphs) in enumerate(groups):
            end = groups[index + 1][0] if index + 1 < len(groups) else len(text)
            cell_text = text[start:end]
            mapped = self._map_text(cell_text, glyphs)
            pen = 0.0
            out: list[Glyph] = []
            for (gid, pos), piece in zip(glyphs, mapped, strict=True):
                x = pen + pos.x_offset * scale
                if not piece:
                    # A mark: its character is already in the text of the cell's spacing
                    # glyph. Drawn as a shape, so extractors meet no zero-width text glyphs
                    # stacked on each other (poppler takes those for duplicated text and
                    # splits the word).
                    out.append(Glyph(0, x, pos.y_offset * scale, 0.0, gid, True))
                else:
                    if len(piece) == 1 and self._char_to_glyph.get(ord(piece)) == gid:
                        code = ord(piece)
                    else:
                        code = self._pseudo_code(gid, piece)
                    width = float(face_widths.get(code, self.ttf.face.defaultWidth))
                    out.append(Glyph(code, x, pos.y_offset * scale, width, gid))
                pen += pos.x_advance * scale
            cells.append(Cell(cell_text, pen, tuple(out), cell_text.isspace()))
            total += pen
        return ShapedText(tuple(cells), total)


class _PathPen:
    """Collects a HarfBuzz glyph outline as PDF path operators (quadratics made cubic)."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.ops: list[str] = []
        self.current = (0.0, 0.0)

    def _pt(self, point: tuple[float, float]) -> str:
        return f"{_num(point[0] * self.scale)} {_num(point[1] * self.scale)}"

    def moveTo(self, point: tuple[float, float]) -> None:
        self.ops.append(self._pt(point) + " m")
        self.current = point

    def lineTo(self, point: tuple[float, float]) -> None:
        self.ops.append(self._pt(point) + " l")
        self.current = point

    def curveTo(self, *points: tuple[float, float]) -> None:
        self.ops.append(" ".join(self._pt(p) for p in points) + " c")
        self.current = points[-1]

    def qCurveTo(self, *points: tuple[float, float]) -> None:
        # TrueType: off-curve points with implied on-curve midpoints, then the end point
        *controls, end = points
        for index, control in enumerate(controls):
            target = (
                end
                if index == len(controls) - 1
                else (
                    (control[0] + controls[index + 1][0]) / 2,
                    (control[1] + controls[index + 1][1]) / 2,
                )
            )
            x0, y0 = self.current
            c1 = (x0 + 2 / 3 * (control[0] - x0), y0 + 2 / 3 * (control[1] - y0))
            c2 = (
                target[0] + 2 / 3 * (control[0] - target[0]),
                target[1] + 2 / 3 * (control[1] - target[1]),
            )
            self.ops.append(f"{self._pt(c1)} {self._pt(c2)} {self._pt(target)} c")
            self.current = target
        if not controls:
            self.lineTo(end)

    def closePath(self) -> None:
        self.ops.append("h")


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


_fonts: dict[tuple[str, str, str], DocFont] = {}
_fonts_lock = threading.Lock()


def load_font(family: str, style: str, path: Path) -> DocFont:
    """The document font for ``path`` (loaded and registered once per file)."""
    key = (family, style, str(path))
    font = _fonts.get(key)
    if font is None:
        with _fonts_lock:
            font = _fonts.get(key)
            if font is None:
                safe = "".join(ch for ch in family if ch.isalnum())
                tag = zlib.crc32(str(path).encode("utf-8")) % 100_000
                font = DocFont(f"ICTDesk-{safe}-{style}-{tag}", path, family, style)
                _fonts[key] = font
    return font


def forget_fonts() -> None:
    """Called when the font preference changes. Loaded fonts stay registered (their names are
    unique per file), so documents already being built keep working."""


# --- writing shaped glyphs into a page ------------------------------------------------------------


def glyph_runs(
    canvas: Any, font: DocFont, size: float, placed: list[tuple[float, float, Glyph]]
) -> list[str]:
    """PDF text operators drawing ``placed`` glyphs (absolute x, y in points, glyph). Consecutive
    glyphs on one baseline in one subset share a TJ array; offsets are TJ numbers."""
    doc = canvas._doc
    ttf = font.ttf
    codes = _doc_codes(doc, font)
    ops: list[str] = []
    k = size / 1000.0
    size_text = _num(size)
    current_font = ""
    run: list[str] = []
    pen_x = 0.0  # where the PDF pen stands after the run so far (points)
    pen_y = None
    outlines: list[str] = []
    for x, y, glyph in placed:
        if glyph.outline:
            outlines.append(
                f"q {k:.6g} 0 0 {k:.6g} {_num(x)} {_num(y)} cm {_glyph_form(canvas, font, glyph.gid)} Do Q"
            )
            continue
        entry = codes.get(glyph.code)
        if entry is None:
            [(subset, data)] = ttf.splitString(chr(glyph.code), doc)
            entry = codes[glyph.code] = (ttf.getSubsetInternalName(subset, doc), data.hex())
        font_ref, hex_code = entry
        if font_ref != current_font or pen_y is None or abs(y - pen_y) > 1e-6:
            if run:
                ops.append("[" + "".join(run) + "] TJ")
                run = []
            if font_ref != current_font:
                ops.append(f"{font_ref} {size_text} Tf")
                current_font = font_ref
            ops.append(f"1 0 0 1 {_num(x)} {_num(y)} Tm")
            pen_y = y
        else:
            gap = x - pen_x
            if gap > 1e-4 or gap < -1e-4:
                run.append(_num(-gap / k))
        run.append("<" + hex_code + ">")
        pen_x = x + glyph.width * k
    if run:
        ops.append("[" + "".join(run) + "] TJ")
    text = ["BT " + " ".join(ops) + " ET"] if ops else []
    return text + outlines


def _glyph_form(canvas: Any, font: DocFont, gid: int) -> str:
    """The PDF name of a form XObject holding the glyph's outline (one per document)."""
    name = f"{font.name}-g{gid}"
    defined: set[str] | None = getattr(canvas._doc, "_ictdesk_forms", None)
    if defined is None:
        defined = set()
        canvas._doc._ictdesk_forms = defined
    if name not in defined:
        defined.add(name)
        canvas.beginForm(name, lowerx=-2000, lowery=-2000, upperx=3000, uppery=3000)
        canvas._code.append(font.outline_ops(gid))
        canvas.endForm()
    canvas._formsinuse.append(name)  # the page's resources list the form (as doForm does)
    return "/" + str(canvas._doc.getXObjectName(name))


def _doc_codes(doc: Any, font: DocFont) -> dict[int, tuple[str, str]]:
    """Per document and font: code point -> (subset font name, hex byte). A document assigns
    each code once, so the lookup is cached on the document itself."""
    tables: dict[str, dict[int, tuple[str, str]]] | None = getattr(doc, "_ictdesk_codes", None)
    if tables is None:
        tables = {}
        doc._ictdesk_codes = tables
    return tables.setdefault(font.name, {})


def _num(value: float) -> str:
    """A number for the content stream: 0.01 unit is far below anything a printer shows."""
    return f"{value:.2f}"


def write_text_ops(canvas: Any, ops: list[str]) -> None:
    """Put the operators from ``glyph_runs`` on the page (the fill colour is the canvas's)."""
    canvas._code.extend(ops)


__all__ = [
    "Cell",
    "DocFont",
    "DocTTFont",
    "Glyph",
    "ShapedText",
    "forget_fonts",
    "glyph_runs",
    "load_font",
    "to_unicode_cmap",
    "write_text_ops",
]
