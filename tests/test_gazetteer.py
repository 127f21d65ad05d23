"""The gazetteer and toponym resolution, on sentences written for these tests."""
from __future__ import annotations

import math

import pytest

from sitrep import gazetteer, places
from sitrep.gazetteer import key


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def resolved(parse, gaz, text: str) -> dict[str, places.PlaceMention]:
    return {p.text: p for p in places.find_places(parse(text), gaz=gaz)}


@pytest.mark.parametrize("a, b", [
    ("Erbil", "ERBIL"), ("Arbīl", "arbil"), ("Deir ez-Zor", "Deir ez Zor"), ("al-Mawsil", "Mawsil"),
    ("Kata'ib", "Kataib"), ("Dawlat Abad", "Dawlatabad"),
])
def test_keys_ignore_case_diacritics_and_separators(a, b):
    assert key(a) == key(b)


@pytest.mark.parametrize("name", ["Irbil", "Erbil", "erbil", "ARBIL", "Arbīl"])
def test_irbil_spellings_reach_erbil(gaz, name):
    cities = [e for e in gaz.candidates(name) if e.kind == "city"]
    assert any(km(e.lat, e.lon, 36.19, 44.01) < 25 for e in cities)


def test_transliterations_from_places_yaml(gaz):
    assert {e.country for e in gaz.candidates("Deir al-Zour")} == {"SYR"}
    assert any(e.kind == "city" and e.country == "SYR" for e in gaz.candidates("Albu Kamal"))
    assert any(e.kind == "admin1" and e.country == "AFG" for e in gaz.candidates("Helmand"))


@pytest.mark.parametrize("text, name, iso3", [
    ("A roadside bomb went off in Kandahar on Tuesday, Afghan police said.", "Kandahar", "AFG"),
    ("A rocket struck near Irbil, an official in Iraq said.", "Irbil", "IRQ"),
])
def test_town_resolves_in_its_country(parse, gaz, text, name, iso3):
    p = resolved(parse, gaz, text)[name]
    assert p.resolved and p.iso3 == iso3 and p.precision == 1
    assert p.as_place().geonames_id is not None


def test_irbil_in_text_is_within_25_km(parse, gaz):
    p = resolved(parse, gaz, "Two drones were shot down over Irbil on Sunday.")["Irbil"]
    assert km(p.lat, p.lon, 36.19, 44.01) < 25


@pytest.mark.parametrize("text, iso3", [
    ("Protesters marched in Alexandria, where Egyptian police made arrests.", "EGY"),
    ("Protesters marched in Alexandria, where Virginia police made arrests.", "USA"),
])
def test_ambiguous_name_takes_the_articles_country(parse, gaz, text, iso3):
    assert resolved(parse, gaz, text)["Alexandria"].iso3 == iso3


def test_qualifier_after_a_comma_picks_the_province(parse, gaz):
    ps = resolved(parse, gaz, "Fighting was reported in Dawlat Abad district, Faryab, on Friday.")
    town = next(p for t, p in ps.items() if t.startswith("Dawlat Abad"))
    assert town.iso3 == "AFG" and town.entry.admin1 == "Faryab" and town.precision == 1


def test_unknown_name_stays_unresolved_without_harm(parse, gaz):
    ps = resolved(parse, gaz, "Gunmen attacked Qzxvutown and then Kandahar, Afghan officials said.")
    assert ps["Kandahar"].iso3 == "AFG"
    unknown = [p for t, p in ps.items() if "Qzxvutown" in t]
    for p in unknown:
        assert not p.resolved and p.note and p.as_place().resolved is False


def test_event_location_carries_coordinates(extract_doc):
    doc = extract_doc("Taliban fighters attacked a police checkpoint in Kandahar on Monday, "
                      "killing four Afghan policemen.")
    loc = doc.events[0].location
    assert loc.country == "AFG" and loc.precision == 1 and loc.geonames_id is not None
    assert km(loc.lat, loc.lon, 31.61, 65.71) < 25
    assert any(p.text == "Kandahar" and p.resolved for p in doc.places)


def test_store_rebuilds_when_missing_or_stale(tmp_path):
    path = tmp_path / "small.sqlite"
    store = gazetteer.open_store("cities15000.json", path=path)  # its speed is measured in bench_gazetteer.py
    assert path.exists() and store.candidates("Kabul")
    path.unlink()
    assert gazetteer.open_store("cities15000.json", path=path).candidates("Kabul")
    path.write_bytes(b"not a database")
    assert gazetteer.open_store("cities15000.json", path=path).candidates("Kabul")
    assert not list(tmp_path.glob("*.tmp"))


def test_a_country_name_that_is_a_us_state_follows_the_article(parse, gaz):
    us = resolved(parse, gaz, "Storms hit Atlanta, Ga., and Ohio on Monday, and schools in Georgia closed.")
    assert us["Georgia"].iso3 == "USA" and us["Georgia"].precision == 3
    abroad = resolved(parse, gaz, "Russian troops moved into Georgia, and officials in Tbilisi protested.")
    assert abroad["Georgia"].iso3 == "GEO"


@pytest.mark.parametrize("name, iso3", [("Kansas City", "USA"), ("West Virginia", "USA")])
def test_the_name_as_written_comes_before_its_parts(parse, gaz, name, iso3):
    p = resolved(parse, gaz, f"The storm reached {name} on Tuesday.")[name]
    assert p.iso3 == iso3 and p.entry.name == name


def test_second_level_divisions_have_points(gaz):
    counties = [e for e in gaz.candidates("Kanawha County") if e.kind == "admin2"]
    assert [(e.country, e.admin1) for e in counties] == [("USA", "West Virginia")]
    assert km(counties[0].lat, counties[0].lon, 38.35, -81.63) < 60  # around Charleston, its seat


def test_every_country_has_named_provinces(gaz):
    assert any(e.kind == "admin1" and e.country == "PAK" for e in gaz.candidates("Khyber Pakhtunkhwa"))
    assert any(e.kind == "admin1" and e.country == "IND" for e in gaz.candidates("Telangana"))


def test_a_bare_name_is_the_town_not_the_county(parse, gaz):
    p = resolved(parse, gaz, "Firefighters were called to a barn in Baldwin, New York.")["Baldwin"]
    assert p.entry.kind == "city"


def test_a_county_named_in_the_article_picks_the_state_of_its_towns(parse, gaz):
    text = ("Deputies of the Tarrant County sheriff's office were called to a house. "
            "The man was later taken to a hospital in Arlington.")
    p = resolved(parse, gaz, text)["Arlington"]
    assert p.entry.admin1 == "Texas"


def test_other_mentions_of_a_resolved_name_are_the_same_place(parse, gaz):
    text = "A fire broke out in Fargo on Monday. Fargo firefighters put it out within an hour."
    found = [p for p in places.find_places(parse(text), gaz=gaz) if p.text == "Fargo"]
    assert len(found) == 2 and all(p.entry is not None and p.entry.admin1 == "North Dakota" for p in found)
    assert found[1].attributive  # "Fargo firefighters": whose, not where


def test_a_part_of_a_town_is_no_town_elsewhere(parse, gaz):
    found = resolved(parse, gaz, "Two men were shot on the East Side early Sunday, police in Columbus said.")
    assert not any(p.resolved for t, p in found.items() if "East Side" in t)


def test_local_news_that_never_names_its_country_stays_in_it(parse, gaz):
    text = "A man was shot in the 1200 block of Main Street in Chester, the county sheriff's office said."
    assert resolved(parse, gaz, text)["Chester"].iso3 == "USA"


def test_a_wire_dateline_in_title_case_is_a_place(parse, gaz):
    found = resolved(parse, gaz, "Sylhet, Jan 4 (Wire) - Two buses were set on fire during a strike.")
    assert found["Sylhet"].dateline and found["Sylhet"].iso3 == "BGD"


def test_an_area_of_a_district_is_no_namesake_in_another_province(parse, gaz):
    ps = resolved(parse, gaz, "Two guards died when gunmen stormed a post in the Qer Awal area of Arghandab "
                              "district, Kandahar, on Sunday.")
    assert ps["Arghandab"].iso3 == "AFG" and ps["Arghandab"].entry.admin1 == "Kandahar"
    area = ps.get("Qer Awal")
    assert area is None or area.entry is None or area.entry.admin1 == "Kandahar"


def test_an_area_of_a_district_is_no_namesake_far_from_it(parse, gaz):
    ps = resolved(parse, gaz, "A sniper wounded a guard in the Gerdani area of Shindand district, Herat.")
    town = ps["Shindand"]
    assert town.resolved and town.entry.admin1 == "Herat"
    area = ps["Gerdani"]
    assert not area.resolved and area.within is not None and area.within.name == town.entry.name


def test_a_name_run_together_over_of_is_split_before_a_kind_word(parse, gaz):
    ps = resolved(parse, gaz, "A bomb hit a truck in Ghondi of Garmsir district, Helmand, on Monday.")
    assert "Garmsir" in ps and ps["Garmsir"].entry.admin1 == "Helmand"
    assert not any(" of " in t for t in ps)


def test_the_other_name_in_brackets_before_district_is_a_place(parse, gaz):
    ps = resolved(parse, gaz, "Militants clashed with police in Ab Kamari (Sang Atesh) district, Badghis.")
    centre = ps["Sang Atesh"]
    assert centre.resolved and centre.entry.admin1 == "Badghis" and centre.precision == 1


def test_a_hyphenated_name_keeps_its_glued_particle(parse, gaz):
    ps = resolved(parse, gaz, "Three men were hurt in the Tor Kala village of Rabat-e Sangi-ye Pain district, Herat.")
    assert "Rabat-e Sangi-ye Pain" in ps and ps["Rabat-e Sangi-ye Pain"].entry.admin1 == "Herat"


def test_a_hyphenated_district_is_where_the_event_was(extract_doc):
    doc = extract_doc("On 6 May 2021, two guards were wounded in the Tor Kala village of Rabat-e Sangi-ye Pain "
                      "district, Herat, when gunmen attacked their post.")
    loc = doc.events[0].location
    assert loc is not None and loc.text == "Rabat-e Sangi-ye Pain" and loc.precision == 1


def test_a_town_run_into_a_sites_name_is_a_place(parse, gaz):
    ps = resolved(parse, gaz, "Members of civil society staged a protest at Supermarket in Islamabad on Friday.")
    assert ps["Islamabad"].iso3 == "PAK" and ps["Islamabad"].precision == 1


def test_a_name_is_a_towns_own_before_another_towns_former_name(parse, gaz):
    ps = resolved(parse, gaz, "Hundreds marched in Islamabad on Sunday.")
    assert ps["Islamabad"].iso3 == "PAK"


def test_a_tribal_agency_is_a_district(gaz):
    assert any(e.kind == "admin2" and e.country == "PAK" for e in gaz.candidates("South Waziristan"))


def test_a_towns_former_name_still_reaches_the_town_before_a_division_that_kept_it(parse, gaz):
    p = resolved(parse, gaz, "Hartal supporters clashed with police in Chittagong on Monday.")["Chittagong"]
    assert p.iso3 == "BGD" and p.entry.kind == "city" and km(p.lat, p.lon, 22.34, 91.83) < 25
