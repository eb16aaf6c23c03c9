"""views.registry: tabs, settings pages and dashboard providers by order and visibility."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from models.permissions import Role
from views import registry
from views.registry import (
    DashboardProviderSpec,
    DashboardSection,
    SettingsPageSpec,
    ViewSpec,
    dashboard_providers_for,
    register_dashboard_provider,
    register_settings_page,
    register_view,
    settings_pages_for,
    views_for,
)


class FakeUser:
    def __init__(self, role: str) -> None:
        self.id, self.username, self.full_name, self.role = 1, "u", "ผู้ใช้", role


@pytest.fixture
def throwaway() -> Iterator[list[str]]:
    keys: list[str] = []
    yield keys
    for key in keys:
        registry.unregister(key)


def test_views_sorted_and_filtered_by_role(throwaway: list[str]) -> None:
    throwaway += ["t_b", "t_a", "t_admin", "t_broken"]
    register_view(ViewSpec("t_b", "ข", 902, lambda ctx: QLabel("b")))
    register_view(ViewSpec("t_a", "ก", 901, lambda ctx: QLabel("a")))
    register_view(
        ViewSpec(
            "t_admin", "ค", 900, lambda ctx: QLabel("c"), visible=lambda u: u.role == Role.ADMIN
        )
    )

    def broken(_user: Any) -> bool:
        raise RuntimeError("bug in a visibility rule")

    register_view(ViewSpec("t_broken", "ง", 903, lambda ctx: QLabel("d"), visible=broken))
    staff = [s.key for s in views_for(FakeUser(Role.STAFF)) if s.key.startswith("t_")]  # type: ignore[arg-type]
    admin = [s.key for s in views_for(FakeUser(Role.ADMIN)) if s.key.startswith("t_")]  # type: ignore[arg-type]
    assert staff == ["t_a", "t_b"]
    assert admin == ["t_admin", "t_a", "t_b"]
    # The same key replaces (re-import), never duplicates.
    register_view(ViewSpec("t_a", "ก2", 905, lambda ctx: QLabel("a")))
    assert [s.title for s in views_for(FakeUser(Role.STAFF)) if s.key == "t_a"] == ["ก2"]  # type: ignore[arg-type]


def test_settings_pages_and_providers(throwaway: list[str]) -> None:
    throwaway += ["t_page", "t_provider"]
    register_settings_page(
        SettingsPageSpec(
            "t_page", "วันหยุด", 950, lambda ctx: QLabel("x"), lambda u: u.role == Role.HEAD
        )
    )
    register_dashboard_provider(
        DashboardProviderSpec("t_provider", 950, lambda user: DashboardSection("งานของฉัน"))
    )
    assert "t_page" in [p.key for p in settings_pages_for(FakeUser(Role.HEAD))]  # type: ignore[arg-type]
    assert "t_page" not in [p.key for p in settings_pages_for(FakeUser(Role.STAFF))]  # type: ignore[arg-type]
    provider = next(
        p for p in dashboard_providers_for(FakeUser(Role.STAFF)) if p.key == "t_provider"
    )  # type: ignore[arg-type]
    assert provider.fetch(FakeUser(Role.STAFF)).title == "งานของฉัน"  # type: ignore[arg-type,union-attr]


def test_view_modules_import() -> None:
    registry.load_views()  # every listed module imports cleanly
