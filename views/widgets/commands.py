"""Keyboard commands of a tab, one vocabulary for the whole window: the same key does the same
kind of thing in every tab (Ctrl+N a new record, Ctrl+F the search box, F5 reload, Ctrl+P print,
Ctrl+E edit, Alt+Down / Alt+Up the next / previous record, F6 between the list and the record).

A tab makes a ``CommandSet`` with the commands it offers and a handler; the actions are added to
the tab (their keys work while it is shown) and the main window lists them in its "คำสั่ง" menu
with their keys. A tab inside another tab (the tickets inside the support tab) makes none: the
outer tab hands the commands on with ``run_command``.

Buttons show their command's key in the tooltip (``bind_button``), and ``mnemonic`` gives a
button an Alt+letter: the letter underlined in an English label, ``(&X)`` after a Thai one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from models.i18n import N_, _


class Steppable(Protocol):
    def step(self, delta: int) -> None: ...


@dataclass(frozen=True)
class Command:
    key: str
    label: str  # N_-marked
    shortcut: str  # QKeySequence text (portable form)


COMMANDS: dict[str, Command] = {
    c.key: c
    for c in (
        Command("new", N_("ลงทะเบียน/เพิ่มรายการใหม่…"), "Ctrl+N"),
        Command("find", N_("ไปที่ช่องค้นหา"), "Ctrl+F"),
        Command("find_asset", N_("ค้นหาครุภัณฑ์"), "Ctrl+Shift+F"),
        Command("edit", N_("แก้ไขรายการที่เลือก…"), "Ctrl+E"),
        Command("print", N_("พิมพ์รายงาน/ทะเบียน…"), "Ctrl+P"),
        Command("refresh", N_("รีเฟรช"), "F5"),
        Command("next", N_("รายการถัดไป"), "Alt+Down"),
        Command("previous", N_("รายการก่อนหน้า"), "Alt+Up"),
        Command("pane", N_("สลับระหว่างรายการกับรายละเอียด"), "F6"),
    )
}


def shortcut_text(key: str) -> str:
    """The command's keys as the user's system writes them (e.g. ``Ctrl+N``)."""
    return QKeySequence(COMMANDS[key].shortcut).toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(text: str, key: str) -> str:
    """``text (Ctrl+N)``: a tooltip naming the command's keys."""
    return f"{text.replace('&', '')} ({shortcut_text(key)})"


class CommandSet(QObject):
    """The actions of ``commands`` on ``owner``: each runs ``handler(key)``."""

    def __init__(
        self, owner: QWidget, commands: Iterable[str], handler: Callable[[str], object]
    ) -> None:
        super().__init__(owner)
        self.actions: dict[str, QAction] = {}
        for key in commands:
            command = COMMANDS[key]
            action = QAction(_(command.label), owner)
            action.setShortcut(QKeySequence(command.shortcut))
            action.setToolTip(with_shortcut(_(command.label), key))
            action.triggered.connect(lambda _checked=False, k=key: handler(k))
            owner.addAction(action)
            self.actions[key] = action

    def bind_button(self, key: str, button: QAbstractButton) -> None:
        """The button does what the command does: its tooltip names the keys."""
        if key in self.actions:
            button.setToolTip(with_shortcut(button.text(), key))

    def set_enabled(self, key: str, enabled: bool) -> None:
        if key in self.actions:
            self.actions[key].setEnabled(enabled)

    def list(self) -> list[QAction]:
        return list(self.actions.values())


def with_mnemonic(text: str, letter: str) -> str:
    """``text`` with Alt+``letter``: the letter underlined where an English label has it, else
    ``(&X)`` after the label (Thai), before a closing ellipsis."""
    text = text.replace("&", "&&")
    index = text.lower().find(letter.lower())
    if index >= 0 and text.isascii():
        return text[:index] + "&" + text[index:]
    suffix = ""
    if text.endswith("…"):
        text, suffix = text[:-1], "…"
    return f"{text} (&{letter.upper()}){suffix}"


def mnemonic(button: QAbstractButton, letter: str) -> QAbstractButton:
    """Alt+``letter`` presses the button (see ``with_mnemonic``)."""
    button.setText(with_mnemonic(button.text(), letter))
    return button


def run_list_command(
    key: str,
    *,
    search: QLineEdit | None = None,
    table: Steppable | None = None,
    handlers: Mapping[str, Callable[[], object]] | None = None,
) -> bool:
    """The commands every list page answers the same way: ``find`` focuses ``search``,
    ``next`` / ``previous`` step through ``table``; ``handlers`` give the page's own (print,
    edit, refresh...). False when the page has no answer to ``key``."""
    handler = (handlers or {}).get(key)
    if handler is not None:
        handler()
    elif key == "find" and search is not None:
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()
    elif key in {"next", "previous"} and table is not None:
        table.step(1 if key == "next" else -1)
    else:
        return False
    return True
