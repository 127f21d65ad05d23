"""The actor dictionary: data integrity and lookups of hand-written mentions."""
from __future__ import annotations

import pytest

from sitrep import actors
from sitrep.actors import KIND_INTER


@pytest.mark.parametrize(
    "text, iso3",
    [
        ("Afghan", "AFG"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("U.S", "USA"),
        ("United States of America", "USA"),
        ("America", "USA"),
        ("American", "USA"),
        ("Syrian", "SYR"),
        ("Iraqi", "IRQ"),
        ("the Pentagon", "USA"),
        ("The White House", "USA"),
        ("the Kremlin", "RUS"),
        ("Downing Street", "GBR"),
        ("the Elysee", "FRA"),
        ("Élysée", "FRA"),
        ("UK", "GBR"),
        ("Great Britain", "GBR"),
        ("British", "GBR"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("DRC", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Congolese", "COD"),
        ("Emirati", "ARE"),
        ("Palestinian", "PSE"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("Western Sahara", "ESH"),
        ("Türkiye", "TUR"),
        ("Afghan forces", "AFG"),
    ],
)
def test_country_of(text, iso3):
    country = actors.country_of(text)
    assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize("text", ["us", "is", "Kabul", "a rocket attack", ""])
def test_country_of_unknown(text):
    assert actors.country_of(text) is None


def test_country_has_capital_and_point():
    afg = actors.get_country("AFG")
    assert afg.capital.name == "Kabul"
    assert 34 < afg.capital.lat < 35 and 69 < afg.capital.lon < 70
    assert 29 < afg.point.lat < 39 and 60 < afg.point.lon < 75


@pytest.mark.parametrize(
    "text, name, iso3, inter",
    [
        ("Afghan forces", "Military Forces of Afghanistan", "AFG", 1),
        ("3 Afghan security personnel", "Military Forces of Afghanistan", "AFG", 1),
        ("Afghanistan's army", "Military Forces of Afghanistan", "AFG", 1),
        ("the Afghan police", "Police Forces of Afghanistan", "AFG", 1),
        ("Afghan Local Police", "Police Forces of Afghanistan", "AFG", 1),
        ("Taliban militants", "Taliban", "AFG", 2),
        ("dozens of Taleban fighters", "Taliban", "AFG", 2),
        ("Pakistani Taliban", "TTP: Tehrik-i-Taliban Pakistan", "PAK", 2),
        ("unknown gunmen", "Unidentified Armed Group", None, 3),
        ("unknown gunmen in Kabul city", "Unidentified Armed Group (Afghanistan)", "AFG", 3),
        ("Kataib Hezbollah", "Kataib Hezbollah", "IRQ", 3),
        ("Kata'ib Hizballah fighters", "Kataib Hezbollah", "IRQ", 3),
        ("Hezbollah", "Hezbollah", "LBN", 3),
        ("U.S. planes", "Military Forces of the United States", "USA", 1),
        ("two U.S. planes", "Military Forces of the United States", "USA", 1),
        ("the Pentagon", "Military Forces of the United States", "USA", 1),
        ("the Kremlin", "Government of Russia", "RUS", 1),
        ("Iran", "Government of Iran", "IRN", 1),
        ("protesters in Kabul", "Protesters (Afghanistan)", "AFG", 6),
        ("hundreds of Pakistani demonstrators", "Protesters (Pakistan)", "PAK", 6),
        ("an angry mob", "Rioters", None, 5),
        ("Indian villagers", "Civilians (India)", "IND", 7),
        ("a religious scholar", "Civilians", None, 7),
        ("student protesters", "Protesters", None, 6),
        ("IS militants", "Islamic State", "IRQ", 2),
        ("Daesh", "Islamic State", "IRQ", 2),
        ("ISIS-K", "Islamic State (Afghanistan)", "AFG", 2),
        ("Islamic State Khorasan Province", "Islamic State (Afghanistan)", "AFG", 2),
        ("al-Shabab", "Al Shabaab", "SOM", 2),
        ("Houthi rebels", "Houthis (Ansar Allah)", "YEM", 2),
        ("Rapid Support Forces", "RSF: Rapid Support Forces", "SDN", 2),
        ("Sudanese Armed Forces", "Military Forces of Sudan", "SDN", 1),
        ("Naxals", "CPI (Maoist): Communist Party of India (Maoist)", "IND", 2),
        ("UN peacekeepers", "UN: United Nations", None, 8),
        ("NATO troops", "NATO: North Atlantic Treaty Organization", None, 8),
        ("coalition forces", "Foreign Forces", None, 8),
        ("pro-government militiamen", "Militia (Pro-Government)", None, 3),
        ("Wagner mercenaries", "Wagner Group", "RUS", 8),
    ],
)
def test_lookup(text, name, iso3, inter):
    info = actors.lookup(text)
    assert info is not None
    assert (info.name, info.country, info.inter) == (name, iso3, inter)


@pytest.mark.parametrize(
    "text, backer",
    [
        ("Iranian-backed militias", "IRN"),
        ("militias backed by Iran", "IRN"),
        ("pro-Turkish fighters", "TUR"),
    ],
)
def test_backer_is_not_nationality(text, backer):
    info = actors.lookup(text)
    assert info is not None
    assert info.country is None and info.backer == backer


@pytest.mark.parametrize(
    "text",
    ["us", "is", "let", "the attack in Iran", "Syrian Observatory", "a rocket", "Kabul", "", "the"],
)
def test_lookup_unknown(text):
    assert actors.lookup(text) is None


def test_all_caps_headline_still_matches_acronyms():
    info = actors.lookup("US TROOPS")
    assert info is not None and info.country == "USA"


def test_every_entry_has_kind_and_inter():
    entries = actors.all_entries()
    assert len(entries) > 100
    for e in entries:
        assert e.aliases, e.name
        assert 1 <= e.inter <= 8, e.name
        assert KIND_INTER[e.kind] == e.inter, e.name


def test_every_group_country_is_known():
    for e in actors.all_entries():
        if not e.generic and e.country is not None:
            assert actors.get_country(e.country) is not None, e.name


def test_shared_aliases_have_a_documented_owner():
    ties = actors.ties()
    for alias, claimants in actors.alias_claims().items():
        assert alias in ties, f"{alias!r} is claimed by {claimants} without a tie-break"
        assert ties[alias] in claimants


def test_countries_are_complete_and_distinct():
    countries = actors.all_countries()
    iso3 = [c.iso3 for c in countries]
    iso2 = [c.iso2 for c in countries]
    assert len(set(iso3)) == len(iso3) and len(set(iso2)) == len(iso2)
    assert len(countries) >= 195
    for c in countries:
        assert len(c.iso3) == 3 and len(c.iso2) == 2
        assert -90 <= c.capital.lat <= 90 and -180 <= c.capital.lon <= 180
        assert -90 <= c.point.lat <= 90 and -180 <= c.point.lon <= 180
