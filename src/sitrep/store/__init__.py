"""The store: articles, events (with the pipeline that made each), failures and incidents.

One schema (``migrations/*.sql``) and one interface, :class:`Store`, with two
backends: SQLite (a file, zero set-up, WAL mode; the default) and PostgreSQL
for shared deployments. :func:`open_store` picks one from a URL::

    open_store("sitrep.db")                               # SQLite file
    open_store("sqlite:///data/sitrep.db")                # data/sitrep.db, as a URL
    open_store("postgresql://user@host:5432/sitrep")      # PostgreSQL (psycopg 3)

Writes go through :meth:`Store.transaction`: one transaction per article, so a
run killed at any moment leaves every article either fully stored or absent.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Protocol

from ..errors import StoreError
from .base import Filters, StoredEvent, Transaction

__all__ = ["Filters", "Store", "StoredEvent", "Transaction", "default_url", "open_store"]

DEFAULT_DB = "sitrep.db"


class Store(Protocol):
    """What sitrep needs of a store; SQLiteStore and PostgresStore implement it."""

    url: str

    def transaction(self) -> AbstractContextManager[Transaction]: ...
    def article_pipeline(self, article_id: str) -> str | None: ...
    def article_pipelines(self, article_ids: list[str]) -> dict[str, str]: ...
    def events(self, filters: Filters | None = None, *, all_versions: bool = False) -> Iterator[StoredEvent]: ...
    def incidents(self, filters: Filters | None = None) -> Iterator[dict]: ...
    def incident_history(self, incident_id: str) -> list[dict]: ...
    def resolve_incident(self, incident_id: str) -> str: ...
    def failures(self) -> list[dict]: ...
    def counts(self) -> dict[str, int]: ...
    def schema_version(self) -> int: ...
    def close(self) -> None: ...


def default_url() -> str:
    """``$SITREP_DB`` when set, else ``sitrep.db`` in the working directory."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def open_store(url: str | None = None) -> Store:
    """The store at ``url`` (a SQLite path or URL, or a PostgreSQL URL), migrated to the current schema."""
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(url)
    if "://" in url and not url.startswith("sqlite://"):
        raise StoreError(f"unknown store URL {url!r}",
                         hint="give a SQLite file path, sqlite:///PATH or postgresql://USER@HOST/DB")
    from .sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"))  # sqlite:///rel.db, sqlite:////abs.db
