"""Process 5, information systems developed on request, in-house or by a vendor: the project's
records (``records``), its steps on the engine with the registers (``process``), its printed
documents (``documents``) and its demo projects (``demo``). Contracts, quotations, committees and
what follows a contract come from ``models.procurement``, shared with process 4."""
