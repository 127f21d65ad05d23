"""Where an event happened: the place an event's own words, the parse and the report's context give it
(assemble.py builds the events; this module places them, dating.py dates them)."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import yaml

from . import actors, gazetteer
from .events import Mention
from .namesakes import (HOME_TOWN_MAX, REGIONAL_COUNTRIES, _abbreviation, _home_region, _market, _namesake,
                        _others_abroad, _outside_home, _postal_codes, _postal_state, _station_town, _weak)
from .nlp import as_read, text_of
from .places import ADMIN_WORDS, DIRECTIONS, TOWN_LOCATIVE, PlaceMention, _people_names, country_name
from .record import Location, Span
from .roles import Role

if TYPE_CHECKING:
    from .assemble import Cluster

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


# Words that lead what a protest is against: "protest against the visit to India", "rallies over killings in Iraq".
GRIEVANCE_WORDS = {"against", "over", "about"}


def _grievance(m: Mention, p: PlaceMention) -> bool:
    """Is the place, linked to a protest's words, part of what the protest is about rather than where it is:
    behind "against", "over" or "about", or in the protest's object ("protested the lynching of a man in
    Nagaland")? Such a place is not linked to the protest; a town the sentence puts it in ("gathered in
    Lucknow to protest against ... in Nigeria") then comes first, as a town ranks before a country."""
    if m.category.plover != "PROTEST" or p.root.i == m.head.i:
        return False
    path = [p.root, *p.root.ancestors]
    below = path[:next((i for i, t in enumerate(path) if t.i == m.head.i), len(path))]
    if not below:
        return False
    return below[-1].dep_ == "dobj" or any(t.lower_ in GRIEVANCE_WORDS for t in below)


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
    told = _told_towns(places)
    market = _market(as_read(places[0].root.doc)) if places else None  # a station's state: its towns first
    home_states = _home_region(places)  # ... and the states the story places itself in
    best, best_key = None, None
    outlet = _outlet_span(places)
    people = _people_names(places[0].root.doc) if places else set()
    for p in places:
        if not p.resolved or p is site or _weak(p) and not _kind_told(p) or _abbreviation(p.text) or _street_like(p):
            continue  # "Md." before a name is no Maryland; a state's abbreviation only qualifies a town
        if p.text in people and not p.dateline and not _town_led(p):
            continue  # "Tyrell Hall ... Hall said": a person told again, not the town "Hall"
        if p.attributive and not (p.label != "NORP" and p.entry is not None and (home is None or p.iso3 == home)):
            continue  # a town that opens a name ("Carbondale Police", "an Albuquerque teen") tells a local story's town
        if home is not None and p.iso3 != home and tally[home] > tally.get(p.iso3, 0):
            continue
        same = not p.attributive and any(a <= p.start < b for _, a, b in anchors)
        away = market is not None and p.entry is not None and (p.entry.country, p.entry.admin1) != ("USA", market)
        # the outlet's town in a page title ("- KXYZ News 4 - Memphis") only where the report names no other
        # a street lies in a town of the story's own states; a story's context town need not (a state it names
        # in passing, a surname taken for a town, says little of where the report is)
        outside = site is not None and _outside_home(p.entry, home_states)
        # a street's town is the one named beside it; an event whose sentences name no place is in the town the
        # report tells most of
        said = -told.get(_entry_key(p), 0)
        near = (not same, said) if site is not None else (said, not same)
        key = ((p.precision or 4) > 2, away and outside, _in_outlet(p, outlet), away, outside, p.precision or 4, *near,
               min(abs(p.start - x) for x, _, _ in anchors))
        if best_key is None or key < best_key:
            best, best_key = p, key
    return best


def _kind_told(p: PlaceMention) -> bool:
    """Does a word for a kind of place follow a name the gazetteer alone found ("the Chandigarh district
    magistrate", "Janakpur city"), or does the name follow a place and a comma ("Khairatoka, Siraha")? Then it is
    a place, though no locative leads it. Not for a US town, whose local news the tally of told towns reads."""
    if p.entry is not None and p.entry.country in REGIONAL_COUNTRIES:
        return False
    doc = p.root.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return after in ADMIN_WORDS or span.start >= 2 and doc[span.start - 1].text == "," \
        and doc[span.start - 2].text[:1].isupper() or span.start >= 1 and doc[span.start - 1].text == "(" \
        and after == ")"  # "the hartal here (Noakhali)"


def _before(p: PlaceMention):
    """The "in" before a name (over a "the"), or None."""
    doc = p.root.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    i = span.start - 1
    if doc[i].lower_ == "the" and i > 0:
        i -= 1
    return doc[i] if doc[i].lower_ == "in" else None


def _hospital(p: PlaceMention) -> bool:
    """Does the name say where a hospital is ("Vanderbilt University Medical Center in Nashville", "a hospital in
    Dayton")? A victim is taken there; the event is not there."""
    prep = _before(p)
    if prep is None or prep.head.i == prep.i:
        return False
    head = prep.head
    words = _vocabulary()["hospital_nouns"]
    return head.lower_ in words or head.lower_ in ("center", "centre") and any(
        t.lower_ in ("medical", "trauma", "health") for t in head.lefts)


def at_hospital(p: PlaceMention) -> bool:
    """A hospital's name ("Mount Sinai Hospital", "Roseland Community Hospital") or the town one is in ("a
    hospital in Oak Lawn")."""
    nouns = _vocabulary()["hospital_nouns"]
    doc = p.root.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    after = doc[span.end:span.end + 3] if span is not None else []
    named = [t.lower_ for t in span or []] + [t.lower_ for t in after if t.ent_iob_ == "I" or t.is_title]
    return _hospital(p) or any(w in nouns or w == "medical" for w in named)


def _town_led(p: PlaceMention) -> bool:
    """Does a preposition that leads towns rather than persons lead the name ("in Hall", not "of Hall")?"""
    doc = p.root.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in TOWN_LOCATIVE


def _entry_key(p: PlaceMention) -> tuple:
    e = p.entry
    return (e.geonames_id, e.name, e.lat, e.lon) if e is not None else (p.text,)


def _told_towns(places: list[PlaceMention]) -> dict[tuple, float]:
    """How much a report tells of each place it names: once for every time it names it (as a modifier too: "an
    Albuquerque teen", "Fairmont police"), more for its headline and dateline, and half as much again for each
    time it names a place near it (its county, a neighbouring town). A local report names its town and the
    places around it again and again; a street's or a person's name taken for a town's stands alone. A surname
    of a person the report names in full ("Officer John Smith ... Smith fired") tells nothing."""
    out: dict[tuple, float] = {}
    if not places:
        return out
    doc = places[0].root.doc
    text = text_of(doc)
    headline = _headline_end(text)
    people = _people_names(doc)
    said: dict[tuple, tuple[PlaceMention, float]] = {}
    outlet = _outlet_span(places)
    for p in places:
        if not p.resolved or p.label == "NORP" or (p.text in people and not p.dateline) or _in_outlet(p, outlet):
            continue
        if p.attributive and not _names_town(p):
            continue  # "Martinez said", "Viola Warren": a person's name more likely than a town's
        if _street_like(p):
            continue  # "Skyline Boulevard", named again and again, tells nothing of a town "Skyline"
        k = _entry_key(p)
        w = 1 + (p.start < headline) + 2 * p.dateline
        said[k] = (said[k][0] if k in said else p, (said[k][1] if k in said else 0) + w)
    for k, (p, w) in said.items():
        near = sum(v for j, (q, v) in said.items() if j != k and _km(p, q) <= NEIGHBOUR_KM)
        out[k] = w + near / 2
    return out


def _names_town(p: PlaceMention) -> bool:
    """Does a name that qualifies a word name the report's town: "Fairmont police", "an Albuquerque teen"?"""
    doc = p.root.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    return doc[span.end].lower_ in _vocabulary()["town_nouns"]


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, frozenset[str]]:
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/locate.yaml").read_text("utf-8")) or {}
    return {key: frozenset(str(w).lower() for w in words) for key, words in raw.items()}


# What closes a headline's own words: a web page title goes on with its outlet's name ("Man shot in Elm Park
# - WXYZ News 7, Springfield") after a dash or a bar.
HEADLINE_TAIL = re.compile(r"\s[-|\u2013\u2014]\s|\n")


def _headline_end(text: str) -> int:
    m = HEADLINE_TAIL.search(text, 0, 300)
    return m.start() if m else min(len(text), 200)


# How far apart two places a report names may lie and still tell of one another (a town and its county).
NEIGHBOUR_KM = 40.0


def _km(p: PlaceMention, q: PlaceMention) -> float:
    """Great-circle distance between two resolved places."""
    la1, lo1, la2, lo2 = map(math.radians, (p.lat, p.lon, q.lat, q.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


# How far an arrest made at a protest falls behind that protest in the salience order (ACLED codes the


def _location_of(said: PlaceMention, at: PlaceMention, precision: int, note: str) -> Location:
    """A location named as ``said`` in the text whose point is that of ``at``."""
    e = at.entry
    return Location(text=said.text, name=at.name, country=at.iso3, admin1=e.admin1 if e else None,
                    lat=at.lat, lon=at.lon, geonames_id=e.geonames_id if e else None, precision=precision,
                    note=note, evidence=Span(start=said.start, end=said.end))


def location(c: Cluster, places: list[PlaceMention]) -> Location | None:
    """Where the event happened: a place the parse links to one of its mentions (a town before a
    country, a resolved place before an unresolved one, the finer first), else a place named in one of its
    sentences. A town with no gazetteer entry takes the country the event's other mentions name. A US report's
    dateline town outranks a bigger town or a county it names in passing (_dateline_town), and a place in a state
    the report hardly tells of gives way to the state it tells of throughout (_home_state_town)."""
    found = _event_place(c, places)
    return _dateline_town(found, places) or _home_state_town(found, c, places) or found


# A local report's dateline town gives way to no bigger town of its state named in passing further than this.
DATELINE_KM = 150.0
# ... nor to its own county (whose point lies this near the dateline's town); a county further off is one the
# bureau of the dateline reports on ("CHARLESTON, W.Va. (AP) - ... in Logan County").
DATELINE_COUNTY_KM = 60.0


def _entry_at(loc: Location, places: list[PlaceMention]):
    """The gazetteer entry of the place a location was read from, where a place the report names gave it."""
    for p in places:
        if p.start == loc.evidence.start and p.entry is not None:
            if p.entry.geonames_id == loc.geonames_id:
                return p, p.entry
            return p, next((e for e in gazetteer.default().candidates(p.text) if e.geonames_id == loc.geonames_id),
                           None)
    return None, None


def _told_in(p: PlaceMention) -> bool:
    """Is the name told as where something is ("killed in Atlanta on Friday"), not as what a place lies near or
    belongs to ("outside Atlanta", "west of Atlanta", "in Atlanta's suburbs", "at Cincinnati Children's")?"""
    doc = p.root.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.start == 0 or doc[span.start - 1].lower_ not in ("in", "at"):
        return False
    after = doc[span.end] if span.end < len(doc) else None  # "in Atlanta suburbs", "at Cincinnati Children's"
    return after is None or not (after.lower_ in ("'s", "\u2019s") or after.pos_ in ("NOUN", "PROPN", "PART"))


def _dateline_town(loc: Location | None, places: list[PlaceMention]) -> Location | None:
    """The dateline's town of a US local report ("DOUGLASVILLE, Ga. -"), for an event placed at a bigger town of
    its state that the report names in passing ("a metro Atlanta family"), at a county ("Pasco deputies"), at a
    city that shares its state's name ("New York State Police" in a report from Herkimer), or in another state
    the report tells less of (not a city everyone knows). A town smaller than the dateline's stays: a bureau
    files the stories of the small towns around it ("SALEM, Ore. - ... in Woodburn"). None where nothing moves."""
    if loc is None or loc.lat is None or loc.note or loc.evidence is None:
        return None
    line = next((p for p in places if p.dateline and p.entry is not None and p.entry.kind == "city"
                 and p.entry.country in REGIONAL_COUNTRIES), None)
    if line is None:
        return None
    said, e = _entry_at(loc, places)
    if said is None or e is None or said.dateline or said.within is not None or _postal_state(said, places):
        return None
    d = line.entry
    far = _km(line, replace(said, entry=e))
    if far <= 25:
        return None
    if (e.country, e.admin1) == (d.country, d.admin1):
        state = said.text.lower() in {n.lower() for n in _postal_codes().values()}  # "New York" read as the city
        county = e.kind == "admin2" and far <= DATELINE_COUNTY_KM
        if not state and not county and (far > DATELINE_KM or not (
                e.kind == "city" and e.population >= 2 * d.population and not _told_in(said))):
            return None
    else:
        tally = _state_tally(places)
        if e.country not in REGIONAL_COUNTRIES or e.kind == "city" and e.population >= HOME_TOWN_MAX \
                or tally.get((e.country, e.admin1), 0) >= tally.get((d.country, d.admin1), 0):
            return None  # a city everyone knows is itself: "DALLAS - ... the Baton Rouge shooter"
    return _location_of(line, line, precision=max(1, line.precision or 1),
                        note=f"in or near {line.name}, the town the report is filed from; it names "
                             f"'{loc.text}' in passing").model_copy(update={"text": loc.text, "evidence": loc.evidence})


# A local report tells of its own state at least this often, and this many times as often as of the state of
# the place an event took, before the event moves to the report's state.
HOME_STATE_MIN = 4.0
HOME_STATE_RATIO = 3.0


def _state_tally(places: list[PlaceMention]) -> dict[tuple[str, str | None], float]:
    """How much a report tells of each state (a country abroad): each time it names the state, a county or town
    in it, more for its headline and dateline; a surname of a person it names, a name that qualifies a word
    other than a town's ("Viola Warren"), the outlet's own town count nothing."""
    out: dict[tuple[str, str | None], float] = {}
    if not places:
        return out
    doc = places[0].root.doc
    headline = _headline_end(text_of(doc))
    people = _people_names(doc)
    outlet = _outlet_span(places)
    for p in places:
        e = p.entry
        if e is None or p.label == "NORP" or (p.text in people and not p.dateline) or _in_outlet(p, outlet):
            continue
        if p.attributive and not _names_town(p) or _street_like(p):
            continue
        k = (e.country, e.admin1 if e.country in REGIONAL_COUNTRIES else None)
        out[k] = out.get(k, 0) + 1 + (p.start < headline) + 2 * p.dateline
    return out


def _home_state_town(loc: Location | None, c: Cluster, places: list[PlaceMention]) -> Location | None:
    """The town of the state a local report tells of throughout, for an event placed in another state of its
    country that the report names hardly at all: "Uptown" read as a Colorado county, a hospital's name read as an
    Ohio town, in a report that names Chicago and Illinois again and again. A place the report qualifies with its
    state ("Dayton, Ohio") or files from stays. None where nothing moves."""
    if loc is None or loc.lat is None or loc.evidence is None:
        return None
    said, e = _entry_at(loc, places)
    if said is not None and (said.dateline or said.within is not None or _postal_state(said, places)):
        return None
    if not loc.note and e is not None and e.kind == "city" and e.population >= HOME_TOWN_MAX:
        return None  # a city everyone knows, named bare as the event's place, is itself
    if loc.country not in REGIONAL_COUNTRIES:
        return None  # "a Dayton soldier killed in Kandahar": a town abroad is itself, however little told
    tally = _state_tally(places)
    here = (loc.country, loc.admin1)
    home = max((k for k in tally if k[0] in REGIONAL_COUNTRIES), key=tally.get, default=None)
    if home is None or home == here or tally[home] < HOME_STATE_MIN \
            or tally[home] < HOME_STATE_RATIO * max(1.0, tally.get(here, 0)):
        return None
    town = _town_in_context(c, [p for p in places if p.entry is not None and p.entry.kind in ("city", "admin2")
                                and (p.entry.country, p.entry.admin1) == home], None)
    if town is None:
        return None
    return _location_of(town, town, precision=max(2, town.precision or 2),
                        note=f"in or near {town.name}: the report tells of {home[1]} throughout, and of where "
                             f"'{loc.text}' was read to lie hardly at all").model_copy(
        update={"text": loc.text, "evidence": loc.evidence})


def _event_place(c: Cluster, places: list[PlaceMention]) -> Location | None:
    best, best_key = None, None
    wholes, strays = _parts_and_wholes(places)
    outlet = _outlet_span(places)
    for n, m in enumerate(sorted(c.mentions, key=lambda m: (m.weak, m.start))):
        linked = {id(p) for p in _linked_places(m, places) if not _grievance(m, p)}
        for p in places:
            if p.attributive or not (m.sent.start_char <= p.start < m.sent.end_char) or _in_outlet(p, outlet):
                continue  # "Man shot on Elm Street - WXYZ News, Springfield": the outlet's town, not the event's
            if not _locative(p):
                continue  # "attacks against the United States", "Iran denied": a party, not a place
            if _hospital(p):
                continue  # "taken to a hospital in Dayton": not where it happened
            tier = 0 if id(p) in linked else 2
            key = (tier, p.country is not None, id(p) in strays, p.precision or 4, id(p) in wholes,
                   p.label not in {"GPE", "LOC"}, n, p.start)
            if best_key is None or key < best_key:
                best, best_key = p, key
        for r in (r for r in c.roles if m.sent.start_char <= r.start < m.sent.end_char):
            if r.role == "target" and _facility(r):
                key = (0, False, False, 2, False, False, n, r.start)  # before a country or province, after a town
                if best_key is None or key < best_key:
                    best, best_key = _facility_place(r), key
    if best is None:
        # Only a material event (one ACLED codes) is placed from context: a call or a statement made
        # somewhere unnamed is not thereby in the town the report is filed from.
        town = _town_in_context(c, places, None) if c.lead.category.acled else None
        if town is None:
            return _station_town(c) if c.lead.category.acled else None
        town = _namesake(town, places)
        return _location_of(town, town, precision=max(2, town.precision or 2),
                            note="the place the report's nearest lines name; the event's own sentences name none")
    best = _namesake(best, places)
    if best.resolved and _street_like(best):
        # "the 1500 block of Maryland Drive", "near Thompson and Colorado avenues": a street named after a
        # town or a state lies in the town the report names.
        town = _town_in_context(c, [p for p in places if not _street_like(p)], best)
        town = _namesake(town, places) if town is not None else None
        if town is not None:
            return _location_of(best, town, precision=max(2, town.precision or 2),
                                note=f"in or near {town.name}: the name is a street's here, and {town.name} the "
                                     f"place the report names nearest it")
    if best.resolved and _quarter(best, places):
        # "in the Austin neighborhood", "the Mayfair section", "on the West Side": a part of the report's town,
        # not the namesake town far away ("Austin", Texas). Only where the town the report names lies away from
        # the namesake: "the Dayton area" in a story from Dayton is Dayton itself.
        town = _town_in_context(c, [p for p in places if not _quarter(p, places) and not _street_like(p)
                                    and p.text.lower() != best.text.lower()], best)
        if town is not None and _km(best, town) > NEIGHBOUR_KM and town.entry is not None and best.entry is not None \
                and town.entry.population >= best.entry.population:  # a town's quarter is no bigger than the town
            return _location_of(best, town, precision=max(2, town.precision or 2),
                                note=f"in {town.name}: the name is a neighbourhood's here, and {town.name} the "
                                     f"town the report names nearest it")
    e = best.entry
    home = _home_region(places)
    if (e is not None and e.kind in ("city", "admin2") and _outside_home(e, home)
            and not best.dateline and best.within is None
            and (e.population < HOME_TOWN_MAX or e.country not in home and not _others_abroad(best, places, home))):
        # A bare small-town name of another state in a local story that says which state it is in
        # ("Roosevelt Park" in a Buffalo story is a park, not the Michigan town): the story's own town. A
        # city everyone knows ("Atlanta") is itself, wherever the story is filed.
        # A foreign town named in such a story ("Berlin" in a Connecticut one) is likewise its namesake there.
        town = _town_in_context(c, [p for p in places if p.entry is not None and p.entry.kind in ("city", "admin2")
                                    and not _outside_home(p.entry, home)], best)
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
        town = _town_in_name(best, places)
        if town is not None and town.country in REGIONAL_COUNTRIES and (not home or _outside_home(town, home)):
            town = None  # "St. Mary's Hospital", "North Park" in a US report: a town of that name in the
            # report's own states, else the town the report names (not Rockville, Indiana, for "North Park")
        if town is not None:
            return Location(text=best.text, name=town.name, country=town.country, admin1=town.admin1,
                            lat=town.lat, lon=town.lon, geonames_id=town.geonames_id, precision=2,
                            note=f"near {town.name}, the town its name carries",
                            evidence=Span(start=best.start, end=best.end))
        # A street, park or building the gazetteer cannot know ("Erb Street", "Constitution Park"):
        # it lies in the town the report names beside it.
        town = _town_in_context(c, places, best)
        town = _namesake(town, places) if town is not None else None  # "Birmingham" of a station's report
        if town is not None and (best.hint is None or town.iso3 == best.hint):
            return _location_of(best, town, precision=max(2, town.precision or 2),
                                note=f"in or near {town.name}, the place the report names nearest it")
        if town is None and best.hint is None and c.lead.category.acled:
            station = _station_town(c)  # "shot on Crenshaw Street" in a station's report that names no town
            if station is not None:
                return station.model_copy(update={
                    "text": best.text, "evidence": Span(start=best.start, end=best.end),
                    "note": f"in or near {station.name}, the town of the station the report comes from "
                            f"({station.text}); the report names no town"})
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


# What joins a place to a wider one it lies in: "Sharsha upazila of Jessore", "Rampur village in Kakching", "X near Y".
PART_OF = re.compile(r"^(?: (?:area|village|town|city|upazila|union|tehsil|block|mandal|thana|police station)s?)?"
                     r"(?:,)? (?:of|in|under|near) (?:the )?$", re.I)
# A part named beside its whole lies within this distance of it; a namesake further away is not the part meant.
PART_KM = 50.0


def _parts_and_wholes(places: list[PlaceMention]) -> tuple[set[int], set[int]]:
    """The places named as the whole another place lies in ("[Jessore]" in "Sharsha upazila of Jessore"), which
    rank after the part; and the parts whose namesake chosen lies far from their whole, which rank after it."""
    wholes, strays = set(), set()
    ordered = sorted((p for p in places if not p.attributive), key=lambda p: p.start)
    if not ordered:
        return wholes, strays
    text = text_of(ordered[0].root.doc)
    for p, q in zip(ordered, ordered[1:]):
        if p.resolved and q.resolved and _possessive_whole(p, text[p.end:q.start]):
            wholes.add(id(p))  # "in Bihar's Gaya district", "south Kashmir's Anantnag": Gaya, Anantnag
            continue
        if not (p.resolved and q.resolved and PART_OF.match(text[p.end:q.start])):
            continue
        if (p.precision or 4) < (q.precision or 4) or p.precision == q.precision:
            if _km(p, q) <= PART_KM:
                wholes.add(id(q))
            else:
                strays.add(id(p))
    return wholes, strays


# What lies between a whole in the possessive and its part: "Bihar's Gaya", "Pattani's Sai Buri".
POSSESSIVE_GAP = re.compile(r"^(?:['\u2019]s?)?[ ]$")


def _possessive_whole(p: PlaceMention, gap: str) -> bool:
    """Is the place a province or town in the possessive that the next name lies in ("Bihar's Gaya district")?"""
    possessive = p.text.endswith(("'s", "\u2019s", "'", "\u2019")) or gap[:1] in {"'", "\u2019"}
    return possessive and bool(POSSESSIVE_GAP.match(gap))


# A name used as a street's: "the 1500 block of Maryland", "the intersection of Brewton and Lockett streets",
# "Connecticut Ave.", "Thompson and Colorado avenues".
STREET_BEFORE = re.compile(r"\b(?:block|intersection|corner) of (?:the )?$", re.I)
STREET_AFTER = re.compile(r"(?: (?:and|&) [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?)? "
                          r"(?:(?i:streets|avenues|roads|boulevards|drives)"
                          r"|Street|Avenue|Road|Boulevard|Drive|Lane|Place|Court|Parkway|Highway|St|Ave|Rd|Blvd|Dr)\b")


# A part of a town: "the Austin neighborhood", "Chicago's Gresham neighborhood", "the Mayfair section of ...".
QUARTER_AFTER = re.compile(r" (?:neighborhoods?|neighbourhoods?|section|community area)\b", re.I)
QUARTER_BEFORE = re.compile(r"(?:\bthe|['\u2019]s) $", re.I)
QUARTER_BEFORE_SMALL = re.compile(r"(?:\bthe|\ban?|['\u2019]s) $", re.I)
# Words of a name that says only which part of a town: "West", "Northeast", "the Far South Side".
QUARTER_WORDS = {"side", "far", "near", "end", "the"}


def _quarter(p: PlaceMention, places: list[PlaceMention]) -> bool:
    """Is the name a neighbourhood's or a quarter's of the report's town: "the Gresham neighborhood" (here or
    where the report names it elsewhere), "in Northeast" (Washington), "on the West Side"?"""
    words = p.text.lower().split()
    if words and all(w in DIRECTIONS or w in QUARTER_WORDS for w in words):
        return True
    text = text_of(p.root.doc)
    # "a Washington Park neighborhood" too, but not "a Chicago neighborhood": a city people know is itself
    small = p.entry is not None and p.entry.population < HOME_TOWN_MAX
    return any(QUARTER_AFTER.match(text, q.end) and (QUARTER_BEFORE if not small else QUARTER_BEFORE_SMALL).search(
        text, max(0, q.start - 6), q.start) for q in places if q.text.lower() == p.text.lower())


def _street_like(p: PlaceMention) -> bool:
    text = text_of(p.root.doc)
    return bool(STREET_BEFORE.search(text[max(0, p.start - 30):p.start]) or STREET_AFTER.match(text, p.end))


def _outlet_span(places: list[PlaceMention]) -> range:
    """Where a web page title names its outlet: after a dash or bar in the first line ("Man shot on Elm
    Street - WXYZ News 7, Springfield, Ohio")."""
    if not places:
        return range(0)
    text = text_of(places[0].root.doc)
    line = text.find("\n")
    if line < 0 or line > 200 or any(p.dateline and p.start < line for p in places):
        return range(0)  # no title line: "SCRANTON, Pa. (AP) — A man ..." opens the story itself
    end = _headline_end(text)
    return range(end, line) if end < line else range(0)


def _in_outlet(p: PlaceMention, outlet: range) -> bool:
    return bool(outlet) and p.start < outlet.stop and outlet.start < p.end


def _town_in_name(site: PlaceMention, places: list[PlaceMention]):
    """The town a facility's name carries ("Balad Air Base" -> Balad), in the country its name or the
    report implies; None where the name holds no town's name or the town is ambiguous."""
    words = site.text.split()
    core = [w for w in words if w.lower().strip(".,") not in GENERIC_SITE_WORDS]
    if not core or len(core) == len(words):
        return None  # nothing generic to strip: "Erb Street" is no town's name plus a kind word
    countries = {site.hint} if site.hint else {p.iso3 for p in places if p.resolved and p.iso3}
    towns = [e for e in gazetteer.default().candidates(" ".join(core)) if e.kind == "city" and e.country in countries]
    return max(towns, key=lambda e: e.population) if towns else None
