"""The local database, and the only code that writes it (tests/storage/test_ownership.py).

- ``db``: opening (pragmas, WAL, the one precheck), transactions, the guarded connection that
  turns environmental SQLite failures into ``errors.StorageError``.
- ``errors``: storage failures classified once by blame (``StorageProblem``).
- ``migrations``: named schema steps, ``major.minor`` versions.
- ``files``: private folder and file modes for the database, logs and exports.
- ``outbox``: the outbox state machine; ``meta``, ``audit``: their tables;
  ``snapshots``: the platform's facts as the sync engine applies them.
- ``repo`` (+ ``stores_list``): the merchant's reads and writes for ``console.service``.
"""
