"""The one source of "now" for domain rules, so tests can move time (lockouts, deadlines)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

_now: Callable[[], dt.datetime] = dt.datetime.now


def now() -> dt.datetime:
    return _now().replace(microsecond=0)


def today() -> dt.date:
    return now().date()


def set_clock(source: Callable[[], dt.datetime] | None) -> None:
    """Replace the clock (tests); ``None`` restores the system clock."""
    global _now
    _now = source or dt.datetime.now
