"""Namesakes resolved by the article's other places, words that make a name a state, country names written as
towns', names the model takes for people or organisations, and regions.

Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

from sitrep import places, regions, toponym_coherence
from sitrep.gazetteer import Entry


def found(parse, gaz, text: str) -> list[places.PlaceMention]:
    return places.find_places(parse(text), gaz=gaz)


def first(parse, gaz, text: str, name: str) -> places.PlaceMention:
    return next(p for p in found(parse, gaz, text) if p.text == name)


def town(name: str, admin1: str, lat: float, lon: float, population: int, country: str = "USA") -> Entry:
    return Entry(name, "city", country, admin1, lat, lon, population, None)


def test_the_namesake_the_other_names_lie_near_wins():
    paris = [town("Paris", "Ile-de-France", 48.85, 2.35, 2_000_000, "FRA"), town("Paris", "Tennessee", 36.30, -88.33, 10_000)]
    henry = [Entry("Henry County", "admin2", "USA", "Tennessee", 36.33, -88.32, 30_000, None),
             Entry("Henry County", "admin2", "USA", "Georgia", 33.43, -84.19, 60_000, None)]
    names = [toponym_coherence.Name("paris", paris, paris, set(), False),
             toponym_coherence.Name("henrycounty", henry, henry, set(), False)]
    switch = toponym_coherence.cohere(names, {"paris": paris[0], "henrycounty": henry[1]},
                                      lambda k, e: 0.8 * len(str(e.population)))
    assert switch["paris"].admin1 == "Tennessee" and switch["henrycounty"].admin1 == "Tennessee"


def test_a_lone_neighbour_does_not_move_a_city():
    detroit = [town("Detroit", "Michigan", 42.33, -83.05, 670_000), town("Detroit", "Maine", 44.79, -69.30, 800)]
    dexter = [town("Dexter", "Maine", 45.02, -69.29, 3_800), town("Dexter", "New York", 44.01, -76.04, 1_000)]
    names = [toponym_coherence.Name("detroit", detroit, detroit, set(), False),
             toponym_coherence.Name("dexter", dexter, dexter, set(), False)]
    rank = {"Michigan": 5.0, "Maine": 2.4, "New York": 2.4}
    switch = toponym_coherence.cohere(names, {"detroit": detroit[0], "dexter": dexter[1]},
                                      lambda k, e: rank[e.admin1])
    assert "detroit" not in switch


def test_a_town_is_placed_beside_the_county_it_lies_in(parse, gaz):
    text = ("Volunteers in Paris and Henry County collected 300 winter coats this month. "
            "The Henry County food bank will hand them out on Saturday.")
    assert first(parse, gaz, text, "Paris").entry.admin1 == "Tennessee"


@pytest.mark.parametrize("text, name", [
    ("Snow closed schools across upstate New York on Monday.", "New York"),
    ("Lawmakers in Oregon and Washington passed similar bills this spring.", "Washington"),
    ("Trucks were stopped at the New York border on Tuesday night.", "New York"),
])
def test_words_around_a_name_make_it_the_state(parse, gaz, text, name):
    p = first(parse, gaz, text, name)
    assert p.entry is not None and p.entry.kind == "admin1"


def test_a_state_named_after_no_town_of_its_own_is_the_state(parse, gaz):
    text = "The company moved its offices to Oregon last year, a spokesman said."
    assert first(parse, gaz, text, "Oregon").entry.kind == "admin1"


def test_a_country_name_written_as_a_towns_is_the_town(parse, gaz):
    text = ("Hershey police arrested a Palmyra man on Friday. A Lebanon woman, 34, was also charged; she lives "
            "at 12 Walnut St., Lebanon, the police said.")
    lebanon = [p for p in found(parse, gaz, text) if p.text == "Lebanon"]
    assert lebanon and all(p.country is None and p.entry.country == "USA" for p in lebanon)


def test_a_town_that_opens_a_hospitals_name_is_a_place(parse, gaz):
    text = "The injured driver was flown to Hartford Hospital, where he was listed in stable condition."
    p = first(parse, gaz, text, "Hartford")
    assert p.entry is not None and p.entry.admin1 == "Connecticut" and p.attributive


def test_a_street_named_after_a_town_stays_a_street(parse, gaz):
    text = "Three men were shot late Sunday in the 200 block of Larkin Street, police said."
    assert not any(p.text == "Larkin" for p in found(parse, gaz, text))


def test_two_places_joined_by_a_hyphen_are_two_places(parse, gaz):
    text = "The Paris-Henry County Rescue Squad asked residents of Henry County for donations."
    names = {p.text for p in found(parse, gaz, text)}
    assert "Paris" in names and "Paris-Henry" not in names


def test_a_legislators_home_town_is_a_place(parse, gaz):
    text = "The bill passed on Thursday, said Rep. Jane Morrow, D-Pleasanton, who wrote it."
    p = first(parse, gaz, text, "Pleasanton")
    assert p.attributive and p.entry is not None and p.entry.country == "USA"


@pytest.mark.parametrize("text, name, country", [
    ("Aid agencies said fighting in Darfur had forced thousands from their homes.", "Darfur", "SDN"),
    ("Oil prices rose on fears of a wider war in the Middle East.", "the Middle East", None),
])
def test_a_region_is_the_region_not_a_hamlet_of_its_name(parse, gaz, text, name, country):
    p = first(parse, gaz, text, name)
    assert p.entry is not None and p.entry.kind == regions.KIND and p.iso3 == country and p.precision == 3


def test_a_regions_people_are_listed_with_the_region():
    assert regions.demonym("South Ossetians") and regions.lookup("South Ossetian").country == "GEO"
    assert regions.lookup("Ohio") is None


def test_a_big_city_with_nothing_else_of_its_country_is_not_settled(parse, gaz):
    text = ("Dublin's council approved the budget on Monday. The city manager said sales tax revenue "
            "fell $2 million, and the council will meet again at 7 p.m. Thursday in Dublin.")
    p = first(parse, gaz, text, "Dublin")
    assert p.entry is not None and p.entry.country == "USA"


def test_a_name_qualified_once_keeps_its_state_bare():
    ct = town("New Haven", "Connecticut", 41.31, -72.93, 130_000)
    ky = town("New Haven", "Kentucky", 37.66, -85.59, 900)
    mentions = [places.PlaceMention(0, 9, "New Haven", None, "GPE", entry=ct),
                places.PlaceMention(40, 49, "New Haven", None, "GPE", entry=ky)]
    looked = {id(p): ("New Haven", None) for p in mentions}
    qualified = {id(mentions[0]): [Entry("Connecticut", "admin1", "USA", "Connecticut", 41.6, -72.7, 3_500_000, None)],
                 id(mentions[1]): []}
    toponym_coherence.one_sense(mentions, {id(p): [ct, ky] for p in mentions}, looked, qualified)
    assert mentions[1].entry.admin1 == "Connecticut"


def test_north_american_council_news_is_not_read_abroad(parse, gaz):
    text = ("MANSFIELD — The City Council voted 6-1 on Monday to borrow $765,000 for repairs at the police "
            "station. Mayor Ann Cole said the work will start in June.")
    p = first(parse, gaz, text, "MANSFIELD")
    assert p.entry is not None and p.entry.country in {"USA", "CAN"}


def test_one_weak_sign_alone_places_nothing():
    from sitrep import toponyms

    assert toponyms.cued_countries("Donors pledged $40 million to rebuild the bridge near Kabul.") == {}
    assert "USA" in toponyms.cued_countries("The mayor said the high school will reopen.")


def test_the_capital_outweighs_a_small_namesake_in_the_home_state(parse, gaz):
    text = ("School boards in Barrow County and Clarke County, Ga., are waiting to hear from Washington "
            "about federal money for teachers.")
    p = first(parse, gaz, text, "Washington")
    assert p.entry is not None and p.entry.admin1 == "District of Columbia"


def test_a_state_agency_places_the_story(parse, gaz):
    text = ("Albany police and Georgia Bureau of Investigation agents arrested a 27-year-old man on Wednesday. "
            "He was charged with three assaults in Albany.")
    p = first(parse, gaz, text, "Albany")
    assert p.entry is not None and p.entry.admin1 == "Georgia"


def test_england_is_the_part_not_the_whole_kingdom(parse, gaz):
    p = first(parse, gaz, "She left England for Canada in 1990.", "England")
    assert p.entry is not None and p.entry.kind == "admin1" and p.entry.name == "England"


def test_an_abbreviated_town_name_finds_its_long_forms_namesakes(parse, gaz):
    text = ("Mt. Pleasant police and Westmoreland County detectives searched a home near Greensburg. "
            "No one in Mt. Pleasant was hurt.")
    p = first(parse, gaz, text, "Mt. Pleasant")
    assert p.entry is not None and p.entry.admin1 == "Pennsylvania" and p.entry.lon < -79


def test_a_name_cut_short_of_its_first_word_is_read_whole(parse, gaz):
    text = "Classes at East Bank Middle School were canceled on Monday after a mudslide closed the road in Kanawha County."
    p = next(p for p in found(parse, gaz, text) if p.text == "Bank")
    assert p.entry is not None and p.entry.name == "East Bank"


def test_a_small_town_follows_the_state_most_names_lie_in():
    mn = [town("Delano", "Minnesota", 45.04, -93.79, 5_900), town("Watertown", "Minnesota", 44.96, -93.85, 4_300),
          town("Glencoe", "Minnesota", 44.77, -94.15, 5_600)]
    montgomery = [town("Montgomery", "Illinois", 41.73, -88.35, 19_000), town("Montgomery", "Minnesota", 44.44, -93.58, 2_900)]
    mentions = [places.PlaceMention(i * 20, i * 20 + len(e.name), e.name, None, "GPE", entry=e) for i, e in enumerate(mn)]
    mentions.append(places.PlaceMention(100, 110, "Montgomery", None, "GPE", entry=montgomery[0]))
    looked = {id(p): (p.text, None) for p in mentions}
    cands = {id(p): [p.entry] for p in mentions[:-1]} | {id(mentions[-1]): montgomery}
    toponym_coherence.home_state(mentions, cands, looked, {id(p): [] for p in mentions})
    assert mentions[-1].entry.admin1 == "Minnesota"


def _town(name: str, population: int = 2_000) -> Entry:
    return Entry(name, "city", "USA", "Ohio", 40.0, -83.0, population, None)


@pytest.mark.parametrize("word, town, other", [
    ("Fountain", _town("Millbrook"), True),      # an ordinary word that is only a small town's other name
    ("Fountain", _town("Millbrook", 900_000), False),  # a big town keeps every name
    ("Fountain", Entry("Millbrook", "city", "IND", "Kerala", 10.0, 76.0, 2_000, None), False),  # spellings
    ("Millbrok", _town("Millbrook"), False),     # a spelling of its own name: same consonants
    ("Mill", _town("Millbrook"), False),         # the opening of the name
    ("Brook", _town("Mill Brook"), False),       # one word of the name
    ("Rock Hill", _town("Millbrook"), False),    # names of several words are left to the other rules
])
def test_a_small_towns_other_name_spelt_unlike_its_own(word, town, other):
    from sitrep.toponyms import _other_word
    assert _other_word(word, town) is other
