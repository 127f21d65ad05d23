"""Place mentions: every place name in the text, and the place where an event happened.

This stage finds place names (spaCy's GPE/LOC/FAC entities, capitalised names
after a locative preposition, since the small model calls some towns ORG, and
names the gazetteer knows that the model missed: "in Nijrab district", "X
district, Balkh"; and datelines, "BUFFALO, N.Y. (Local 4) –" at the head of a
paragraph, whose words are in data/datelines.yaml) and resolves them:

- country names and demonym-free regions of a country ("eastern Syria") to the
  country's ISO3 code and representative point (ACLED geo_precision 3);
- other names through the gazetteer (gazetteer.py), choosing among its
  candidates by context: a following ", Province" or ", Country" qualifier,
  the countries and provinces the article names, what the name is called ("X
  province" is a province, "X district" its chief town), and population as the
  prior. A town gets precision 1, a province 3.

A name with no fitting candidate stays unresolved (``resolved=False``) with
the reason in ``note``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from . import actors, gazetteer
from .gazetteer import Entry
from .record import Place
from .nlp import text_of

VERSION = "places-5"

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "into", "from", "to", "on", "of", "toward", "towards", "through", "within"}
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
              "southeastern", "southwestern", "upper", "lower"}


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    root: Token
    label: str
    country: "actors.Country | None" = None
    hint: str | None = None  # ISO3 of a country the name implies ("Iraqi Balad Air Base") though it is no country
    attributive: bool = False  # "U.S. targets", "London-based": describes a thing, not where something happened
    entry: Entry | None = None  # the gazetteer's place, where the name is no country
    note: str | None = None  # why it is unresolved
    within: Entry | None = None  # the province or country named after it: "X district, Balkh"
    dateline: bool = False  # "BUFFALO, N.Y. (Local 4) –": where the story was filed

    @property
    def resolved(self) -> bool:
        return self.country is not None or self.entry is not None

    @property
    def iso3(self) -> str | None:
        return self.country.iso3 if self.country else self.entry.country if self.entry else None

    @property
    def lat(self) -> float | None:
        return self.country.point.lat if self.country else self.entry.lat if self.entry else None

    @property
    def lon(self) -> float | None:
        return self.country.point.lon if self.country else self.entry.lon if self.entry else None

    @property
    def precision(self) -> int | None:
        """ACLED geo_precision: 1 a town, 2 a district (from an imported GeoNames dump), 3 a province or
        country."""
        if self.country is not None:
            return 3
        if self.entry is not None:
            return {"city": 1, "admin2": 2}.get(self.entry.kind, 3)
        return None

    @property
    def name(self) -> str | None:
        return self.country.name if self.country else self.entry.name if self.entry else None

    def as_place(self) -> Place:
        e = self.entry
        return Place(start=self.start, end=self.end, text=self.text, name=self.name, country=self.iso3,
                     admin1=e.admin1 if e else None, lat=self.lat, lon=self.lon,
                     geonames_id=e.geonames_id if e else None, precision=self.precision,
                     resolved=self.resolved, attributive=self.attributive,
                     note=None if self.resolved else self.note)


def country_name(text: str) -> bool:
    """Is the whole text a country's name or demonym ("the United States", "Iraqi"), not a longer name that
    starts with one ("the U.S. Embassy", "Iraqi Balad Air Base")?"""
    country = actors.country_of(text)
    if country is None:
        return False
    bare = text.lower().removeprefix("the ").strip()
    names = {country.name, country.iso3, *country.aliases, *country.demonyms, *country.metonyms}
    return bare in {n.lower().removeprefix("the ") for n in names}


def _with_direction(doc: Doc, start_tok: int) -> int:
    """Extend a place to the left over a direction word: "eastern Syria"."""
    if start_tok > 0 and doc[start_tok - 1].lower_ in DIRECTIONS:
        return start_tok - 1
    return start_tok


def _with_name_tail(doc: Doc, end: int) -> Token:
    """The last token of a name the model cut short before a word for a kind of place: "Dawlat [Abad]
    district"."""
    stop = end
    while stop < len(doc) and stop - end < 2 and doc[stop].text[:1].isupper() and doc[stop].is_alpha \
            and not doc[stop].ent_type_:
        stop += 1
    if stop > end and stop < len(doc) and doc[stop].lower_ in ADMIN_WORDS:
        return doc[stop - 1]
    return doc[end - 1]


def _glued_start(doc: Doc, start: int) -> int:
    """Extend a name to the left over words joined to it by hyphens: "Sar-e-[Pul]"."""
    while True:
        if start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha \
                and not (doc[start - 2].is_upper and len(doc[start - 2]) > 1):  # not a party's "DFL-"
            start -= 2
        elif start >= 3 and doc[start - 1].lower_ in PARTICLES and doc[start - 2].text == "-" \
                and not doc[start - 2].whitespace_ and not doc[start - 3].whitespace_ \
                and doc[start - 3].text[:1].isupper() and doc[start - 3].is_alpha:
            start -= 3  # "[Rabat-e] Sangi": a particle glued to the word before it
        else:
            return start


def _glued_end(doc: Doc, end: int) -> int:
    """Extend a name to the right over words joined to it by hyphens: "[Sar]-e-Pul"."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha \
            and (doc[end + 1].text[:1].isupper() or doc[end + 1].lower_ in PARTICLES):  # not "Atlanta-based"
        end += 2
    return end


def _end_char(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _locative(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE


def _attributive(doc: Doc, ent, country, end: int | None = None) -> bool:
    """A name that describes a thing rather than where something happened: a country as a modifier
    ("U.S. targets", "Iraq's government") or a "London-based" group. A town as a modifier ("the Irbil
    attack") still says where."""
    root = ent.root
    if country is not None and root.dep_ in {"compound", "amod", "nmod", "poss"} and root.head.i >= ent.end:
        return True
    end = ent.end if end is None else end  # the token after the name as extended ("Sangi" -> "Rabat-e Sangi-ye")
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and nxt.text == "-" and nxt.whitespace_ == ""


def led_by_locative(p: PlaceMention) -> bool:
    """Does a locative preposition lead the name ("in Feni")?"""
    doc = p.root.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE


def find_places(doc: Doc, skip: list[tuple[int, int]] = (), gaz: gazetteer.Gazetteer | None = None) -> list[PlaceMention]:
    """Every place name of the text, resolved where the gazetteer and the context allow."""
    gaz = gaz or gazetteer.default()
    out = _dateline_places(doc, skip, gaz)
    out.extend(p for p in _entity_places(doc, skip, gaz) if not any(p.start < d.end and d.start < p.end for d in out))
    out.extend(_gazetteer_places(doc, skip, out, gaz))
    people = _people_names(doc)
    out = [p for p in out if not _a_persons_name(p, people, gaz)]
    out.sort(key=lambda p: p.start)
    resolve(doc, out, gaz)
    out.extend(_home_names(doc, out, skip, gaz))
    out.extend(_echoes(doc, out, skip))
    out.sort(key=lambda p: p.start)
    return out


def _people_names(doc: Doc) -> set[str]:
    """The surnames and given names of the people the text names in full ("Juan Martinez", "Tyrell Hall")."""
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            names.update(t.text for t in ent if t.text[:1].isupper() and t.is_alpha)
    return names


def _a_persons_name(p: PlaceMention, people: set[str], gaz) -> bool:
    """A lone name that is part of a person's full name in the same text ("Police arrested Juan Martinez ...
    Martinez told officers", "fired at Martinez", "Martinez's home") is that person told again, not the town of
    the name, unless a preposition that leads towns leads it ("in Martinez") with no possessive after it, it is
    a dateline, or it names a country or a state."""
    if p.text not in people or p.dateline or p.country is not None or " " in p.text:
        return False
    doc = p.root.doc
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or any(e.kind in ("country", "admin1") for e in gaz.candidates(p.text)):
        return False
    if span.end < len(doc) and doc[span.end].lower_ in ("'s", "\u2019s", "'", "\u2019"):
        return True  # "in Martinez's home": the person's
    # "in Martinez": the town; "fired at Martinez", "the death of Martinez": the person
    return not (span.start > 0 and doc[span.start - 1].lower_ in TOWN_LOCATIVE)
def _home_names(doc: Doc, found: list[PlaceMention], skip, gaz) -> list[PlaceMention]:
    """Names the model calls organisations, or names before a word for people, that open with a town or
    county of the article's home state ("the Harwinton Senior Center", "a Clinton couple"): where two or more
    other names place the article in a state, such a name of a town of that state is that town. Listed as
    attributes."""
    home: dict[tuple[str, str], set[str]] = {}
    for p in found:
        if p.entry is not None and p.entry.admin1:
            home.setdefault((p.entry.country, p.entry.admin1), set()).add(gazetteer.key(p.text))
    home = {pair: names for pair, names in home.items() if len(names) >= 2}
    if not home:
        return []
    taken = [(p.start, p.end) for p in found] + list(skip)
    out: list[PlaceMention] = []
    spans = [ent for ent in doc.ents if ent.label_ == "ORG"]
    for tok in doc:  # "an Alexandria woman", "Clinton residents": whoever the model took the name for
        if tok.lower_ in RESIDENT_NOUNS and (lo := _name_before(doc, tok.i)) is not None:
            spans.append(doc[lo:tok.i])
    for ent in spans:
        if any(ent.start_char < b and a < ent.end_char for a, b in taken):
            continue
        toks = [t for t in ent if t.lower_ != "the"]
        for n in range(min(MAX_WORDS, len(toks)), 0, -1):
            head = toks[:n]
            if not all(_capitalised(t) for t in head):
                continue
            start, end = head[0].idx, _end_char(head[-1])
            name = text_of(doc)[start:end]
            here = [e for e in gaz.candidates(name) if e.kind in {"city", "admin2"} and e.admin1
                    and (e.country, e.admin1) in home and gazetteer.key(e.name) == gazetteer.key(name)]
            if here:
                out.append(PlaceMention(start, end, name, head[-1], "ORG", attributive=True,
                                        entry=max(here, key=lambda e: (e.kind == "city", e.population))))
                taken.append((start, end))
                break
    return out


def _echoes(doc: Doc, found: list[PlaceMention], skip) -> list[PlaceMention]:
    """Other occurrences of a name the article already uses as a resolved place, where the model missed them
    ("Fargo Mayor ...", "Torrington firefighters"): one name, one place within one article. Listed as
    attributes (the name often qualifies a person or an office) unless a locative preposition leads it."""
    text = text_of(doc)
    named: dict[str, PlaceMention] = {}
    for p in found:
        if p.resolved and p.label != "NORP" and not p.dateline and p.text[:1].isupper() and len(p.text) > 2:
            named.setdefault(p.text, p)
    if not named:
        return []
    taken = [(p.start, p.end) for p in found] + list(skip)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
                         + r")(?![\w-])")
    out: list[PlaceMention] = []
    for m in pattern.finditer(text):
        a, b = m.span()
        if any(a < y and x < b for x, y in taken):
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            continue
        src = named[m.group(0)]
        placed = span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE  # "in Lombard": where, not whose
        out.append(PlaceMention(a, b, m.group(0), span.root, "ECHO", src.country, hint=src.hint,
                                attributive=not placed, entry=src.entry, within=src.within))
    return out


@lru_cache(maxsize=1)
def _dateline_rules() -> tuple[re.Pattern, frozenset[str]]:
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/datelines.yaml").read_text("utf-8"))
    word = r"[A-Z][A-Z.'\u2019-]*[A-Z.]"
    name = rf"{word}(?:[ ]{word}){{0,{int(raw['max_words']) - 1}}}"
    pattern = re.compile(
        rf"(?:^[ \t]*|(?<=[.!?] )|(?<=\d{{4}} ))(?P<name>{name})"  # BUFFALO / WILKES-BARRE / IRON RIVER, opening
                                                         # a line or following a headline's full stop or a byline's year
        r"(?:,[ ](?P<within>[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?))?"  # , N.Y. / , Ukraine
        r"[ ]*(?:\([^()\n]{1,40}\))?[ ]*(?:[-\u2013\u2014\x97]|(?P<colon>:))", re.M)  # (AP) – / BEIRUT:
    return pattern, frozenset(w.lower() for w in raw["not_places"])


# A wire dateline in title case: "Sunamganj, Jan 2 (UNB) -", "Lahore, March 3:" opening the text or a line.
WIRE_DATELINE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),[ ]+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]+\d{1,2}\b")


# A local paper's dateline in title case: "Detroit — Police said ..." opening the text or a line; taken only
# where the gazetteer knows the name as a town.
TITLE_DATELINE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?P<name>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})[ ]+(?:--|[\u2013\u2014])[ ]")


def _dateline_places(doc: Doc, skip, gaz=None) -> list[PlaceMention]:
    """Place names that open a paragraph in capitals before a dash, a wire's "Town, Jan 2", or a town the
    gazetteer knows in title case before a dash ("Detroit — "): the dateline of a story."""
    pattern, not_places = _dateline_rules()
    text = text_of(doc)
    out: list[PlaceMention] = []
    titled = [m for m in TITLE_DATELINE.finditer(text)
              if gaz is not None and any(e.kind == "city" for e in gaz.candidates(m["name"]))]
    for m in [*pattern.finditer(text), *WIRE_DATELINE.finditer(text), *titled]:
        start, end = m.span("name")
        if any(a <= start < b for a, b in skip) or m["name"].lower() in not_places | NOT_NAMES \
                or len(m["name"]) < 3 or any(p.start == start for p in out):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        country = actors.country_of(m["name"].title()) if country_name(m["name"].title()) else None
        if m.groupdict().get("colon") and country is None and not gaz.knows(m["name"]):
            continue  # "BEIRUT:" is a dateline, "NOTE:" is not
        out.append(PlaceMention(start, end, m["name"], span.root, "GPE", country, dateline=True))
    return out


def _entity_places(doc: Doc, skip, gaz) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for ent in doc.ents:
        if any(a <= ent.start_char < b for a, b in skip):
            continue
        root = ent.root
        country = actors.country_of(ent.text) if country_name(ent.text) else None
        is_place = ent.label_ in PLACE_LABELS or (
            ent.label_ in {"ORG", "PERSON", "NORP"} and _locative(root) and ent.text[:1].isupper() and country is None
            and ent.label_ != "NORP")
        if country is not None and ent.label_ == "NORP":
            # A demonym ("Russian troops", "Palestinians") names its country as an attribute of someone:
            # listed among the places, never where an event happened.
            out.append(PlaceMention(ent.start_char, ent.end_char, ent.text, root, "NORP", country,
                                    attributive=True))
            continue
        if ent.label_ == "NORP" and country is None and _demonym_of_division(ent.text, gaz):
            # "Ohioans", "an Ontarian": the people of a state or province, listed like a country's demonym
            out.append(PlaceMention(ent.start_char, ent.end_char, ent.text, root, "NORP", attributive=True))
            continue
        inner = _place_inside(doc, ent, gaz) if ent.label_ in {"ORG", "FAC", "PERSON"} else None
        if inner is not None:  # "[Supermarket in Islamabad]": the model ran a site and its town together
            out.append(inner)
            continue
        if not is_place:
            if ent.label_ in {"ORG", "FAC"}:
                out.extend(_place_in_name(doc, ent, gaz))
            continue
        if ent.label_ == "FAC" and country is None:
            county = [p for p in _place_in_name(doc, ent, gaz) if p.text.split()[-1].lower() in SECOND_LEVEL_WORDS]
            if county:  # "the Henderson County Jail" is in Henderson County
                county[0].attributive, county[0].label = False, "GPE"
                out.extend(county)
                continue
        parts = _of_parts(doc, ent) if country is None else []
        if parts:  # "Ghondi of Garmsir district": a village and the district it lies in, taken as one name
            out.extend(PlaceMention(a.start_char, a.end_char, a.text, a.root, label, None) for a, label in parts)
            continue
        first = _with_direction(doc, ent.start) if country is not None else _glued_start(doc, ent.start)
        start = doc[first].idx
        end = ent.end_char if country is not None else _end_char(_with_name_tail(doc, _glued_end(doc, ent.end)))
        while end > start and text_of(doc)[end - 1].isspace():
            end -= 1  # "Elm Street\n\n": a headline's break is no part of the name
        label = ent.label_
        if label == "FAC" and doc[ent.end - 1].lower_ in ADMIN_WORDS:
            label = "GPE"  # "Dawlat Shah district": a division the model took for a facility
        out.append(PlaceMention(start, end, text_of(doc)[start:end], root, label, country,
                                attributive=_attributive(doc, ent, country, _token_after(doc, end))))
    return out


def _demonym_of_division(text: str, gaz) -> bool:
    """Does the text call people after a state or province ("Ohioans")? The gazetteer lists such names with
    the division (data/places.yaml); a name that is the division's own ("Ohio") is no demonym."""
    name = gazetteer.key(text)
    return any(e.kind == "admin1" and gazetteer.key(e.name) != name for e in gaz.candidates(text))
def _place_inside(doc: Doc, ent, gaz) -> "PlaceMention | None":
    """The town closing a name the model ran together over a locative preposition ("Supermarket in
    Islamabad", "the Press Club in Karachi"): a place where the gazetteer knows it."""
    prep = next((t.i for t in ent[1:-1] if t.lower_ in {"in", "at", "near"}), None)
    if prep is None or not all(_capitalised(t) or t.lower_ in PARTICLES for t in doc[prep + 1:ent.end]):
        return None
    span = doc[prep + 1:ent.end]
    if actors.country_of(span.text) is not None and country_name(span.text):
        return PlaceMention(span.start_char, span.end_char, span.text, span.root, "GPE", actors.country_of(span.text))
    if not any(e.kind != "city" or e.population >= NAMED_TOWN_MIN for e in gaz.candidates(span.text)):
        return None
    return PlaceMention(span.start_char, span.end_char, span.text, span.root, "GPE")


def _token_after(doc: Doc, end_char: int) -> int:
    """The index of the first token at or after a character offset."""
    span = doc.char_span(0, end_char, alignment_mode="expand") if end_char > 0 else None
    return span.end if span is not None else 0


def _of_parts(doc: Doc, ent) -> list:
    """The two places of a name the model ran together over "of" before a kind word ("[Ghondi of Garmsir]
    district"): the part and the whole, each with its label; none for any other name."""
    if ent.end >= len(doc) or doc[ent.end].lower_ not in ADMIN_WORDS:
        return []
    of = next((t.i for t in ent[1:-1] if t.lower_ == "of"), None)
    if of is None or not doc[of + 1].text[:1].isupper():
        return []
    return [(doc[ent.start:of], ent.label_), (doc[of + 1:ent.end], "GPE")]


def _place_in_name(doc: Doc, ent, gaz) -> list[PlaceMention]:
    """The place that opens an organisation's name ("the Ohio Department of Health", "Gainesville Police",
    "the U.S. House"): a place name, listed as an attribute of the organisation, never as where an event
    happened."""
    toks = [t for t in ent if t.lower_ != "the"]
    for n in range(min(3, len(toks) - 1), 0, -1):
        head, rest = toks[:n], toks[n]
        if not all(t.text[:1].isupper() for t in head) or not rest.text[:1].isupper():
            continue
        start, end = head[0].idx, _end_char(head[-1])
        name = text_of(doc)[start:end]
        country = actors.country_of(name) if country_name(name) else None
        if country is None and not any(e.kind in {"admin1", "admin2"} or e.kind == "city"
                                       and e.population >= NAMED_TOWN_MIN for e in gaz.candidates(name)):
            continue
        return [PlaceMention(start, end, name, head[-1], "ORG", country, attributive=True)]
    return []


# -- names the model missed ---------------------------------------------------------
# Words that say what kind of place a name is: "Nijrab district", "Helmand province".
ADMIN_WORDS = {"district": "district", "districts": "district", "province": "province", "provinces": "province",
               "governorate": "province", "region": "province", "state": "province",
               "city": "city", "town": "city", "village": "city", "villages": "city", "area": "city",
               # South Asian subdivisions of a district, each named after its chief town
               "upazila": "district", "upazilas": "district", "tehsil": "district", "taluk": "district",
               "mandal": "district", "thana": "district"}
NOT_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday", "the", "a", "an", "this", "that", "his", "her", "their", "its", "our"}
MAX_WORDS = 3
GAZ_LOCATIVE = LOCATIVE | {"over", "beyond", "between", "along"}
POSSESSIVE = re.compile(r"['\u2019]s?$")
CENTRE_WORDS = {"center", "centre", "capital", "centers", "centres"}
# What a province the article's other places lie in adds to a candidate there (a province the text names
# as context adds 2.5).
REGION_WEIGHT = 1.5
# Words of the names of a town's parts: "the East Side", "Old Town", "Downtown".
QUARTER_WORDS = {"side", "end", "town", "downtown", "uptown", "midtown", "old", "new"}
# A town whose name no other state has says alone which state the article is about if it is this big.
REGION_TOWN_MIN = 50_000
# A town opens an organisation's name only if it is at least this big ("Gainesville Police", not "Ford Motor").
NAMED_TOWN_MIN = 5000
# Countries whose towns are written "Town, State" ("Memphis, Tennessee", "Dayton, Ohio").
STATE_COUNTRIES = {"USA"}
# Prepositions that lead a town rather than a person ("in Martinez", but "fired at Martinez").
TOWN_LOCATIVE = {"in", "near", "outside", "inside", "across", "around", "within", "toward", "towards"}
# Lower-case words after which a town's name qualifies a local body or a resident ("Albuquerque police",
# "a Brockton man"): the town is an attribute, and tells a local story's town.
LOCAL_BODY_WORDS = {"police", "officers", "deputies", "detectives", "investigators", "firefighters", "officials",
                    "authorities", "residents", "man", "woman", "men", "women", "teen", "teens", "boy", "girl",
                    "resident", "shooting", "shootings", "homicide"}
# What each other name the first choices place in a province adds to a candidate there, up to HOME_NAMES names.
HOME_WEIGHT = 1.5
HOME_NAMES = 3
# Second-level divisions named together: "Clay and Wilkin counties", "Pleasant and Madison townships".
DIVISION_PLURALS = {"counties", "parishes", "townships", "boroughs"}
DIVISION_LIST = re.compile(r"(?:(?:,[ ]+(?:and[ ]+|or[ ]+)?|[ ]+(?:and|or|&)[ ]+)[A-Z][\w'.-]*(?:[ ][A-Z][\w'.-]*){0,2})*"
                           r"[ ]+(?:" + "|".join(DIVISION_PLURALS) + r")\b")
# Words for people or services named after their town: "a Clinton couple", "Roselle police".
RESIDENT_NOUNS = {"man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "couple", "family", "resident",
                  "residents", "native", "natives", "police", "officers", "firefighters", "students", "voters"}
# What a candidate loses where the name is only one of its other names and other candidates bear it.
OTHER_NAME_PENALTY = 1.0
NOT_IN_COUNTRIES = "no candidate in the article's countries"
# What a town gains when the name is its own, not one of its other or former names (a tenfold population is
# worth 0.8).
OWN_NAME = 1.0
# How far a village or area named as part of a district or town ("X area of Y district") may lie from Y's point.
PART_KM = 50.0
# Second-level divisions the gazetteer has no layer for ("Jay County", "St. Mary Parish").
SECOND_LEVEL_WORDS = {"county", "counties", "parish", "borough", "township"}


# Lower-case particles inside transliterated names: "Pul-e Khumri", "Sar-i-Pul", "Tarnak wa Jaldak".
PARTICLES = {"e", "ye", "i", "wa", "al", "el", "ud", "ul", "ad", "as", "az", "ash", "ar", "an", "-"}


def _name_before(doc: Doc, end: int) -> int | None:
    """The start of a name ending before token ``end``: capitalised words, hyphens and particles between."""
    start, words = end, 0
    while start > 0 and words < MAX_WORDS:
        tok = doc[start - 1]
        if _capitalised(tok):
            start, words = start - 1, words + 1
        elif tok.lower_ in PARTICLES and start - 1 > 0 and _capitalised(doc[start - 2]) and start < end:
            start -= 1
        else:
            break
    return start if words else None


def _name_after(doc: Doc, start: int) -> int:
    """The end of a name that starts at token ``start`` (see :func:`_name_before`)."""
    end, words = start, 0
    while end < len(doc) and words < MAX_WORDS:
        tok = doc[end]
        if _capitalised(tok):
            end, words = end + 1, words + 1
        elif tok.lower_ in PARTICLES and end > start and end + 1 < len(doc) and (
                _capitalised(doc[end + 1]) or doc[end + 1].lower_ in PARTICLES):
            end += 1
        else:
            break
    while end > start and doc[end - 1].lower_ in PARTICLES:
        end -= 1
    return end


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in NOT_NAMES and not tok.ent_type_ in {
        "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}


def _gazetteer_places(doc: Doc, skip, found: list[PlaceMention], gaz) -> list[PlaceMention]:
    """Capitalised names the gazetteer knows that the model did not mark: before a word for a kind of place
    ("in Nijrab district"), after a locative preposition ("in Sarban"), or as the province after a place
    and a comma ("X district, Kapisa")."""
    taken = [(p.start, p.end) for p in found] + list(skip)
    out: list[PlaceMention] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    def add(lo: int, hi: int, loose: bool) -> None:
        span = doc[lo:hi]
        if not free(span.start_char, span.end_char) or actors.country_of(span.text) is not None:
            return
        if not (gaz.knows(span.text) or (loose and gaz.candidates(span.text, loose=True))):
            return
        out.append(PlaceMention(span.start_char, span.end_char, span.text, span.root, "GAZ"))
        taken.append((span.start_char, span.end_char))

    def add_town_of_state(comma: int) -> None:
        """"Memphis, Tennessee" in a station's banner the model read as no place: a town the gazetteer has in
        the US state named after the comma."""
        lo = _name_before(doc, comma)
        if lo is None:
            return
        for width in (2, 1):
            state = doc[comma + 1:comma + 1 + width]
            if len(state) < width or not state[0].text[:1].isupper():
                continue
            states = {e.admin1 for e in gaz.candidates(state.text) if e.kind == "admin1" and e.country in STATE_COUNTRIES}
            if not states:
                continue
            span = doc[lo:comma]
            if not free(span.start_char, span.end_char):
                return
            if any(e.kind == "city" and e.admin1 in states and e.country in STATE_COUNTRIES
                   for e in gaz.candidates(span.text)):
                out.append(PlaceMention(span.start_char, span.end_char, span.text, span.root, "GPE"))
                taken.append((span.start_char, span.end_char))
            return

    def add_local(lo: int, hi: int) -> None:
        """"Albuquerque police", "a Brockton man": a town that qualifies a local body or a resident, an
        attribute that tells a local story's town."""
        span = doc[lo:hi]
        if not free(span.start_char, span.end_char) or actors.country_of(span.text) is not None:
            return
        # a state or a town ("a Texas man"), not a county bare of its word ("a Smith man" is a family's)
        if not any(e.kind == "admin1" or e.kind == "city" and e.population >= NAMED_TOWN_MIN
                   for e in gaz.candidates(span.text)):
            return
        out.append(PlaceMention(span.start_char, span.end_char, span.text, span.root, "ORG", attributive=True))
        taken.append((span.start_char, span.end_char))

    for tok in doc:
        if tok.text in LOCAL_BODY_WORDS and tok.i > 0 and doc[tok.i - 1].ent_type_ != "PERSON":
            lo = _name_before(doc, tok.i)
            if lo is not None:
                add_local(lo, tok.i)
        if tok.text == "," and 0 < tok.i < len(doc) - 1:
            add_town_of_state(tok.i)
        if tok.lower_ in DIVISION_PLURALS:  # "Barrow, Jackson and Madison counties"
            end = tok.i
            while (lo := _name_before(doc, end)) is not None:
                add(lo, end, loose=False)
                end = lo
                while end > 0 and doc[end - 1].lower_ in {",", "and", "or", "&"}:
                    end -= 1
                if end == lo:
                    break
        elif tok.lower_ in ADMIN_WORDS and tok.i > 1 and doc[tok.i - 1].text == ")":
            # "Ab Kamari (Sang Atesh) district": a district and, in brackets, its other name (often its centre)
            opened = next((j for j in range(tok.i - 2, max(0, tok.i - 7), -1) if doc[j].text == "("), None)
            if opened is not None:
                inner = _name_before(doc, tok.i - 1)
                if inner == opened + 1:
                    add(inner, tok.i - 1, loose=True)
                outer = _name_before(doc, opened)
                if outer is not None:
                    add(outer, opened, loose=True)
        elif tok.lower_ in ADMIN_WORDS and tok.i > 0:
            lo = _name_before(doc, tok.i)
            if lo is not None:
                add(lo, tok.i, loose=True)
        elif tok.lower_ in GAZ_LOCATIVE and tok.i + 1 < len(doc) and _capitalised(doc[tok.i + 1]):
            add(tok.i + 1, _name_after(doc, tok.i + 1), loose=False)
        elif tok.text == "," and tok.i + 1 < len(doc) and _capitalised(doc[tok.i + 1]) and tok.i > 0 and (
                doc[tok.i - 1].lower_ in ADMIN_WORDS.keys() | CENTRE_WORDS or doc[tok.i - 1].ent_type_ in {"GPE", "LOC"}):
            add(tok.i + 1, _name_after(doc, tok.i + 1), loose=False)
    return out


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
        return names is None or name is None or bool(names - {name})


def _lookup_name(p: PlaceMention, gaz) -> tuple[str, str | None]:
    """The name to look up and the kind word that goes with it. The name as written comes first ("Kansas
    City", "West Virginia"); where the gazetteer lacks it, without a kind word ("Helmand province") or a
    leading direction ("eastern Kandahar")."""
    words = POSSESSIVE.sub("", p.text).split()
    if len(words) > 1 and words[0].lower() == "the":
        words.pop(0)
    kind = None
    if not gaz.knows(" ".join(words)):
        if len(words) > 1 and words[-1].lower() in ADMIN_WORDS:
            kind = ADMIN_WORDS[words.pop().lower()]
        while len(words) > 1 and words[0].lower() in DIRECTIONS:
            words.pop(0)
    doc = p.root.doc
    after = doc.char_span(p.end, p.end + 40, alignment_mode="contract") if p.end < len(text_of(doc)) else None
    if kind is None and after is not None and len(after) and after[0].lower_ in ADMIN_WORDS:
        kind = ADMIN_WORDS[after[0].lower_]
    if kind is None and DIVISION_LIST.match(text_of(doc), p.end):  # "Clay and Wilkin counties"
        kind = "district"
    before = KIND_OF.search(text_of(doc)[max(0, p.start - 30):p.start])
    if kind is None and before:  # "the town of Sarban"
        kind = ADMIN_WORDS[before.group(1).lower()]
    if kind is None and _after_qualified_place(p):
        kind = "province"  # "X district, Balkh": the name after the comma says which province
    return " ".join(words), kind


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
           towns: set[str], name: str | None = None) -> float:
    score = ctx.weight(e, name) + 0.8 * math.log10(e.population + 1)
    if name and e.kind == "city" and gazetteer.key(e.name) == name:
        # "Islamabad" is Islamabad, not the city that bore the name centuries ago. Towns only: a division keeps
        # a town's old name ("Chittagong" district) where the town's own is new (Chattogram).
        score += OWN_NAME
    for q in qualifiers:
        if q.kind == "admin1" and e.country == q.country and e.admin1 == q.admin1:
            score += 10.0
        elif q.kind == "country" and e.country == q.country:
            score += 8.0
    if kind is None and e.kind == "admin1" and e.country in towns:
        score -= 1.0  # a bare name is a town more often than the province named after it
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
def _country_cues() -> dict[str, re.Pattern]:
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/country_cues.yaml").read_text("utf-8"))
    return {iso3: re.compile(r"\b(?:" + "|".join(f"(?:{c})" for c in cues) + r")\b", re.I)
            for iso3, cues in (raw.get("cues") or {}).items()}


def _context(doc: Doc, places: list[PlaceMention], firm: list[tuple[PlaceMention, Entry]]) -> Context:
    text = text_of(doc)
    # "the 5400 block of Elm Avenue", "the sheriff's office": a country's local news that never names it
    countries: dict[str, float] = {iso3: 1.0 for iso3, cue in _country_cues().items() if cue.search(text)}
    admin1: set[tuple[str, str]] = set()
    own: dict[str, dict[str, float]] = {}
    sources: dict[tuple[str, str], set[str]] = {}

    def add(name: str, iso3: str, n: float) -> None:
        countries[iso3] = countries.get(iso3, 0) + n
        mine = own.setdefault(gazetteer.key(name), {})
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
            sources.setdefault((e.country, e.admin1), set()).add(gazetteer.key(name))
    return Context(countries, admin1, own=own, sources=sources)


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
    cands = {id(p): gaz.candidates(looked[id(p)][0]) for p in todo}
    firm = [(p, e) for p in todo if (e := _firm(cands[id(p)])) is not None]
    states = {id(p): _states_of(p, gaz) for p in places if p.country is not None and p.label != "NORP"}
    ctx = _context(doc, [p for p in places if not states.get(id(p))], firm)
    for p in places:
        local = [e for e in states.get(id(p)) or [] if ctx.countries.get(e.country, 0) >= 1
                 and p.country.iso3 not in ctx.countries]
        if local:  # "Georgia" in an article about Atlanta and Ohio: the US state, not the country
            p.entry, p.country = max(local, key=lambda e: ctx.countries[e.country]), None
            ctx.admin1.add((p.entry.country, p.entry.admin1))  # and the state places the article's towns
            ctx.sources.setdefault((p.entry.country, p.entry.admin1), set()).add(gazetteer.key(p.text))
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
    for p in places:  # "Palestine" in a story about Anderson County, Texas: the town there
        if p.country is not None and p.label != "NORP" and (town := _home_town(p, home, gaz)) is not None:
            p.entry, p.country = town, None
    _villages_at_home(places, qualified)
    for p in todo:
        p.within = _widest(qualified[id(p)], p.entry)
    _part_near_whole(doc, places)
    _inherit_within(doc, places)
    places[:] = [p for p in places if p.resolved or not _doubtful(p, looked.get(id(p)))]


def _share_qualifiers(doc: Doc, places: list[PlaceMention], qualified: dict[int, list[Entry]]) -> None:
    """A place named as part of another ("the Qer Awal area of Arghandab district, Kandahar", "Ghondi of Garmsir
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
    homes = {p.iso3 for p in places if p.resolved and not _village(p.entry) and not p.attributive}
    for p in places:
        e = p.entry
        if _village(e) and homes and e.country not in homes and not qualified.get(id(p)):
            p.entry, p.note = None, "a village of another country than the article's places"


def _part_near_whole(doc: Doc, places: list[PlaceMention]) -> None:
    """A village or area named as part of a district or town ("the Gerdani area of Shindand district") is not a
    namesake further than :data:`PART_KM` from it: it stays unresolved, within the district."""
    text = text_of(doc)
    ordered = sorted(places, key=lambda p: p.start)
    for p, q in zip(ordered, ordered[1:]):
        if p.entry is None or q.entry is None or q.entry.kind not in {"city", "admin2"} \
                or not OF_PLACE.match(text[p.end:q.start]):
            continue
        if _km(p.entry, q.entry) > PART_KM:
            p.entry, p.within = None, q.entry
            p.note = f"its namesakes lie far from {q.entry.name}, which it is part of"


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
        pair, name = (e.country, e.admin1), gazetteer.key(looked[id(p)][0])
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
            home.setdefault((p.entry.country, p.entry.admin1), set()).add(gazetteer.key(looked[id(p)][0]))
    for pair, names in ctx.sources.items():
        home.setdefault(pair, set()).update(names)
    if admin1 == ctx.admin1 and not home:
        return None
    return Context(ctx.countries, ctx.admin1, frozenset(admin1 - ctx.admin1), own=ctx.own, sources=sources,
                   home=home)


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


KIND_OF = re.compile(r"\b(" + "|".join(ADMIN_WORDS) + r") of (?:the )?$", re.I)
# A district's other name in brackets after its name, or the bracket that closes the other name itself.
OTHER_NAME = re.compile(r"\)|[ ]\([^()\n]{1,40}\)")
OF_PLACE = re.compile(r"^(?: (?:area|village|district|town|city)s?)?(?: cent(?:er|re))? of (?:the )?$", re.I)


def _inherit_within(doc: Doc, places: list[PlaceMention]) -> None:
    """An unresolved place "in X of Y district, Balkh" lies in Y's province (or in Y itself)."""
    text = text_of(doc)
    ordered = sorted(places, key=lambda p: p.start)
    for p, q in zip(ordered, ordered[1:]):
        if p.resolved or p.within is not None or not OF_PLACE.match(text[p.end:q.start]):
            continue
        if q.country is not None:
            c = q.country
            p.within = Entry(c.name, "country", c.iso3, None, c.point.lat, c.point.lon, 0, None)
        else:
            p.within = q.within if q.entry is None or q.entry.kind == "city" and q.within else q.entry


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


def _states_of(p: PlaceMention, gaz) -> list[Entry]:
    """Provinces or states of another country that a country's name also names ("Georgia")."""
    return [e for e in gaz.candidates(p.text) if e.kind == "admin1" and e.country != p.country.iso3]


def _widest(qualifiers: list[Entry], chosen: Entry | None) -> Entry | None:
    """The qualifier that holds the chosen place, or the most populous one where none is chosen."""
    fits = [q for q in qualifiers if chosen is None or q.country == chosen.country]
    return max(fits, key=lambda q: q.population) if fits else None


def _choose(p: PlaceMention, looked: tuple[str, str | None], cands: list[Entry], qualifiers: list[Entry],
            ctx: Context, gaz) -> tuple[Entry | None, str | None]:
    """The candidate that fits the name's qualifier and the article's places best, or why none does."""
    name, kind = looked
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
    own = gazetteer.key(name)
    # A town known by the name only as one of its other names ("Paris", once a Georgia town's) ranks below
    # the towns the name is the name of (a city that province and city share keeps its place: Chittagong).
    exact = {e.kind for e, _ in options if gazetteer.key(e.name) == own}
    e, loose = max(options, key=lambda o: _score(o[0], kind, qualifiers, ctx, o[1], towns, own)
                   - (OTHER_NAME_PENALTY if o[0].kind in exact and gazetteer.key(o[0].name) != own else 0.0))
    if qualifiers or ctx.weight(e) > 0 or e.kind != "city":  # its own firm reading may place it
        return e, None
    if ctx.countries:  # a town abroad only where the name is a big city's and no kind word says otherwise
        ok = kind is None and e.population >= 500_000
    else:
        ok = kind is not None or e.population >= (50_000 if p.label == "GAZ" else 1000)
    return (e, None) if ok else (None, NOT_IN_COUNTRIES)
