"""The English catalog translates every string the code marks for translation, keeping the same
{placeholders}; a string added without its English fails here (add it with
``tools/i18n.py update`` and fill in resources/locale/en/LC_MESSAGES/ictdesk.po)."""

from __future__ import annotations

import string
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
SOURCE_DIRS = ("desktop", "views", "models", "reports")  # as tools/i18n.py extracts
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
ENGLISH = ROOT / "resources" / "locale" / "en" / "LC_MESSAGES" / "ictdesk.po"


def code_messages() -> dict[str, str]:
    """Every msgid in the code, with one place it is used."""
    found: dict[str, str] = {}
    for folder in SOURCE_DIRS:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            for text in message if isinstance(message, tuple) else (message,):
                if text:
                    found.setdefault(text, f"{folder}/{filename}:{lineno}")
    return found


def placeholders(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


def test_every_message_has_an_english_translation() -> None:
    with ENGLISH.open("rb") as fh:
        catalog = read_po(fh)
    translated = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
    missing = [
        f"{where}: {text}" for text, where in code_messages().items() if text not in translated
    ]
    assert not missing, f"{len(missing)} strings have no English translation:\n" + "\n".join(
        missing[:40]
    )


def test_translations_keep_the_placeholders() -> None:
    with ENGLISH.open("rb") as fh:
        catalog = read_po(fh)
    wrong = [
        f"{m.id!r} -> {m.string!r}"
        for m in catalog
        if m.id
        and isinstance(m.id, str)
        and m.string
        and placeholders(m.id) != placeholders(m.string)
    ]
    assert not wrong, "\n".join(wrong)
