"""From mentions to event records: merge mentions of one event, attach roles,
place, date and counts, order events by salience and write the records."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from spacy.tokens import Doc

from . import actors
from .article import Article
from .counts import CountMention, summarise
from .events import Mention, refine_modes
from .lexicon import Lexicon
from .places import PlaceMention
from .record import Acled, Actor, Claim, Counts, Event, EventDate, Location, Span, Time, Trigger
from .roles import Role, facility_users, mention_roles, PRONOUNS

FATAL_KINDS = {"killed"}
INJURY_KINDS = {"injured"}


@dataclass
class Cluster:
    """One event: the mentions that report it and what they say of it."""

    mentions: list[Mention]
    roles: list[Role] = field(default_factory=list)
    claims: dict[str, list[Claim]] = field(default_factory=dict)

    @property
    def first(self) -> Mention:
        return min(self.mentions, key=lambda m: m.start)

    @property
    def lead(self) -> Mention:
        """The mention that types the event: the most specific, then the earliest."""
        return min(self.mentions, key=lambda m: (m.weak, not m.specific, m.start))

    @property
    def strong(self) -> bool:
        return any(not m.weak for m in self.mentions)


def depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _merge_within_sentences(mentions: list[Mention], roles: dict[int, list[Role]]) -> list[list[Mention]]:
    """Group the mentions of one sentence that tell one event ("attacked ..., killing 3")."""
    groups: list[list[Mention]] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sent.start, []).append(m)
    for sent_mentions in by_sent.values():
        local: list[list[Mention]] = []
        for m in sorted(sent_mentions, key=lambda m: (m.weak, not m.specific)):
            home = _syntactic_home(m, local) or _compatible_home(m, local)
            if home is None:
                local.append([m])
            else:
                home.append(m)
        groups.extend(local)
    return groups


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


def _compatible_home(m: Mention, groups: list[list[Mention]]) -> list[Mention] | None:
    for g in groups:
        if all(_compatible(m, o) for o in g):
            return g
    return None


def _places_of(group: list[Mention], places: list[PlaceMention]) -> list[PlaceMention]:
    """Places said of a mention group, those linked through the parse first."""
    sent = group[0].sent
    in_sent = [p for p in places if sent.start_char <= p.start < sent.end_char]
    heads = {m.head.i for m in group}

    def linked(p: PlaceMention) -> int:
        anc = {a.i for a in p.root.ancestors}
        return 0 if anc & heads else 1

    return sorted(in_sent, key=lambda p: (linked(p), p.country is not None, p.start))


def _compatible_places(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    if a is None or b is None or a.country is not None or b.country is not None:
        return True
    ta, tb = a.text.lower(), b.text.lower()
    return ta in tb or tb in ta


class Assembler:
    """Builds the event records of one article."""

    def __init__(self, lex: Lexicon, pipeline_id: str):
        self.lex = lex
        self.pipeline_id = pipeline_id

    def events(self, doc: Doc, article: Article, mentions: list[Mention], places: list[PlaceMention],
               times: list[Time], counts: list[CountMention]) -> list[Event]:
        by_sent: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sent.setdefault(m.sent.start, []).append(m)
        for sent_mentions in by_sent.values():
            refine_modes(sent_mentions, self.lex)
        roles = {id(m): mention_roles(m, self.lex) for m in mentions}
        groups = _merge_within_sentences(mentions, roles)
        clusters = self._merge_across(groups, places)
        out = []
        for c in clusters:
            if not c.strong:
                continue
            c.roles = [r for m in c.mentions for r in roles[id(m)]]
            out.append(c)
        return self._records(doc, article, out, places, times, counts)

    # -- merging -----------------------------------------------------------
    def _merge_across(self, groups: list[list[Mention]], places: list[PlaceMention]) -> list[Cluster]:
        clusters: list[tuple[Cluster, PlaceMention | None]] = []
        for g in sorted(groups, key=lambda g: min(m.start for m in g)):
            lead = min(g, key=lambda m: (m.weak, not m.specific))
            here = next(iter(_places_of(g, places)), None)
            home = None
            for c, where in clusters:
                if _compatible(lead, c.lead) and _compatible_places(here, where) and self._same_kind(lead, c.lead):
                    home = (c, where)
                    break
            if home is None:
                clusters.append((Cluster(list(g)), here))
            else:
                c, where = home
                c.mentions.extend(g)
                if where is None or (where.country is not None and here is not None):
                    clusters[clusters.index(home)] = (c, here or where)
        return [c for c, _ in clusters]

    @staticmethod
    def _same_kind(a: Mention, b: Mention) -> bool:
        """Across sentences only violent events merge freely; others need the same trigger."""
        return a.category.is_violent or a.rule.lemma == b.rule.lemma

    # -- records -------------------------------------------------------------
    def _records(self, doc, article, clusters, places, times, counts) -> list[Event]:
        attached = self._attach_counts(clusters, counts)
        scored = []
        for c in clusters:
            ev = self._record(doc, article, c, places, times, attached.get(id(c), []))
            scored.append((self._salience(c, ev), ev))
        scored.sort(key=lambda p: -p[0])
        return [ev for _, ev in scored]

    def _attach_counts(self, clusters: list[Cluster], counts: list[CountMention]) -> dict[int, list[CountMention]]:
        out: dict[int, list[CountMention]] = {}
        for cm in counts:
            best, dist = None, None
            for c in clusters:
                for m in c.mentions:
                    if not (m.sent.start_char <= cm.number_span[0] < m.sent.end_char):
                        continue
                    if not m.category.is_violent and m.category.key not in {"protest", "riot", "arrest"}:
                        continue
                    d = abs(m.start - cm.number_span[0])
                    if dist is None or d < dist:
                        best, dist = c, d
            if best is not None:
                out.setdefault(id(best), []).append(cm)
        return out

    def _record(self, doc, article, c: Cluster, places, times, counts: list[CountMention]) -> Event:
        lead = c.lead
        cat = lead.category
        location = self._location(c, places)
        actors_ = self._actors(c, location)
        cat = self._retype(c, cat, actors_)
        date = self._date(c, times)
        fat = [cm.claim for cm in counts if cm.kind in FATAL_KINDS]
        inj = [cm.claim for cm in counts if cm.kind in INJURY_KINDS]
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

    def _retype(self, c: Cluster, cat, actors_: list[Actor]):
        """Decide what the words alone cannot: who the victims were, who took ground, how a protest ended."""
        lex = self.lex
        if cat.key == "clash":
            targets = [r for r in c.roles if r.role == "target"]
            words = {t.lemma_.lower() for r in targets for t in r.head.subtree} | {r.head.lower_ for r in targets}
            if words & lex.word_set("victims") and not words & lex.word_set("armed"):
                return lex.category("attack_civ")
        if cat.key == "territory_ns" and any(a.role == "initiator" and a.inter == 1 for a in actors_):
            return lex.category("territory_gov")
        if cat.key == "protest":
            text = " ".join(m.sent.text.lower() for m in c.mentions)
            if any(w in text for w in lex.word_set("protest_force")):
                return lex.category("protest_force")
            if any(w in text for w in lex.word_set("protest_intervention")):
                return lex.category("protest_intervention")
        return cat

    def _actors(self, c: Cluster, location: Location | None) -> list[Actor]:
        out, seen = [], set()
        roles = list(c.roles)
        for r in list(roles):
            if r.role == "target":
                roles.extend(facility_users(r, self.lex))
        for r in roles:
            text = r.text.strip()
            if not text or text.lower() in PRONOUNS or (r.role, text.lower()) in seen:
                continue
            seen.add((r.role, text.lower()))
            info = actors.lookup(text)
            inter = info.inter if info else None
            if info and info.kind == "state" and info.country and location and location.country \
                    and info.country != location.country:
                inter = 8  # ACLED: state forces acting abroad are external forces
            out.append(Actor(role=r.role, text=text, name=info.name if info else None,
                             country=info.country if info else None, kind=info.kind if info else None,
                             inter=inter, evidence=Span(start=r.start, end=r.end)))
        out.sort(key=lambda a: a.role != "initiator")
        return out

    def _location(self, c: Cluster, places: list[PlaceMention]) -> Location | None:
        for m in sorted(c.mentions, key=lambda m: (m.weak, m.start)):
            cands = _places_of([m], places)
            if cands:
                p = cands[0]
                country = p.country
                return Location(text=p.text, name=country.name if country else None,
                                country=country.iso3 if country else None,
                                lat=country.point.lat if country else None, lon=country.point.lon if country else None,
                                precision=3 if country else None, evidence=Span(start=p.start, end=p.end))
        return None

    def _date(self, c: Cluster, times: list[Time]) -> EventDate | None:
        for m in sorted(c.mentions, key=lambda m: m.start):
            sent = m.sent
            cands = [t for t in times if sent.start_char <= t.start < sent.end_char]
            if not cands:
                continue
            t = min(cands, key=lambda t: (not t.resolved, abs(t.start - m.start)))
            return EventDate(text=t.text, value=t.value, precision=t.precision, evidence=Span(start=t.start, end=t.end))
        return None

    @staticmethod
    def _confidence(c: Cluster, actors_, location, date) -> float:
        # A plain additive score until issue 3 calibrates it on the development sets.
        score = 0.45 + (0.15 if c.lead.specific else 0.0)
        score += 0.1 * bool(any(a.role == "initiator" for a in actors_))
        score += 0.1 * bool(location) + 0.1 * bool(date)
        score += 0.05 * min(3, len(c.mentions) - 1)
        return round(min(0.95, score), 2)

    @staticmethod
    def _salience(c: Cluster, ev: Event) -> float:
        strong = [m for m in c.mentions if not m.weak]
        lede = any(m.sent.start < 3 or m.sent.start_char < 400 for m in strong)
        killed = bool(ev.fatalities and ev.fatalities.best)
        shallow = min(depth(m.head) for m in strong)
        return 2.0 * len(strong) + 3.0 * lede + 1.5 * killed + 1.0 * bool(ev.acled) - 0.5 * shallow \
            - 0.0001 * c.first.start

    def _summary(self, ev: Event) -> str | None:
        template = self.lex.summaries.get(ev.type)
        if not template:
            return None
        init = next((a.name or a.text for a in ev.actors if a.role == "initiator"), "an unidentified actor")
        target = next((a.name or a.text for a in ev.actors if a.role == "target"), "")
        when = f"On {ev.date.value}, " if ev.date and ev.date.value and ev.date.precision == "day" else ""
        where = f" in {ev.location.text}" if ev.location else ""
        how = f" ({ev.acled.sub_event_type})" if ev.acled else ""
        text = template.format(when=when, initiator=init, target=target or "others", where=where, how=how)
        text = text.replace("  ", " ")
        if ev.fatalities and ev.fatalities.best is not None:
            text += f" Fatalities: {ev.fatalities.best}" + (" (disputed)." if ev.fatalities.disputed else ".")
        return text[0].upper() + text[1:]
