"""List the records whose fatalities or injured figure sitrep got wrong, with the claims it used.

Reads a gold file and sitrep's predictions for it (as written by
``benchmarks/dev_scores.py --out DIR`` or ``sitrep extract``), and prints, for
each miss, the gold and predicted figures, every claim of the scored event
with a window of text around its evidence, and the opening of the article.
The last line counts misses over and under the gold figure.

    python benchmarks/count_misses.py GOLD PRED [--field injured] [--show 40]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def scored_event(events: list[dict]) -> dict | None:
    """The event the scorer reads: the first with an ACLED sub-event type, else the first."""
    return next((e for e in events if (e.get("acled") or {}).get("sub_event_type")), events[0] if events else None)


def misses(gold_path: Path, pred_path: Path, field: str):
    """(gold record, predicted figure, scored event) for every record whose figure is wrong."""
    with pred_path.open(encoding="utf-8") as f:
        preds = {d["id"]: d for d in map(json.loads, f)}
    with gold_path.open(encoding="utf-8") as f:
        for record in map(json.loads, f):
            want = (record.get("gold") or {}).get(field)
            if want is None or record["id"] not in preds:
                continue
            event = scored_event(preds[record["id"]].get("events") or [])
            got = ((event or {}).get(field) or {}).get("best")
            if got != want and not (got is None and want == 0):
                yield record, got, event


def show(record: dict, got, event: dict | None, field: str) -> str:
    text = record["text"]
    lines = [f"=== {record['id']} gold={record['gold'][field]} predicted={got}"]
    for claim in ((event or {}).get(field) or {}).get("claims", []):
        ev = claim["evidence"]
        window = text[max(ev["start"] - 60, 0):ev["end"] + 40].replace("\n", " ")
        lines.append(f"   claim {claim['count']} (total {claim.get('total')}, source {claim.get('source')}): {window!r}")
    lines.append("   text: " + repr(text[:400].replace("\n", " ")))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--field", choices=["fatalities", "injured"], default="fatalities")
    parser.add_argument("--show", type=int, default=40, help="misses to print in full")
    args = parser.parse_args()
    over = under = 0
    for n, (record, got, event) in enumerate(misses(args.gold, args.pred, args.field)):
        if (got or 0) > record["gold"][args.field]:
            over += 1
        else:
            under += 1
        if n < args.show:
            print(show(record, got, event, args.field))
    print(f"misses: {over + under} ({over} over, {under} under)")


if __name__ == "__main__":
    main()
