"""Event typing on the development sets: per-class precision/recall, confusions, reliability, cost.

    python benchmarks/typing_report.py                   # writes docs/typing-report.md
    python benchmarks/typing_report.py --limit 100 --out /tmp/report.md

Runs the pipeline twice over acled_afghanistan_2020 and plover_gsr: with the
trigger lexicon alone (``Pipeline(classifier=False)``) and with the lexicon
combined with the trained classifier (the default). It reads each record as
the scorer does (ACLED: the first event with an ACLED sub-event type, else the
first event; PLOVER: the first event) and reports:

- the scorer's typing figures for both choices;
- per-class precision / recall / F1 and the confusion pairs that remain;
- the reliability of ``confidence`` (is a 0.8 right 80% of the time?): a
  table by confidence bin and the expected calibration error (ECE);
- what typing costs: the classifier's share of the pipeline's time per article.

Needs ../shared beside the repository. The dev sets measure; nothing here trains.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold" / "dev"
sys.path.insert(0, str(ROOT / "src"))

from sitrep.article import Article  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402
from sitrep.read import article_from_text  # noqa: E402

NONE = "none"
BINS = [0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001]


def read_gold(name: str, limit: int | None) -> list[dict]:
    out = []
    with open(GOLD / f"{name}.jsonl", encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out


def primary(events):
    for e in events:
        if e.acled and e.acled.sub_event_type:
            return e
    return events[0] if events else None


class Timed:
    """Adds up the seconds spent in the classifier's methods."""

    def __init__(self, clf):
        self.seconds = 0.0
        for name in ("apply", "propose"):
            setattr(clf, name, self._wrap(getattr(clf, name)))

    def _wrap(self, fn):
        def run(*a, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                self.seconds += time.perf_counter() - t0
        return run


def run(pipe: Pipeline, gold: list[dict]) -> tuple[list, float]:
    articles: list[Article] = [article_from_text(g["text"], id=g["id"], published=g.get("published")) for g in gold]
    t0 = time.perf_counter()
    docs = list(pipe.process_many(articles))
    return docs, time.perf_counter() - t0


def prf(pairs: list[tuple[str, str]]) -> list[tuple[str, int, float, float, float]]:
    """(class, support, precision, recall, F1) of each gold or predicted class."""
    classes = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    rows = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in pairs)
        n_pred = sum(p == c for _, p in pairs)
        n_gold = sum(g == c for g, _ in pairs)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((c, n_gold, prec, rec, f1))
    return rows


def weighted_f1(pairs, only_events=True) -> float:
    rows = [r for r in prf(pairs) if not (only_events and r[0] == NONE)]
    total = sum(r[1] for r in rows)
    return sum(r[1] * r[4] for r in rows) / total if total else 0.0


def reliability(scored: list[tuple[float, bool]]) -> tuple[list[str], float]:
    lines = ["| confidence | events | mean confidence | share right |", "| --- | --- | --- | --- |"]
    ece = 0.0
    n = len(scored)
    for lo, hi in zip(BINS, BINS[1:]):
        inbin = [(c, ok) for c, ok in scored if lo <= c < hi]
        if not inbin:
            continue
        mean_c = sum(c for c, _ in inbin) / len(inbin)
        acc = sum(ok for _, ok in inbin) / len(inbin)
        ece += len(inbin) / n * abs(mean_c - acc)
        lines.append(f"| {lo:.1f}–{min(hi, 1):.1f} | {len(inbin)} | {mean_c:.2f} | {acc:.2f} |")
    return lines, ece


def table(rows) -> list[str]:
    out = ["| class | support | precision | recall | F1 |", "| --- | --- | --- | --- | --- |"]
    out += [f"| {c} | {n} | {p:.2f} | {r:.2f} | {f:.2f} |" for c, n, p, r, f in rows]
    return out


def confusions(pairs, n=12) -> list[str]:
    counts = Counter((g, p) for g, p in pairs if g != p)
    out = ["| gold | predicted | records |", "| --- | --- | --- |"]
    out += [f"| {g} | {p} | {k} |" for (g, p), k in counts.most_common(n)]
    return out


def acled_section(gold, docs) -> tuple[list[str], dict]:
    pairs, coarse, scored = [], [], []
    for g, d in zip(gold, docs):
        ev = primary(d.events)
        gs = g["gold"].get("sub_event_type") or NONE
        ps = ev.acled.sub_event_type if ev is not None and ev.acled else NONE
        pairs.append((gs, ps))
        ge = g["gold"].get("event_type") or NONE
        coarse.append(ge == (ev.acled.event_type if ev is not None and ev.acled else NONE))
        if ev is not None:
            scored.append((ev.confidence, gs == ps))
    on_events = [(g, p) for g, p in pairs if g != NONE]
    figures = {"type.weighted_f1_on_events": weighted_f1(on_events), "type.coarse_accuracy": sum(coarse) / len(coarse),
               "type.accuracy": sum(g == p for g, p in pairs) / len(pairs)}
    return pairs, {"figures": figures, "scored": scored}


def plover_section(gold, docs) -> tuple[list, dict]:
    pairs, scored = [], []
    for g, d in zip(gold, docs):
        gp = g["gold"].get("plover")
        if not gp:
            continue
        ev = d.events[0] if d.events else None  # the scorer reads PLOVER from the first event
        pp = ev.type if ev is not None else "NONE"
        pairs.append((gp, pp))
        if ev is not None:
            scored.append((ev.confidence, gp == pp))
    return pairs, {"figures": {"plover.accuracy": sum(g == p for g, p in pairs) / len(pairs)}, "scored": scored}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N records of each set")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "typing-report.md")
    args = ap.parse_args()
    sets = {"acled_afghanistan_2020": acled_section, "plover_gsr": plover_section}
    rules_only = Pipeline(classifier=False)
    combined = Pipeline()
    timer = Timed(combined.classifier)
    lines = ["# Event typing on the development sets", "",
             "Made by `python benchmarks/typing_report.py`; the figures follow the scorer's reading (ACLED: the",
             "first event with an ACLED sub-event type, else the first event; PLOVER: the first event).",
             "The dev sets measure only: the classifier",
             "is trained on the project's own reports (src/sitrep/data/training/), and `confidence` is calibrated on",
             "those reports run through the pipeline with models that did not see them, weighted to the news mix of",
             "ACLED types in src/sitrep/data/training/calibration.yaml (docs/configuration.md, \"How `confidence` is",
             "calibrated\"). A well-calibrated `confidence` has, in each bin below, a mean close to the share right;",
             "ECE is the events-weighted mean gap.", ""]
    summary = ["| set | figure | lexicon alone | lexicon + classifier |", "| --- | --- | --- | --- |"]
    body: list[str] = []
    total_time = class_time = 0.0
    n_articles = 0
    for name, section in sets.items():
        gold = read_gold(name, args.limit)
        docs_r, _ = run(rules_only, gold)
        before = timer.seconds
        docs_c, took = run(combined, gold)
        total_time += took
        class_time += timer.seconds - before
        n_articles += len(gold)
        _, res_r = section(gold, docs_r)
        pairs, res_c = section(gold, docs_c)
        for k, v in res_c["figures"].items():
            summary.append(f"| {name} | {k} | {res_r['figures'][k]:.3f} | {v:.3f} |")
        rel, ece = reliability(res_c["scored"])
        body += [f"## {name} ({len(gold)} records)", "", "Per class (lexicon + classifier):", ""]
        body += table(prf(pairs)) + ["", "Confusion pairs that remain:", ""] + confusions(pairs)
        body += ["", f"Reliability of `confidence` (the first conflict event of each record; ECE {ece:.3f}):", ""]
        body += rel + [""]
    share = class_time / (total_time - class_time) if total_time > class_time else 0.0
    lines += ["## Summary", ""] + summary + [""]
    lines += [f"Typing cost: the classifier took {1000 * class_time / n_articles:.1f} ms per article of "
              f"{1000 * total_time / n_articles:.0f} ms for the whole pipeline, adding {100 * share:.1f}% to the "
              "pipeline without it (same run, same machine).", ""]
    lines += body
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines[:len(summary) + 12]))


if __name__ == "__main__":
    main()
