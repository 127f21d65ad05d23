"""An event's parties in their context: what the dictionary alone cannot say.

:mod:`sitrep.actors` answers "what does this mention name?". This module
answers the questions that need the article and the event:

- :func:`resolve` — a pronoun or "the group" stands for the actor named
  before it; a generic agent takes the country where the event is
  ("security forces" in a report about Kabul are Afghan).
- :func:`code_for_event` — ACLED codes some actors by what they do: those
  who demonstrate are protesters (6), those who riot or wreck are rioters
  (5), whoever they are; a party's members act as protesters or rioters with
  the party as associated actor; a government or leader that orders
  violence is coded as its military. An event whose parse names no
  initiator takes one from its sentences, else ACLED's default for an
  unnamed perpetrator.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span as DocSpan

from . import actors
from .actors import ActorInfo
from .lexicon import Category
from .record import Actor, Span
from .roles import Role

VERSION = "actor-context-2"

# Pronouns that stand for a group, for a person, and nouns that re-name a named group.
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "it", "its"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her"}
GROUP_NOUNS = {"group", "outfit", "organisation", "organization", "movement", "faction", "militia", "network"}
# How far back (in sentences) a pronoun or "the group" looks for what it stands for.
LOOKBACK_SENTENCES = 3
# How far after a protest (in sentences) the state force that met it is looked for.
FOLLOWING_SENTENCES = 2

# ACLED codes those who demonstrate as protesters (6) and those who riot as rioters (5), whoever they are.
CROWDS = {"protest": 6, "protest_intervention": 6, "labour_strike": 6, "hunger_strike": 6, "riot": 5, "mob": 5}
CROWD_KIND = {5: "rioters", 6: "protesters"}
CROWD_AGENT = {5: "rioters", 6: "protesters"}
# Coercion that, done by a party or a crowd rather than a state, is a form of protest (a blockade).
CIVIL_COERCION = {"repress"}
# Events in which a party's members act as its armed wing (a political militia, 3), not as rioters.
ARMED_PARTY = {"ied", "grenade", "suicide", "shelling", "air"}
# Events whose unnamed perpetrator ACLED codes as an unidentified armed group (3).
UNNAMED_ARMED = {"ied", "grenade", "suicide", "attack_civ", "abduction", "shelling", "sexual"}
NOT_GROUP_ENTS = {"GPE", "LOC", "PERSON", "DATE", "TIME", "FAC", "NORP"}
# Words that make a capitalised name the name of a group.
GROUP_NAME_WORDS = {"brigade", "brigades", "front", "army", "movement", "party", "league", "union", "association",
                    "committee", "council", "organisation", "organization", "force", "forces", "battalion", "group",
                    "sena", "dal", "tigers", "mujahideen", "jamaat", "lashkar", "harakat", "ansar", "jaish", "tehreek",
                    "tehrik", "militia", "federation", "forum", "alliance", "congress", "samiti", "sangh", "parishad"}
# Words that make a capitalised name the name of a thing or place, not of a group.
NOT_GROUP_WORDS = {"bill", "ordinance", "act", "law", "policy", "road", "highway", "street", "school", "college",
                   "university", "estate", "hospital", "system", "enclave", "jayanti", "festival", "day", "market",
                   "bazaar", "station", "airport", "stadium", "hotel", "temple", "mosque", "church", "bridge",
                   "base", "airbase", "embassy", "consulate", "rpg", "rpgs", "ied", "ieds", "humvee", "humvees", "apc", "apcs", "ak", "board", "court", "news",
                   "tv", "radio", "channel", "agency", "bank", "company", "ltd", "limited", "factory", "mill"}
PLACE_HEADS = {"station", "office", "post", "outpost", "camp", "base", "headquarters", "building", "house", "compound",
               "checkpoint", "barracks", "court", "premises", "area", "village", "district", "town", "city"}
MEMBER_HEADS = {"member", "activist", "supporter", "worker", "leader", "cadre", "militant", "fighter", "man", "men",
                "student", "youth", "group", "faction", "wing", "unit", "volunteer", "follower", "employee"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
NEGATIONS = {"no", "none", "nobody", "neither"}
# Words that say what kind of group an unknown name is.
REBEL_WORDS = {"liberation", "tigers", "mujahideen", "mujahidin", "insurgents", "insurgent", "rebels", "rebel",
               "separatists", "separatist", "guerrillas", "jihadist", "jihadists", "emirate", "caliphate"}
MILITIA_WORDS = {"militia", "militias", "militiamen", "brigade", "brigades", "battalion", "custodians", "guards",
                 "sena", "gunmen", "militants", "fighters", "armed", "force", "forces"}
PARTY_WORDS = {"party", "league", "congress", "dal", "morcha", "samaj", "alliance"}
CIVIL_WORDS = {"union", "unions", "association", "committee", "forum", "federation", "council", "samiti", "samity",
               "sangsad", "vedike", "parishad", "society", "workers", "employees", "teachers", "students",
               "traders", "chamber", "organisation", "organization", "sangathan", "manch", "coalition"}
# Heads of noun phrases that report rather than act ("Taliban sources said").
REPORTING_HEADS = {"source", "spokesman", "spokesperson", "statement", "report", "media", "agency", "news",
                   "channel", "website", "claim", "observatory", "monitor"}


# ---------------------------------------------------------------- resolution of one mention


def not_a_party(role: Role) -> bool:
    """Words in a role's place that name nobody: "no group" (has claimed it); a place as initiator ("the police
    station" read as the subject). A place as target stands for those in it ("an attack on a police post")."""
    words = role.text.strip().lower().split()
    if words and words[0] in NEGATIONS:
        return True
    return role.role == "initiator" and role.head.lemma_.lower() in PLACE_HEADS


def resolve(role: Role, country: str | None = None) -> ActorInfo | None:
    """What a role's words name, in context: pronouns and "the group" through what they stand for."""
    text = role.text.strip()
    low = text.lower()
    words = low.split()
    if low in GROUP_PRONOUNS or low in PERSON_PRONOUNS or (
            len(words) == 2 and words[0] in {"the", "this", "that"} and words[1] in GROUP_NOUNS):
        return antecedent(role.head.doc, role.start, low, country)
    called = _called(role.head)
    if called is not None:  # "a little-known group calling itself the Sons of Dawn"
        return actors.lookup(called, country=country) or unknown_group(called, country, f"{text} {called}")
    info = actors.lookup(text, country=country)
    head = role.head
    if info is not None and info.generic and head.pos_ == "PROPN" and head.text[:1].isupper() \
            and head.lower_ not in info.matched.lower().split() and _capitalised(role, info.matched):
        info = None  # "the Manipur Naga People's Front": a name with a common word inside, not "people"
    if info is None or (info.generic and info.inter in (2, 3, 7)):
        org = _org_in(role) or _group_name_in(role)
        if org is not None:
            info = actors.lookup(org, country=country) or unknown_group(org, country, text)
    return info


def _group_name_in(role: Role) -> str | None:
    """A capitalised name with a word for a group in it ("Fighters of the Jade Lantern Brigade")."""
    span = role.head.doc.char_span(role.start, role.end, alignment_mode="expand")
    run: list = []
    for tok in list(span or ()) + [None]:
        if tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_GROUP_ENTS:
            run.append(tok)
            continue
        words = {t.lower_ for t in run}
        if len(run) >= 2 and words & GROUP_NAME_WORDS and not words & NOT_GROUP_WORDS:
            return " ".join(t.text for t in run)
        run = []
    return None


def _capitalised(role: Role, matched: str) -> bool:
    """Are the words that matched written with capitals in the text, as inside a name?"""
    words = set(matched.lower().split())
    span = role.head.doc.char_span(role.start, role.end, alignment_mode="expand")
    toks = [t for t in span or () if actors.tokens(t.text) and actors.tokens(t.text)[0].lower() in words]
    return bool(toks) and all(t.text[:1].isupper() for t in toks)


def _bare(name: str) -> str:
    """A name without its article: "the Custodians of Blood" -> "Custodians of Blood"."""
    name = name.strip()
    while name.lower().startswith("the "):
        name = name[4:].strip()
    return name


def _called(head) -> str | None:
    """The name in "a group called X", "an outfit known as X", "(fighters of) a militia named X"."""
    nouns = [head] + [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"]
    for acl in (c for n in nouns for c in n.children):
        if acl.dep_ != "acl" or acl.lemma_.lower() not in {"call", "name", "know", "dub"}:
            continue
        for c in acl.children:
            if c.dep_ in {"oprd", "attr", "dobj", "xcomp"}:
                return _clip(c)
            if c.dep_ == "prep" and c.lower_ == "as":
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    return _clip(objs[0])
    return None


def _clip(tok) -> str:
    """The words a token heads, as written, without a leading article or trailing punctuation."""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    while lo < hi and doc[lo].lower_ in {"the", "a", "an"}:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return doc[lo:hi + 1].text


def _org_in(role: Role) -> str | None:
    """A named organisation inside a role's words that the dictionary does not know."""
    doc = role.head.doc
    head = role.head
    if head.ent_type_ != "ORG" and head.lemma_.lower() not in MEMBER_HEADS:
        return None  # "the Irbil base": a place or thing named after one, not a group
    for ent in doc.ents:
        if ent.label_ == "ORG" and role.start <= ent.start_char and ent.end_char <= role.end:
            name = _bare(ent.text)
            if set(name.lower().replace("-", " ").split()) & NOT_GROUP_WORDS:
                continue  # "the Land Acquisition Ordinance", "Jahangirnagar University", "RPG"
            if any(ch.isupper() for ch in name) and not any(w in REPORTING_HEADS for w in name.lower().split()):
                return name
    return None


def antecedent(doc: Doc, before: int, word: str, country: str | None = None) -> ActorInfo | None:
    """The nearest actor named before character ``before`` that ``word`` can stand for.

    "the group" stands for a named group (or an unknown named organisation);
    "they"/"their" for any actor but a person; "he"/"she" for a named person.
    Only the last few sentences are searched.
    """
    try:
        starts = [s.start_char for s in doc.sents if s.start_char <= before]
    except ValueError:  # no sentence boundaries
        starts = []
    lo = starts[max(0, len(starts) - LOOKBACK_SENTENCES)] if starts else 0
    candidates = _mentions(doc, lo, before)
    if word in GROUP_PRONOUNS | PERSON_PRONOUNS:  # "they" most often stands for a subject named before
        candidates = [c for c in candidates if c.root.dep_ not in SUBJECT_DEPS] + \
                     [c for c in candidates if c.root.dep_ in SUBJECT_DEPS]
    for span in reversed(candidates):
        info = actors.lookup(span.text)
        if word in PERSON_PRONOUNS:
            if info is not None and info.person:
                return info
            continue
        group_noun = word.split()[-1] in GROUP_NOUNS
        if info is None:
            if group_noun and span.label_ == "ORG":
                return unknown_group(_bare(span.text), country)  # "a group called X ... the group"
            continue
        if info.person or (group_noun and (info.generic or info.inter == 7)):
            continue
        return info
    return None


def _mentions(doc: Doc, lo: int, hi: int) -> list[DocSpan]:
    """Named entities and noun chunks between two character offsets, in text order."""
    spans = [e for e in doc.ents if lo <= e.start_char and e.end_char <= hi]
    try:
        spans += [c for c in doc.noun_chunks if lo <= c.start_char and c.end_char <= hi]
    except ValueError:  # no parse
        pass
    return sorted(spans, key=lambda s: (s.end_char, s.start_char))


def unknown_group(name: str, country: str | None, description: str | None = None) -> ActorInfo:
    """A named group the dictionary lacks: still a group, with its kind and country read from how the
    report describes it ("a vague group called X", "X militants", "the X Workers' Union")."""
    words = set(actors.tokens((description or "") + " " + name.lower()))
    words = {w.lower() for w in words}
    kind, party = "political militia", False
    if words & REBEL_WORDS:
        kind = "rebel"
    elif words & PARTY_WORDS:
        party = True
    elif words & CIVIL_WORDS and not words & MILITIA_WORDS:
        kind = "civilians"
    home = actors.country_of(description or name)
    return ActorInfo(name=name, country=home.iso3 if home else country, kind=kind, inter=actors.KIND_INTER[kind],
                     matched=name, key=None, party=party)


# ---------------------------------------------------------------- coding by what the event is


def code_for_event(cat: Category, parties: list[Actor], sentences: list[DocSpan], trigger: Span, trigger_text: str,
                   country: str | None) -> list[Actor]:
    """The parties of one event, coded as ACLED codes them for an event of this category."""
    out = [_recode(cat, a, country) if a.role == "initiator" else a for a in parties]
    if cat.key in CROWDS:  # the police at a protest intervene: they are its target, never its crowd
        out = [a.model_copy(update={"role": "target"}) if a.role == "initiator" and a.inter in (1, 8) else a
               for a in out]
        out.sort(key=lambda a: a.role != "initiator")
        crowd = next((a for a in out if a.role == "target" and a.inter == CROWDS[cat.key]), None)
        if crowd is not None and not any(a.role == "initiator" for a in out):
            # "police arrested 30 protesters": the protesters are the protest's crowd, the police its target
            out = [crowd.model_copy(update={"role": "initiator"})] + [a for a in out if a is not crowd]
    if not any(a.role == "initiator" for a in out):
        out = _fill_initiator(cat, out, sentences, trigger, trigger_text, country)
    if not any(a.role == "target" for a in out):
        out = _fill_target(cat, out, sentences, country)
    return _identity_crowds(cat, out, sentences, country)


def _fill_target(cat: Category, parties: list[Actor], sentences: list[DocSpan], country: str | None) -> list[Actor]:
    """An event whose parse names no target: the state forces who met a protest or riot ("the protesters were
    baton-charged by police"), or whoever a violent event's sentences name as hurt or met besides its initiator
    ("a bomb went off in the market, injuring five people")."""
    crowd = cat.key in CROWDS or cat.key == "protest_force"
    if not (crowd or cat.is_violent):
        return parties
    taken = [(a.evidence.start, a.evidence.end) for a in parties]
    names = {a.name for a in parties if a.name}
    if crowd and sentences:  # the police who met a protest are often told of in the sentences after it
        last = max(s.end_char for s in sentences)
        after = [s for s in sentences[0].doc.sents if s.start_char >= last][:FOLLOWING_SENTENCES]
        sentences = [*sentences, *after]
    for sent in sentences:
        for chunk in _mentions(sent.doc, sent.start_char, sent.end_char):
            if any(s < chunk.end_char and chunk.start_char < e for s, e in taken):
                continue
            if chunk.root.lemma_.lower() in REPORTING_HEADS or _after_according(chunk) or _reports(chunk):
                continue
            if chunk.label_ == "GPE" or chunk.root.ent_type_ == "GPE":
                continue
            info = actors.lookup(chunk.text, country=country)
            if info is None or info.person or info.name in names:
                continue
            if crowd and not (info.kind == "state" and info.key in ("police", "military")):
                continue  # a protest's other side is the state force that met it
            if not crowd and info.inter not in (1, 2, 3, 4, 7):
                continue
            inter = 8 if info.kind == "state" and country and info.country and info.country != country else info.inter
            found = Actor(role="target", text=chunk.text, name=info.name, country=info.country, kind=info.kind,
                          inter=inter, evidence=Span(start=chunk.start_char, end=chunk.end_char))
            return [*parties, found]
    return parties


def _reports(chunk: DocSpan) -> bool:
    """"police said": the subject of a reporting verb tells of the event, it is not a party to it."""
    root = chunk.root
    return root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in {"say", "tell", "report", "confirm", "add",
                                                                      "claim", "state", "note", "quote", "allege"}


@lru_cache(maxsize=1)
def _context_cues() -> dict[str, re.Pattern]:
    """The cue lists of ``actors.yaml``'s ``context`` section, each as one whole-word pattern."""
    raw = actors._read_yaml("actors.yaml").get("context") or {}
    return {k: re.compile(r"\b(?:" + "|".join(re.escape(str(w).lower()) for w in v) + r")\b") for k, v in raw.items()}


def _identity_crowds(cat: Category, parties: list[Actor], sentences: list[DocSpan], country: str | None) -> list[Actor]:
    """Unnamed crowds ACLED codes as identity militias (4): villagers who fight over land or a feud are
    communal militias, on both sides of the clash; a crowd that beats or kills suspected thieves is a
    vigilante group."""
    if not (cat.is_violent or cat.key in ("riot", "mob")):
        return parties
    lead = next((a for a in parties if a.role == "initiator"), None)
    if lead is None or lead.associated or lead.inter not in (3, 5, 7):
        return parties
    entry = actors.entry_named(lead.name) if lead.name else None
    if entry is not None and not entry.generic:
        return parties  # a named group keeps its own code
    cues = _context_cues()
    victims = " ".join(a.text.lower() for a in parties if a.role == "target")
    if lead.inter in (5, 7) and cues["vigilante_targets"].search(victims):
        return [_as_identity(a, "vigilantes", country) if a is lead else a for a in parties]
    text = " ".join(s.text.lower() for s in sentences)
    if cues["communal_disputes"].search(text):
        both = cat.key in ("clash", "riot", "mob")  # a fight between two sides: both are communal militias
        return [_as_identity(a, "communal_militia", country)
                if a is lead or (both and a.role == "target" and a.inter in (5, 7) and not a.associated) else a
                for a in parties]
    return parties


def _as_identity(a: Actor, key: str, country: str | None) -> Actor:
    home = a.country or country
    return a.model_copy(update={"inter": 4, "kind": "identity militia", "country": home, "name": _named(key, home)})


def _named(kind_key: str, country: str | None) -> str:
    entry = actors.load().agent_by_key[kind_key]
    return entry.named(actors.get_country(country) if country else None)


def _crowd(a: Actor, inter: int, country: str | None, assoc: list[str] | None) -> Actor:
    home = a.country if a.kind not in (None, "state", "external") and a.country else country
    return a.model_copy(update={"inter": inter, "kind": CROWD_KIND[inter], "country": home,
                                "name": _named(CROWD_AGENT[inter], home), "associated": assoc or None})


def _recode(cat: Category, a: Actor, country: str | None) -> Actor:
    """One initiator coded for its event: crowds, party members, civilians who attack, leaders who order."""
    entry = actors.entry_named(a.name) if a.name else None
    party = entry is not None and entry.party
    named = a.name is not None and (entry is None or not (entry.generic or entry.person))
    assoc = [a.name] if named and a.inter != 1 else None  # the group or party the crowd acts for
    crowd = CROWDS.get(cat.key)
    if crowd is not None:
        if a.inter in (None, 2, 3, 4, 5, 6, 7):
            return _crowd(a, crowd, country, assoc)
        return a
    if cat.key in CIVIL_COERCION and (party or a.inter in (5, 6, 7)):
        return _crowd(a, 6, country, assoc)  # a blockade a party enforces is a protest (PLOVER: by non-state actors)
    if cat.key == "protest_force" and a.inter in (None, 2, 3, 4, 5, 7):
        return _crowd(a, 6, country, assoc)  # the protesters of a protest met with force
    wrecks = cat.key == "destroy"
    if cat.is_violent or wrecks:
        if party and cat.key in ARMED_PARTY:
            return a  # a party's bombs or guns: its armed wing, a political militia
        if party or a.inter in (6, 7):
            return _crowd(a, 5, country, assoc)  # civilians and party members who attack or wreck riot
        if wrecks and entry is not None and entry.key == "unidentified":
            return _crowd(a, 5, country, None)  # unnamed people who burn and vandalise
        if cat.is_violent and a.kind == "state" and entry is not None and (entry.person or entry.key == "government"):
            home = a.country
            return a.model_copy(update={"name": _named("military", home) if home else a.name})
    return a


def _fill_initiator(cat: Category, parties: list[Actor], sentences: list[DocSpan], trigger: Span,
                    trigger_text: str, country: str | None) -> list[Actor]:
    """An event whose parse names no initiator: one named in its sentences, else ACLED's default."""
    crowd = CROWDS.get(cat.key)
    if crowd is not None:
        lead = Actor(role="initiator", text=trigger_text, name=_named(CROWD_AGENT[crowd], country),
                     country=country, kind=CROWD_KIND[crowd], inter=crowd, evidence=trigger)
        return [lead, *parties]
    if not (cat.is_violent or cat.key == "destroy"):
        return parties
    found = _named_in(sentences, parties, country)
    if found is not None:
        return [_recode(cat, found, country), *parties]
    if cat.key in ("clash", "attack_civ"):  # "workers were hurt in a clash with police": the workers are the other side
        # in an attack on civilians, only a crowd named as such ("blockade supporters"): other civilians are victims
        found = _named_in(sentences, parties, country, crowds=(5, 6, 7) if cat.key == "clash" else (5, 6))
        if found is not None:
            return [_recode(cat, found, country), *parties]
    targets = [a for a in parties if a.role == "target" and a.inter not in (None, 7)]
    if cat.key == "clash" and len(targets) >= 2:
        other = targets[-1]  # "X were killed in clashes with Y": Y is the side the report names as opponent
        rest = [a for a in parties if a is not other]
        return [other.model_copy(update={"role": "initiator"}), *rest]
    if cat.key in UNNAMED_ARMED:
        lead = Actor(role="initiator", text=trigger_text, name=_named("unidentified", country), country=country,
                     kind="political militia", inter=3, evidence=trigger)
        return [lead, *parties]
    if cat.key == "destroy":
        lead = Actor(role="initiator", text=trigger_text, name=_named("rioters", country), country=country,
                     kind="rioters", inter=5, evidence=trigger)
        return [lead, *parties]
    return parties


def _named_in(sentences: list[DocSpan], parties: list[Actor], country: str | None,
              crowds: tuple[int, ...] = ()) -> Actor | None:
    """The first armed or state actor an event's sentences name outside its targets ("a Taliban-planted IED");
    with ``crowds``, those codes of civilians (7), protesters (6) and rioters (5) too (the other side of a clash)."""
    taken = [(a.evidence.start, a.evidence.end) for a in parties]
    best: tuple[int, Actor] | None = None
    for sent in sentences:
        for chunk in _mentions(sent.doc, sent.start_char, sent.end_char):
            if any(s < chunk.end_char and chunk.start_char < e for s, e in taken):
                continue
            if chunk.root.lemma_.lower() in REPORTING_HEADS or _after_according(chunk):
                continue
            if chunk.label_ == "GPE" or chunk.root.ent_type_ == "GPE":
                continue  # a country or town named alone says where, not who
            info = actors.lookup(chunk.text, country=country)
            if info is None or (info.inter in (5, 6, 7) and info.inter not in crowds) or info.person \
                    or info.key == "government":
                continue
            if info.generic and info.inter not in (5, 6, 7) and actors.lookup(chunk.text).country is None:
                continue  # "the country's fighter jets": a generic force needs its own nationality to be the actor
            rank = 0 if info.matched[:1].isupper() else 1
            a = Actor(role="initiator", text=chunk.text, name=info.name, country=info.country, kind=info.kind,
                      inter=8 if info.kind == "state" and country and info.country and info.country != country
                      else info.inter,
                      evidence=Span(start=chunk.start_char, end=chunk.end_char))
            if best is None or rank < best[0]:
                best = (rank, a)
    return best[1] if best else None


def _after_according(chunk: DocSpan) -> bool:
    """"according to Taliban sources": a claimant, not a party."""
    doc = chunk.doc
    i = chunk.start
    return i >= 2 and doc[i - 1].lower_ == "to" and doc[i - 2].lower_ == "according"


# ---------------------------------------------------------------- unknown actors


def is_unknown(actor: Actor) -> bool:
    """A named actor the dictionary does not hold (its name is its own words, not a dictionary name)."""
    return bool(actor.name) and actors.entry_named(actor.name) is None and actors.lookup(actor.name) is None


def unknown_actors(documents) -> list[dict]:
    """Named actors found in documents that the dictionary lacks, most frequent first.

    Each: ``{name, kind, inter, country, count, example}`` where ``example`` is
    the words of one mention; ready to be written into a user actor file.
    """
    seen: dict[str, dict] = {}
    for doc in documents:
        for ev in doc.events:
            for a in ev.actors:
                names = [a.name] + list(a.associated or [])
                for i, name in enumerate(names):
                    probe = a if i == 0 else a.model_copy(update={"name": name})
                    if not is_unknown(probe):
                        continue
                    row = seen.setdefault(name, {"name": name, "kind": a.kind if i == 0 else None,
                                                 "inter": a.inter if i == 0 else None, "country": a.country,
                                                 "count": 0, "example": a.text})
                    row["count"] += 1
    return sorted(seen.values(), key=lambda r: (-r["count"], r["name"]))
