"""Hostile input for the property tests and the fuzz script: text and numbers people type, paste
or import, and the ones a probe sends (control characters, lone surrogates, huge strings, formula
prefixes, NaN, numbers past every column)."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from models.errors import DomainError

# Every code point, surrogates and controls included (Hypothesis leaves out surrogates by default).
ANY_CHAR = st.characters(codec=None, exclude_categories=())
SPECIAL = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "ก\x00ข",
        "\ud800",
        "ก\udfffข",
        "\x07\x1b[31m",
        "line\nbreak",
        "tab\there",
        "=cmd|' /C calc'!A0",
        '=HYPERLINK("http://x","y")',
        "+1",
        "-1",
        "@SUM(1)",
        "'; DROP TABLE asset; --",
        "%_\\",
        "{number}{0}{x!r}{number:>999999999}",
        "ก" * 70_000,
        "a" * 100_001,
        "๗๔๔๐-๐๐๑-๐๐๐๑/๖๕",
        "7440-001-0001/65",
        "1/1/2400",
        "31/02/2569",
        "NaN",
        "-Infinity",
        "1e400",
        "1,2,3",
        "9" * 5000,
    ]
)
TEXT = st.one_of(SPECIAL, st.text(ANY_CHAR, max_size=40), st.text(max_size=400))
NUMBER: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.just(decimal.Decimal("1000000000000")),
    st.just(3_000_000_000),
    TEXT,
)
VALUE = st.one_of(TEXT, NUMBER, st.booleans(), st.dates(), st.lists(st.integers(), max_size=2))


def refused_or_done(fn: Callable[[], Any]) -> Exception | None:
    """Call ``fn``: a refusal (``DomainError``) or success is fine; anything else is returned."""
    try:
        fn()
    except DomainError as exc:
        assert exc.message.strip(), "a refusal must say why"
        return None
    except Exception as exc:  # what the property tests count
        return exc
    return None
