"""Process 3, data requests from outside bodies: the request's record, its steps on the engine,
the cover note, the external letter, the period report memo and the data-request log
(``process``), and its demo cases (``demo``)."""
