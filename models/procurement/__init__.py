"""Procurement and contract records shared by process 4 (server and network maintenance) and
process 5 (systems developed by vendors). This package never imports a process package; the
processes import it and link records to their cases through a plain ``case_id``.

Modules (each docstring shows how to call it):
- ``rules``: the procurement settings (every [U] figure of PROCUREMENT.md), money/date checks,
  the 13-digit tax ID checksum.
- ``vendors``: vendors (``models.org.Vendor``) with a verified tax ID, addresses, contacts.
- ``committees``: composition rules, the ข้อ ๒๖ overlap ban, F18 declarations, applied by
  ``models.office.save_committee`` to the office's one committee record.
- ``quotations``: quotations with VAT shown separately and the vendor's file.
- ``methods``: procurement methods checked against the thresholds.
- ``contracts``: contracts, installments, performance security, warranty.
- ``execution``: deliveries, inspections (unanimous), penalties, invoices.
- ``penalties``: the penalty arithmetic on plain values.
- ``incidents``: the incident log and downtime penalties.
- ``reminders``: dashboard queries.
- ``registers``: the contract register and the incident register (print-register, .xlsx).
- ``documents``: plain data for the printed forms in ``reports.procurement``.

Bad input raises ``models.errors.ValidationError`` whose ``errors`` name the fields; nothing is
saved.
"""
