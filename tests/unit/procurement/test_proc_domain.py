"""The procurement records on SQLite and PostgreSQL: vendors, quotations, committees, contracts,
deliveries, inspections, invoices, incidents, reminders; and bad input refused with nothing saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from models import office, settings
from models.errors import ValidationError
from models.org import Committee, CommitteeKind, CommitteeRole, Vendor
from models.procurement import (
    committees,
    contracts,
    execution,
    incidents,
    methods,
    quotations,
    reminders,
    rules,
)
from models.procurement.contracts import Contract, Installment, InstallmentStatus
from tests.unit.procurement.helpers import (
    MEMBERS,
    D,
    at,
    contract,
    inspection_committee,
    tax_id,
    vendor,
    votes,
)

PDF = b"%PDF-1.4\n% quotation\n"


def test_tax_id_checksum() -> None:
    good = tax_id("010555600012")
    assert rules.tax_id_is_valid(good)
    assert rules.tax_id_is_valid("0-1055-56000-12-" + good[-1])
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert not rules.tax_id_is_valid(wrong)
    assert not rules.tax_id_is_valid("12345")
    # A known real-format number: 3-1012-00012-34-? computed by hand: Σ = 3·13+1·12+0·11+1·10+
    # 2·9+0·8+0·7+0·6+1·5+2·4+3·3+4·2 = 39+12+10+18+5+8+9+8 = 109; 109 mod 11 = 10; 11-10 = 1.
    assert rules.tax_id_is_valid("3101200012341")


def test_vendor_refused_with_bad_tax_id_and_nothing_saved(sql_db: Any, make_user: Any) -> None:
    staff = make_user("staff")
    good = tax_id("010555600012")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    with pytest.raises(ValidationError) as caught:
        vendors_save(staff, name="บริษัท ก จำกัด", tax_id=bad)
    assert "tax_id" in caught.value.errors
    assert "เลขประจำตัวผู้เสียภาษี" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        vendors_save(staff, name="บริษัท ก จำกัด", tax_id="12345")
    assert "13 หลัก" in caught.value.message
    assert not Vendor.select().exists()
    v = vendors_save(staff, name="บริษัท ก จำกัด", tax_id="๐-๑๐๕๕-๕๖๐๐๐-๑๒-" + good[-1])
    assert v.tax_id == good
    with pytest.raises(ValidationError) as caught:
        vendors_save(staff, name="บริษัท ข จำกัด", tax_id=good)
    assert caught.value.errors == {"tax_id": "ซ้ำกับผู้ประกอบการอื่น"}


def vendors_save(actor: Any, **values: Any) -> Vendor:
    from models.procurement import vendors

    return vendors.save_vendor(actor, None, **values)


def test_quotation_needs_registered_vendor_and_amounts(sql_db: Any, make_user: Any) -> None:
    staff = make_user("staff")
    v = vendor(staff)
    with pytest.raises(ValidationError) as caught:
        quotations.add_quotation(
            staff,
            case_id=1,
            vendor_id=9999,
            quoted_on=D(2026, 10, 10),
            amount_before_vat="-5",
            vat="abc",
        )
    assert set(caught.value.errors) == {"vendor", "amount_before_vat", "vat"}
    assert "ทะเบียนผู้ประกอบการ" in caught.value.message
    assert "ราคาก่อนภาษีมูลค่าเพิ่ม ต้องไม่ติดลบ" in caught.value.message
    assert "ภาษีมูลค่าเพิ่ม ต้องเป็นตัวเลข" in caught.value.message
    for value in ("NaN", "inf", float("nan"), "1e30"):
        with pytest.raises(ValidationError) as caught:
            quotations.add_quotation(
                staff,
                case_id=1,
                vendor_id=v.id,
                quoted_on=D(2026, 10, 10),
                amount_before_vat=value,
                vat="0",
            )
        assert "amount_before_vat" in caught.value.errors
    assert not quotations.Quotation.select().exists()
    q = quotations.add_quotation(
        staff,
        case_id=1,
        vendor_id=v.id,
        quoted_on=D(2026, 10, 10),
        amount_before_vat="448,598.13",
        vat="31,401.87",
        valid_days=30,
        quote_no="QT-1",
        filename="qt.pdf",
        data=PDF,
    )
    assert q.total == Decimal("480000.00")
    assert q.valid_until == D(2026, 11, 9)
    assert q.attachment_id is not None
    other = vendor(staff, "บริษัท ข จำกัด", "010555600013")
    quotations.add_quotation(
        staff,
        case_id=1,
        vendor_id=other.id,
        quoted_on=D(2026, 10, 11),
        amount_before_vat="460000",
        vat="32200",
    )
    rows = quotations.comparison_rows(1)
    assert [r["vendor"] for r in rows] == ["บริษัท เน็ตเวิร์ค โซลูชั่น จำกัด", "บริษัท ข จำกัด"]
    assert [r["lowest"] for r in rows] == [True, False]


def test_committee_composition_and_overlap_ban(sql_db: Any, make_user: Any) -> None:
    head = make_user("head")
    two = MEMBERS[:2]
    with pytest.raises(ValidationError) as caught:
        office.save_committee(head, None, two, name="ตรวจรับ", kind=CommitteeKind.INSPECTION)
    assert "อย่างน้อย 3 คน" in caught.value.message
    no_chair = [{**m, "role": CommitteeRole.MEMBER} for m in MEMBERS]
    with pytest.raises(ValidationError) as caught:
        office.save_committee(head, None, no_chair, name="ตรวจรับ", kind=CommitteeKind.INSPECTION)
    assert "ประธานกรรมการหนึ่งคน" in caught.value.message
    # A one-person inspector is allowed (its amount is checked when a contract uses it).
    single = office.save_committee(
        head, None, [{**MEMBERS[1]}], name="ผู้ตรวจรับ", kind=CommitteeKind.INSPECTION
    )
    assert single.members.count() == 1
    selection = office.save_committee(
        head, None, MEMBERS, name="คัดเลือก", kind=CommitteeKind.SELECTION, case_id=5
    )
    with pytest.raises(ValidationError) as caught:
        inspection_committee(head, case_id=5)
    assert "ข้อ ๒๖" in caught.value.message and "นายสมชาย ใจดี" in caught.value.message
    assert caught.value.errors == {"members": "เป็นกรรมการซ้ำซ้อนที่ระเบียบห้าม"}
    # Another case, or the scope-of-work committee of the same case: allowed by default.
    inspection_committee(head, case_id=6)
    office.save_committee(head, None, MEMBERS, name="TOR", kind=CommitteeKind.SCOPE, case_id=8)
    inspection_committee(head, case_id=8)
    settings.put(make_user("admin"), "procurement.ban_scope_inspection_overlap", True)
    office.save_committee(head, None, MEMBERS, name="TOR", kind=CommitteeKind.SCOPE, case_id=9)
    with pytest.raises(ValidationError):
        inspection_committee(head, case_id=9)
    assert Committee.select().where(Committee.case_id == 5).count() == 1
    assert selection.kind == CommitteeKind.SELECTION


def test_declarations(sql_db: Any, make_user: Any) -> None:
    head = make_user("head")
    committee = inspection_committee(head, declared=False)
    with pytest.raises(ValidationError) as caught:
        committees.ready_to_act(committee)
    assert "แบบแสดงความบริสุทธิ์ใจ" in caught.value.message
    member = committees.members_of(committee)[0]
    with pytest.raises(ValidationError):
        committees.record_declaration(head, member, declared_on=D(2026, 10, 3), has_interest=True)
    for m in committees.members_of(committee):
        committees.record_declaration(head, m, declared_on=D(2026, 10, 3))
    committees.ready_to_act(committee)
    assert {m.declared_on for m in committees.members_of(committee)} == {D(2026, 10, 3)}
    with pytest.raises(ValidationError) as caught:
        office.save_committee(
            head,
            committee,
            [{**m, "has_interest": m["role"] == CommitteeRole.CHAIR} for m in MEMBERS],
        )
    assert "ส่วนได้เสีย" in caught.value.message


def test_method_thresholds(sql_db: Any, make_user: Any) -> None:
    methods.check_method("specific", "500000")
    with pytest.raises(ValidationError) as caught:
        methods.check_method("specific", "500000.01")
    assert caught.value.errors == {"method": "เกินวงเงินของวิธีนี้"}
    with pytest.raises(ValidationError):
        methods.check_method("price_quotation", "600000")  # no reason
    methods.check_method("price_quotation", "600000", reason="พื้นที่ไม่มีอินเทอร์เน็ต")
    with pytest.raises(ValidationError):
        methods.check_method("price_quotation", "400000", reason="x")
    settings.put(make_user("admin"), "procurement.specific_max_baht", 1_000_000)
    methods.check_method("specific", "650000")


def test_contract_bad_input_refused_and_nothing_saved(sql_db: Any, make_user: Any) -> None:
    staff = make_user("staff")
    v = vendor(staff)
    with pytest.raises(ValidationError) as caught:
        contract(
            staff,
            v,
            installments=[
                {"due_on": D(2027, 1, 29), "amount": "200000"},
                {"due_on": D(2027, 3, 31), "amount": "240000"},
            ],
        )
    assert "ไม่เท่ากับราคาตามสัญญา" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        contract(
            staff,
            v,
            installments=[
                {"due_on": D(2026, 10, 1), "amount": "240000"},
                {"due_on": D(2027, 3, 31), "amount": "240000"},
            ],
        )
    assert caught.value.errors == {"installments[1].due_on": "ก่อนวันลงนามสัญญา"}
    with pytest.raises(ValidationError) as caught:
        contract(staff, v, price="-1", penalty_rate_pct="0.5", vendor_id=None)
    assert {"price", "penalty_rate_pct", "vendor"} <= set(caught.value.errors)
    with pytest.raises(ValidationError) as caught:
        contract(staff, v, nature="hire_whole", penalty_rate_pct="0.15")
    assert "ร้อยละ 0.01 ถึง 0.10" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        contract(
            staff, v, price="650000", installments=[{"due_on": D(2027, 1, 1), "amount": "650000"}]
        )
    assert caught.value.errors == {"method": "เกินวงเงินของวิธีนี้"}
    # Texts that do not fit their column (too long, a line break in a one-line field).
    with pytest.raises(ValidationError) as caught:
        contract(staff, v, title="ก" * 501)
    assert "ชื่อสัญญา/งานที่จ้าง" in caught.value.message and "title" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        contract(staff, v, number="12/\n2570")
    assert "เลขที่สัญญา" in caught.value.message
    assert not Contract.select().exists()
    assert not Installment.select().exists()


def test_contract_security_and_defaults(sql_db: Any, make_user: Any) -> None:
    staff = make_user("staff")
    v = vendor(staff)
    c = contract(staff, v)
    assert Decimal(c.penalty_min_per_day) == 0  # hire accepted in parts: no minimum by default
    assert c.penalty_includes_vat and not c.penalty_working_days
    whole = contract(staff, v, number="13/2570", nature="hire_whole", penalty_base=None)
    assert Decimal(whole.penalty_min_per_day) == Decimal(100)
    assert whole.penalty_base == "contract"
    assert contracts.required_security(c) == Decimal("24000.00")
    with pytest.raises(ValidationError) as caught:
        contracts.set_security(
            staff, c, instrument="bank_guarantee", amount="20000", received_on=D(2026, 11, 2)
        )
    assert "24,000.00" in caught.value.message
    s = contracts.set_security(
        staff,
        c,
        instrument="bank_guarantee",
        amount=None,
        received_on=D(2026, 11, 2),
        issuer="ธนาคารกรุงไทย",
        number="BG-1",
        expires_on=D(2028, 6, 30),
    )
    assert Decimal(s.amount) == Decimal("24000.00")
    with pytest.raises(ValidationError):
        contracts.return_security(staff, s, returned_on=D(2027, 1, 1))
    # R7: the guarantee must outlive the liability (last due date 31 March 2027 + 12 months).
    assert reminders.securities_falling_short(today=D(2027, 1, 1)) == []
    contracts.set_security(
        staff,
        c,
        instrument="bank_guarantee",
        received_on=D(2026, 11, 2),
        expires_on=D(2027, 12, 31),
    )
    short = reminders.securities_falling_short(today=D(2027, 1, 1))
    assert [(r.contract_number, r.date) for r in short] == [("12/2570", D(2027, 12, 31))]


def test_follow_the_contractor_to_the_end(sql_db: Any, make_user: Any) -> None:
    staff, head = make_user("staff"), make_user("head")
    at(D(2026, 11, 2))
    v = vendor(staff)
    committee = inspection_committee(head)
    c = contract(staff, v, committee)
    first, second = contracts.installments(c)
    contracts.set_security(staff, c, instrument="cash", received_on=D(2026, 11, 2))
    # R8: the first installment is due within 14 days of 20 January.
    due = reminders.installments_due(today=D(2027, 1, 20))
    assert [(r.contract_number, r.seq, r.days_left) for r in due] == [("12/2570", 1, 9)]
    # On time: brought 28 January, accepted unanimously 1 February.
    at(D(2027, 2, 1))
    d1 = execution.record_delivery(staff, first, brought_on=D(2027, 1, 28), letter_no="NS-01")
    with pytest.raises(ValidationError) as caught:
        execution.inspect(staff, d1, inspected_on=D(2027, 2, 1), votes=votes()[:2])
    assert "นายมานะ ขยัน" in caught.value.message
    i1 = execution.inspect(staff, d1, inspected_on=D(2027, 2, 1), votes=votes())
    assert i1.result == "accepted" and Decimal(i1.penalty) == 0
    # Second installment late: 31 March due, brought 10 April (10 calendar days).
    at(D(2027, 4, 5))
    late = reminders.late_installments()
    assert late[0].seq == 2 and late[0].penalty_so_far == Decimal("1200.00")  # 5 days x 240
    at(D(2027, 4, 12))
    d2 = execution.record_delivery(staff, second, brought_on=D(2027, 4, 10))
    dissent = execution.inspect(
        staff, d2, inspected_on=D(2027, 4, 12), votes=votes(dissent_from="นายมานะ ขยัน")
    )
    assert dissent.result == "dissent"
    assert Installment.get_by_id(second.id).status == InstallmentStatus.PENDING
    d2b = execution.record_delivery(staff, second, brought_on=D(2027, 4, 12))
    i2 = execution.inspect(staff, d2b, inspected_on=D(2027, 4, 12), votes=votes())
    assert i2.late_days == 12 and Decimal(i2.penalty) == Decimal("2880.00")
    c = Contract.get_by_id(c.id)
    assert c.status == "accepted"
    assert c.warranty_starts_on == D(2027, 4, 13)
    assert c.warranty_ends_on == D(2028, 4, 12)
    summary = execution.contract_penalty(c)
    assert summary.total == Decimal("2880.00") and summary.pct_of_price == Decimal("0.60")
    assert not summary.warning
    # Invoices: penalty deducted on approval, then paid.
    inv = execution.record_invoice(
        staff, Installment.get_by_id(second.id), invoice_no="INV-2", received_on=D(2027, 4, 13)
    )
    with pytest.raises(ValidationError):
        execution.pay_invoice(staff, inv, paid_on=D(2027, 4, 20))
    inv = execution.approve_invoice(head, inv, approved_on=D(2027, 4, 15))
    assert inv.net == Decimal("237120.00")
    execution.pay_invoice(staff, inv, paid_on=D(2027, 4, 20))
    # Warranty ending, then security to return.
    ending = reminders.warranties_ending(today=D(2028, 3, 1))
    assert [r.date for r in ending] == [D(2028, 4, 12)]
    to_return = reminders.securities_to_return(today=D(2028, 4, 20))
    assert [(r.contract_number, r.date) for r in to_return] == [("12/2570", D(2028, 4, 27))]


def test_invoice_refused_before_acceptance(sql_db: Any, make_user: Any) -> None:
    staff, head = make_user("staff"), make_user("head")
    at(D(2027, 1, 10))
    c = contract(staff, vendor(staff))
    first = contracts.installments(c)[0]
    inv = execution.record_invoice(staff, first, invoice_no="INV-1", received_on=D(2027, 1, 10))
    with pytest.raises(ValidationError) as caught:
        execution.approve_invoice(head, inv, approved_on=D(2027, 1, 11))
    assert "ยังไม่ได้ตรวจรับ" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        execution.record_invoice(staff, first, invoice_no="", received_on="x", amount="-3")
    assert set(caught.value.errors) == {"invoice_no", "received_on", "amount"}


def test_incident_downtime_penalty(sql_db: Any, make_user: Any) -> None:
    staff = make_user("staff")
    at(D(2027, 2, 20), 18)
    c = contract(
        staff,
        vendor(staff),
        nature="maintenance",
        downtime_allowance_hours=4,
        downtime_rate_pct="0.025",
    )
    inc = incidents.open_incident(
        staff, contract_id=c.id, system="สวิตช์แกนหลัก", down_since=dt.datetime(2027, 2, 20, 8, 0)
    )
    assert [r.system for r in reminders.open_incident_rows()] == ["สวิตช์แกนหลัก"]
    with pytest.raises(ValidationError):
        incidents.update_incident(staff, inc, contacted_at=dt.datetime(2027, 2, 20, 7, 0))
    incidents.update_incident(
        staff,
        inc,
        contacted_at=dt.datetime(2027, 2, 20, 8, 30),
        channel="โทรศัพท์",
        cause="พาวเวอร์ซัพพลายเสีย",
        repair_started_at=dt.datetime(2027, 2, 20, 10, 0),
    )
    # Down 8:00 to 14:20: 6 h 20 min counts as 7 hours; 3 beyond the 4-hour allowance;
    # 3 h x 0.025 % x 480,000 = 360 baht.
    inc = incidents.restore_incident(staff, inc, restored_at=dt.datetime(2027, 2, 20, 14, 20))
    assert inc.downtime_hours == 7 and inc.hours_over_allowance == 3
    assert Decimal(inc.penalty) == Decimal("360.00")
    assert inc.response_minutes == 90
    assert reminders.open_incident_rows() == []
    assert incidents.downtime_penalties(c) == Decimal("360.00")
