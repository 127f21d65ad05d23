"""What the store costs on top of extraction: ingest throughput into SQLite and PostgreSQL.

For N articles (the GVA dev texts of bench_speed.py, or synthetic ones without ../shared):

  extract   ``Pipeline.process_many(articles)``, documents kept (extraction alone)
  store     ``ingest.store_document`` of those same documents into a fresh store: the article,
            its events, incident matching and history, one transaction per article
  ingest    ``ingest.ingest(file, store)`` end to end into a fresh store (extraction + store)

The store's share is store / (extract + store). Bar: <= 15%. The end-to-end
overhead, (ingest - extract) / ingest, is printed too; it is noisier, since it
subtracts two timings of the full pipeline.

    python benchmarks/bench_store.py                       # 200 articles, SQLite (+ PostgreSQL when --pg or $SITREP_TEST_PG)
    python benchmarks/bench_store.py -n 500 --pg postgresql://postgres@127.0.0.1:54329/sitrep_test
    python benchmarks/bench_store.py -n 496 --input ../shared/gold/dev/acled_afghanistan_2020.jsonl   # one country: busy blocks

The last line printed is a one-line JSON summary.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_speed import cycled, load_records, words, write_jsonl  # noqa: E402

from sitrep.api import get_pipeline  # noqa: E402
from sitrep.ingest import ingest, store_document  # noqa: E402
from sitrep.read import article_from_text  # noqa: E402
from sitrep.store import open_store  # noqa: E402

BAR = 0.15


def fresh_pg(base: str) -> str:
    import psycopg

    schema = "bench_" + uuid.uuid4().hex[:10]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


def drop_pg(base: str, url: str) -> None:
    import psycopg

    schema = url.rsplit("%3D", 1)[1]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def bench(records: list[dict], urls: dict[str, str], tmp: Path, repeats: int = 3) -> dict:
    pipeline = get_pipeline()
    articles = [article_from_text(r["text"], id=r["id"], published=r.get("published")) for r in records]
    list(pipeline.process_many(articles[:16]))  # warm-up: lazily loaded data, gazetteer store
    extract_times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        docs = list(pipeline.process_many(articles))
        extract_times.append(time.perf_counter() - t0)
    t_extract = statistics.median(extract_times)
    for doc, art in zip(docs, articles):
        doc.text = art.text
    inp = tmp / "articles.jsonl"
    write_jsonl(records, inp)
    with open_store(str(tmp / "warm-up.db")) as store:  # warm-up as for extraction: lazily loaded word lists
        for doc in docs[:16]:
            store_document(store, doc)
    out = {"articles": len(records), "events": sum(len(d.events) for d in docs), "words": words([a.text for a in articles]),
           "extract_s": round(t_extract, 2), "stores": {}}
    for name, make_url in urls.items():
        store_times = []
        for _ in range(repeats):  # each into a fresh store; the median is reported
            with open_store(make_url()) as store:
                t0 = time.perf_counter()
                for doc in docs:
                    store_document(store, doc)
                store_times.append(time.perf_counter() - t0)
                counts = store.counts()
        t_store = statistics.median(store_times)
        with open_store(make_url()) as store:
            t0 = time.perf_counter()
            ingest([str(inp)], store)
            t_ingest = time.perf_counter() - t0
        out["stores"][name] = {
            "store_s": round(t_store, 3), "ms_per_article": round(1000 * t_store / len(docs), 2),
            "share": round(t_store / (t_extract + t_store), 4), "ingest_s": round(t_ingest, 2),
            "overhead_end_to_end": round((t_ingest - t_extract) / t_ingest, 4),
            "incidents": counts["incidents"], "pass": t_store / (t_extract + t_store) <= BAR,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", type=int, default=200, help="articles (default 200)")
    ap.add_argument("--repeats", type=int, default=3, help="timed runs of extraction and of each store; medians (default 3)")
    ap.add_argument("--pg", default=os.environ.get("SITREP_TEST_PG"), help="PostgreSQL URL (a schema is made per run)")
    ap.add_argument("--input", type=Path, help="a JSONL of articles (id, text, published) instead of the GVA texts")
    args = ap.parse_args(argv)
    if args.input:
        with open(args.input, encoding="utf-8") as fh:
            records = [{k: r.get(k) for k in ("id", "text", "published")} for r in map(json.loads, fh)]
        origin = f"{args.input.name} ({len(records)} articles)"
    else:
        records, origin = load_records(args.n)
    records = cycled(records, args.n)
    made: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        urls = {"sqlite": lambda: str(Path(tmp) / f"{uuid.uuid4().hex}.db")}
        if args.pg:
            urls["postgresql"] = lambda: made.append(fresh_pg(args.pg)) or made[-1]
        try:
            res = bench(records, urls, Path(tmp), args.repeats)
        finally:
            for url in made:
                drop_pg(args.pg, url)
    res["input"] = origin
    print(f"{res['articles']} articles ({res['words']:,} words, {res['events']} events) from {origin}")
    print(f"extraction alone: {res['extract_s']} s")
    for name, r in res["stores"].items():
        print(f"{name:10} store {r['store_s']} s ({r['ms_per_article']} ms/article) = {r['share']:.1%} of extract+store "
              f"[bar <= {BAR:.0%}: {'pass' if r['pass'] else 'FAIL'}]; ingest end to end {r['ingest_s']} s "
              f"({r['overhead_end_to_end']:+.1%} over extraction); {r['incidents']} incidents")
    print(json.dumps(res))
    return 0 if all(r["pass"] for r in res["stores"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
