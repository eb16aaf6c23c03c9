"""Where Thai text may break: word units for the line breaker.

Thai is written without spaces between words, so a line may break between two words of one
space-free run. A run is cut into **word units** at the boundaries of ICU's dictionary word breaker
(``icu4py``), minus the boundaries that would split what must stay together:

- never before a combining mark or a following vowel (ะ า ำ ๅ), never after a leading vowel
  (เ แ โ ใ ไ): the segmenter's dictionary is not trusted with syllable integrity;
- never before ๆ or ฯ (even across a space: ``คน ๆ`` keeps ๆ on the line), never inside ฯลฯ;
- never inside a number (``๑,๐๐๐,๐๐๐.๕๐``, ``๑๒/๒๕๖๙``, ``10:30``), nor inside a Latin word;
- never around a full stop inside an abbreviation (``พ.ศ.``, ``สมศ.``, ``หน.ภทส.``);
- never after an opening bracket or quote, never before a closing one or before , ; : ! ? %;
- never inside ``://`` (``https://``);
- never next to a hyphen (``รับ-ส่ง``, ``ICT-Desk``): extractors drop a hyphen ending a line;
- never at a no-break space (U+00A0, U+202F): ``๖ ก.ค. ๖๙`` in a table cell stays on one line;
- never inside one of the office's own words (``set_custom_words``: agency names, terms).

**Kept spans** are the soft version of the office's words, for text with spaces in it: a person's
name (title, first name and surname) or a date (``๑ ตุลาคม ๒๕๖๙``) stays on one line when it fits
in a line. Dates as ``reports.thaifmt`` writes them are found by themselves (``DATE_PATTERN``);
names are marked by the document builders, which pass them as ``keep`` (``tokens(text, keep)``,
``ThaiParagraph(text, style, keep=...)``, a register column with ``keep=True``). The tokens of a
span carry its number (``Token.keep``) and the line breaker starts a new line before a span that
does not fit the rest of the line but fits a whole one; a span wider than a line still breaks as
any text would, keeping each of its space-separated words whole where it can. Nothing is added to
the text, so extracted text is exactly the source.

Why ICU: measured on a 565-character memo body (``tests/benchmarks/segmenters.py``), ICU through
``icu4py`` took 0.09 ms and needs no data file (the wheel carries ICU's Thai dictionary); nlpO3
(``nlpo3``) took 0.16 ms plus 150 ms to load its 1.5 MB word list, and split the abbreviation
``(ภทส.)`` as ``(ภ|ทส.``. ICU's breaks are finer (``การ|ศึกษา``), which suits line filling: every
boundary is still between words. Custom words are honoured by suppressing boundaries inside them,
which works with any segmenter.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from icu4py.breakers import WordBreaker

from reports.thaifmt import DATE_PATTERN

MARKS = frozenset(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
FOLLOWING_VOWELS = frozenset("\u0e30\u0e32\u0e33\u0e45")  # ะ า ำ ๅ
LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # เ แ โ ใ ไ
REPEAT_MARKS = frozenset("\u0e46\u0e2f")  # ๆ ฯ
DIGITS = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙")
NUMBER_JOINERS = frozenset(".,:/-")
OPENERS = frozenset("([{<«“‘\"'")
CLOSERS = frozenset(")]}>»”’\"',;:!?%")
NO_BREAK_SPACES = frozenset("\u00a0\u202f")
WHITESPACE = re.compile(r"[ \t\u3000]+|\n")  # where a line may break (not U+00A0, U+202F)

# Shared by the threads that make documents. Readers take the words and the caches without a lock;
# a result goes into a cache only while the words it was computed with are still the current ones
# (``_generation``), so a word list changed by another thread mid-way never leaves stale units.
# ICU break iterators are not thread-safe: each call makes its own (``WordBreaker(...)``).
_lock = threading.RLock()
_custom: frozenset[str] = frozenset()
_custom_pattern: re.Pattern[str] | None = None
_generation = 0
_unit_cache: dict[str, tuple[str, ...]] = {}


def set_custom_words(words: Iterable[str]) -> None:
    """Words that must never be split across lines (the office's agency names, terms). Replaces
    the previous list; blank entries and single characters are ignored."""
    global _custom, _custom_pattern, _generation
    cleaned = frozenset(w.strip() for w in words if len(w.strip()) > 1 and not _has_space(w))
    ordered = sorted(cleaned, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
    with _lock:
        _custom = cleaned
        _custom_pattern = pattern
        _generation += 1
        _unit_cache.clear()
        _token_cache.clear()


def custom_words() -> frozenset[str]:
    return _custom


def _has_space(text: str) -> bool:
    return any(ch.isspace() for ch in text.strip())


def _is_thai_letter(ch: str) -> bool:
    return "\u0e01" <= ch <= "\u0e2e"


def _is_latin_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _allowed(run: str, i: int) -> bool:
    """May a line break fall between ``run[i-1]`` and ``run[i]``?"""
    a, b = run[i - 1], run[i]
    if b in MARKS or b in FOLLOWING_VOWELS or a in LEADING_VOWELS or b in REPEAT_MARKS:
        return False
    if a in NO_BREAK_SPACES or b in NO_BREAK_SPACES:
        return False
    if a == "\u0e2f" and b == "\u0e25":  # ฯล of ฯลฯ
        return False
    if a in DIGITS and b in DIGITS:
        return False
    if a in NUMBER_JOINERS and b in DIGITS and i >= 2 and run[i - 2] in DIGITS:
        return False
    if a in DIGITS and b in NUMBER_JOINERS and i + 1 < len(run) and run[i + 1] in DIGITS:
        return False
    if b == "." or (a == "." and (b.isalnum() or _is_thai_letter(b))):
        return False
    if a in OPENERS or b in CLOSERS:
        return False
    if b == "/" and a in ":/":  # https:// stays whole
        return False
    if _is_latin_alnum(a) and _is_latin_alnum(b):
        return False
    # never next to a hyphen: a line ending in "-" is taken for a hyphenated word by text
    # extractors (pdftotext drops the hyphen and joins the lines), so ``รับ-ส่ง`` stays whole
    return not (b == "-" or a == "-")


def _segment_boundaries(run: str) -> list[int]:
    if not any("\u0e00" <= ch <= "\u0e7f" for ch in run):
        # no Thai: a Latin/number run breaks only where ICU's line rules would (after a hyphen
        # or slash); word boundaries are enough here and cost nothing to find
        return [end for _start, end in WordBreaker(run, "en").segments()][:-1]
    return [end for _start, end in WordBreaker(run, "th").segments()][:-1]


def word_units(run: str) -> tuple[str, ...]:
    """A whitespace-free run cut into units between which a line may break (cached)."""
    cached = _unit_cache.get(run)
    if cached is not None:
        return cached
    with _lock:
        generation, pattern = _generation, _custom_pattern
    if len(run) <= 1:
        units: tuple[str, ...] = (run,) if run else ()
    else:
        blocked: set[int] = set()
        if pattern is not None:
            for match in pattern.finditer(run):
                blocked.update(range(match.start() + 1, match.end()))
        cuts = [
            i
            for i in _segment_boundaries(run)
            if 0 < i < len(run) and i not in blocked and _allowed(run, i)
        ]
        pieces = []
        start = 0
        for cut in cuts:
            pieces.append(run[start:cut])
            start = cut
        pieces.append(run[start:])
        units = tuple(pieces)
    with _lock:
        if generation == _generation:
            if len(_unit_cache) > 100_000:
                _unit_cache.clear()
            _unit_cache[run] = units
    return units


@dataclass(frozen=True, slots=True)
class Token:
    """A word unit, a run of spaces, or a hard line break (``\\n``).

    ``glue`` means no line break is allowed before this token (a unit that starts with ๆ or ฯ,
    or a unit following another unit of the same run at a boundary the rules refuse is never a
    separate token in the first place). ``keep``: see the module's notes on kept spans."""

    text: str
    kind: str  # "unit" | "space" | "newline"
    glue: bool = False
    keep: int = 0  # > 0: the number of the kept span (a name, a date) the token belongs to


_token_cache: dict[str | tuple[str, tuple[str, ...]], tuple[Token, ...]] = {}


def tokens(text: str, keep: Sequence[str] = ()) -> tuple[Token, ...]:
    """The paragraph as units, spaces and hard breaks. Control characters other than tab and
    newline are dropped; a zero-width space is a break hint and is not printed. ``keep``: the
    pieces of ``text`` (people's names) to keep on one line when they fit (``Token.keep``); dates
    are kept without being named. Cached: register cells repeat the same values many times."""
    key: str | tuple[str, tuple[str, ...]] = (text, tuple(keep)) if keep else text
    cached = _token_cache.get(key)
    if cached is not None:
        return cached
    generation = _generation
    result = tuple(_tokens(text, keep))
    with _lock:
        if generation == _generation:
            if len(_token_cache) > 20_000:
                _token_cache.clear()
            _token_cache[key] = result
    return result


SPAN_GAP = re.compile(r"[ \t\u00a0\u202f\u3000]+")


def keep_spans(text: str, keep: Sequence[str] = ()) -> list[tuple[int, int]]:
    """Where ``text`` holds a kept piece: each of ``keep`` wherever it occurs (any run of spaces
    in it matches any run of spaces in the text) and every date; overlapping spans merged."""
    found = [(m.start(), m.end()) for m in DATE_PATTERN.finditer(text)]
    for phrase in keep:
        words = phrase.split()
        if not words or len("".join(words)) < 2:
            continue
        pattern = SPAN_GAP.pattern.join(map(re.escape, words))
        found += [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _tokens(text: str, keep: Sequence[str] = ()) -> list[Token]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = "".join(ch for ch in text.replace("\u2029", "\n") if _printable(ch))
    out: list[Token] = []
    starts: list[int] = []  # where each token starts in ``text``
    position = 0
    for match in WHITESPACE.finditer(text):
        _add_run(out, text[position : match.start()], position, starts)
        chunk = match.group(0)
        starts.append(match.start())
        if chunk == "\n":
            out.append(Token("\n", "newline"))
        else:
            out.append(Token(chunk.replace("\t", " ").replace("\u3000", " "), "space"))
        position = match.end()
    _add_run(out, text[position:], position, starts)
    spans = keep_spans(text, keep)
    if spans:
        _mark_spans(out, starts, spans)
    return out


def _mark_spans(out: list[Token], starts: list[int], spans: list[tuple[int, int]]) -> None:
    """Number the tokens of each kept span (1, 2, ...); a span must hold two or more tokens."""
    for number, (start, end) in enumerate(spans, start=1):
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        last = bisect.bisect_left(starts, end) - 1
        if last <= first or any(out[i].kind == "newline" for i in range(first, last + 1)):
            continue
        for i in range(first, last + 1):
            out[i] = replace(out[i], keep=number)


def _printable(ch: str) -> bool:
    if ch in "\n\t":
        return True
    return unicodedata.category(ch) not in ("Cc", "Cs", "Cn") and ch != "\ufeff"


def _add_run(out: list[Token], run: str, offset: int, starts: list[int]) -> None:
    if not run:
        return
    for part in run.split("\u200b"):
        if not part:
            offset += 1
            continue
        units = word_units(part)
        for unit_index, unit in enumerate(units):
            glue = unit_index == 0 and unit[0] in REPEAT_MARKS
            out.append(Token(unit, "unit", glue))
            starts.append(offset)
            offset += len(unit)
        offset += 1  # the zero-width space after it
