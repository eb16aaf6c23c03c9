"""Domain helpers the settings window needed: committee and user lists, the emblem in one
transaction, several settings saved all-or-nothing."""

from __future__ import annotations

from typing import Any

import pytest

from models import attachments, office, settings, users
from models.errors import ConflictError, PermissionDenied, ValidationError
from models.org import Organisation
from models.permissions import Role


def test_committees_and_all_users(db: Any, make_user: Any) -> None:
    office.save_committee(None, None, [], name="ข", active=False)
    office.save_committee(None, None, [], name="ก")
    assert [c.name for c in office.committees()] == ["ก"]
    assert [c.name for c in office.committees(active_only=False)] == ["ก", "ข"]
    admin = make_user(Role.ADMIN)
    gone = make_user(Role.STAFF, full_name="ก ผู้ใช้เก่า")
    users.update_user(admin, gone, active=False)
    listed = users.all_users()
    assert [u.id for u in listed] == [admin.id, gone.id]  # active first, inactive kept


def test_set_emblem_is_one_transaction(db: Any, make_user: Any) -> None:
    head = make_user(Role.HEAD)
    office.update_organisation(None, name="สำนักงานทดสอบ")
    org = office.set_emblem(head, "emblem.png", b"\x89PNG fake image bytes")
    assert attachments.content(org.emblem_attachment_id) == b"\x89PNG fake image bytes"
    stale = org.version - 1
    before = attachments.Attachment.select().count()
    with pytest.raises(ConflictError):  # a stale version: neither the file nor the link stays
        office.set_emblem(head, "other.png", b"other", expected_version=stale)
    assert attachments.Attachment.select().count() == before
    cleared = office.set_emblem(head, None, None)
    assert cleared.emblem_attachment_id is None
    with pytest.raises(PermissionDenied):
        office.set_emblem(make_user(Role.STAFF), "x.png", b"x")
    assert Organisation.get().emblem_attachment_id is None


def test_put_many_all_or_nothing(db: Any, make_user: Any) -> None:
    admin = make_user(Role.ADMIN)
    with pytest.raises(ValidationError) as caught:
        settings.put_many(admin, {"backup.keep_daily": 30, "attachments.max_mb": 9999})
    assert "attachments.max_mb" in caught.value.errors
    assert settings.get("backup.keep_daily") == 14  # the good value was not written either
    settings.put_many(admin, {"backup.keep_daily": 30, "documents.thai_digits": False})
    assert settings.get("backup.keep_daily") == 30
    assert settings.get("documents.thai_digits") is False
    with pytest.raises(PermissionDenied):
        settings.put_many(make_user(Role.HEAD), {"backup.keep_daily": 3})


def test_dummy_hash_matches_the_hasher() -> None:
    """The timing guard for unknown user names costs what a real check costs."""
    import ast
    from pathlib import Path

    from argon2 import PasswordHasher

    source = Path(users.__file__).read_text(encoding="utf-8")  # the shipped value (tests swap it)
    _DUMMY_HASH = next(
        ast.literal_eval(node.value)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", "") == "_DUMMY_HASH" for t in node.targets)
    )
    assert not PasswordHasher().check_needs_rehash(_DUMMY_HASH)
    assert PasswordHasher().verify(_DUMMY_HASH, "ictdesk-timing-guard")
