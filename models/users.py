"""People who log in: accounts, roles, argon2id passwords, and the lockout after failed logins."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import peewee
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from models import audit, clock, records
from models import offline as mode
from models.accounts import User as User  # re-exported: callers know accounts as models.users.User
from models.base import Actor
from models.db import database
from models.errors import AuthenticationError, PermissionDenied, ValidationError
from models.i18n import _
from models.permissions import Permission, Role, require

MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 5
MIN_PASSWORD_LENGTH = 8
USERNAME_PATTERN = re.compile(r"^[a-z0-9._-]{3,64}$")

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters
# Verified against when the user name is unknown, so both answers cost the same. Written out
# rather than computed at import: hashing takes about half a second, on every start of the app.
# A unit test checks it still matches the hasher's parameters.
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$OGQO8bG3doiSOZuSa+Re8w$MMtUJNDTXGqipSbNcSXGqTxOLigQoBVT0Ex5GEkEKUo"


def use_fast_hashing_for_tests() -> None:
    """Cheap argon2id parameters so test suites can create many accounts quickly."""
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    _DUMMY_HASH = _hasher.hash("ictdesk-timing-guard")


def _secret_bytes(password: str) -> bytes:
    """The password as argon2 takes it; a lone surrogate (pasted from a broken clipboard) is
    kept as its code rather than failing the encoding (a new password with one is refused)."""
    return password.encode("utf-8", "surrogatepass")


def hash_password(password: str) -> str:
    return _hasher.hash(_secret_bytes(password))


def check_password_rules(password: str) -> None:
    if re.search(r"[\x00-\x1f\x7f\ud800-\udfff]", password):
        raise ValidationError(
            _("รหัสผ่านมีอักขระที่ใช้ไม่ได้ (อักขระควบคุมหรืออักขระที่ไม่สมบูรณ์)"),
            {"password": _("รหัสผ่านมีอักขระที่ใช้ไม่ได้")},
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            _("รหัสผ่านต้องยาวอย่างน้อย {n} ตัวอักษร").format(n=MIN_PASSWORD_LENGTH),
            {"password": _("รหัสผ่านสั้นเกินไป")},
        )


def normalise_username(username: str) -> str:
    return username.strip().lower()


def _validate_account(
    username: str, full_name: str, role: str, *, exclude_id: int | None = None
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not USERNAME_PATTERN.match(username):
        errors["username"] = _("ชื่อผู้ใช้ต้องมี 3-64 ตัวอักษร ใช้ได้เฉพาะ a-z 0-9 จุด ขีดกลาง และขีดล่าง")
    else:
        query = User.select().where(User.username == username)
        if exclude_id is not None:
            query = query.where(User.id != exclude_id)
        if query.exists():
            errors["username"] = _("ชื่อผู้ใช้ “{name}” มีผู้ใช้อยู่แล้ว").format(name=username)
    if not full_name.strip():
        errors["full_name"] = _("กรุณากรอกชื่อ-นามสกุล")
    if role not in set(Role):
        errors["role"] = _("บทบาทไม่ถูกต้อง")
    return errors


def _raise_if(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(" ".join(errors.values()), errors)


def needs_first_admin() -> bool:
    return not User.select().exists()


def create_first_admin(username: str, full_name: str, password: str) -> User:
    """The set-up dialog's account: only while the database has no user at all."""
    with database.atomic():
        if not needs_first_admin():
            raise ValidationError(_("มีผู้ดูแลระบบแล้ว กรุณาเข้าสู่ระบบด้วยบัญชีที่มีอยู่"))
        return _create(None, username, full_name, Role.ADMIN, password)


def create_user(
    actor: Actor | None,
    username: str,
    full_name: str,
    role: str,
    password: str,
    **details: Any,
) -> User:
    require(actor, Permission.MANAGE_USERS)
    return _create(actor, username, full_name, role, password, **details)


def _create(
    actor: Actor | None, username: str, full_name: str, role: str, password: str, **details: Any
) -> User:
    username = normalise_username(username)
    errors = _validate_account(username, full_name, role)
    try:
        check_password_rules(password)
    except ValidationError as exc:
        errors["password"] = exc.message
    _raise_if(errors)
    try:
        return records.create(
            actor,
            User,
            username=username,
            full_name=full_name.strip(),
            role=role,
            password_hash=hash_password(password),
            **details,
        )
    except peewee.IntegrityError as exc:  # two admins adding the same name at the same instant
        raise ValidationError(
            _("ชื่อผู้ใช้ “{name}” มีผู้ใช้อยู่แล้ว").format(name=username),
            {"username": _("ชื่อผู้ใช้ซ้ำ")},
        ) from exc


def update_user(
    actor: Actor | None, user: User, *, expected_version: int | None = None, **changes: Any
) -> User:
    """Edit an account's details (not its password). Admins only; everyone may edit their own
    name, position, e-mail and phone."""
    own_fields = {"full_name", "position", "email", "phone"}
    if not (actor is not None and actor.id == user.id and set(changes) <= own_fields):
        require(actor, Permission.MANAGE_USERS)
    elif isinstance(actor, User) or User.select().where(User.id == actor.id).exists():
        _require_active_self(User.get_by_id(actor.id))
    if "password_hash" in changes:
        raise ValidationError(_("เปลี่ยนรหัสผ่านได้จากเมนูเปลี่ยนรหัสผ่านเท่านั้น"))
    if "username" in changes:
        changes["username"] = normalise_username(changes["username"])
    _raise_if(
        _validate_account(
            changes.get("username", user.username),
            changes.get("full_name", user.full_name),
            changes.get("role", user.role),
            exclude_id=user.id,
        )
    )
    if (user.role == Role.ADMIN and changes.get("role", Role.ADMIN) != Role.ADMIN) or (
        user.role == Role.ADMIN and changes.get("active") is False
    ):
        _keep_one_admin(user)
    return records.update(actor, user, expected_version=expected_version, **changes)


def _keep_one_admin(user: User) -> None:
    others = User.select().where(
        (User.role == Role.ADMIN) & (User.active == True) & (User.id != user.id)  # noqa: E712
    )
    if not others.exists():
        raise ValidationError(_("ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อยหนึ่งคน"))


def login_refused_message() -> str:
    """The one answer to every failed login: unknown name, wrong password, locked or switched-off
    account all read the same, so the message never tells which user names exist."""
    return _(
        "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง หรือบัญชีถูกระงับชั่วคราว (ใส่รหัสผ่านผิด {n} ครั้ง บัญชีจะถูกระงับ {m} นาที)"
    ).format(n=MAX_FAILED_LOGINS, m=LOCK_MINUTES)


def authenticate(username: str, password: str) -> User:
    """Log in. Five wrong passwords lock the account for five minutes. Every failure gets the same
    message and costs the same: exactly one argon2 check (against a stand-in hash when the name is
    unknown or the account switched off), and a locked account's hash is checked too, the result
    ignored. The attempt is counted, under the user row's lock, *before* the hash is checked, so
    workstations guessing in parallel get at most five checks between them."""
    refused = AuthenticationError(login_refused_message())
    try:
        user = User.get_or_none(User.username == normalise_username(username))
    except ValidationError:  # a name no account can have (a NUL...): an unknown name
        user = None
    if user is None or not user.active:
        _verify(_DUMMY_HASH, password)  # same cost as a real check
        raise refused
    now = clock.now()
    if mode.is_offline():
        # The replica is read-only: the password is checked against its copy (locked accounts
        # stay locked), and neither the attempt nor the login is recorded.
        locked = user.locked_until is not None and user.locked_until > now
        if not _verify(user.password_hash, password) or locked:
            raise refused
        return user
    attempt = _count_attempt(user.id, now)
    correct = _verify(user.password_hash, password)
    if attempt == "refused" or not correct:
        if attempt == "counted":  # the attempt that locked is logged as the lock
            with database.atomic():
                audit.record(None, "login_failed", User._meta.table_name, user.id)
        raise refused
    with database.atomic():
        changes: dict[Any, Any] = {
            User.failed_logins: 0,
            User.locked_until: None,
            User.last_login_at: now,
        }
        if _hasher.check_needs_rehash(user.password_hash):
            changes[User.password_hash] = hash_password(password)
        User.update(changes).where(User.id == user.id).execute()  # bookkeeping: no new version
        audit.record(user, "login", User._meta.table_name, user.id)
    return User.get_by_id(user.id)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return bool(_hasher.verify(password_hash, _secret_bytes(password)))
    except (VerificationError, InvalidHashError):
        return False


def _count_attempt(user_id: int, now: dt.datetime) -> str:
    """Count one login attempt before its password is checked: ``refused`` while the account is
    locked, ``locking`` for the attempt that reaches the limit, else ``counted``.
    The attempt that reaches the limit sets the lock at once (a success clears it), so a crash
    between counting and checking never leaves an account stuck, and the count is never reset by
    locking: the limit holds whatever the order in which parallel attempts finish."""
    with database.atomic():
        query = User.select(User.failed_logins, User.locked_until).where(User.id == user_id)
        if not isinstance(database.obj, peewee.SqliteDatabase):  # SQLite: BEGIN IMMEDIATE locks
            query = query.for_update()
        row: tuple[int, dt.datetime | None] = query.tuples().get()  # type: ignore[assignment]
        failed, locked_until = row
        if locked_until is not None and locked_until > now:
            return "refused"
        failed = (0 if locked_until is not None else failed) + 1
        until = now + dt.timedelta(minutes=LOCK_MINUTES) if failed >= MAX_FAILED_LOGINS else None
        User.update(failed_logins=failed, locked_until=until).where(User.id == user_id).execute()
        if until is not None:
            audit.record(None, "lock", User._meta.table_name, user_id, after={"until": until})
    return "counted" if until is None else "locking"


def _require_active_self(user: User) -> None:
    """An open session of an account switched off meanwhile may not change anything of it."""
    active = User.select(User.active).where(User.id == user.id).scalar()
    if not active:
        raise PermissionDenied(_("บัญชีผู้ใช้ของท่านถูกปิดการใช้งานแล้ว กรุณาติดต่อผู้ดูแลระบบ"))


def change_own_password(user: User, old_password: str, new_password: str) -> User:
    _require_active_self(user)
    user = User.get_by_id(user.id)  # the stored hash, not the one read at login
    if not _verify(user.password_hash, old_password):
        raise ValidationError(_("รหัสผ่านเดิมไม่ถูกต้อง"), {"old_password": _("รหัสผ่านเดิมไม่ถูกต้อง")})
    check_password_rules(new_password)
    if old_password == new_password:
        raise ValidationError(_("รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสผ่านเดิม"))
    return records.update(
        user,
        user,
        password_hash=hash_password(new_password),
        must_change_password=False,
        note=_("เปลี่ยนรหัสผ่านของตนเอง"),
    )


def reset_password(actor: Actor | None, user: User, new_password: str) -> User:
    """The administrator sets a temporary password; the user must change it at next login."""
    require(actor, Permission.MANAGE_USERS)
    check_password_rules(new_password)
    return records.update(
        actor,
        user,
        password_hash=hash_password(new_password),
        must_change_password=True,
        failed_logins=0,
        locked_until=None,
        note=_("ผู้ดูแลระบบตั้งรหัสผ่านใหม่"),
    )


def active_users(role: Role | None = None) -> list[User]:
    query = User.select().where(User.active == True)  # noqa: E712
    if role is not None:
        query = query.where(User.role == role)
    return list(query.order_by(User.full_name))


def all_users() -> list[User]:
    """Every account, active or not (the administrator's user list)."""
    return list(User.select().order_by(User.active.desc(), User.full_name, User.id))
