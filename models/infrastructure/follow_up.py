"""What process 4's dashboard box lists (PROCUREMENT.md §5 through
``models.procurement.reminders``), kept to process 4's projects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from models.infrastructure.projects import Project
from models.procurement import reminders as proc_reminders


@dataclass(frozen=True)
class FollowUp:
    """The dashboard's lists for process 4, each row with the project's case id."""

    due: list[proc_reminders.InstallmentRow]
    late: list[proc_reminders.InstallmentRow]
    securities: list[proc_reminders.ContractDateRow]
    warranties: list[proc_reminders.ContractDateRow]
    incidents: list[proc_reminders.IncidentRow]


def _project_case_ids() -> set[int]:
    return {int(p.__data__["case"]) for p in Project.select(Project.case)}


def follow_up(today: dt.date | None = None) -> FollowUp:
    mine = _project_case_ids()

    def keep(rows: list[Any]) -> list[Any]:
        return [r for r in rows if r.case_id in mine]

    return FollowUp(
        due=keep(proc_reminders.installments_due(today)),
        late=keep(proc_reminders.late_installments(today)),
        securities=keep(proc_reminders.securities_to_return(today)),
        warranties=keep(proc_reminders.warranties_ending(today)),
        incidents=keep(proc_reminders.open_incident_rows()),
    )
