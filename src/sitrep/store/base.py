"""The SQL both backends share: schema migrations, writes in a transaction, filtered reads.

SQL is written once, with ``?`` placeholders and statements both SQLite (3.24+)
and PostgreSQL accept (``INSERT ... ON CONFLICT``); a backend only says how to
connect, how to begin a write transaction and how to spell its placeholders.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources

from ..errors import StoreError
from ..record import Document, Event


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every packaged migration, in order."""
    folder = resources.files("sitrep.store").joinpath("migrations")
    out = []
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith(".sql")):
        out.append((int(name.split("_", 1)[0]), name, folder.joinpath(name).read_text(encoding="utf-8")))
    return out


@dataclass
class Filters:
    """Filters of ``sitrep events`` / ``sitrep incidents`` / ``sitrep export``; None = no filter."""

    country: str | None = None          # ISO3
    type: str | None = None             # PLOVER type, ACLED event type or sub-event type
    actor: str | None = None            # part of an actor's text or name, any case
    since: str | None = None            # YYYY-MM-DD, inclusive
    until: str | None = None            # YYYY-MM-DD, inclusive
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    min_fatalities: int | None = None
    limit: int | None = None


@dataclass
class StoredEvent:
    """An event as stored, with its incident and what the store knows of its article."""

    event: Event
    incident_id: str | None
    doc_id: str
    source: str | None
    title: str | None
    url: str | None
    published: str | None
    ingested_at: str
    current: bool = True


def _actors(ev: Event) -> str:
    names = {x.lower() for a in ev.actors for x in (a.text, a.name) if x}
    return "|" + "|".join(sorted(names)) + "|"


def event_columns(ev: Event) -> dict:
    loc, fat = ev.location, ev.fatalities
    return {
        "type": ev.type, "acled_event_type": ev.acled.event_type if ev.acled else None,
        "acled_sub_event_type": ev.acled.sub_event_type if ev.acled else None,
        "country": loc.country if loc else None, "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "event_date": ev.date.value if ev.date and ev.date.value else None,
        "fatalities_best": fat.best if fat else None, "actors": _actors(ev),
    }


class Transaction:
    """The writes (and the reads they depend on) of one article, inside one database transaction."""

    def __init__(self, store: "SqlStore", cur):
        self.store, self.cur = store, cur

    def execute(self, sql: str, params: Iterable = ()):
        self.cur.execute(self.store.sql(sql), self.store.params(params))
        return self.cur

    def rows(self, sql: str, params: Iterable = ()) -> list[tuple]:
        return self.execute(sql, params).fetchall()

    # -- articles and events -------------------------------------------------
    def article_pipeline(self, article_id: str) -> str | None:
        row = self.rows("SELECT pipeline FROM articles WHERE article_id = ?", [article_id])
        return row[0][0] if row else None

    def current_event_ids(self, article_id: str) -> list[str]:
        return [r[0] for r in self.rows("SELECT event_id FROM events WHERE article_id = ? AND current = 1",
                                        [article_id])]

    def stored_state(self, article_id: str) -> tuple[str | None, set[str]]:
        """The pipeline of the article's stored extraction (None if new) and its current event ids, in one query."""
        rows = self.rows("SELECT a.pipeline, e.event_id FROM articles a LEFT JOIN events e"
                         " ON e.article_id = a.article_id AND e.current = 1 WHERE a.article_id = ?", [article_id])
        return (rows[0][0] if rows else None), {r[1] for r in rows if r[1] is not None}

    def save_document(self, doc: Document, outlet: str | None = None, replaces: bool = True) -> None:
        """Store the article and its events as the current extraction; older extractions' events are kept.

        ``replaces=False`` says the article has no stored events (a statement saved).
        """
        at = now()
        body = doc.model_dump(mode="json", exclude={"events"})
        self.execute(
            "INSERT INTO articles (article_id, doc_id, source, title, url, outlet, published, language, pipeline,"
            " document, ingested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (article_id) DO UPDATE SET pipeline = excluded.pipeline, document = excluded.document,"
            " updated_at = excluded.updated_at",
            [doc.article_id, doc.id, doc.source, doc.title, doc.url, outlet, doc.published, doc.language, doc.pipeline,
             json.dumps(body, ensure_ascii=False), at, at])
        if replaces:
            self.execute("UPDATE events SET current = 0 WHERE article_id = ?", [doc.article_id])
        for pos, ev in enumerate(doc.events):
            cols = event_columns(ev)
            self.execute(
                "INSERT INTO events (event_id, pipeline, article_id, current, position, type, acled_event_type,"
                " acled_sub_event_type, country, lat, lon, event_date, fatalities_best, actors, record, ingested_at)"
                " VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (event_id, pipeline) DO UPDATE SET current = 1, position = excluded.position,"
                " record = excluded.record",
                [ev.id, ev.pipeline, doc.article_id, pos, *cols.values(), ev.model_dump_json(), at])
        self.execute("DELETE FROM failures WHERE doc_id = ?", [doc.id])

    def record_failure(self, doc: Document) -> None:
        err = doc.error
        self.execute(
            "INSERT INTO failures (doc_id, source, article_id, code, reason, hint, pipeline, failed_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (doc_id) DO UPDATE SET source = excluded.source,"
            " article_id = excluded.article_id, code = excluded.code, reason = excluded.reason,"
            " hint = excluded.hint, pipeline = excluded.pipeline, failed_at = excluded.failed_at",
            [doc.id, doc.source, doc.article_id, err.code, err.reason, err.hint, doc.pipeline, now()])

    # -- incidents -------------------------------------------------------------
    def memberships(self, event_ids: Iterable[str]) -> dict[str, str]:
        ids = list(event_ids)
        out: dict[str, str] = {}
        for chunk in _chunks(ids):
            out.update(self.rows(f"SELECT event_id, incident_id FROM incident_members WHERE event_id IN ({_marks(chunk)})",
                                 chunk))
        return out

    def candidates(self, block_keys: Iterable[str], min_words: int = 1, max_postings: int | None = None,
                   max_members: int | None = None) -> dict[str, list[tuple[str, str]]]:
        """The members that share ``block_keys``, by incident: {incident_id: [(event_id, signature JSON)]}.

        With ``min_words``, only members sharing keys of that many distinct words ("USA|7391#harlan" and
        "USA|7392#harlan" are one word), not counting keys that more than ``max_postings`` members hold: the
        matcher compares only such members, so the others need not be read (a merge moves them all, see
        mark_merged). With ``max_members``, only that many: those sharing the most words (ties by event id).
        That filter needs every key in one statement; beyond the driver's parameter limit the keys go in
        chunks and every member of a matching incident is read instead.
        """
        keys = sorted(set(block_keys))
        if not keys:
            return {}
        chunks = [keys] if len(keys) <= MAX_PARAMS else list(_chunks(keys))
        rows: set[tuple[str, str, str]] = set()
        for chunk in chunks:
            hits, params = self.store.blocks_with_keys(chunk)
            if len(chunks) == 1 and (min_words > 1 or max_postings):
                word = self.store.key_word("h.block_key")
                busy = "" if not max_postings else (
                    " WHERE h.block_key NOT IN (SELECT block_key FROM hits GROUP BY block_key HAVING COUNT(*) > ?)")
                params += [max_postings] if max_postings else []
                top = "" if not max_members else f" ORDER BY COUNT(DISTINCT {word}) DESC, h.event_id LIMIT ?"
                sql = (f"WITH hits AS ({hits}),"
                       f" chosen AS (SELECT h.event_id FROM hits h{busy} GROUP BY h.event_id"
                       f" HAVING COUNT(DISTINCT {word}) >= ?{top})"
                       " SELECT m.incident_id, m.event_id, m.signature FROM incident_members m"
                       " JOIN chosen c ON c.event_id = m.event_id")
                params += [min_words] + ([max_members] if max_members else [])
            else:
                sql = ("SELECT m.incident_id, m.event_id, m.signature FROM incident_members m WHERE m.incident_id IN"
                       f" (SELECT i.incident_id FROM ({hits}) b JOIN incident_members i ON i.event_id = b.event_id)")
            rows.update(self.rows(sql, params))
        out: dict[str, list[tuple[str, str]]] = {}
        for inc, ev, sig in sorted(rows):
            out.setdefault(inc, []).append((ev, sig))
        return out

    def block_keys_in(self, buckets: Iterable[str], countries: Iterable[str]) -> set[str]:
        """The stored block keys of these time buckets and countries ("IRQ|7391", "?|7391").

        Looked up key by key in the primary key's index: the cost does not grow with the store.
        """
        keys = sorted({f"{c}|{b}" for b in buckets for c in countries})
        out: set[str] = set()
        for chunk in _chunks(keys, MAX_PARAMS):
            hits, params = self.store.blocks_with_keys(chunk)
            out.update(k for (k,) in self.rows(f"SELECT DISTINCT h.block_key FROM ({hits}) h", params))
        return out

    def set_member(self, event_id: str, incident_id: str, signature: dict | None, block_keys: list[str] | None,
                   new: bool = False):
        """Put an event in an incident (creating the incident row if new); a signature replaces the stored one.

        ``new``: the event was in no incident before (its block keys need no clearing).
        """
        at = now()
        self.execute("INSERT INTO incidents (incident_id, n_events, actors, created_at, updated_at)"
                     " VALUES (?, 0, '', ?, ?) ON CONFLICT (incident_id) DO NOTHING", [incident_id, at, at])
        if signature is None:
            self.execute("UPDATE incident_members SET incident_id = ? WHERE event_id = ?", [incident_id, event_id])
            return
        self.execute("INSERT INTO incident_members (event_id, incident_id, signature) VALUES (?, ?, ?)"
                     " ON CONFLICT (event_id) DO UPDATE SET incident_id = excluded.incident_id,"
                     " signature = excluded.signature", [event_id, incident_id, json.dumps(signature)])
        if not new:
            self.execute("DELETE FROM member_blocks WHERE event_id = ?", [event_id])
        keys = sorted(set(block_keys or []))
        if keys:  # one statement for all keys: a round trip less per key on a server
            self.execute(*self.store.blocks_insert(event_id, keys))

    def remove_member(self, event_id: str) -> str | None:
        row = self.rows("SELECT incident_id FROM incident_members WHERE event_id = ?", [event_id])
        self.execute("DELETE FROM member_blocks WHERE event_id = ?", [event_id])
        self.execute("DELETE FROM incident_members WHERE event_id = ?", [event_id])
        return row[0][0] if row else None

    def add_history(self, entries: Iterable[dict], article_id: str | None) -> None:
        at = now()
        for e in entries:
            self.execute("INSERT INTO incident_history (at, action, incident_id, event_id, into_id, article_id)"
                         " VALUES (?, ?, ?, ?, ?, ?)",
                         [at, e["action"], e["incident"], e.get("event"), e.get("into"), article_id])

    def mark_merged(self, incident_id: str, into: str) -> None:
        """The incident was merged into ``into``: so are its members (also those the matcher did not read)."""
        self.execute("UPDATE incident_members SET incident_id = ? WHERE incident_id = ?", [into, incident_id])
        self.execute("UPDATE incidents SET merged_into = ?, updated_at = ? WHERE incident_id = ?",
                     [into, now(), incident_id])

    def incident_members(self, incident_id: str) -> list[dict]:
        """The current member events of an incident as record dicts, with their article's date, source and outlet."""
        rows = self.rows(
            "SELECT e.event_id, e.pipeline, a.published, a.source, a.outlet, a.doc_id FROM incident_members m"
            " JOIN events e ON e.event_id = m.event_id AND e.current = 1"
            " JOIN articles a ON a.article_id = e.article_id WHERE m.incident_id = ?"
            " ORDER BY COALESCE(a.published, '9999'), e.event_id",
            [incident_id])
        records = self.store.records
        missing = [ev for ev, pipeline, *_ in rows if (ev, pipeline) not in records]
        for chunk in _chunks(missing):  # a large incident is read once; a later report adds only itself
            for ev, pipeline, rec in self.rows("SELECT event_id, pipeline, record FROM events WHERE current = 1"
                                               f" AND event_id IN ({_marks(chunk)})", chunk):
                records.put((ev, pipeline), json.loads(rec))
        return [dict(records.get((ev, pipeline)) or self._record(ev, pipeline),
                     published=pub, source=src, outlet=outlet, doc_id=doc)
                for ev, pipeline, pub, src, outlet, doc in rows]

    def _record(self, event_id: str, pipeline: str) -> dict:
        """One event record read from the table (when the cache let it go between two reads)."""
        rec = self.rows("SELECT record FROM events WHERE event_id = ? AND pipeline = ?", [event_id, pipeline])
        return json.loads(rec[0][0])

    def refresh_incident(self, incident_id: str, summarise, members: list[dict] | None = None) -> None:
        """Recompute an incident's summary and filter columns from its current members.

        ``members``: the members, when the caller knows them all (as incident_members() gives them).
        """
        members = self.incident_members(incident_id) if members is None else members
        cols = incident_columns(members, summarise(members) if members else None)
        self.execute(
            "UPDATE incidents SET n_events = ?, country = ?, acled_event_type = ?, date_start = ?, date_end = ?,"
            " lat = ?, lon = ?, fatalities_best = ?, actors = ?, record = ?, updated_at = ? WHERE incident_id = ?",
            [*cols.values(), now(), incident_id])


def _most_common(values) -> object:
    values = [v for v in values if v is not None]
    return Counter(values).most_common(1)[0][0] if values else None


def incident_columns(members: list[dict], summary: dict | None) -> dict:
    """Filter columns of an incident, read from its members (so they do not depend on summarise's keys)."""
    locs = [m["location"] for m in members if m.get("location")]
    dates = sorted(m["date"]["value"] for m in members if (m.get("date") or {}).get("value"))
    fat = (summary or {}).get("fatalities")
    best = fat.get("best") if isinstance(fat, dict) else None
    if best is None:
        bests = [(m.get("fatalities") or {}).get("best") for m in members]
        best = max((b for b in bests if b is not None), default=None)
    located = next((loc for loc in locs if loc.get("lat") is not None), None)
    names = {x.lower() for m in members for a in m.get("actors") or [] for x in (a.get("text"), a.get("name")) if x}
    return {
        "n_events": len(members), "country": _most_common(loc.get("country") for loc in locs),
        "acled_event_type": _most_common((m.get("acled") or {}).get("event_type") for m in members),
        "date_start": dates[0] if dates else None, "date_end": dates[-1] if dates else None,
        "lat": located["lat"] if located else None, "lon": located["lon"] if located else None,
        "fatalities_best": best, "actors": "|" + "|".join(sorted(names)) + "|",
        "record": json.dumps(summary, ensure_ascii=False, default=str) if summary is not None else None,
    }


class RecordCache:
    """Decoded event records by (event_id, pipeline), least recently used dropped first.

    A stored record never changes for its id and pipeline (a pipeline extracts an article
    the same way each time), so what was read once stays true: an incident that a new
    report joins is summarised without decoding its earlier members again.
    """

    def __init__(self, size: int = 4096):
        from collections import OrderedDict

        self.size, self._items = size, OrderedDict()

    def __contains__(self, key) -> bool:
        return key in self._items

    def get(self, key) -> dict | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key)
        return value

    def put(self, key, value: dict) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)


# Bound parameters one statement may carry (SQLite's default limit is 32766 since 3.32; PostgreSQL's 65535).
MAX_PARAMS = 30_000


def _marks(items) -> str:
    return ", ".join("?" for _ in items)


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _where(f: Filters | None, *, date_start: str, date_end: str, type_cols: tuple[str, ...]) -> tuple[str, list]:
    """SQL conditions and parameters for a Filters, over an events- or incidents-shaped table."""
    if f is None:
        return "", []
    conds, params = [], []
    if f.country:
        conds.append("country = ?")
        params.append(f.country.upper())
    if f.type:
        conds.append("(" + " OR ".join(f"LOWER({c}) = ?" for c in type_cols) + ")")
        params += [f.type.lower()] * len(type_cols)
    if f.actor:
        conds.append("actors LIKE ?")
        params.append("%" + f.actor.lower().replace("|", "") + "%")
    if f.since:
        conds.append(f"{date_end} >= ?")
        params.append(f.since)
    if f.until:
        conds.append(f"{date_start} <= ?")
        params.append(f.until)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        conds.append("lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?")
        params += [min_lon, max_lon, min_lat, max_lat]
    if f.min_fatalities is not None:
        conds.append("fatalities_best >= ?")
        params.append(f.min_fatalities)
    return (" AND " + " AND ".join(conds)) if conds else "", params


class SqlStore:
    """The Store of both backends; subclasses connect and begin transactions."""

    url: str
    placeholder = "?"
    autoid = "INTEGER PRIMARY KEY AUTOINCREMENT"

    def __init__(self, url: str):
        self.url = url
        self.records = RecordCache()
        self._writes, self._next_statistics = 0, 64
        self.conn = self.connect()
        self.migrate()

    # -- what a backend supplies -------------------------------------------------
    def connect(self):  # pragma: no cover - abstract
        raise NotImplementedError

    @contextmanager
    def _begin(self, write: bool = True):  # pragma: no cover - abstract
        """A cursor inside a write transaction that commits on success and rolls back on error."""
        raise NotImplementedError
        yield

    def params(self, params: Iterable) -> tuple:
        return tuple(params)

    def blocks_with_keys(self, keys: list[str]) -> tuple[str, list]:
        """A query of the (block_key, event_id) rows of member_blocks with these keys, and its parameters.

        Each key is looked up in the primary key's index (a server backend may need to say so, see postgres.py).
        """
        return f"SELECT block_key, event_id FROM member_blocks WHERE block_key IN ({_marks(keys)})", list(keys)

    def key_word(self, column: str) -> str:
        """SQL for the word of a member block key ("USA|7391#harlan" -> "harlan")."""
        return f"substr({column}, instr({column}, '#') + 1)"

    def blocks_insert(self, event_id: str, keys: list[str]) -> tuple[str, list]:
        """The statement that stores a member's block keys, in one round trip."""
        return ("INSERT INTO member_blocks (block_key, event_id) VALUES " + ", ".join("(?, ?)" for _ in keys),
                [x for key in keys for x in (key, event_id)])

    def sql(self, text: str) -> str:
        return text if self.placeholder == "?" else text.replace("?", self.placeholder)

    # -- schema ----------------------------------------------------------------------
    def migrate(self) -> None:
        """Apply every packaged migration not yet applied, each in its own transaction."""
        known = migrations()
        try:
            if {r[0] for r in self._read("SELECT version FROM schema_migrations")} >= {v for v, _, _ in known}:
                return self._check_newer(known)
        except self.no_table_errors():  # no schema_migrations table yet: a new store
            pass
        with self._begin() as cur:
            cur.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                        " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            cur.execute("SELECT version FROM schema_migrations")
            done = {r[0] for r in cur.fetchall()}
            newest = max(v for v, _, _ in known)
            if done and max(done) > newest:
                raise StoreError(f"the store at {self.url} has schema version {max(done)}, newer than this sitrep "
                                 f"knows ({newest})", hint="upgrade sitrep to use this store")
            for version, name, text in known:
                if version in done:
                    continue
                for stmt in _statements(text.replace("{autoid}", self.autoid)):
                    cur.execute(stmt)
                cur.execute(self.sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
                            (version, name, now()))

    def _check_newer(self, known) -> None:
        done = {r[0] for r in self._read("SELECT version FROM schema_migrations")}
        newest = max(v for v, _, _ in known)
        if max(done) > newest:
            raise StoreError(f"the store at {self.url} has schema version {max(done)}, newer than this sitrep "
                             f"knows ({newest})", hint="upgrade sitrep to use this store")

    def no_table_errors(self) -> tuple[type[Exception], ...]:  # pragma: no cover - abstract
        """The driver's exceptions for a query on a table that does not exist."""
        raise NotImplementedError

    def schema_version(self) -> int:
        return max(r[0] for r in self._read("SELECT version FROM schema_migrations"))

    # -- writes ----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        with self._begin() as cur:
            yield Transaction(self, cur)
        self._writes += 1
        if self._writes >= self._next_statistics:  # after 64, 128, 256, ... writes: a linear cost in all
            self._next_statistics *= 2
            self.refresh_statistics()

    def refresh_statistics(self) -> None:
        """Bring the query planner's table statistics up to date (a backend whose planner needs them says how).

        A store filled in one run grows from nothing faster than a server's background ANALYZE looks at it;
        planned with the empty table's statistics, the candidate and member queries scan whole tables.
        """

    # -- reads -----------------------------------------------------------------------
    def _stream(self, sql: str, params: Iterable = ()) -> Iterator[tuple]:
        """Rows of a long read, fetched in batches over a connection of its own (memory stays flat)."""
        with self._reader() as cur:
            cur.execute(self.sql(sql), self.params(params))
            while rows := cur.fetchmany(1000):
                yield from rows

    @contextmanager
    def _reader(self):  # pragma: no cover - abstract
        """A cursor on a new connection, for one streamed read."""
        raise NotImplementedError
        yield

    def _read(self, sql: str, params: Iterable = ()) -> list[tuple]:
        with self._begin(write=False) as cur:
            cur.execute(self.sql(sql), self.params(params))
            return cur.fetchall()

    def article_pipeline(self, article_id: str) -> str | None:
        return self.article_pipelines([article_id]).get(article_id)

    def article_pipelines(self, article_ids: list[str]) -> dict[str, str]:
        """{article_id: pipeline of its stored extraction} for those of ``article_ids`` in the store."""
        out: dict[str, str] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            out.update(self._read(f"SELECT article_id, pipeline FROM articles WHERE article_id IN ({_marks(chunk)})",
                                  chunk))
        return out

    def events(self, filters: Filters | None = None, *, all_versions: bool = False) -> Iterator[StoredEvent]:
        where, params = _where(filters, date_start="event_date", date_end="event_date",
                               type_cols=("type", "acled_event_type", "acled_sub_event_type"))
        sql = ("SELECT e.record, m.incident_id, a.doc_id, a.source, a.title, a.url, a.published, e.ingested_at,"
               " e.current FROM (SELECT * FROM events WHERE " + ("1 = 1" if all_versions else "current = 1") + where
               + ") e JOIN articles a ON a.article_id = e.article_id"
               " LEFT JOIN incident_members m ON m.event_id = e.event_id AND e.current = 1"
               " ORDER BY COALESCE(e.event_date, '9999'), COALESCE(a.published, '9999'), e.article_id, e.position,"
               " e.pipeline")
        if filters and filters.limit is not None:
            sql += f" LIMIT {int(filters.limit)}"
        for rec, inc, doc_id, src, title, url, pub, at, current in self._stream(sql, params):
            yield StoredEvent(Event.model_validate_json(rec), inc, doc_id, src, title, url, pub, at, bool(current))

    def incidents(self, filters: Filters | None = None) -> Iterator[dict]:
        where, params = _where(filters, date_start="date_start", date_end="date_end", type_cols=("acled_event_type",))
        sql = ("SELECT incident_id, n_events, country, date_start, date_end, fatalities_best, record, created_at,"
               " updated_at FROM incidents WHERE merged_into IS NULL AND n_events > 0" + where
               + " ORDER BY COALESCE(date_start, '9999'), incident_id")
        if filters and filters.limit is not None:
            sql += f" LIMIT {int(filters.limit)}"
        for inc, n, country, start, end, best, rec, created, updated in self._stream(sql, params):
            yield {"incident_id": inc, "n_events": n, "country": country, "date_start": start, "date_end": end,
                   "fatalities_best": best, "summary": json.loads(rec) if rec else None,
                   "created_at": created, "updated_at": updated}

    def incident_history(self, incident_id: str) -> list[dict]:
        rows = self._read("SELECT seq, at, action, incident_id, event_id, into_id, article_id FROM incident_history"
                          " WHERE incident_id = ? OR into_id = ? ORDER BY seq", [incident_id, incident_id])
        keys = ("seq", "at", "action", "incident", "event", "into", "article_id")
        return [dict(zip(keys, r)) for r in rows]

    def resolve_incident(self, incident_id: str) -> str:
        """The incident an id stands for now, following merges (a merged incident's id keeps resolving)."""
        seen = set()
        while incident_id not in seen:
            seen.add(incident_id)
            rows = self._read("SELECT merged_into FROM incidents WHERE incident_id = ?", [incident_id])
            if not rows or rows[0][0] is None:
                return incident_id
            incident_id = rows[0][0]
        return incident_id

    def failures(self) -> list[dict]:
        keys = ("doc_id", "source", "article_id", "code", "reason", "hint", "pipeline", "failed_at")
        return [dict(zip(keys, r)) for r in self._read(
            "SELECT doc_id, source, article_id, code, reason, hint, pipeline, failed_at FROM failures ORDER BY doc_id")]

    def counts(self) -> dict[str, int]:
        q = {
            "articles": "SELECT COUNT(*) FROM articles",
            "events": "SELECT COUNT(*) FROM events WHERE current = 1",
            "events_all_versions": "SELECT COUNT(*) FROM events",
            "failures": "SELECT COUNT(*) FROM failures",
            "incidents": "SELECT COUNT(*) FROM incidents WHERE merged_into IS NULL AND n_events > 0",
            "memberships": "SELECT COUNT(*) FROM incident_members",
            "history": "SELECT COUNT(*) FROM incident_history",
        }
        return {k: self._read(sql)[0][0] for k, sql in q.items()}

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _statements(text: str) -> list[str]:
    """The statements of a migration file (comments dropped; no ';' inside literals in our files)."""
    lines = [line.split("--", 1)[0] for line in text.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
