"""ICT Desk's data and domain rules (peewee). Nothing here imports Qt: the same code serves the
window, the command line, worker threads and the tests."""
