"""From mentions to event records: merge mentions of one event, attach roles,
place (locate.py) and date (dating.py), counts (tolls.py), order events by salience and write the records."""
from __future__ import annotations

import hashlib
import math
import re
from datetime import date
from dataclasses import dataclass, field

from spacy.tokens import Doc

from . import actor_context, actors, dating, locate, tolls
from .article import Article
from .counts import CountMention, summarise
from .events import Mention, refine_modes
from .lexicon import Lexicon
from .nlp import text_of
from .locate import Where, where_of
from .places import PlaceMention
from .record import Acled, Actor, Claim, Event, Location, Span, Time, Trigger
from .roles import Role, facility_users, mention_roles, PRONOUNS
from .tolls import attach_counts, share_tolls, tally


@dataclass
class Cluster:
    """One event: the mentions that report it and what they say of it."""

    mentions: list[Mention]
    where: Where = field(default_factory=lambda: Where())
    roles: list[Role] = field(default_factory=list)
    claims: dict[str, list[Claim]] = field(default_factory=dict)
    another: bool = False  # told as another incident than those before it ("in a separate attack", "another shooting")

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
# What telling an event in the article's first line adds to its salience: local news puts its story in the headline
# ("Teen killed in accidental shooting at home"), and a later shooting in the lede is often another one.
HEADLINE = 2.0
# How far an incident told as another than the one before it ("in a separate attack", "a second shooting") falls
# behind: the report tells its main incident first.
ANOTHER = 4.0
# How far a tally of several incidents falls behind them ("13 shot in separate incidents across the city" in the
# headline and lede): the incidents told one by one are the events, the tally sums them.
ROUNDUP = 9.0
# How many days after the report a told day may be an upcoming one (a hearing, a festival: no incident's day); a
# day further ahead is a month and day told without a year that the dates stage read into the coming year.
UPCOMING_DAYS = 31
# The precisions of a told date that tell one incident's day from another's, and the length of their ISO values.
DAY_PRECISIONS = {"day": 10, "month": 7, "year": 4}
# How far an arrest with no toll falls behind where the article tells a violent event with one: the arrest is
# the aftermath ("teen arrested in weekend shooting that killed one"), the violence the event reported.
ARREST_AFTER_TOLL = 6.0


# Street corners told by a numbered cross street ("21st & Cleveland", "43rd and Rockwell"): the joins and the
# numbered street's form.
CORNER_JOINS = {"&", "and"}
ORDINAL_STREET = re.compile(r"^\d+(?:st|nd|rd|th)$")
# What follows a family name in a full name and is no part of it ("Chauncey Broadway Jr.").
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def _has_toll(ev: Event) -> bool:
    return any(getattr(ev, k) is not None and (getattr(ev, k).best or 0) > 0 for k in ("fatalities", "injured"))


def _own_line(sent) -> bool:
    """Does the sentence stand on a line of its own, as a headline does (not the first sentence of a paragraph)?"""
    return "\n" in text_of(sent.doc)[max(0, sent.end_char - 1):sent.end_char + 4]


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


def _towns_told(wheres, places: list[PlaceMention], doc: Doc, lex: Lexicon) -> None:
    """Only a name that may be a town keeps two events apart. A name the article tells only as a county
    ("Orangeburg County"), a hospital or a hospital's town ("Stroger Hospital", "a hospital in Oak Lawn"), or,
    where the places stage found no place under it, a person's ("Daneka Lotts, 24, was shot") says nothing of
    where a shooting was; nor does a name the article tells as a street ("21st & Cleveland") or as a person's
    family name ("Chauncey Broadway Jr."), or a big town the report names only beside its own ("a New York
    suburb", "suburban Chicago")."""
    kinds: dict[str, set] = {}
    for p in places:
        kind = "hospital" if locate.at_hospital(p) else p.entry.kind if p.entry is not None else None
        for w in p.text.lower().split():
            kinds.setdefault(w, set()).add(kind)
    passed = {w.lower() for e in doc.ents if _passed_over(e, places) for w in e.text.split()}
    others = {t.lower_ for t in streets_told(doc)} | _surnames(doc) | _near_towns(doc, lex)
    for w in wheres:
        w.towns = {t for t in w.towns if t not in others
                   and (bool(kinds[t] & {"city", None}) if t in kinds else t not in passed)}


def streets_told(doc: Doc, blocks: bool = True) -> list:
    """The words the article tells as streets, however like a town's they are: one side of a street corner told
    by its numbered cross street ("near 21st & Cleveland", "at Newton and 16th avenues") and a street's block
    ("in the 2100 block of Cleveland"; not with ``blocks`` false). Local crime news names its corners so, and
    the town is elsewhere."""
    out = []
    for t in doc:
        if t.lower_ in CORNER_JOINS and 0 < t.i < len(doc) - 1:
            left, right = doc[t.i - 1], doc[t.i + 1]
            if ORDINAL_STREET.match(left.lower_):
                out.extend(_name_from(doc, right.i))
            if ORDINAL_STREET.match(right.lower_) and left.pos_ == "PROPN" and left.is_alpha:
                out.append(left)
        elif blocks and t.lower_ == "of" and 0 < t.i < len(doc) - 1 and doc[t.i - 1].lower_ == "block":
            out.extend(_name_from(doc, t.i + 1))
    return out


def _name_from(doc: Doc, i: int) -> list:
    """The proper-noun words of the name starting at token ``i`` ("East Cleveland Avenue")."""
    out = []
    while i < len(doc) and doc[i].is_alpha and (doc[i].pos_ == "PROPN" or doc[i].is_title):
        out.append(doc[i])
        i += 1
    return out


def _off_streets(places: list[PlaceMention], streets: list) -> list[PlaceMention]:
    """The place mentions that do not stand on a street told as one ("21st & Cleveland" is no Ohio city): an
    event told there is placed by the town around it."""
    spans = [(t.idx, t.idx + len(t)) for t in streets]
    return [p for p in places if not any(a < p.end and p.start < b for a, b in spans)]


def _near_towns(doc: Doc, lex: Lexicon) -> set[str]:
    """The names of towns told as near the place rather than the place ("in a New York suburb", "the Chicago
    area", "in suburban Chicago")."""
    nouns, marks = lex.word_set("near_town_nouns"), lex.word_set("near_town_marks")
    out = set()
    for t in doc:
        if t.lemma_.lower() in nouns or t.lower_ in nouns:
            out |= {w.lower_ for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN" for w in c.subtree
                    if w.pos_ == "PROPN"}
        elif t.lower_ in marks and t.dep_ == "amod" and t.head.pos_ == "PROPN":
            out |= {w.lower_ for w in t.head.subtree if w.pos_ == "PROPN"}
    return out


def _surnames(doc: Doc) -> set[str]:
    """The family names of the people the article names in full ("Chauncey Broadway Jr.", then "Broadway was
    shot"): told alone later, they name the person, not a town."""
    out = set()
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        words = [w for w in e if w.is_alpha and w.lower_.rstrip(".") not in NAME_SUFFIXES]
        if len(words) >= 2 and words[0].is_title:
            out.add(words[-1].lower_)
    return out


def _passed_over(ent, places: list[PlaceMention]) -> bool:
    """A name that is no place: a person's, or one the parser read as a town ("GPE") or, a bare word, as a body
    ("Lotts, 24, ...") that the places stage found no place under."""
    if ent.label_ == "PERSON":
        return True
    if ent.label_ != "GPE" and not (ent.label_ == "ORG" and len(ent) == 1):
        return False
    return not any(p.start < ent.end_char and ent.start_char < p.end for p in places)


def _told_day(g: list[Mention], times: list[Time], published: date | None = None) -> str | None:
    """The date the parse hangs on a group's own violent words ("was shot on March 2, 2013", "the 2001
    killing"): a day, a month or a year; not a date the story was told or followed up on ("police said
    Thursday", "due in court Wednesday"). A day after the report's ``published`` one is a month and day told
    without a year ("On April 2") that the dates stage read into the year to come: it is the one a year
    before; a day in the month after the report is an upcoming one, no incident's. None where the group's
    words carry no date."""
    for m in sorted(g, key=lambda m: m.start):
        if m.background or m.weak or not m.category.is_violent:
            continue
        for t in times:
            if not (m.sent.start_char <= t.start < m.sent.end_char) or not t.resolved or not t.value \
                    or t.precision not in DAY_PRECISIONS:
                continue
            if dating.own_date(m, t):
                if published is not None and t.precision == "day" and t.value[:10] > published.isoformat():
                    ahead = (date.fromisoformat(t.value[:10]) - published).days
                    return None if ahead <= UPCOMING_DAYS else _year_before(t.value[:10])
                return t.value[:DAY_PRECISIONS[t.precision]]
    return None


def _year_before(day: str) -> str | None:
    """The same month and day a year earlier ("2015-04-02" -> "2014-04-02"); None for a 29 February."""
    try:
        return date.fromisoformat(day).replace(year=int(day[:4]) - 1).isoformat()
    except ValueError:
        return None


def _same_day(a: str, b: str) -> bool:
    """Can two told dates (a day, a month, a year) be of one incident? Days a day apart can: a shooting
    late one night is told of the next day too."""
    n = min(len(a), len(b))
    if n == 10:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
    return a[:n] == b[:n]


def _coded_to_lede(clusters: list["Cluster"], attached: dict[int, list[CountMention]]) -> dict[int, list[CountMention]]:
    """A coder's note ("Fatalities coded as 32") sums up the whole report, however many attacks it tells one by
    one: it goes to the report's first violent event, not to the last one told before it."""
    violent = [c for c in clusters if c.lead.category.is_violent]
    if not violent:
        return attached
    lede = id(min(violent, key=lambda c: c.first.start))
    for key in list(attached):
        if key != lede:
            notes = [cm for cm in attached[key] if cm.coded]
            if notes:
                attached[key] = [cm for cm in attached[key] if not cm.coded]
                attached.setdefault(lede, []).extend(notes)
    return attached


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
        _towns_told(where.values(), places, doc, self.lex)
        groups = self._merge_within_sentences(by_sent, where)
        told = {id(g): _told_day(g, times, article.published) for g in groups}
        clusters = self._merge_across(groups, where, told)
        out = []
        for c in clusters:
            if not c.strong:
                continue
            c.roles = [r for m in c.mentions for r in roles[id(m)]]
            if c.lead.rule.needs_actor and not self._has_named_actor(c):
                continue
            out.append(c)
        # (locate.py places a street's block by the town beside it already)
        return self._records(doc, article, out, _off_streets(places, streets_told(doc, blocks=False)), times, counts)

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

    def _merge_across(self, groups: list[list[Mention]], where: dict[int, Where],
                      told: dict[int, str | None] | None = None) -> list[Cluster]:
        """Mentions in later sentences join the event they best match: same site, same country, then the
        most recent; never one at another site or in another country, nor one told on another day."""
        told = told or {}
        clusters: list[tuple[Cluster, Where]] = []
        days: list[set[str]] = []
        tallies: list[bool] = []
        for g in sorted(groups, key=lambda g: min(m.start for m in g)):
            lead = min(g, key=_lead_key)
            w = Where()
            for m in g:
                w.add(where[id(m)])
            day = told.get(id(g))
            tally, another = self._roundup(g), self._tells_another(g)
            best, best_score = None, None
            for n, (c, cw) in enumerate([] if another else clusters):
                if not (_compatible(lead, c.lead) and self._same_kind(lead, c.lead)) or cw.conflicts(w):
                    continue
                if tallies[n] != tally:  # a tally of separate incidents is none of them
                    continue
                if day and days[n] and not any(_same_day(day, d) for d in days[n]):
                    continue
                main = any(not o.background and not o.weak for o in c.mentions)
                score = (cw.overlap(w), _same_word(lead, c), main, max(o.start for o in c.mentions))
                if best_score is None or score > best_score:
                    best, best_score = n, score
            if best is None:
                clusters.append((Cluster(list(g), where=w, another=another), w))
                days.append({day} if day else set())
                tallies.append(tally)
            else:
                clusters[best][0].mentions.extend(g)
                clusters[best][1].add(w)
                days[best] |= {day} if day else set()
        return [c for c, _ in clusters]

    def _tells_another(self, g: list[Mention]) -> bool:
        """Does the sentence tell its violence as another incident than those before it: "another shooting",
        "in an unrelated incident", "Separately, ...", "About three hours earlier, six people were shot"?"""
        marks, words = self.lex.word_set("other_incident_marks"), self.lex.word_set("other_incident_words")
        lapses, turns = self.lex.word_set("other_incident_lapses"), self.lex.word_set("other_incident_turns")
        heads = self.lex.word_set("other_incident_nouns")
        for m in g:
            if m.weak or not m.category.is_violent:
                continue
            # the word the mention's phrase hangs on where the parser heads it elsewhere ("the second quadruple
            # shooting" read as "quadruple" with "shooting" on it)
            own = {m.head.i} | ({m.head.head.i} if m.head.dep_ == "acl" else set())
            for t in m.sent:
                if t.lower_ in words and t.pos_ == "ADV":
                    return True
                if (t.i in own or t.lemma_.lower() in heads) and any(
                        c.lower_ in marks for c in t.children if c.dep_ in {"det", "amod"}):
                    return True
                if t.lower_ in turns and t.dep_ == "advmod" and any(c.lemma_.lower() in lapses or c.lower_ in lapses
                                                                    for c in t.children):
                    return True
        return False

    def _roundup(self, mentions: list[Mention]) -> bool:
        """Are the mentions told as several incidents ("in separate incidents", "in three unrelated shootings")?"""
        marks, nouns = self.lex.word_set("roundup_marks"), self.lex.word_set("other_incident_nouns")
        heads = {m.head.i for m in mentions}
        return any(t.lower_ in marks and t.head.tag_ in {"NNS", "NNPS"} and (
            t.head.i in heads or t.head.lemma_.lower() in nouns) for m in mentions if not m.weak for t in m.sent)

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
        attached = _coded_to_lede(clusters, attach_counts(clusters, counts))
        protest_sents = {m.sent.start for c in clusters if c.lead.category.plover == "PROTEST" for m in c.mentions}
        scored = []
        for c in clusters:
            ev = self._record(doc, article, c, places, times, attached.get(id(c), []))
            score = self._salience(c, ev)
            if self._told_within_another(c, clusters):
                score -= SUBORDINATE
            if c.lead.category.key == "arrest" and any(m.sent.start in protest_sents for m in c.mentions):
                score -= ARREST_AT_PROTEST  # an arrest at a protest is the protest's intervention: the protest leads
            if c.another:
                score -= ANOTHER  # "2 soldiers were also killed in another attack": not the report's main incident
            if c.lead.category.is_violent and self._roundup(c.mentions) and len(clusters) > 1:
                score -= ROUNDUP  # "13 shot in separate incidents across the city": a tally, each incident its own event
            scored.append((score, ev, c))
        tolled = any(c.lead.category.is_violent and _has_toll(ev) for _, ev, c in scored)
        if tolled:  # "police arrested a teen in the fatal shooting": the shooting is the news, the arrest follows
            scored = [(score - ARREST_AFTER_TOLL if c.lead.category.key in AFTERMATH_KEYS and not _has_toll(ev)
                       else score, ev, c) for score, ev, c in scored]
        scored.sort(key=lambda p: -p[0])
        shared = share_tolls([(ev, c) for _, ev, c in scored])
        if shared is not None:
            shared.summary = self._summary(shared)
        return [ev for _, ev, _ in scored]

    def _record(self, doc, article, c: Cluster, places, times, counts: list[CountMention]) -> Event:
        lead = c.lead
        cat = lead.category
        location = locate.location(c, places)
        actors_ = self._actors(c, location)
        cat = self._retype(c, cat, actors_, counts)
        actors_ = actor_context.code_for_event(
            cat, actors_, sorted({m.sent for m in c.mentions}, key=lambda s: s.start), Span(start=lead.start, end=lead.end),
            lead.text, location.country if location else None)
        date = dating.event_date(c, times, article.published)
        counts = tolls.on_its_day(tolls.lone_self_deaths(tolls.partitives(counts, text_of(doc)), text_of(doc)), times, date,
                                   text_of(doc))
        fat = tally(counts, "killed")
        inj = tolls.injured(counts)
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
        # the first line, the headline where the article has one; an arrest there follows the violence it names
        headline = any(m.sent.start == 0 and _own_line(m.sent) for m in main) and c.lead.category.key not in AFTERMATH_KEYS
        killed = bool(ev.fatalities and ev.fatalities.best)
        shallow = min(depth(m.head) for m in strong)
        return 6.0 * lede + HEADLINE * headline + 2.0 * math.log2(1 + len(main)) + 0.5 * math.log2(1 + len(strong)) \
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
