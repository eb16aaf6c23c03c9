"""Errors the domain raises on purpose. Each carries a message for people (translated at raise time).

Two families, as the window treats them differently:
- ``DomainError``: the user asked for something the rules refuse (bad input, no permission, a record
  changed by someone else). Shown as a plain message; nothing was changed.
- ``EnvironmentProblem``: the world is not as needed (database unreachable, locked, corrupt, newer than
  the app). Shown with what to do next.
Anything else is a bug: logged with its traceback.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


class DomainError(Exception):
    """A refusal by the rules, with a message fit to show as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Bad input. ``errors`` maps field names to messages (a form marks those fields)."""

    def __init__(self, message: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.errors: dict[str, str] = dict(errors or {})


class PermissionDenied(DomainError):
    pass


class NotFound(DomainError):
    pass


class AuthenticationError(DomainError):
    pass


class ConflictError(DomainError):
    """A save over a record someone else changed (or deleted) since it was read.

    ``current`` holds the record's values as they are now, so the form can show them beside the
    user's own input, which the caller keeps.
    """

    def __init__(
        self,
        message: str,
        *,
        changed_by: str | None,
        changed_at: dt.datetime | None,
        current: dict[str, Any] | None,
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current = current


class EnvironmentProblem(Exception):
    """The environment stops the app (not a bug, not a rule). ``advice`` says what to do."""

    def __init__(self, message: str, advice: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.advice = advice


class DatabaseUrlError(EnvironmentProblem):
    pass


class DatabaseUnavailable(EnvironmentProblem):
    pass


class DatabaseTooNew(EnvironmentProblem):
    pass


class DatabaseCorrupt(EnvironmentProblem):
    def __init__(self, message: str, advice: str, *, path: str, last_backup: str | None) -> None:
        super().__init__(message, advice)
        self.path = path
        self.last_backup = last_backup
