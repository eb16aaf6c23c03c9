"""The roles an account can hold. Kept apart from ``models.permissions`` (what each role may
do) so the account table can name them without importing the rules."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"  # ผู้ดูแลระบบ: settings, users, database
    HEAD = "head"  # หน.ภทส.
    GROUP_HEAD = "group_head"  # หน.จรส. / หน.จรป.
    STAFF = "staff"  # เจ้าหน้าที่ ภทส.
    VIEWER = "viewer"  # reads registers and reports only
