"""Write the next migration from the difference between the models and the migrated schema.

    python tools/makemigration.py "add asset register"     new numbered file in models/migrations
    python tools/makemigration.py --check                  exit 1 if models and migrations differ
    python tools/makemigration.py --initial                rewrite 0001 from all models (only
                                                           before the first release: no database
                                                           in the field may hold the old 0001)

Migrations are frozen copies (generated source), so later model changes never alter old steps.
Review the generated file before committing it.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import peewee
from playhouse.migrations import Runner, template
from playhouse.schema_diff import diff_models

from models.db import MIGRATIONS_DIR
from models.schema import all_models

_CALLABLE_DEFAULT = re.compile(r"^# TODO: \w+: default <function ")


def pending_diff(db: peewee.Database):  # type: ignore[no-untyped-def]
    Runner(db, directory=str(MIGRATIONS_DIR), table_name="schema_migration").up()
    models = all_models()
    with db.bind_ctx(models):
        return diff_models(db, models)


def write_initial() -> None:
    initial = sorted(MIGRATIONS_DIR.glob("0001_*.py"))
    for path in initial:
        path.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        db = peewee.SqliteDatabase(str(Path(tmp) / "schema.sqlite3"))
        models = all_models()
        with db.bind_ctx(models):
            diff = diff_models(db, models)
        db.close()
    generated = "\n".join(
        line for line in template(diff).splitlines() if not _CALLABLE_DEFAULT.match(line)
    )
    target = MIGRATIONS_DIR / "0001_initial_schema.py"
    target.write_text(
        '"""The initial schema: every table of the first release."""\n' + generated + "\n"
    )
    print(f"rewrote {target}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("name", nargs="?", default="")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--initial", action="store_true")
    args = parser.parse_args()
    if args.initial:
        write_initial()
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = peewee.SqliteDatabase(str(Path(tmp) / "schema.sqlite3"), pragmas={"foreign_keys": 1})
        diff = pending_diff(db)
        db.close()
    if args.check:
        if diff:
            print("models and migrations differ:\n" + str(diff))
            sys.exit(1)
        print("models and migrations agree")
        return
    if not diff:
        print("nothing to migrate")
        return
    if not args.name:
        parser.error("give the migration a name")
    runner = Runner(peewee.SqliteDatabase(":memory:"), directory=str(MIGRATIONS_DIR))
    # Python-side defaults (clock.now) are not part of the stored schema: drop the tool's reminders.
    generated = "\n".join(
        line for line in template(diff).splitlines() if not _CALLABLE_DEFAULT.match(line)
    )
    body = f'"""{args.name}"""\n' + generated + "\n"
    path = runner.create(args.name, body=body)
    print(f"wrote {path}:\n{diff}")


if __name__ == "__main__":
    main()
