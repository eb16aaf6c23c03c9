"""Where Thai text may break: word units for the line breaker.

Thai is written without spaces between words, so a line may break between two words of one
space-free run. A run is cut into **word units** at the boundaries of ICU's dictionary word breaker
(``icu4py``) that nlpO3's newmm segmenter confirms (``agreed_boundaries``), minus the boundaries
that would split what must stay together:

- never before a combining mark or a following vowel (ะ า ำ ๅ), never after a leading vowel
  (เ แ โ ใ ไ): the segmenter's dictionary is not trusted with syllable integrity;
- never before ๆ or ฯ (even across a space: ``คน ๆ`` keeps ๆ on the line), never inside ฯลฯ;
- never inside a number (``๑,๐๐๐,๐๐๐.๕๐``, ``๑๒/๒๕๖๙``, ``10:30``), nor inside a Latin word;
- never around a full stop inside an abbreviation (``พ.ศ.``, ``สมศ.``, ``หน.ภทส.``);
- never after an opening bracket or quote, never before a closing one or before , ; : ! ? %;
- never inside a token of printable ASCII with a Latin letter in it: an e-mail address, a URL, a
  file name, a model number (``contact17@example.ac.th``, ``LTO-9``);
- never next to a hyphen (``รับ-ส่ง``, ``ICT-Desk``): extractors drop a hyphen ending a line;
- never at a no-break space (U+00A0, U+202F): ``๖ ก.ค. ๖๙`` in a table cell stays on one line;
- never inside an official term (``official_words``: พระราชบัญญัติ, สำนักงานฯ...) nor one of the
  office's own words (``set_custom_words``: agency names, terms).

**Kept spans** are the soft version of the office's words, for text with spaces in it: a person's
name (title, first name and surname) or a date (``๑ ตุลาคม ๒๕๖๙``) stays on one line when it fits
in a line. Dates as ``reports.thaifmt`` writes them are found by themselves (``DATE_PATTERN``);
names are marked by the document builders, which pass them as ``keep`` (``tokens(text, keep)``,
``ThaiParagraph(text, style, keep=...)``, a register column with ``keep=True``). The tokens of a
span carry its number (``Token.keep``) and the line breaker starts a new line before a span that
does not fit the rest of the line but fits a whole one; a span wider than a line still breaks as
any text would, keeping each of its space-separated words whole where it can. Nothing is added to
the text, so extracted text is exactly the source.

Which segmenter: measured on a gold set of 341 sentences of government text
(``tests/benchmarks/word_breaks.py``, figures in the README), ICU alone allowed 24.5 wrong breaks
per 1,000 (``ตามพ|ระ|ราช|บัญญัติ``, ``เครือ|ข่าย``); ICU's cuts checked against nlpO3's newmm
(``agreed_boundaries``) with the official vocabulary (``resources/words/official_th.txt``) allow
0.6 and keep 90 % of the word boundaries for filling lines. Protected words (official and the
office's) are honoured by suppressing boundaries inside them, which works with any segmenter.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from icu4py.breakers import WordBreaker

from reports.thaifmt import DATE_PATTERN, LATIN_TOKEN
from resources import resource_path

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
_custom_pattern: Vocabulary | None = None  # the office's words and the official vocabulary
_generation = 0
_unit_cache: dict[str, tuple[str, ...]] = {}


def set_custom_words(words: Iterable[str]) -> None:
    """Words that must never be split across lines (the office's agency names, terms). Replaces
    the previous list; blank entries and single characters are ignored. The official vocabulary
    (``official_words``) is always kept whole as well."""
    global _custom, _custom_pattern, _generation
    cleaned = frozenset(w.strip() for w in words if len(w.strip()) > 1 and not _has_space(w))
    _custom_pattern_for = _protected_pattern(cleaned | official_words())
    with _lock:
        _custom = cleaned
        _custom_pattern = _custom_pattern_for
        _generation += 1
        _unit_cache.clear()
        _token_cache.clear()


class Vocabulary:
    """Words a line never breaks inside. Found by plain substring search: a regular expression
    of a hundred alternatives took 80 µs a run in Python's engine, ``word in run`` takes 2 µs."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = tuple(sorted({w for w in words if len(w) > 1}, key=len, reverse=True))

    def spans(self, run: str) -> list[tuple[int, int]]:
        """Every occurrence of every word (overlaps included: each blocks its own inside)."""
        found = []
        for word in self.words:
            at = run.find(word)
            while at >= 0:
                found.append((at, at + len(word)))
                at = run.find(word, at + 1)
        return found


def _protected_pattern(words: Iterable[str]) -> Vocabulary | None:
    vocabulary = Vocabulary(words)
    return vocabulary if vocabulary.words else None


def custom_words() -> frozenset[str]:
    return _custom


def official_words() -> frozenset[str]:
    """The official vocabulary that is never split (``resources/words/official_th.txt``)."""
    global _official
    if _official is None:
        text = resource_path("words", "official_th.txt").read_text(encoding="utf-8")
        _official = frozenset(
            w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")
        )
    return _official


_official: frozenset[str] | None = None


def _set_pattern_once() -> None:
    """Before any office words are set: the official vocabulary alone (called under ``_lock``)."""
    global _custom_pattern
    _custom_pattern = _protected_pattern(official_words())


def load_word_list(path: Path) -> frozenset[str]:
    """A word list, one word a line (PyThaiNLP's ``words_th.txt``)."""
    text = path.read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def agreed_boundaries(
    fine: Iterable[int], coarse: Iterable[int], length: int, edges: Iterable[int] = ()
) -> list[int]:
    """Combine a fine segmenter (ICU) with a coarse dictionary one (newmm): where both cut, cut;
    between two such places, keep the fine cuts only when the coarse segmenter saw one word
    there (the fine one just splits it further, ``การ|บริหาร|งาน|บุคคล``); where the two
    disagree about the words (``ตามพ|ระ|ราช`` against ``ตาม|พระราช...``), the stretch stays whole,
    except where the coarse one cuts at an ``edge`` of an official word (``ตาม|พระราชบัญญัติ``)."""
    fine_set = {b for b in fine if 0 < b < length}
    coarse_set = {b for b in coarse if 0 < b < length}
    agreed = sorted(fine_set & coarse_set)
    kept = list(agreed)
    for start, end in zip([0, *agreed], [*agreed, length], strict=True):
        if not any(start < b < end for b in coarse_set):
            kept += [b for b in fine_set if start < b < end]
    kept += [b for b in edges if b in coarse_set]
    return sorted(set(kept))


def _is_word(piece: str, dictionary: frozenset[str]) -> bool:
    thai = any("\u0e01" <= ch <= "\u0e4e" for ch in piece)
    return not thai or piece in dictionary


def dictionary_checked(
    run: str,
    boundaries: Iterable[int],
    dictionary: frozenset[str],
    trusted: frozenset[int] | set[int] = frozenset(),
) -> list[int]:
    """The segmenter's ``boundaries`` that separate two dictionary words (or that are
    ``trusted``). ICU's dictionary sometimes cuts one letter too late or too early
    (``ตามพ|ระ``, ``จัดจ้า|งอ|ย่าง``, ``กา|รบู|รณา|การ``): a piece that is no word is joined to
    the next one until the pieces on both sides of a boundary are words again."""
    kept: list[int] = []
    start = 0
    points = [b for b in sorted(set(boundaries)) if 0 < b < len(run)]
    for index, at in enumerate(points):
        end = points[index + 1] if index + 1 < len(points) else len(run)
        left, right = run[start:at], run[at:end]
        if at in trusted or (_is_word(left, dictionary) and _is_word(right, dictionary)):
            kept.append(at)
            start = at
    return kept


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


def _segment_boundaries(run: str, pattern: Vocabulary | None = None) -> list[int]:
    if not any("\u0e00" <= ch <= "\u0e7f" for ch in run):
        # no Thai: a Latin/number run breaks only where ICU's line rules would (after a hyphen
        # or slash); word boundaries are enough here and cost nothing to find
        return [end for _start, end in WordBreaker(run, "en").segments()][:-1]
    fine = [end for _start, end in WordBreaker(run, "th").segments()][:-1]
    if not _newmm_ready():
        return fine
    import nlpo3

    coarse, at = [], 0
    for piece in nlpo3.segment(run, NEWMM_DICT, safe=True):
        at += len(piece)
        coarse.append(at)
    edges = [at for span in pattern.spans(run) for at in span] if pattern else []
    return agreed_boundaries(fine, coarse, len(run), edges)


NEWMM_DICT = "ictdesk-words-th"
_newmm_state: bool | None = None


def _newmm_ready() -> bool:
    """Load PyThaiNLP's word list into nlpO3 once (about 0.2 s, on the first Thai run). Without
    nlpO3 (not installed) the breaker falls back to ICU and the official vocabulary."""
    global _newmm_state
    if _newmm_state is None:
        with _lock:
            if _newmm_state is None:
                try:
                    import nlpo3
                except ImportError:
                    _newmm_state = False
                else:
                    path = resource_path("words", "words_th.txt")
                    _message, loaded = nlpo3.load_dict(str(path), NEWMM_DICT)
                    _newmm_state = bool(loaded) or "already" in _message.lower()
    return _newmm_state


def word_units(run: str) -> tuple[str, ...]:
    """A whitespace-free run cut into units between which a line may break (cached)."""
    cached = _unit_cache.get(run)
    if cached is not None:
        return cached
    with _lock:
        if _custom_pattern is None:
            _set_pattern_once()
        generation, pattern = _generation, _custom_pattern
    units = cut(run, _segment_boundaries(run, pattern) if len(run) > 1 else (), pattern)
    with _lock:
        if generation == _generation:
            if len(_unit_cache) > 100_000:
                _unit_cache.clear()
            _unit_cache[run] = units
    return units


def cut(run: str, boundaries: Iterable[int], protected: Vocabulary | None) -> tuple[str, ...]:
    """``run`` cut at the segmenter's ``boundaries`` that the rules allow and that fall inside no
    ``protected`` word (the shared step of every segmenter, also measured by the benchmark)."""
    if len(run) <= 1:
        return (run,) if run else ()
    blocked: set[int] = set()
    if protected is not None:
        for start, end in protected.spans(run):
            blocked.update(range(start + 1, end))
    for match in LATIN_TOKEN.finditer(run):
        if any(ch.isascii() and ch.isalpha() for ch in match.group(0)):
            blocked.update(range(match.start() + 1, match.end()))
    cuts = sorted(
        {i for i in boundaries if 0 < i < len(run) and i not in blocked and _allowed(run, i)}
    )
    pieces = []
    start = 0
    for at in cuts:
        pieces.append(run[start:at])
        start = at
    pieces.append(run[start:])
    return tuple(pieces)


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
