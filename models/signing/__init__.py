"""Signed documents (platform): each user's own signature image and where its owner placed it
(``images``, ``placement``), the office's trusted certificates and timestamp server (``trust``),
and digital signing / verification of the PDFs the app makes (``digital``).

Processes declare which step stands for which signature block of their documents
(``placement.declare_signature_slots``); this package never imports a process.
"""
