"""The sync engine: push the outbox, pull the change feed, reconcile. Pure Python, no Qt.

Start with ``console.sync.engine.SyncEngine``; the rules it follows are in docs/sync.md.
"""
