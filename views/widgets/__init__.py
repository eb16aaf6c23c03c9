"""Widgets shared by the tabs: paged tables, the filter bar, B.E. date input, form error marking and
the conflict dialog, Thai message boxes (and the PDF preview)."""
