"""Demo helpers both procurement processes share: a committee of three appointed on a day, every
member's conflict-of-interest declaration (F18) signed that day, serving one case when given."""

from __future__ import annotations

import datetime as dt
from typing import Any

from models import office, records
from models.demo import on_day
from models.org import Committee, CommitteeRole
from models.procurement import committees


def committee_with_declarations(
    name: str, kind: str, people: list[Any], day: dt.date, case_id: int | None = None
) -> Committee:
    roles = [CommitteeRole.CHAIR, CommitteeRole.MEMBER, CommitteeRole.SECRETARY]
    with on_day(day):
        committee = office.save_committee(
            None,
            None,
            [
                {"full_name": u.full_name, "position": u.position, "role": r, "user_id": u.id}
                for u, r in zip(people, roles, strict=True)
            ],
            name=name,
            kind=kind,
            appointed_on=day,
        )
        if case_id is not None and committee.case_id != case_id:
            records.update(None, committee, case_id=case_id)
        for member in office.committee_members(committee):
            committees.record_declaration(None, member, declared_on=day)
    return committee
