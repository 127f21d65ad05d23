"""South Asian reports that name no country: towns hidden by districts or ordinary words, a neighbour's towns,
wholes told by their parts, short forms of parties, and the words of each country's local news.

Every sentence here was written for these tests."""
from __future__ import annotations

import pytest

from sitrep import places, toponym_parts, toponyms
from sitrep.gazetteer import Entry


def found(parse, gaz, text: str) -> dict[str, places.PlaceMention]:
    return {p.text: p for p in places.find_places(parse(text), gaz=gaz)}


@pytest.mark.parametrize("text, name, country, kind", [
    # a district named after its town hides no big town
    ("Traders gathered outside the Lahore press club on Monday to demand lower taxes.", "Lahore", "PAK", "city"),
    # a province that bears the name, not a small town of it abroad
    ("Parents in Goa blocked the main roads on Monday.", "Goa", "IND", "admin1"),
    # a town of size next to the one country the report names, the only country with the name
    ("Troops from Pakistan fired at a post in Sopore on Friday.", "Sopore", "IND", "city"),
])
def test_a_town_the_report_gives_no_country_for(parse, gaz, text, name, country, kind):
    p = found(parse, gaz, text)[name]
    assert p.entry is not None and p.entry.country == country and p.entry.kind == kind


def test_the_part_says_which_namesake_the_whole_is(parse, gaz):
    names = found(parse, gaz, "Two men were hurt in a clash in Lohagara upazila of Chittagong on Sunday.")
    part, whole = names["Lohagara"].entry, names["Chittagong"].entry
    assert part is not None and whole is not None
    assert toponym_parts.km(part, whole) <= toponym_parts.PART_KM


@pytest.mark.parametrize("text, absent", [
    ("Cadres of the Nepali Congress (NC) clashed with police in Siraha. NC leaders condemned the arrests.", "NC"),
    ("Workers in Angul protested against the Centre's decision to sell shares.", "Centre"),
    ("Workers in Angul protested on Monday. The Union Government did not reply.", "Union"),
])
def test_short_forms_and_ordinary_words_are_no_places(parse, gaz, text, absent):
    names = found(parse, gaz, text)
    assert absent not in names and any(p.resolved for p in names.values())


def test_a_short_form_of_a_place_stays_a_place(parse, gaz):
    names = found(parse, gaz, "Marchers from Washington, DC walked to Baltimore on Sunday.")
    assert "DC" in names


@pytest.mark.parametrize("text, iso3", [
    ("Two MLAs sat outside the collectorate all day.", "IND"),
    ("Levies personnel guarded the road after the blast.", "PAK"),
    ("Madhesi cadres blocked the highway for a third day.", "NPL"),
    ("Members of the Pradeshiya Sabha walked out of the meeting.", "LKA"),
])
def test_words_of_a_countrys_local_news_place_it(text, iso3):
    assert toponyms.cued_countries(text, weak=False) == {iso3: 1.0}


@pytest.mark.parametrize("text", ["The company levies a fee on each parcel.", "the mla of the house"])
def test_the_same_words_in_other_senses_place_nothing(text):
    assert toponyms.cued_countries(text, weak=False) == {}


def test_a_place_in_the_possessive_is_the_whole_of_the_next(extract_doc):
    text = "A roadside bomb wounded four rangers in Pattani's Sai Buri district on Monday."
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.text.startswith("Sai Buri") and where.country == "THA"


def test_a_village_of_a_report_in_another_countrys_local_words_is_no_neighbours_town(parse, gaz):
    names = found(parse, gaz, "Two farmers were hurt at Sarangpur village in the upazila on Friday, Bangladeshi "
                              "officials said.")
    assert all(p.entry is None or p.entry.country != "IND" for p in names.values())


@pytest.mark.parametrize("text, town", [
    ("Hundreds of students gathered in Lucknow on Friday to protest against attacks on workers in Nigeria.",
     "Lucknow"),
    ("Forty teachers were detained in Salem for staging a protest against the minister's visit to Delhi.", "Salem"),
])
def test_a_protest_is_where_it_is_held_not_where_its_grievance_lies(extract_doc, text, town):
    doc = extract_doc(text, published="2024-03-04")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    assert protest.location is not None and protest.location.text == town


def test_an_attack_told_as_a_protests_grievance_keeps_its_own_place(extract_doc):
    doc = extract_doc("Hundreds of students gathered in Lucknow on Friday to protest against attacks on workers "
                      "in Nigeria.", published="2024-03-04")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert attack.location is not None and attack.location.country == "NGA"


def test_the_province_of_the_name_only_where_the_article_names_no_country(parse, gaz):
    doc = parse("Ponce was charged on Friday.")
    p = places.PlaceMention(0, 5, "Ponce", doc[0], "GAZ")  # a name only the gazetteer knew
    town = Entry("Ponce", "city", "PRI", "Ponce", 18.01, -66.61, 20_000, None)
    province = Entry("Ponce", "admin1", "PRI", "Ponce", 18.05, -66.58, 15_000, None)
    alone = toponyms.Context(countries={}, admin1=set())
    assert toponyms._choose(p, ("Ponce", None), [town, province], [], alone, gaz)[0] == province
    home = toponyms.Context(countries={"USA": 2.0}, admin1=set())
    assert toponyms._choose(p, ("Ponce", None), [town, province], [], home, gaz) == (None, toponyms.NOT_IN_COUNTRIES)
