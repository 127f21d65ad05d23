"""Place mentions: every place name in the text, and the place where an event happened.

This stage finds place names (spaCy's GPE/LOC/FAC entities, capitalised names
after a locative preposition, since the small model calls some towns ORG, and
names the gazetteer knows that the model missed: "in Nijrab district", "X
district, Balkh"; and datelines, "BUFFALO, N.Y. (Local 4) –" at the head of a
paragraph, whose words are in data/datelines.yaml) and resolves them
(toponyms.py). South Asian news adds its own ways of naming a place: the town
of an institution named after it ("outside Quetta Press Club"), the town of a
police station ("under Kakching police station"), a party's local branch ("the
PTI Karachi chapter"), and big towns the small model reads as persons, which
are kept as attributes to place an event whose own sentences name no place.
Ordinary words that are also some town's name ("Young", "Centre";
data/place_words.yaml) are never a place alone.

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

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Token

from . import actors, gazetteer, regions
from .gazetteer import Entry
from .record import Place
from .nlp import text_of

VERSION = "places-13"

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
            return {"city": 1, "admin2": 2}.get(self.entry.kind, 3)  # a province, a region
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
    from . import place_scan as scan  # it reads this module's word lists: imported when first used

    out = [q for p in out for q in scan.pair_parts(doc, p, gaz)]
    out.extend(scan.gazetteer_places(doc, skip, out, gaz))
    out.extend(scan.big_towns(doc, skip, out, gaz))
    out.extend(scan.lone_names(doc, skip, out, gaz))
    out.extend(scan.party_homes(doc, skip, out, gaz))
    people = _people_names(doc)
    out = [p for p in out if not _a_persons_name(p, people, gaz) and not _short_form(p, text_of(doc), gaz)]
    for p in out:
        if p.attributive and p.country is None and STATION_AREA.match(text_of(doc), p.end):
            p.attributive, p.label = False, "GPE"  # "under Kakching police station": the station's town
    out.sort(key=lambda p: p.start)
    from .toponyms import resolve  # resolution reads this module's word lists: imported when first used

    resolve(doc, out, gaz)
    out = _placed_names(out)
    out.extend(scan.home_names(doc, out, skip, gaz))
    out.extend(scan.echoes(doc, out, skip))
    out.sort(key=lambda p: p.start)
    return out


def _placed_names(found: list[PlaceMention]) -> list[PlaceMention]:
    """The lone names (:func:`place_scan.lone_names`) that resolution placed: a state, a county of a state the article's
    other towns lie in ("Oconee and Clarke" beside Athens, Georgia; not "Jones" alone), or a town of a country
    the article's other places lie in, or of any where it names none. And the towns of institutions' names
    (label INST) that resolution placed."""
    homes = {(p.entry.country, p.entry.admin1) for p in found
             if p.entry is not None and p.entry.kind in {"city", "admin2"} and p.label != "NAME"}
    countries = {p.iso3 for p in found if p.resolved and p.label not in {"NAME", "NORP"}}
    found = [p for p in found if p.label != "INST" or p.resolved]
    return [p for p in found if p.label != "NAME" or p.resolved and (
        p.entry is None or p.entry.kind == "admin1" or (p.entry.country, p.entry.admin1) in homes
        or p.entry.kind == "city" and (p.entry.country in countries or not countries))]


def _short_form(p: PlaceMention, text: str, gaz) -> bool:
    """Is the name a short form in capitals that the text gives for a name that is no place ("Nepali Congress
    (NC)", "the Central Reserve Police Force (CRPF)")? Then it stands for that body, not for North Carolina."""
    if not (2 <= len(p.text) <= 6 and p.text.isupper() and p.text.isalpha()) or p.dateline:
        return False
    for m in re.finditer(r"((?:[A-Z][\w'-]*[ ]+(?:(?:of|for|and|the|de)[ ]+)*){1,8})\([ ]*" + re.escape(p.text) + r"[ ]*\)",
                         text):
        long = m.group(1).strip()
        initials = "".join(w[0] for w in long.split() if w[:1].isupper())
        if p.text[0] in initials and not gaz.knows(long) and not country_name(long):
            return True
    return False


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
        if ent.label_ == "NORP" and country is None and (_demonym_of_division(ent.text, gaz)
                                                          or regions.demonym(ent.text)):
            # "Ohioans", "an Ontarian": the people of a state or province, listed like a country's demonym
            out.append(PlaceMention(ent.start_char, ent.end_char, ent.text, root, "NORP", attributive=True))
            continue
        if country is None and _common_word(ent.text):
            continue  # "the government at the Centre", "Sadar upazila": an ordinary word, no place
        if country is None and (halves := _possessive_parts(doc, ent, gaz)):
            out.extend(halves)  # "[Pattani's Khok Pho] district": the province and the district in it
            continue
        inner = _place_inside(doc, ent, gaz) if ent.label_ in {"ORG", "FAC", "PERSON"} else None
        if inner is not None:  # "[Supermarket in Islamabad]": the model ran a site and its town together
            out.append(inner)
            continue
        if ent.label_ == "ORG" and country is None and (town := _town_of_site(doc, ent, gaz)) is not None:
            out.append(town)  # "outside Quetta Press Club", "in front of the Quetta Press Club": Quetta
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
        if parts:  # "Sarbanak of Garmsir district": a village and the district it lies in, taken as one name
            out.extend(PlaceMention(a.start_char, a.end_char, a.text, a.root, label, None) for a, label in parts)
            continue
        first = _with_direction(doc, ent.start) if country is not None else _glued_start(doc, ent.start)
        label = ent.label_
        if country is None and (longer := _known_start(doc, first, ent.end, gaz)) < first:
            first, label = longer, "GPE"  # "in Dera [Ismail Khan]": the model took the town's end for a person
        elif (ent.label_ in {"FAC", "ORG", "PERSON"} or _a_body(ent)) and country is None \
                and not gaz.knows(_bare(ent.text)) \
                and (inner := _place_in_name(doc, ent, gaz)) and not _a_feature(doc, inner[0], ent):
            # "at Hartford Hospital", "the Paris Police Department": the town it serves, listed as an attribute
            # (a hospital or school may bear another town's name: "Bellevue Hospital" in Manhattan)
            inner[0].label = "INST"
            out.extend(inner)
            continue
        start = doc[first].idx
        end = ent.end_char if country is not None else _end_char(_with_name_tail(doc, _glued_end(doc, ent.end)))
        if country is None:
            end = _township_town(doc, start, end, gaz)
        while end > start and text_of(doc)[end - 1].isspace():
            end -= 1  # "Elm Street\n\n": a headline's break is no part of the name
        if label == "FAC" and (doc[ent.end - 1].lower_ in ADMIN_WORDS
                               or ent.end < len(doc) and doc[ent.end].lower_ in ADMIN_WORDS):
            label = "GPE"  # "Dawlat Shah district", "[Mohmand Dara] district": a division taken for a facility
        out.append(PlaceMention(start, end, text_of(doc)[start:end], root, label, country,
                                attributive=_attributive(doc, ent, country, _token_after(doc, end))))
    return out


def _known_start(doc: Doc, first: int, end: int, gaz) -> int:
    """The start of the longest name the gazetteer knows as a town or division that ends where an entity ends and
    opens up to two capitalised words before it ("Dera Ismail Khan" for the model's "Ismail Khan"); ``first``
    where there is none."""
    best = first
    for n in (1, 2):
        lo = first - n
        if lo < 0 or not _capitalised(doc[lo]):
            break
        name = text_of(doc)[doc[lo].idx:_end_char(doc[end - 1])]
        if any(e.kind != "country" for e in gaz.candidates(name)):
            best = lo
    return best


def _town_of_site(doc: Doc, ent, gaz) -> "PlaceMention | None":
    """The town that opens the name of a site an event happened at, which the model calls an organisation and
    the gazetteer does not know ("outside Quetta Press Club", "at Karachi University"): that town, where the
    event happened."""
    if gaz.knows(ent.text) or not _at_site(ent.root):
        return None  # "flown to Hartford Hospital": the victim went there, the event did not happen there
    found = _place_in_name(doc, ent, gaz)
    if not found or found[0].country is not None:
        return None
    rest = text_of(doc)[found[0].end:ent.end_char].lower().split()
    if not any(rest[-len(w.split()):] == w.split() for w in SITE_INSTITUTIONS):
        return None  # "Gilpin Court", "Fulton Avenue", "Gun Galore": a street, an estate or a shop, not a town's
    p = found[0]
    p.attributive, p.label = False, "GPE"
    return p


def _at_site(root: Token) -> bool:
    """Does a preposition that puts an event at a site lead the name: "outside Quetta Press Club", and "in front
    of", "at the gate of" ("in front of the Karachi Press Club")?"""
    head = root.head
    if head.lower_ == "of" and head.i != root.i and head.head.lower_ in SITE_NOUNS:
        head = head.head.head if head.head.head.i != head.head.i else head.head
    return head.lower_ in SITE_PREPOSITIONS


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary words that are some town's name but no place when they stand alone (data/place_words.yaml)."""
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/place_words.yaml").read_text("utf-8")) or {}
    return frozenset(w.lower() for w in raw.get("common_words") or [])


def _common_word(name: str) -> bool:
    """Is the name one ordinary word ("Forest", "the Centre", "the Centre's") rather than a place's name?"""
    words = re.sub(r"['\u2019]s?$", "", name.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    return len(words) == 1 and words[0] in common_words()


# Words after a name that make the whole a street or a natural feature of its own ("Larkin Street", "Douglass
# Park", "Morris Heights"), not an institution of the town the first word names.
FEATURE_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln",
                 "way", "place", "highway", "parkway", "pike", "circle", "square", "park", "heights", "hill", "hills",
                 "ridge", "bridge", "river", "creek", "lake", "valley", "beach", "island", "mountain", "mountains",
                 "falls", "springs", "forest", "woods", "trail", "canyon", "bay", "point", "terrace", "gardens",
                 "estates", "village", "side", "end"}


def _a_feature(doc: Doc, place: PlaceMention, ent) -> bool:
    """Does a word for a street or a natural feature follow the town that opens the name (or is the name no
    town's institution for another reason)?"""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if place.text.endswith(".") or ent[-1].lower_ in SECOND_LEVEL_WORDS:
        return True  # "St. Landry Parish": an abbreviation opens it, or the whole is a county
    return span is not None and span.end < ent.end and doc[span.end].lower_.rstrip(".") in FEATURE_WORDS


def _a_body(ent) -> bool:
    """Does a word for a public body or office end the name ("the Titus County Jail", "Lamar County Commissioners",
    "the North Las Vegas Police Department")? The model calls some of those a place."""
    return any(t.lower_.removesuffix("'s").removesuffix("’s") in BODY_WORDS for t in ent[1:])


def _bare(name: str) -> str:
    """A name without a leading "the" and a possessive ending."""
    return re.sub(r"^the\s+|['\u2019]s?$", "", name, flags=re.I)


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


def _township_town(doc: Doc, start: int, end: int, gaz) -> int:
    """The end of a name without the word "Township" where the rest is a town with no US namesake ("Kyauktaw
    Township" is the Myanmar town the township is named after); a US township ("Clinton Township") is its own
    place and keeps the word."""
    text = text_of(doc)
    m = re.search(r"[ ]+[Tt]ownship$", text[start:end])
    if m is None:
        return end
    cands = gaz.candidates(text[start:start + m.start()])
    if not cands or any(e.country in STATE_COUNTRIES for e in cands) or gaz.knows(text[start:end]):
        return end
    return start + m.start()


def _possessive_parts(doc: Doc, ent, gaz) -> list[PlaceMention]:
    """A province or town in the possessive and a place in it that the model ran together before a kind word, or
    cut after the possessive ("[Narathiwat's Rueso] district", "[South Kashmir's] Tral town"): the two places, the
    whole first, where the gazetteer knows the whole; none for any other name."""
    if doc[ent.end - 1].lower_ in ADMIN_WORDS:
        last = ent.end - 1  # "[Shamli's Bharsi village]"
    else:
        last = _with_name_tail(doc, ent.end).i + 1  # the kind word after the name, over words the model left out
    if last >= len(doc) or doc[last].lower_ not in ADMIN_WORDS or last <= ent.start + 2:
        return []
    mark = next((t.i for t in doc[ent.start + 1:last - 1] if t.lower_ in {"'s", "\u2019s"}), None)
    if mark is None or not all(_capitalised(t) or t.lower_ in PARTICLES for t in doc[ent.start:mark]) \
            or not all(_capitalised(t) or t.lower_ in PARTICLES for t in doc[mark + 1:last]):
        return []
    whole, part = doc[ent.start:mark], doc[mark + 1:last]
    core = whole[1:] if len(whole) > 1 and whole[0].lower_ in DIRECTIONS else whole  # "South Kashmir's Tral town"
    if whole[0].lower_ == "the" or not (gaz.knows(core.text) or regions.lookup(core.text)) \
            or gaz.knows(doc[ent.start:part.end].text):
        return []
    return [PlaceMention(whole.start_char, whole.end_char, whole.text, whole.root, "GPE"),
            PlaceMention(part.start_char, part.end_char, part.text, part.root, "GPE")]


def _token_after(doc: Doc, end_char: int) -> int:
    """The index of the first token at or after a character offset."""
    span = doc.char_span(0, end_char, alignment_mode="expand") if end_char > 0 else None
    return span.end if span is not None else 0


def _of_parts(doc: Doc, ent) -> list:
    """The two places of a name the model ran together over "of" before a kind word ("[Sarbanak of Garmsir]
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
    starts = [0, 1] if len(toks) > 2 and toks[0].lower_ in DIRECTIONS else [0]  # "Northern Illinois University"
    for first in starts:
        for n in range(min(3, len(toks) - first - 1), 0, -1):
            head, rest = toks[first:first + n], toks[first + n]
            if not all(t.text[:1].isupper() for t in head) or not rest.text[:1].isupper():
                continue
            found = _named_place(doc, head, gaz, towns=True)
            if found:
                return found
    of = max((i for i, t in enumerate(toks[:-1]) if t.lower_ == "of"), default=None)
    tail = toks[of + 1:] if of is not None else []
    if 0 < len(tail) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in tail):
        return _named_place(doc, tail, gaz, towns=True)  # "the University of Kentucky"
    return []


def _named_place(doc: Doc, words, gaz, towns: bool) -> list[PlaceMention]:
    """The country, state, county or (with ``towns``) town of some size that the words name, as an attribute."""
    start, end = words[0].idx, _end_char(words[-1])
    name = text_of(doc)[start:end]
    if _common_word(name):
        return []  # "the Young Doctors Association", "Forest Department"
    country = actors.country_of(name) if country_name(name) else None
    if country is None and not any(e.kind in {"admin1", "admin2"} or towns and e.kind == "city"
                                   and e.population >= NAMED_TOWN_MIN for e in gaz.candidates(name)):
        return []
    return [PlaceMention(start, end, name, words[-1], "ORG", country, attributive=True)]


# -- names the model missed ---------------------------------------------------------
# Words that say what kind of place a name is: "Nijrab district", "Helmand province".
ADMIN_WORDS = {"district": "district", "districts": "district", "province": "province", "provinces": "province",
               "governorate": "province", "region": "province", "state": "province",
               "city": "city", "town": "city", "village": "city", "villages": "city", "area": "city",
               # South Asian subdivisions of a district, each named after its chief town
               "upazila": "district", "upazilas": "district", "tehsil": "district", "taluk": "district",
               "mandal": "district", "thana": "district",
               # a Nepali or Indian municipality, a Bangladeshi pourashava (each named after its town) and a
               # Pakistani tribal agency (named after its area); a township is no kind word (_township_town)
               "municipality": "city", "pourashava": "city", "agency": "district"}
NOT_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday", "the", "a", "an", "this", "that", "his", "her", "their", "its", "our"}
MAX_WORDS = 3
GAZ_LOCATIVE = LOCATIVE | {"over", "beyond", "between", "along"}
CENTRE_WORDS = {"center", "centre", "capital", "centers", "centres"}
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
                    "resident", "shooting", "shootings", "homicide",
                    # a party's or a trade's local branch: "PTI Karachi chapter", "Quetta traders", "Karachi policemen"
                    "policemen", "policeman", "chapter", "unit", "traders", "lawyers", "journalists", "doctors",
                    "locals", "villagers", "fishermen"}
# A party's or a union's local branch after its town's name: no person's name goes before these, so a town the model
# took for a person's ("JSQM Larkana chapter", "the Dharwad unit") is taken too; capitalised alike.
BRANCH_WORDS = {"chapter", "unit", "branch", "wing"}
# Second-level divisions named together: "Clay and Wilkin counties", "Pleasant and Madison townships".
DIVISION_PLURALS = {"counties", "parishes", "townships", "boroughs"}
# Words for people or services named after their town: "a Clinton couple", "Roselle police".
RESIDENT_NOUNS = {"man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "couple", "family", "resident",
                  "residents", "native", "natives", "police", "officers", "firefighters", "students", "voters"}
# Institutions named after the town they stand in: "Quetta Press Club", "Lahore High Court", "Karachi University".
# Prepositions that put an event at a site ("outside Quetta Press Club"), unlike "to", "from" or "of".
SITE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "around", "within", "on"}
# Nouns for a site's front or gate, which a site preposition leads over "of": "in front of", "at the gate of".
SITE_NOUNS = {"front", "gate", "gates", "premises", "outside"}
SITE_INSTITUTIONS = ("press club", "university", "college", "high court", "district court", "bar association",
                     "hospital", "medical college", "stadium", "collectorate", "secretariat", "municipal corporation",
                     "railway station", "bus stand", "airport")
# A police station's area after its town's name: South Asian news places an event "under X police station".
STATION_AREA = re.compile(r"[ ]+(?:police[ ]+(?:station|outpost)|PS|thana)\b", re.I)
# Words for a town's or county's public bodies and offices, named after it: "Lamar County Commissioners".
BODY_WORDS = {"police", "sheriff", "jail", "court", "courthouse", "commissioners", "commission", "council", "schools",
              "coordinator", "elections", "party", "marshal", "board", "department", "office", "clerk", "library",
              "officer", "officers", "deputy", "deputies"}
# Second-level divisions the gazetteer has no layer for ("Jay County", "St. Mary Parish").
SECOND_LEVEL_WORDS = {"county", "counties", "parish", "borough", "township"}


# Lower-case particles inside transliterated names: "Pul-e Khumri", "Sar-i-Pul", "Tarnak wa Jaldak".
PARTICLES = {"e", "ye", "i", "wa", "al", "el", "ud", "ul", "ad", "as", "az", "ash", "ar", "an", "-"}


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in NOT_NAMES and (not tok.ent_type_ in {
        "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"} or _dated_name(tok))


def _dated_name(tok: Token) -> bool:
    """A lone capitalised word the model took for a date that is no word of time ("In Sindhuli, ...", "in Turbat
    on Monday"): a name like any other. A festival or a word like "Today" stays a date (data/place_words.yaml)."""
    doc = tok.doc
    alone = tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")
    return alone and tok.ent_type_ == "DATE" and tok.text[1:].islower() and tok.lower_ not in date_words()


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    """Capitalised words of time that are also some town's name: festivals, "Today" (data/place_words.yaml)."""
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/place_words.yaml").read_text("utf-8")) or {}
    return frozenset(w.lower() for w in raw.get("date_words") or [])
