"""What the gazetteer costs: its load time, its memory, and its share of the pipeline's time.

Three measurements in one run:

  load     a fresh process opens the built store and answers one lookup; wall time of
           that, median of ``--repeats`` processes (bar: under 2 s)
  memory   RSS of a fresh process before opening the store and after resolving every
           place name of the articles (the store is memory-mapped by SQLite; its cache
           of lookups grows with the names seen)
  share    ``Pipeline().process_many(articles)`` with the real gazetteer against the
           same pipeline whose gazetteer knows no name, same texts, alternating order,
           median of ``--repeats`` runs (bar: the gazetteer adds at most 10%)

    python benchmarks/bench_gazetteer.py              # 200 GVA articles, 3 repeats
    python benchmarks/bench_gazetteer.py --n 50 --repeats 1

Texts come from ``../shared/gold/dev/gva_dev.jsonl`` when it is there (only ``text``
is read), else from the sentences bench_speed.py writes. The last line is a JSON summary.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_speed import load_records  # noqa: E402  (same inputs as the speed benchmark)

LOAD_BAR_S = 2.0
SHARE_BAR = 0.10

_LOAD = r"""
import time
t0 = time.perf_counter()
from sitrep import gazetteer
g = gazetteer.open_store()
g.candidates("Kandahar")
print(time.perf_counter() - t0)
"""

_MEMORY = r"""
import json, sys
def rss():
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS:"))
names = json.loads(sys.stdin.read())
before = rss()
from sitrep import gazetteer
g = gazetteer.open_store()
for n in names:
    g.candidates(n)
    g.candidates(n, loose=True)
print(json.dumps({"before_kb": before, "after_kb": rss(), "names": len(names)}))
"""


class _NoNames:
    """A gazetteer that knows no place: the pipeline without its lookups."""

    def candidates(self, name, loose=False):
        return []

    def knows(self, name):
        return False

    def keys_of_kind(self, kind):
        return frozenset()


def load_time(repeats: int) -> list[float]:
    return [float(subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True,
                                 check=True).stdout) for _ in range(repeats)]


def share(articles, repeats: int) -> dict:
    from sitrep import gazetteer
    from sitrep.pipeline import Pipeline

    pipe = Pipeline()
    real = gazetteer.default()
    list(pipe.process_many(articles[:5]))  # warm the model and the store
    times = {"with": [], "without": []}
    for r in range(repeats):
        for which in (("with", "without") if r % 2 == 0 else ("without", "with")):
            gazetteer.default = (lambda g=real: g) if which == "with" else (lambda: _NoNames())
            t0 = time.perf_counter()
            docs = list(pipe.process_many(articles))
            times[which].append(time.perf_counter() - t0)
            assert len(docs) == len(articles)
            failed = [d.error for d in docs if d.error is not None]
            assert not failed, f"{len(failed)} articles failed {which} the gazetteer: {failed[0]}"
    gazetteer.default = lambda g=real: g
    with_, without = statistics.median(times["with"]), statistics.median(times["without"])
    return {"with_s": with_, "without_s": without, "added": with_ / without - 1, "runs": times}


def place_names(articles) -> list[str]:
    from sitrep.pipeline import Pipeline

    names = []
    for doc in Pipeline().process_many(articles):
        names.extend(p.text for p in doc.places)
    return names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="articles [default: 200]")
    ap.add_argument("--repeats", type=int, default=3, help="runs of each measurement [default: 3]")
    args = ap.parse_args()
    from sitrep.read import article_from_text

    records, source = load_records(args.n)
    articles = [article_from_text(r["text"], id=r["id"]) for r in records[:args.n]]
    print(f"inputs: {len(articles)} articles from {source}")

    loads = load_time(args.repeats)
    load_s = statistics.median(loads)
    print(f"load: median {load_s:.3f} s over {len(loads)} fresh processes (bar < {LOAD_BAR_S} s)")

    names = place_names(articles)
    mem = json.loads(subprocess.run([sys.executable, "-c", _MEMORY], input=json.dumps(names),
                                    capture_output=True, text=True, check=True).stdout)
    grown = (mem["after_kb"] - mem["before_kb"]) / 1024
    print(f"memory: +{grown:.1f} MiB RSS to open the store and resolve {mem['names']} names "
          f"(process {mem['before_kb'] / 1024:.0f} -> {mem['after_kb'] / 1024:.0f} MiB)")

    s = share(articles, args.repeats)
    print(f"share: pipeline {s['with_s']:.2f} s with the gazetteer, {s['without_s']:.2f} s with one that knows "
          f"no name: +{100 * s['added']:.1f}% (bar <= {100 * SHARE_BAR:.0f}%)")
    print(json.dumps({"articles": len(articles), "load_s": round(load_s, 3), "memory_mib": round(grown, 1),
                      "added": round(s["added"], 4), "load_ok": load_s < LOAD_BAR_S,
                      "share_ok": s["added"] <= SHARE_BAR}))


if __name__ == "__main__":
    main()
