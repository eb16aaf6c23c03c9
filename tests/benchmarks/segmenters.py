"""Thai word segmenters on a memo body (a script, never a test):

    .venv/bin/python tests/benchmarks/segmenters.py [--nlpo3-dict words_th.txt]

Measures ICU through ``icu4py`` (the one ``reports/thai_text.py`` uses) and, when installed with a
word list given, nlpO3 (``pip install nlpo3``; the CC0 ``words_th.txt`` of PyThaiNLP's corpus).
Prints the time per body and the cuts each makes, so a change of segmenter is decided by figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reports.samples import SAMPLE_PARAGRAPHS  # noqa: E402

BODY = " ".join(SAMPLE_PARAGRAPHS) + " ระบบเครือข่ายของสำนักงาน (ภทส.) ต้องปรับปรุงภายในปีงบประมาณ ฯลฯ"


def measure(name: str, segment: Callable[[str], list[str]], repeat: int = 300) -> None:
    segment(BODY)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        segment(BODY)
        times.append((time.perf_counter() - start) * 1000)
    print(f"{name:<8} {statistics.median(times):6.3f} ms per body ({len(BODY)} characters)")
    print("         " + "|".join(segment(BODY))[:400])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nlpo3-dict", type=Path)
    args = parser.parse_args()

    from icu4py.breakers import WordBreaker

    measure("icu4py", lambda text: list(WordBreaker(text, "th")))
    try:
        import nlpo3
    except ImportError:
        print("nlpo3    not installed")
        return
    if args.nlpo3_dict is None:
        print("nlpo3    installed: give --nlpo3-dict words_th.txt to measure it")
        return
    start = time.perf_counter()
    nlpo3.load_dict(str(args.nlpo3_dict), "bench")
    print(f"nlpo3    word list loaded in {(time.perf_counter() - start) * 1000:.0f} ms")
    measure("nlpo3", lambda text: list(nlpo3.segment(text, "bench")))


if __name__ == "__main__":
    main()
