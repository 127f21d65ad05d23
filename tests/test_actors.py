"""The actor dictionary: data integrity and lookups of hand-written mentions."""
from __future__ import annotations

from pathlib import Path

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


# ---------------------------------------------------------------- people, parties, context, user files


@pytest.mark.parametrize(
    "text, name, iso3",
    [
        ("President Joe Biden", "Joe Biden", "USA"),
        ("Iraqi Prime Minister Biden", "Joe Biden", "USA"),  # the name wins over the title's demonym
        ("Mustafa al-Kadhimi", "Mustafa al-Kadhimi", "IRQ"),
    ],
)
def test_named_leaders_act_for_their_state(text, name, iso3):
    info = actors.lookup(text)
    assert info is not None and info.person
    assert (info.name, info.country, info.inter) == (name, iso3, 1)


@pytest.mark.parametrize(
    "text, name",
    [("BNP activists", "BNP: Bangladesh Nationalist Party"), ("activists of Jubo League", "AL: Bangladesh Awami League"),
     ("Shiv Sainiks", "Shiv Sena")],
)
def test_parties_are_marked(text, name):
    info = actors.lookup(text)
    assert info is not None and info.party and info.name == name


def test_generic_agent_takes_the_context_country():
    assert actors.lookup("security forces", country="AFG").name == "Military Forces of Afghanistan"
    assert actors.lookup("security forces").country is None
    assert actors.lookup("Pakistani troops", country="AFG").country == "PAK"  # its own word wins
    assert actors.lookup("coalition forces", country="IRQ").country is None  # foreign forces stay foreign


def test_entry_named_finds_templated_names():
    assert actors.entry_named("Rioters (Bangladesh)").key == "rioters"
    assert actors.entry_named("Kataib Hezbollah").key == "Kataib Hezbollah"
    assert actors.entry_named("Custodians of the Silver Key") is None


@pytest.fixture
def user_file(tmp_path, monkeypatch):
    def make(text: str) -> str:
        path = tmp_path / "mine.yaml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv(actors.ENV_VAR, str(path))
        return str(path)

    return make


def test_user_file_adds_a_group(user_file):
    path = user_file("groups:\n  - {name: Black Lantern Brigade, country: AFG, kind: rebel, inter: 2,\n"
                     "     aliases: [Black Lantern Brigade, BLB]}\n")
    info = actors.lookup("BLB fighters")
    assert (info.name, info.country, info.inter) == ("Black Lantern Brigade", "AFG", 2)
    assert actors.entry_named("Black Lantern Brigade").source == path


def test_user_file_wins_a_shared_alias(user_file):
    user_file("groups:\n  - {name: Kataib Hezbollah (as I code it), country: IRQ, kind: rebel, inter: 2,"
              " aliases: [KH]}\n")
    assert actors.lookup("KH").name == "Kataib Hezbollah (as I code it)"
    assert actors.lookup("Kataib Hezbollah").name == "Kataib Hezbollah"


@pytest.mark.parametrize("text", ["groups: [{name: X, kind: rebel, inter: 3, aliases: [X]}]",  # kind and code disagree
                                  "- just a list", "groups: [{name: X}]"])
def test_bad_user_file_is_a_data_error(user_file, text):
    from sitrep.errors import DataError

    user_file(text)
    with pytest.raises(DataError):
        actors.lookup("anything")


def test_missing_user_file_is_a_data_error(monkeypatch, tmp_path):
    from sitrep.errors import DataError

    monkeypatch.setenv(actors.ENV_VAR, str(tmp_path / "absent.yaml"))
    with pytest.raises(DataError, match="SITREP_ACTORS"):
        actors.lookup("soldiers")


@pytest.mark.parametrize(
    "name, description, kind",
    [("Silver Crescent Front", "a group called the Silver Crescent Front", "political militia"),
     ("Kuki Liberation Tigers", None, "rebel"),
     ("Rural Teachers Association", "members of the Rural Teachers Association", "civilians")],
)
def test_unknown_group_kind_from_its_description(name, description, kind):
    from sitrep.actor_context import unknown_group

    info = unknown_group(name, "IND", description)
    assert (info.name, info.kind, info.country) == (name, kind, "IND")


# ---------------------------------------------------------------- the project's own sentences, resolved in context

SENTENCES = [
    # text, (role, inter, country or None, words the name must contain or None, associated or None)
    ("Two U.S. planes bombed a depot used by Kataib Hezbollah near Al Qaim in Syria on Friday.",
     [("initiator", 8, "USA", "United States", None), ("target", 3, "IRQ", "Kataib Hezbollah", None)]),
    ("Gunmen shot dead two villagers in Kunduz province on Tuesday.",
     [("initiator", 3, "AFG", "Unidentified Armed Group", None), ("target", 7, "AFG", "Civilians", None)]),
    ("A roadside bomb killed three soldiers in Ghazni province on Monday. No group claimed responsibility.",
     [("initiator", 3, "AFG", "Unidentified Armed Group", None), ("target", 1, "AFG", "Military", None)]),
    ("Awami League supporters vandalised a dozen buses in Chittagong on Monday.",
     [("initiator", 5, "BGD", "Rioters", ["AL: Bangladesh Awami League"])]),
    ("Thousands of BNP activists staged a protest in Dhaka on Sunday demanding fresh elections.",
     [("initiator", 6, "BGD", "Protesters", ["BNP: Bangladesh Nationalist Party"])]),
    ("Fighters of a little-known group called the Silver Crescent Front attacked an army post in Kunar province "
     "on Sunday, killing four soldiers.",
     [("initiator", 3, "AFG", "Silver Crescent Front", None)]),
    # the one who throws a bomb is its initiator, and the bus it is thrown at its target
    ("Unidentified rioters hurled two crude bombs at a passenger bus in Rajshahi on Tuesday night.",
     [("initiator", 5, "BGD", "Rioters", None), ("target", 7, "BGD", "Civilians", None)]),
    # those arrested at a protest are its crowd; the police who arrest them are its target
    ("Police arrested forty protesters outside the secretariat in Chennai on Monday.",
     [("initiator", 6, "IND", "Protesters", None), ("target", 1, "IND", "Police", None)]),
    # workers who go on strike are protesters, not a party to an armed clash
    ("Sanitation workers in Jaipur went on strike on Monday over unpaid wages.",
     [("initiator", 6, "IND", "Protesters", None)]),
    # villagers who fight over land are communal militias; a crowd that kills suspected thieves is a vigilante group
    ("Two men were hurt in Comilla on Friday when villagers fought with neighbours over a land dispute.",
     [("initiator", 4, "BGD", "Communal", None)]),
    ("A mob beat two suspected cattle thieves to death in a village near Rangpur on Sunday.",
     [("initiator", 4, "BGD", "Vigilante", None)]),
]


@pytest.mark.parametrize("text, expected", SENTENCES)
def test_actors_in_context(extract_doc, text, expected):
    doc = extract_doc(text, published="2024-05-06")
    assert doc.events, text
    ev = next((e for e in doc.events if e.acled), doc.events[0])
    for role, inter, country, name, assoc in expected:
        first = next(a for a in ev.actors if a.role == role)
        assert first.inter == inter, (role, first)
        assert first.country == country, (role, first)
        assert name is None or name in (first.name or ""), (role, first)
        assert assoc is None or first.associated == assoc, (role, first)


def test_the_group_is_the_group_named_before(extract_doc):
    doc = extract_doc("Islamic State fighters stormed a police station in Nangarhar province on Monday. "
                      "The group killed six policemen before troops arrived.", published="2024-05-06")
    initiators = [a for e in doc.events for a in e.actors if a.role == "initiator"]
    assert initiators and all("Islamic State" in (a.name or "") for a in initiators), initiators


def test_call_between_leaders(extract_doc):
    doc = extract_doc("President Joe Biden spoke by phone with Iraqi Prime Minister Mustafa al-Kadhimi on Tuesday.",
                      published="2024-05-06")
    call = next(e for e in doc.events if e.type == "CONSULT")
    parties = {a.role: a.country for a in call.actors}
    assert parties == {"initiator": "USA", "target": "IRQ"}


# ---------------------------------------------------------------- sitrep actors


def _cli(*args):
    from click.testing import CliRunner

    from sitrep import cli

    return CliRunner().invoke(cli.main, list(args))


def test_cli_lookup():
    result = _cli("actors", "lookup", "Kata'ib Hizballah")
    assert result.exit_code == 0
    assert "Kataib Hezbollah" in result.output and "inter:    3" in result.output


def test_cli_lookup_with_country():
    result = _cli("actors", "lookup", "security forces", "--country", "AFG")
    assert result.exit_code == 0 and "Military Forces of Afghanistan" in result.output


def test_cli_lookup_unknown_says_how_it_reads():
    result = _cli("actors", "lookup", "Kuki Liberation Tigers")
    assert result.exit_code == 1
    assert "not in the dictionary" in result.output and "rebel" in result.output


def test_cli_lists_unknown_groups(tmp_path):
    from helpers import write

    path = write(tmp_path, "a.txt", "Fighters of the Jade Lantern Brigade attacked a police checkpoint in Khost "
                                    "province on Monday, killing three policemen, officials said.\n")
    result = _cli("actors", "--unknown", path)
    assert result.exit_code == 0, result.output
    assert "Jade Lantern Brigade" in result.output
    as_yaml = _cli("actors", "--unknown", path, "--yaml")
    import yaml

    groups = yaml.safe_load(as_yaml.output)["groups"]
    assert any(g["name"] == "Jade Lantern Brigade" and g["aliases"] for g in groups)


# ---------------------------------------------------------------- the worked example's actors

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "airstrike-report.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seeds is not beside the repository")
def test_worked_example_actors():
    import sitrep

    events = sitrep.extract(SEED.read_text(encoding="utf-8"), published="2021-02-26")

    def first(e, role):
        return next(a for a in e.actors if a.role == role)

    strike = events[0]
    assert (first(strike, "initiator").country, first(strike, "initiator").inter) == ("USA", 8)
    assert "United States" in first(strike, "initiator").name
    targets = [a.name for a in strike.actors if a.role == "target"]
    assert targets[:2] == ["Kataib Hezbollah", "Kataib Sayyid al-Shuhada"]
    shelling = [e for e in events if e.acled and e.acled.sub_event_type.startswith("Shelling")]
    irbil = next(e for e in shelling if "Irbil" in (e.location.text if e.location else ""))
    assert first(irbil, "initiator").name == "Saraya Awliya al-Dam"
    for e in shelling:
        if e is not irbil:  # Balad and Baghdad: nobody named, an unidentified armed group
            assert first(e, "initiator").inter == 3 and "Unidentified" in first(e, "initiator").name
    call = next(e for e in events if e.type == "CONSULT")
    assert (first(call, "initiator").name, first(call, "initiator").country) == ("Joe Biden", "USA")
    assert first(call, "target").country == "IRQ"
    assert not any("IRIB" in a.text for e in events for a in e.actors if a.role == "initiator")
