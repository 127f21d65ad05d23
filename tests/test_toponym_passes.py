"""The article-wide passes of toponym_context.py: a state's own name, a town beside its county, a town named
short and a name the model took for a building. Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

from sitrep import places, toponym_context
from sitrep.gazetteer import Entry
from sitrep.places import PlaceMention


def first(parse, gaz, text: str, name: str) -> PlaceMention:
    return next(p for p in places.find_places(parse(text), gaz=gaz) if p.text == name)


def town(name: str, admin1: str, lat: float, lon: float, population: int) -> Entry:
    return Entry(name, "city", "USA", admin1, lat, lon, population, None)


def mention(start: int, text: str, entry: Entry | None, label: str = "GPE") -> PlaceMention:
    return PlaceMention(start, start + len(text), text, None, label, entry=entry)


@pytest.mark.parametrize("text, kind", [
    ("She moved to New York after college and wrote for a weekly paper.", "admin1"),
    ("Flights between New York and Denver were cancelled by the storm.", "admin1"),
    ("She moved to New York City after college and wrote for a weekly paper.", "city"),
])
def test_a_bare_state_name_is_the_state_not_the_city_called_otherwise(parse, gaz, text, kind):
    p = first(parse, gaz, text, "New York" if "City" not in text else "New York City")
    assert p.entry is not None and p.entry.kind == kind


def test_a_dateline_keeps_the_city(parse, gaz):
    p = first(parse, gaz, "NEW YORK (AP) — Two men were hurt when a scaffold fell on Tuesday.", "NEW YORK")
    assert p.entry is not None and p.entry.kind == "city"


def test_a_town_moves_to_the_county_it_was_named_beside():
    boone = Entry("Boone County", "admin2", "USA", "Indiana", 40.05, -86.47, 60_000, None)
    lebanon_mo = town("Lebanon", "Missouri", 37.68, -92.66, 14_000)
    lebanon_in = town("Lebanon", "Indiana", 40.05, -86.47, 15_000)
    a, b = mention(0, "Lebanon", lebanon_mo), mention(40, "Boone County", boone)
    looked = {id(a): ("Lebanon", None), id(b): ("Boone County", None)}
    cands = {id(a): [lebanon_mo, lebanon_in], id(b): [boone]}
    toponym_context.town_in_county([a, b], cands, looked, {})
    assert a.entry == lebanon_in and b.entry == boone


@pytest.mark.parametrize("qualified, population, moved", [
    (False, 14_000, True),
    (True, 14_000, False),  # "Lebanon, Mo.": the qualifier placed it
    (False, 400_000, False),  # a big city keeps its place
])
def test_a_town_beside_a_county_keeps_its_place_when_placed_or_big(qualified, population, moved):
    boone = Entry("Boone County", "admin2", "USA", "Indiana", 40.05, -86.47, 60_000, None)
    lebanon_mo = town("Lebanon", "Missouri", 37.68, -92.66, population)
    lebanon_in = town("Lebanon", "Indiana", 40.05, -86.47, 15_000)
    a, b = mention(0, "Lebanon", lebanon_mo), mention(40, "Boone County", boone)
    looked = {id(a): ("Lebanon", None), id(b): ("Boone County", None)}
    toponym_context.town_in_county([a, b], {id(a): [lebanon_mo, lebanon_in], id(b): [boone]}, looked,
                                   {id(a): [lebanon_mo]} if qualified else {})
    assert (a.entry == lebanon_in) is moved


@pytest.mark.parametrize("long_name, entry_far, moved", [
    ("Avondale Estates", True, True),
    ("Avondale Estates", False, False),  # the short name's own town lies near: it stays
    ("Avondale City", True, False),  # "X City" is the town X's own name again
])
def test_a_town_named_short_is_the_longer_town_of_the_story(long_name, entry_far, moved):
    whole = town(long_name, "Georgia", 33.77, -84.27, 3_000)
    own = town("Avondale", "Illinois", 41.94, -87.70, 40_000) if entry_far else town("Avondale", "Georgia", 33.70, -84.30, 900)
    a, b = mention(0, long_name, whole), mention(60, "Avondale", own)
    looked = {id(a): (long_name, None), id(b): ("Avondale", None)}
    toponym_context.short_form([a, b], [a, b], looked, {})
    assert (b.entry == whole) is moved


@pytest.mark.parametrize("label, moved", [("FAC", True), ("ORG", False)])
def test_a_name_read_as_a_building_is_the_place_the_story_names_so(label, moved):
    ledge = town("Grand Ledge", "Michigan", 42.75, -84.75, 7_800)
    a, b = mention(0, "Grand Ledge", ledge), mention(80, "Grand Ledge", None, label)
    toponym_context.named_again([a, b], {})
    assert (b.entry == ledge) is moved


@pytest.mark.parametrize("text, label, source, moved", [
    ("the Hammond Marina", "FAC", "GPE", True),
    ("Hammond North", "FAC", "GPE", True),  # a school named after the town
    ("R-Hammond", "FAC", "LOC", True),  # a lawmaker from the town
    ("Hammond Road", "FAC", "GPE", False),  # a street named after the town
    ("the marina", "FAC", "GPE", False),
    ("Hammond North", "FAC", "ORG", False),  # the story names "Hammond" only as a body's: maybe a surname
    ("Hammond North", "ORG", "GPE", False),  # a body's name with no kind word is dropped, not placed
])
def test_a_body_named_after_a_place_the_story_resolved_is_that_place(text, label, source, moved):
    hammond = town("Hammond", "Indiana", 41.58, -87.50, 77_000)
    a, b = mention(0, "Hammond", hammond, source), mention(50, text, None, label)
    toponym_context.named_again([a, b], {})
    assert (b.entry == hammond) is moved


def test_a_township_named_after_a_state_is_not_the_state():
    texas = Entry("Texas", "admin1", "USA", "Texas", 31.25, -99.25, 29_000_000, None)
    a, b = mention(0, "Texas", texas), mention(50, "Texas Township", None, "FAC")
    toponym_context.named_again([a, b], {})
    assert b.entry is None
