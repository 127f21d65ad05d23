"""From mentions to event records: merge mentions of one event, attach roles,
place, date and counts, order events by salience and write the records."""
from __future__ import annotations

import hashlib
import math
import re
from datetime import date
from dataclasses import dataclass, field

from spacy.tokens import Doc

from . import actor_context, actors, gazetteer
from .article import Article
from .counts import CountMention, summarise
from .dates import vocabulary as dates_vocabulary
from .events import Mention, refine_modes
from .lexicon import Lexicon
from .places import PlaceMention, country_name, led_by_locative
from .record import Acled, Actor, Claim, Event, EventDate, Location, Span, Time, Trigger
from .roles import Role, facility_users, mention_roles, PRONOUNS
from .tolls import attach_counts, injured_from_shot, share_tolls, tally
from .nlp import text_of



@dataclass
class Cluster:
    """One event: the mentions that report it and what they say of it."""

    mentions: list[Mention]
    where: Where = field(default_factory=lambda: Where())
    roles: list[Role] = field(default_factory=list)
    claims: dict[str, list[Claim]] = field(default_factory=dict)

    @property
    def first(self) -> Mention:
        return min(self.mentions, key=lambda m: m.start)

    @property
    def lead(self) -> Mention:
        """The mention that types the event: strong, violent and specific first, then the earliest."""
        return min(self.mentions, key=_lead_key)

    @property
    def strong(self) -> bool:
        return any(not m.weak for m in self.mentions)


def depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


PEOPLE_WORDS = {"people", "person", "leader", "official", "minister", "president", "government", "army", "force",
                "group", "party", "delegation", "side", "country", "state", "nation", "militant", "rebel", "police",
                "soldier", "troops", "member", "supporter", "protester", "demonstrator", "activist", "resident",
                "villager", "civilian", "journalist", "opposition", "administration", "authority", "ministry",
                "envoy", "ambassador", "counterpart", "commander", "militia", "insurgent", "man", "woman"}
NOT_LOCATIVE = {"against", "with", "by", "for", "toward", "towards", "than", "like"}
FACILITY_WORDS = {"base", "airbase", "airport", "embassy", "camp", "checkpoint", "compound", "barracks", "outpost",
                  "consulate", "prison", "headquarters", "garrison"}


def _facility(r: Role) -> bool:
    """A target that is a named facility: "Balad Air Base", "the U.S. Embassy"."""
    return r.head.lemma_.lower() in FACILITY_WORDS and any(
        t.pos_ == "PROPN" and t.lower_ not in GENERIC_SITE_WORDS for t in r.head.subtree if t.i < r.head.i)


def _facility_place(r: Role) -> PlaceMention:
    """A named facility as the event's place; a demonym in its name gives the country ("Iraqi Balad Air Base")."""
    doc = r.head.doc
    span = doc.char_span(r.start, r.end, alignment_mode="expand")
    country = None
    start = r.start
    for t in span:
        if t.i < r.head.i and country_name(t.text):
            country = country or actors.country_of(t.text)
            if t.i == span.start and t.i + 1 < span.end:
                start = doc[t.i + 1].idx
    while text_of(doc)[start:r.end].lower().startswith(("the ", "a ")):
        start += text_of(doc)[start:r.end].index(" ") + 1
    return PlaceMention(start, r.end, text_of(doc)[start:r.end], r.head, "FAC", None,
                        hint=country.iso3 if country else None)


# Words of a facility's name that do not tell one site from another ("Balad Air Base" vs "Irbil base").
GENERIC_SITE_WORDS = {"air", "base", "airport", "airbase", "embassy", "camp", "checkpoint", "city", "province",
                      "district", "village", "town", "hospital", "school", "compound", "market", "mosque",
                      "station", "post", "international", "north", "south", "east", "west", "central"}


@dataclass
class Where:
    """What a mention or group says of where it happened: site names and a country."""

    sites: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    hinted: set[str] = field(default_factory=set)  # a demonym on the mention: "the East Syrian bombing"
    towns: set[str] = field(default_factory=set)  # the sites that name a town, not a street or park in one

    def add(self, other: "Where") -> None:
        self.sites |= other.sites
        self.countries |= other.countries
        self.hinted |= other.hinted
        self.towns |= other.towns

    def copy(self) -> "Where":
        return Where(set(self.sites), set(self.countries), set(self.hinted), set(self.towns))

    def conflicts(self, other: "Where") -> bool:
        """Another country, or another town. A street, park or estate ("Kelly's Ferry Road", "Douglass
        Park") may lie in the town named beside it, so only towns exclude each other."""
        if self.countries and other.countries and not self.countries & other.countries:
            return True
        return bool(self.towns and other.towns and not self.towns & other.towns)

    def overlap(self, other: "Where") -> int:
        mine, theirs = self.countries | self.hinted, other.countries | other.hinted
        return 2 * len(self.sites & other.sites) + len(mine & theirs)


SITE_ENTS = {"GPE", "LOC", "FAC", "ORG"}


# Words that make a name a place inside a town: a street, a park, a housing estate.
LOCAL_SITE_WORDS = {"street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "boulevard", "blvd", "court",
                    "place", "way", "highway", "park", "gardens", "garden", "valley", "heights", "homes", "apartments",
                    "square", "plaza", "mall", "center", "centre", "club", "bar", "lounge", "motel", "hotel", "inn"}


def _site_words(tokens) -> tuple[set[str], set[str]]:
    """Proper-noun words of place and facility names ("Irbil", "Balad"), without country names; and those
    of them that name a town the gazetteer knows (not a street, park or estate named after one)."""
    out, towns = set(), set()
    for t in tokens:
        if t.pos_ != "PROPN" or t.ent_type_ not in SITE_ENTS or t.lower_ in GENERIC_SITE_WORDS:
            continue
        if actors.country_of(t.text) is not None:
            continue
        ent = _entity_of(t)
        if ent is not None and country_name(ent.text):
            continue
        out.add(t.lower_)
        if len(t.text) > 2 and not any(w.lower_.strip(".") in LOCAL_SITE_WORDS for w in (ent if ent is not None else [t])) \
                and any(e.kind == "city" for e in gazetteer.default().candidates(t.text)):
            towns.add(t.lower_)
    return out, towns


def _entity_of(t):
    """The named entity a token belongs to, found from its IOB tags (no scan over all entities)."""
    if not t.ent_type_:
        return None
    doc, lo, hi = t.doc, t.i, t.i + 1
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return doc[lo:hi]


def where_of(m: Mention, roles: list[Role], places: list[PlaceMention]) -> Where:
    """Sites named in the mention's own phrase and its targets, and places the parse links to it; failing
    a linked country, a demonym that qualifies the mention ("the East Syrian bombing")."""
    w = Where()
    own = [c for c in m.head.children if c.dep_ in {"compound", "amod", "nmod", "poss"}]
    toks = [t for c in own for t in c.subtree if t.ent_type_ != "ORG"]
    doc = m.head.doc
    for r in roles:
        if r.role == "target":
            toks.extend(doc.char_span(r.start, r.end, alignment_mode="expand") or [])
    for p in _linked_places(m, places):
        if p.country is not None and not p.attributive:
            w.countries.add(p.country.iso3)
        elif p.country is None:
            toks.extend(doc.char_span(p.start, p.end, alignment_mode="expand") or [])
    w.sites, w.towns = _site_words(toks)
    for t in own:
        if t.ent_type_ == "NORP" or t.pos_ in {"ADJ", "PROPN"}:
            country = actors.country_of(t.text)
            if country is not None and country_name(t.text):
                w.hinted.add(country.iso3)
    return w


def _locative(p: PlaceMention) -> bool:
    """Is the name used as a place here, not as a party ("Iran denied", "attacks against the United States")?"""
    dep = p.root.dep_
    if dep in {"nsubj", "nsubjpass", "dobj", "dative", "agent", "attr"}:
        return False
    return not (dep == "pobj" and p.root.head.lower_ in NOT_LOCATIVE)


def _linked_places(m: Mention, places: list[PlaceMention]) -> list[PlaceMention]:
    """Places in the mention's sentence whose parse path passes through the mention."""
    sent = m.sent
    return [p for p in places if sent.start_char <= p.start < sent.end_char
            and _locative(p)
            and (m.head.i in {a.i for a in p.root.ancestors} or p.root.i == m.head.i)]


def _town_in_context(c: Cluster, places: list[PlaceMention], site: PlaceMention | None) -> PlaceMention | None:
    """The resolved place that says where an unresolved site is, or where the event is when its own sentences
    name no place: a town before a province or country; one in the same sentence, then the story's dateline,
    then the nearest. A street is in the town named beside it; a local report names its town in the dateline
    or the lede."""
    if site is not None:
        sent = site.root.sent
        anchors = [(site.start, sent.start_char, sent.end_char)]
    else:
        told = [m for m in c.mentions if not m.background] or c.mentions
        anchors = [(m.start, m.sent.start_char, m.sent.end_char) for m in told]
    # The report's own country: the one its resolved places name most. A town of another country named
    # once ("a Mercedes van") says nothing of where a street is.
    tally: dict[str, int] = {}
    for p in places:
        if p.resolved and p.iso3 and not _weak(p) and not p.attributive:
            tally[p.iso3] = tally.get(p.iso3, 0) + 1
    home = max(tally, key=tally.get) if tally else None
    best, best_key = None, None
    for p in places:
        if not p.resolved or p is site or _weak(p) or _abbreviation(p.text):
            continue  # "Md." before a name is no Maryland; a state's abbreviation only qualifies a town
        if p.attributive and not (p.label == "ORG" and (home is None or p.iso3 == home)):
            continue  # a town that opens an organisation's name ("Carbondale Police") tells a local story's town
        if home is not None and p.iso3 != home and tally[home] > tally.get(p.iso3, 0):
            continue
        same = any(a <= p.start < b for _, a, b in anchors)
        tier = 3 if p.attributive else 0 if same else 1 if p.dateline else 2
        key = (p.precision or 4, tier, min(abs(p.start - x) for x, _, _ in anchors))
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best


# How far an arrest made at a protest falls behind that protest in the salience order (ACLED codes the
# protest, "with intervention"; the arrest stays as its own event after it).
ARREST_AT_PROTEST = 4.0
# How far an event told inside another event's clause falls behind it ("Serbia lifted the curfew in the province
# where 28 were killed in riots", "Italy suspended air links a day after a jet shot down a helicopter"): the
# governing event is the sentence's news, the other its setting.
SUBORDINATE = 3.0
# (a clause marked otherwise, "as they marched", "while ...", tells the same scene)
SETTING_MARKS = {"after", "since", "before", "following"}
PEER_DEPS = {"conj", "nsubj", "nsubjpass", "csubj", "agent"}
# Events that follow the one they govern rather than frame it: "police arrested a man in the fatal shooting"
# reports the shooting's aftermath, and the shooting stays the news.
AFTERMATH_KEYS = {"arrest"}


def told_within(m: Mention, governors: set[int]) -> bool:
    """Is the mention told inside the clause of another event of its sentence (whose head tokens are
    ``governors``): under that event's word in the parse, or in a clause that sets the scene ("after ...",
    "since ...")? Coordinated events ("abducted and killed") are peers, and the subject of an event is part of it
    ("two IEDs destroyed the vehicles"), not its setting."""
    if not governors:
        return False
    node = m.head
    while node.head.i != node.i:
        if node.dep_ in PEER_DEPS:
            return False
        marks = [c.lower_ for c in node.children if c.dep_ == "mark"] if node.dep_ == "advcl" else []
        if marks:  # "after the clashes ..." sets the scene; "as they marched ..." is the same scene
            return any(w in SETTING_MARKS for w in marks)
        node = node.head
        if node.i in governors:
            return True
    return False


def _weak(p: PlaceMention) -> bool:
    """A name taken only because the gazetteer knows it, with no locative before it ("In Feni" is a place)."""
    return p.label == "GAZ" and not led_by_locative(p)


def _abbreviation(text: str) -> bool:
    return len(text) <= 5 and text.endswith(".")


def _location_of(said: PlaceMention, at: PlaceMention, precision: int, note: str) -> Location:
    """A location named as ``said`` in the text whose point is that of ``at``."""
    e = at.entry
    return Location(text=said.text, name=at.name, country=at.iso3, admin1=e.admin1 if e else None,
                    lat=at.lat, lon=at.lon, geonames_id=e.geonames_id if e else None, precision=precision,
                    note=note, evidence=Span(start=said.start, end=said.end))


def _actor_like(r: Role) -> bool:
    """A party to an event: a named entity or a word for people or organisations."""
    if r.head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    return r.head.lemma_.lower() in PEOPLE_WORDS


def _rank(a: Actor) -> int:
    """Order of initiators: named armed groups, then generic armed agents, then states and others known, then
    the unknown; a country in the possessive ("Iraq's attacks") last, as it often names where rather than who."""
    if a.inter in (2, 3, 4):
        entry = actors.entry_named(a.name) if a.name else None
        return 0 if entry is not None and not entry.generic else 1
    if a.inter is not None and a.text.lower() != (a.country or "").lower() and not a.text.endswith("'s"):
        return 2
    return 3 if a.inter is not None else 4


def _time_linked(m: Mention, t: Time) -> bool:
    """Does the date expression hang on the mention ("the attack on Monday", "attacked on Monday")?"""
    span = m.head.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    heads = {m.head.i}
    if m.head.pos_ not in {"VERB", "AUX"}:
        verb = m.head.head
        if verb.pos_ in {"VERB", "AUX"} and m.head.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            heads.add(verb.i)
    return any(a.i in heads for a in span.root.ancestors) or span.root.i in heads


# Countries whose local news a state (province) and its towns place: a bare town of another state there is
# more likely a street, park or person of that name than the town.
REGIONAL_COUNTRIES = {"USA"}
# A town at least this big is itself when named bare, even in a story filed from another state.
HOME_TOWN_MAX = 100_000


def _home_region(places: list[PlaceMention]) -> dict[str, set[tuple[str, str]]]:
    """The states a local story says it lies in, by country: those of its dateline, of the states and counties
    it names, and of the towns it qualifies with their state ("Arlington, Texas")."""
    home: dict[str, set[tuple[str, str]]] = {}
    for p in places:
        e = p.entry
        if e is None or e.country not in REGIONAL_COUNTRIES or p.attributive or not e.admin1:
            continue
        if p.dateline or e.kind in ("admin1", "admin2") or p.within is not None:
            home.setdefault(e.country, set()).add((e.country, e.admin1))
    return home


def _told_date(doc: Doc, t: Time) -> bool:
    """Does the date tell when the story was told or followed up rather than when its event happened: a web
    page's stamp ("Posted: Tuesday, May 5"), or a date hanging on a telling verb ("police said Thursday",
    "officials Wednesday identified the victim", "arrested him Sunday")?"""
    vocab = dates_vocabulary()
    before = text_of(doc)[max(0, t.start - 24):t.start].lower()
    if re.search(r"\b(?:" + "|".join(re.escape(w) for w in vocab.page_stamps) + r")\s*:?\s*(?:on\s+)?$", before):
        return True
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.lemma_.lower() in vocab.telling_verbs
        if node.pos_ not in ("ADP",):
            return False
    return False


def _syntactic_home(m: Mention, groups: list[list[Mention]]) -> list[Mention] | None:
    """The group of a mention that is this verb's subject, agent or "in" phrase ("the strike killed 5")."""
    if m.head.pos_ not in {"VERB", "AUX"}:
        return None
    linked = [c for c in m.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for p in m.head.children:
        if p.dep_ in {"agent", "prep"} and p.lower_ in {"by", "in", "during", "from"}:
            linked.extend(c for c in p.children if c.dep_ == "pobj")
    ids = {t.i for t in linked}
    for g in groups:
        if any(o.head.i in ids for o in g) and g[0].category.plover in {m.category.plover, "ASSAULT"}:
            return g
    return None


def _compatible(a: Mention, b: Mention) -> bool:
    if a.category.plover != b.category.plover:
        return False
    if a.category.key == b.category.key:
        return True
    return not (a.specific and b.specific)


def _word(m: Mention) -> str:
    """The trigger's head word without an "air" prefix: "airstrikes" and "strikes" tell of one thing."""
    w = m.head.lemma_.lower()
    return w[3:] if w.startswith("air") and len(w) > 5 else w


def _same_word(m: Mention, c: "Cluster") -> bool:
    return any(_word(o) == _word(m) for o in c.mentions)


def _lead_key(m: Mention):
    """The mention that types an event: strong before weak, violent before its outcomes, specific first."""
    return (m.weak, not m.category.is_violent, not m.specific, m.start)


class Assembler:
    """Builds the event records of one article."""

    def __init__(self, lex: Lexicon, pipeline_id: str, classifier=None):
        self.lex = lex
        self.pipeline_id = pipeline_id
        self.classifier = classifier  # classify.Classifier: types each mention with the rules, gives confidence

    def events(self, doc: Doc, article: Article, mentions: list[Mention], places: list[PlaceMention],
               times: list[Time], counts: list[CountMention]) -> list[Event]:
        by_sent: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sent.setdefault(m.sent.start, []).append(m)
        for sent_mentions in by_sent.values():
            refine_modes(sent_mentions, self.lex)
            # Background ("after an ambush") only where the sentence tells another event as its news.
            has_main = any(not m.antecedent and not m.weak for m in sent_mentions)
            for m in sent_mentions:
                m.background = has_main and m.antecedent
        if self.classifier is not None:  # types each mention and drops those it is sure are no event
            mentions = self.classifier.apply(mentions)
            kept = {id(m) for m in mentions}
            by_sent = {k: [m for m in v if id(m) in kept] for k, v in by_sent.items()}
        roles = {id(m): mention_roles(m, self.lex) for m in mentions}
        where = {id(m): where_of(m, roles[id(m)], places) for m in mentions}
        groups = self._merge_within_sentences(by_sent, where)
        clusters = self._merge_across(groups, where)
        out = []
        for c in clusters:
            if not c.strong:
                continue
            c.roles = [r for m in c.mentions for r in roles[id(m)]]
            if c.lead.rule.needs_actor and not self._has_named_actor(c):
                continue
            out.append(c)
        return self._records(doc, article, out, places, times, counts)

    # -- merging -----------------------------------------------------------
    def _merge_within_sentences(self, by_sent: dict[int, list[Mention]], where: dict[int, Where]) -> list[list[Mention]]:
        """Group the mentions of one sentence that tell one event ("attacked ..., killing 3"); an event told
        as the cause of another ("in retaliation for attacks") or at another site stays apart."""
        groups: list[list[Mention]] = []
        for sent_mentions in by_sent.values():
            local: list[tuple[list[Mention], Where]] = []
            for m in sorted(sent_mentions, key=lambda m: (m.weak, not m.specific, m.start)):
                w = where[id(m)]
                home = _syntactic_home(m, [g for g, _ in local])
                if home is None:
                    for g, gw in local:
                        if all(_compatible(m, o) and o.background == m.background for o in g) and not gw.conflicts(w):
                            home = g
                            break
                if home is None:
                    local.append(([m], w.copy()))
                else:
                    home.append(m)
                    next(gw for g, gw in local if g is home).add(w)
            groups.extend(g for g, _ in local)
        return groups

    def _merge_across(self, groups: list[list[Mention]], where: dict[int, Where]) -> list[Cluster]:
        """Mentions in later sentences join the event they best match: same site, same country, then the
        most recent; never one at another site or in another country."""
        clusters: list[tuple[Cluster, Where]] = []
        for g in sorted(groups, key=lambda g: min(m.start for m in g)):
            lead = min(g, key=_lead_key)
            w = Where()
            for m in g:
                w.add(where[id(m)])
            best, best_score = None, None
            for n, (c, cw) in enumerate(clusters):
                if not (_compatible(lead, c.lead) and self._same_kind(lead, c.lead)) or cw.conflicts(w):
                    continue
                main = any(not o.background and not o.weak for o in c.mentions)
                score = (cw.overlap(w), _same_word(lead, c), main, max(o.start for o in c.mentions))
                if best_score is None or score > best_score:
                    best, best_score = n, score
            if best is None:
                clusters.append((Cluster(list(g), where=w), w))
            else:
                clusters[best][0].mentions.extend(g)
                clusters[best][1].add(w)
        return [c for c, _ in clusters]

    @staticmethod
    def _same_kind(a: Mention, b: Mention) -> bool:
        """Across sentences only violent events merge freely; others need the same trigger."""
        return a.category.is_violent or a.rule.lemma == b.rule.lemma

    def _has_named_actor(self, c: Cluster) -> bool:
        """A party that is an actor rather than a pronoun or a thing: a known actor or a named entity."""
        for r in c.roles:
            if r.text.strip().lower() in PRONOUNS:
                continue
            info = actors.lookup(r.text)
            if info is not None and info.inter not in (None, 7):
                return True
            if r.head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
                return True
        return False

    # -- records -------------------------------------------------------------
    def _records(self, doc, article, clusters, places, times, counts) -> list[Event]:
        attached = attach_counts(clusters, counts)
        protest_sents = {m.sent.start for c in clusters if c.lead.category.plover == "PROTEST" for m in c.mentions}
        scored = []
        for c in clusters:
            ev = self._record(doc, article, c, places, times, attached.get(id(c), []))
            score = self._salience(c, ev)
            if self._told_within_another(c, clusters):
                score -= SUBORDINATE
            if c.lead.category.key == "arrest" and any(m.sent.start in protest_sents for m in c.mentions):
                score -= ARREST_AT_PROTEST  # an arrest at a protest is the protest's intervention: the protest leads
            scored.append((score, ev, c))
        scored.sort(key=lambda p: -p[0])
        shared = share_tolls([(ev, c) for _, ev, c in scored])
        if shared is not None:
            shared.summary = self._summary(shared)
        return [ev for _, ev, _ in scored]

    def _record(self, doc, article, c: Cluster, places, times, counts: list[CountMention]) -> Event:
        lead = c.lead
        cat = lead.category
        location = self._location(c, places)
        actors_ = self._actors(c, location)
        cat = self._retype(c, cat, actors_, counts)
        actors_ = actor_context.code_for_event(
            cat, actors_, sorted({m.sent for m in c.mentions}, key=lambda s: s.start), Span(start=lead.start, end=lead.end),
            lead.text, location.country if location else None)
        date = self._date(c, times, article.published)
        fat = tally(counts, "killed")
        inj = tally(counts, "injured") or injured_from_shot(counts)
        evidence = sorted({(m.sent.start_char, m.sent.end_char) for m in c.mentions})
        sources = [article.outlet] if article.outlet else []
        for cl in fat + inj:
            if cl.source and cl.source not in sources:
                sources.append(cl.source)
        digest = hashlib.sha256(f"{article.hash}:{c.first.start}:{cat.key}".encode()).hexdigest()[:16]
        ev = Event(
            id=f"ev-{digest}", article_id=article.hash, type=cat.plover, mode=cat.mode,
            acled=Acled(event_type=cat.acled[0], sub_event_type=cat.acled[1]) if cat.acled else None,
            cameo=cat.cameo,
            trigger=Trigger(text=lead.text, lemma=lead.lemma, evidence=Span(start=lead.start, end=lead.end)),
            actors=actors_, location=location, date=date,
            fatalities=summarise(fat) if fat else None, injured=summarise(inj) if inj else None,
            sources=sources, evidence=[Span(start=a, end=b) for a, b in evidence],
            confidence=self._confidence(c, actors_, location, date), pipeline=self.pipeline_id,
        )
        ev.summary = self._summary(ev)
        return ev

    def _retype(self, c: Cluster, cat, actors_: list[Actor], counts: list[CountMention] = ()):
        """Decide what the words alone cannot: who the victims were, who took ground, how a protest ended."""
        lex = self.lex
        if cat.key == "clash":
            targets = [r for r in c.roles if r.role == "target" and r.text.strip().lower() not in PRONOUNS]
            words = {t.lemma_.lower() for r in targets for t in r.head.subtree} | {r.head.lower_ for r in targets}
            if not words:  # "a woman died after she was shot": the dead are the victims
                words = {w.rstrip("s") for cm in counts if cm.claim.victims
                         for w in cm.claim.victims.lower().split()}
            if words & lex.word_set("victims") and not words & lex.word_set("armed"):
                return lex.category("attack_civ")
        if cat.key == "arrest" and any(a.role == "target" and a.inter == 6 for a in actors_):
            return lex.category("protest_intervention")  # "police arrested 30 protesters": a protest, intervened in
        if cat.key == "territory_ns" and any(a.role == "initiator" and a.inter == 1 for a in actors_):
            return lex.category("territory_gov")
        if cat.key == "protest":
            text = " ".join(m.sent.text.lower() for m in c.mentions)
            if any(w in text for w in lex.word_set("protest_force")):
                return lex.category("protest_force")
            if any(w in text for w in lex.word_set("protest_riot")):
                return lex.category("riot")
            if any(w in text for w in lex.word_set("protest_intervention")):
                return lex.category("protest_intervention")
        return cat

    def _actors(self, c: Cluster, location: Location | None) -> list[Actor]:
        out, seen = [], set()
        roles = list(c.roles)
        users = [u for r in roles if r.role == "target" for u in facility_users(r, self.lex)]
        roles = [r for r in roles if r.role == "initiator"] + users + [r for r in roles if r.role == "target"]
        violent = c.lead.category.is_violent
        event_words = {m.head.i for m in c.mentions}
        home = location.country if location else None
        for r in roles:
            text = r.text.strip()
            if not text or (r.role, text.lower()) in seen:
                continue
            if actor_context.not_a_party(r):
                continue
            info = actor_context.resolve(r, home)
            if info is None and text.lower() in PRONOUNS:
                continue
            named = info is not None and (info.matched or "")[:1].isupper()
            if r.role == "initiator" and ((r.head.i in event_words and not named) or (
                    info is None and r.head.lemma_.lower() in self.lex.word_set("weapons"))):
                continue  # "two missiles landed", "the barrage struck": the means or the event, not the actor
            if info is None and not violent and r.role == "target" and not _actor_like(r):
                continue  # "denied all contact": what is rejected, not a party
            if info is None and r.role == "initiator" and not _actor_like(r):
                continue  # "another bus also torched": a thing read as the subject, not a party
            seen.add((r.role, text.lower()))
            inter = info.inter if info else None
            if info and info.kind == "state" and info.country and location and location.country \
                    and info.country != location.country:
                inter = 8  # ACLED: state forces acting abroad are external forces
            out.append(Actor(role=r.role, text=text, name=info.name if info else None,
                             country=info.country if info else None, kind=info.kind if info else None,
                             inter=inter, evidence=Span(start=r.start, end=r.end)))
        out.sort(key=lambda a: (a.role != "initiator", a.role == "initiator" and _rank(a)))
        return out

    def _location(self, c: Cluster, places: list[PlaceMention]) -> Location | None:
        """Where the event happened: a place the parse links to one of its mentions (a town before a
        country, a resolved place before an unresolved one, the finer first), else a place named in one of its
        sentences. A town with no gazetteer entry takes the country the event's other mentions name."""
        best, best_key = None, None
        for n, m in enumerate(sorted(c.mentions, key=lambda m: (m.weak, m.start))):
            linked = {id(p) for p in _linked_places(m, places)}
            for p in places:
                if p.attributive or not (m.sent.start_char <= p.start < m.sent.end_char):
                    continue
                if not _locative(p):
                    continue  # "attacks against the United States", "Iran denied": a party, not a place
                tier = 0 if id(p) in linked else 2
                key = (tier, p.country is not None, p.precision or 4, p.label not in {"GPE", "LOC"}, n, p.start)
                if best_key is None or key < best_key:
                    best, best_key = p, key
            for r in (r for r in c.roles if m.sent.start_char <= r.start < m.sent.end_char):
                if r.role == "target" and _facility(r):
                    key = (0, False, 2, False, n, r.start)  # before a country or province, after a town
                    if best_key is None or key < best_key:
                        best, best_key = _facility_place(r), key
        if best is None:
            # Only a material event (one ACLED codes) is placed from context: a call or a statement made
            # somewhere unnamed is not thereby in the town the report is filed from.
            town = _town_in_context(c, places, None) if c.lead.category.acled else None
            if town is None:
                return None
            return _location_of(town, town, precision=max(2, town.precision or 2),
                                note="the place the report's nearest lines name; the event's own sentences name none")
        e = best.entry
        home = _home_region(places)
        if (e is not None and e.kind == "city" and e.country in home and (e.country, e.admin1) not in home[e.country]
                and not best.dateline and best.within is None and e.population < HOME_TOWN_MAX):
            # A bare small-town name of another state in a local story that says which state it is in
            # ("Roosevelt Park" in a Buffalo story is a park, not the Michigan town): the story's own town. A
            # city everyone knows ("Atlanta") is itself, wherever the story is filed.
            town = _town_in_context(c, [p for p in places if p.entry is not None and p.entry.country in home
                                        and p.entry.kind in ("city", "admin2")
                                        and (p.entry.country, p.entry.admin1) in home[p.entry.country]], best)
            if town is not None:
                return _location_of(best, town, precision=max(2, town.precision or 2),
                                    note=f"in or near {town.name}: the report's places lie in {town.entry.admin1}, "
                                         f"and the name has no place there")
        if not best.resolved and best.within is not None:
            # A town the gazetteer lacks, named with its province ("X district, Balkh"): the province's point.
            w = best.within
            return Location(text=best.text, name=w.name, country=w.country, admin1=w.admin1, lat=w.lat,
                            lon=w.lon, geonames_id=w.geonames_id, precision=3,
                            evidence=Span(start=best.start, end=best.end))
        if not best.resolved:
            # A base or building named after its town ("Balad Air Base"): near that town.
            town = self._town_in_name(best, places)
            if town is not None:
                return Location(text=best.text, name=town.name, country=town.country, admin1=town.admin1,
                                lat=town.lat, lon=town.lon, geonames_id=town.geonames_id, precision=2,
                                note=f"near {town.name}, the town its name carries",
                                evidence=Span(start=best.start, end=best.end))
            # A street, park or building the gazetteer cannot know ("Erb Street", "Constitution Park"):
            # it lies in the town the report names beside it.
            town = _town_in_context(c, places, best)
            if town is not None and (best.hint is None or town.iso3 == best.hint):
                return _location_of(best, town, precision=max(2, town.precision or 2),
                                    note=f"in or near {town.name}, the place the report names nearest it")
        if e is not None and e.kind == "admin1":
            # "in northeastern Pennsylvania" in a story filed from Wilkes-Barre: near the town it names there.
            # A state named alone in a story that names none of its towns but one of its counties: that county.
            town = _town_in_context(c, [p for p in places if p.entry is not None
                                        and (p.entry.kind == "city" or p.entry.kind == "admin2"
                                             and p.entry.country in REGIONAL_COUNTRIES)
                                        and (p.entry.country, p.entry.admin1) == (e.country, e.admin1)], best)
            if town is not None:
                return _location_of(best, town, precision=2,
                                    note=f"near {town.name}, the {'town' if town.entry.kind == 'city' else 'county'} "
                                         f"in {e.name} the report names")
        iso3 = best.iso3 or best.hint or (next(iter(c.where.countries)) if len(c.where.countries) == 1 else None)
        return Location(text=best.text, name=best.name, country=iso3, admin1=e.admin1 if e else None,
                        lat=best.lat, lon=best.lon, geonames_id=e.geonames_id if e else None,
                        precision=best.precision, evidence=Span(start=best.start, end=best.end))

    def _town_in_name(self, site: PlaceMention, places: list[PlaceMention]):
        """The town a facility's name carries ("Balad Air Base" -> Balad), in the country its name or the
        report implies; None where the name holds no town's name or the town is ambiguous."""
        words = site.text.split()
        core = [w for w in words if w.lower().strip(".,") not in GENERIC_SITE_WORDS]
        if not core or len(core) == len(words):
            return None  # nothing generic to strip: "Erb Street" is no town's name plus a kind word
        countries = {site.hint} if site.hint else {p.iso3 for p in places if p.resolved and p.iso3}
        towns = [e for e in gazetteer.default().candidates(" ".join(core)) if e.kind == "city" and e.country in countries]
        return max(towns, key=lambda e: e.population) if towns else None

    def _date(self, c: Cluster, times: list[Time], published: date | None = None) -> EventDate | None:
        """The date of the event: one the parse links to a mention, else the nearest in a mention's sentence.
        A mention told as background ("after last week's attack") takes only a date linked to it. Where no
        mention's sentence has a date, the report's nearest day-precise date from around the time it was
        published ("It happened about 10:15 p.m. Friday" in the next paragraph)."""
        best, best_key = None, None
        for n, m in enumerate(sorted(c.mentions, key=lambda m: (m.background, m.weak, m.start))):
            for t in times:
                if not (m.sent.start_char <= t.start < m.sent.end_char):
                    continue
                linked = _time_linked(m, t)
                if m.background and not linked:
                    continue
                told = not linked and _told_date(m.head.doc, t)
                key = (told, t.precision != "day", not linked, not t.resolved, n, abs(t.start - m.start))
                if best_key is None or key < best_key:
                    best, best_key = t, key
        if best is None or best_key[0] or best_key[1]:
            # A date the story was told on ("police said Thursday") or only a month or year: a day-precise date
            # from around publication near the event's lines says more.
            near = self._date_in_context(c, times, published, skip=best)
            if near is not None:
                best = near
        if best is None:
            return self._publication_day(c, published)
        return EventDate(text=best.text, value=best.value, precision=best.precision,
                         evidence=Span(start=best.start, end=best.end))

    @staticmethod
    def _publication_day(c: Cluster, published: date | None) -> EventDate | None:
        """A report that names no day for its event tells fresh news: the event takes the publication day,
        noted as such, with the event's word as evidence."""
        if published is None or not c.lead.category.acled:
            return None
        lead = c.lead
        return EventDate(text=lead.text, value=published.isoformat(), precision="day",
                         note="the publication day; the report names no day for the event",
                         evidence=Span(start=lead.start, end=lead.end))

    def _date_in_context(self, c: Cluster, times: list[Time], published: date | None,
                         skip: Time | None = None) -> Time | None:
        """The day-precise date nearest the event's own mentions, among those no later than the
        publication and no older than the window that a report of fresh news covers; dates the story was
        told on ("police said Thursday", "Posted: May 5") only where no other is."""
        main = [m for m in c.mentions if not m.background] or c.mentions
        window = dates_vocabulary().event_context_days
        doc = main[0].head.doc
        best, best_key = None, None
        for t in times:
            if not (t.resolved and t.precision == "day" and t.value) or t is skip:
                continue
            if published is not None:
                try:
                    age = (published - date.fromisoformat(t.value)).days
                except ValueError:
                    continue
                if not 0 <= age <= window:
                    continue
            key = (_told_date(doc, t), min(abs(t.start - m.start) for m in main))
            if best_key is None or key < best_key:
                best, best_key = t, key
        return best

    @staticmethod
    def _confidence(c: Cluster, actors_, location, date) -> float:
        """The classifier's calibrated probability that the event's type is right (classify.py), read on the
        mention that supports the type best; without the classifier, a plain additive score."""
        key = c.lead.category.key
        scores = [m.confidence for m in c.mentions if m.confidence is not None and m.category.key == key]
        if scores:
            return max(scores)
        score = 0.45 + (0.15 if c.lead.specific else 0.0)
        score += 0.1 * bool(any(a.role == "initiator" for a in actors_))
        score += 0.1 * bool(location) + 0.1 * bool(date)
        score += 0.05 * min(3, len(c.mentions) - 1)
        return round(min(0.95, score), 2)

    @staticmethod
    def _told_within_another(c: Cluster, clusters: list[Cluster]) -> bool:
        """Is every strong mention of the event told inside the clause of another event of its sentence?"""
        strong = [m for m in c.mentions if not m.weak]
        if not strong:
            return False
        for m in strong:
            governors = {o.head.i for other in clusters if other is not c for o in other.mentions
                         if not o.weak and not o.background and o.sent.start == m.sent.start
                         and o.category.key not in AFTERMATH_KEYS}
            if not told_within(m, governors):
                return False
        return True

    @staticmethod
    def _salience(c: Cluster, ev: Event) -> float:
        """Most salient first: the event the lede tells as its news, then the one told most, with a toll,
        of a conflict type; mentions told only as background count for little."""
        strong = [m for m in c.mentions if not m.weak]
        main = [m for m in strong if not m.background]
        lede = any(m.sent.start == 0 or m.sent.start_char < 400 for m in main)  # headline and first lines
        killed = bool(ev.fatalities and ev.fatalities.best)
        shallow = min(depth(m.head) for m in strong)
        return 6.0 * lede + 2.0 * math.log2(1 + len(main)) + 0.5 * math.log2(1 + len(strong)) \
            + 1.5 * killed + 1.0 * bool(ev.acled) - 0.5 * min(shallow, 4) - 0.0001 * c.first.start

    def _summary(self, ev: Event) -> str | None:
        template = self.lex.summaries.get(ev.type)
        if not template:
            return None
        init = next((a.name or a.text for a in ev.actors if a.role == "initiator"), "an unidentified actor")
        target = next((a.name or a.text for a in ev.actors if a.role == "target"), "")
        when = f"On {ev.date.value}, " if ev.date and ev.date.value and ev.date.precision == "day" else ""
        where = f" in {ev.location.text}" if ev.location else ""
        how = f" ({ev.acled.sub_event_type})" if ev.acled else ""
        if isinstance(template, str):
            template = [template, template]
        text = template[0 if target else 1].format(when=when, initiator=init, target=target, where=where, how=how)
        text = text.replace("  ", " ")
        if ev.fatalities and ev.fatalities.best is not None:
            text += f" Fatalities: {ev.fatalities.best}" + (" (disputed)." if ev.fatalities.disputed else ".")
        return text[0].upper() + text[1:]
