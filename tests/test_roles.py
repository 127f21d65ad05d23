"""Who did what to whom: initiators and targets of events, and the countries of actors."""
from __future__ import annotations

import pytest


def only_event(doc, plover: str = "ASSAULT"):
    found = [e for e in doc.events if e.type == plover]
    assert found, f"no {plover} event in {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def texts(ev, role: str) -> list[str]:
    return [a.text for a in ev.actors if a.role == role]


def actor(ev, role: str, contains: str):
    match = [a for a in ev.actors if a.role == role and contains in a.text]
    assert match, f"no {role} with {contains!r} among {[(a.role, a.text) for a in ev.actors]}"
    return match[0]


@pytest.mark.parametrize(
    "text, initiator, target",
    [
        ("Ukrainian forces attacked Russian troops near Bakhmut.", "Ukrainian forces", "Russian troops"),
        ("Militants ambushed an army convoy in Tillaberi on Thursday, killing 12 soldiers.",
         "Militants", "an army convoy"),
        ("Warplanes struck a market in Idlib on Monday.", "Warplanes", "a market"),
    ],
)
def test_active_voice(extract_doc, text, initiator, target):
    ev = only_event(extract_doc(text))
    assert initiator in texts(ev, "initiator")
    assert target in texts(ev, "target")


@pytest.mark.parametrize(
    "text, initiator, target",
    [
        ("A police station in Kirkuk was attacked by Islamic State militants on Monday.",
         "Islamic State militants", "A police station"),
        ("Two soldiers were killed by Taliban fighters in Helmand province on Sunday.",
         "Taliban fighters", "Two soldiers"),
        ("The village was shelled by government troops overnight.", "government troops", "The village"),
    ],
)
def test_passive_voice_with_by(extract_doc, text, initiator, target):
    ev = only_event(extract_doc(text))
    assert texts(ev, "initiator") == [initiator]
    assert texts(ev, "target") == [target]


def test_apposition_keeps_the_name(extract_doc):
    doc = extract_doc("Al-Shabaab, the Somali militant group, attacked an army base in Lower Shabelle on Tuesday.")
    ev = only_event(doc)
    shabaab = actor(ev, "initiator", "Al-Shabaab")
    assert shabaab.name == "Al Shabaab" and shabaab.country == "SOM"
    assert "the Somali militant group" not in texts(ev, "target")


def test_apposition_on_the_target_makes_a_civilian_victim(extract_doc):
    ev = only_event(extract_doc("Gunmen attacked Abdi Farah, a local journalist, in Baidoa on Sunday."))
    assert "Abdi Farah" in texts(ev, "target")
    assert ev.acled is not None and ev.acled.sub_event_type == "Attack"


def test_coordinated_targets(extract_doc):
    ev = only_event(extract_doc("Militants attacked soldiers and police officers at a checkpoint."))
    assert texts(ev, "initiator") == ["Militants"]
    assert set(texts(ev, "target")) == {"soldiers", "police officers"}


def test_coordinated_initiators(extract_doc):
    ev = only_event(extract_doc("Police and soldiers arrested ten men in Mombasa on Tuesday."), "COERCE")
    assert set(texts(ev, "initiator")) == {"Police", "soldiers"}
    assert texts(ev, "target") == ["ten men"]


def test_initiators_come_first(extract_doc):
    ev = only_event(extract_doc("Militants attacked soldiers and police officers at a checkpoint."))
    roles = [a.role for a in ev.actors]
    assert roles == sorted(roles, key=lambda r: r != "initiator")


@pytest.mark.parametrize(
    "text, role, contains, iso3",
    [
        ("Turkish jets bombed Kurdish positions in northern Iraq.", "initiator", "Turkish", "TUR"),
        ("Ukrainian forces attacked Russian troops near Bakhmut.", "initiator", "Ukrainian", "UKR"),
        ("Ukrainian forces attacked Russian troops near Bakhmut.", "target", "Russian", "RUS"),
        ("Nigerian troops killed 20 Boko Haram fighters in Borno state on Wednesday.", "initiator", "Nigerian", "NGA"),
        ("Kenyan troops attacked al-Shabaab fighters in Jubaland.", "target", "al-Shabaab", "SOM"),
        ("Israeli forces arrested three Palestinians in Hebron.", "target", "Palestinians", "PSE"),
        ("Pakistan accused India of sponsoring the attack.", "initiator", "Pakistan", "PAK"),
        ("Pakistan accused India of sponsoring the attack.", "target", "India", "IND"),
    ],
)
def test_countries_and_demonyms_resolve_to_iso3(extract_doc, text, role, contains, iso3):
    doc = extract_doc(text)
    found = [a for e in doc.events for a in e.actors if a.role == role and contains in a.text]
    assert found and found[0].country == iso3


def test_state_forces_abroad_are_external(extract_doc):
    ev = only_event(extract_doc("French troops killed a senior jihadist commander in Mali."))
    french = actor(ev, "initiator", "French")
    assert french.country == "FRA" and french.inter == 8


def test_actor_without_a_country_has_none(extract_doc):
    # A province no gazetteer knows (Zamfara, which sitrep now places in Nigeria, would give the gunmen its country).
    ev = only_event(extract_doc("Gunmen killed six villagers in Quorvandi state on Saturday, police said."))
    gunmen = actor(ev, "initiator", "Gunmen")
    assert gunmen.country is None
    assert actor(ev, "target", "villagers").name == "Civilians"


def test_a_reporting_clause_names_no_initiator(extract_doc):
    # A province no gazetteer knows (Zamfara, which sitrep now places in Nigeria, would give the gunmen its country).
    ev = only_event(extract_doc("Gunmen killed six villagers in Quorvandi state on Saturday, police said."))
    assert "police" not in [t.lower() for t in texts(ev, "initiator")]


# --- known gaps ---------------------------------------------------------------------------


def test_clashed_with_names_the_other_side(extract_doc):
    ev = only_event(extract_doc("Soldiers clashed with rebels near the border town of Beni on Friday."))
    assert "rebels" in texts(ev, "target")


def test_the_weapon_is_not_the_target(extract_doc):
    ev = only_event(extract_doc("Rebels fired rockets at an army base near Goma on Sunday."))
    assert "rockets" not in texts(ev, "target")
    assert "an army base" in texts(ev, "target")


def test_coordinated_modifiers_of_the_initiator(extract_doc):
    ev = only_event(extract_doc("Taliban and Haqqani network fighters attacked a checkpoint in Paktia on Friday."))
    assert texts(ev, "initiator")
    assert ev.location is not None and ev.location.text == "Paktia"


def test_who_imposed_sanctions(extract_doc):
    ev = only_event(extract_doc("Canada imposed sanctions on four military officers on Monday."), "SANCTION")
    assert actor(ev, "initiator", "Canada").country == "CAN"


def test_the_crowd_of_a_protest_is_its_initiator(extract_doc):
    doc = extract_doc("Hundreds of villagers protested outside the district office on Monday against power cuts.")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    first = next(a for a in protest.actors if a.role == "initiator")
    assert first.inter == 6


def test_a_protest_naming_no_one_still_has_protesters(extract_doc):
    doc = extract_doc("A protest was held in the main square of the town on Friday.")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    first = next(a for a in protest.actors if a.role == "initiator")
    assert first.inter == 6 and first.name == "Protesters"
    assert doc.events and first.evidence.start == protest.trigger.evidence.start
