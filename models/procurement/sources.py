"""Records a process's step can choose from (``FieldKind.RECORD``): the vendor register and the
office's committees by kind, registered once here for processes 4 and 5 alike.

    Field("winner", N_("ผู้ได้รับการคัดเลือก"), FieldKind.RECORD, source=VENDOR_SOURCE)
    Field("committee", N_("คณะกรรมการ"), FieldKind.RECORD, source=committee_source(CommitteeKind.SCOPE))
"""

from __future__ import annotations

from models.engine.definition import RecordSource
from models.engine.registry import register_source
from models.i18n import N_
from models.org import COMMITTEE_KIND_LABELS, Committee, CommitteeKind, Vendor

VENDOR_SOURCE = "procurement_vendor"


def _vendor_label(vendor_id: int) -> str | None:
    vendor: Vendor | None = Vendor.get_or_none(Vendor.id == vendor_id)
    return str(vendor.name) if vendor is not None and vendor.active else None


def _vendor_choices() -> list[tuple[int, str]]:
    query = Vendor.select().where(Vendor.active == True).order_by(Vendor.name)  # noqa: E712
    return [(v.id, str(v.name)) for v in query]


register_source(
    RecordSource(VENDOR_SOURCE, N_("ผู้ประกอบการ"), _vendor_label, choices=_vendor_choices)
)


def committee_source(kind: CommitteeKind) -> str:
    return f"procurement_committee_{kind.value}"


def _register_committees(kind: CommitteeKind) -> None:
    def label(committee_id: int) -> str | None:
        committee: Committee | None = Committee.get_or_none(Committee.id == committee_id)
        if committee is None or committee.kind != kind:
            return None
        return str(committee.name)

    def choices() -> list[tuple[int, str]]:
        query = (
            Committee.select()
            .where((Committee.kind == kind) & (Committee.active == True))  # noqa: E712
            .order_by(Committee.name)
        )
        return [(c.id, str(c.name)) for c in query]

    register_source(
        RecordSource(committee_source(kind), COMMITTEE_KIND_LABELS[kind], label, choices)
    )


for _kind in CommitteeKind:
    _register_committees(_kind)
