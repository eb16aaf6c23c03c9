"""Process 1, publishing information on the office web site: the request's record, its steps on
the engine, the period report memo and the publication log (``process``), and its demo cases
(``demo``)."""
