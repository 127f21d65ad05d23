"""``sitrep ingest``: idempotent, per-article transactions, failures recorded, safe against kill -9."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import write
from storefix import pg_url, store_url  # noqa: F401  (fixtures)

from sitrep.ingest import ingest
from sitrep.store import open_store

SRC = str(Path(__file__).resolve().parents[1] / "src")

TOWNS = ["Aleppo", "Homs", "Mosul", "Kirkuk", "Kandahar", "Herat", "Kharkiv", "Odesa", "Goma", "Bunia"]


def articles(n: int = 8) -> list[dict]:
    """Short wire-style reports written for these tests, each with its own place and toll."""
    out = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        out.append({"id": f"r{i}", "published": f"2024-05-{1 + i % 28:02d}", "outlet": "Test Wire",
                    "text": f"Gunmen killed {i + 2} villagers in {town} on Monday, police said. "
                            f"Separately, a roadside bomb wounded {i + 1} soldiers near {town}."})
    return out


def feed(tmp_path, records, name="feed.jsonl", extra: str = "") -> str:
    return write(tmp_path, name, "".join(json.dumps(r) + "\n" for r in records) + extra)


def test_ingest_twice_changes_nothing(store_url, tmp_path):
    path = feed(tmp_path, articles(4), extra='{"id": "empty", "text": ""}\nnot json\n')
    with open_store(store_url) as s:
        first = ingest([path], s)
        counts = s.counts()
        second = ingest([path], s)
        assert s.counts() == counts
    assert (first["stored"], first["failed"], second["unchanged"], second["stored"]) == (4, 2, 4, 0)
    assert counts["articles"] == 4 and counts["events"] >= 4 and counts["failures"] == 2
    assert first["events"] == counts["events"]


def test_failures_keep_their_reason_and_the_batch_goes_on(store_url, tmp_path):
    path = feed(tmp_path, articles(2)[:1], extra='{"id": "empty", "text": ""}\nnot json\n'
                + json.dumps({"id": "fr", "text": "Des hommes armés ont tué deux villageois dans la province, "
                              "a indiqué la police locale mardi soir dans un communiqué officiel."}) + "\n")
    with open_store(store_url) as s:
        stats = ingest([path], s)
        codes = sorted(f["code"] for f in s.failures())
        assert s.counts()["articles"] == 1
    assert codes == ["E101", "E105", "E200"]
    assert stats["failed"] == 3 and stats["stored"] == 1


def test_the_same_text_under_two_ids_is_stored_once(store_url, tmp_path):
    rec = articles(1)[0]
    path = feed(tmp_path, [rec, dict(rec, id="copy")])
    with open_store(store_url) as s:
        stats = ingest([path], s)
        assert s.counts()["articles"] == 1
    assert (stats["stored"], stats["unchanged"]) == (1, 1)


def test_reextraction_by_another_pipeline_keeps_the_old_events_and_their_version(store_url, tmp_path):
    path = feed(tmp_path, articles(2))
    with open_store(store_url) as s:
        ingest([path], s)
        n = s.counts()["events"]
        with s.transaction() as tx:  # as if an older sitrep had made them
            tx.execute("UPDATE articles SET pipeline = 'sitrep-old'")
            tx.execute("UPDATE events SET pipeline = 'sitrep-old'")
        stats = ingest([path], s)
        counts = s.counts()
        with s.transaction() as tx:
            versions = sorted({(p == "sitrep-old", bool(c)) for p, c in tx.rows("SELECT pipeline, current FROM events")})
    assert stats["stored"] == 2
    assert (counts["events"], counts["events_all_versions"]) == (n, 2 * n)
    assert versions == [(False, True), (True, False)]


def _cli(args, **kw) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-m", "sitrep", "ingest", "-q", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def _fresh_url(store_url: str, tmp_path: Path, name: str, request) -> str:
    if store_url.startswith("postgres"):
        import psycopg

        schema = f"{name}_{os.getpid()}_{random.randrange(10**6)}"
        base = store_url.split("?", 1)[0]
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")

        def drop():
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")

        request.addfinalizer(drop)
        return f"{base}?options=-csearch_path%3D{schema}"
    return str(tmp_path / f"{name}.db")


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_equals_a_clean_run(store_url, tmp_path, request):
    """kill -9 the ingest while it writes, several times, then finish: same counts as a clean run.

    20 articles make two of the pipeline's batches of 16, so the writes come in two bursts.
    """
    recs = articles(20)
    path = feed(tmp_path, recs, extra='{"id": "empty", "text": ""}\n')
    clean, crashed = (_fresh_url(store_url, tmp_path, name, request) for name in ("clean", "crash"))
    with open_store(clean) as s:  # the clean run, in this process (the model is loaded already)
        ingest([path], s)
    rng = random.Random(20240514)
    partial = []  # article counts left by each kill
    watch = open_store(crashed)  # created (and migrated) here; polled while the ingests run
    request.addfinalizer(watch.close)

    def stored() -> int:
        return watch.counts()["articles"]

    for _ in range(3):
        done = stored()
        if done >= len(recs):
            break
        target = rng.randrange(max(done, 1), len(recs))  # kill once the store holds `target` articles...
        proc = _cli([path, "--db", crashed])
        while proc.poll() is None and stored() < target:
            time.sleep(0.01)
        time.sleep(rng.uniform(0, 0.02))  # ...plus a random moment, mid-article or mid-commit
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
            partial.append(stored())
        proc.wait(timeout=60)
    assert any(0 < n < len(recs) for n in partial), partial  # at least one kill landed mid-ingest
    assert _cli([path, "--db", crashed]).wait(timeout=300) == 1  # 1: the empty record is dropped
    with open_store(clean) as a, open_store(crashed) as b:
        ca, cb = a.counts(), b.counts()
        ids_a = sorted(se.event.id for se in a.events())
        ids_b = sorted(se.event.id for se in b.events())
    for key in ("articles", "events", "events_all_versions", "failures", "memberships", "incidents"):
        assert cb[key] == ca[key], key
    assert ids_a == ids_b
