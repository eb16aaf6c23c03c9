"""Where process 4 meets ``models.procurement`` (quotations, committees, contracts and what follows
them). Every call from the project definition and the tab into that package goes through here, so
``models.procurement`` never needs to know about process 4 (process 5 imports it as well), and a
change of its API is one module's change here.

The project's case id is the owner every procurement record of the project carries (``case_id``).
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models import records
from models.base import Actor
from models.errors import ValidationError
from models.i18n import _
from models.org import Committee, CommitteeKind, Vendor
from models.procurement import contracts as proc_contracts
from models.procurement import methods as proc_methods
from models.procurement import quotations as proc_quotations
from models.procurement import sources as proc_sources

if TYPE_CHECKING:
    pass

# ---------------------------------------------------------------------------------------------
# Quotations (step 3)


def quotation_count(case_id: int) -> int:
    return len(proc_quotations.quotations_of_case(case_id))


def remove_quotation(actor: Actor | None, case_id: int, quotation_id: int) -> None:
    """Take a quotation entered by mistake off the project, while the approval memo that cites
    the quotations has not gone to the Director yet (step 3 or before)."""
    from models.engine import get_case

    case = get_case(case_id)
    if case.status != "open" or case.current_step not in {"register", "draft_spec", "quotations"}:
        raise ValidationError(
            _("เสนอขออนุมัติหลักการพร้อมใบเสนอราคาไปแล้ว จึงลบใบเสนอราคาไม่ได้"),
            {"quotation": _("ใช้อ้างอิงแล้ว")},
        )
    found = [q for q in proc_quotations.quotations_of_case(case_id) if q.id == quotation_id]
    if not found:
        raise ValidationError(_("ไม่พบใบเสนอราคาที่เลือก"), {"quotation": _("ไม่พบ")})
    proc_quotations.delete_quotation(actor, found[0])


# ---------------------------------------------------------------------------------------------
# The vendor register (the award, step 7) and the TOR committee (steps 3 and 5): the choices both
# procurement processes share (``models.procurement.sources``)
VENDOR_SOURCE = proc_sources.VENDOR_SOURCE
TOR_COMMITTEE_SOURCE = proc_sources.committee_source(CommitteeKind.SCOPE)


def tor_committee_problem(committee_id: int, case_id: int | None = None) -> str | None:
    """Why this committee cannot draft the project's TOR (translated), or None. It must be a
    scope-of-work committee, not another project's, with members."""
    committee: Committee | None = Committee.get_or_none(Committee.id == committee_id)
    if committee is None or committee.kind != CommitteeKind.SCOPE:
        return _("ต้องเลือกคณะกรรมการจัดทำร่างขอบเขตของงาน")
    if case_id is not None and committee.case_id not in (None, case_id):
        return _("คณะกรรมการ “{name}” แต่งตั้งไว้สำหรับโครงการอื่นแล้ว").format(name=committee.name)
    if committee.members.count() == 0:
        return _("คณะกรรมการ “{name}” ยังไม่มีรายชื่อกรรมการ").format(name=committee.name)
    return None


def attach_committee(actor: Actor | None, committee_id: int, case_id: int) -> None:
    """The committee serves this project from now on (the overlap ban compares committees of the
    same case)."""
    committee: Committee | None = Committee.get_or_none(Committee.id == committee_id)
    if committee is not None and committee.case_id != case_id:
        records.update(actor, committee, case_id=case_id)


# ---------------------------------------------------------------------------------------------
# The procurement method (step 7)

METHODS: tuple[tuple[str, str], ...] = tuple(proc_methods.METHOD_LABELS.items())
METHOD_LABELS = proc_methods.METHOD_LABELS


def method_problem(method: str, amount: decimal.Decimal, reason: str) -> str | None:
    """Why ``method`` may not be used for ``amount`` (the median price), translated, or None:
    ``models.procurement.methods.check_method`` with the office's threshold settings
    (เฉพาะเจาะจง up to ``procurement.specific_max_baht``; สอบราคา and คัดเลือก with a reason)."""
    try:
        proc_methods.check_method(method, amount, reason=reason)
    except ValidationError as exc:
        return exc.message
    return None


# ---------------------------------------------------------------------------------------------
# The contract and what follows it (steps 7 and 8)


@dataclass(frozen=True)
class ContractInfo:
    id: int
    number: str
    vendor_id: int
    vendor_name: str
    amount: decimal.Decimal
    signed_on: dt.date | None


@dataclass(frozen=True)
class InstallmentStatus:
    total: int
    accepted: int


def _info(contract: proc_contracts.Contract) -> ContractInfo:
    vendor: Vendor = contract.vendor
    return ContractInfo(
        id=contract.id,
        number=str(contract.number),
        vendor_id=vendor.id,
        vendor_name=str(vendor.name),
        amount=decimal.Decimal(contract.price),
        signed_on=contract.signed_on,
    )


def _contract(case_id: int) -> proc_contracts.Contract | None:
    """The project's contract: the last one signed for its case (a terminated one is kept in the
    register but a new procurement replaces it)."""
    found = [
        c
        for c in proc_contracts.contracts_of_case(case_id)
        if c.status != proc_contracts.ContractStatus.TERMINATED
    ]
    return found[-1] if found else None


def contract_of_case(case_id: int) -> ContractInfo | None:
    contract = _contract(case_id)
    return _info(contract) if contract is not None else None


def contract_by_id(contract_id: int) -> ContractInfo | None:
    contract = proc_contracts.Contract.get_or_none(proc_contracts.Contract.id == contract_id)
    return _info(contract) if contract is not None else None


def installment_status(case_id: int) -> InstallmentStatus:
    contract = _contract(case_id)
    if contract is None:
        return InstallmentStatus(0, 0)
    rows = proc_contracts.installments(contract)
    accepted = sum(1 for i in rows if i.status == proc_contracts.InstallmentStatus.ACCEPTED)
    return InstallmentStatus(len(rows), accepted)


def last_due_date(case_id: int) -> dt.date | None:
    """The due date of the contract's last installment: the project's planned end once signed."""
    contract = _contract(case_id)
    if contract is None:
        return None
    rows = proc_contracts.installments(contract)
    return max((i.due_on for i in rows), default=contract.ends_on)
