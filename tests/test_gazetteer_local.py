"""Bangladesh's subdistricts and Nepal's municipalities from packaged boundaries, and the South Asian ways of naming
a place that come with them; sentences written for these tests."""
from __future__ import annotations

import pytest

from sitrep import gazetteer_local, places


def test_a_polygons_centroid_is_its_middle():
    square = {"type": "Polygon", "coordinates": [[[90.0, 23.0], [91.0, 23.0], [91.0, 24.0], [90.0, 24.0], [90.0, 23.0]]]}
    lat, lon = gazetteer_local.centroid(square)
    assert abs(lat - 23.5) < 1e-9 and abs(lon - 90.5) < 1e-9


def test_a_multipolygon_is_at_its_largest_part():
    big = [[[90.0, 23.0], [92.0, 23.0], [92.0, 25.0], [90.0, 25.0], [90.0, 23.0]]]
    islet = [[[80.0, 10.0], [80.1, 10.0], [80.1, 10.1], [80.0, 10.0]]]
    lat, lon = gazetteer_local.centroid({"type": "MultiPolygon", "coordinates": [islet, big]})
    assert abs(lat - 24.0) < 1e-9 and abs(lon - 91.0) < 1e-9


@pytest.mark.parametrize("name, iso3, kind", [
    ("Sharsha", "BGD", "city"),  # an upazila
    ("Rupganj", "BGD", "city"),
    ("Noakhali", "BGD", "city"),  # a district's town, through its Sadar upazila
    ("Phidim", "NPL", "city"),  # a municipality
    ("Parbat", "NPL", "admin2"),  # a district, at its headquarters
])
def test_a_local_unit_is_in_the_gazetteer(gaz, name, iso3, kind):
    assert any(e.country == iso3 and e.kind == kind for e in gaz.candidates(name))


def test_a_renamed_district_is_found_by_its_older_name(gaz):
    town = next(e for e in gaz.candidates("Lakshmipur") if e.country == "BGD" and e.kind == "city")
    old = [e for e in gaz.candidates("Lakkhipur") if e.country == "BGD"]
    assert old and abs(old[0].lat - town.lat) < 0.2 and abs(old[0].lon - town.lon) < 0.2


def test_a_nepalese_district_lies_at_its_headquarters(gaz):
    district = next(e for e in gaz.candidates("Parbat") if e.country == "NPL" and e.kind == "admin2")
    town = next(e for e in gaz.candidates("Kushma") if e.country == "NPL")
    assert abs(district.lat - town.lat) < 0.05 and abs(district.lon - town.lon) < 0.05  # within about 5 km


def test_an_upazila_of_a_district_is_where_the_event_was(extract_doc):
    doc = extract_doc("Police fired rubber bullets at protesters in Sharsha upazila of Jessore on Friday.")
    loc = next(e.location for e in doc.events if e.location is not None)
    assert loc.name == "Sharsha" and loc.country == "BGD"


def test_a_village_under_a_police_station_is_placed_at_the_station(extract_doc):
    doc = extract_doc("A trader was shot dead at Rampur village under Kakching police station on Sunday.")
    loc = next(e.location for e in doc.events if e.location is not None)
    assert loc.name == "Kakching" and loc.country == "IND"


def test_a_town_the_model_cut_short_is_found_whole(parse, gaz):
    found = places.find_places(parse("Gunmen fired a rocket at a checkpoint in Dera Ismail Khan on Friday."), gaz=gaz)
    assert [(p.text, p.iso3) for p in found] == [("Dera Ismail Khan", "PAK")]


def test_a_press_club_is_in_its_town(extract_doc):
    doc = extract_doc("Nurses held a protest outside Quetta Press Club on Monday demanding higher pay.")
    loc = next(e.location for e in doc.events if e.location is not None)
    assert loc.name == "Quetta" and loc.precision == 1


@pytest.mark.parametrize("text", [
    "The Young Doctors Association blocked a road on Tuesday.",
    "Workers protested against the Forest Department on Tuesday.",
    "Farmers rallied against the policies of the government at the Centre.",
])
def test_an_ordinary_word_opening_a_name_is_no_place(parse, gaz, text):
    assert not [p for p in places.find_places(parse(text), gaz=gaz) if p.resolved]


def test_a_town_of_unknown_population_is_itself_when_the_name_has_no_namesake(parse, gaz):
    # GeoNames lists Baramulla without a population; no country is named, and no other country has the name.
    found = places.find_places(parse("Students in Baramulla gathered and protested against a killing."), gaz=gaz)
    assert [(p.text, p.iso3) for p in found] == [("Baramulla", "IND")]


@pytest.mark.parametrize("text, iso3", [
    ("Activists of two factions clashed at Kalaiya in the upazila on Friday.", "BGD"),
    ("Activists of two factions clashed at Kalaiya on Friday; the VDC office was shut.", "NPL"),
])
def test_a_local_word_says_which_countrys_namesake_is_meant(parse, gaz, text, iso3):
    found = {p.text: p for p in places.find_places(parse(text), gaz=gaz)}
    assert found["Kalaiya"].iso3 == iso3


@pytest.mark.parametrize("text", [
    "The PTI Karachi chapter held a protest against the cartoon.",
    "Two Karachi policemen were shot dead by gunmen on a motorbike.",
])
def test_a_local_branch_tells_the_town_of_an_event_that_names_no_other_place(extract_doc, text):
    loc = next(e.location for e in extract_doc(text).events if e.location is not None)
    assert loc.name == "Karachi"


def test_a_subdistrict_of_a_district_is_the_namesake_in_that_district(extract_doc):
    # Bangladesh has several Kaliganj upazilas; the one of Satkhira district lies in the far south-west.
    doc = extract_doc("A farmer was hacked to death in Kaliganj upazila of Satkhira on Monday.")
    loc = next(e.location for e in doc.events if e.location is not None)
    assert loc.name == "Kaliganj" and loc.lat < 22.8 and loc.lon < 89.3


@pytest.mark.parametrize("text", [
    "Police said nobody was arrested after a shooting in Gilpin Court on Sunday.",
    "Two men were wounded in a shooting on Fulton Avenue early Sunday.",
])
def test_a_street_or_an_estate_named_after_a_place_is_no_town(parse, gaz, text):
    found = places.find_places(parse(text), gaz=gaz)
    assert not [p for p in found if p.resolved and not p.attributive]


def test_a_big_town_the_model_missed_is_a_fallback(extract_doc):
    doc = extract_doc("Growers blocked trains leaving Jalandhar to protest late grain purchases.")
    assert [p.name for p in doc.places if p.attributive] == ["Jalandhar"]
    assert next(e.location for e in doc.events if e.location is not None).name == "Jalandhar"
