"""Incident merging at scale: synthetic events through the incremental Clusterer.

    .venv/bin/python benchmarks/bench_incidents.py [--events 100000] [--seed 7] [--json-out PATH]

Builds ``--events`` synthetic event signatures (no text processing: this times the
merging, not the extraction) and adds them one by one to ``sitrep.incidents.Clusterer``,
which counts the words' document frequencies as it goes, as a store would. The world:

- 40 countries whose sizes follow a Zipf law (the largest holds about a quarter of all
  events), 365 days, 60 towns per country;
- incidents of 1 to 12 reports (geometric, mean about 2), each report published 0-4
  days after the incident, with the incident's date resolved in 70 % of reports;
- each incident has 5 names of its own; a report carries 2-5 of them, its town and 25
  words drawn (Zipf) from a shared vocabulary of 3,000 news words.

It prints the time (wall clock, and the process's CPU time, which a loaded machine
does not inflate), events per second, comparisons per event, peak memory (the process's
maximum resident set, and the growth over the run) and the B-cubed F1 against the
synthetic truth, then the time at 1/4, 1/2 and the whole run, which shows how cost grows.
**Bar: 100,000 events in under 60 s.**
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections import defaultdict

BAR_SECONDS = 60.0
SYLLABLES = ["ka", "lo", "mir", "zan", "tu", "bre", "vok", "sel", "ra", "dun", "pe", "gor", "li", "sha", "nev", "quo"]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def world(n_events: int, seed: int):
    """(event_id, Signature, true incident) for n_events synthetic reports, in publication order."""
    from datetime import date, timedelta

    from sitrep.incidents import Signature

    rng = random.Random(seed)
    countries = [f"C{i:02d}" for i in range(40)]
    sizes = [1 / (i + 1) for i in range(len(countries))]
    towns = {c: [(word(rng, 3), rng.uniform(-40, 60), rng.uniform(-100, 120)) for _ in range(60)] for c in countries}
    vocab = [word(rng, 2) + str(i) for i in range(3000)]
    vocab_w = [1 / (i + 1) for i in range(len(vocab))]
    start = date(2024, 1, 1)
    rows = []
    n_inc = 0
    while len(rows) < n_events:
        n_inc += 1
        country = rng.choices(countries, sizes)[0]
        town, lat, lon = rng.choice(towns[country])
        day = start + timedelta(days=rng.randrange(365))
        names = [word(rng, 4) for _ in range(5)]
        killed = rng.choice([None, 0, 1, 1, 2, 3, 5, 12])
        reports = min(12, 1 + int(rng.expovariate(1.0)))
        for r in range(reports):
            terms = {n: round(rng.uniform(2.0, 3.0), 2) for n in rng.sample(names, rng.randint(2, 5))}
            terms[town] = 2.0
            for v in rng.choices(vocab, vocab_w, k=25):
                terms.setdefault(v, round(rng.uniform(0.2, 1.5), 2))
            published = day + timedelta(days=rng.randint(0, 4))
            dated = rng.random() < 0.7
            sig = Signature(family="violence", countries=(country,), published=published.isoformat(),
                            date=day.isoformat() if dated else None, date_precision="day" if dated else None,
                            lat=lat + rng.uniform(-0.05, 0.05), lon=lon + rng.uniform(-0.05, 0.05), geo_precision=1,
                            fatalities=killed, terms=terms)
            rows.append((published, f"ev-{n_inc}-{r}", sig, n_inc))
    rows.sort(key=lambda r: r[0])
    return [(eid, sig, inc) for _, eid, sig, inc in rows[:n_events]]


def bcubed(truth: dict, pred: dict) -> tuple[float, float, float]:
    t_of, p_of = defaultdict(set), defaultdict(set)
    for e, inc in truth.items():
        t_of[inc].add(e)
        p_of[pred[e]].add(e)
    p = r = 0.0
    for e, inc in truth.items():
        both = len(t_of[inc] & p_of[pred[e]])
        p += both / len(p_of[pred[e]])
        r += both / len(t_of[inc])
    p, r = p / len(truth), r / len(truth)
    return p, r, 2 * p * r / (p + r)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json-out", default=None)
    args = ap.parse_args(argv)

    from sitrep.incidents import Clusterer, config

    config()
    rows = world(args.events, args.seed)
    rss_before = rss_mb()
    clusterer = Clusterer()
    marks = {len(rows) // 4: "1/4", len(rows) // 2: "1/2", len(rows): "all"}
    laps = {}
    t0, c0 = time.perf_counter(), time.process_time()
    for n, (eid, sig, _) in enumerate(rows, 1):
        clusterer.add(eid, sig)
        if n in marks:
            laps[marks[n]] = round(time.perf_counter() - t0, 2)
    took = time.perf_counter() - t0
    cpu = time.process_time() - c0
    rss_after = rss_mb()
    truth = {eid: inc for eid, _, inc in rows}
    p, r, f = bcubed(truth, {eid: clusterer.incident_of(eid) for eid in truth})
    summary = {
        "events": len(rows), "true_incidents": len(set(truth.values())),
        "incidents": len(clusterer.incidents), "seconds": round(took, 2), "cpu_seconds": round(cpu, 2),
        "events_per_second": round(len(rows) / took),
        "comparisons_per_event": round(clusterer.comparisons / len(rows), 1),
        "peak_rss_mb": round(rss_after, 1), "rss_growth_mb": round(rss_after - rss_before, 1),
        "bcubed_precision": round(p, 4), "bcubed_recall": round(r, 4), "bcubed_f1": round(f, 4),
        "laps_seconds": laps, "bar_seconds": BAR_SECONDS, "within_bar": took < BAR_SECONDS,
    }
    print(f"{len(rows):,} events -> {summary['incidents']:,} incidents ({summary['true_incidents']:,} true) "
          f"in {took:.1f} s wall, {cpu:.1f} s CPU ({summary['events_per_second']:,}/s, "
          f"{summary['comparisons_per_event']} comparisons/event)")
    print(f"memory: peak RSS {summary['peak_rss_mb']} MB, grew {summary['rss_growth_mb']} MB while clustering")
    print(f"B-cubed vs synthetic truth: P {p:.3f} R {r:.3f} F1 {f:.3f}")
    print(f"time at 1/4, 1/2, all of the events: {laps}")
    print(json.dumps(summary))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(summary, fh, indent=2)
    return 0 if took < BAR_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
