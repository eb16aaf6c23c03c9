"""The MySQL/MariaDB driver loads when such a server is opened, not at every start.

Importing peewee imports PyMySQL (and through it ``cryptography``): about 30 ms of every start of
the window or a command, although most offices work on the embedded SQLite file. Importing this
module first (the program's entry point does: ``desktop/cli.py``) imports peewee with that driver
hidden; ``ensure_driver("mysql")`` (``models.db`` calls it before connecting) imports it and hands
it to peewee, exactly as peewee's own import would have. Where peewee was imported before this
module (tests, scripts), nothing is hidden and ``ensure_driver`` has nothing to do.

PostgreSQL's psycopg2 is not deferred: peewee's migration module imports it on its own.
"""

from __future__ import annotations

import importlib
import sys

_MYSQL_DRIVERS = ("pymysql", "MySQLdb")  # peewee's order of preference
_hidden: list[str] = []


def _import_peewee_without_mysql() -> None:
    if "peewee" in sys.modules:
        return
    hide = [name for name in _MYSQL_DRIVERS if name not in sys.modules]
    for name in hide:
        sys.modules[name] = None  # type: ignore[assignment]  # ``import name`` raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name in hide:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    _hidden.extend(hide)


def ensure_driver(backend: str) -> None:
    """Give peewee the MySQL driver it would have imported itself (no-op for other backends)."""
    if backend != "mysql" or not _hidden:
        return
    import peewee

    if getattr(peewee, "mysql", None) is not None:
        return
    for name in _MYSQL_DRIVERS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        peewee.mysql = module  # type: ignore[attr-defined]
        return


_import_peewee_without_mysql()
