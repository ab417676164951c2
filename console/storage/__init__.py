"""Local SQLite storage through sqlite-utils: opening, migrations, repositories, outbox, audit."""
