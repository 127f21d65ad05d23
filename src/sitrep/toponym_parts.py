"""Places named as parts of others: "the Zawak area of Arghandab district", "Kaliganj upazila of Satkhira",
"Lohagara upazila of Chittagong". The part lies within :data:`PART_KM` of its whole, the whole is the namesake
the part lies near, and a part the gazetteer lacks lies in its whole's province. toponyms.resolve calls these
after its first choices."""
from __future__ import annotations

import math
import re

from spacy.tokens import Doc

from . import gazetteer
from .gazetteer import Entry
from .nlp import text_of
from .places import STATE_COUNTRIES, PlaceMention

# How far a village or area named as part of a district or town ("X area of Y district") may lie from Y's point.
PART_KM = 50.0

# A South Asian subdistrict named with its district: "Kaliganj upazila of Satkhira", "Raptadu mandal in Anantapur".
SUBDISTRICT_OF = re.compile(r"^ (?:upazila|union|tehsil|taluka?|mandal|block|thana|police station) (?:of|in) (?:the )?$",
                            re.I)
OF_PLACE = re.compile(r"^(?: (?:area|village|district|town|city)s?)?(?: cent(?:er|re))? of (?:the )?$", re.I)


def km(a: Entry, b: Entry) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def inherit_within(doc: Doc, places: list[PlaceMention]) -> None:
    """An unresolved place "in X of Y district, Balkh" lies in Y's province (or in Y itself); an unresolved district
    whose name ends with its province's ("Chaki Wardak district") lies in that province."""
    text = text_of(doc)
    province_in_name(doc, places)
    district_after_comma(doc, places)
    ordered = sorted(places, key=lambda p: p.start)
    for p, q in zip(ordered, ordered[1:]):
        if p.resolved or p.within is not None or not OF_PLACE.match(text[p.end:q.start]):
            continue
        if q.country is not None:
            c = q.country
            p.within = Entry(c.name, "country", c.iso3, None, c.point.lat, c.point.lon, 0, None)
        else:
            p.within = q.within if q.entry is None or q.entry.kind == "city" and q.within else q.entry


def whole_by_part(doc: Doc, places: list[PlaceMention], cands: dict[int, list[Entry]]) -> None:
    """A district or town named as the whole a place is part of ("Mendhar tehsil of Poonch district") is the
    namesake that has a place of the part's name within :data:`PART_KM`, where the one chosen has none: the
    part says which Poonch is meant. Both are set to the nearest such pair."""
    text = text_of(doc)
    ordered = sorted(places, key=lambda p: p.start)
    for p, q in zip(ordered, ordered[1:]):
        if q.entry is None or id(p) not in cands or id(q) not in cands \
                or not (OF_PLACE.match(text[p.end:q.start]) or SUBDISTRICT_OF.match(text[p.end:q.start])):
            continue
        parts = [e for e in cands[id(p)] if e.kind == "city"]
        if not parts or any(km(e, q.entry) <= PART_KM for e in parts):
            continue
        pairs = [(w, e) for w in cands[id(q)] if w.kind in {"city", "admin2"} for e in parts if km(e, w) <= PART_KM]
        if pairs:
            q.entry, p.entry = min(pairs, key=lambda pair: km(pair[1], pair[0]))
            q.note = p.note = None


def part_near_whole(doc: Doc, places: list[PlaceMention], gaz=None, looked=None) -> None:
    """A village or area named as part of a district or town ("the Gerdani area of Shindand district", "Kaliganj
    upazila of Satkhira") is not a namesake further than :data:`PART_KM` from it: it is the namesake nearest the
    whole within that distance, else it stays unresolved, within the district."""
    if gaz is not None and looked:
        spelt_in_province(places, gaz, looked)
    text = text_of(doc)
    ordered = sorted(places, key=lambda p: p.start)
    for p, q in zip(ordered, ordered[1:]):
        if p.entry is None or q.entry is None or q.entry.kind not in {"city", "admin2"} \
                or not (OF_PLACE.match(text[p.end:q.start]) or SUBDISTRICT_OF.match(text[p.end:q.start])):
            continue
        if km(p.entry, q.entry) > PART_KM and gaz is not None and looked and id(p) in looked:
            near = [e for e in gaz.candidates(looked[id(p)][0]) if e.kind == "city" and km(e, q.entry) <= PART_KM]
            if near:
                p.entry = min(near, key=lambda e: km(e, q.entry))
                continue
        if km(p.entry, q.entry) > PART_KM:
            p.entry, p.within = None, q.entry
            p.note = f"its namesakes lie far from {q.entry.name}, which it is part of"


# What resolution says of a name whose namesakes all lie outside the province named after it.
OUTSIDE_PROVINCE = "no candidate in the province of its qualifier"


def spelt_in_province(places: list[PlaceMention], gaz, looked) -> None:
    """A district or town named with its province ("Khogyani district, Nangarhar") whose namesakes all lie in
    other provinces is the place of a near spelling in that province, where there is one name for it there
    ("Khūgyāṉī"): transliterations of Afghan and Pakistani names vary. A district before the word district."""
    for p in places:
        w = p.within
        if p.resolved or p.note != OUTSIDE_PROVINCE or w is None or w.kind != "admin1" or id(p) not in looked:
            continue
        name, kind = looked[id(p)]
        near = [e for e in gaz.candidates(name, loose=True) if (e.country, e.admin1) == (w.country, w.admin1)
                and e.kind in {"city", "admin2"}]
        if len({gazetteer.key(e.name) for e in near}) != 1:
            continue  # none, or two places the spelling may stand for
        p.entry = max(near, key=lambda e: ((e.kind == "admin2") == (kind == "district"), e.population))
        p.note = None


# A kind word after a district's name: "Chaki Wardak district", "Khas Kunar district".
DISTRICT_AFTER = re.compile(r" (?:district|tehsil|subdivision|sub-division)\b", re.I)


def province_in_name(doc: Doc, places: list[PlaceMention]) -> None:
    """An unresolved district of two or more words that ends with the name of a province of a country the article
    places itself in ("Chaki Wardak district" in Wardak): it lies in that province."""
    text = text_of(doc)
    countries = {p.iso3 for p in places if p.resolved and p.iso3}
    gaz = gazetteer.default()
    for p in places:
        words = p.text.split()
        if p.resolved or p.within is not None or len(words) < 2 or not DISTRICT_AFTER.match(text, p.end):
            continue
        last = [e for e in gaz.candidates(words[-1]) if e.kind == "admin1" and (e.country in countries or not countries)
                and gazetteer.key(e.name) == gazetteer.key(words[-1])]
        if len({e.country for e in last}) == 1:
            p.within = last[0]


def district_after_comma(doc: Doc, places: list[PlaceMention]) -> None:
    """An unresolved village named with its district after a comma ("in Uthmankhel, Bajaur", "Karo Kot, Dadu"):
    it lies in that district. Not where the district is a US county, which a street's address names."""
    text = text_of(doc)
    ordered = sorted(places, key=lambda p: p.start)
    for p, q in zip(ordered, ordered[1:]):
        if p.resolved or p.within is not None or p.label in {"ORG", "PERSON", "NORP"} or text[p.end:q.start] != ", " \
                or q.entry is None or q.entry.kind != "admin2" or q.entry.country in STATE_COUNTRIES:
            continue
        p.within = q.entry
