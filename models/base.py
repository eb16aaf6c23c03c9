"""Base classes every table inherits: one database binding, snake_case table names, and for editable
records a version column for optimistic concurrency.

Writes go through ``models.records`` (create / update / delete), which check the version, stamp who
changed what, and write the audit log in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import json
from typing import Any, ClassVar, Protocol

import peewee

from models import clock
from models.db import database


class Actor(Protocol):
    """Whoever acts through the app: a logged-in ``User``; ``None`` stands for the system itself."""

    id: int
    username: str
    full_name: str
    role: str


class BaseModel(peewee.Model):
    id = peewee.AutoField()  # declared so type checkers know every record's key
    # Fields whose values never go into the audit log (e.g. password hashes).
    audit_redact: ClassVar[frozenset[str]] = frozenset()

    class Meta:
        database = database
        legacy_table_names = False

    def snapshot(self, only: set[str] | None = None) -> dict[str, Any]:
        """The record's stored values as JSON-ready data (foreign keys as ids, bytes as a size)."""
        out: dict[str, Any] = {}
        for field in self._meta.sorted_fields:
            name = field.name
            if only is not None and name not in only:
                continue
            value = self.__data__.get(name)
            if name in self.audit_redact:
                value = "***" if value else value
            out[name] = to_json_value(value)
        return out


class VersionedModel(BaseModel):
    """An editable record: a save over a newer version is refused (no last-writer-wins)."""

    version = peewee.IntegerField(default=1)
    created_at = peewee.DateTimeField(default=clock.now)
    modified_at = peewee.DateTimeField(default=clock.now)
    # The user's id without a foreign key: every table can carry it without depending on the
    # user table's creation order; the audit log keeps the authoritative history.
    modified_by = peewee.IntegerField(null=True)


def to_json_value(value: Any) -> Any:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"<{len(value)} bytes>"
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, peewee.Model):
        return value.get_id()
    return value


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=str, sort_keys=True)
