"""Measure sitrep.counts alone on the development sets.

Reads the dev gold files (text only), predicts one event per record whose
fatalities and injured come from the counts found in the text, writes the
predictions as JSONL and prints the scorer's fatalities.* and injured.* lines.

Rule: a publisher's coding note wins; otherwise, per kind, the first sentence
that gives a figure of that kind is the event's, and its figures are summed
per claimant (parts and indefinite amounts left out) and summarised with
ACLED's most conservative rule. Where no injured figure is given, people shot
less people killed in the same sentence are the injured.

    python benchmarks/counts_dev.py [--limit 400] [--out /tmp/counts_dev]
"""
from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from sitrep import nlp
from sitrep.counts import find_counts, sum_victims, summarise

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"
SETS = {"rand_dev.jsonl": None, "gva_dev.jsonl": 400, "acled_afghanistan_2020.jsonl": None}
SCORER = GOLD.parents[1] / "eval" / "score.py"


def first_sentence_total(mentions, kind):
    """Summed claims per claimant in the first sentence giving this kind."""
    useful = [m for m in mentions if m.kind == kind and not m.part and not m.vague]
    if not useful:
        return None, None
    sentence = useful[0].sentence
    per_source = defaultdict(list)
    for m in useful:
        if m.sentence == sentence:
            per_source[m.claim.source].append(m.claim)
    claims = [sum_victims(cs) for cs in per_source.values()]
    return summarise(claims).best, sentence


def predict(doc) -> dict:
    mentions = find_counts(doc)
    coded = [m for m in mentions if m.coded]
    killed, k_sent = first_sentence_total(mentions, "killed")
    if coded:
        killed = coded[0].count
    injured, _ = first_sentence_total(mentions, "injured")
    if injured is None:
        shot, s_sent = first_sentence_total(mentions, "shot")
        if shot is not None:
            dead = killed if k_sent == s_sent and killed is not None else 0
            injured = max(shot - dead, 0)
    return {"fatalities": {"best": killed}, "injured": {"best": injured}}


def run(name: str, limit: int | None, out: Path) -> None:
    language = nlp.load()
    gold_path = GOLD / name
    with gold_path.open() as f:
        records = [json.loads(line) for line in itertools.islice(f, limit)]
    cut = out / name
    cut_gold = out / ("gold_" + name)
    with cut.open("w") as pred, cut_gold.open("w") as gold:
        docs = language.pipe((r["text"] for r in records), batch_size=32)
        for record, doc in zip(records, docs):
            gold.write(json.dumps(record) + "\n")
            pred.write(json.dumps({"id": record["id"], "events": [predict(doc)]}) + "\n")
    result = subprocess.run([sys.executable, str(SCORER), str(cut_gold), str(cut)],
                            capture_output=True, text=True, check=False)
    print(f"== {name} ({len(records)} records)")
    for line in result.stdout.splitlines():
        if line.startswith(("fatalities.", "injured.")):
            print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="records per set (gva: 400)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/counts_dev"))
    parser.add_argument("--only", default=None, help="one set's file name")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, default in SETS.items():
        if args.only and args.only != name:
            continue
        run(name, args.limit or default, args.out)


if __name__ == "__main__":
    main()
