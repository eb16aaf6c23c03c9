"""Thai message boxes: the same wording and buttons everywhere.

Usage::

    from views.widgets import messages

    messages.info(self, _("บันทึกแล้ว"))
    if messages.confirm(self, _("ลบหน่วยงาน “{name}” หรือไม่").format(name=name), _("ลบ")):
        ...
    messages.domain_error(self, exc)                 # a DomainError: its message as is
    messages.problem(self, exc.message, exc.advice)  # an EnvironmentProblem: what to do next

Every box is a ``QMessageBox`` shown with ``exec()``; GUI tests patch ``QMessageBox.exec`` (see
``tests/gui/conftest.py``: the ``message_boxes`` fixture records them and picks a button).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from models.errors import DomainError, EnvironmentProblem
from models.i18n import _

APP_TITLE = "ICT Desk"


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    text: str,
    informative: str = "",
    title: str = "",
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title or APP_TITLE)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    return box


def info(parent: QWidget | None, text: str, informative: str = "", title: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Information, text, informative, title)
    box.addButton(_("ตกลง"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def warn(parent: QWidget | None, text: str, informative: str = "", title: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Warning, text, informative, title)
    box.addButton(_("ตกลง"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def problem(parent: QWidget | None, message: str, advice: str = "", title: str = "") -> None:
    """Something in the environment stops the work: the message, then what to do."""
    box = _box(parent, QMessageBox.Icon.Critical, message, advice, title)
    box.addButton(_("ตกลง"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(
    parent: QWidget | None,
    question: str,
    yes_text: str = "",
    no_text: str = "",
    informative: str = "",
    *,
    dangerous: bool = False,
) -> bool:
    """Ask before doing something; the safe answer is the default button."""
    box = _box(
        parent,
        QMessageBox.Icon.Warning if dangerous else QMessageBox.Icon.Question,
        question,
        informative,
    )
    yes = box.addButton(yes_text or _("ตกลง"), QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(no_text or _("ยกเลิก"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no if dangerous else yes)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def domain_error(parent: QWidget | None, exc: DomainError) -> None:
    """A refusal by the rules: nothing was changed, the message says why."""
    warn(parent, exc.message, title=_("ทำรายการไม่สำเร็จ"))


def environment_problem(parent: QWidget | None, exc: EnvironmentProblem) -> None:
    problem(parent, exc.message, exc.advice, title=_("ทำรายการไม่สำเร็จ"))
