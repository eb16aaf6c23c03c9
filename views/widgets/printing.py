"""Printing from the window: make the PDF in the worker, then show the print preview; a register
for a period asked in a dialog. Every preview goes through ``pdf_preview.show_pdf_preview``
(looked up when called, so tests capture what is printed in one place)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from models import registers
from models.i18n import _
from views.widgets import pdf_preview
from views.widgets.dialogs import PeriodDialog

if TYPE_CHECKING:
    from desktop.context import AppContext


def show_pdf(parent: QWidget, result: tuple[bytes, str], title: str) -> None:
    """The print preview of ``result`` (PDF bytes, suggested file name)."""
    pdf, name = result
    pdf_preview.show_pdf_preview(parent, pdf, title, name)


def print_in_background(
    ctx: AppContext, parent: QWidget, work: Callable[[], tuple[bytes, str]], title: str
) -> None:
    ctx.run_in_background(work, lambda result: show_pdf(parent, result, title), owner=parent)


def register_title(name: str) -> str:
    return _(registers.get_register(name).title)


def print_register(
    ctx: AppContext, parent: QWidget, name: str, start: dt.date | None, end: dt.date | None
) -> None:
    """Register ``name`` (``models.registers``) for a period (None: from the first or to the
    last entry), made in the worker and shown in the preview."""
    title = register_title(name)

    def work() -> tuple[bytes, str]:
        pdf = registers.render_register(name, start, end)
        stem = title.replace(" ", "_")
        return pdf, f"{stem}_{start}_{end}.pdf" if start and end else f"{stem}.pdf"

    print_in_background(ctx, parent, work, title)


def ask_and_print_register(
    ctx: AppContext,
    parent: QWidget,
    name: str,
    period: tuple[dt.date | None, dt.date | None] = (None, None),
    *,
    allow_all: bool = False,
    title: str = "",
) -> None:
    """Ask for the period (starting at ``period``, e.g. the list's filter), then print, or
    export to Excel ("ส่งออก Excel…")."""
    title = title or _("พิมพ์{register}").format(register=register_title(name))
    dialog = PeriodDialog(title, *period, parent=parent, allow_all=allow_all, excel=True)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        if dialog.wants_excel:
            export_register(ctx, parent, name, *dialog.optional_period())
        else:
            print_register(ctx, parent, name, *dialog.optional_period())


def export_register(
    ctx: AppContext,
    parent: QWidget,
    name: str,
    start: dt.date | None,
    end: dt.date | None,
    path: Path | None = None,
) -> None:
    """Register ``name`` for a period to an .xlsx file (asked for unless given), in the worker."""
    from views.widgets import list_export, messages

    title = register_title(name)
    if path is None:
        path = list_export.ask_xlsx_path(parent, _("ส่งออกเป็นไฟล์ Excel"), title)
        if path is None:
            return
    target = path

    def done(count: int) -> None:
        messages.info(parent, _("ส่งออก {count} รายการไว้ที่ {path}").format(count=count, path=target))

    ctx.run_in_background(
        lambda: registers.register_workbook(name, start, end, target), done, owner=parent
    )
