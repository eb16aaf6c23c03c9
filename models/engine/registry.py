"""The processes the engine knows. A process module calls ``register_process`` at import time and
is listed in ``PROCESS_MODULES`` so lists across processes (dashboard, reports) find them all."""

from __future__ import annotations

import importlib

from models import numbering
from models.engine.definition import ProcessDef, RecordSource
from models.errors import NotFound
from models.i18n import N_, _

PROCESS_MODULES: list[str] = [  # modules that call ``register_process`` at import time
    "models.publication.process",
    "models.support.tickets",
    "models.data_request.process",
    "models.infrastructure.projects",
    "models.development.process",
]
_PROCESSES: dict[str, ProcessDef] = {}
_SOURCES: dict[str, RecordSource] = {}


def register_process(definition: ProcessDef) -> ProcessDef:
    definition.validate()
    _PROCESSES[definition.key] = definition
    # The case numbers: "12/2569", restarting every fiscal year; an office may change the pattern.
    numbering.DEFAULT_SERIES.setdefault(
        case_series(definition.key),
        {
            "label": N_("เลขที่เรื่อง"),
            "prefix": definition.number_prefix,
            "pattern": "{prefix}{number}/{fy}" if definition.number_prefix else "{number}/{fy}",
            "reset": "fiscal_year",
        },
    )
    return definition


def unregister_process(key: str) -> None:
    """For tests that declare throwaway processes."""
    _PROCESSES.pop(key, None)
    numbering.DEFAULT_SERIES.pop(case_series(key), None)


def case_series(process_key: str) -> str:
    return f"case.{process_key}"


def load_all() -> None:
    for module in PROCESS_MODULES:
        importlib.import_module(module)


def all_processes() -> list[ProcessDef]:
    load_all()
    return list(_PROCESSES.values())


def get_process(key: str) -> ProcessDef:
    found = _PROCESSES.get(key)
    if found is None:
        load_all()
        found = _PROCESSES.get(key)
    if found is None:
        raise NotFound(_("ไม่รู้จักกระบวนงาน “{key}”").format(key=key))
    return found


def register_source(source: RecordSource) -> RecordSource:
    """Declare the records a ``FieldKind.RECORD`` field with ``source=source.key`` chooses from."""
    _SOURCES[source.key] = source
    return source


def get_source(key: str) -> RecordSource:
    found = _SOURCES.get(key)
    if found is None:
        load_all()
        found = _SOURCES.get(key)
    if found is None:
        raise NotFound(_("ไม่รู้จักแหล่งข้อมูล “{key}”").format(key=key))
    return found
