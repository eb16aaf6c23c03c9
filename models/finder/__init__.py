"""One search box for every process (Ctrl+K): cases of every process (publication requests, data
requests, repair tickets...) by number, title or requester, and whatever else a process registers
(assets; contracts later) through ``register_source``.

A source is ``search(actor, text, limit) -> list[Hit]``; a hit says what it is, how to show it and
where it opens (the process whose tab shows it, the kind of record and its id). Sources run one
after the other; each checks the actor's permission itself.

    register_source(FinderSource("assets", N_("ครุภัณฑ์"), 20, search_assets))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.base import Actor
from models.i18n import N_
from models.permissions import Permission, require

MIN_TEXT = 2  # shorter text would match most of the office


@dataclass(frozen=True)
class Hit:
    kind: str  # "case", "asset", ... (what the tab's open_request understands)
    id: int
    process: str  # the process whose tab opens it
    kind_label: str  # translated: "เรื่องแจ้งซ่อม", "ครุภัณฑ์"
    title: str  # "ผย.3/2569 ประกาศผลการคัดเลือก"
    detail: str = ""  # "งานประชาสัมพันธ์ · ตรวจสอบความถูกต้อง"


Search = Callable[[Actor | None, str, int], list[Hit]]


@dataclass(frozen=True)
class FinderSource:
    key: str
    label: str  # N_-marked
    order: int
    search: Search


_SOURCES: dict[str, FinderSource] = {}


def register_source(source: FinderSource) -> FinderSource:
    _SOURCES[source.key] = source
    return source


def sources() -> list[FinderSource]:
    return sorted(_SOURCES.values(), key=lambda s: s.order)


def find(actor: Actor | None, text: str, limit: int = 10) -> list[Hit]:
    """Every source's hits for ``text`` (at most ``limit`` each), cases first."""
    require(actor, Permission.VIEW)
    text = text.strip()
    if len(text) < MIN_TEXT:
        return []
    hits: list[Hit] = []
    for source in sources():
        hits.extend(source.search(actor, text, limit))
    return hits


def _search_cases(actor: Actor | None, text: str, limit: int) -> list[Hit]:
    from models.engine.queries import CaseFilter, list_cases
    from models.engine.registry import get_process
    from models.i18n import _

    page = list_cases(actor, None, CaseFilter(text=text), "received_on", True, 0, limit)
    out = []
    for row in page.rows:
        process = get_process(row.process)
        out.append(
            Hit(
                kind="case",
                id=row.id,
                process=row.process,
                kind_label=_(process.label),
                title=f"{row.number} {row.title}",
                detail=" · ".join(p for p in (row.requester, row.step_label, row.state_text) if p),
            )
        )
    return out


register_source(FinderSource("cases", N_("เรื่อง"), 10, _search_cases))

__all__ = ["FinderSource", "Hit", "find", "register_source", "sources"]
