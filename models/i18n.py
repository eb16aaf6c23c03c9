"""One message catalog for every user-visible string (gettext, compiled by Babel).

Source strings are Thai; English is a translation. Call ``_()`` at the moment a string is shown, and
mark strings that are declared at import time (process definitions, setting labels) with ``N_()`` so
they are extracted, then translate them with ``_()`` where they are displayed.

Official documents (memos, letters, registers, slips, labels) are always Thai, whatever language the
window speaks: their makers check their input first (messages for the user stay in the window's
language), then assemble and render inside ``with document_language():``, which switches the
catalog for the current thread only. Documents are rendered in worker threads while the window's
thread keeps its own language.
"""

from __future__ import annotations

import contextlib
import gettext
import threading
from collections.abc import Iterator
from pathlib import Path

from resources import LOCALE_DIR

DOMAIN = "ictdesk"
LANGUAGES = {"th": "ไทย", "en": "English"}
DEFAULT_LANGUAGE = "th"
DOCUMENT_LANGUAGE = "th"  # the language of official documents (the regulation's)

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = DEFAULT_LANGUAGE
_locale_dir = LOCALE_DIR
_catalogs: dict[tuple[str, Path], gettext.NullTranslations] = {}
_catalogs_lock = threading.Lock()
_thread = threading.local()  # .language / .translations: a per-thread override


def _catalog(language: str, locale_dir: Path) -> gettext.NullTranslations:
    key = (language, locale_dir)
    with _catalogs_lock:
        catalog = _catalogs.get(key)
        if catalog is None:
            catalog = gettext.translation(
                DOMAIN, localedir=str(locale_dir), languages=[language], fallback=True
            )
            _catalogs[key] = catalog
        return catalog


def set_language(language: str, locale_dir: Path = LOCALE_DIR) -> None:
    """Switch the catalog for the whole process. Thai needs no catalog: it is the source text."""
    global _translations, _language, _locale_dir
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    _language = language
    _locale_dir = locale_dir
    _translations = _catalog(language, locale_dir)


def current_language() -> str:
    """The language ``_()`` speaks in this thread now."""
    override: str | None = getattr(_thread, "language", None)
    return override if override is not None else _language


def _active() -> gettext.NullTranslations:
    override: gettext.NullTranslations | None = getattr(_thread, "translations", None)
    return override if override is not None else _translations


@contextlib.contextmanager
def document_language(language: str = DOCUMENT_LANGUAGE) -> Iterator[None]:
    """Speak ``language`` in this thread until the block ends (nested blocks restore the outer
    one); other threads, the window's included, keep theirs."""
    previous = (getattr(_thread, "language", None), getattr(_thread, "translations", None))
    _thread.language = language
    _thread.translations = _catalog(language, _locale_dir)
    try:
        yield
    finally:
        _thread.language, _thread.translations = previous


def _(message: str) -> str:
    return _active().gettext(message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active().ngettext(singular, plural, n)
