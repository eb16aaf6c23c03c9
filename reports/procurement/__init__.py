"""Printed procurement forms (PROCUREMENT.md §4) on the document engine, from plain data: this
package never imports ``models``; ``models.procurement.documents`` (and the processes) assemble the
dataclasses.

- ``memos``: F1 ``PrincipleMemo`` (approval of principle and budget, TOR committee), F6
  ``Report22`` (รายงานขอซื้อขอจ้าง ข้อ ๒๒), F14 ``InspectionReport`` (report memo to the head).
- ``forms``: F5a ``MedianPriceTable`` (แบบ บก.๐๖), ``QuotationComparison``, F13
  ``InspectionRecord`` (ใบตรวจรับ, a signature line per member).
- ``letters``: F15 ``PenaltyLetter`` (หนังสือแจ้งสงวนสิทธิ์เรียกค่าปรับ).

Each ``render_*`` returns PDF bytes; amounts are printed in figures and in Thai words.
"""
