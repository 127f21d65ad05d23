"""Score sitrep.dates on the TempEval-3 (TimeBank + AQUAINT) development set.

Runs ``find_times`` on every record's text with its publication date and a
spaCy parse, writes a predictions JSONL and prints the official scorer's
``timex.*`` lines. With ``--misses`` it also lists the gold expressions that
were not found or got the wrong value, grouped by their lower-cased text.

    python benchmarks/timex_dev.py [--gold PATH] [--out PATH] [--misses] [--no-doc]
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

from sitrep import nlp
from sitrep.dates import find_times

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "dev" / "tempeval3_tbaq.jsonl"
SCORER = SHARED / "eval" / "score.py"


def predict(records: list[dict], use_doc: bool) -> list[dict]:
    pipeline = nlp.load() if use_doc else None
    out = []
    for rec in records:
        doc = pipeline(rec["text"]) if pipeline is not None else None
        times = find_times(rec["text"], rec.get("published"), doc=doc)
        out.append({"id": rec["id"], "times": [t.model_dump() for t in times]})
    return out


def misses(records: list[dict], preds: list[dict]) -> collections.Counter:
    """Gold timexes not found or wrongly valued, keyed by (kind, lower-cased text)."""
    by_id = {p["id"]: p["times"] for p in preds}
    table: collections.Counter = collections.Counter()
    for rec in records:
        for g in rec["gold"].get("timexes", []):
            hit = next((p for p in by_id[rec["id"]] if p["start"] < g["end"] and g["start"] < p["end"]), None)
            if hit is None:
                table[("missed", g["text"].lower(), "")] += 1
            elif not str(hit["value"] or "").startswith(g["value"]):
                table[("wrong", g["text"].lower(), f"{hit['value']} vs {g['value']} pub {rec['published']}")] += 1
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "timex_dev.jsonl")
    ap.add_argument("--misses", action="store_true", help="list the misses by expression")
    ap.add_argument("--no-doc", action="store_true", help="run the grammar alone, without spaCy")
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in args.gold.open(encoding="utf-8")]
    preds = predict(records, use_doc=not args.no_doc)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for p in preds:
            fh.write(json.dumps(p) + "\n")
    result = subprocess.run([sys.executable, str(SCORER), str(args.gold), str(args.out)],
                            capture_output=True, text=True, check=False)
    print("\n".join(line for line in result.stdout.splitlines() if line.startswith("timex.")))
    if args.misses:
        for (kind, text, detail), n in sorted(misses(records, preds).items(), key=lambda kv: -kv[1]):
            print(f"{n:4d} {kind:6s} {text!r} {detail}")
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
