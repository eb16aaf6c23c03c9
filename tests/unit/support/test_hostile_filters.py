"""Free-text filters take whatever is typed or pasted: a NUL, a lone surrogate, 100,000
characters. No list raises, and a NUL does not match every row (SQLite read it as the pattern's
end)."""

from __future__ import annotations

import pytest

from models.engine import CaseFilter, list_cases
from models.support import assets, loans, service_register, tickets
from models.support.assets import AssetFilter
from tests.support_office import build

FILTERS = ["\x00", "คอม\x00", "\ud800", "ก\udfffข", "ก" * 100_000, "a" * 100_000, "%_\\'\""]


@pytest.mark.parametrize(
    "text",
    FILTERS,
    ids=["nul", "nul-after", "surrogate", "surrogate-in", "thai-100k", "ascii-100k", "like-chars"],
)
def test_every_free_text_filter_accepts_anything(db, text: str) -> None:
    office = build()
    office.open()
    viewer = office.viewer
    assert assets.asset_page(AssetFilter(text=text)).total == 0
    assert assets.asset_page(AssetFilter(location=text)).total == 0
    assert assets.search_assets(text) == []
    assert tickets.ticket_page(viewer, tickets.TicketFilter(case=CaseFilter(text=text))).total == 0
    assert list_cases(viewer, None, CaseFilter(text=text)).total == 0
    assert loans.loan_page(loans.LoanFilter(text=text)).total == 0
    service_register.service_page(viewer, service_register.ServiceFilter(text=text))


def test_a_viewer_cannot_retire_an_asset(db) -> None:
    from models.errors import PermissionDenied
    from models.support.assets import AssetStatus

    office = build()
    machine = office.pcs[0]
    with pytest.raises(PermissionDenied):
        assets.set_status(office.viewer, machine, AssetStatus.RETIRED)
    assert assets.get_asset(machine.id).status != AssetStatus.RETIRED
    assert (
        assets.set_status(office.staff, machine, AssetStatus.IN_REPAIR).status
        == AssetStatus.IN_REPAIR
    )
