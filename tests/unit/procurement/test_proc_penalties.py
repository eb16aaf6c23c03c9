"""Late penalties against cases worked by hand (PROCUREMENT.md §2.6.1): the spec's worked example,
the minimum per day, a delivery on a holiday (calendar and working days), partial delivery on the
undelivered value, VAT out of the base, and the 10 % warning through the contract records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from models.procurement import contracts, execution
from models.procurement.penalties import (
    Handover,
    PenaltyBase,
    PenaltyTerms,
    count_days,
    installment_penalty,
    share_of_contract,
)
from tests.unit.procurement.helpers import D, at, contract, inspection_committee, vendor, votes


def test_the_worked_example_of_the_spec() -> None:
    # Hire of a system needing the whole result, 1,200,000 incl. VAT, 0.10 %/day, minimum 100,
    # due 31 March, brought 10 April: 1-10 April = 10 days x max(1,200, 100) = 12,000 baht, 1 %.
    terms = PenaltyTerms(Decimal("0.10"), Decimal(100), PenaltyBase.CONTRACT)
    result = installment_penalty(
        terms,
        due_on=D(2027, 3, 31),
        installment_value=Decimal("1200000"),
        contract_value=Decimal("1200000"),
        handovers=[Handover(D(2027, 4, 10), Decimal("1200000"))],
    )
    assert result.days == 10
    assert result.lines[0].first_day == D(2027, 4, 1)
    assert result.lines[0].per_day == Decimal("1200.00")
    assert result.amount == Decimal("12000.00")
    assert share_of_contract(result.amount, Decimal("1200000")) == Decimal("1.00")


def test_minimum_per_day() -> None:
    # 60,000 x 0.10 % = 60 baht a day, below the 100-baht minimum: 5 days x 100 = 500.
    terms = PenaltyTerms(Decimal("0.10"), Decimal(100), PenaltyBase.CONTRACT)
    result = installment_penalty(
        terms,
        due_on=D(2027, 1, 15),
        installment_value=Decimal("60000"),
        contract_value=Decimal("60000"),
        handovers=[Handover(D(2027, 1, 20), Decimal("60000"))],
    )
    assert (result.days, result.lines[0].per_day, result.amount) == (5, Decimal(100), Decimal(500))
    # Without a minimum the same delivery costs 5 x 60 = 300.
    no_minimum = PenaltyTerms(Decimal("0.10"), Decimal(0), PenaltyBase.CONTRACT)
    again = installment_penalty(
        no_minimum,
        due_on=D(2027, 1, 15),
        installment_value=Decimal("60000"),
        contract_value=Decimal("60000"),
        handovers=[Handover(D(2027, 1, 20), Decimal("60000"))],
    )
    assert again.amount == Decimal("300.00")


def test_delivery_on_a_holiday() -> None:
    # Due Friday 9 April 2027; brought Tuesday 13 April (สงกรานต์). Calendar days: 10, 11, 12, 13
    # April = 4. Working days with 13 April a holiday: only Monday 12 April = 1.
    holidays = {D(2027, 4, 13), D(2027, 4, 14), D(2027, 4, 15)}

    def working(day: dt.date) -> bool:
        return day.weekday() < 5 and day not in holidays

    due, brought = D(2027, 4, 9), D(2027, 4, 13)
    assert count_days(due, brought) == 4
    assert count_days(due, brought, working_days=True, is_working_day=working) == 1
    base = {
        "rate_pct": Decimal("0.20"),
        "base": PenaltyBase.UNDELIVERED,
    }
    value = Decimal("50000")
    calendar_days = installment_penalty(
        PenaltyTerms(**base),  # type: ignore[arg-type]
        due_on=due,
        installment_value=value,
        contract_value=value,
        handovers=[Handover(brought, value)],
    )
    assert calendar_days.amount == Decimal("400.00")  # 4 x 100
    working_days = installment_penalty(
        PenaltyTerms(**base, working_days=True),  # type: ignore[arg-type]
        due_on=due,
        installment_value=value,
        contract_value=value,
        handovers=[Handover(brought, value)],
        is_working_day=working,
    )
    assert working_days.amount == Decimal("100.00")  # 1 x 100


def test_partial_delivery_counts_on_the_undelivered_part() -> None:
    # Installment 100,000 at 0.20 %/day, due 31 March. 60,000 brought 5 April, the other 40,000
    # on 15 April. 1-5 April on 100,000: 5 x 200 = 1,000; 6-15 April on 40,000: 10 x 80 = 800.
    handovers = [
        Handover(D(2027, 4, 15), Decimal("40000")),
        Handover(D(2027, 4, 5), Decimal("60000")),
    ]
    undelivered = installment_penalty(
        PenaltyTerms(Decimal("0.20"), base=PenaltyBase.UNDELIVERED),
        due_on=D(2027, 3, 31),
        installment_value=Decimal("100000"),
        contract_value=Decimal("300000"),
        handovers=handovers,
    )
    assert [(line.days, line.base, line.amount) for line in undelivered.lines] == [
        (5, Decimal("100000"), Decimal("1000.00")),
        (10, Decimal("40000"), Decimal("800.00")),
    ]
    assert undelivered.amount == Decimal("1800.00")
    # When the contract charges on the whole installment: 15 x 200 = 3,000.
    whole = installment_penalty(
        PenaltyTerms(Decimal("0.20"), base=PenaltyBase.INSTALLMENT),
        due_on=D(2027, 3, 31),
        installment_value=Decimal("100000"),
        contract_value=Decimal("300000"),
        handovers=handovers,
    )
    assert whole.amount == Decimal("3000.00")
    # A first part on time: only the rest is late, 1-15 April on 40,000 = 15 x 80 = 1,200.
    early = installment_penalty(
        PenaltyTerms(Decimal("0.20"), base=PenaltyBase.UNDELIVERED),
        due_on=D(2027, 3, 31),
        installment_value=Decimal("100000"),
        contract_value=Decimal("300000"),
        handovers=[Handover(D(2027, 3, 30), Decimal("60000")), handovers[0]],
    )
    assert early.amount == Decimal("1200.00")


def test_vat_out_of_the_base_and_penalty_so_far() -> None:
    # 107,000 incl. 7 % VAT is 100,000 before VAT: 0.10 % = 100 a day.
    terms = PenaltyTerms(Decimal("0.10"), includes_vat=False, vat_pct=Decimal(7))
    so_far = installment_penalty(
        terms,
        due_on=D(2027, 6, 30),
        installment_value=Decimal("107000"),
        contract_value=Decimal("107000"),
        handovers=[],
        as_of=D(2027, 7, 3),
    )
    assert (so_far.days, so_far.amount) == (3, Decimal("300.00"))
    assert installment_penalty(
        terms,
        due_on=D(2027, 6, 30),
        installment_value=Decimal("107000"),
        contract_value=Decimal("107000"),
        handovers=[],
    ).amount == Decimal(0)


def test_ten_percent_warning_and_partial_acceptance_on_the_records(
    sqlite_db: Any, make_user: Any
) -> None:
    staff, head = make_user("staff"), make_user("head")
    at(D(2027, 6, 30))
    c = contract(
        staff,
        vendor(staff),
        inspection_committee(head),
        price="100000",
        vat="6542.06",
        nature="purchase",
        penalty_rate_pct="0.20",
        installments=[{"due_on": D(2027, 1, 31), "amount": "100000"}],
    )
    (only,) = contracts.installments(c)
    # Half brought 10 February and accepted: 1-10 Feb on 100,000 = 10 x 200 = 2,000.
    d1 = execution.record_delivery(staff, only, brought_on=D(2027, 2, 10), value="50000")
    assert d1.partial
    i1 = execution.inspect(staff, d1, inspected_on=D(2027, 2, 11), votes=votes())
    assert i1.result == "accepted" and Decimal(i1.penalty) == Decimal("2000.00")
    # By 30 June the other half is 140 days late on 50,000 (100 a day): 14,000 more, 16,000 in
    # all = 16 % of the price: past the 10 % warning.
    summary = execution.contract_penalty(c, as_of=D(2027, 6, 30))
    assert summary.total == Decimal("16000.00")
    assert summary.pct_of_price == Decimal("16.00") and summary.warning
    # Accepted only in part at inspection: 30,000 of the 50,000 brought on 30 June.
    d2 = execution.record_delivery(staff, only, brought_on=D(2027, 6, 30))
    i2 = execution.inspect(
        staff, d2, inspected_on=D(2027, 6, 30), votes=votes(), accepted_value="30000"
    )
    assert i2.result == "partial"
    assert contracts.Installment.get_by_id(only.id).status == "partial"
    assert Decimal(i2.penalty) == Decimal("14000.00")
