"""The shell's own dashboard provider: the office at a glance (runs in the worker)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models import office, users
from models.i18n import N_
from models.org import organisation
from models.permissions import Permission, can
from views.registry import Count, DashboardSection, OpenRequest

if TYPE_CHECKING:
    from models.users import User


def office_overview(user: User) -> DashboardSection:
    org = organisation()
    manage = can(user, Permission.MANAGE_USERS)
    return DashboardSection(
        title=org.mission or org.name or N_("สำนักงาน"),
        counts=[
            Count(
                N_("ผู้ใช้ที่ใช้งานอยู่"),
                len(users.active_users()),
                OpenRequest("settings", "page", params={"page": "users"}) if manage else None,
            ),
            Count(
                N_("หน่วยงานที่ขอรับบริการ"),
                len(office.units()),
                OpenRequest("settings", "page", params={"page": "units"}) if manage else None,
            ),
            Count(N_("ผู้ลงนาม"), len(office.signatories())),
            Count(N_("คณะกรรมการ"), len(office.committees())),
        ],
    )
