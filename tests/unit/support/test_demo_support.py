"""The demo office's IT support data: about 300 assets of all kinds, a maintenance plan with done
and overdue occurrences, tickets in every state, loaners out (one overdue)."""

from __future__ import annotations

from collections import Counter

from models.demo import seed_demo
from models.engine import Case, CaseState, state_of
from models.support import loans, maintenance
from models.support.assets import Asset, AssetKind, AssetStatus
from models.support.maintenance import OccurrenceState
from models.support.tickets import PROCESS_KEY


def test_demo_support_office(sqlite_db) -> None:
    seed_demo()
    kinds = Counter(a.kind for a in Asset.select())
    assert sum(kinds.values()) >= 290 and set(kinds) == set(AssetKind)
    statuses = Counter(a.status for a in Asset.select())
    assert statuses[AssetStatus.ON_LOAN] >= 1 and statuses[AssetStatus.RETIRED] >= 1
    cases = list(Case.select().where(Case.process == PROCESS_KEY))
    states = {state_of(c).state for c in cases}
    assert {
        CaseState.DONE_ON_TIME,
        CaseState.DONE_LATE,
        CaseState.OVERDUE,
        CaseState.ON_TIME,
    } <= states
    steps = {c.current_step for c in cases if c.status == "open"}
    assert steps == {"assign", "repair", "notify"}
    assert loans.overdue_loans() and loans.pool()
    occurrences = {o.state for o in maintenance.occurrences()}
    assert {OccurrenceState.DONE, OccurrenceState.DONE_LATE, OccurrenceState.OVERDUE} <= occurrences
