"""Database server passwords in the operating system's keyring (Windows Credential Manager,
Secret Service on Linux, Keychain on macOS), keyed by the password-less URL."""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.errors import KeyringError

SERVICE = "ICT Desk database"
log = logging.getLogger(__name__)


def get_password(url_without_password: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, url_without_password)
    except KeyringError as exc:  # no keyring backend on this machine
        # Normal on a server or for a password-less URL: the log file notes it (INFO), but a
        # command-line task must not print an English warning before its Thai output.
        log.info("keyring unavailable: %s", exc)
        return None


def set_password(url_without_password: str, password: str) -> bool:
    """Store the password; False when the machine has no usable keyring."""
    try:
        keyring.set_password(SERVICE, url_without_password, password)
    except KeyringError as exc:
        log.warning("keyring unavailable: %s", exc)
        return False
    return True


def delete_password(url_without_password: str) -> None:
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, url_without_password)
