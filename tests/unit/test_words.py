"""The office's own words for line breaking: kept in the database, managed by those who manage the
office, validated, and handed to the document engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import peewee
import pytest

from models import words
from models.errors import ConflictError, PermissionDenied, ValidationError
from models.permissions import Role
from models.users import User
from reports.thai_text import custom_words, set_custom_words, word_units


@pytest.fixture(autouse=True)
def _restore_engine_words() -> Iterator[None]:
    before = custom_words()
    yield
    set_custom_words(before)


def test_add_list_update_remove_and_the_engine_follows(
    db: peewee.Database, make_user: Callable[..., User]
) -> None:
    head = make_user(Role.HEAD)
    run = "ระบบสารบรรณอิเล็กทรอนิกส์"
    assert len(word_units(run)) > 1
    word = words.add_word(head, "  ระบบสารบรรณอิเล็กทรอนิกส์ ", "ชื่อระบบ")
    assert word.word == run and word.note == "ชื่อระบบ"
    assert [w.word for w in words.list_words()] == [run]
    assert word_units(run) == (run,)

    words.update_word(head, word, word="สารบรรณอิเล็กทรอนิกส์", note="")
    assert word_units(run)[-1] == "สารบรรณอิเล็กทรอนิกส์"
    assert run not in custom_words()

    words.remove_word(head, word)
    assert words.list_words() == []
    assert custom_words() == frozenset()


def test_only_office_managers_may_change_words(
    db: peewee.Database, make_user: Callable[..., User]
) -> None:
    staff = make_user(Role.STAFF)
    with pytest.raises(PermissionDenied):
        words.add_word(staff, "สมศ.")
    assert words.list_words() == []


@pytest.mark.parametrize(
    ("text", "field_message"),
    [("", "กรุณากรอกคำ"), ("สอง คำ", "มีช่องว่าง"), ("ก", "สั้นเกินไป"), ("ก" * 101, "ยาวเกินไป")],
)
def test_bad_words_are_refused_and_nothing_is_saved(
    db: peewee.Database, make_user: Callable[..., User], text: str, field_message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        words.add_word(make_user(Role.ADMIN), text)
    assert caught.value.errors["word"] == field_message
    assert words.list_words() == []


def test_duplicates_and_stale_edits(db: peewee.Database, make_user: Callable[..., User]) -> None:
    admin = make_user(Role.ADMIN)
    first = words.add_word(admin, "สมศ.")
    with pytest.raises(ValidationError, match=r"มีคำ “สมศ\.” อยู่แล้ว"):
        words.add_word(admin, "สมศ.")
    other = words.add_word(admin, "ภทส.")
    with pytest.raises(ValidationError):
        words.update_word(admin, other, word="สมศ.")
    words.update_word(admin, first, word="สมศ.", note="ชื่อย่อหน่วยงาน")
    with pytest.raises(ConflictError):
        words.update_word(admin, first, word="สมศ.", note="เก่า", expected_version=1)


def test_configure_documents_loads_the_words(db: peewee.Database) -> None:
    words.add_word(None, "หน.ภทส.")
    set_custom_words([])
    words.configure_documents()
    assert custom_words() == frozenset({"หน.ภทส."})
