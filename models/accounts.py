"""The account table (``app_user``). The rules about accounts (creating them, passwords, the
lockout) are in ``models.users``; this module holds only the table, so ``models.permissions`` and
``models.records`` can read who someone is without importing those rules."""

from __future__ import annotations

from typing import ClassVar

import peewee

from models.base import VersionedModel
from models.i18n import N_
from models.org import WorkGroup
from models.roles import Role


class User(VersionedModel):
    username = peewee.CharField(max_length=64, unique=True)
    full_name = peewee.CharField(max_length=200)
    position = peewee.CharField(max_length=300, default="")
    role = peewee.CharField(max_length=20, default=Role.STAFF, index=True)
    work_group = peewee.ForeignKeyField(WorkGroup, null=True, backref="users", on_delete="SET NULL")
    email = peewee.CharField(max_length=200, default="")
    phone = peewee.CharField(max_length=100, default="")
    password_hash = peewee.CharField(max_length=255)
    failed_logins = peewee.IntegerField(default=0)
    locked_until = peewee.DateTimeField(null=True)
    must_change_password = peewee.BooleanField(default=False)
    last_login_at = peewee.DateTimeField(null=True)
    active = peewee.BooleanField(default=True)

    audit_redact = frozenset({"password_hash"})
    # Labels people see, for messages about a value that does not fit its column (models.records).
    field_labels: ClassVar[dict[str, str]] = {
        "username": N_("ชื่อผู้ใช้"),
        "full_name": N_("ชื่อ-นามสกุล"),
        "position": N_("ตำแหน่ง"),
        "email": N_("อีเมล"),
        "phone": N_("โทรศัพท์"),
    }

    class Meta:
        table_name = "app_user"  # "user" is reserved in PostgreSQL

    @property
    def role_enum(self) -> Role:
        return Role(self.role)

    def __str__(self) -> str:
        return str(self.full_name)
