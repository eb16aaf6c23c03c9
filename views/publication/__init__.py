"""Process 1's tab "เผยแพร่ข้อมูลบนเว็บไซต์": the shared process tab over ``models.publication.process``."""

from __future__ import annotations

import models.publication.process  # noqa: F401 - registers the process
from views.process_tabs import register_process_tab

register_process_tab("publication", "publications", order=10, register_name="publications")
