"""Dictionary coverage on the ACLED Afghanistan 2020 development set.

A crude upper bound: every noun chunk of a record's text is looked up, and a
gold actor counts as covered when its inter code is among the looked-up codes.
Also lists the most frequent noun chunks that the dictionary does not know
and that look like actors (plural or human-sounding heads).

    python benchmarks/actors_dev.py [path/to/acled_afghanistan_2020.jsonl]
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


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
