"""One page of a list and the number of rows its filter matches: what every paged list returns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import peewee

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list, with the number of rows the filter matches in all."""

    rows: list[T]
    total: int


def sorted_page(
    query: peewee.ModelSelect[Any],
    column: Any,
    descending: bool,
    tiebreak: Any,
    offset: int,
    limit: int,
    to_rows: Callable[[list[Any]], list[T]],
) -> Page[T]:
    """``query`` sorted by ``column`` (then ``tiebreak``, so paging is stable), one page of it
    made into rows, and the count of everything it matches."""
    order = [column.desc() if descending else column.asc(), tiebreak]
    total = query.count()
    return Page(to_rows(list(query.order_by(*order).offset(offset).limit(limit))), total)
