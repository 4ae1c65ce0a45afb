"""Opening a SQLite file in WAL mode while other processes open it too.

Switching a new file to WAL, and WAL recovery after a killed writer, answer
"database is locked" at once instead of waiting for the busy timeout, so two
crawler processes starting on one new pages.db could fail. ``connect_wal``
retries until ``timeout``; any other error is raised as it is.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable


def connect_wal(path: str, *, timeout: float, setup: Callable[[sqlite3.Connection], None] | None = None,
                **connect_args) -> sqlite3.Connection:
    """A connection to ``path`` in WAL mode, ``setup(conn)`` run on it (retried with it)."""
    deadline = time.monotonic() + timeout
    while True:
        conn = sqlite3.connect(path, timeout=timeout, **connect_args)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            if setup is not None:
                setup(conn)
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        except BaseException:
            conn.close()
            raise
        time.sleep(0.05)
