"""The word-break gold set (``tests/data/word_breaks/``) and how a segmentation is scored against it.

Each line of ``gold_*.txt`` is one sentence with ``|`` where a line may break between two words
(a space is always such a place); ``#`` starts a comment line. A **wrong break** is a place where
the line breaker would allow a break that the gold set does not mark: inside a word, inside a
syllable, or inside an official term that a สารบรรณ clerk expects unbroken. A **found** boundary is
a marked ``|`` where the line breaker also allows a break (coarser units find fewer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent / "data" / "word_breaks"


@dataclass(frozen=True)
class Sentence:
    source: str  # file:line
    text: str  # without the marks
    boundaries: frozenset[int]  # offsets in ``text`` of the ``|`` marks


def sentences() -> Iterator[Sentence]:
    for path in sorted(GOLD_DIR.glob("gold_*.txt")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            text, marks = "", set()
            for ch in line:
                if ch == "|":
                    marks.add(len(text))
                else:
                    text += ch
            yield Sentence(f"{path.name}:{number}", text, frozenset(marks))


@dataclass
class Score:
    breaks: int = 0  # places between two units of a space-free run where a line may break
    wrong: int = 0
    marked: int = 0  # the gold set's ``|`` marks
    found: int = 0
    examples: list[str] | None = None

    @property
    def wrong_per_1000(self) -> float:
        return 1000 * self.wrong / self.breaks if self.breaks else 0.0

    @property
    def found_share(self) -> float:
        return self.found / self.marked if self.marked else 0.0


def break_offsets(text: str, units_of: Callable[[str], Sequence[str]]) -> set[int]:
    """Offsets inside the space-free runs of ``text`` where ``units_of`` cuts a run."""
    offsets: set[int] = set()
    position = 0
    for run in text.split(" "):
        at = position
        for unit in list(units_of(run))[:-1]:
            at += len(unit)
            offsets.add(at)
        position += len(run) + 1
    return offsets


def score(
    units_of: Callable[[str], Sequence[str]], keep_examples: int = 0, gold: Sequence[Sentence] = ()
) -> Score:
    result = Score(examples=[])
    for sentence in gold or list(sentences()):
        found = break_offsets(sentence.text, units_of)
        wrong = sorted(found - sentence.boundaries)
        result.breaks += len(found)
        result.wrong += len(wrong)
        result.marked += len(sentence.boundaries)
        result.found += len(found & sentence.boundaries)
        if wrong and result.examples is not None and len(result.examples) < keep_examples:
            result.examples.append(f"{sentence.source}: {mark(sentence.text, found, wrong)}")
    return result


def mark(text: str, breaks: set[int], wrong: Sequence[int]) -> str:
    """``text`` with ``|`` at each break and ``‖`` at each wrong one."""
    out = []
    for index, ch in enumerate(text):
        if index in wrong:
            out.append("‖")
        elif index in breaks:
            out.append("|")
        out.append(ch)
    return "".join(out)
