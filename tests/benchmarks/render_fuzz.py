"""Fuzz ``render`` in-process (a script, never a test): hostile values for every key of a memo,
the malformed-input corpus, and random bytes; prints how many inputs gave a Thai message, a PDF,
or anything else (an unhandled exception: the target is 0).

    .venv/bin/python tests/benchmarks/render_fuzz.py [--cases 600] [--seed 2569]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reports.errors import DocumentInputError  # noqa: E402
from reports.jsondocs import render_json_file  # noqa: E402
from tests.unit.test_render_hostile import CORPUS, MEMO  # noqa: E402

NASTY_TEXT = [
    "\x00",
    "\ud800",
    "\udfff",
    "😀",
    "🙏🏽",
    "\u202e",
    "\ufeff",
    "\x1b[31m",
    "ก" * 5000,
    "ข้อความ " * 3000,
    "",
    " ",
    "\n" * 500,
    "\t",
    "https://x/?id=1",
    "ตามพระราชบัญญัติ",
]
NASTY_NUMBERS = [
    float("nan"),
    float("inf"),
    -float("inf"),
    1e308,
    -1e308,
    0,
    -1,
    10**18,
    10**4000,
    2**63,
    0.0001,
]


def value(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randrange(8 if depth < 4 else 5)
    if kind == 0:
        return rng.choice(NASTY_TEXT)
    if kind == 1:
        return rng.choice(NASTY_NUMBERS)
    if kind == 2:
        return "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(12)))
    if kind == 3:
        return rng.choice([None, True, False])
    if kind == 4:
        return rng.choice(["ก", "2026-02-30", "2026-11-23", "sig.png", "/dev/zero", "."])
    if kind == 5:
        return [value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if kind == 6:
        return {
            rng.choice(["columns", "rows", "title", "weight", "heading", "lines", "x"]): value(
                rng, depth + 1
            )
            for _ in range(rng.randrange(4))
        }
    return [[value(rng, depth + 1)] * rng.randrange(3)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2569)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    outcomes: collections.Counter[str] = collections.Counter()
    slowest = 0.0
    keys = [*MEMO, "opinions", "date_indent_cm", "thai_digits", "signature_image", "emblem"]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        inputs: list[bytes] = [p.read_bytes() for p in sorted(CORPUS.glob("*.json"))]
        for _ in range(args.cases):
            if rng.random() < 0.1:
                inputs.append(bytes(rng.randrange(256) for _ in range(rng.randrange(300))))
            else:
                data = dict(MEMO)
                for _key in range(rng.randrange(1, 4)):
                    data[rng.choice(keys)] = value(rng)
                text = json.dumps(data, ensure_ascii=rng.random() < 0.5, allow_nan=True)
                inputs.append(text.encode("utf-8", "surrogatepass"))
        for number, raw in enumerate(inputs):
            source, out = tmp / f"{number}.json", tmp / f"{number}.pdf"
            source.write_bytes(raw)
            start = time.perf_counter()
            try:
                render_json_file("memo", source, out)
                outcomes["PDF"] += 1
            except DocumentInputError:
                outcomes["Thai message"] += 1
            except Exception:  # what the fuzz is looking for
                outcomes["unhandled"] += 1
                traceback.print_exc(limit=3)
            slowest = max(slowest, time.perf_counter() - start)
    print(f"{len(inputs)} inputs: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(f"unhandled exceptions: {outcomes['unhandled']}; slowest input {slowest:.2f} s")


if __name__ == "__main__":
    main()
