"""Event words of South Asian conflict news: gunfights told as "firing" or "an encounter", blades, petrol bombs,
shutdowns, blockades, fasts and police charges, and the ordinary senses of the same words that are no events.

Each case is one short sentence written for these tests.
"""
from __future__ import annotations

import pytest


def kinds(doc) -> set[tuple[str, str | None]]:
    return {(e.type, e.acled.sub_event_type if e.acled else None) for e in doc.events}


FOUND = [
    ("Border guards resorted to unprovoked firing on two village posts on Sunday.", "ASSAULT", "Armed clash"),
    ("A farmer died in firing by troops across the frontier on Monday.", "ASSAULT", None),
    ("Firing between the two armies resumed in the sector on Tuesday.", "ASSAULT", "Armed clash"),
    ("Soldiers of both countries exchanged fire along the frontier at night.", "ASSAULT", "Armed clash"),
    ("An exchange of fire took place between the police and rebels in the hills.", "ASSAULT", "Armed clash"),
    ("Two rebels died in an encounter with the police in a forest on Friday.", "ASSAULT", "Armed clash"),
    ("The rebels targeted an army post near the river on Saturday.", "ASSAULT", "Armed clash"),
    ("A shopkeeper was chopped to death by rivals in the bazaar on Thursday.", "ASSAULT", "Attack"),
    ("A village head was axed to death inside his office.", "ASSAULT", "Attack"),
    ("A party worker was hacked by a gang of rivals near the bus stand.", "ASSAULT", "Attack"),
    ("Unknown men firebombed a minibus on the highway at night.", "ASSAULT", "Attack"),
    ("A homemade device went off near the police station in the morning.", "ASSAULT",
     "Remote explosive/landmine/IED"),
    ("The union called a bandh in the district on Monday.", "PROTEST", "Peaceful protest"),
    ("A complete shutdown was observed in the valley against the new land law.", "PROTEST", "Peaceful protest"),
    ("The nationwide transport blockade enforced by the opposition entered its third day.", "PROTEST",
     "Peaceful protest"),
    ("Farmers began a fast unto death in front of the collectorate.", "PROTEST", "Peaceful protest"),
    ("Students staged an agitation at the college gate on Friday.", "PROTEST", "Peaceful protest"),
    ("Traders gheraoed the block office over the new levy.", "PROTEST", "Peaceful protest"),
    ("Teachers were baton-charged near the assembly on Monday.", "PROTEST", "Protest with intervention"),
    ("Villagers threw stones at the officials who came to clear the land.", "PROTEST", "Violent demonstration"),
    ("Communal violence erupted between two groups over the temple land.", "ASSAULT", "Mob violence"),
    ("Insurgents overtook an army outpost after a night of fighting.", "ASSAULT", "Armed clash"),
    ("Insurgents overtook the district centre on Monday.", "ASSAULT", "Non-state actor overtakes territory"),
    ("Farmers surrounded the official's house, demanding better prices.", "PROTEST", "Peaceful protest"),
    ("Protesters laid siege to the clinic for three hours.", "PROTEST", "Peaceful protest"),
    ("Lawyers boycotted the court proceedings after the order.", "PROTEST", "Peaceful protest"),
]


@pytest.mark.parametrize("text, plover, acled", FOUND)
def test_south_asian_event_words(extract_doc, text, plover, acled):
    doc = extract_doc(text, published="2015-03-02")
    got = kinds(doc)
    if acled is None:
        assert plover in {t for t, _ in got} and any(a for _, a in got), got
    else:
        assert (plover, acled) in got, got


NOT_THESE = [
    ("The company announced the firing of its chief executive on Monday.", "ASSAULT"),
    ("Police set up a roadblock on the highway to check vehicles.", "PROTEST"),
    ("Hackers hacked the bank's computer network last week.", "ASSAULT"),
    ("The budget row led to a government shutdown for two weeks.", "PROTEST"),
    ("The union will call a bandh next week if the fares are not cut.", "PROTEST"),
    ("The gunman's shooting rampage left three people dead.", "PROTEST"),
    ("A driver told of his frightening encounter with an armed robber.", "ASSAULT"),
    ("A fire broke out in a garment factory on Monday.", "ASSAULT"),
    ("Students demanded a new hostel from the university.", "PROTEST"),
    ("The minister visited the camp, urging calm.", "PROTEST"),
    ("Troops laid siege to the rebel town for a month.", "PROTEST"),
]


def test_boycotting_talks_is_no_acled_protest(extract_doc):
    doc = extract_doc("The opposition boycotted the peace talks in the capital.", published="2015-03-02")
    assert ("PROTEST", "Peaceful protest") not in kinds(doc), kinds(doc)


@pytest.mark.parametrize("text, plover", NOT_THESE)
def test_ordinary_senses_are_not_these_events(extract_doc, text, plover):
    doc = extract_doc(text, published="2015-03-02")
    assert plover not in {e.type for e in doc.events}, kinds(doc)
