"""Combo boxes that do not ask for the width of their longest choice (a process step or a plan
title can be 60 characters): closed, they show about ``chars`` characters with the rest elided
and the whole choice as the tooltip; open, the list is wide enough for every choice.

Also the two helpers every form uses to fill a combo and pick a value by its data."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

COMPACT_CHARS = 10
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 40  # an item's name and abbreviation, lower case


def make_compact(combo: QComboBox, chars: int = COMPACT_CHARS) -> QComboBox:
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.currentIndexChanged.connect(lambda _i: _sync_tooltip(combo))
    model = combo.model()
    model.rowsInserted.connect(lambda *_a: _fit_popup(combo))
    model.modelReset.connect(lambda: _fit_popup(combo))
    _fit_popup(combo)
    _sync_tooltip(combo)
    return combo


def _fit_popup(combo: QComboBox) -> None:
    metrics = combo.fontMetrics()
    widest = max(
        (metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0
    )
    combo.view().setMinimumWidth(widest + 48)


def _sync_tooltip(combo: QComboBox) -> None:
    combo.setToolTip(combo.currentText())


def fill_combo(combo: QComboBox, choices: list[tuple[Any, str]], *, empty: str = "") -> None:
    """Replace a combo's items, keeping the current choice when it is still there."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if empty:
        combo.addItem(empty, None)
    for value, label in choices:
        combo.addItem(label, value)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)
    _sync_tooltip(combo)


def select_data(combo: QComboBox, value: Any) -> bool:
    """Choose the item holding ``value``; False (and no change) when there is none."""
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0


class _AnywhereCompleter(QCompleter):
    """Suggestions matched anywhere in ``SEARCH_ROLE`` (name and abbreviation); choosing one puts
    the item's shown name in the box, not its search text."""

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def make_searchable(combo: QComboBox, hints: Mapping[Any, str] | None = None) -> QComboBox:
    """Type to find: the list offers every choice whose name or abbreviation (``hints``, by the
    item's data) contains what is typed (``ประชา`` finds งานประชาสัมพันธ์, ``ปชส`` too)."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    refresh_search_keys(combo, hints)
    completer = _AnywhereCompleter(combo.model(), combo)
    completer.setCompletionRole(SEARCH_ROLE)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    return combo


def refresh_search_keys(combo: QComboBox, hints: Mapping[Any, str] | None = None) -> None:
    hints = hints or {}
    for index in range(combo.count()):
        hint = hints.get(combo.itemData(index), "")
        text = f"{combo.itemText(index)} {hint} {hint.replace('.', '')}".strip()
        combo.setItemData(index, text.casefold(), SEARCH_ROLE)
