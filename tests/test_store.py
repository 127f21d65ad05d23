"""The store, on SQLite and PostgreSQL alike: schema, round trips, filters, versions, failures, incidents."""
from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storefix import make_doc, make_event, pg_url, store, store_url  # noqa: F401  (fixtures)

from sitrep import incidents
from sitrep.errors import StoreError
from sitrep.ingest import store_document
from sitrep.record import Actor, Claim, Counts, Document, Error, Event, Span
from sitrep.store import Filters, open_store
from sitrep.store.base import RecordCache


def test_migrations_run_once_and_reopen(store_url):
    with open_store(store_url) as s:
        assert s.schema_version() == 1
    with open_store(store_url) as s:  # opening again applies nothing twice
        assert s.schema_version() == 1
        assert s.counts()["articles"] == 0


def test_a_newer_schema_is_refused(store_url):
    with open_store(store_url) as s:
        with s.transaction() as tx:
            tx.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'now')")
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url)


@pytest.mark.parametrize("url", ["mysql://x@y/z", "/no/such/folder/store.db"])
def test_bad_store_urls_say_what_to_do(url):
    with pytest.raises(StoreError) as err:
        open_store(url)
    assert err.value.hint


def test_unreachable_postgres_is_a_store_error():
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")


_text = st.text(max_size=40)
_span = st.builds(lambda a, b: Span(start=min(a, b), end=max(a, b)), st.integers(0, 10**6), st.integers(0, 10**6))
_num = st.one_of(st.none(), st.integers(0, 10**6))
_float = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))
_claim = st.builds(Claim, count=st.integers(0, 10**6), low=_num, high=_num, victims=st.one_of(st.none(), _text),
                   source=st.one_of(st.none(), _text), total=_num, evidence=_span)
_counts = st.one_of(st.none(), st.builds(Counts, best=_num, low=_num, high=_num, disputed=st.booleans(),
                                        claims=st.lists(_claim, max_size=3)))
_actor = st.builds(Actor, role=st.sampled_from(["initiator", "target"]), text=_text,
                   name=st.one_of(st.none(), _text), country=st.one_of(st.none(), st.sampled_from(["SYR", "IRQ"])),
                   kind=st.one_of(st.none(), _text), inter=st.one_of(st.none(), st.integers(1, 8)), evidence=_span)


@st.composite
def events(draw) -> Event:
    base = make_event(f"sha256:{uuid.uuid4().hex}", id=f"ev-{uuid.uuid4().hex[:16]}")
    loc = base.location.model_copy(update={"lat": draw(_float), "lon": draw(_float), "text": draw(_text),
                                           "admin1": draw(st.one_of(st.none(), _text))})
    return base.model_copy(update={
        "actors": draw(st.lists(_actor, max_size=4)), "location": draw(st.sampled_from([None, loc])),
        "fatalities": draw(_counts), "injured": draw(_counts), "sources": draw(st.lists(_text, max_size=3)),
        "summary": draw(st.one_of(st.none(), _text)), "confidence": draw(st.floats(0, 1)),
        "evidence": draw(st.lists(_span, min_size=1, max_size=3)), "pipeline": draw(st.text(min_size=1, max_size=30)),
    })


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ev=events())
def test_an_event_written_and_read_back_is_equal(store, ev):
    doc = make_doc(ev.article_id, [ev], pipeline=ev.pipeline)
    with store.transaction() as tx:
        tx.save_document(doc)
    back = [se for se in store.events(all_versions=True) if se.event.id == ev.id]
    assert len(back) == 1
    assert back[0].event == ev
    assert back[0].event.model_dump_json() == ev.model_dump_json()


def _fill(store):
    docs = [
        make_doc("sha256:a", [make_event("sha256:a", 0, country="SYR", day="2024-05-14", lat=35.0, lon=38.0,
                                         killed=3, actor="gunmen")]),
        make_doc("sha256:b", [make_event("sha256:b", 0, country="IRQ", day="2024-06-01", lat=33.3, lon=44.4,
                                         killed=10, actor="Islamic State",
                                         acled=("Explosions/Remote violence", "Suicide bomb"))]),
        make_doc("sha256:c", [make_event("sha256:c", 0, country="IRQ", day=None, lat=None, lon=None, killed=None,
                                         actor="protesters", acled=None)]),
    ]
    for d in docs:
        with store.transaction() as tx:
            tx.save_document(d)
    return docs


@pytest.mark.parametrize("filters, expected", [
    (Filters(), {"sha256:a", "sha256:b", "sha256:c"}),
    (Filters(country="irq"), {"sha256:b", "sha256:c"}),
    (Filters(type="suicide bomb"), {"sha256:b"}),
    (Filters(type="Violence against civilians"), {"sha256:a"}),
    (Filters(type="ASSAULT"), {"sha256:a", "sha256:b", "sha256:c"}),
    (Filters(actor="islamic"), {"sha256:b"}),
    (Filters(since="2024-05-15"), {"sha256:b"}),
    (Filters(until="2024-05-14"), {"sha256:a"}),
    (Filters(since="2024-05-01", until="2024-05-31"), {"sha256:a"}),
    (Filters(bbox=(40.0, 30.0, 50.0, 40.0)), {"sha256:b"}),
    (Filters(min_fatalities=4), {"sha256:b"}),
    (Filters(min_fatalities=0), {"sha256:a", "sha256:b"}),
    (Filters(limit=1), {"sha256:a"}),
])
def test_event_filters(store, filters, expected):
    _fill(store)
    assert {se.event.article_id for se in store.events(filters)} == expected


def test_events_come_back_with_their_article(store):
    _fill(store)
    se = next(iter(store.events(Filters(country="SYR"))))
    assert (se.doc_id, se.published, se.source, se.current) == ("sha256:a", "2024-05-15", "sha256:a.txt", True)


def test_a_newer_pipeline_keeps_which_version_made_each_event(store):
    old = make_doc("sha256:a", [make_event("sha256:a", 0, pipeline="p-1"), make_event("sha256:a", 1, pipeline="p-1")],
                   pipeline="p-1")
    new = make_doc("sha256:a", [make_event("sha256:a", 0, pipeline="p-2")], pipeline="p-2")
    for d in (old, new):
        with store.transaction() as tx:
            tx.save_document(d)
    assert [se.event.pipeline for se in store.events()] == ["p-2"]
    every = sorted((se.event.pipeline, se.current) for se in store.events(all_versions=True))
    assert every == [("p-1", False), ("p-1", False), ("p-2", True)]
    assert store.article_pipeline("sha256:a") == "p-2"
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["events_all_versions"]) == (1, 1, 3)


def test_failures_are_recorded_and_cleared_by_a_later_success(store):
    bad = Document(id="feed.jsonl:3", source="feed.jsonl:3", article_id="sha256:a",
                   error=Error(code="E200", reason="not English", hint=None), pipeline="p-1")
    assert store_document(store, bad) == "failed"
    assert store_document(store, bad) == "failed"  # recorded once, not twice
    [f] = store.failures()
    assert (f["doc_id"], f["code"], f["reason"]) == ("feed.jsonl:3", "E200", "not English")
    assert store_document(store, make_doc("sha256:a", doc_id="feed.jsonl:3")) == "stored"
    assert store.failures() == []


def test_storing_the_same_document_twice_changes_nothing(store):
    doc = make_doc("sha256:a", [make_event("sha256:a", 0), make_event("sha256:a", 1, day="2024-01-01")])
    assert store_document(store, doc) == "stored"
    before = store.counts()
    assert store_document(store, doc) == "unchanged"
    assert store.counts() == before


# -- incidents: persistence, not match quality (the matcher is the incidents module's) -----------------

def _docs():
    out = []
    for i, (country, day) in enumerate([("SYR", "2024-05-14"), ("SYR", "2024-05-14"), ("SYR", "2024-05-15"),
                                        ("IRQ", "2024-05-14"), ("SYR", "2024-09-01"), ("SYR", "2024-05-14")]):
        aid = f"sha256:{i:02d}"
        out.append(make_doc(aid, [make_event(aid, 0, country=country, day=day)], published=day))
    return out


def test_stored_incidents_equal_one_clusterer_fed_the_same_events(store):
    """Incremental merging through the store gives what one in-memory Clusterer gives."""
    docs = _docs()
    for d in docs:
        assert store_document(store, d) == "stored"
    ref = incidents.Clusterer()
    for d in docs:
        dd = d.model_dump(mode="json")
        for ev in dd["events"]:
            ref.add(ev["id"], incidents.signature(dd, ev))
    stored = {se.event.id: se.incident_id for se in store.events()}
    assert stored == {ev_id: ref.incident_of(ev_id) for ev_id in stored}
    assert store.counts()["incidents"] == len(set(stored.values()))
    # every event's history starts with a create or a join
    for inc in set(stored.values()):
        actions = [h["action"] for h in store.incident_history(inc)]
        assert actions and actions[0] == "create"


def test_incident_records_come_from_summarise(store):
    for d in _docs():
        store_document(store, d, outlet="Test Wire")
    for inc in store.incidents():
        members = [se.event.id for se in store.events() if se.incident_id == inc["incident_id"]]
        assert inc["n_events"] == len(members) >= 1
        assert sorted(inc["summary"]["events"]) == sorted(members)
        with store.transaction() as tx:  # the stored summary is summarise() of the members as stored
            again = incidents.summarise(tx.incident_members(inc["incident_id"]))
        assert inc["summary"] == json.loads(json.dumps(again, default=str))
    assert {i["country"] for i in store.incidents(Filters(country="IRQ"))} == {"IRQ"}


@dataclass(frozen=True)
class KeySig:
    """A test double of incidents.Signature: block keys, and two heavy words every report shares (the store
    reads back only members sharing enough of an event's heaviest words)."""

    keys: tuple
    words: tuple = ("harlan", "wexford")

    @property
    def terms(self):
        return {w: 3.0 for w in self.words}

    def to_dict(self):
        return {"keys": list(self.keys), "words": list(self.words)}

    @classmethod
    def from_dict(cls, d):
        return cls(tuple(d["keys"]), tuple(d["words"]))

    @classmethod
    def from_json(cls, text):
        return cls.from_dict(json.loads(text))

    def block_keys(self):
        return list(self.keys)


class MergeAll:
    """A test double of incidents.Clusterer: every new event joins, and merges, every loaded incident."""

    def __init__(self, threshold=None):
        self.of, self.order = {}, []

    def load(self, incident_id, members):
        self.order.append(incident_id)
        for ev, _ in members:
            self.of[ev] = incident_id

    def add(self, event_id, sig):
        if not self.order:
            inc = "inc-" + event_id[3:15]
            self.order.append(inc)
            self.of[event_id] = inc
            return inc, [{"action": "create", "incident": inc, "event": event_id, "into": None}]
        keep, history = self.order[0], [{"action": "join", "incident": self.order[0], "event": event_id, "into": None}]
        for other in self.order[1:]:
            history.append({"action": "merge", "incident": other, "event": event_id, "into": keep})
        self.of = {ev: keep for ev in self.of}
        self.of[event_id] = keep
        self.order = [keep]
        return keep, history

    def incident_of(self, event_id):
        return self.of[event_id]


def test_a_merge_moves_the_members_the_matcher_did_not_read(store, monkeypatch):
    """The store reads back only members sharing an event's words; a merge still moves the whole incident."""
    keys = {"sha256:u0": ("K1",), "sha256:u1": ("K2",), "sha256:u2": ("K1", "K2")}

    def sig(doc, ev):  # the first report's second event shares no word with the later report
        other = ev is not doc["events"][0]
        return KeySig(keys[doc["article_id"]], ("quarry", "lintel") if other else ("harlan", "wexford"))

    monkeypatch.setattr(incidents, "Clusterer", MergeAll)
    monkeypatch.setattr(incidents, "Signature", KeySig)
    monkeypatch.setattr(incidents, "signature", sig)
    store_document(store, make_doc("sha256:u0", [make_event("sha256:u0", 0), make_event("sha256:u0", 1)]))
    store_document(store, make_doc("sha256:u1"))
    assert store.counts()["incidents"] == 2
    store_document(store, make_doc("sha256:u2"))
    assert store.counts()["incidents"] == 1
    assert len({se.incident_id for se in store.events()}) == 1 and store.counts()["events"] == 4
    [inc] = store.incidents()
    assert inc["n_events"] == 4


def test_merges_are_persisted_with_history_and_old_ids_resolve(store, monkeypatch):
    """Two incidents that a later report joins: one survives, the other points to it."""
    keys = {"sha256:m0": ("K1",), "sha256:m1": ("K2",), "sha256:m2": ("K1", "K2")}
    monkeypatch.setattr(incidents, "Clusterer", MergeAll)
    monkeypatch.setattr(incidents, "Signature", KeySig)
    monkeypatch.setattr(incidents, "signature", lambda doc, ev: KeySig(keys[doc["article_id"]]))
    docs = [make_doc(f"sha256:m{i}", [make_event(f"sha256:m{i}", 0)]) for i in range(3)]
    first = []
    for d in docs[:2]:
        store_document(store, d)
        first.append(next(se.incident_id for se in store.events() if se.event.article_id == d.article_id))
    assert len(set(first)) == 2 and store.counts()["incidents"] == 2
    store_document(store, docs[2])
    assert store.counts()["incidents"] == 1
    [survivor] = {store.resolve_incident(i) for i in first}
    [merged] = set(first) - {survivor}
    assert {se.incident_id for se in store.events()} == {survivor}
    actions = [(h["action"], h["incident"], h["into"]) for h in store.incident_history(survivor)]
    assert ("merge", merged, survivor) in actions
    [inc] = store.incidents()
    assert inc["n_events"] == 3


def test_a_newer_extraction_that_drops_an_event_takes_it_out_of_its_incident(store):
    store_document(store, make_doc("sha256:a", [make_event("sha256:a", 0, pipeline="p-1"),
                                                make_event("sha256:a", 1, day="2023-01-01", pipeline="p-1")],
                                   pipeline="p-1"))
    assert store.counts()["memberships"] == 2
    gone = make_event("sha256:a", 1).id
    was_in = next(se.incident_id for se in store.events() if se.event.id == gone)
    store_document(store, make_doc("sha256:a", [make_event("sha256:a", 0, pipeline="p-2")], pipeline="p-2"))
    counts = store.counts()
    assert (counts["memberships"], counts["events"]) == (1, 1)
    assert ("leave", gone) in [(h["action"], h["event"]) for h in store.incident_history(was_in)]
    # whether the two events had shared an incident is the matcher's business: either way no listed incident
    # still counts the dropped event, and one left with no member is not listed
    assert sum(i["n_events"] for i in store.incidents()) == 1


def test_incident_members_carry_their_articles_date_source_and_outlet(store):
    doc = make_doc("sha256:a", published="2024-05-15")
    store_document(store, doc, outlet="Test Wire")
    [se] = store.events()
    with store.transaction() as tx:
        [member] = tx.incident_members(se.incident_id)
    assert (member["published"], member["source"], member["outlet"]) == ("2024-05-15", "sha256:a.txt", "Test Wire")
    assert member["id"] == se.event.id


def test_an_article_that_fails_mid_write_leaves_nothing_but_its_failure(store, monkeypatch):
    def broken(doc, ev):
        raise ValueError("no signature today")

    monkeypatch.setattr(incidents, "signature", broken)
    doc = make_doc("sha256:a")
    assert store_document(store, doc) == "failed"
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["incidents"], counts["failures"]) == (0, 0, 0, 1)
    [f] = store.failures()
    assert f["code"] == "E601" and "no signature today" in f["reason"]
    monkeypatch.undo()
    assert store_document(store, doc) == "stored"
    assert (store.counts()["articles"], store.failures()) == (1, [])


def test_an_event_of_unknown_country_meets_stored_events_of_any_country(store):
    """A report whose place sitrep could not resolve is still compared with the stored reports of its days."""
    text = ("Police in Harlan County said Dwayne Whitcombe shot two men outside the Wexford Tavern on "
            "Tallowmere Street late on Friday; Whitcombe was held at the Pellingham jail.")
    located = make_doc("sha256:k0", [make_event("sha256:k0", 0, country="USA", lat=36.8, lon=-83.3)])
    blind = make_doc("sha256:k1", [make_event("sha256:k1", 0, country=None, lat=None, lon=None)])
    for d in (located, blind):
        store_document(store, d.model_copy(update={"text": text}))
    assert len({se.incident_id for se in store.events()}) == 1


def test_candidates_are_the_members_sharing_most_words(store, monkeypatch):
    """With max_members, the store reads back only the members sharing the most words (ties by event id)."""
    words = {"sha256:w0": ("harlan", "wexford"), "sha256:w1": ("harlan", "wexford", "quarry"),
             "sha256:w2": ("harlan", "wexford", "quarry", "lintel"), "sha256:w3": ("harlan", "wexford")}
    monkeypatch.setattr(incidents, "Clusterer", MergeAll)
    monkeypatch.setattr(incidents, "Signature", KeySig)
    monkeypatch.setattr(incidents, "signature", lambda doc, ev: KeySig(("K1",), words[doc["article_id"]]))
    for art in words:
        store_document(store, make_doc(art))
    ids = {make_event(art, 0).id: art for art in words}
    keys = [f"K1#{w}" for w in ("harlan", "wexford", "quarry", "lintel")]
    with store.transaction() as tx:
        def read(**kw):
            kw = {"min_words": 2, **kw}
            return sorted(ids[ev] for members in tx.candidates(keys, **kw).values() for ev, _ in members)

        assert read() == sorted(words)
        assert read(max_members=2) == ["sha256:w1", "sha256:w2"]
        tie = min(["sha256:w0", "sha256:w3"], key=lambda a: make_event(a, 0).id)
        assert read(max_members=3) == sorted(["sha256:w1", "sha256:w2", tie])
        assert read(max_members=2, min_words=4) == ["sha256:w2"]


def test_incident_members_are_read_again_when_the_record_cache_let_them_go(store):
    """Decoded records are kept by (event id, pipeline); a cache too small for an incident still reads it whole."""
    for i in range(3):
        store_document(store, make_doc(f"sha256:r{i}").model_copy(update={"text": "Wexford Tavern shooting"}))
    store.records = RecordCache(size=1)
    incs = {se.incident_id for se in store.events()}
    with store.transaction() as tx:
        members = [m for inc in incs for m in tx.incident_members(inc)]
    assert sorted(m["id"] for m in members) == sorted(make_event(f"sha256:r{i}", 0).id for i in range(3))
    assert len(store.records._items) == 1


def test_planner_statistics_are_refreshed_as_the_store_grows(store, monkeypatch):
    """After 64, 128, 256, ... writes of one process: a store filled in one run is planned with its real sizes."""
    calls = []
    real = store.refresh_statistics
    monkeypatch.setattr(store, "refresh_statistics", lambda: calls.append(store._writes) or real())
    store._next_statistics = 2
    for i in range(9):
        store_document(store, make_doc(f"sha256:s{i}"))
    assert calls == [2, 4, 8]
    assert store.counts()["articles"] == 9
