"""Settings → คำศัพท์สำหรับตัดคำ: the office's own words (agency names, terms) that a printed line
never splits (``models.words``), with a live preview of how a sample sentence is cut into the
pieces between which a line may break (``reports.thai_text``), so the office sees the effect of a
word before and after adding it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from models import words
from models.i18n import N_, _
from reports.thai_text import custom_words, tokens, word_units
from views.settings.common import (
    FieldSpec,
    RecordDialog,
    RecordListPage,
    RecordTexts,
    record_dicts,
)
from views.widgets.flow import FlowRow
from views.widgets.splitters import RememberedSplitter
from views.widgets.tables import Column

if TYPE_CHECKING:
    from desktop.context import AppContext

PREVIEW_DELAY_MS = 250
UNIT_COLOURS = ("#e3f2fd", "#fff8e1")  # neighbouring pieces in turn, so every cut shows
WORD_COLOUR = "#c8e6c9"  # a piece holding one of the office's words


def sample_sentence() -> str:
    return _(
        "สำนักงานรับรองมาตรฐานและประเมินคุณภาพการศึกษา (องค์การมหาชน) โดยภารกิจเทคโนโลยี"
        "สารสนเทศและการสื่อสาร ขอเผยแพร่ข้อมูลผ่านระบบสารบรรณอิเล็กทรอนิกส์ของสำนักงาน"
    )


def word_rows() -> list[dict[str, Any]]:
    """Worker side: the words, after handing them to the document engine again (another
    workstation may have changed them), so the preview shows what printing does."""
    words.load_custom_words()
    return record_dicts(words.list_words(), "word", "note")


def pieces(text: str) -> list[tuple[str, str]]:
    """``text`` as (kind, text): ``unit`` pieces a line may break between, ``space``,
    ``newline``."""
    return [(token.kind, token.text) for token in tokens(text)]


def holds_office_word(unit: str, office_words: frozenset[str]) -> bool:
    return any(word in unit for word in office_words)


def piece_colours(text: str) -> list[tuple[str, str]]:
    """The pieces of ``text`` a line may break between, each with its colour (an office word's
    piece green, the others in turns); a space is ``(" ", "")``."""
    office_words = custom_words()
    out: list[tuple[str, str]] = []
    turn = 0
    for kind, piece in pieces(text):
        if kind != "unit":
            if out and out[-1][0] != " ":
                out.append((" ", ""))
            continue
        if holds_office_word(piece, office_words):
            colour = WORD_COLOUR
        else:
            colour = UNIT_COLOURS[turn % len(UNIT_COLOURS)]
            turn += 1
        out.append((piece, colour))
    return out


class PiecesView(FlowRow):
    """The pieces as coloured labels in a flow: the view wraps only between pieces, where the
    printed line may break too (a plain label would wrap Thai wherever Qt likes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, spacing=0)

    def show_text(self, text: str) -> None:
        self.clear()
        for piece, colour in piece_colours(text):
            label = QLabel(piece, self)
            if colour:
                label.setStyleSheet(f"background-color: {colour}; color: #212121;")
            else:
                label.setFixedWidth(label.fontMetrics().horizontalAdvance(" ") * 2)
            self.add(label)

    def texts(self) -> list[str]:
        return [w.text() for w in self.widgets() if isinstance(w, QLabel) and w.text() != " "]


def cut_text(word: str) -> str:
    """How the engine cuts ``word`` now: ``ระบบ | สาร | บรรณ``."""
    return " | ".join(word_units(word.strip())) if word.strip() else ""


class WordDialog(RecordDialog):
    """The word and a note; underneath, how the engine cuts the typed word at present."""

    def add_extra(self) -> None:
        self.cut = QLabel(self)
        self.cut.setWordWrap(True)
        self.extra.addWidget(self.cut)
        editor = self.editors["word"]
        editor.textChanged.connect(lambda _text: self.show_cut())  # type: ignore[attr-defined]
        self.show_cut()

    def show_cut(self) -> None:
        word = self.values().get("word", "").strip()
        if not word or " " in word:
            self.cut.clear()
            return
        units = word_units(word)
        if len(units) > 1:
            self.cut.setText(
                _("ขณะนี้บรรทัดอาจถูกตัดภายในคำนี้ได้ {n} แห่ง: {cut}").format(
                    n=len(units) - 1, cut=cut_text(word)
                )
            )
        else:
            self.cut.setText(_("ขณะนี้คำนี้อยู่ในบรรทัดเดียวกันเสมอ"))


class WordsPage(RecordListPage):
    name_key = "word"
    dialog_class = WordDialog

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            _("คำศัพท์สำหรับตัดคำ"),
            [
                Column("word", N_("คำ"), width=260),
                Column("note", N_("หมายเหตุ"), stretch=True),
            ],
            word_rows,
            RecordTexts(
                add_button=_("เพิ่มคำ…"),
                add_title=_("เพิ่มคำศัพท์"),
                edit_title=_("แก้ไขคำศัพท์"),
                choose_first=_("กรุณาเลือกคำก่อน"),
                remove_question=_("ลบคำ “{name}”? บรรทัดในหนังสือราชการอาจถูกตัดภายในคำนี้ได้อีก"),
            ),
            removable=True,
            note=_(
                "ชื่อหน่วยงานและคำเฉพาะที่ต้องอยู่ในบรรทัดเดียวกันเสมอเมื่อพิมพ์หนังสือราชการ "
                "(โปรแกรมตัดบรรทัดระหว่างคำภาษาไทยตามพจนานุกรม คำที่ไม่มีในพจนานุกรมอาจถูกตัดกลางคำ) "
                "ใช้กับทุกเครื่องในสำนักงาน"
            ),
            parent=parent,
        )
        self.preview_box = QGroupBox(_("ตัวอย่างการตัดคำ"), self)
        self.sample = QPlainTextEdit(self.preview_box)
        self.sample.setTabChangesFocus(True)
        self.sample.setPlainText(sample_sentence())
        self.sample.setMaximumHeight(self.sample.fontMetrics().lineSpacing() * 4 + 16)
        self.sample.setAccessibleName(_("ข้อความตัวอย่าง"))
        self.preview = PiecesView(self.preview_box)
        self.preview.setAccessibleName(_("ผลการตัดคำ"))
        self.legend = QLabel(self.preview_box)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: palette(mid);")
        sample_label = QLabel(_("พิมพ์ข้อความเพื่อดูว่าบรรทัดจะตัดได้ตรงไหน:"), self.preview_box)
        sample_label.setBuddy(self.sample)
        box = QVBoxLayout(self.preview_box)
        box.addWidget(sample_label)
        box.addWidget(self.sample)
        box.addWidget(self.preview)
        box.addWidget(self.legend)
        box.addStretch(1)
        # the list and the preview side by side, so both show on a laptop's screen
        self.splitter = RememberedSplitter("settings.words", Qt.Orientation.Horizontal, (1, 1))
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.replaceWidget(self.table, self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.preview_box)
        layout.setStretchFactor(self.splitter, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.update_preview)
        self.sample.textChanged.connect(self.timer.start)
        self.loaded.connect(self.update_preview)
        self.update_preview()
        self.reload()

    def fields(self, row: dict[str, Any] | None) -> list[FieldSpec]:
        return [
            FieldSpec(
                "word", _("คำ"), required=True, placeholder=_("เช่น สมศ. หรือ ระบบสารบรรณอิเล็กทรอนิกส์")
            ),
            FieldSpec("note", _("หมายเหตุ")),
        ]

    def save_record(
        self, actor: Any, row_id: Any, values: dict[str, Any], version: int | None
    ) -> int:
        if row_id is None:
            return int(words.add_word(actor, values["word"], values.get("note", "")).id)
        current = words.CustomWord.get_by_id(row_id)
        return int(
            words.update_word(
                actor,
                current,
                word=values["word"],
                note=values.get("note", ""),
                expected_version=version,
            ).id
        )

    def remove_record(self, actor: Any, row: dict[str, Any]) -> None:
        current = words.CustomWord.get_by_id(row["id"])
        words.remove_word(actor, current, expected_version=row["version"])

    def update_preview(self) -> None:
        text = self.sample.toPlainText()
        self.preview.show_text(text)
        units = sum(1 for kind, _piece in pieces(text) if kind == "unit")
        self.legend.setText(
            _(
                "แต่ละช่วงสีคือส่วนที่บรรทัดตัดไม่ได้ บรรทัดตัดได้เฉพาะระหว่างช่วง ({n} ช่วง) "
                "ช่วงสีเขียวมีคำศัพท์ของสำนักงาน"
            ).format(n=units)
        )
