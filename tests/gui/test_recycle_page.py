"""Settings → รายการที่ลบ (issue 13, point 8): an administrator sees a deleted asset and brings
it back through the window; the page is offered to administrators only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from models import clock
from models.support import asset_removal, assets
from models.support.assets import Asset, AssetKind
from models.users import User
from tests.gui.conftest import MessageBoxes
from views.registry import settings_pages_for
from views.settings.recycle import RecyclePage

pytestmark = pytest.mark.gui


def test_restore_a_deleted_asset_from_the_window(
    qtbot: Any,
    ctx: Any,
    make_user: Callable[..., User],
    wait_workers: Callable[[], None],
    message_boxes: MessageBoxes,
) -> None:
    moment = dt.datetime(2026, 11, 2, 9, 0)
    clock.set_clock(lambda: moment)
    staff = make_user("staff")
    asset = assets.save_asset(
        staff,
        None,
        {"kind": AssetKind.HARDWARE, "number": "7440-001-0009/65", "name": "เครื่องพิมพ์"},
    )
    asset_removal.delete_asset(staff, asset)

    assert "recycle" in {p.key for p in settings_pages_for(ctx.user)}
    assert "recycle" not in {p.key for p in settings_pages_for(staff)}

    page = RecyclePage(ctx)
    qtbot.addWidget(page)
    wait_workers()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 1).text() == "7440-001-0009/65 เครื่องพิมพ์"
    assert page.table.item(0, 2).text() == staff.full_name
    message_boxes.answer = "กู้คืน"
    page.restore_button.click()
    wait_workers()
    assert Asset.get_by_id(asset.id).name == "เครื่องพิมพ์"
    assert message_boxes.last.text == "กู้คืน “7440-001-0009/65 เครื่องพิมพ์” แล้ว"
    wait_workers()
    assert page.table.rowCount() == 0
