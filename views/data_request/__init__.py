"""Process 3's tab "ให้บริการข้อมูลสารสนเทศ": the shared process tab over ``models.data_request.process``."""

from __future__ import annotations

import models.data_request.process  # noqa: F401 - registers the process
from views.process_tabs import register_process_tab

register_process_tab("data_request", "data_requests", order=30, register_name="data-requests")
