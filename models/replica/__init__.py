"""The offline replica: a read-only SQLite copy of the shared server's data on each workstation.
Whether this session is offline, and the refusal every write meets then, is ``models.offline``.

- ``feed``: the change feed on PostgreSQL (a trigger-written log of changed rows);
- ``store``: the full build, the incremental refresh, opening the replica read-only;
- ``files``: where it lives, who may read it, what it describes about itself;
- ``policy``: the office's settings and the checks a start makes (switched off, user deactivated).
"""
