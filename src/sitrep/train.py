"""Rebuild the event-type classifier from the project's own training reports.

    python -m sitrep.train              # writes src/sitrep/data/classifier.npz
    python -m sitrep.train --compare    # also measures the alternatives on the held-out split

Reads data/training/*.yaml (hand-written reports and seeded templates), parses
each report with the same pipeline sitrep runs, finds its main mention with the
trigger lexicon and turns it into features (classify.mention_features). Then,
with fixed seeds throughout:

1. holds out a fifth of each class's hand-written reports (one of five folds);
2. fits a logistic regression per head (ACLED sub-event type, PLOVER type) on
   the rest and fits each head's temperature on the held-out reports;
3. runs every hand-written report through the whole pipeline with a model that
   did not see it (five folds) and fits the confidence calibrator on the first
   event of each, weighted so that the ACLED classes count as often as they
   occur in the news (data/training/calibration.yaml);
4. refits both heads on all reports and writes the arrays, the temperatures,
   the calibrator and the training data's sha256 to data/classifier.npz.

Needs scikit-learn (pinned in the ``train`` and ``test`` extras); running sitrep
does not. The development sets are never read here.
"""
from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from . import classify, events, lexicon, nlp
from .classify import HEADS, NO_EVENT, NONE, Head, Model, Prediction

SEED = 13
C = 8.0  # inverse regularisation, chosen with --compare on the held-out split
MIN_COUNT = 2  # a feature must occur in this many reports to enter the vocabulary
OUT = Path(__file__).resolve().parent / classify.MODEL_FILE
N_INPUTS = 8  # len(classify.confidence_inputs(...))


@dataclass
class Example:
    text: str
    acled: str
    plover: str
    origin: str  # hand | template


@dataclass
class Row:
    example: Example
    features: list[str]
    mention: events.Mention | None
    bare: list[str] | None = None  # the sentence's features without a trigger (as classify.propose reads it)


def load_examples() -> list[Example]:
    """Hand-written reports, then the templates expanded with seeded fillers."""
    files = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in classify.training_files()}
    out: list[Example] = []
    plover_of: dict[str, str] = {}
    for cls in files["examples.yaml"]["classes"]:
        if cls["acled"] != NONE:
            plover_of[cls["acled"]] = cls["plover"]
        out.extend(Example(t, cls["acled"], cls["plover"], "hand") for t in cls["texts"])
    spec = files["templates.yaml"]
    rng = random.Random(spec["seed"])
    slots = spec["slots"]
    for key, templates in spec["classes"].items():
        acled, plover = (NONE, key) if key.isupper() else (key, plover_of[key])
        seen: set[str] = set()
        for n in range(spec["per_class"] * 3):
            if len(seen) >= spec["per_class"]:
                break
            template = templates[n % len(templates)]
            text = template.format(**{k: rng.choice(v) for k, v in slots.items()})
            text = text[0].upper() + text[1:]
            if text not in seen:
                seen.add(text)
                out.append(Example(text, acled, plover, "template"))
    return out


def featurize(examples: list[Example]) -> list[Row]:
    """Parse each report and describe its main mention as the pipeline will."""
    lang = nlp.load()
    lex = lexicon.load()
    rows = []
    for ex, doc in zip(examples, lang.pipe((e.text for e in examples), batch_size=64)):
        mentions, _ = events.find_mentions(doc, lex)
        for sent in doc.sents:
            events.refine_modes([m for m in mentions if m.sent.start == sent.start], lex)
        m = classify.main_mention(mentions)
        sent = m.sent if m is not None else next(doc.sents)
        rows.append(Row(ex, classify.mention_features(m, sent), m, classify.mention_features(None, sent)))
    return rows


def split(rows: list[Row], seed: int = SEED, fold: int = 0, folds: int = 5) -> tuple[list[int], list[int]]:
    """One fold of each class's hand-written reports held out (fold ``fold`` of ``folds``), seeded. Generated
    reports always go to the fitting side: held out, a template's variants would be near-copies of those
    fitted, and the calibration learnt on them would trust the classifier far more than new text deserves."""
    by_class: dict[tuple[str, str], list[int]] = {}
    fixed = [i for i, r in enumerate(rows) if r.example.origin != "hand"]
    for i, r in enumerate(rows):
        if r.example.origin == "hand":
            by_class.setdefault((r.example.acled, r.example.plover), []).append(i)
    rng = random.Random(seed)
    train, held = [], []
    for key in sorted(by_class):
        idx = by_class[key][:]
        rng.shuffle(idx)
        part = idx[fold::folds]
        held += part
        train += [i for i in idx if i not in part]
    return sorted(train + fixed), sorted(held)


def vocabulary(rows: list[Row], min_count: int = MIN_COUNT) -> list[str]:
    counts: dict[str, int] = {}
    for r in rows:
        for f in r.features:
            counts[f] = counts.get(f, 0) + 1
    return sorted(f for f, n in counts.items() if n >= min_count)


def matrix(rows: list[Row], index: dict[str, int]):
    from scipy.sparse import csr_matrix

    data, cols, ptr = [], [], [0]
    for r in rows:
        idx = sorted({index[f] for f in r.features if f in index})
        cols += idx
        data += [1 / np.sqrt(len(idx))] * len(idx) if idx else []
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(rows), len(index)))


def fit_head(X, y: list[str], c: float = C, kind: str = "logreg"):
    from sklearn.linear_model import LogisticRegression, SGDClassifier

    if kind == "sgd":
        clf = SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=2000, random_state=SEED, tol=1e-5,
                            class_weight="balanced")
    else:
        clf = LogisticRegression(C=c, max_iter=5000, random_state=SEED, class_weight="balanced")
    clf.fit(X, y)
    return clf


def as_head(clf, temperature: float = 1.0) -> Head:
    coef = clf.coef_.T
    intercept = clf.intercept_
    if coef.shape[1] == 1:  # two classes: sklearn keeps one row
        coef = np.hstack([-coef / 2, coef / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return Head([str(c) for c in clf.classes_], np.asarray(coef, dtype=np.float64),
                np.asarray(intercept, dtype=np.float64), temperature)


def fit_temperature(head: Head, rows: list[Row], model_index: dict[str, int], gold: list[str]) -> float:
    """The temperature that minimises the held-out negative log-likelihood."""
    best, best_nll = 1.0, float("inf")
    idx = [[model_index[f] for f in r.features if f in model_index] for r in rows]
    for t in np.arange(0.3, 3.01, 0.05):
        head.temperature = float(t)
        nll = 0.0
        for i, g in zip(idx, gold):
            p = head.proba(i)
            nll -= np.log(max(p[head.classes.index(g)] if g in head.classes else 1e-6, 1e-9))
        if nll < best_nll:
            best, best_nll = float(t), nll
    head.temperature = best
    return best


TICKET = 1e-6  # the confidence step a recording classifier hands out (far below any calibrated confidence)


class _Recording(classify.Classifier):
    """The pipeline's classifier with a fold model, giving each mention a ticket as its confidence (a tiny
    number unique to the mention) and keeping the calibrator inputs behind each ticket: the confidence an
    event ends up with then names the mention that typed it."""

    def __init__(self, lex, model: Model):
        super().__init__(lex, model)
        self.asked: list[list[float]] = []

    def _score(self, m, pred, rule, by_cls):
        m.prediction = pred
        self.asked.append(self.inputs(m, pred, rule, by_cls))
        m.confidence = len(self.asked) * TICKET

    def inputs_of(self, confidence: float) -> list[float] | None:
        n = round(confidence / TICKET)
        return self.asked[n - 1] if 0 < n <= len(self.asked) and confidence < 0.01 else None


@dataclass
class Scored:
    inputs: list[float]
    ok: bool  # the report's first event has its PLOVER type and its ACLED sub-event type (or none)
    acled: str  # the report's gold ACLED class


def pipeline_scored(rows: list[Row], folds: int = 5) -> list[Scored]:
    """Every hand-written report run through the whole pipeline with a model that did not see it (one model
    per fold); for each report that yields an event, the calibrator inputs of its first event and whether
    that event is typed right. This is what the confidence calibrator is fitted on: the type an event ends
    with (after roles, victims and salience) is what its confidence must speak for."""
    from .pipeline import Pipeline
    from .read import article_from_text

    pipe = Pipeline()
    out: list[Scored] = []
    for k in range(folds):
        train, held = split(rows, fold=k, folds=folds)
        rec = _Recording(pipe.lex, build(rows, train))
        pipe.classifier = pipe.assembler.classifier = rec
        articles = [article_from_text(rows[i].example.text, id=f"train-{i}") for i in held]
        for i, doc in zip(held, pipe.process_many(articles)):
            ev = doc.events[0] if doc.events else None
            inputs = rec.inputs_of(ev.confidence) if ev is not None else None
            if inputs is None:  # no event, or one the classifier did not score
                continue
            ex = rows[i].example
            acled = ev.acled.sub_event_type if ev.acled and ev.acled.sub_event_type else NONE
            out.append(Scored(inputs, ev.type == ex.plover and acled == ex.acled, ex.acled))
    return out


def news_weights(scored: list[Scored]) -> np.ndarray:
    """A weight per scored report that turns the training mix of ACLED classes into the news mix
    (data/training/calibration.yaml); non-ACLED reports weigh one, ACLED reports keep their total weight."""
    path = next(p for p in classify.training_files() if p.name == "calibration.yaml")
    share = {str(k): float(v) for k, v in yaml.safe_load(path.read_text(encoding="utf-8"))["acled_share"].items()}
    acled = [s.acled for s in scored if s.acled != NONE]
    counts = {c: acled.count(c) for c in set(acled)}
    total_share = sum(share.get(c, 0.0) for c in counts) or 1.0
    w = np.ones(len(scored))
    for n, s in enumerate(scored):
        if s.acled != NONE:
            w[n] = len(acled) * (share.get(s.acled, 0.0) / total_share) / counts[s.acled]
    return w


def fit_calibrator(scored: list[Scored], weights: np.ndarray) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression

    X = np.array([s.inputs for s in scored])
    y = np.array([s.ok for s in scored])
    if len(set(y)) < 2:
        return np.array([0.0] * X.shape[1] + [2.0])
    clf = LogisticRegression(C=1.0, max_iter=5000, random_state=SEED).fit(X, y, sample_weight=weights)
    return np.concatenate([clf.coef_[0], clf.intercept_])


def reliability(scored: list[Scored], weights: np.ndarray, calibration: np.ndarray) -> str:
    """Weighted expected calibration error of the fitted calibrator on the reports it was fitted on."""
    conf = np.array([1 / (1 + np.exp(-(np.dot(calibration[:-1], s.inputs) + calibration[-1]))) for s in scored])
    ok = np.array([s.ok for s in scored], dtype=float)
    ece = 0.0
    for lo, hi in zip([0, .2, .4, .6, .8, .9], [.2, .4, .6, .8, .9, 1.01]):
        inbin = (conf >= lo) & (conf < hi)
        if inbin.any():
            wb = weights[inbin]
            ece += wb.sum() / weights.sum() * abs(np.average(conf[inbin], weights=wb) - np.average(ok[inbin], weights=wb))
    return f"weighted share right {np.average(ok, weights=weights):.3f}, mean confidence " \
           f"{np.average(conf, weights=weights):.3f}, ECE {ece:.3f}"


def build(rows: list[Row], train: list[int], c: float = C, kind: str = "logreg",
          min_count: int = MIN_COUNT) -> Model:
    part = [rows[i] for i in train]
    # Each report is also learnt as its bare sentence, so that the classifier can type a report in which
    # the lexicon finds no trigger (classify.propose).
    part += [Row(rows[i].example, rows[i].bare, None) for i in train if rows[i].bare and rows[i].mention]
    vocab = vocabulary(part, min_count)
    index = {f: i for i, f in enumerate(vocab)}
    X = matrix(part, index)
    heads = {h: as_head(fit_head(X, [getattr(r.example, h) for r in part], c, kind)) for h in HEADS}
    return Model(vocab, heads, np.zeros(N_INPUTS + 1), "")


def accuracy(model: Model, rows: list[Row], head: str) -> float:
    right = 0
    for r in rows:
        p = getattr(model.predict(r.features), head)
        right += max(p, key=p.get) == getattr(r.example, head)
    return right / len(rows)


def rule_accuracy(rows: list[Row]) -> tuple[float, float]:
    pl = sum((r.mention.category.plover if r.mention else NO_EVENT) == r.example.plover for r in rows)
    ac = sum(((r.mention.category.acled or (None, NONE))[1] if r.mention else NONE) == r.example.acled
             for r in rows)
    return pl / len(rows), ac / len(rows)


def compare(rows: list[Row], train: list[int], held: list[int]) -> None:
    """The alternatives measured on the held-out split."""
    hrows = [rows[i] for i in held]
    pl, ac = rule_accuracy(hrows)
    print(f"rules alone:                        plover {pl:.3f}  acled {ac:.3f}")
    sentence_only = [Row(r.example, classify.sentence_features(r.mention.sent if r.mention else
                                                               next(iter(_sents(r)))) + ["t:<none>"], r.mention)
                     for r in rows]
    variants = [("logreg C=1", dict(c=1.0)), ("logreg C=8", dict(c=8.0)), ("logreg C=32", dict(c=32.0)),
                ("logreg C=8 min_count=1", dict(c=8.0, min_count=1)), ("sgd log-loss", dict(kind="sgd"))]
    for name, kw in variants:
        m = build(rows, train, **kw)
        print(f"{name:34s}  plover {accuracy(m, hrows, 'plover'):.3f}  acled {accuracy(m, hrows, 'acled'):.3f}")
    m = build(sentence_only, train)
    srows = [sentence_only[i] for i in held]
    print(f"{'logreg C=8, sentence words only':34s}  plover {accuracy(m, srows, 'plover'):.3f}  "
          f"acled {accuracy(m, srows, 'acled'):.3f}")


def _sents(r: Row):
    return nlp.load()(r.example.text).sents


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT, help=f"where to write the model [default: {OUT}]")
    ap.add_argument("--compare", action="store_true", help="measure the alternative models on the held-out split")
    args = ap.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("sitrep.train needs scikit-learn: pip install 'sitrep[train]'", file=sys.stderr)
        return 2
    examples = load_examples()
    rows = featurize(examples)
    train, held = split(rows)
    print(f"{len(rows)} reports ({sum(e.origin == 'hand' for e in examples)} hand-written), "
          f"{len(train)} to fit, {len(held)} held out")
    if args.compare:
        compare(rows, train, held)
    model = build(rows, train)
    hrows = [rows[i] for i in held]
    temps = {h: fit_temperature(model.heads[h], hrows, model.index, [getattr(r.example, h) for r in hrows])
             for h in HEADS}
    scored = pipeline_scored(rows)
    weights = news_weights(scored)
    calibration = fit_calibrator(scored, weights)
    pl, ac = rule_accuracy(hrows)
    both = sum(s.ok for s in scored) / max(1, len(scored))
    print(f"held out: rules plover {pl:.3f} acled {ac:.3f}; classifier plover {accuracy(model, hrows, 'plover'):.3f}"
          f" acled {accuracy(model, hrows, 'acled'):.3f}")
    print(f"pipeline, 5 folds of hand-written reports: first events right {both:.3f} ({len(scored)} events); "
          f"calibrator: {reliability(scored, weights, calibration)}")
    final = build(rows, list(range(len(rows))))
    for h in HEADS:
        final.heads[h].temperature = temps[h]
    final.calibration = calibration
    final.digest = classify.training_digest()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as fh:
        np.savez_compressed(fh, **final.to_arrays())
    print(f"wrote {args.out} ({len(final.vocab)} features; temperatures {temps}; digest {final.digest[:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
