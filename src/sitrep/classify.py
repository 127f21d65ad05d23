"""Type event mentions with a trained linear classifier, combined with the trigger lexicon.

The rules (events.py) find a mention and propose a type from its trigger; the
classifier reads the mention's sentence and the parse around the trigger and
gives a probability for each ACLED sub-event type (plus "none") and each PLOVER
type (plus "NONE"). Combined (see ``Classifier.apply`` and data/classify.yaml):

- an ACLED event found by the rules keeps its rule type: the lexicon, the cues
  and the role checks decide those better than sentence words do;
- a non-violent, non-ACLED mention (diplomacy, statements) takes the
  classifier's PLOVER type when the classifier is sure and clearly disagrees;
- a short article in which the rules find no event at all gets one from its
  first sentence when the classifier is sure it reports a non-violent political
  event ("Denmark accepted a formula for ending the dispute");
- every mention gets a calibrated ``confidence``: the probability that its type
  is right, from a calibrator fitted on held-out training reports run through
  the whole pipeline, weighted to how common each kind of event is in the news
  (data/training/calibration.yaml).

The model is plain data (data/classifier.npz: vocabulary, coefficients, the
calibration and the sha256 of the training files), loaded without pickle.
``python -m sitrep.train`` rebuilds it from data/training/.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import yaml
from spacy.tokens import Doc, Span, Token

from .errors import DataError
from .events import Mention, irrealis_reason, lemma_of
from .lexicon import Lexicon, TriggerRule

VERSION = "classify-2"
MODEL_FILE = "data/classifier.npz"
SETTINGS_FILE = "data/classify.yaml"
TRAINING_DIR = "data/training"
NONE = "none"  # ACLED: not an ACLED event
NO_EVENT = "NONE"  # PLOVER: no political event
HEADS = ("acled", "plover")
WINDOW = 3  # words either side of the trigger that become features


def training_files() -> list:
    """The training data files, in a fixed order."""
    folder = resources.files("sitrep").joinpath(TRAINING_DIR)
    return sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=lambda p: p.name)


def training_digest() -> str:
    """sha256 over the training files' names and bytes: the shipped model records the one it was built from."""
    h = hashlib.sha256()
    for p in training_files():
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


# -- features --------------------------------------------------------------
def _word(t: Token) -> str:
    if t.like_num:
        return "<num>"
    return lemma_of(t)


def clause_of(tok: Token) -> list[Token]:
    """The clause a mention belongs to: its verb's subtree, less verbs coordinated with it ("..., and the
    president spoke by phone"), so that each event of a sentence is typed from its own words."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return list(tok.sent)
    drop = {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and c.i != tok.i
            for t in c.subtree}
    return [t for t in verb.subtree if t.i not in drop]


def sentence_features(sent) -> list[str]:
    """Words and word pairs of the sentence or clause (lemmas, lower case, numbers folded)."""
    words = [_word(t) for t in sent if not (t.is_punct or t.is_space)]
    feats = [f"w:{w}" for w in words]
    feats += [f"b:{a}_{b}" for a, b in zip(words, words[1:])]
    return feats


def mention_features(m: Mention | None, sent: Span) -> list[str]:
    """The words of the mention's clause (the sentence, without a mention) plus what the parse and the lexicon
    say of the trigger."""
    feats = sentence_features(sent if m is None else clause_of(m.head))
    if m is None:
        feats.append("t:<none>")
        return sorted(set(feats))
    head = m.head
    feats += [f"t:{m.rule.lemma}", f"c:{m.category.key}", f"p:{m.category.plover}", f"pos:{head.pos_}",
              f"dep:{head.dep_}", f"by:{m.typed_by}"]
    if m.weak:
        feats.append("weak")
    if m.antecedent:
        feats.append("antecedent")
    doc = head.doc
    lo, hi = max(sent.start, head.i - WINDOW), min(sent.end, head.i + WINDOW + 1)
    feats += [f"n:{_word(doc[i])}" for i in range(lo, hi) if i != head.i and not doc[i].is_punct]
    feats += [f"ch:{c.dep_}:{_word(c)}" for c in head.children if not c.is_punct]
    if head.head.i != head.i:
        feats.append(f"h:{head.dep_}:{_word(head.head)}")
    return sorted(set(feats))


# -- the model ---------------------------------------------------------------
@dataclass
class Head:
    """One softmax layer: classes, a coefficient row per vocabulary entry, a temperature."""

    classes: list[str]
    coef: np.ndarray  # (n_features, n_classes)
    intercept: np.ndarray  # (n_classes,)
    temperature: float

    def proba(self, idx: list[int]) -> np.ndarray:
        z = self.intercept.copy()
        if idx:
            z = z + self.coef[idx].sum(axis=0) / math.sqrt(len(idx))
        z = z / self.temperature
        z = np.exp(z - z.max())
        return z / z.sum()


@dataclass
class Prediction:
    acled: dict[str, float]
    plover: dict[str, float]
    features: list[str]

    def top(self, head: str, n: int = 3) -> list[tuple[str, float]]:
        probs = getattr(self, head)
        return sorted(probs.items(), key=lambda p: -p[1])[:n]


class Model:
    """The trained classifier, loaded from plain arrays (no pickle)."""

    def __init__(self, vocab: list[str], heads: dict[str, Head], calibration: np.ndarray, digest: str):
        self.vocab = vocab
        self.index = {f: i for i, f in enumerate(vocab)}
        self.heads = heads
        self.calibration = calibration  # logistic weights over confidence_inputs(), intercept last
        self.digest = digest

    @classmethod
    def from_arrays(cls, arrays) -> "Model":
        heads = {h: Head([str(c) for c in arrays[f"{h}_classes"]], arrays[f"{h}_coef"].astype(np.float64),
                         arrays[f"{h}_intercept"].astype(np.float64), float(arrays[f"{h}_temperature"]))
                 for h in HEADS}
        return cls([str(v) for v in arrays["vocab"]], heads, arrays["calibration"].astype(np.float64),
                   str(arrays["digest"]))

    def to_arrays(self) -> dict[str, np.ndarray]:
        out = {"vocab": np.array(self.vocab), "calibration": self.calibration, "digest": np.array(self.digest)}
        for name, h in self.heads.items():
            out[f"{name}_classes"] = np.array(h.classes)
            out[f"{name}_coef"] = h.coef.astype(np.float32)
            out[f"{name}_intercept"] = h.intercept.astype(np.float32)
            out[f"{name}_temperature"] = np.array(h.temperature)
        return out

    def indices(self, feats: list[str]) -> list[int]:
        return [self.index[f] for f in feats if f in self.index]

    def predict(self, feats: list[str]) -> Prediction:
        idx = self.indices(feats)
        probs = {name: dict(zip(h.classes, h.proba(idx).tolist())) for name, h in self.heads.items()}
        return Prediction(probs["acled"], probs["plover"], feats)

    def weights(self, feats: list[str], head: str, cls_name: str, n: int = 8) -> list[tuple[str, float]]:
        """The features that pushed most towards (or against) one class, with their weights."""
        h = self.heads[head]
        j = h.classes.index(cls_name)
        idx = self.indices(feats)
        scale = 1 / math.sqrt(len(idx)) if idx else 1.0
        pairs = [(self.vocab[i], float(h.coef[i, j]) * scale) for i in idx]
        return sorted(pairs, key=lambda p: -abs(p[1]))[:n]

    def confidence(self, inputs: list[float]) -> float:
        w = self.calibration
        z = float(np.dot(w[:-1], inputs) + w[-1])
        return 1 / (1 + math.exp(-z))


def confidence_inputs(pred: Prediction, plover: str, acled: str | None, rule_plover: str | None,
                      by_classifier: bool, specific: bool) -> list[float]:
    """What the confidence calibrator reads of one typed mention: whether each head's likeliest type is the
    final one (and, for PLOVER, the rules' one), the probabilities each head gives the final types, whether
    the classifier typed it, whether it is an ACLED event and whether a specific word typed it (not a
    generic fighting word).

    The calibrator is fitted on the project's own held-out reports run through the whole pipeline
    (sitrep.train), so these read the mention as the pipeline types it."""
    top_pl = max(pred.plover, key=pred.plover.get)
    top_ac = max(pred.acled, key=pred.acled.get)
    final_acled = acled or NONE
    return [float(top_pl == plover), float(top_pl == (rule_plover or NO_EVENT)), float(by_classifier),
            float(acled is not None), float(top_ac == final_acled), pred.plover.get(plover, 0.0),
            pred.acled.get(final_acled, 0.0), float(specific)]


@dataclass(frozen=True)
class Settings:
    override: bool  # may the classifier retype a non-ACLED mention at all?
    override_min: float  # classifier's probability of its PLOVER type before it overrides a non-ACLED rule type
    override_ratio: float  # ...and how many times likelier than the rule's type it must be
    propose_min: float  # classifier's probability before it proposes an event where the rules found none
    propose_max_sentences: int  # only in articles this short (a report, not a long article)
    veto_min: float  # PLOVER "NONE" probability (with ACLED "none" first) before a rule's mention is dropped
    keep: frozenset[str]  # PLOVER types the classifier never overrides or proposes
    default_category: dict[str, str]  # PLOVER type -> lexicon category used when the classifier types


@lru_cache(maxsize=1)
def settings() -> Settings:
    text = resources.files("sitrep").joinpath(SETTINGS_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    try:
        return Settings(bool(data["override"]), float(data["override_min"]), float(data["override_ratio"]),
                        float(data["propose_min"]), int(data["propose_max_sentences"]), float(data["veto_min"]),
                        frozenset(data["keep"]), dict(data["default_category"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{SETTINGS_FILE} is malformed: {exc}", hint="see the header of data/classify.yaml") from exc


@lru_cache(maxsize=1)
def load() -> Model:
    """The shipped model, read once per process."""
    path = resources.files("sitrep").joinpath(MODEL_FILE)
    try:
        with path.open("rb") as fh, np.load(fh, allow_pickle=False) as arrays:
            return Model.from_arrays(arrays)
    except (OSError, KeyError, ValueError) as exc:
        raise DataError(f"cannot read the classifier {MODEL_FILE}: {exc}",
                        hint="rebuild it with `python -m sitrep.train`") from exc


# -- combining with the rules ---------------------------------------------------
def main_mention(mentions: list[Mention]) -> Mention | None:
    """The mention a sentence tells as its news: strong, not background, highest in the parse."""
    from .assemble import depth

    strong = [m for m in mentions if not m.weak] or mentions
    if not strong:
        return None
    return min(strong, key=lambda m: (m.antecedent, depth(m.head), m.start))


class Classifier:
    """Types mentions with the model and the lexicon together."""

    def __init__(self, lex: Lexicon, model: Model | None = None, config: Settings | None = None):
        self.lex = lex
        self.model = model or load()
        self.settings = config or settings()

    def decide(self, m: Mention, pred: Prediction) -> tuple[str, bool]:
        """The category key for a mention and whether the classifier chose it."""
        cat = m.category
        s = self.settings
        if not s.override or cat.acled is not None or cat.plover in s.keep or m.typed_by == "modality":
            return cat.key, False
        top, p_top = max(pred.plover.items(), key=lambda p: p[1])
        if top == cat.plover or top in s.keep or top == NO_EVENT or top not in s.default_category:
            return cat.key, False
        if p_top >= s.override_min and p_top >= s.override_ratio * pred.plover.get(cat.plover, 0.0):
            return s.default_category[top], True
        return cat.key, False

    def vetoed(self, m: Mention, pred: Prediction) -> bool:
        """Is the classifier sure that the trigger reports no political event at all ("the home side
        attacked from the first whistle", "floods swept away bridges")?"""
        return pred.plover.get(NO_EVENT, 0.0) >= self.settings.veto_min and max(pred.acled, key=pred.acled.get) == NONE

    def apply(self, mentions: list[Mention]) -> list[Mention]:
        """Type each mention on its own, from its own clause and trigger, and give it a confidence; the
        mentions kept (a vetoed one is dropped)."""
        kept = []
        for m in mentions:
            pred = self.model.predict(mention_features(m, m.sent))
            if self.vetoed(m, pred):
                continue
            rule = m.category
            key, by_cls = self.decide(m, pred)
            if by_cls:
                m.category, m.typed_by = self.lex.category(key), "classifier"
            self._score(m, pred, rule, by_cls)
            kept.append(m)
        return kept

    def _score(self, m: Mention, pred: Prediction, rule, by_cls: bool) -> None:
        m.prediction = pred
        m.confidence = round(self.model.confidence(self.inputs(m, pred, rule, by_cls)), 3)

    @staticmethod
    def inputs(m: Mention, pred: Prediction, rule, by_cls: bool) -> list[float]:
        """The calibrator's inputs for a typed mention (``rule``: the category the rules gave it)."""
        cat = m.category
        return confidence_inputs(pred, cat.plover, cat.acled[1] if cat.acled else None, rule.plover, by_cls,
                                 m.specific)

    def propose(self, doc: Doc, skip=()) -> list[Mention]:
        """An event for a short report in which the rules found none: its first sentence, when the classifier
        is sure it tells a non-violent political event. The trigger is the sentence's main verb."""
        s = self.settings
        sents = [st for st in doc.sents if st.text.strip()]
        if not sents or len(sents) > s.propose_max_sentences:
            return []
        sent = sents[0]
        root = sent.root
        if lemma_of(root) in self.lex.word_set("reporting"):  # "X will do Y, officials said": Y is the event
            told = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
            root = told[0] if told else root
        if root.pos_ not in {"VERB", "AUX"} or any(a <= root.idx < b for a, b in skip):
            return []
        pred = self.model.predict(mention_features(None, sent))
        top, p_top = max(pred.plover.items(), key=lambda p: p[1])
        if top in s.keep or top == NO_EVENT or top not in s.default_category or p_top < s.propose_min:
            return []
        if max(pred.acled, key=pred.acled.get) != NONE:
            return []
        cat = self.lex.category(s.default_category[top])
        if irrealis_reason(root, cat, self.lex) is not None:
            return []  # "Troops did not attack", "may withdraw": nothing that happened
        rule = TriggerRule(lemma=lemma_of(root), category=cat.key)
        m = Mention(head=root, tokens=[root], rule=rule, category=cat, sent=sent, typed_by="classifier")
        self._score(m, pred, cat, True)
        return [m]


# -- explaining a decision ---------------------------------------------------------
@dataclass
class Explanation:
    """Why one mention got its type: the trigger, the rule's type, the classifier's view, the features."""

    trigger: str
    lemma: str
    sentence: str
    rule: str  # lexicon category key the trigger and its cues gave
    final: str  # category key after combining with the classifier
    typed_by: str
    plover: list[tuple[str, float]]
    acled: list[tuple[str, float]]
    features: list[tuple[str, float]]  # the features that weighed most for the final PLOVER type
    confidence: float | None

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def explain(text: str, pipeline=None) -> list[Explanation]:
    """Each event mention of a text as the pipeline types it, before roles are resolved (a clash whose victims
    are civilians becomes an attack later, in assemble), with the reasons for its type."""
    from . import events as events_stage
    from .api import get_pipeline

    pipe = pipeline or get_pipeline()
    clf = pipe.classifier or Classifier(pipe.lex)
    doc = pipe.nlp(text)
    mentions, dropped = events_stage.find_mentions(doc, pipe.lex)
    for sent in doc.sents:
        events_stage.refine_modes([m for m in mentions if m.sent.start == sent.start], pipe.lex)
    rules = {id(m): m.category.key for m in mentions}
    if mentions:
        vetoed = [m for m in mentions if clf.vetoed(m, clf.model.predict(mention_features(m, m.sent)))]
        kept = {id(m) for m in clf.apply(mentions)}
        for m in vetoed:  # shown, with why it is dropped
            m.prediction = clf.model.predict(mention_features(m, m.sent))
        rules.update({id(m): rules[id(m)] + " (dropped: the classifier reads no event)" for m in vetoed})
        mentions = [m for m in mentions if id(m) in kept or id(m) in {id(v) for v in vetoed}]
    else:
        mentions = [] if dropped else clf.propose(doc)  # as the pipeline: no proposal over a dropped trigger
        rules = {id(m): "(none: no trigger)" for m in mentions}
    out = []
    for m in mentions:
        pred: Prediction = m.prediction
        out.append(Explanation(trigger=m.text, lemma=m.rule.lemma, sentence=m.sent.text.strip(), rule=rules[id(m)],
                               final=m.category.key, typed_by=m.typed_by, plover=pred.top("plover"),
                               acled=pred.top("acled"),
                               features=clf.model.weights(pred.features, "plover", m.category.plover
                                                          if m.category.plover in clf.model.heads["plover"].classes
                                                          else NO_EVENT),
                               confidence=m.confidence))
    return out
