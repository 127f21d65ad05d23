"""Place names of local news: namesakes, the article's home state, demonyms and names the model misses.

Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

from sitrep import gazetteer, places


def found(parse, gaz, text: str) -> list[places.PlaceMention]:
    return places.find_places(parse(text), gaz=gaz)


def first(parse, gaz, text: str, name: str) -> places.PlaceMention:
    return next(p for p in found(parse, gaz, text) if p.text == name)


def test_a_country_named_only_by_itself_is_the_town_of_the_home_state(parse, gaz):
    text = ("Deputies in Anderson County searched a pasture on Tuesday. The Anderson County sheriff said the "
            "stolen cattle were found near Palestine, and a Tyler man was arrested in Smith County, Texas.")
    p = first(parse, gaz, text, "Palestine")
    assert p.country is None and p.entry is not None and p.entry.admin1 == "Texas"


def test_a_country_the_article_is_about_stays_the_country(parse, gaz):
    text = ("Talks between Israel and Palestine resumed in Cairo on Monday, Egyptian officials said. "
            "Palestinian negotiators arrived from Ramallah.")
    assert first(parse, gaz, text, "Palestine").iso3 == "PSE"


def test_georgia_inside_an_agency_name_is_the_state_of_an_atlanta_story(parse, gaz):
    text = ("Agents of the Georgia Bureau of Investigation searched a house in Atlanta on Friday. "
            "The suspect was booked into the Fulton County jail.")
    p = first(parse, gaz, text, "Georgia")
    assert p.country is None and p.entry.country == "USA" and p.entry.admin1 == "Georgia"


def test_a_repeated_name_is_not_its_own_evidence(parse, gaz):
    # Dublin, Ireland is the big namesake; an Ohio story about Dublin names it many times and Columbus once.
    text = ("Dublin will repave three streets this summer. Dublin council members approved the plan, "
            "and crews from Columbus, Ohio will start in June. Dublin residents can comment online.")
    p = first(parse, gaz, text, "Dublin")
    assert p.entry is not None and p.entry.country == "USA" and p.entry.admin1 == "Ohio"


def test_the_home_state_pulls_a_bare_county_name(parse, gaz):
    text = ("Sycamore and Naperville will share a new fire station, officials of both towns said. DeKalb County "
            "will pay for the land.")
    p = first(parse, gaz, text, "DeKalb County")
    assert p.entry is not None and p.entry.admin1 == "Illinois"


def test_a_province_whose_towns_crowd_its_south_keeps_its_own_point(gaz):
    ontario = next(e for e in gaz.candidates("Ontario") if e.kind == "admin1" and e.country == "CAN")
    assert ontario.lat > 48  # its towns' mean lies near Toronto, far south of the province's middle


@pytest.mark.parametrize("text, name, admin1", [
    ("Many Ohioans voted early this year.", "Ohioans", "Ohio"),
    ("The governor told Minnesotans to stay off the roads.", "Minnesotans", "Minnesota"),
])
def test_the_people_of_a_state_name_the_state(parse, gaz, text, name, admin1):
    p = first(parse, gaz, text, name)
    assert p.attributive and p.entry is not None and p.entry.kind == "admin1" and p.entry.admin1 == admin1


def test_names_listed_before_counties_are_counties(parse, gaz):
    text = "Flood warnings were issued for Clay and Wilkin counties in Minnesota on Sunday."
    names = {p.text: p for p in found(parse, gaz, text)}
    assert "Clay" in names and "Wilkin" in names
    assert names["Wilkin"].entry is not None and names["Wilkin"].entry.kind == "admin2"


@pytest.mark.parametrize("text, name", [
    ("Car crash closes road. BY JANE DOE Staff Writer May 4, 2010 ZANESVILLE -- A car hit a pole.", "ZANESVILLE"),
    ("Port reopens after strike. BEIRUT: Dock workers went back to work on Monday.", "BEIRUT"),
])
def test_more_dateline_forms(parse, gaz, text, name):
    p = first(parse, gaz, text, name)
    assert p.dateline and p.resolved


def test_a_colon_after_a_word_that_is_no_place_is_no_dateline(parse, gaz):
    assert not any(p.dateline for p in found(parse, gaz, "Fire destroys barn. EDITORIAL: We need more trucks."))


def test_a_name_only_as_another_towns_other_name_ranks_below_the_towns_that_bear_it(parse, gaz):
    text = ("Paris police arrested two men after a chase on Loop 286, the Lamar County sheriff said. "
            "Both were held in the Lamar County jail in Paris, Texas.")
    p = first(parse, gaz, text, "Paris")
    assert p.entry is not None and gazetteer.key(p.entry.name) == "paris"


def test_a_town_of_the_home_state_before_a_word_for_its_people(parse, gaz):
    text = ("A Pleasanton couple was hurt in a crash on Interstate 680 near Dublin, California, police said. "
            "Officers from Livermore and Hayward, California closed the road.")
    p = next((p for p in found(parse, gaz, text) if p.text == "Pleasanton"), None)
    assert p is not None and p.entry is not None and p.entry.admin1 == "California"


@pytest.mark.parametrize("text", [
    "The Jones family moved to a farm last spring.",
    "A Smith man was fined for speeding.",
])
def test_a_word_for_people_after_a_name_no_town_of_the_home_state_adds_nothing(parse, gaz, text):
    assert not any(p.label == "ORG" and p.attributive and p.resolved for p in found(parse, gaz, text))


def test_los_angeles_abbreviated_is_no_louisiana(gaz):
    best = max(gaz.candidates("L.A."), key=lambda e: e.population if e.kind == "city" else 0)
    assert best.name == "Los Angeles"


@pytest.mark.parametrize("text,name,admin1", [
    ("The driver was booked into the Titus County Jail on Friday night.", "Titus County", "Texas"),
    ("A state engineer told Lamar County Commissioners on Monday that the bridge would close.", "Lamar County",
     None),
    ("The officer had served with the North Las Vegas Police Department for two years.", "North Las Vegas",
     "Nevada"),
])
def test_a_public_body_the_model_calls_a_place_names_its_town_or_county(parse, gaz, text, name, admin1):
    p = first(parse, gaz, text, name)
    assert p.attributive and p.entry is not None and p.entry.name.startswith(name)
    assert admin1 is None or p.entry.admin1 == admin1
