"""Place mentions: every place name in the text, and the place where an event happened.

This stage finds place names (spaCy's GPE/LOC/FAC entities, and capitalised
names after a locative preposition, since the small model calls some towns ORG)
and resolves what it can without a gazetteer: country names and demonym-free
regions of a country ("eastern Syria") to the country's ISO3 code and
representative point (ACLED geo_precision 3). Towns stay unresolved
(``resolved=False``) until a gazetteer resolves them.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from . import actors
from .record import Place
from .nlp import text_of

VERSION = "places-1"

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

    def as_place(self) -> Place:
        c = self.country
        return Place(start=self.start, end=self.end, text=self.text,
                     name=c.name if c else None, country=c.iso3 if c else None,
                     lat=c.point.lat if c else None, lon=c.point.lon if c else None,
                     resolved=c is not None)


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


def _locative(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE


def _attributive(doc: Doc, ent, country) -> bool:
    """A name that describes a thing rather than where something happened: a country as a modifier
    ("U.S. targets", "Iraq's government") or a "London-based" group. A town as a modifier ("the Irbil
    attack") still says where."""
    root = ent.root
    if country is not None and root.dep_ in {"compound", "amod", "nmod", "poss"} and root.head.i >= ent.end:
        return True
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return nxt is not None and nxt.text == "-" and nxt.whitespace_ == ""


def find_places(doc: Doc, skip: list[tuple[int, int]] = ()) -> list[PlaceMention]:
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
            continue  # a demonym is an attribute of an actor, not a place
        if not is_place:
            continue
        first = _with_direction(doc, ent.start) if country is not None else ent.start
        start = doc[first].idx
        out.append(PlaceMention(start, ent.end_char, text_of(doc)[start:ent.end_char], root, ent.label_, country,
                                attributive=_attributive(doc, ent, country)))
    return out
