"""The append-only audit log: who did what to which record, when, with the values before and after.

Rows are only ever inserted: the model refuses updates and deletes, and migration 0002 adds database
triggers that refuse them too (for writes that bypass the app).
"""

from __future__ import annotations

from typing import Any

import peewee

from models import clock
from models.base import Actor, BaseModel, dumps
from models.i18n import _


class AuditEntry(BaseModel):
    at = peewee.DateTimeField(default=clock.now, index=True)
    user_id = peewee.IntegerField(null=True, index=True)
    user_name = peewee.CharField(max_length=200, default="")
    action = peewee.CharField(max_length=32)  # insert | update | delete | login | ...
    table_name = peewee.CharField(max_length=64)
    row_id = peewee.IntegerField(null=True)
    before = peewee.TextField(null=True)
    after = peewee.TextField(null=True)
    note = peewee.TextField(default="")

    class Meta:
        indexes = ((("table_name", "row_id"), False),)

    def save(self, *args: Any, **kwargs: Any) -> int:
        if self.id is not None and not kwargs.get("force_insert"):
            raise PermissionError(_("บันทึกการใช้งานแก้ไขไม่ได้"))
        return int(super().save(*args, **kwargs))

    def delete_instance(self, *args: Any, **kwargs: Any) -> int:
        raise PermissionError(_("บันทึกการใช้งานลบไม่ได้"))


def record(
    actor: Actor | None,
    action: str,
    table_name: str,
    row_id: int | None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEntry:
    return AuditEntry.create(
        user_id=actor.id if actor else None,
        user_name=actor.full_name if actor else _("ระบบ"),
        action=action,
        table_name=table_name,
        row_id=row_id,
        before=dumps(before) if before is not None else None,
        after=dumps(after) if after is not None else None,
        note=note,
    )


def history(table_name: str, row_id: int) -> list[AuditEntry]:
    return list(
        AuditEntry.select()
        .where((AuditEntry.table_name == table_name) & (AuditEntry.row_id == row_id))
        .order_by(AuditEntry.at, AuditEntry.id)
    )
