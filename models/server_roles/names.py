"""The two accounts' default names, the tables the working account may only read and append to,
and the check that makes a name safe to write into SQL as an identifier."""

from __future__ import annotations

import re

from models.errors import ValidationError
from models.i18n import _

DEFAULT_OWNER = "ictdesk_owner"
DEFAULT_APP = "ictdesk_app"
APPEND_ONLY = ("audit_entry",)  # the working account may read and add rows, nothing more
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def check_name(name: str) -> str:
    """An account or schema name safe to write into SQL as an identifier."""
    if not _NAME.match(name):
        raise ValidationError(
            _("ชื่อบัญชีหรือ schema “{name}” ใช้ไม่ได้ (ใช้ได้เฉพาะ a-z 0-9 และขีดล่าง)").format(name=name)
        )
    return name
