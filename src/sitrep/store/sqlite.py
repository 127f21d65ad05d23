"""The SQLite backend: one file, zero set-up, WAL mode (readers never block the writer)."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from .base import SqlStore


class SQLiteStore(SqlStore):
    """A store in one SQLite file. ``synchronous=NORMAL``: a killed process loses no committed article."""

    def connect(self):
        path = Path(self.url)
        if str(path) != ":memory:" and not path.parent.exists():
            raise StoreError(f"cannot create the store {self.url}: folder {path.parent} does not exist",
                             hint="create the folder or give another --db")
        try:
            conn = sqlite3.connect(self.url, isolation_level=None, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {self.url}: {exc}",
                             hint="check that it is a sitrep SQLite file and that its folder is writable") from None
        return conn

    def no_table_errors(self):
        return (sqlite3.OperationalError,)

    @contextmanager
    def _reader(self):
        conn = sqlite3.connect(self.url, timeout=30)
        try:
            yield conn.cursor()  # one SELECT reads one snapshot, even while a writer commits (WAL)
        finally:
            conn.close()

    @contextmanager
    def _begin(self, write: bool = True):
        cur = self.conn.cursor()
        try:
            # a writer takes the write lock at once: one writer at a time, no lock-upgrade deadlocks
            cur.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to the store {self.url}: {exc}",
                             hint="another process may hold it; try again") from None
        try:
            yield cur
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()
        finally:
            cur.close()
