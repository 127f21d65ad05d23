"""The gazetteer and toponym resolution, on sentences written for these tests."""
from __future__ import annotations

import math
import time

import pytest

from sitrep import gazetteer, places
from sitrep.gazetteer import key


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.default()


@pytest.fixture(scope="module")
def parse():
    from sitrep import nlp
    return nlp.load()


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
    t0 = time.perf_counter()
    store = gazetteer.open_store("cities15000.json", path=path)
    assert time.perf_counter() - t0 < 30
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
