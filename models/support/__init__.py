"""Process 2, IT support: repair tickets on the engine (``tickets``), the asset register
(``assets``, its history and its Excel/CSV import and export), replacement machines (``loans``),
preventive maintenance (``maintenance``), the service-problem register, their printed documents
and registers, and the demo office's support records."""
