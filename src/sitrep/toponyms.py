"""Toponym resolution: which gazetteer entry, if any, each place mention of an article names.

A name is resolved among its namesakes by what the rest of the article says (never
by itself): a following ", Province" or ", Country" qualifier, the countries and
provinces the article names, its home state, what the name is called ("X province",
"X district"), and population as the prior. Country names and regions of a country
resolve to the country's point. A name with no fitting candidate stays unresolved
with the reason in ``note``. The mentions come from places.py.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc

from . import actors, gazetteer, regions
from . import toponym_coherence as coherence
from . import toponym_context as passes
from . import toponym_parts as parts
from .toponym_parts import OF_PLACE
from .gazetteer import Entry
from .nlp import text_of
from .places import (ADMIN_WORDS, CENTRE_WORDS, DIRECTIONS, DIVISION_PLURALS, SECOND_LEVEL_WORDS, PlaceMention,
                     _capitalised, led_by_locative)

# Abbreviated first words of town names and their long forms.
ABBREVIATIONS = {"mt": "Mount", "ft": "Fort"}
ABBREVIATED = re.compile(r"(Mt|Ft)\.?[ ]", re.I)
# A capitalised word right before a name, which may be the first word of the name cut short ("New Concord").
LEAD_WORD = re.compile(r"(?<![\w.])([A-Z][a-z]+)[ ]$")
# A list of second-level divisions before their plural word: "Clay and Wilkin counties".
DIVISION_LIST = re.compile(r"(?:(?:,[ ]+(?:and[ ]+|or[ ]+)?|[ ]+(?:and|or|&)[ ]+)[A-Z][\w'.-]*(?:[ ][A-Z][\w'.-]*){0,2})*"
                           r"[ ]+(?:" + "|".join(DIVISION_PLURALS) + r")\b")
# What each other name the first choices place in a province adds to a candidate there, up to HOME_NAMES names.
HOME_WEIGHT = 1.5
HOME_NAMES = 3
# The note of a name none of whose namesakes lies in the countries the article names.
NOT_IN_COUNTRIES = "no candidate in the article's countries"
# What a candidate loses where the name is only one of its other names and other candidates bear it.
OTHER_NAME_PENALTY = 1.0
# What a town gains when the name is its own, not one of its other or former names (a tenfold population is
# worth 0.8).
OWN_NAME = 1.0
# A possessive ending: "Kandahar's".
POSSESSIVE = re.compile(r"['\u2019]s?$")
# Words of the names of a town's parts: "the East Side", "Old Town", "Downtown".
QUARTER_WORDS = {"side", "end", "town", "downtown", "uptown", "midtown", "old", "new"}
# A city of at least this many people keeps a name for itself against the province that bears it too:
# "Washington" is the capital, not the state.
BIG_NAMESAKE = 100_000
# Below this population a town is not taken by a one-word other name spelt unlike its own ("Plaza", "Guns").
OTHER_NAME_TOWN_MAX = 100_000
# Countries whose towns' other names in the gazetteer are former names or parts, not spellings of the name in
# another script ("Laxmipur" and "Lakshmipur" are one town; "Maryville" was Beeville, Texas, long ago).
ENGLISH_NAMED = {"USA", "CAN", "GBR", "IRL", "AUS", "NZL"}
# An organisation named after a state places a text that names no country there only if the state has this many
# people.
ORG_STATE_MIN = 1_000_000
# What a country's capital gains over its namesakes in that country where the article is set there.
CAPITAL_WEIGHT = 9.0
# A town of a country next to the article's is taken by its name alone only if it has this many people.
BORDER_TOWN_MIN = 5000
# A town whose name no other state has says alone which state the article is about if it is this big.
REGION_TOWN_MIN = 50_000
# What a province the article's other places lie in adds to a candidate there (a province the text names
# as context adds 2.5).
REGION_WEIGHT = 1.5


# -- resolution ------------------------------------------------------------------------
@dataclass
class Context:
    """What the article says of where it is: the countries and provinces it names. ``own`` and ``sources``
    say which names gave that evidence, so that a name never counts as its own context: "Dublin" said five
    times is no sign that an Ohio story is about Ireland, nor "Washington" that it is about the state."""

    countries: dict[str, float]
    admin1: set[tuple[str, str]]
    region: frozenset[tuple[str, str]] = frozenset()  # provinces the article's other places lie in
    own: dict[str, dict[str, float]] = field(default_factory=dict)  # name key -> what it adds to countries
    sources: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # province -> names that place it
    home: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # province -> names first placed there

    def weight(self, e: Entry, name: str | None = None) -> float:
        name = coherence.family(name) if name else name
        score = 0.0
        n = self.countries.get(e.country, 0) - self.own.get(name, {}).get(e.country, 0)
        if n > 0:
            score += 2.0 + min(n, 3.0)
        pair = (e.country, e.admin1)
        if e.admin1 and pair in self.admin1 and self._other(pair, name):
            score += 2.5
        elif e.admin1 and pair in self.region and self._other(pair, name):
            score += REGION_WEIGHT  # less than a province the text names: Atlanta is still Atlanta, Georgia
        others = len(self.home.get(pair, set()) - {name}) if e.admin1 else 0
        return score + HOME_WEIGHT * min(others, HOME_NAMES)

    def _other(self, pair: tuple[str, str], name: str | None) -> bool:
        """Does something besides the name itself place the article in the province?"""
        names = self.sources.get(pair)
        name = coherence.family(name) if name else name
        return names is None or name is None or bool(names - {name})


def _lookup_name(p: PlaceMention, gaz) -> tuple[str, str | None]:
    """The name to look up and the kind word that goes with it. The name as written comes first ("Kansas
    City", "West Virginia"); where the gazetteer lacks it, without a kind word ("Helmand province") or a
    leading direction ("eastern Kandahar")."""
    words = POSSESSIVE.sub("", p.text).split()
    if len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    kind = None
    if regions.lookup(" ".join(words)) is not None:
        return " ".join(words), None  # "South Ossetia", "the North Atlantic": a region's own name
    lead = LEAD_WORD.search(text_of(p.root.doc), 0, p.start)
    if lead and gaz.knows(lead.group(1) + " " + " ".join(words)):
        return lead.group(1) + " " + " ".join(words), None  # "Concord" cut from "New Concord Reservoir"
    if not gaz.knows(" ".join(words)):
        if len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
            kind = ADMIN_WORDS[words.pop().lower()]
        while len(words) > 1 and words[0].lower() in DIRECTIONS:
            words.pop(0)
    doc = p.root.doc
    after = doc.char_span(p.end, min(p.end + 40, len(text_of(doc))), alignment_mode="contract") if p.end < len(text_of(doc)) else None
    if kind is None and after is not None and len(after) and after[0].lower_ in ADMIN_WORDS:
        kind = ADMIN_WORDS[after[0].lower_]
    if kind is None and DIVISION_LIST.match(text_of(doc), p.end):  # "Clay and Wilkin counties"
        kind = "district"
    before = KIND_OF.search(text_of(doc)[max(0, p.start - 30):p.start])
    if kind is None and before:  # "the town of Sarban"
        kind = ADMIN_WORDS[before.group(1).lower()]
    if kind is None and _after_qualified_place(p):
        kind = "province"  # "X district, Balkh": the name after the comma says which province
    if kind is None and _province_cue(text_of(doc), p):
        kind = "province"  # "upstate New York", "the New York border", "New York's governor"
    return " ".join(words), kind


def _candidates(name: str, gaz) -> list[Entry]:
    """The name's namesakes, with those of its long form where it opens with an abbreviation ("Mt. Pleasant" is
    also every Mount Pleasant), most populous first."""
    out = [e for e in gaz.candidates(name) if not _other_word(name, e)]
    long = _long_form(name)
    if long != name:
        seen = {coherence.place_id(e) for e in out}
        out = sorted(out + [e for e in gaz.candidates(long) if coherence.place_id(e) not in seen], key=lambda e: -e.population)
    return out


def _other_word(name: str, e: Entry) -> bool:
    """Is the one-word name only some small English-named town's other name, spelt unlike its own ("Plaza" for
    Salem, New Mexico; "Howard" for Delphos, Ohio)? A word like that in a report is an ordinary word, a street or
    a person, not that town. A spelling of the town's own name keeps the consonants that open the name or one
    of its words, and stays."""
    if " " in name.strip() or e.kind != "city" or e.population >= OTHER_NAME_TOWN_MAX \
            or e.country not in ENGLISH_NAMED:
        return False
    bones = gazetteer.skeleton(gazetteer.key(name))
    words = [e.name] + e.name.replace("-", " ").replace("/", " ").split()
    return not any(gazetteer.skeleton(gazetteer.key(w)).startswith(bones) for w in words)


def _long_form(name: str) -> str:
    """The name with its abbreviated first word written out: "Mt. Pleasant" is "Mount Pleasant"."""
    m = ABBREVIATED.match(name)
    return ABBREVIATIONS[m.group(1).lower()] + " " + name[m.end():] if m else name


def _province_cue(text: str, p: PlaceMention) -> bool:
    """Do the words around a name say it is a state or province: "upstate New York", "the Ohio border",
    "New York's attorney general"?"""
    after = text[p.end:p.end + 60]
    if POSSESSIVE.search(p.text):
        after = "'s" + after
    return bool(PROVINCE_BEFORE.search(text[max(0, p.start - 20):p.start]) or PROVINCE_AFTER.match(after))


def _province_named(p: PlaceMention, looked, cands: list[Entry], only: bool) -> bool:
    """Is the name a province's own ("Oregon")? With ``only``, one no town of the province bears (a state named
    after no town of it, not "Kandahar")."""
    k = gazetteer.key(looked[0])
    mine = {(e.country, e.admin1) for e in cands if e.kind == "admin1" and gazetteer.key(e.name) == k}
    if not only:
        return bool(mine)
    return bool(mine) and not any((e.country, e.admin1) in mine for e in cands if e.kind == "city")


def _listed_provinces(text: str, places: list[PlaceMention], looked, cands) -> None:
    """A name listed with states ("Missouri, New York and Virginia", "Oregon and Washington laws") is a state
    too, where it can be one."""
    ordered = [p for p in sorted(places, key=lambda p: p.start) if id(p) in looked]
    for p, q in zip(ordered, ordered[1:]):
        if not LIST_GAP.match(text[p.end:q.start]):
            continue
        for a, b in ((p, q), (q, p)):
            if looked[id(a)][1] is None and _province_named(a, looked[id(a)], cands[id(a)], False) \
                    and _province_named(b, looked[id(b)], cands[id(b)], True):
                looked[id(a)] = (looked[id(a)][0], "province")


def _after_qualified_place(p: PlaceMention) -> bool:
    doc = p.root.doc
    first = doc.char_span(p.start, p.end, alignment_mode="expand")
    if first is None or first.start < 2 or doc[first.start - 1].text != ",":
        return False
    before = doc[first.start - 2]
    if before.lower_ in CENTRE_WORDS and first.start >= 3:
        before = doc[first.start - 3]
    return before.lower_ in ADMIN_WORDS and ADMIN_WORDS[before.lower_] != "province"


def _qualifier(p: PlaceMention, by_start: dict[int, PlaceMention], gaz) -> list[Entry]:
    """The province or country named after a comma: "Dawlat Abad district, Balkh", "Gainesville, Ga."."""
    doc = p.root.doc
    text = text_of(doc)
    i = p.end
    m = OTHER_NAME.match(text, i)  # "Ab Kamari (Sang Atesh) district": either name, then the kind word
    if m:
        i = m.end()
    for words in (ADMIN_WORDS, CENTRE_WORDS):
        rest = text[i:i + 20].lower()
        word = next((w for w in words if rest.startswith(" " + w) and not rest[len(w) + 1:][:1].isalpha()), None)
        if word:
            i += len(word) + 1
    if not text[i:i + 2].startswith(", "):
        return []
    q = by_start.get(i + 2)
    if q is not None:
        if q.country is not None:
            c = q.country
            return [Entry(c.name, "country", c.iso3, None, c.point.lat, c.point.lon, 0, None)]
        name, _ = _lookup_name(q, gaz)
        return [e for e in gaz.candidates(name) if e.kind in {"admin1", "country"}]
    span = doc.char_span(i + 2, min(len(text), i + 2 + 30), alignment_mode="contract")
    if span is None or not len(span) or not _capitalised(span[0]):
        return []
    return [e for e in gaz.candidates(span[0].text) if e.kind in {"admin1", "country"}]


def _score(e: Entry, kind: str | None, qualifiers: list[Entry], ctx: Context, loose: bool,
           towns: set, name: str | None = None) -> float:
    """How well a candidate fits; ``towns`` holds the countries, and the (country, province) pairs, that the
    name's town candidates lie in."""
    score = ctx.weight(e, name) + 0.8 * math.log10(e.population + 1)
    if name and e.kind == "city" and gazetteer.key(e.name) == name:
        # "Islamabad" is Islamabad, not the city that bore the name centuries ago. Towns only: a division keeps
        # a town's old name ("Chittagong" district) where the town's own is new (Chattogram).
        score += OWN_NAME
    if kind is None and e.kind == "city" and ctx.countries.get(e.country, 0) > 0 and _capital(e):
        score += CAPITAL_WEIGHT  # "Washington" in a story set in the US: the seat of its government
    for q in qualifiers:
        if q.kind == "admin1" and e.country == q.country and e.admin1 == q.admin1:
            score += 10.0
        elif q.kind == "country" and e.country == q.country:
            score += 8.0
    if kind is None and e.kind == "admin1" and (e.country, e.admin1) in towns:
        score -= 1.0  # a bare name is a town more often than the province named after it ("Oregon" has no
        # town of the name in Oregon: it is the state's, and the towns elsewhere are named after it)
    elif kind is None and e.kind == "admin2" and e.country in towns:
        score -= 3.0  # and more often than the county or district, whose towns' people its population sums
    if kind == "province":
        score += 4.0 if e.kind == "admin1" else -1.0
    elif kind == "district" and e.kind == "admin2":
        score += 3.0  # a district of an imported GeoNames dump, at its own point
    elif kind in {"district", "city"}:
        score += 2.0 if e.kind == "city" else -1.0
    return score - (3.0 if loose else 0.0)


@lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    return frozenset((iso3, gazetteer.key(c["capital"])) for iso3, c in gazetteer.geonames_countries().items()
                     if c.get("capital"))


def _capital(e: Entry) -> bool:
    """Is the town its country's capital (by name, and big enough to be it, not a namesake village)?"""
    return e.population >= BIG_NAMESAKE and (e.country, gazetteer.key(e.name)) in _capitals()


@lru_cache(maxsize=1)
def _cue_file() -> dict:
    return yaml.safe_load(resources.files("sitrep").joinpath("data/country_cues.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def _weak_cues() -> tuple[int, dict[str, list[re.Pattern]]]:
    """Signs of a country's local news too common elsewhere to count alone, and how many different ones count."""
    raw = _cue_file()
    return int(raw.get("weak_needed", 2)), {
        iso3: [re.compile(r"(?<!\w)(?:" + c + r")(?!\w)", re.I) for c in cues] for iso3, cues in (raw.get("weak") or {}).items()}


def cued_countries(text: str, weak: bool = True) -> dict[str, float]:
    """The countries whose institutions and address styles the text uses (data/country_cues.yaml): the one
    list of local-news words that both place resolution and locate.py read. ``weak=False``: the strong signs
    only."""
    out = {iso3: 1.0 for iso3, cue in _country_cues().items() if cue.search(text)}
    if out or not weak:  # a strong sign says which of the countries whose local news reads alike
        return out
    needed, weak = _weak_cues()
    for iso3, cues in weak.items():
        if sum(1 for c in cues if c.search(text)) >= needed:
            out[iso3] = 1.0
    return out


@lru_cache(maxsize=1)
def _country_cues() -> dict[str, re.Pattern]:
    raw = _cue_file()
    # on word boundaries that hold where a cue begins or ends with a stop too (", Ga.", "state Rep.")
    return {iso3: re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{c})" for c in cues) + r")(?!\w)", re.I)
            for iso3, cues in (raw.get("cues") or {}).items()}


def _context(doc: Doc, places: list[PlaceMention], firm: list[tuple[PlaceMention, Entry]]) -> Context:
    text = text_of(doc)
    # "the 5400 block of Elm Avenue", "the sheriff's office": a country's local news that never names it
    countries = cued_countries(text)
    admin1: set[tuple[str, str]] = set()
    own: dict[str, dict[str, float]] = {}
    sources: dict[tuple[str, str], set[str]] = {}

    def add(name: str, iso3: str, n: float) -> None:
        countries[iso3] = countries.get(iso3, 0) + n
        mine = own.setdefault(coherence.family(gazetteer.key(name)), {})
        mine[iso3] = mine.get(iso3, 0) + n

    for p in places:
        if p.country is not None and p.label != "NORP":  # demonyms count below, at half weight
            add(p.text, p.country.iso3, 1)
    for ent in doc.ents:
        if ent.label_ == "NORP":  # "Afghan police": a weaker hint, as forces act abroad too
            c = actors.country_of(ent.text)
            if c is not None:
                countries[c.iso3] = countries.get(c.iso3, 0) + 0.5
        elif ent.label_ in {"ORG", "PERSON"}:  # "Jubo Dal", "the BNP": a named group of one country
            info = actors.lookup(ent.text)
            if info is not None and info.country and not info.generic and info.backer is None:
                countries[info.country] = countries.get(info.country, 0) + 0.5
    for p, e in firm:
        name = _lookup_name(p, gazetteer.default())[0]
        add(name, e.country, 1)
        if e.admin1:
            admin1.add((e.country, e.admin1))
            sources.setdefault((e.country, e.admin1), set()).add(coherence.family(gazetteer.key(name)))
    # (in a text naming no country, only a big state's name: "Paul" is a Cape Verdean county, and a newspaper's)
    named = {pair for ent in doc.ents if ent.label_ == "ORG" for pair, people in _provinces_in(ent.text).items()
             if (countries.get(pair[0], 0) > 0 or not countries and people >= ORG_STATE_MIN) and pair not in admin1}
    for pair in named:  # "the Georgia Bureau of Investigation": a body of the state the story is set in
        sources.setdefault(pair, set()).add("")
    return Context(countries, admin1, frozenset(named), own=own, sources=sources)


@lru_cache(maxsize=4)
def _province_keys(gaz) -> frozenset[str]:
    return gaz.keys_of_kind("admin1")


def _provinces_in(name: str) -> dict[tuple[str, str], int]:
    """The provinces or states whose names an organisation's name holds ("Georgia Bureau of Investigation", "Helmand
    Provincial Council"); not one that a big city of its country is named after too ("New York Times")."""
    words = name.split()
    gaz = gazetteer.default()
    out = {}
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            part = " ".join(words[i:j])
            if not part[:1].isupper():
                continue
            k = gazetteer.key(part)
            if k not in _province_keys(gaz):
                continue
            cands = gaz.candidates(part)
            states = [e for e in cands if e.kind == "admin1" and gazetteer.key(e.name) == k]
            for e in states:
                if not any(c.kind == "city" and c.country == e.country and c.population >= BIG_NAMESAKE
                           and gazetteer.key(c.name) == k for c in cands):
                    out[(e.country, e.admin1)] = e.population
    return out


def _supported(ctx: Context, iso3: str, name: str) -> bool:
    """Does something besides the name itself place the article in the country?"""
    k = coherence.family(gazetteer.key(name))
    return ctx.countries.get(iso3, 0) - ctx.own.get(k, {}).get(iso3, 0) > 0


def _firm(cands: list[Entry]) -> Entry | None:
    """A candidate that needs no context: a province or big city of the only country the name can be in,
    or of a country whose candidate outnumbers all others tenfold."""
    if not cands:
        return None
    best = max(cands, key=lambda e: (e.kind != "city", e.population))
    if best.kind == "city" and best.population < 1_000_000:
        return None
    if best.kind == "admin2":  # a county is firm where the name is its alone ("Kanawha County")
        return best if len(cands) == 1 else None
    if best.kind == "admin1" and not any(e.kind != "city" or e.country != best.country for e in cands
                                         if e is not best):
        return best  # a province or state no other country's place is named after
    rivals = [e.population for e in cands if e.country != best.country]
    return best if not rivals or best.population >= 10 * max(rivals) else None


def resolve(doc: Doc, places: list[PlaceMention], gaz) -> None:
    """Give each place that is no country its gazetteer entry, or the reason it has none."""
    by_start = {p.start: p for p in places}
    todo = [p for p in places if p.country is None and p.label != "FAC"]
    looked = {id(p): _lookup_name(p, gaz) for p in todo}
    cands = {id(p): _candidates(looked[id(p)][0], gaz) for p in todo}
    _listed_provinces(text_of(doc), places, looked, cands)
    firm = [(p, e) for p in todo if (e := _firm(cands[id(p)])) is not None]
    states = {id(p): _states_of(p, gaz) for p in places if p.country is not None and p.label != "NORP"}
    ctx = _context(doc, [p for p in places if not states.get(id(p))], firm)
    alone = [(p, e) for p, e in firm if e.kind == "city" and not _supported(ctx, e.country, looked[id(p)][0])]
    if alone:  # "Dublin" in a story with nothing else Irish: a big city, but not settled before its namesakes
        firm = [f for f in firm if f not in alone]
        ctx = _context(doc, [p for p in places if not states.get(id(p))], firm)
    for p in places:
        local = [e for e in states.get(id(p)) or [] if ctx.countries.get(e.country, 0) >= 1
                 and p.country.iso3 not in ctx.countries]
        if local:  # "Georgia" in an article about Atlanta and Ohio: the US state, not the country
            p.entry, p.country = max(local, key=lambda e: ctx.countries[e.country]), None
            ctx.admin1.add((p.entry.country, p.entry.admin1))  # and the state places the article's towns
            ctx.sources.setdefault((p.entry.country, p.entry.admin1), set()).add(coherence.family(gazetteer.key(p.text)))
    for p in places:  # "England", "Scotland": a part of the country its name is an alias of, at its own point
        if p.country is not None and p.label != "NORP" and not states.get(id(p)):
            part = _part_of_country(p, gaz)
            if part is not None:
                p.entry, p.country = part, None
    qualified = {id(p): _qualifier(p, by_start, gaz) for p in todo}
    _share_qualifiers(doc, places, qualified)
    for p in todo:
        p.entry, p.note = _choose(p, looked[id(p)], cands[id(p)], qualified[id(p)], ctx, gaz)
    wider = _regional(todo, qualified, cands, ctx, looked)
    if wider is not None:  # again, now knowing the states and counties the article's places lie in
        for p in todo:
            if not qualified[id(p)]:
                p.entry, p.note = _choose(p, looked[id(p)], cands[id(p)], [], wider, gaz)
        for p in places:  # "Georgia" beside "Barrow County" and "Northeast Georgia": the state
            inside = [e for e in states.get(id(p)) or [] if (e.country, e.admin1) in wider.admin1 | wider.region]
            if p.country is not None and inside:
                p.entry, p.country = inside[0], None
    home = wider or ctx
    unplaced = [p for p in todo if p.entry is None and p.note == NOT_IN_COUNTRIES]
    agreed = _agreed(unplaced, cands, looked, home)
    if agreed is not None:  # "Hershey", "Palmyra" and "Annville" in a story that names only Lebanon
        for p in unplaced:
            p.entry, p.note = _choose(p, looked[id(p)], cands[id(p)], [], agreed, gaz)
    towns = []
    for p in places:  # "Palestine" in a story about Anderson County, Texas: the town there
        if p.country is not None and p.label != "NORP" and (town := _home_town(p, home, gaz)) is not None:
            p.entry, p.country = town, None
            towns.append(p)
    for p in towns + _local_towns(doc, places, home, gaz):  # "a Lebanon woman", "400 Locust St., Lebanon"
        todo.append(p)
        looked[id(p)], qualified[id(p)] = (p.text, "city"), []
        cands[id(p)] = [e for e in gaz.candidates(p.text) if e.kind == "city"]
    _cohere(places, todo, cands, looked, qualified, home)
    passes.settle(places, todo, cands, looked, qualified)  # toponym_context.py: one state, one sense, own names
    parts.whole_by_part(doc, places, cands)
    _villages_at_home(places, qualified)
    for p in todo:
        p.within = _widest(qualified[id(p)], p.entry)
    parts.part_near_whole(doc, places, gaz, looked)
    parts.inherit_within(doc, places)
    places[:] = [p for p in places if p.resolved or not _doubtful(p, looked.get(id(p)))]


def _cohere(places: list[PlaceMention], todo: list[PlaceMention], cands: dict[int, list[Entry]],
            looked: dict[int, tuple[str, str | None]], qualified: dict[int, list[Entry]], ctx: Context) -> None:
    """Switch a name to the namesake that the article's other names lie near (toponym_coherence.py)."""
    by_key: dict[str, list[PlaceMention]] = {}
    for p in todo:
        by_key.setdefault(gazetteer.key(looked[id(p)][0]), []).append(p)
    names: list[coherence.Name] = []
    current: dict[str, Entry | None] = {}
    for k, ps in by_key.items():
        chosen = [p.entry for p in ps if p.entry is not None]
        current[k] = max(chosen, key=chosen.count) if chosen else None
        fixed = any(qualified[id(p)] for p in ps) or any(e.kind in {"admin1", "country", regions.KIND} for e in chosen) \
            or any(p.dateline for p in ps) and current[k] is not None and current[k].population >= BIG_NAMESAKE \
            or current[k] is not None and current[k].kind == "city" and _capital(current[k]) \
            and looked[id(ps[0])][1] is None and ctx.countries.get(current[k].country, 0) > 0
        # (a city's bare dateline, "TOPEKA —", is the city's: a paper writes a small namesake's with its state; and a
        # capital named bare in a story set in its country is the capital, whatever small namesake lies near)
        long = gazetteer.key(_long_form(looked[id(ps[0])][0]))  # "Mt. Pleasant" is Mount Pleasant's own name too
        opts = [e for e in cands[id(ps[0])] if e.kind in {"city", "admin2"}
                and (coherence.own_name(e, k) or coherence.own_name(e, long))]
        states = {(e.country, e.admin1) for e in chosen if e.kind == "admin1"}
        states |= {(q.country, q.admin1) for p in ps for q in qualified[id(p)] if q.kind == "admin1"}
        points = [e for e in chosen if e.kind in {"city", "admin2"}] if fixed else opts
        names.append(coherence.Name(k, [] if fixed else opts, points, states, fixed))
    for p in places:  # "Georgia" read as the state: it holds the towns it names
        if p.entry is not None and p.entry.kind == "admin1" and id(p) not in looked:
            names.append(coherence.Name(gazetteer.key(p.text), [], [], {(p.entry.country, p.entry.admin1)}, True))
    kinds = {k: looked[id(ps[0])][1] for k, ps in by_key.items()}
    switch = coherence.cohere(names, current, lambda k, e: _score(e, kinds[k], [], ctx, False, {e.country, (e.country, e.admin1)}, k))
    for k, e in switch.items():
        for p in by_key[k]:
            if not qualified[id(p)]:
                p.entry, p.note = e, None


def _share_qualifiers(doc: Doc, places: list[PlaceMention], qualified: dict[int, list[Entry]]) -> None:
    """A place named as part of another ("the Zawak area of Arghandab district, Kandahar", "Sarbanak of Garmsir
    district, Helmand") lies in the province that qualifies the other: a namesake elsewhere is not meant."""
    text = text_of(doc)
    ordered = sorted(places, key=lambda p: p.start)
    for p, q in reversed(list(zip(ordered, ordered[1:]))):
        if id(p) in qualified and not qualified[id(p)] and qualified.get(id(q)) \
                and OF_PLACE.match(text[p.end:q.start]):
            qualified[id(p)] = [e for e in qualified[id(q)] if e.kind == "admin1"] or qualified[id(q)]


def _village(e: Entry | None) -> bool:
    """A village the gazetteer has from a country's post offices (gazetteer_villages.py): a town of no known
    population and no GeoNames id."""
    return e is not None and e.kind == "city" and e.population == 0 and e.geonames_id is None


def _villages_at_home(places: list[PlaceMention], qualified: dict[int, list[Entry]]) -> None:
    """A village is not one of another country than the article's other places, whatever its demonyms say
    ("Indian border guards fired at Pataria village in Kurigram"): a Bangladeshi village is no namesake in
    India."""
    homes = {p.iso3 for p in places if p.resolved and p.iso3 and not _village(p.entry) and not p.attributive}
    for p in places:
        e = p.entry
        if _village(e) and homes and e.country not in homes and not qualified.get(id(p)):
            p.entry, p.note = None, "a village of another country than the article's places"


def _km(a: Entry, b: Entry) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _regional(todo: list[PlaceMention], qualified: dict[int, list[Entry]], cands: dict[int, list[Entry]],
              ctx: Context, looked: dict[int, tuple[str, str | None]]) -> Context | None:
    """The context widened by the provinces (states) that the first choices place the article in: a state or
    county named ("Tarrant County"), a town qualified by its state ("Arlington, Texas"), and towns whose name only
    one state has ("Shreveport"; a small one only with another beside it). Local news names its region that
    way and leaves its other towns bare ("Mansfield"); None where nothing is learnt."""
    admin1 = set(ctx.admin1)
    sources = {k: set(v) for k, v in ctx.sources.items()}
    unique: dict[tuple[str, str], dict[str, int]] = {}
    for p in todo:
        e = p.entry
        if e is None or not e.admin1:
            continue
        pair, name = (e.country, e.admin1), coherence.family(gazetteer.key(looked[id(p)][0]))
        if e.kind in {"admin1", "admin2"} or qualified[id(p)]:
            admin1.add(pair)
            sources.setdefault(pair, set()).add(name)
        elif len({(c.country, c.admin1) for c in cands[id(p)]}) == 1:
            unique.setdefault(pair, {})[name] = 2 if e.population >= REGION_TOWN_MIN else 1
    for pair, towns in unique.items():
        if sum(towns.values()) >= 2:
            admin1.add(pair)
            sources.setdefault(pair, set()).update(towns)
    home: dict[tuple[str, str], set[str]] = {}
    for p in todo:  # every name the first choices place somewhere: the article's home state gathers most
        if p.entry is not None and p.entry.admin1:
            home.setdefault((p.entry.country, p.entry.admin1), set()).add(coherence.family(gazetteer.key(looked[id(p)][0])))
    for pair, names in ctx.sources.items():
        home.setdefault(pair, set()).update(names)
    if admin1 == ctx.admin1 and not home and not ctx.region:
        return None
    return Context(ctx.countries, ctx.admin1, frozenset(admin1 - ctx.admin1) | ctx.region, own=ctx.own,
                   sources=sources, home=home)


def _quarter(name: str) -> bool:
    """Is the name that of a part of any town ("the West End", "Downtown", "Old Town", "South Side")? Every
    town has one, and a gazetteer's namesake elsewhere is no answer."""
    words = [w.lower() for w in name.split() if w.lower() != "the"]
    return bool(words) and all(w in QUARTER_WORDS | DIRECTIONS for w in words) \
        and any(w in QUARTER_WORDS - {"old", "new"} for w in words)


def _doubtful(p: PlaceMention, looked) -> bool:
    """An unresolved name that is probably no place: one taken only because the gazetteer knew it, or one
    the model calls an organisation or person ("according to NY Times") with no kind word or province."""
    if p.label == "GAZ":
        return True
    return p.label in {"ORG", "PERSON"} and p.within is None and (looked is None or looked[1] is None)


# A town's people and local bodies after its name ("a Lebanon woman", "Jordan Elementary School"), and a street
# address or a person's age before it ("400 Locust St., Lebanon", "Galen Miller, 42, Palestine").
LOCAL_AFTER = re.compile(
    r"(?-i:[ ](?:man|woman|men|women|boys?|girls?|teens?|teenagers?|students?|natives?|couple|family|resident|residents|homeowner"
    r"|Elementary|Middle School|High School|Junior High|Senior High|Independent School|Public Schools?|Public Library"
    r"|City Council|City Hall|Town Council|Township|Police Department|Fire Department|Municipal)\b)")
LOCAL_BEFORE = re.compile(r"(?:\b(?:St|Ave|Rd|Blvd|Dr|Ln|Street|Avenue|Road|Drive|Lane|Boulevard|Pike)\.?|\b\d{1,3}),[ ]$")
# What separates the names of a list: "Missouri, New York and Virginia".
LIST_GAP = re.compile(r"^(?:,[ ]*(?:and[ ]+|or[ ]+)?|[ ]+(?:and|or|&)[ ]+)$")
# Words before or after a name that make it a state or province rather than the town of the name.
PROVINCE_BEFORE = re.compile(r"\b(?:upstate|downstate)\s+$", re.I)
PROVINCE_AFTER = re.compile(
    r"(?:\s+(?:state\s+)?(?:border|borders|state\s+line)\b"
    r"|['\u2019]s?\s+(?:governor|gov\.|attorney\s+general|legislature|lawmakers|legislators|comptroller"
    r"|secretary\s+of\s+state|general\s+assembly|congressional\s+delegation|state\s+(?:senate|house|police"
    r"|capitol|budget)|unemployment\s+rate|jobless\s+rate|counties)\b)", re.I)
KIND_OF = re.compile(r"\b(" + "|".join(ADMIN_WORDS) + r") of (?:the )?$", re.I)
# A district's other name in brackets after its name, or the bracket that closes the other name itself.
OTHER_NAME = re.compile(r"\)|[ ]\([^()\n]{1,40}\)")
def _agreed(unplaced: list[PlaceMention], cands: dict[int, list[Entry]], looked: dict[int, tuple[str, str | None]],
            ctx: Context) -> Context | None:
    """The context widened by a province where two or more of the names that fit none of the article's
    countries have a town: towns of one county that the article never places, named beside a country it
    only mentions. None where no province has two."""
    names: dict[tuple[str, str], set[str]] = {}
    for p in unplaced:
        name = gazetteer.key(looked[id(p)][0])
        for e in cands[id(p)]:
            if e.kind == "city" and e.admin1 and gazetteer.key(e.name) == name:
                names.setdefault((e.country, e.admin1), set()).add(name)
    shared = {pair: found for pair, found in names.items() if len(found) >= 2}
    if not shared:
        return None
    countries = dict(ctx.countries)
    for country, _ in shared:
        countries[country] = max(countries.get(country, 0), 1.0)
    return Context(countries, ctx.admin1, ctx.region | frozenset(shared), own=ctx.own,
                   sources={**ctx.sources, **shared})


def _home_town(p: PlaceMention, ctx: Context, gaz) -> Entry | None:
    """A town of a province the article's other places lie in that bears the name of a country the article
    has no other word of (no other place, demonym or group there)."""
    name = gazetteer.key(p.text)
    if ctx.countries.get(p.country.iso3, 0) - ctx.own.get(name, {}).get(p.country.iso3, 0) > 0:
        return None
    towns = [e for e in gaz.candidates(p.text) if e.kind == "city" and gazetteer.key(e.name) == name
             and (e.country, e.admin1) in ctx.admin1 | ctx.region and ctx._other((e.country, e.admin1), name)]
    return max(towns, key=lambda e: e.population, default=None)


def _local_towns(doc: Doc, places: list[PlaceMention], ctx: Context, gaz) -> list[PlaceMention]:
    """Countries' names written as a town's ("a Lebanon woman", "Jordan Elementary School", "400 Locust St.,
    Lebanon", "Galen Miller, 42, of Palestine"), where a town of the name lies in a country the article's other
    words place it in: that town, the article's other places then choosing among its namesakes."""
    text = text_of(doc)
    out = []
    placed = {p.entry.country for p in places if p.entry is not None and p.country is None}
    for p in places:
        if p.country is None or p.label == "NORP" or " " in p.text.strip() or not _local_use(doc, text, p):
            continue
        name = gazetteer.key(p.text)
        towns = [e for e in gaz.candidates(p.text) if e.kind == "city" and gazetteer.key(e.name) == name
                 and (e.country in placed or ctx.countries.get(e.country, 0) - ctx.own.get(name, {}).get(e.country, 0) > 0)]
        if towns:
            p.entry, p.country = max(towns, key=lambda e: ctx.weight(e, name) + 0.8 * math.log10(e.population + 1)), None
            p.attributive = False
            out.append(p)
    return out


def _local_use(doc: Doc, text: str, p: PlaceMention) -> bool:
    """Is the name used as a town's: before a word for its people or its local bodies, or after a street
    address or a person's name and age?"""
    for m in re.finditer(r"(?<![\w-])" + re.escape(p.text) + r"(?![\w-])", text):  # any of its occurrences
        if LOCAL_AFTER.match(text, m.end()) or LOCAL_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            return True
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    prev = doc[span.start - 2]
    return prev.ent_type_ == "PERSON" or prev.text == "," and span.start >= 3 and doc[span.start - 3].like_num


def _part_of_country(p: PlaceMention, gaz) -> Entry | None:
    """The province of the mention's country that bears its name, where the country itself does not ("England"
    is a part of the United Kingdom, "Iraq" is no province of Iraq)."""
    k = gazetteer.key(POSSESSIVE.sub("", p.text))
    if k in {gazetteer.key(n) for n in (p.country.name, p.country.iso3)}:
        return None
    return next((e for e in gaz.candidates(p.text) if e.kind == "admin1" and e.country == p.country.iso3
                 and gazetteer.key(e.name) == k), None)


def _states_of(p: PlaceMention, gaz) -> list[Entry]:
    """Provinces or states of another country that a country's name also names ("Georgia", "north Georgia")."""
    words = p.text.split()
    while len(words) > 1 and words[0].lower() in DIRECTIONS:
        words.pop(0)
    return [e for e in gaz.candidates(" ".join(words)) if e.kind == "admin1" and e.country != p.country.iso3]


def _widest(qualifiers: list[Entry], chosen: Entry | None) -> Entry | None:
    """The qualifier that holds the chosen place, or the most populous one where none is chosen."""
    fits = [q for q in qualifiers if chosen is None or q.country == chosen.country]
    return max(fits, key=lambda q: q.population) if fits else None


def _choose(p: PlaceMention, looked: tuple[str, str | None], cands: list[Entry], qualifiers: list[Entry],
            ctx: Context, gaz) -> tuple[Entry | None, str | None]:
    """The candidate that fits the name's qualifier and the article's places best, or why none does."""
    name, kind = looked
    if not qualifiers and (region := regions.lookup(name)) is not None:
        return region, None  # "the Middle East", "Darfur": the region, not a hamlet of the name
    if _quarter(name):
        return None, "a part of a town ('the East Side', 'Old Town'), not a town"
    within = {q.country for q in qualifiers}
    options = [(e, False) for e in cands if not within or e.country in within]
    if not options and name.split() and name.split()[-1].lower() not in SECOND_LEVEL_WORDS \
            and (kind is not None or within or p.label not in {"PERSON", "ORG"}):
        # A near spelling in the article's countries; never for a county, whose name is often a town's
        # elsewhere ("Jay County" is not Jay), nor for a name the model calls a person's or an organisation's
        # with nothing to say it is a place ("Glen Meier" is no Glenmora).
        near = within or set(ctx.countries)
        options = [(e, True) for e in gaz.candidates(name, loose=True) if e.country in near]
    if not options:
        return None, ("not in the gazetteer" if not cands else "no candidate in the country of its qualifier")
    provinces = {(q.country, q.admin1) for q in qualifiers if q.kind == "admin1"}
    if provinces:
        # "Muqur district, Badghis": a Muqur of another province is a namesake, not the place meant.
        options = [o for o in options if (o[0].country, o[0].admin1) in provinces
                   or o[0].kind not in {"city", "admin2"}]
        if not options:
            return None, "no candidate in the province of its qualifier"
    towns = {e.country for e, _ in options if e.kind == "city"}
    # the provinces a town of the name lies in, and the country of a big city of the name ("Washington")
    towns |= {(e.country, e.admin1) for e, _ in options if e.kind == "city"} \
        | {(e.country, a.admin1) for e, _ in options if e.kind == "city" and e.population >= BIG_NAMESAKE
           for a, _ in options if a.kind == "admin1" and a.country == e.country}
    own = gazetteer.key(name)
    # A town known by the name only as one of its other names ("Paris", once a Georgia town's) ranks below
    # the towns the name is the name of (a city that province and city share keeps its place: Chittagong).
    exact = {e.kind for e, _ in options if gazetteer.key(e.name) == own}
    e, loose = max(options, key=lambda o: _score(o[0], kind, qualifiers, ctx, o[1], towns, own)
                   - (OTHER_NAME_PENALTY if o[0].kind in exact and gazetteer.key(o[0].name) != own else 0.0))
    if qualifiers or ctx.weight(e) > 0 or e.kind != "city":  # its own firm reading may place it
        return e, None
    if ctx.countries:  # a town abroad only where the name is a big city's and no kind word says otherwise
        ok = kind is None and e.population >= 500_000 or _across_border(p, e, kind, options, ctx)
    else:
        ok = kind is not None or e.population >= (50_000 if p.label == "GAZ" else 1000) or (
            # "Students in Baramulla": a town of unknown population, the only place the name can be in
            not loose and e.population == 0 and len({o.country for o, _ in options}) == 1 and led_by_locative(p))
    if ok:
        return e, None
    province = None if any(_supported(ctx, c, name) for c in ctx.countries) else _province_instead(options, own)
    return (province, None) if province is not None else (None, NOT_IN_COUNTRIES)


def _across_border(p: PlaceMention, e: Entry, kind: str | None, options: list[tuple[Entry, bool]], ctx: Context) -> bool:
    """A town of some size (not a village, which a missing local name may be) of a country next to one the article
    names, where only that country has places of the name and a locative preposition or a kind word says it is a
    place ("militants killed in Sopore" in a report that names only Pakistan): news of a border region names the
    neighbour as often as the town's own country."""
    if e.population < BORDER_TOWN_MIN or any(loose for _, loose in options) or len({o.country for o, _ in options}) != 1:
        return False
    if kind is None and not led_by_locative(p):
        return False
    if any(country != e.country for country, _ in ctx.admin1):
        return False  # the article names a province of another country: "Shirin Tagab district, Faryab"
    if any(c != e.country for c in cued_countries(text_of(p.root.doc), weak=False)):
        return False  # the report reads as another country's local news ("upazila"): a village it has
    near = _neighbours().get(e.country, frozenset())
    return any(n > 0 and c in near for c, n in ctx.countries.items())


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    """The countries each country borders (ISO3), from GeoNames' country list."""
    raw = gazetteer.geonames_countries()
    iso3 = {c["iso"]: code for code, c in raw.items()}
    return {code: frozenset(iso3[n] for n in (c.get("neighbours") or "").split(",") if n in iso3)
            for code, c in raw.items()}


def _province_instead(options: list[tuple[Entry, bool]], own: str) -> Entry | None:
    """Where the likeliest reading of a name in an article that names no country (but by the name itself) is a
    small town abroad, the province that bears the name exactly, if one does ("parents in Goa": the Indian state, not a Philippine
    town of 20,000)."""
    provinces = [e for e, loose in options if e.kind == "admin1" and not loose and gazetteer.key(e.name) == own]
    return max(provinces, key=lambda e: e.population, default=None)
