"""Dictionary coverage on the ACLED Afghanistan 2020 development set.

A crude upper bound: every noun chunk of a record's text is looked up, and a
gold actor counts as covered when its inter code is among the looked-up codes.
Also lists the most frequent noun chunks that the dictionary does not know
and that look like actors (plural or human-sounding heads).

    python benchmarks/actors_dev.py [path/to/acled_afghanistan_2020.jsonl]

With ``--misses GOLD PRED`` it reads predictions already made (``sitrep
extract --input GOLD --output PRED``) instead, and prints, for the initiator
(``--slot actor2`` for the target), the accuracy by gold inter code, the
confusions (gold code -> predicted code, or why none: no event, no actor, no
code) and a few examples of the most frequent ones:

    python benchmarks/actors_dev.py --misses GOLD PRED [--slot actor1] [--examples 3]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from sitrep import actors, nlp

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev" / "acled_afghanistan_2020.jsonl"
_ACTORISH_SUFFIXES = ("ers", "ists", "ians", "men", "ants", "ces", "ops", "ice", "ies")
# Heads that name what happened, not who: left out of the unmatched list.
_NOT_ACTORS = frozenset(
    "fatality casualty event attack clash operation point limit area district province "
    "bomb mine airstrike strike explosion report".split()
)


def _records(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _looks_like_actor(chunk) -> bool:
    head = chunk.root
    if head.lemma_.lower() in _NOT_ACTORS or head.ent_type_ in {"GPE", "LOC", "DATE", "CARDINAL"}:
        return False
    return head.pos_ in {"NOUN", "PROPN"} and (
        head.tag_ in {"NNS", "NNPS"} or head.ent_type_ in {"NORP", "ORG"}
        or head.lower_.endswith(_ACTORISH_SUFFIXES)
    )


def main(path: Path) -> None:
    pipeline = nlp.load()
    gold_total = covered = 0
    by_code: Counter = Counter()
    missed_code: Counter = Counter()
    unmatched: Counter = Counter()
    records = list(_records(path))
    for rec, doc in zip(records, pipeline.pipe(r["text"] for r in records)):
        found = set()
        for chunk in doc.noun_chunks:
            info = actors.lookup(chunk.text)
            if info is not None:
                found.add(info.inter)
            elif _looks_like_actor(chunk):
                unmatched[chunk.text.lower()] += 1
        for role in ("actor1", "actor2"):
            gold = (rec.get("gold") or {}).get(role) or {}
            if not gold.get("inter"):
                continue
            code = int(gold["inter"])
            gold_total += 1
            by_code[code] += 1
            if code in found:
                covered += 1
            else:
                missed_code[code] += 1
    print(f"records: {len(records)}  gold actors with a code: {gold_total}")
    print(f"inter-code recall (upper bound): {covered / max(gold_total, 1):.3f}")
    for code in sorted(by_code):
        hit = by_code[code] - missed_code[code]
        print(f"  inter {code}: {hit}/{by_code[code]}")
    print("most frequent unmatched actor-like noun chunks:")
    for text, n in unmatched.most_common(30):
        print(f"  {n:4d}  {text}")


def _main_event(pred: dict | None) -> dict:
    """The event the scorer reads: the first with an ACLED sub-event type, else the first."""
    events = (pred or {}).get("events") or []
    return next((e for e in events if (e.get("acled") or {}).get("sub_event_type")), events[0] if events else {})


def misses(gold_path: Path, pred_path: Path, slot: str = "actor1", examples: int = 3) -> None:
    role = "initiator" if slot == "actor1" else "target"
    preds = {r["id"]: r for r in _records(pred_path)}
    totals: Counter = Counter()
    right: Counter = Counter()
    confusions: Counter = Counter()
    shown: dict = {}
    for rec in _records(gold_path):
        gold = (rec.get("gold") or {}).get(slot) or {}
        if not gold.get("inter"):
            continue
        code = str(gold["inter"])
        event = _main_event(preds.get(rec["id"]))
        actor = next((a for a in event.get("actors") or [] if a.get("role") == role), {})
        got = str(actor.get("inter") or "")
        totals[code] += 1
        if got == code:
            right[code] += 1
            continue
        key = (code, got or ("no event" if not event else "no actor" if not actor else "no code"))
        confusions[key] += 1
        shown.setdefault(key, []).append((actor.get("text"), rec["text"][:160].replace("\n", " ")))
    n = sum(totals.values())
    print(f"{slot}: {sum(right.values())}/{n} = {sum(right.values()) / max(n, 1):.3f}")
    for code in sorted(totals):
        print(f"  gold {code}: {right[code]}/{totals[code]}")
    print("confusions (gold -> predicted):")
    for (code, got), k in confusions.most_common(20):
        print(f"  {k:5d}  {code} -> {got}")
        for text, snippet in shown[(code, got)][:examples]:
            print(f"           {text!r:40.40}  {snippet}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--misses":
        import argparse

        ap = argparse.ArgumentParser()
        ap.add_argument("--misses", nargs=2, metavar=("GOLD", "PRED"), type=Path, required=True)
        ap.add_argument("--slot", choices=["actor1", "actor2"], default="actor1")
        ap.add_argument("--examples", type=int, default=3)
        args = ap.parse_args()
        misses(args.misses[0], args.misses[1], args.slot, args.examples)
    else:
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
