"""Where the document engine drew each signature block, so a digital signature can be placed in
the block its signer signs (and not at a guessed spot).

``SignatureBlock.draw`` calls ``record`` with its box; nothing is kept unless a caller collects::

    with collect() as fields:
        pdf = render_memo(memo)
    # fields: [SignatureField("signer", 1, (x1, y1, x2, y2)), SignatureField("opinion1", ...)]

A ``ContextVar`` keeps collections of documents rendered at the same time in other threads apart.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

Box = tuple[float, float, float, float]  # x1, y1, x2, y2 in PDF points from the page's bottom left


@dataclass(frozen=True)
class SignatureField:
    name: str  # "signer" (the document's signer), "opinion1", "opinion2" ... (opinion blocks)
    page: int  # 1-based
    box: Box  # the space above the signer's name, where a hand signature goes


_collecting: ContextVar[list[SignatureField] | None] = ContextVar("signature_fields", default=None)


@contextlib.contextmanager
def collect() -> Iterator[list[SignatureField]]:
    """Collect the signature blocks of the documents rendered inside the ``with``."""
    found: list[SignatureField] = []
    token = _collecting.set(found)
    try:
        yield found
    finally:
        _collecting.reset(token)


def page_of(canvas: Any) -> int:
    """The page being drawn. ``reports.page`` keeps pages until the end (to number them), so
    ReportLab's own counter stays at 1: count the kept pages instead."""
    kept = getattr(canvas, "_pages", None)
    return len(kept) + 1 if isinstance(kept, list) else int(canvas.getPageNumber())


def record(canvas: Any, name: str, x1: float, y1: float, x2: float, y2: float) -> None:
    """Note a signature block drawn on ``canvas`` (coordinates local to the current drawing
    origin); the last drawing of a name wins (a document built twice keeps the final layout)."""
    found = _collecting.get()
    if found is None:
        return
    ax1, ay1 = canvas.absolutePosition(x1, y1)
    ax2, ay2 = canvas.absolutePosition(x2, y2)
    box = (min(ax1, ax2), min(ay1, ay2), max(ax1, ax2), max(ay1, ay2))
    found[:] = [f for f in found if f.name != name]
    found.append(SignatureField(name, page_of(canvas), box))
