"""Two accounts on a shared database server, so the audit log cannot be cleared from a workstation.

The account every workstation keeps in its keyring must not own the schema: on PostgreSQL the owner
of a table may ``TRUNCATE`` it, ``ALTER TABLE … DISABLE TRIGGER``, ``DROP TRIGGER`` and replace the
trigger function, which would undo migration 0002's append-only audit log. So the administrator
makes (``python3 dev.py cli db create-roles``, with an administrator's URL):

- a **schema owner** (``ictdesk_owner`` by default), used only to run migrations
  (``python3 dev.py cli --database postgresql://ictdesk_owner@server/ictdesk db upgrade``);
- a **working account** (``ictdesk_app``), the one the workstations use: it may read and write
  the app's tables, but only read and append to ``audit_entry``, and owns nothing, so it can
  neither truncate the log nor touch its triggers or their function.

After each upgrade the owner runs ``db grant`` so the working account may use new tables (on
PostgreSQL default privileges give them already; ``grant`` also takes back what the working account
must not have on ``audit_entry``). MySQL/MariaDB get the same through per-table grants: without
``DROP``, ``ALTER`` and ``TRIGGER`` the working account can neither truncate the log nor drop its
triggers. SQLite has no accounts: whoever can write the file can change it (see the README).
"""

from __future__ import annotations

import peewee

from models.errors import ValidationError
from models.i18n import _
from models.server_roles import mysql, postgres
from models.server_roles.names import APPEND_ONLY as APPEND_ONLY
from models.server_roles.names import DEFAULT_APP as DEFAULT_APP
from models.server_roles.names import DEFAULT_OWNER as DEFAULT_OWNER
from models.server_roles.names import check_name as check_name


def create_roles(
    db: peewee.Database,
    *,
    owner: str,
    owner_password: str,
    app: str,
    app_password: str,
    schema: str = "public",
) -> list[str]:
    """Make the two accounts on the server ``db`` is connected to as an administrator (and, on
    PostgreSQL, the schema owned by the owner). Returns what was done, for the administrator."""
    check_name(owner)
    check_name(app)
    check_name(schema)
    if owner == app:
        raise ValidationError(_("บัญชีเจ้าของ schema และบัญชีใช้งานต้องเป็นคนละบัญชี"))
    if len(owner_password) < 8 or len(app_password) < 8:
        raise ValidationError(_("รหัสผ่านของบัญชีฐานข้อมูลต้องยาวอย่างน้อย 8 ตัวอักษร"))
    if isinstance(db, peewee.PostgresqlDatabase):
        return postgres.create_roles(db, owner, owner_password, app, app_password, schema)
    if isinstance(db, peewee.MySQLDatabase):
        return mysql.create_roles(db, owner, owner_password, app, app_password)
    raise ValidationError(_("SQLite ไม่มีบัญชีผู้ใช้ของฐานข้อมูล ใช้คำสั่งนี้กับ PostgreSQL หรือ MySQL/MariaDB"))


def grant(db: peewee.Database, *, app: str) -> list[str]:
    """Give the working account what it needs on every table the app has now (run as the owner
    or an administrator after each ``db upgrade``)."""
    check_name(app)
    tables = sorted(db.get_tables())
    if isinstance(db, peewee.PostgresqlDatabase):
        return postgres.grant(db, app, tables)
    if isinstance(db, peewee.MySQLDatabase):
        return mysql.grant(db, app, tables)
    raise ValidationError(_("SQLite ไม่มีบัญชีผู้ใช้ของฐานข้อมูล ใช้คำสั่งนี้กับ PostgreSQL หรือ MySQL/MariaDB"))
