"""Which database this workstation opens: ``--database``, else the workstation's setting, else
the default SQLite file; a server's password comes from the operating system's keyring. Used by
the command line, the window's start and the self-test alike (no Qt here)."""

from __future__ import annotations

from desktop.config import WorkstationConfig


def resolve_database(url: str | None) -> tuple[str | None, str | None]:
    """The URL to open (``--database``, else this workstation's setting, else the default file)
    and the server password from the keyring when the URL has none."""
    from models.db import parse_url, set_connect_timeout

    config = WorkstationConfig.load()
    set_connect_timeout(config.connect_timeout_s)  # a server slower than this counts as away
    chosen = url or config.database_url or None
    if not chosen:
        return None, None
    parsed = parse_url(chosen)
    if parsed.is_embedded or parsed.password:
        return chosen, None
    from desktop.secrets import get_password

    return chosen, get_password(parsed.without_password())
