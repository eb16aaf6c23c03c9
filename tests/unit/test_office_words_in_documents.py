"""The office's own words (``models.words``) reach documents made through the program's paths: a
word added on another workstation keeps a printed line from splitting it, in ``render`` (JSON, with
the configured database) and in ``print-register``; ``render`` still works without a database."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import peewee
import pytest

from models import db as dbmod
from models import records, registers
from models.support import assets
from models.support.assets import Asset, AssetKind
from models.words import CustomWord
from reports.memo import Memo, Paragraph, render_memo
from reports.thai_text import custom_words, set_custom_words
from tests.unit.reports_helpers import pdftotext

ROOT = Path(__file__).resolve().parents[2]
WORD = "ระบบสารบรรณอิเล็กทรอนิกส์"  # ICU: ระบบ|สาร|บรรณ|อิเล็กทรอนิกส์


@pytest.fixture(autouse=True)
def _restore_engine_words() -> Iterator[None]:
    before = custom_words()
    yield
    set_custom_words(before)


def _whole_on_a_line(pdf: bytes) -> bool:
    return any(WORD in line for line in pdftotext(pdf).splitlines())


def _first_split(texts: Callable[[int], bytes]) -> int:
    """The first filler length at which the engine, knowing no office words, splits ``WORD``."""
    set_custom_words([])
    for n in range(40):
        if not _whole_on_a_line(texts(n)):
            return n
    raise AssertionError("no filler length splits the word")  # pragma: no cover


def _memo_text(n: int) -> str:
    return "ขอรายงานผลการใช้งาน" + "ข้อมูล" * n + WORD + "ของสำนักงานในปีนี้"


def _run(*args: str, config_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, ICTDESK_CONFIG_DIR=str(config_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_render_from_json_uses_the_configured_databases_words(tmp_path: Path) -> None:
    def memo(n: int) -> bytes:
        return render_memo(
            Memo(
                department="ภทส.",
                number="ภทส./1",
                date=dt.date(2026, 11, 23),
                subject="ทดสอบ",
                recipient="ผู้อำนวยการ",
                body=[Paragraph(_memo_text(n))],
                signer_name="นายทดสอบ ระบบ",
                signer_position="นักวิชาการคอมพิวเตอร์",
            )
        )

    n = _first_split(memo)
    source = tmp_path / "memo.json"
    source.write_text(
        json.dumps(
            {
                "department": "ภทส.",
                "number": "ภทส./1",
                "date": "2026-11-23",
                "subject": "ทดสอบ",
                "recipient": "ผู้อำนวยการ",
                "paragraphs": [_memo_text(n)],
                "signer_name": "นายทดสอบ ระบบ",
                "signer_position": "นักวิชาการคอมพิวเตอร์",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    office = tmp_path / "office.sqlite3"
    database = dbmod.init_db(dbmod.sqlite_url(office))
    records.create(None, CustomWord, word=WORD)  # as another workstation adds it
    database.close()

    without = tmp_path / "without.pdf"
    done = _run(
        "--database",
        dbmod.sqlite_url(tmp_path / "none.sqlite3"),
        "render",
        "memo",
        "--input",
        str(source),
        "--output",
        str(without),
        config_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "none.sqlite3").exists()  # rendering creates no database
    assert not _whole_on_a_line(without.read_bytes())

    with_words = tmp_path / "with.pdf"
    done = _run(
        "--database",
        dbmod.sqlite_url(office),
        "render",
        "memo",
        "--input",
        str(source),
        "--output",
        str(with_words),
        config_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert _whole_on_a_line(with_words.read_bytes())


def test_render_still_works_when_the_server_is_down(tmp_path: Path) -> None:
    source = tmp_path / "memo.json"
    source.write_text(
        json.dumps(
            {
                "department": "ภทส.",
                "number": "ภทส./1",
                "date": "2026-11-23",
                "subject": "ทดสอบ",
                "recipient": "ผู้อำนวยการ",
                "paragraphs": ["ข้อความ"],
                "signer_name": "นายทดสอบ ระบบ",
                "signer_position": "นักวิชาการคอมพิวเตอร์",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    output = tmp_path / "memo.pdf"
    done = _run(
        "--database",
        "postgresql://nobody:secret@127.0.0.1:1/none",
        "render",
        "memo",
        "--input",
        str(source),
        "--output",
        str(output),
        config_dir=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert output.read_bytes().startswith(b"%PDF")
    assert "ไม่ใช้คำเฉพาะของสำนักงาน" in done.stderr


def test_print_register_uses_the_offices_words(sqlite_db: peewee.Database, tmp_path: Path) -> None:
    asset = assets.save_asset(
        None,
        None,
        {"kind": AssetKind.SOFTWARE, "number": "7440-001-0001/65", "name": "ข้อมูล"},
    )

    def register(n: int) -> bytes:
        Asset.update(name="ชุดโปรแกรม" + "ข้อมูล" * n + WORD).where(Asset.id == asset.id).execute()
        return registers.render_register("assets", None, None)

    n = _first_split(register)
    register(n)
    records.create(None, CustomWord, word=WORD)
    set_custom_words([])  # this process does not know it: the CLI must read it
    output = tmp_path / "assets.pdf"
    url = sqlite_db.test_url  # type: ignore[attr-defined]
    dbmod.close_db()
    done = _run(
        "--database", url, "print-register", "assets", "--output", str(output), config_dir=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert _whole_on_a_line(output.read_bytes())
