"""Thai word segmenters measured on the word-break gold set (a script, never a test):

    .venv/bin/python tests/benchmarks/word_breaks.py [--words words_th.txt] [--examples 20]

Each candidate gives raw word boundaries; every candidate then goes through the same rules of
``reports.thai_text.cut`` (never before a mark or a following vowel, never inside a number, an
abbreviation, a Latin word...) and, for the "+ vocabulary" ones, the official vocabulary of
``resources/words/official_th.txt`` and a sample of an office's own words. Figures, in the order
the choice is made: wrong breaks per 1,000 breaks (a break the gold set does not mark), then time
per sentence; "found" is the share of the gold set's word boundaries where a line may break
(the finer, the better lines fill). nlpO3 (``pip install nlpo3``) needs a word list: the CC0
``words_th.txt`` of PyThaiNLP's corpus (``resources/words/words_th.txt``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reports import thai_text  # noqa: E402
from tests.word_break_gold import Sentence, score, sentences  # noqa: E402

OFFICE_WORDS = ["ภทส.", "สมศ.", "ระบบสารบรรณอิเล็กทรอนิกส์", "หน.ภทส."]

Boundaries = Callable[[str], Iterable[int]]


def pattern(words: Iterable[str]) -> thai_text.Vocabulary:
    return thai_text.Vocabulary(words)


def ends(pieces: Iterable[str]) -> list[int]:
    out, at = [], 0
    for piece in pieces:
        at += len(piece)
        out.append(at)
    return out[:-1]


def measure(
    name: str, boundaries: Boundaries, protected: thai_text.Vocabulary | None, gold: list[Sentence]
) -> tuple[str, float, float, float, int]:
    def units(run: str) -> tuple[str, ...]:
        return thai_text.cut(run, boundaries(run) if len(run) > 1 else (), protected)

    return measure_units(name, units, gold)


def measure_units(
    name: str, units: Callable[[str], Sequence[str]], gold: list[Sentence]
) -> tuple[str, float, float, float, int]:
    result = score(units, keep_examples=ARGS.examples, gold=gold)
    times = []
    for _ in range(ARGS.repeat):
        start = time.perf_counter()
        for sentence in gold:
            for run in sentence.text.split(" "):
                units(run)
        times.append((time.perf_counter() - start) * 1e6 / len(gold))
    per_sentence = min(times)  # the least disturbed run: 7 engineers share 2 cores
    print(
        f"| {name:<28} | {result.wrong:>5} / {result.breaks:<5} | {result.wrong_per_1000:6.1f} |"
        f" {100 * result.found_share:5.1f} % | {per_sentence:7.1f} µs |"
    )
    for example in result.examples or []:
        print("      " + example)
    return name, result.wrong_per_1000, per_sentence, result.found_share, result.wrong


def main() -> None:
    from icu4py.breakers import WordBreaker

    gold = list(sentences())
    print(f"{len(gold)} sentences, {sum(len(s.boundaries) for s in gold)} marked boundaries")
    vocabulary = pattern(thai_text.official_words() | set(OFFICE_WORDS))

    def icu(run: str) -> list[int]:
        return ends(WordBreaker(run, "th" if re.search("[\u0e00-\u0e7f]", run) else "en"))

    print("| segmenter | wrong / breaks | per 1,000 | found | time per sentence |")
    print("|---|---|---|---|---|")
    measure("ICU (icu4py)", icu, None, gold)
    measure("ICU + vocabulary", icu, vocabulary, gold)
    words = ARGS.words or ROOT / "resources" / "words" / "words_th.txt"
    if not words.exists():
        print(f"no word list at {words}: give --words words_th.txt")
        return
    start = time.perf_counter()
    dictionary = thai_text.load_word_list(words)
    print(f"word list as a Python set: {(time.perf_counter() - start) * 1000:.0f} ms")

    def icu_checked(run: str) -> list[int]:
        return thai_text.dictionary_checked(run, icu(run), dictionary)

    measure("ICU, dictionary-checked + voc.", icu_checked, vocabulary, gold)
    try:
        import nlpo3
    except ImportError:
        print("nlpo3 not installed (pip install nlpo3)")
        return
    start = time.perf_counter()
    nlpo3.load_dict(str(words), "bench")
    print(f"nlpO3 word list ({words.name}) loaded in {(time.perf_counter() - start) * 1000:.0f} ms")

    def newmm(run: str) -> list[int]:
        return ends(nlpo3.segment(run, "bench", safe=True))

    def both(run: str) -> set[int]:
        return set(icu(run)) & set(newmm(run))

    measure("newmm (nlpO3)", newmm, None, gold)
    measure("newmm + vocabulary", newmm, vocabulary, gold)
    measure("ICU ∩ newmm", both, None, gold)
    measure("ICU ∩ newmm + vocabulary", both, vocabulary, gold)

    def repaired(run: str) -> list[int]:
        agreed = set(newmm(run))
        return thai_text.dictionary_checked(run, icu(run), dictionary, agreed)

    measure("ICU, newmm-checked + voc.", repaired, vocabulary, gold)

    def refined(run: str) -> list[int]:
        return thai_text.agreed_boundaries(icu(run), newmm(run), len(run))

    def refined_voc(run: str) -> list[int]:
        edges = [at for span in vocabulary.spans(run) for at in span]
        return thai_text.agreed_boundaries(icu(run), newmm(run), len(run), edges)

    measure("ICU refined by newmm", refined, None, gold)
    measure("ICU refined by newmm + voc.", refined_voc, vocabulary, gold)
    thai_text.set_custom_words(OFFICE_WORDS)
    shipped = thai_text._segment_boundaries  # uncached, as for a run met the first time

    def as_shipped(run: str) -> tuple[str, ...]:
        pattern = thai_text._custom_pattern
        return thai_text.cut(run, shipped(run, pattern) if len(run) > 1 else (), pattern)

    measure_units("reports.thai_text (shipped)", as_shipped, gold)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=Path)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=5)
    ARGS = parser.parse_args()
    main()
