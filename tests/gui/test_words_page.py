"""Settings → คำศัพท์สำหรับตัดคำ: the office's words for line breaking, added, refused, edited and
removed through the page, with the preview showing how a sentence is cut before and after."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.context import AppContext
from models import words
from models.permissions import Role
from reports.thai_text import set_custom_words, word_units
from views.registry import settings_pages_for
from views.settings.words import WordDialog, WordsPage

pytestmark = pytest.mark.gui

WORD = "ระบบสารบรรณอิเล็กทรอนิกส์"
SAMPLE = f"ขอเผยแพร่ข้อมูลผ่าน{WORD}ของสำนักงาน"


@pytest.fixture(autouse=True)
def _engine_words() -> Iterator[None]:
    """The document engine's words are process-wide: each test starts and ends without any."""
    set_custom_words([])
    yield
    set_custom_words([])


@pytest.fixture
def page(qtbot: Any, ctx: AppContext, wait_workers: Any) -> WordsPage:
    widget = WordsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    wait_workers()
    widget.sample.setPlainText(SAMPLE)
    qtbot.waitUntil(lambda: "ของ" in widget.preview.texts())
    return widget


def save(qtbot: Any, dialog: WordDialog, wait_workers: Any, **values: str) -> None:
    for name, value in values.items():
        dialog.editors[name].setText(value)  # type: ignore[attr-defined]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_workers()


def test_adding_a_word_keeps_it_whole_in_the_preview(
    qtbot: Any, page: WordsPage, wait_workers: Any
) -> None:
    assert len(word_units(WORD)) > 1  # ICU's dictionary cuts the system's name by itself
    before = page.preview.texts()
    assert WORD not in before
    assert page.row_count() == 0

    dialog = page.add()
    qtbot.addWidget(dialog)
    dialog.editors["word"].setText(WORD)  # type: ignore[attr-defined]
    assert "ระบบ | สาร" in dialog.cut.text()  # how the engine cuts it today
    save(qtbot, dialog, wait_workers, note="ชื่อระบบงานของสำนักงาน")
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: page.row_count() == 1)
    assert page.current_row()["word"] == WORD  # type: ignore[index]
    qtbot.waitUntil(lambda: WORD in page.preview.texts())
    after = page.preview.texts()
    assert len(after) < len(before)
    assert [w.word for w in words.list_words()] == [WORD]
    assert word_units(WORD) == (WORD,)  # the engine prints it whole from now on


def test_a_word_with_a_space_is_refused_and_the_input_kept(
    qtbot: Any, page: WordsPage, wait_workers: Any
) -> None:
    dialog = page.add()
    qtbot.addWidget(dialog)
    save(qtbot, dialog, wait_workers, word="ระบบ สารบรรณ", note="ทดสอบ")
    assert dialog.isVisible()
    assert "word" in dialog.errors.marked()
    assert "ช่องว่าง" in dialog.banner.text()
    assert dialog.editors["word"].text() == "ระบบ สารบรรณ"  # type: ignore[attr-defined]
    assert words.list_words() == []


def test_editing_and_removing_a_word(
    qtbot: Any, page: WordsPage, wait_workers: Any, message_boxes: Any
) -> None:
    words.add_word(None, "สมศ.")
    page.reload()
    wait_workers()
    page.select_id(words.list_words()[0].id)
    dialog = page.edit()
    assert dialog is not None
    qtbot.addWidget(dialog)
    save(qtbot, dialog, wait_workers, word=WORD)
    qtbot.waitUntil(lambda: WORD in page.preview.texts())
    assert [w.word for w in words.list_words()] == [WORD]

    page.select_id(words.list_words()[0].id)
    message_boxes.answer = "ลบ"
    page.remove()
    wait_workers()
    assert "ลบคำ" in message_boxes.last.text
    qtbot.waitUntil(lambda: page.row_count() == 0)
    assert words.list_words() == []
    qtbot.waitUntil(lambda: WORD not in page.preview.texts())


def test_only_those_who_manage_the_office_see_the_page(make_user: Any) -> None:
    assert "words" in [s.key for s in settings_pages_for(make_user(Role.HEAD))]
    assert "words" not in [s.key for s in settings_pages_for(make_user(Role.STAFF))]
    assert "words" not in [s.key for s in settings_pages_for(make_user(Role.VIEWER))]
