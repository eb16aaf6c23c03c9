"""The one database entry point: a proxy every model binds to, and ``init_db(url)``.

SQLite (a file in the user's data folder) is the default; a shared PostgreSQL server (or MySQL /
MariaDB) is chosen by URL through ``playhouse.db_url``. ``init_db`` connects, sets SQLite's pragmas,
refuses a database written by a newer ICT Desk, backs up an SQLite file before migrating it, and
runs the numbered migrations in ``models/migrations`` with peewee's own runner.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlparse, urlsplit, urlunsplit

import peewee
import platformdirs
from playhouse.migrations import Runner

from models import backup, drivers
from models.errors import (
    DatabaseCorrupt,
    DatabaseTooNew,
    DatabaseUnavailable,
    DatabaseUrlError,
)
from models.i18n import _

APP_NAME = "ICTDesk"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10_000,  # ms: another workstation window or a worker holding the write lock
    "synchronous": "normal",  # safe with WAL; a power cut loses at most the last commit
    "cache_size": -16_000,  # KiB
}
CONNECT_TIMEOUT_S = 3  # default of the workstation setting; see set_connect_timeout
_connect_timeout_s = CONNECT_TIMEOUT_S
BACKENDS = {
    "sqlite": "sqlite",
    "postgresql": "postgresql",
    "postgres": "postgresql",
    "mysql": "mysql",
    "mariadb": "mysql",
}

database = peewee.DatabaseProxy()

# Text no column stores (entry refuses it, ``models.records``) but a lookup may still carry: a NUL
# (PostgreSQL's driver raises ValueError) or a lone surrogate (no driver encodes it).
_UNSENDABLE = re.compile(r"[\x00\ud800-\udfff]")


class _TextGuard(peewee.Database):
    """A statement whose parameters hold text no database can take is refused with a Thai
    message (a ``ValidationError``), not a raw ValueError or UnicodeEncodeError: forms check
    fields by name first; this catches a lookup (a name, a filter) made before that check."""

    def execute_sql(self, sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().execute_sql(sql, params, *args, **kwargs)
        except (ValueError, UnicodeEncodeError) as exc:
            if not any(isinstance(p, str) and _UNSENDABLE.search(p) for p in params or ()):
                raise
            from models.errors import ValidationError

            raise ValidationError(
                _("ข้อมูลที่กรอกมีอักขระที่ใช้ไม่ได้ (เช่น อักขระ NUL หรืออักขระที่ไม่สมบูรณ์) กรุณาลบออก")
            ) from exc


class SqliteGuardedDatabase(_TextGuard, peewee.SqliteDatabase):
    pass


class PostgresqlGuardedDatabase(_TextGuard, peewee.PostgresqlDatabase):
    pass


class MySQLGuardedDatabase(_TextGuard, peewee.MySQLDatabase):
    pass


@dataclass(frozen=True)
class DatabaseUrl:
    """A parsed, validated database URL. ``display`` never contains the password."""

    backend: str  # "sqlite" | "postgresql" | "mysql"
    url: str
    path: Path | None = None
    host: str = ""
    port: int | None = None
    name: str = ""
    user: str = ""
    password: str | None = None

    @property
    def display(self) -> str:
        if self.backend == "sqlite":
            return str(self.path)
        user = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        return f"{self.backend}://{user}{self.host}{port}/{self.name}"

    @property
    def is_embedded(self) -> bool:
        return self.backend == "sqlite"

    def with_password(self, password: str | None) -> DatabaseUrl:
        """The same URL carrying ``password`` (kept in memory only; the keyring stores it)."""
        if self.backend == "sqlite" or not password:
            return self
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        netloc = f"{quote(self.user, safe='')}:{quote(password, safe='')}@{host}"
        if parts.port:
            netloc += f":{parts.port}"
        url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
        return parse_url(url)

    def without_password(self) -> str:
        if self.backend == "sqlite" or self.password is None:
            return self.url
        parts = urlsplit(self.url)
        netloc = f"{quote(self.user, safe='')}@{parts.hostname or ''}"
        if parts.port:
            netloc += f":{parts.port}"
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_sqlite_path() -> Path:
    return default_data_dir() / "ictdesk.sqlite3"


def default_url() -> str:
    return sqlite_url(default_sqlite_path())


def sqlite_url(path: Path) -> str:
    """``sqlite:////abs/path`` on POSIX, ``sqlite:///C:/path`` on Windows."""
    text = str(path.resolve()).replace("\\", "/")
    return "sqlite:///" + text


def backups_dir_for(path: Path) -> Path:
    return path.parent / "backups"


def parse_url(url: str) -> DatabaseUrl:
    """Validate a database URL, raising ``DatabaseUrlError`` with a message that says what is wrong."""
    text = (url or "").strip()
    if "://" not in text and text.lower().endswith((".sqlite3", ".sqlite", ".db")):
        text = sqlite_url(Path(text).expanduser())  # a bare file path is accepted as SQLite
    advice = _(
        "ตัวอย่างที่ถูกต้อง: sqlite:///C:/ICTDesk/ictdesk.sqlite3 หรือ "
        "postgresql://ผู้ใช้@เครื่องแม่ข่าย:5432/ชื่อฐานข้อมูล"
    )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise DatabaseUrlError(_("ที่อยู่ฐานข้อมูลไม่ถูกต้อง: {detail}").format(detail=exc), advice) from exc
    scheme = parts.scheme.lower()
    backend = BACKENDS.get(scheme)
    if backend is None:
        raise DatabaseUrlError(
            _("ไม่รู้จักชนิดฐานข้อมูล “{scheme}” ในที่อยู่ “{url}”").format(
                scheme=parts.scheme or "-", url=text
            ),
            advice,
        )
    if backend == "sqlite":
        # sqlite:///relative.db, sqlite:////absolute/path.db, sqlite:///C:/Windows/path.db
        file_path = unquote(text.split("://", 1)[1].split("?", 1)[0]) if "://" in text else ""
        if file_path.startswith("/"):
            file_path = file_path[1:]
        if not file_path or file_path == ":memory:":
            raise DatabaseUrlError(_("ที่อยู่ฐานข้อมูล SQLite ต้องระบุชื่อไฟล์"), advice)
        return DatabaseUrl(backend, text, path=Path(file_path).expanduser())
    if not parts.hostname:
        raise DatabaseUrlError(_("ที่อยู่ฐานข้อมูลต้องระบุชื่อเครื่องแม่ข่าย"), advice)
    name = parts.path.lstrip("/")
    if not name:
        raise DatabaseUrlError(_("ที่อยู่ฐานข้อมูลต้องระบุชื่อฐานข้อมูล"), advice)
    return DatabaseUrl(
        backend,
        text,
        host=parts.hostname,
        port=port,
        name=name,
        user=unquote(parts.username or ""),
        password=unquote(parts.password) if parts.password is not None else None,
    )


def set_connect_timeout(seconds: int) -> None:
    """How long a server may take to answer a connection before it counts as away (the
    workstation's setting; a start falls back to the offline replica after it)."""
    global _connect_timeout_s
    _connect_timeout_s = max(1, int(seconds))


def connect_timeout() -> int:
    return _connect_timeout_s


def _connect_kwargs(parsed: DatabaseUrl) -> dict[str, Any]:
    if parsed.backend == "sqlite":
        # Every transaction takes the write lock at BEGIN (models/write_lock.py says why).
        return {"pragmas": SQLITE_PRAGMAS, "lock_type": "IMMEDIATE"}
    if parsed.backend == "postgresql":
        return {"connect_timeout": _connect_timeout_s}
    # MySQL: full Unicode (Thai needs utf8mb4), long attachments.
    return {
        "charset": "utf8mb4",
        "connect_timeout": _connect_timeout_s,
        "field_types": {"BLOB": "LONGBLOB"},
        "sql_mode": "TRADITIONAL",
    }


def make_database(parsed: DatabaseUrl) -> peewee.Database:
    """A peewee Database object for the URL, not yet connected."""
    if parsed.backend == "sqlite":
        assert parsed.path is not None
        return SqliteGuardedDatabase(str(parsed.path), **_connect_kwargs(parsed))
    from playhouse import db_url  # deferred: it loads peewee's pool/extension modules (~10 ms)

    drivers.ensure_driver(parsed.backend)
    url = parsed.url
    scheme, rest = url.split("://", 1)
    scheme = {"postgres": "postgresql", "mariadb": "mysql"}.get(scheme.lower(), scheme.lower())
    query = dict(parse_qsl(urlsplit(url).query))
    kwargs = {**_connect_kwargs(parsed), **query}
    base = scheme + "://" + rest.split("?", 1)[0]
    connect_kwargs = db_url.parseresult_to_dict(urlparse(base), True, True)
    connect_kwargs.update(kwargs)
    guarded = PostgresqlGuardedDatabase if parsed.backend == "postgresql" else MySQLGuardedDatabase
    db: peewee.Database = guarded(**connect_kwargs)
    params = db.connect_params
    if "passwd" in params:  # db_url still uses PyMySQL's deprecated keyword
        params["password"] = params.pop("passwd")
    return db


def _explain_connect_error(parsed: DatabaseUrl, exc: Exception) -> DatabaseUnavailable:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    lowered = detail.lower()
    # PostgreSQL names an unknown account 'role "x" does not exist': a wrong user name, not a
    # missing database.
    unknown_role = lowered.startswith("role ") or ' role "' in lowered
    if (
        "password" in lowered
        or "access denied" in lowered
        or "authentication" in lowered
        or unknown_role
    ):
        message = _("เข้าสู่ฐานข้อมูล {where} ไม่ได้: ชื่อผู้ใช้หรือรหัสผ่านของฐานข้อมูลไม่ถูกต้อง")
    elif "does not exist" in lowered or "unknown database" in lowered:
        message = _("ไม่พบฐานข้อมูลบนเครื่องแม่ข่าย {where}")
    else:
        message = _("เชื่อมต่อฐานข้อมูล {where} ไม่ได้")
    return DatabaseUnavailable(
        message.format(where=parsed.display) + f" ({detail})",
        _(
            "ตรวจสอบว่าเครื่องแม่ข่ายเปิดอยู่ เครือข่ายใช้งานได้ และชื่อผู้ใช้/รหัสผ่านถูกต้อง "
            "แล้วลองใหม่ หรือเปิดฐานข้อมูลในเครื่องนี้แทน"
        ),
    )


def _check_sqlite_file(path: Path) -> None:
    """Refuse a damaged SQLite file before anything writes to it; the file itself is left alone."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            row = con.execute("PRAGMA quick_check(1)").fetchone()
            healthy = row is not None and row[0] == "ok"
            detail = "" if healthy else str(row[0] if row else "")
    except sqlite3.DatabaseError as exc:
        healthy, detail = False, str(exc)
    if healthy:
        return
    last = backup.latest_backup(backups_dir_for(path))
    advice = (
        _("สำเนาสำรองล่าสุดอยู่ที่ {backup} ให้ผู้ดูแลระบบนำมาใช้แทนไฟล์ที่เสียหาย").format(backup=last)
        if last
        else _("ไม่พบสำเนาสำรองของฐานข้อมูลนี้ กรุณาติดต่อผู้ดูแลระบบ")
    )
    raise DatabaseCorrupt(
        _("ไฟล์ฐานข้อมูล {path} เสียหาย จึงไม่เปิดใช้งานและไม่แก้ไขไฟล์นี้ ({detail})").format(
            path=path, detail=detail
        ),
        advice,
        path=str(path),
        last_backup=str(last) if last else None,
    )


def migration_runner(db: peewee.Database) -> Runner:
    return Runner(db, directory=str(MIGRATIONS_DIR), table_name="schema_migration")


@dataclass(frozen=True)
class SchemaStatus:
    applied: list[str]
    pending: list[str]
    unknown: list[str]  # applied by a newer ICT Desk: this app has no file for them

    @property
    def version(self) -> int:
        return len(self.applied)


def schema_status(db: peewee.Database) -> SchemaStatus:
    rows = migration_runner(db).status()
    return SchemaStatus(
        applied=[m.name for m in rows if m.applied and m.path],
        pending=[m.name for m in rows if not m.applied and m.path],
        unknown=[m.name for m in rows if m.applied and not m.path],
    )


def app_schema_version() -> int:
    return len(list(MIGRATIONS_DIR.glob("[0-9]*.py")))


@contextlib.contextmanager
def _migration_lock(db: peewee.Database) -> Iterator[None]:
    """Serialise migrations when several workstations start an upgraded app at once."""
    if isinstance(db, peewee.PostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_lock(774401)")
        try:
            yield
        finally:
            db.execute_sql("SELECT pg_advisory_unlock(774401)")
    elif isinstance(db, peewee.MySQLDatabase):
        db.execute_sql("SELECT GET_LOCK('ictdesk_migrations', 60)")
        try:
            yield
        finally:
            db.execute_sql("SELECT RELEASE_LOCK('ictdesk_migrations')")
    else:
        yield  # SQLite: each migration runs in a write transaction already


def upgrade(db: peewee.Database, *, backup_dir: Path | None = None) -> list[str]:
    """Apply pending migrations (after backing up an SQLite file that holds data). Returns their names."""
    with _migration_lock(db):
        status = schema_status(db)
        if status.unknown:
            raise DatabaseTooNew(
                _(
                    "ฐานข้อมูลนี้ถูกปรับรุ่นโดย ICT Desk รุ่นที่ใหม่กว่าโปรแกรมนี้ "
                    "(พบการปรับรุ่นที่โปรแกรมนี้ไม่รู้จัก: {names})"
                ).format(names=", ".join(status.unknown)),
                _("กรุณาติดตั้ง ICT Desk รุ่นล่าสุดก่อนใช้ฐานข้อมูลนี้ ฐานข้อมูลไม่ถูกแก้ไข"),
            )
        if not status.pending:
            return []
        if isinstance(db, peewee.SqliteDatabase) and status.applied and backup_dir is not None:
            backup.backup_sqlite(
                db, backup_dir, label=f"before-{status.pending[0].split('_', 1)[0]}"
            )
        try:
            return list(migration_runner(db).up())
        except (peewee.ProgrammingError, peewee.OperationalError) as exc:
            if not _permission_denied(exc):
                raise
            raise DatabaseUnavailable(
                _("ฐานข้อมูลต้องปรับรุ่น ({names}) แต่บัญชีที่ใช้เชื่อมต่อไม่มีสิทธิ์แก้ไขโครงสร้าง").format(
                    names=", ".join(status.pending)
                ),
                _(
                    "ให้ผู้ดูแลระบบปรับรุ่นด้วยบัญชีเจ้าของ schema (db upgrade) "
                    "แล้วให้สิทธิ์บัญชีใช้งาน (db grant) ก่อนเปิดโปรแกรมอีกครั้ง"
                ),
            ) from exc


def _permission_denied(exc: BaseException) -> bool:
    """The working account (models.server_roles) met a migration it may not run."""
    orig = getattr(exc, "orig", None) or exc.__cause__ or exc
    if getattr(orig, "pgcode", None) == "42501":  # insufficient_privilege
        return True
    code = orig.args[0] if getattr(orig, "args", None) else None
    return code in {1142, 1044, 1227}  # command denied, access denied, needs a privilege


def connect(url: str | None = None, *, password: str | None = None) -> peewee.Database:
    """Connect to the database at ``url`` (the default SQLite file when None), without migrating."""
    parsed = parse_url(url or default_url())
    if password:
        parsed = parsed.with_password(password)
    if parsed.backend == "sqlite":
        assert parsed.path is not None
        try:
            parsed.path.parent.mkdir(parents=True, exist_ok=True)
            _check_sqlite_file(parsed.path)
        except OSError as exc:  # an unmapped shared drive, a read-only folder, a file as folder
            raise DatabaseUnavailable(
                _("เปิดไฟล์ฐานข้อมูล {path} ไม่ได้ ({detail})").format(
                    path=parsed.path, detail=exc.strerror or exc
                ),
                _("ตรวจสอบว่าโฟลเดอร์นี้มีอยู่และมีสิทธิ์เขียน"),
            ) from exc
    db = make_database(parsed)
    try:
        db.connect(reuse_if_open=True)
    except peewee.OperationalError as exc:
        if parsed.backend == "sqlite":
            raise DatabaseUnavailable(
                _("เปิดไฟล์ฐานข้อมูล {path} ไม่ได้ ({detail})").format(path=parsed.path, detail=exc),
                _("ตรวจสอบว่าโฟลเดอร์นี้มีอยู่และมีสิทธิ์เขียน"),
            ) from exc
        raise _explain_connect_error(parsed, exc) from exc
    return db


def init_db(
    url: str | None = None,
    *,
    password: str | None = None,
    migrate: bool = True,
) -> peewee.Database:
    """Open the database, bind every model to it, and bring its schema up to this app's version."""
    parsed = parse_url(url or default_url())
    db = connect(parsed.url, password=password)
    if migrate:
        backup_dir = backups_dir_for(parsed.path) if parsed.path else None
        try:
            upgrade(db, backup_dir=backup_dir)
        except Exception:
            db.close()
            raise
    else:
        status = schema_status(db)
        if status.unknown:
            db.close()
            raise DatabaseTooNew(
                _("ฐานข้อมูลนี้ถูกปรับรุ่นโดย ICT Desk รุ่นที่ใหม่กว่าโปรแกรมนี้"),
                _("กรุณาติดตั้ง ICT Desk รุ่นล่าสุดก่อนใช้ฐานข้อมูลนี้"),
            )
    database.initialize(db)
    return db


def close_db() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()


def current_url_display() -> str:
    db = database.obj
    if db is None:
        return ""
    if isinstance(db, peewee.SqliteDatabase):
        return str(db.database)
    params = getattr(db, "connect_params", {})
    host = params.get("host", "")
    port = params.get("port")
    return f"{host}{':' + str(port) if port else ''}/{db.database}"


def backend_name(db: peewee.Database | None = None) -> str:
    db = db or database.obj
    if isinstance(db, peewee.PostgresqlDatabase):
        return "postgresql"
    if isinstance(db, peewee.MySQLDatabase):
        return "mysql"
    return "sqlite"


def ping() -> bool:
    """A cheap health check for the status bar."""
    try:
        database.execute_sql("SELECT 1").fetchone()
    except peewee.PeeweeException:
        return False
    return True


def url_with_query(url: str, **params: str) -> str:
    """Add query parameters (e.g. PostgreSQL ``options``) to a server URL."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(params)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))
