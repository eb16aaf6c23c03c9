"""Late-delivery penalty arithmetic (ค่าปรับ, PROCUREMENT.md §2.6.1), on plain values so that it can be
checked by hand; ``contracts`` feeds it the contract's own terms and the deliveries accepted.

Rules applied:
- days run from the day after the due date to the day the contractor brought the work that was
  then accepted (ข้อ ๑๗๕(๔)); calendar days unless the contract counts working days;
- the base is the value not yet delivered (purchase, hire accepted in parts), the installment, or
  the whole contract (hire that needs the whole result at once); a partial delivery lowers the
  base from the day it was brought when the base is the undelivered value;
- the daily amount is base × rate, never less than the contract's minimum per day (0 = none),
  rounded to the satang; the base excludes VAT when the contract says so.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


class PenaltyBase:
    UNDELIVERED = "undelivered"  # ราคาของงานที่ยังไม่ได้ส่งมอบ
    INSTALLMENT = "installment"  # ราคาของงวดงาน
    CONTRACT = "contract"  # ราคาตามสัญญาทั้งหมด (งานที่ต้องการผลสำเร็จพร้อมกัน)


@dataclass(frozen=True)
class PenaltyTerms:
    rate_pct: Decimal  # per day, e.g. Decimal("0.10")
    min_per_day: Decimal = Decimal(0)
    base: str = PenaltyBase.UNDELIVERED
    includes_vat: bool = True
    vat_pct: Decimal = Decimal(7)
    working_days: bool = False


@dataclass(frozen=True)
class Handover:
    """Work brought on ``brought_on`` and accepted for ``value`` baht."""

    brought_on: dt.date
    value: Decimal


@dataclass(frozen=True)
class PenaltyLine:
    first_day: dt.date  # the first late day counted
    last_day: dt.date
    days: int
    base: Decimal
    per_day: Decimal
    amount: Decimal


@dataclass
class PenaltyResult:
    lines: list[PenaltyLine] = field(default_factory=list)

    @property
    def days(self) -> int:
        return sum(line.days for line in self.lines)

    @property
    def amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))


def count_days(
    after: dt.date,
    until: dt.date,
    *,
    working_days: bool = False,
    is_working_day: Callable[[dt.date], bool] | None = None,
) -> int:
    """Days from the day after ``after`` up to and including ``until`` (0 when not later)."""
    if until <= after:
        return 0
    if not working_days:
        return (until - after).days
    if is_working_day is None:
        raise ValueError("is_working_day is needed to count working days")
    return sum(
        1 for n in range(1, (until - after).days + 1) if is_working_day(after + dt.timedelta(n))
    )


def daily_amount(terms: PenaltyTerms, base: Decimal) -> Decimal:
    if not terms.includes_vat:
        base = base * HUNDRED / (HUNDRED + terms.vat_pct)
    per_day = (base * terms.rate_pct / HUNDRED).quantize(CENT, rounding=decimal.ROUND_HALF_UP)
    return max(per_day, terms.min_per_day)


def installment_penalty(
    terms: PenaltyTerms,
    *,
    due_on: dt.date,
    installment_value: Decimal,
    contract_value: Decimal,
    handovers: Sequence[Handover],
    as_of: dt.date | None = None,
    is_working_day: Callable[[dt.date], bool] | None = None,
) -> PenaltyResult:
    """The penalty of one installment: for every stretch after the due date while some of it was
    undelivered, days × the daily amount on that stretch's base. ``as_of`` counts the part still
    undelivered up to that day (the penalty so far); without it only accepted handovers count."""
    result = PenaltyResult()
    remaining = installment_value
    cursor = due_on

    def charge(until: dt.date) -> None:
        days = count_days(
            cursor, until, working_days=terms.working_days, is_working_day=is_working_day
        )
        if days <= 0 or remaining <= 0:
            return
        base = {
            PenaltyBase.UNDELIVERED: remaining,
            PenaltyBase.INSTALLMENT: installment_value,
            PenaltyBase.CONTRACT: contract_value,
        }[terms.base]
        per_day = daily_amount(terms, base)
        result.lines.append(
            PenaltyLine(
                first_day=cursor + dt.timedelta(days=1),
                last_day=until,
                days=days,
                base=base,
                per_day=per_day,
                amount=per_day * days,
            )
        )

    for handover in sorted(handovers, key=lambda h: h.brought_on):
        if remaining <= 0:
            break
        if handover.brought_on > cursor:
            charge(handover.brought_on)
            cursor = handover.brought_on
        remaining -= handover.value
    if as_of is not None and remaining > 0 and as_of > cursor:
        charge(as_of)
    return result


def share_of_contract(total_penalty: Decimal, contract_value: Decimal) -> Decimal:
    """Penalties as a percentage of the contract value (R13: warn past the setting, 10 %)."""
    if contract_value <= 0:
        return Decimal(0)
    return (total_penalty * HUNDRED / contract_value).quantize(CENT, rounding=decimal.ROUND_HALF_UP)


def downtime_penalty(
    hours_over_allowance: Decimal, rate_pct_per_hour: Decimal, contract_value: Decimal
) -> Decimal:
    """Hourly downtime penalty (ร.310-60 ข้อ ๕): hours beyond the allowance × rate × price."""
    if hours_over_allowance <= 0 or rate_pct_per_hour <= 0:
        return Decimal(0)
    amount = hours_over_allowance * rate_pct_per_hour * contract_value / HUNDRED
    return amount.quantize(CENT, rounding=decimal.ROUND_HALF_UP)
