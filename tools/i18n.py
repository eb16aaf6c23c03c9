"""Message catalogs: extract the Thai source strings, update the .po files, compile the .mo files.

    python tools/i18n.py extract   write resources/locale/ictdesk.pot from the code
    python tools/i18n.py update    merge the template into every language's .po
    python tools/i18n.py compile   build the .mo files the app loads (dev.py and the build run this)

The source strings (msgids) are Thai, the office's language, so the app speaks Thai even where a
translation is missing; `en` is the translation.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "resources" / "locale"
DOMAIN = "ictdesk"
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
SOURCE_DIRS = ("desktop", "views", "models", "reports")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def po_files() -> list[Path]:
    return sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract() -> Catalog:
    catalog = Catalog(project="ICT Desk", charset="utf-8")
    for folder in SOURCE_DIRS:
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS
        ):
            catalog.add(
                message,
                locations=[(f"{folder}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    with TEMPLATE.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=True, omit_header=False)
    return catalog


def update() -> None:
    template = extract()
    for po in po_files():
        with po.open("rb") as fh:
            catalog = read_po(fh)
        catalog.update(template, update_header_comment=False)
        with po.open("wb") as fh:
            write_po(fh, catalog, width=100, sort_output=True, ignore_obsolete=True)


def compile_all() -> None:
    for po in po_files():
        with po.open("rb") as fh:
            catalog = read_po(fh)
        with po.with_suffix(".mo").open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)


def main() -> None:
    actions = {"extract": extract, "update": update, "compile": compile_all}
    if len(sys.argv) != 2 or sys.argv[1] not in actions:
        sys.exit(__doc__)
    actions[sys.argv[1]]()


if __name__ == "__main__":
    main()
