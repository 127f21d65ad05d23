"""Incident clustering on a dev set: cluster a prediction file and score it.

    .venv/bin/python benchmarks/incidents_dev.py PRED.jsonl [--gold ../shared/gold/dev/gva_dev.jsonl]
        [--out PRED.incidents.jsonl] [--threshold T]

PRED is the output of ``sitrep extract --with-text`` on the gold file (extract once,
cluster many times). The script runs ``sitrep.incidents.cluster_documents`` over it,
writes ``incident`` on every line to --out, prints the time taken and the scorer's
``incident.*`` lines, and the score of every article alone for comparison.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred")
    ap.add_argument("--gold", default=str(SHARED / "gold" / "dev" / "gva_dev.jsonl"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args(argv)

    from sitrep.incidents import Clusterer, TermStats, cluster_documents, signature

    docs = [json.loads(line) for line in open(args.pred, encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    stats = TermStats()
    for doc in docs:  # as cluster_documents does: every event's words counted first
        for ev in doc.get("events") or [None]:
            stats.add(signature(doc, ev).terms)
    clusterer = Clusterer(threshold=args.threshold, stats=stats, count=False)
    ids = cluster_documents(docs, clusterer)
    took = time.perf_counter() - t0
    print(f"{len(docs)} documents -> {len(set(ids))} incidents in {took:.1f} s "
          f"({clusterer.comparisons} comparisons)")
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp()) / "pred.incidents.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for doc, inc in zip(docs, ids):
            doc["incident"] = inc
            doc.pop("text", None)
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    score = [sys.executable, str(SHARED / "eval" / "score.py"), args.gold, str(out)]
    lines = subprocess.run(score, capture_output=True, text=True, check=True).stdout.splitlines()
    for line in lines:
        if line.startswith("incident."):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
