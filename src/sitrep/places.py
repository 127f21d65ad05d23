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

    def as_place(self) -> Place:
        c = self.country
        return Place(start=self.start, end=self.end, text=self.text,
                     name=c.name if c else None, country=c.iso3 if c else None,
                     lat=c.point.lat if c else None, lon=c.point.lon if c else None,
                     resolved=c is not None)


def _with_direction(doc: Doc, start_tok: int) -> int:
    """Extend a place to the left over a direction word: "eastern Syria"."""
    if start_tok > 0 and doc[start_tok - 1].lower_ in DIRECTIONS:
        return start_tok - 1
    return start_tok


def _locative(tok: Token) -> bool:
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE


def find_places(doc: Doc, skip: list[tuple[int, int]] = ()) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for ent in doc.ents:
        if any(a <= ent.start_char < b for a, b in skip):
            continue
        root = ent.root
        country = actors.country_of(ent.text)
        is_place = ent.label_ in PLACE_LABELS or (
            ent.label_ in {"ORG", "PERSON", "NORP"} and _locative(root) and ent.text[:1].isupper() and country is None
            and ent.label_ != "NORP")
        if country is not None and ent.label_ == "NORP":
            continue  # a demonym is an attribute of an actor, not a place
        if not is_place:
            continue
        first = _with_direction(doc, ent.start) if country is not None else ent.start
        start = doc[first].idx
        out.append(PlaceMention(start, ent.end_char, doc.text[start:ent.end_char], root, ent.label_, country))
    return out
