"""Accounts: argon2id, lockout after five failures, own and admin password changes, role checks."""

from __future__ import annotations

import datetime as dt

import pytest

from models import clock, users
from models.audit import AuditEntry
from models.errors import AuthenticationError, PermissionDenied, ValidationError
from models.permissions import Role
from models.users import User


def test_passwords_are_argon2id_and_never_audited(db, admin) -> None:
    stored = User.get_by_id(admin.id)
    assert stored.password_hash.startswith("$argon2id$")
    assert "password123" not in stored.password_hash
    inserted = AuditEntry.get(
        (AuditEntry.table_name == "app_user") & (AuditEntry.action == "insert")
    )
    assert "argon2" not in inserted.after and '"password_hash": "***"' in inserted.after


def test_login_succeeds_case_insensitively_and_records_it(db, admin) -> None:
    user = users.authenticate("  ADMIN ", "password123")
    assert user.id == admin.id and user.last_login_at is not None
    assert AuditEntry.select().where(AuditEntry.action == "login").count() == 1


def test_every_failure_gets_the_same_message_and_one_hash_check(
    db, admin, make_user, monkeypatch
) -> None:
    """Unknown name, wrong password, locked account, switched-off account: one answer, one argon2
    check each (the time a login takes is the hash's), so nothing tells which names exist."""
    checks: list[str] = []
    real = users._verify
    monkeypatch.setattr(users, "_verify", lambda h, p: checks.append(h) or real(h, p))
    make_user("staff", username="locked1")
    off = make_user("staff", username="off1")
    users.update_user(admin, off, active=False)
    for _ in range(users.MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationError):
            users.authenticate("locked1", "nope")
    checks.clear()
    messages = []
    for name, password in [
        ("nobody", "password123"),
        ("admin", "wrong-one"),
        ("locked1", "password123"),  # the right password, but locked
        ("off1", "password123"),
    ]:
        with pytest.raises(AuthenticationError) as refused:
            users.authenticate(name, password)
        messages.append(refused.value.message)
    assert len(set(messages)) == 1
    assert len(checks) == 4  # one hash check per attempt, whatever the reason


def test_five_failures_lock_for_five_minutes(db, make_user) -> None:
    start = dt.datetime(2026, 11, 23, 10, 0)
    clock.set_clock(lambda: start)
    make_user("staff", username="suda")
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            users.authenticate("suda", "nope")
    # Even the right password is refused while locked.
    with pytest.raises(AuthenticationError):
        users.authenticate("suda", "password123")
    assert User.get(User.username == "suda").locked_until == start + dt.timedelta(minutes=5)
    assert AuditEntry.select().where(AuditEntry.action == "lock").count() == 1

    clock.set_clock(lambda: start + dt.timedelta(minutes=5, seconds=1))
    assert users.authenticate("suda", "password123").failed_logins == 0


def test_success_resets_the_failure_count(db, make_user) -> None:
    make_user("staff", username="anan")
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            users.authenticate("anan", "nope")
    users.authenticate("anan", "password123")
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            users.authenticate("anan", "nope")
    assert User.get(User.username == "anan").locked_until is None
    assert users.authenticate("anan", "password123").failed_logins == 0


def test_a_switched_off_account_cannot_change_its_password_or_profile(db, admin, make_user) -> None:
    clerk = make_user("staff", username="somsri")
    session = User.get_by_id(clerk.id)  # the window's user, read at login
    users.update_user(admin, clerk, active=False)
    with pytest.raises(PermissionDenied):
        users.change_own_password(session, "password123", "new-password-1")
    with pytest.raises(PermissionDenied):
        users.update_user(session, session, phone="0812345678")
    stored = User.get_by_id(clerk.id)
    assert stored.phone == "" and stored.version == session.version + 1


def test_inactive_user_cannot_log_in(db, admin, make_user) -> None:
    clerk = make_user("staff", username="pim")
    users.update_user(admin, clerk, active=False)
    with pytest.raises(AuthenticationError):
        users.authenticate("pim", "password123")


def test_change_own_password(db, make_user) -> None:
    clerk = make_user("staff", username="warunee")
    with pytest.raises(ValidationError) as wrong_old:
        users.change_own_password(clerk, "not-it", "new-password-1")
    assert "old_password" in wrong_old.value.errors
    with pytest.raises(ValidationError):
        users.change_own_password(clerk, "password123", "short")
    users.change_own_password(clerk, "password123", "new-password-1")
    assert users.authenticate("warunee", "new-password-1").id == clerk.id
    with pytest.raises(AuthenticationError):
        users.authenticate("warunee", "password123")


def test_admin_resets_a_password_and_unlocks(db, admin, make_user) -> None:
    clerk = make_user("staff", username="teerapat")
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            users.authenticate("teerapat", "nope")
    users.reset_password(admin, User.get_by_id(clerk.id), "temporary-1")
    user = users.authenticate("teerapat", "temporary-1")
    assert user.must_change_password


def test_only_administrators_manage_users(db, admin, make_user) -> None:
    head = make_user("head")
    with pytest.raises(PermissionDenied) as info:
        users.create_user(head, "newbie", "ผู้ใช้ใหม่", Role.STAFF, "password123")
    assert "จัดการผู้ใช้" in info.value.message
    with pytest.raises(PermissionDenied):
        users.reset_password(head, admin, "whatever-1")
    assert not User.select().where(User.username == "newbie").exists()


def test_users_may_edit_their_own_contact_details_only(db, make_user) -> None:
    clerk = make_user("staff")
    users.update_user(clerk, clerk, phone="0812345678")
    with pytest.raises(PermissionDenied):
        users.update_user(clerk, User.get_by_id(clerk.id), role=Role.ADMIN)
    assert User.get_by_id(clerk.id).role == Role.STAFF


def test_duplicate_and_empty_fields_are_refused(db, admin) -> None:
    with pytest.raises(ValidationError) as dup:
        users.create_user(admin, "Admin", "คนอื่น", Role.STAFF, "password123")
    assert "username" in dup.value.errors and "มีผู้ใช้อยู่แล้ว" in dup.value.message
    with pytest.raises(ValidationError) as empty:
        users.create_user(admin, "", "  ", "nonsense", "")
    assert set(empty.value.errors) == {"username", "full_name", "role", "password"}
    assert User.select().count() == 1


def test_the_last_administrator_stays(db, admin) -> None:
    with pytest.raises(ValidationError):
        users.update_user(admin, admin, role=Role.STAFF)
    with pytest.raises(ValidationError):
        users.update_user(admin, User.get_by_id(admin.id), active=False)


def test_first_admin_only_on_an_empty_database(db) -> None:
    assert users.needs_first_admin()
    first = users.create_first_admin("root", "ผู้ดูแล", "password123")
    assert first.role == Role.ADMIN and not users.needs_first_admin()
    with pytest.raises(ValidationError):
        users.create_first_admin("second", "ผู้ดูแลคนที่สอง", "password123")


def test_rights_follow_the_account_not_the_login_snapshot(db, admin, make_user) -> None:
    """Another workstation's administrator demotes or switches off a logged-in user: the rights
    held in that user's session end with the change."""
    from models.engine import queries

    second = make_user("admin", username="somchai")
    session = User.get_by_id(second.id)  # what the logged-in window holds
    users.create_user(session, "worker1", "ผู้ใช้ใหม่หนึ่ง", Role.STAFF, "password123")
    users.update_user(admin, User.get_by_id(second.id), role=Role.STAFF)
    with pytest.raises(PermissionDenied) as changed:
        users.create_user(session, "worker2", "ผู้ใช้ใหม่สอง", Role.STAFF, "password123")
    assert "ออกจากระบบแล้วเข้าสู่ระบบใหม่" in changed.value.message
    assert not User.select().where(User.username == "worker2").exists()

    staff = make_user("staff", username="suda")
    staff_session = User.get_by_id(staff.id)
    queries.my_work(staff_session)
    users.update_user(admin, User.get_by_id(staff.id), active=False)
    with pytest.raises(PermissionDenied) as off:
        queries.my_work(staff_session)
    assert "ปิดการใช้งาน" in off.value.message
