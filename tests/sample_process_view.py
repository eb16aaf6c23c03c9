"""The sixth process's whole view module (see ``tests/sample_process.py``): one call."""

from __future__ import annotations

from views.process_tabs import register_process_tab

SPEC = register_process_tab("room_request", "rooms", order=90)
