"""Errors ``reports/`` raises for bad document input, with a Thai message fit to show as is.

``reports/`` never imports ``models``, so this is not a ``DomainError``; the command line catches it
(``desktop/cli.py``) and the views show its message the same way.
"""

from __future__ import annotations


class DocumentInputError(ValueError):
    """Bad input for a document (e.g. a JSON key of the wrong type). ``key`` names the input."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.key = key
