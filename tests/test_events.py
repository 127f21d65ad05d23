"""Event mentions: which sentences report an event, and how it is typed (PLOVER, ACLED).

Each case is one short sentence written for these tests. Assertions say what an
article must contain (an event of a type), not a whole snapshot of the output.
"""
from __future__ import annotations

import pytest

from sitrep import lexicon


def kinds(doc) -> set[tuple[str, str | None]]:
    """``(PLOVER type, ACLED sub-event type)`` of every event of a document."""
    return {(e.type, e.acled.sub_event_type if e.acled else None) for e in doc.events}


def types(doc) -> set[str]:
    return {e.type for e in doc.events}


TYPED = [
    pytest.param(
        "Israeli warplanes carried out an airstrike on a house in Gaza City on Tuesday, killing three people.",
        "ASSAULT", "Air/drone strike", id="airstrike"),
    pytest.param("Warplanes struck a market in Idlib on Monday.", "ASSAULT", "Air/drone strike", id="warplanes-struck"),
    pytest.param("Turkish jets bombed Kurdish positions in northern Iraq.", "ASSAULT", "Air/drone strike",
                 id="jets-bombed"),
    pytest.param("Russian forces shelled the town of Kupiansk overnight, officials said.",
                 "ASSAULT", "Shelling/artillery/missile attack", id="shelled"),
    pytest.param("Rebels fired rockets at an army base near Goma on Sunday.",
                 "ASSAULT", "Shelling/artillery/missile attack", id="fired-rockets"),
    pytest.param("A roadside bomb exploded next to a police vehicle in Kandahar on Monday, killing two officers.",
                 "ASSAULT", "Remote explosive/landmine/IED", id="roadside-bomb"),
    pytest.param("A car bomb exploded outside a hotel in the capital.",
                 "ASSAULT", "Remote explosive/landmine/IED", id="car-bomb"),
    pytest.param("A suicide bomber blew himself up at a checkpoint in Mogadishu, killing five soldiers.",
                 "ASSAULT", "Suicide bomb", id="suicide-bomber"),
    pytest.param("Soldiers clashed with rebels near the border town of Beni on Friday.",
                 "ASSAULT", "Armed clash", id="clashed"),
    pytest.param("The army fought rebels in the hills outside Goma for several hours.",
                 "ASSAULT", "Armed clash", id="fought"),
    pytest.param("Gunmen killed six villagers in Zamfara state on Saturday, police said.",
                 "ASSAULT", "Attack", id="gunmen-kill-villagers"),
    pytest.param("Troops opened fire on protesters in Mandalay, killing four people.",
                 "ASSAULT", "Attack", id="opened-fire-on-protesters"),
    pytest.param("Thousands of students held a peaceful protest in Khartoum on Thursday.",
                 "PROTEST", "Peaceful protest", id="peaceful-protest"),
    pytest.param("Hundreds of teachers demonstrated outside parliament in Nairobi.",
                 "PROTEST", "Peaceful protest", id="demonstrated"),
    pytest.param("Youths rioted in the market town after a disputed election.",
                 "PROTEST", "Violent demonstration", id="rioted"),
    pytest.param("A mob lynched a man accused of theft in Kano.", "ASSAULT", "Mob violence", id="lynched"),
    pytest.param("Police arrested 12 people suspected of links to the militants in Mombasa.",
                 "COERCE", "Arrests", id="arrested"),
    pytest.param("Iraqi police detained two suspects in Basra on Sunday.", "COERCE", "Arrests", id="detained"),
]


@pytest.mark.parametrize("text, plover, acled", TYPED)
def test_event_is_found_and_typed(extract_doc, text, plover, acled):
    doc = extract_doc(text, published="2021-02-26")
    assert (plover, acled) in kinds(doc), kinds(doc)


@pytest.mark.parametrize(
    "text, plover, acled",
    [
        pytest.param("Insurgents fired on a police patrol near Kunduz.", "ASSAULT", "Armed clash", id="fired-on"),
        pytest.param("Rockets hit a residential area of Kabul on Monday.", "ASSAULT",
                     "Shelling/artillery/missile attack",
                     id="rockets-hit"),
        pytest.param("Hundreds of people marched through the capital on Saturday.", "PROTEST", "Peaceful protest", id="marched"),
        pytest.param("Demonstrators staged a sit-in outside the parliament in Nairobi.", "PROTEST",
                     "Peaceful protest", id="sit-in"),
        pytest.param("Lawyers in Patna went on a flash strike on Monday.", "PROTEST", "Peaceful protest",
                     id="went-on-strike"),
        pytest.param("Farmers staged a rasta roko on the highway near Nashik on Friday.", "PROTEST",
                     "Peaceful protest", id="rasta-roko"),
        pytest.param("Students burnt an effigy of the vice-chancellor at the gate on Tuesday.", "PROTEST",
                     "Peaceful protest", id="effigy"),
        pytest.param("Hundreds of residents took to the streets of Birgunj on Sunday.", "PROTEST",
                     "Peaceful protest", id="took-to-the-streets"),
        pytest.param("The rally turned violent near the district office on Monday.", "PROTEST",
                     "Violent demonstration", id="turned-violent"),
        pytest.param("Party supporters set two buses afire on the highway on Sunday night.", "COERCE",
                     "Looting/property destruction", id="set-afire"),
        pytest.param("ABC Party members and local residents protested outside the mill on Monday.", "PROTEST",
                     "Peaceful protest", id="acronym-is-no-negation"),
    ],
)
def test_event_is_found_in_other_wordings(extract_doc, text, plover, acled):
    doc = extract_doc(text, published="2021-02-26")
    assert (plover, acled) in kinds(doc), kinds(doc)


def test_a_raid_that_kills_workers_is_not_a_labour_strike(extract_doc):
    doc = extract_doc("Warplanes struck a fuel depot in the north on Thursday, killing four workers.")
    assert "PROTEST" not in types(doc), kinds(doc)


# --- what did not happen ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Troops did not attack the village, the ministry said.",
        "The army did not shell the town, a spokesman said.",
        "Police did not arrest anyone.",
        pytest.param("There was no attack on the convoy, officials said."),
    ],
)
def test_negated_mentions_give_no_event(extract_doc, text):
    doc = extract_doc(text)
    assert doc.error is None
    assert doc.events == []


@pytest.mark.parametrize(
    "text",
    [
        "The army said it could launch strikes on militant positions.",
        "The rebels threatened to attack the capital.",
        "The militants could attack the town at any time.",
        "The army plans to strike rebel positions next week.",
        "The militants may attack again, officials warned.",
    ],
)
def test_hypothetical_or_threatened_violence_is_no_assault(extract_doc, text):
    doc = extract_doc(text)
    assert "ASSAULT" not in types(doc), kinds(doc)


@pytest.mark.parametrize(
    "text",
    [
        "A hunter of 71 died of a heart attack in his tree stand on Sunday.",
        "The boy is fighting for his life at a children's hospital, his aunt said.",
        "She suffered a panic attack after the crash on the interstate.",
    ],
)
def test_an_illness_or_a_struggle_to_live_is_no_assault(extract_doc, text):
    doc = extract_doc(text)
    assert "ASSAULT" not in types(doc), kinds(doc)


def test_a_threat_is_a_threaten_event(extract_doc):
    doc = extract_doc("The rebels threatened to attack the capital.")
    assert types(doc) == {"THREATEN"}


# --- statements, diplomacy, measures ---------------------------------------------


@pytest.mark.parametrize(
    "text, plover",
    [
        ("President Biden held a phone call with President Zelensky on Monday.", "CONSULT"),
        ("The two foreign ministers held talks in Ankara on Wednesday.", "CONSULT"),
        ("The president met the visiting Kenyan delegation in Kampala.", "CONSULT"),
        pytest.param("The minister spoke with his Turkish counterpart by telephone on Monday.", "CONSULT"),
        ("The group denied involvement in the bombing.", "REJECT"),
        ("The government denied the accusations.", "REJECT"),
        ("The opposition accused the government of rigging the election.", "ACCUSE"),
        ("Pakistan accused India of sponsoring the attack.", "ACCUSE"),
        ("The European Union sanctioned five Russian companies on Friday.", "SANCTION"),
        ("The United States imposed new sanctions on Russia on Friday.", "SANCTION"),
    ],
)
def test_non_violent_events(extract_doc, text, plover):
    doc = extract_doc(text)
    assert plover in types(doc), kinds(doc)


def test_a_call_is_typed_as_a_call(extract_doc):
    doc = extract_doc("President Biden held a phone call with President Zelensky on Monday.")
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert consult and consult[0].mode == "call" and consult[0].cameo == "040"
    assert not consult[0].acled  # not an ACLED event


def test_a_denial_is_not_an_attack(extract_doc):
    doc = extract_doc("The rebels denied that they had attacked the convoy.")
    assert types(doc) == {"REJECT"}


def test_two_coordinated_verbs_of_one_accusation_give_one_event(extract_doc):
    doc = extract_doc("The interior minister denounced the raid and blamed the rebel command for the deaths.")
    accuse = [e for e in doc.events if e.type == "ACCUSE"]
    assert len(accuse) == 1


# --- the record of one event ---------------------------------------------------------


def test_trigger_and_codes_of_an_airstrike(extract_doc):
    text = "Israeli warplanes carried out an airstrike on a house in Gaza City on Tuesday, killing three people."
    doc = extract_doc(text, published="2021-02-26")
    ev = next(e for e in doc.events if e.acled and e.acled.sub_event_type == "Air/drone strike")
    assert ev.trigger.text == "airstrike"
    assert text[ev.trigger.evidence.start:ev.trigger.evidence.end] == "airstrike"
    assert (ev.mode, ev.cameo, ev.acled.event_type) == ("aerial", "195", "Explosions/Remote violence")
    assert ev.fatalities is not None and ev.fatalities.best == 3
    assert ev.location is not None and "Gaza" in ev.location.text
    assert ev.date is not None and ev.date.value == "2021-02-23"
    assert 0 < ev.confidence <= 1


def test_no_events_in_a_text_without_any(extract_doc):
    doc = extract_doc("The city council approved a new budget for road repairs on Tuesday.")
    assert doc.error is None and doc.events == []


# --- the lexicon as data ---------------------------------------------------------------


def test_lexicon_words_are_all_words():
    lex = lexicon.load()
    words = {w for rule in lex.triggers.values() for w in rule.needs | rule.unless}
    words |= {w for rule in lex.triggers.values() for s in rule.senses for w in s.cues}
    words |= {w for ws in lex.words.values() for w in ws}
    assert all(isinstance(w, str) for w in words)
    assert not {"true", "false"} & words  # what a YAML boolean turns into once lower-cased
    assert "on" in lex.triggers["fire"].needs
    assert "no" in lex.word_set("irrealis_modifiers")


@pytest.mark.parametrize("text", [
    "The striker attacked the goal from the left and scored twice in the derby.",
    "The report dropped a bombshell on the ministry's budget plans.",
])
def test_sports_and_figures_of_speech_are_not_attacks(extract_doc, text):
    assert "ASSAULT" not in types(extract_doc(text)), kinds(extract_doc(text))


ACLED_SUB_EVENT_TYPES = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other",
}
# Categories reached not from a trigger but by assemble's retyping (victims, state initiator, force at a protest).
RETYPED = {"attack_civ", "territory_gov", "protest_force", "protest_intervention"}


def test_every_acled_sub_event_type_can_be_reached():
    from sitrep import lexicon

    lex = lexicon.load()
    rules = list(lex.triggers.values()) + [r for rs in lex.multiword.values() for r in rs]
    reached = {r.category for r in rules} | {s.category for r in rules for s in r.senses}
    reached |= {m.category for m in lex.modes} | RETYPED
    covered = {lex.category(k).acled[1] for k in reached if lex.category(k).acled}
    assert covered == ACLED_SUB_EVENT_TYPES, ACLED_SUB_EVENT_TYPES - covered


@pytest.mark.parametrize("text, acled", [
    ("Thirty soldiers switched sides and joined the rebels in the north, officials said.", "Change to group/activity"),
    ("Police commandos freed 40 hostages from an insurgent prison in a night raid.", "Other"),
])
def test_strategic_developments(extract_doc, text, acled):
    assert acled in [e.acled.sub_event_type for e in extract_doc(text).events if e.acled], kinds(extract_doc(text))


@pytest.mark.parametrize("text, acled", [
    ("The militants established a new base in the hills above the valley last week.", "Headquarters or base established"),
    ("The army handed over control of the district to the police on Monday.", "Non-violent transfer of territory"),
])
def test_bases_and_handovers(extract_doc, text, acled):
    assert acled in [e.acled.sub_event_type for e in extract_doc(text).events if e.acled], kinds(extract_doc(text))


@pytest.mark.parametrize("text, plover", [
    ("The foreign minister said the rebels must lay down their arms and release the hostages.", "REQUEST"),
    ("The government said on Monday it will impose new sanctions on the neighbouring state.", "THREATEN"),
    ("The defence minister promised to continue military aid to the island nation.", "AGREE"),
])
def test_statements_of_obligation_and_intent(extract_doc, text, plover):
    doc = extract_doc(text)
    assert plover in types(doc), kinds(doc)
    assert "ASSAULT" not in types(doc)


@pytest.mark.parametrize("text, plover", [
    ("The ministry said on Tuesday that Kenya must return the seized aircraft.", "REQUEST"),
    ("The government said it will not accept any more refugees from the north.", "REJECT"),
])
def test_demands_and_refusals_without_a_trigger_word(extract_doc, text, plover):
    assert plover in types(extract_doc(text)), kinds(extract_doc(text))


def test_a_demand_in_a_hypothetical_is_no_event(extract_doc):
    assert "REQUEST" not in types(extract_doc("Troops must be careful on the roads, the guide warned."))


@pytest.mark.parametrize("text, acled", [
    ("Police said a woman died after she was shot in the chest outside a bar.", "Attack"),
    ("A teenager was found dead with a gunshot wound in a parked car early Sunday.", "Attack"),
    ("Two soldiers died after they were shot at a checkpoint near the river.", "Armed clash"),
])
def test_who_died_decides_attack_or_clash(extract_doc, text, acled):
    assert acled in [e.acled.sub_event_type for e in extract_doc(text).events if e.acled], kinds(extract_doc(text))


def test_an_arrest_at_a_protest_comes_after_the_protest(extract_doc):
    doc = extract_doc("Police arrested 20 activists as they brought out a procession in the town on Sunday.",
                      published="2015-01-05")
    assert doc.events[0].acled is not None and doc.events[0].acled.event_type == "Protests"
    assert any(e.acled and e.acled.sub_event_type == "Arrests" for e in doc.events[1:])


@pytest.mark.parametrize("text", ["Transport workers observed a day-long strike across the district on Monday.",
                                  "Traders enforced an indefinite strike in the market town on Monday."])
def test_a_strike_by_workers_or_traders_is_a_labour_strike(extract_doc, text):
    doc = extract_doc(text, published="2015-01-05")
    assert doc.events and doc.events[0].type == "PROTEST"


def test_demonstrators_who_turn_violent_make_a_violent_demonstration(extract_doc):
    doc = extract_doc("Opposition activists vandalised several vehicles during a procession in the town on Sunday.",
                      published="2015-01-05")
    assert ("PROTEST", "Violent demonstration") in kinds(doc), kinds(doc)


# --- which event a sentence tells as its news (salience) ------------------------------------------

@pytest.mark.parametrize("text, first", [
    ("The government lifted the curfew in the province where rioters had killed three people last month.",
     "CONCEDE"),
    ("The parliament demanded that the neighbouring state admit its soldiers had shot the fishermen.", "REQUEST"),
    ("Donor countries halted their aid to the government a week after troops shelled the rebel town.",
     "SANCTION"),
])
def test_an_event_told_inside_another_follows_it(extract_doc, text, first):
    doc = extract_doc(text, published="2024-03-04")
    assert doc.events and doc.events[0].type == first, kinds(doc)


def test_the_subject_of_an_event_is_part_of_it_not_its_setting(extract_doc):
    doc = extract_doc("Two roadside bombs planted by the militants destroyed an army truck on Monday, killing four "
                      "soldiers.", published="2024-03-04")
    acled = [e for e in doc.events if e.acled]
    assert acled and acled[0].acled.sub_event_type == "Remote explosive/landmine/IED", kinds(doc)


# --- what an actor announces, halts or attempts ---------------------------------------------------

@pytest.mark.parametrize("text, plover", [
    ("The rebels said they will release the hostages on Sunday.", "AGREE"),
    ("The army is willing to withdraw its troops from the border villages, the minister said.", "AGREE"),
    ("The agency said it will withdraw its inspectors from the country next week.", "THREATEN"),
    ("Donor countries halted their aid to the government on Monday.", "SANCTION"),
    ("The envoys ended their mediation efforts between the two factions on Friday.", "SANCTION"),
    ("Gunmen tried to assassinate the provincial governor on Tuesday.", "ASSAULT"),
    ("State hackers tried to hack the phones of exiled reporters, a rights group said.", "COERCE"),
    ("The teachers' union called off its strike on Thursday after talks with the ministry.", "CONCEDE"),
    ("The government complained to the United Nations over the air raids on its border villages.", "ACCUSE"),
])
def test_announcements_halts_and_attempts_are_typed(extract_doc, text, plover):
    doc = extract_doc(text, published="2024-03-04")
    assert doc.events and doc.events[0].type == plover, kinds(doc)


def test_a_planned_attack_is_still_not_an_attack(extract_doc):
    doc = extract_doc("The militants will try to attack the base next week, officials warned.", published="2024-03-04")
    assert not any(e.acled for e in doc.events), kinds(doc)


def test_a_shooting_stays_ahead_of_the_arrest_made_for_it(extract_doc):
    doc = extract_doc("Man arrested in fatal shooting outside bar\n\nPolice have arrested a local man in connection "
                      "with a Saturday shooting outside a bar that killed two men.", published="2024-03-04")
    assert doc.events and doc.events[0].type == "ASSAULT", kinds(doc)


def test_no_data_file_repeats_a_key():
    """YAML keeps the last of two equal keys silently: a merge that adds a trigger twice would drop one."""
    from importlib import resources

    import yaml

    class Strict(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = loader.construct_object(key_node, deep=deep)
            assert key not in seen, f"{node.start_mark}: key {key!r} appears twice"
            seen.add(key)
        return loader.construct_mapping(node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    data = resources.files("sitrep").joinpath("data")
    files = [p for p in data.rglob("*.yaml")] if hasattr(data, "rglob") else []
    assert files
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)


def first_conflict(doc):
    """The event a one-event record is read by: the first with an ACLED type, else the first."""
    return next((e for e in doc.events if e.acled), doc.events[0] if doc.events else None)


@pytest.mark.parametrize("text", [
    "Riverton news: 3 shot near the old rail yard\n\nMore details were not released.",  # "shot" tagged a noun
    "Two Teens, One Man Shot Outside Corner Store In Milltown\n\nNo names were given.",  # title case
    "Toddler Accidentally Shoots Himself With Uncle's Pistol\n\nThe boy is expected to recover.",
    "Farmhand dies of gunshot wound after argument\n\nThe sheriff gave no names.",
    "Deputies are looking into a shooting incident on Mill Creek Road.",  # "incident" alone starts nothing
    "Sheriff says the deadly shooting of a farmhand may have been an accident",  # the modal doubts what it was, not that it was
    "Stories do not add up after a boy is hurt in a weekend shooting",  # a time clause under a negated clause
    "Detectives are investigating a Tuesday night homicide on Elm Street.",
    "Infant shot while in father's arms in Lakeview\n\nThe baby is in stable condition.",
    "Two deputies hurt during shootout at roadside motel",
    "Police: possible accidental shooting at hunting camp led to man's death",  # the hedge is on "accidental"
])
def test_a_shooting_told_only_in_a_headline_or_a_noun_is_found(extract_doc, text):
    doc = extract_doc(text, published="2024-03-04")
    event = first_conflict(doc)
    assert event is not None and event.type == "ASSAULT", kinds(doc)


@pytest.mark.parametrize("text", [
    "He took a shot at the goal in the second half.",
    "Her shot hit the post before the break.",
])
def test_a_shot_at_goal_is_no_attack(extract_doc, text):  # the noun "shot" with an article or possessive
    doc = extract_doc(text, published="2024-03-04")
    assert "ASSAULT" not in types(doc), kinds(doc)


def test_the_headline_event_leads_a_toll_told_first_in_the_body(extract_doc):
    doc = extract_doc("Teen hurt in Oakdale shooting\n\nTwo men were shot dead at a party on Elm Street in Riverton on "
                      "Thursday night, police said. In Oakdale, a teenager was hurt on Friday.", published="2024-03-04")
    event = first_conflict(doc)
    assert event is not None and event.trigger.text == "shooting", [(e.trigger.text, e.type) for e in doc.events]
