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
from .errors import StoreError, StoreWriteError, label_for
from .gazetteer import country_codes
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
        """The items not already stored by this pipeline (looked up 64 at a time)."""
        for chunk in _batched(items, 64):
            known = store.article_pipelines([a.hash for a in chunk if isinstance(a, Article)])
            for item in chunk:
                if isinstance(item, Article) and known.get(item.hash) == pipeline.id:
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
        outcome, error = _store(store, doc, article.outlet if article else None)
        stats[outcome] += 1
        if outcome == "stored":
            stats["events"] += len(doc.events)
        elif error is not None:
            stats[f"reason:{error.code} {label_for(error.code)}"] += 1
        tick(1)
    return stats


def _batched(items: Iterable, n: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def store_document(store: Store, doc: Document, outlet: str | None = None) -> str:
    """Write one document in one transaction: "stored", "unchanged" (same article, same pipeline) or "failed".

    ``outlet`` is the publisher when the input named one (a Document does not carry it).
    """
    return _store(store, doc, outlet)[0]


def _store(store: Store, doc: Document, outlet: str | None) -> tuple[str, Error | None]:
    """store_document, and the error recorded when the outcome is "failed"."""
    if doc.error is not None or doc.article_id is None:
        error = doc.error or Error(code="E500", reason=f"{doc.id} has no article id", hint="this is a bug in sitrep")
        with store.transaction() as tx:
            tx.record_failure(doc.model_copy(update={"error": error}))
        return "failed", error
    try:
        with store.transaction() as tx:
            stored_by, old = tx.stored_state(doc.article_id)
            if stored_by == doc.pipeline:
                return "unchanged", None
            tx.save_document(doc, outlet, replaces=bool(old))
            link_incidents(tx, doc, old, outlet)
        return "stored", None
    except StoreError:
        raise
    except Exception as exc:  # a database refusing this article's data: record it, go on with the batch
        if _is_connection_error(exc):
            raise StoreError(f"the store failed: {exc}", hint="re-run the same command to go on") from exc
        err = StoreWriteError(f"{doc.id} could not be stored: {type(exc).__name__}: {exc}",
                              hint="this is a bug in sitrep; please report it with the article")
        error = Error(**err.as_reason())
        with store.transaction() as tx:
            tx.record_failure(doc.model_copy(update={"error": error}))
        return "failed", error


def _is_connection_error(exc: Exception) -> bool:
    import sqlite3

    if isinstance(exc, sqlite3.OperationalError):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, psycopg.OperationalError)


def link_incidents(tx, doc: Document, old_event_ids: set[str], outlet: str | None = None) -> None:
    """Join the document's events to incidents (new or stored candidates) and record what changed.

    Events a newer extraction no longer gives leave their incident ("leave" in
    the history). Each new event's signature is blocked by its keys: only
    incidents with a member sharing a key are loaded into the clusterer, so
    one article touches only its candidates.
    """
    new_ids = [ev.id for ev in doc.events]
    touched = _leave(tx, doc, old_event_ids - set(new_ids))
    local: dict[str, list[dict]] = {}
    if doc.events:
        doc_d = document_dict(doc, with_text=True)
        sigs = {ev["id"]: incidents.signature(doc_d, ev) for ev in doc_d["events"]}
        changed, only_new = _cluster(tx, doc, sigs, old_event_ids)
        touched |= changed
        member = {ev["id"]: dict(ev, published=doc.published, source=doc.source, outlet=outlet, doc_id=doc.id)
                  for ev in doc_d["events"]}
        local = {inc: [member[e] for e in sorted(evs)] for inc, evs in only_new.items()}
    for inc in sorted(touched):  # an incident of this article's events alone is summarised without a query
        tx.refresh_incident(inc, incidents.summarise, local.get(inc))


def _leave(tx, doc: Document, gone: set[str]) -> set[str]:
    touched = set()
    for ev_id in sorted(gone):
        inc = tx.remove_member(ev_id)
        if inc:
            touched.add(inc)
            tx.add_history([{"action": "leave", "incident": inc, "event": ev_id, "into": None}], doc.article_id)
    return touched


def _member_keys(sig) -> list[str]:
    """The keys a stored member is found by: its blocks ("USA|7391", for the unknown-country search), and
    each block with each of its heaviest words ("USA|7391#harlan"), which is how candidates are looked up."""
    blocks = list(sig.block_keys())
    return blocks + [f"{k}#{w}" for k in blocks for w in incidents.index_words(sig)]


def _candidate_keys(tx, sigs: dict) -> set[str]:
    """The keys whose stored members the new events must meet: their blocks with their heaviest words (the
    Clusterer compares an event only with those sharing such a word). An event of unknown country meets
    every country's events of its time buckets, and one of a known country meets those of unknown country."""
    unknown = incidents.config().unknown_country
    out: set[str] = set()
    for sig in sigs.values():
        blocks = set(sig.block_keys())
        buckets = {k.split("|", 1)[1] for k in blocks if "|" in k}
        blind = {b for b in buckets if f"{unknown}|{b}" in blocks}
        if blind:
            blocks |= tx.block_keys_in(blind, country_codes())
        blocks |= {f"{unknown}|{b}" for b in buckets}
        # an event with no distinctive word (no text) has no candidates: the Clusterer finds them by words
        out.update(f"{k}#{w}" for k in blocks for w in incidents.index_words(sig))
    return out


def _cluster(tx, doc: Document, sigs: dict, old_ids: set[str]) -> tuple[set[str], dict[str, list[str]]]:
    """Add the new events to a clusterer loaded with their candidates; persist what moved.

    Returns the incidents touched, and those whose members are all new events of this article.
    """
    # event ids derive from the article's hash: only a re-extraction can find its events already in incidents
    member_of = tx.memberships(sigs) if old_ids else {}
    clusterer, before = incidents.Clusterer(), {}
    text = incidents.config().text  # only members the Clusterer would compare are worth reading
    found = tx.candidates(_candidate_keys(tx, sigs), min_words=int(text["min_shared_index_terms"]),
                          max_postings=int(text["max_postings"]),
                          max_members=int(text["max_candidates"]) * len(sigs))
    for inc, members in found.items():
        clusterer.load(inc, [(ev, incidents.Signature.from_json(sig)) for ev, sig in members])
        before.update((ev, inc) for ev, _ in members)
    history, touched = [], set()
    for ev_id, sig in sigs.items():
        if ev_id in member_of:  # kept by a re-extraction: its membership stands, its signature is refreshed
            tx.set_member(ev_id, member_of[ev_id], sig.to_dict(), _member_keys(sig))
            touched.add(member_of[ev_id])
            continue
        history.extend(clusterer.add(ev_id, sig)[1])
    for ev_id in list(before) + [e for e in sigs if e not in member_of]:
        inc = clusterer.incident_of(ev_id)
        if before.get(ev_id) == inc:
            continue
        sig = sigs.get(ev_id) if ev_id not in before else None
        if sig is None:  # a stored member whose incident was merged into another
            tx.set_member(ev_id, inc, None, None)
        else:
            tx.set_member(ev_id, inc, sig.to_dict(), _member_keys(sig), new=True)
        touched |= {inc, before.get(ev_id)} - {None}
    _mark_merges(tx, clusterer, before)
    tx.add_history(history, doc.article_id)
    stored = set(before.values()) | set(member_of.values())
    only_new: dict[str, list[str]] = {}
    for ev_id in sigs:
        if ev_id not in member_of:
            only_new.setdefault(clusterer.incident_of(ev_id), []).append(ev_id)
    return touched, {inc: evs for inc, evs in only_new.items() if inc not in stored}


def _mark_merges(tx, clusterer, before: dict[str, str]) -> None:
    """A loaded incident left with no member was merged: it points to where its members went."""
    by_incident: dict[str, list[str]] = {}
    for ev, inc in before.items():
        by_incident.setdefault(inc, []).append(ev)
    for inc, evs in by_incident.items():
        now_in = {clusterer.incident_of(ev) for ev in evs}
        if inc not in now_in:
            tx.mark_merged(inc, sorted(now_in)[0])
