"""Every table of the app, for the migration tool and the schema test.

A module that declares tables adds its name to ``MODEL_MODULES``; ``tools/makemigration.py`` then
writes the migration that creates or changes them, and ``tests/unit/test_schema.py`` fails while
the models and the migrations disagree.
"""

from __future__ import annotations

import importlib

import peewee

from models.base import BaseModel

MODEL_MODULES = [
    "models.audit",
    "models.org",
    "models.accounts",
    "models.settings",
    "models.attachments",
    "models.numbering",
    "models.support.assets",
    "models.support.maintenance",
    "models.calendar",
    "models.engine.tables",
    "models.publication.process",
    "models.data_request.process",
    "models.support.ticket_records",
    "models.support.tickets",
    "models.support.loans",
    "models.words",
    "models.signing.tables",
    "models.outgoing.register",
    "models.procurement.vendors",
    "models.procurement.quotations",
    "models.procurement.contracts",
    "models.procurement.execution",
    "models.procurement.incidents",
    "models.infrastructure.plans",
    "models.infrastructure.problems",
    "models.infrastructure.projects",
    "models.development.records",
    "models.statistics.workdays",
]


def all_models() -> list[type[peewee.Model]]:
    for name in MODEL_MODULES:
        importlib.import_module(name)
    found: list[type[peewee.Model]] = []
    stack: list[type[peewee.Model]] = [BaseModel]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if not getattr(sub._meta, "abstract", False) and sub.__module__ in MODEL_MODULES:
                found.append(sub)
    ordered: list[type[peewee.Model]] = peewee.sort_models(found)  # type: ignore[attr-defined]
    return ordered
