"""Ingest: extract articles into a store, one transaction per article, and link their events into incidents.

Idempotent: an article is known by the content hash of its text. One already
stored by the same pipeline is not extracted again; one stored by another
pipeline is re-extracted, its new events become current and the old ones are
kept with the pipeline id that made them. Each article's article row, events,
incident memberships and incident history are written in one transaction, so a
run killed at any moment (even ``kill -9``) and run again loses nothing and
doubles nothing. An article that cannot be read or extracted is recorded in
the store's ``failures`` with its error code, and the batch goes on.
"""
from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from . import incidents
from .article import Article, Dropped
from .errors import StoreError, StoreWriteError
from .record import Document, Error
from .render import document_dict
from .store import Store


def ingest(inputs: Iterable[str], store: Store, *, published: date | str | None = None,
           max_bytes: int | None = None, progress: Callable[[int], None] | None = None) -> Counter:
    """Extract every article of ``inputs`` into ``store``; returns counts by outcome.

    Keys: ``articles`` (inputs seen), ``stored`` (written now), ``unchanged``
    (already stored by this pipeline), ``failed`` (recorded in the store's
    failures), ``events`` (events written now) and ``reason:CODE label`` per failure code.
    """
    from .api import _as_date, get_pipeline
    from .read import DEFAULT_MAX_BYTES, iter_articles

    pipeline = get_pipeline()
    stats: Counter = Counter()
    tick = progress or (lambda n: None)

    def fresh(items: Iterable[Article | Dropped]) -> Iterator[Article | Dropped]:
        for item in items:
            if isinstance(item, Article) and store.article_pipeline(item.hash) == pipeline.id:
                stats["articles"] += 1
                stats["unchanged"] += 1
                tick(1)
                continue
            yield item

    read: deque[Article | None] = deque()  # the pipeline gives one document per item, in order

    def remember(items: Iterable[Article | Dropped]) -> Iterator[Article | Dropped]:
        for item in items:
            read.append(item if isinstance(item, Article) else None)
            yield item

    articles = iter_articles(inputs, published=_as_date(published), max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    for doc in pipeline.process_many(remember(fresh(articles))):
        article = read.popleft()
        doc.text = article.text if article else None  # stored with the article: every span points into it
        stats["articles"] += 1
        outcome = store_document(store, doc, outlet=article.outlet if article else None)
        stats[outcome] += 1
        if outcome == "stored":
            stats["events"] += len(doc.events)
        elif outcome == "failed":
            err = doc.error
            stats[f"reason:{err.code} {_label(err.code)}"] += 1
        tick(1)
    return stats


def _label(code: str) -> str:
    from .errors import label_for

    return label_for(code)


def store_document(store: Store, doc: Document, outlet: str | None = None) -> str:
    """Write one document in one transaction: "stored", "unchanged" (same article, same pipeline) or "failed".

    ``outlet`` is the publisher when the input named one (a Document does not carry it).
    """
    if doc.error is not None or doc.article_id is None:
        if doc.error is None:
            doc.error = Error(code="E500", reason=f"{doc.id} has no article id", hint="this is a bug in sitrep")
        with store.transaction() as tx:
            tx.record_failure(doc)
        return "failed"
    try:
        with store.transaction() as tx:
            if tx.article_pipeline(doc.article_id) == doc.pipeline:
                return "unchanged"
            old = set(tx.current_event_ids(doc.article_id))
            tx.save_document(doc, outlet)
            link_incidents(tx, doc, old)
        return "stored"
    except StoreError:
        raise
    except Exception as exc:  # a database refusing this article's data: record it, go on with the batch
        if _is_connection_error(exc):
            raise StoreError(f"the store failed: {exc}", hint="re-run the same command to go on") from exc
        err = StoreWriteError(f"{doc.id} could not be stored: {type(exc).__name__}: {exc}",
                              hint="this is a bug in sitrep; please report it with the article")
        failed = doc.model_copy(update={"error": Error(**err.as_reason()), "events": []})
        with store.transaction() as tx:
            tx.record_failure(failed)
        return "failed"


def _is_connection_error(exc: Exception) -> bool:
    import sqlite3

    if isinstance(exc, sqlite3.OperationalError):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, psycopg.OperationalError)


def link_incidents(tx, doc: Document, old_event_ids: set[str]) -> None:
    """Join the document's events to incidents (new or stored candidates) and record what changed.

    Events a newer extraction no longer gives leave their incident ("leave" in
    the history). Each new event's signature is blocked by its keys: only
    incidents with a member sharing a key are loaded into the clusterer, so
    one article touches only its candidates.
    """
    touched: set[str] = set()
    new_ids = [ev.id for ev in doc.events]
    for gone in sorted(old_event_ids - set(new_ids)):
        inc = tx.remove_member(gone)
        if inc:
            touched.add(inc)
            tx.add_history([{"action": "leave", "incident": inc, "event": gone, "into": None}], doc.article_id)
    if not doc.events:
        _refresh(tx, touched)
        return
    doc_d = document_dict(doc, with_text=True)
    sigs = {ev["id"]: incidents.signature(doc_d, ev) for ev in doc_d["events"]}
    member_of = tx.memberships(new_ids)
    cands = tx.candidates({k for s in sigs.values() for k in s.block_keys()})
    clusterer = incidents.Clusterer()
    before: dict[str, str] = {}
    for inc, members in cands.items():
        clusterer.load(inc, [(ev, incidents.Signature.from_dict(sig)) for ev, sig in members])
        before.update((ev, inc) for ev, _ in members)
    history: list[dict] = []
    for ev_id in new_ids:
        if ev_id in member_of and ev_id in before:
            continue  # re-extraction kept this event; its membership stands
        if ev_id in member_of:  # a member whose incident's blocks did not come up: leave it where it is
            tx.set_member(ev_id, member_of[ev_id], sigs[ev_id].to_dict(), sigs[ev_id].block_keys())
            touched.add(member_of[ev_id])
            continue
        inc, entries = clusterer.add(ev_id, sigs[ev_id])
        history.extend(entries)
    for ev_id in list(before) + [e for e in new_ids if e not in before and e not in member_of]:
        inc = clusterer.incident_of(ev_id)
        if before.get(ev_id) == inc:
            continue
        sig = sigs.get(ev_id)
        tx.set_member(ev_id, inc, sig.to_dict() if sig else None, sig.block_keys() if sig else None)
        touched.add(inc)
        if ev_id in before:
            touched.add(before[ev_id])
    _mark_merges(tx, clusterer, before)
    tx.add_history(history, doc.article_id)
    _refresh(tx, touched)


def _mark_merges(tx, clusterer, before: dict[str, str]) -> None:
    """A loaded incident left with no member was merged: it points to where its members went."""
    by_incident: dict[str, list[str]] = {}
    for ev, inc in before.items():
        by_incident.setdefault(inc, []).append(ev)
    for inc, evs in by_incident.items():
        now_in = {clusterer.incident_of(ev) for ev in evs}
        if inc not in now_in:
            tx.mark_merged(inc, sorted(now_in)[0])


def _refresh(tx, touched: set[str]) -> None:
    for inc in sorted(touched):
        tx.refresh_incident(inc, incidents.summarise)
