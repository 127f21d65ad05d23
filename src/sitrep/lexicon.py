"""Loader of the event lexicon (data/events.yaml): triggers, categories, cues."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from .errors import DataError


@dataclass(frozen=True)
class Category:
    key: str
    plover: str
    mode: str | None
    acled: tuple[str, str] | None
    cameo: str | None

    @property
    def is_violent(self) -> bool:
        return self.plover == "ASSAULT"


@dataclass(frozen=True)
class Sense:
    cues: frozenset[str]
    category: str


@dataclass(frozen=True)
class TriggerRule:
    lemma: str
    category: str
    pos: str = "ANY"
    weak: bool = False
    needs_actor: bool = False
    needs: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    senses: tuple[Sense, ...] = ()


@dataclass(frozen=True)
class ModeRule:
    category: str
    cues: tuple[str, ...]


@dataclass
class Lexicon:
    categories: dict[str, Category]
    triggers: dict[str, TriggerRule]
    multiword: dict[str, list[TriggerRule]]  # first word -> rules of multi-word lemmas
    modes: list[ModeRule]
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    summaries: dict[str, str] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # headline word forms the tagger misreads -> lemma

    def category(self, key: str) -> Category:
        return self.categories[key]

    def word_set(self, name: str) -> frozenset[str]:
        return self.words[name]


def _category(key: str, spec: dict) -> Category:
    acled = spec.get("acled")
    return Category(
        key=key,
        plover=spec["plover"],
        mode=spec.get("mode"),
        acled=tuple(acled) if acled else None,
        cameo=spec.get("cameo"),
    )


def _trigger(key: str, spec: dict) -> TriggerRule:
    return TriggerRule(
        lemma=spec.get("lemma", key),
        category=spec["category"],
        pos=spec.get("pos", "ANY"),
        weak=bool(spec.get("weak", False)),
        needs_actor=bool(spec.get("needs_actor", False)),
        needs=frozenset(spec.get("needs", ())),
        unless=frozenset(spec.get("unless", ())),
        senses=tuple(Sense(frozenset(s["with"]), s["category"]) for s in spec.get("senses", ())),
    )


def parse(data: dict) -> Lexicon:
    """Build a Lexicon from the parsed YAML, checking every reference."""
    try:
        categories = {k: _category(k, v) for k, v in data["categories"].items()}
        rules = [_trigger(k, v) for k, v in data["triggers"].items()]
        modes = [ModeRule(m["category"], tuple(c.lower() for c in m["cues"])) for m in data["modes"]]
    except (KeyError, TypeError) as exc:
        raise DataError(f"event lexicon is malformed: missing {exc}", hint="see the header of data/events.yaml") from exc
    for rule in rules:
        for key in [rule.category, *(s.category for s in rule.senses)]:
            if key not in categories:
                raise DataError(f"trigger {rule.lemma!r} names unknown category {key!r}")
    for mode in modes:
        if mode.category not in categories:
            raise DataError(f"mode rule names unknown category {mode.category!r}")
    single: dict[str, TriggerRule] = {}
    for r in rules:  # a second rule for a lemma is kept under "lemma/POS" ("march" the noun and the verb)
        if " " not in r.lemma:
            single[r.lemma if r.lemma not in single else f"{r.lemma}/{r.pos}"] = r
    multi: dict[str, list[TriggerRule]] = {}
    for r in rules:
        if " " in r.lemma:
            multi.setdefault(r.lemma.split()[0], []).append(r)
    for first in multi:  # longest phrases first
        multi[first].sort(key=lambda r: -len(r.lemma.split()))
    word_lists = ("victims", "armed", "protest_intervention", "protest_force", "protest_riot", "reporting",
                  "irrealis_heads", "modals", "irrealis_modifiers", "irrealis_nouns", "reporters", "weapons",
                  "intent_modals", "intent_heads", "intent_verbs", "withdrawn_help", "attempt_heads", "event_heads", "headline_people",
                  "other_incident_marks", "other_incident_nouns", "roundup_marks", "other_incident_words", "other_incident_lapses", "other_incident_turns",
                  "near_town_nouns", "near_town_marks", "called_protests", "calling_verbs", "crowd_nouns")
    words = {name: frozenset(str(w).lower() for w in data.get(name, ())) for name in word_lists}
    forms = {str(k).lower(): str(v).lower() for k, v in (data.get("headline_forms") or {}).items()}
    for form, lemma in forms.items():
        if lemma not in single:
            raise DataError(f"headline form {form!r} names {lemma!r}, which is no trigger")
    return Lexicon(categories, single, multi, modes, words, dict(data.get("summaries", {})), forms)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The packaged event lexicon, parsed once per process."""
    text = resources.files("sitrep").joinpath("data/events.yaml").read_text(encoding="utf-8")
    return parse(yaml.safe_load(text))
