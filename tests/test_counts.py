"""Casualty counts as claims: figures, kinds, parts, claimants, summaries."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import nlp
from sitrep.counts import find_counts, parse_number, sum_victims, summarise
from sitrep.record import Claim, Span


@pytest.fixture(scope="module")
def language():
    return nlp.load()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("22", (22, 22, 22)),
        ("1,200", (1200, 1200, 1200)),
        ("two", (2, 2, 2)),
        ("Twenty-one", (21, 21, 21)),
        ("one hundred and five", (105, 105, 105)),
        ("a dozen", (12, 12, 12)),
        ("dozens", (12, 12, None)),
        ("tens", (10, 10, None)),
        ("hundreds", (100, 100, None)),
        ("scores", (20, 20, None)),
        ("several", (3, 3, None)),
        ("a few", (2, 2, None)),
        ("at least 22", (22, 22, None)),
        ("more than 20", (20, 20, None)),
        ("up to 30", (30, None, 30)),
        ("as many as thirty", (30, None, 30)),
        ("about 40", (40, None, None)),
        ("between 10 and 15", (10, 10, 15)),
        ("10-15", (10, 10, 15)),
        ("10 to 15", (10, 10, 15)),
        ("two or three", (2, 2, 3)),
        ("3 million", (3_000_000, 3_000_000, 3_000_000)),
        ("people", None),
        ("", None),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def _found(language, text):
    doc = language(text)
    return [(m.kind, m.claim.count, m.claim.low, m.claim.high, m.claim.source)
            for m in find_counts(doc) if not m.part]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Eight people were killed in the raid.", [("killed", 8, 8, 8, None)]),
        ("The bomb exploded at a market, killing 4 shoppers.", [("killed", 4, 4, 4, None)]),
        ("The clash left 9 dead.", [("killed", 9, 9, 9, None)]),
        ("Three killed and five wounded in town fighting",
         [("killed", 3, 3, 3, None), ("injured", 5, 5, 5, None)]),
        ("The death toll rose to 31 on Monday.", [("killed", 31, 31, 31, None)]),
        ("Raiders killed 6 farmers near the well.", [("killed", 6, 6, 6, None)]),
        ("Police found 4 bodies in the river.", [("killed", 4, 4, 4, None)]),
        ("Seven hostages died in the fire.", [("killed", 7, 7, 7, None)]),
        ("No one was hurt in the blast.", [("injured", 0, 0, 0, None)]),
        ("The shelling caused no casualties.", [("killed", 0, 0, 0, None), ("injured", 0, 0, 0, None)]),
        ("At least 14 villagers were killed, the governor said.",
         [("killed", 14, 14, None, "governor")]),
        ("Dozens of students were kidnapped from the school.", [("abducted", 12, 12, None, None)]),
        ("Troops detained 15 suspects overnight.", [("arrested", 15, 15, 15, None)]),
        ("A patrol guard was shot dead at the gate.", [("killed", 1, 1, 1, None)]),
        ("Up to 40 people were injured, according to the health ministry.",
         [("injured", 40, None, 40, "health ministry")]),
    ],
)
def test_find_counts_shapes(language, text, expected):
    assert sorted(_found(language, text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, victims",
    [
        ("Five rebels and two policemen were killed in the clash.", {"rebels", "policemen"}),
        ("The ambush killed 3 guards and 2 drivers.", {"guards", "drivers"}),
    ],
)
def test_victim_groups_are_separate_claims(language, text, victims):
    mentions = [m for m in find_counts(language(text)) if m.kind == "killed"]
    assert {m.claim.victims for m in mentions} == victims
    assert sum_victims([m.claim for m in mentions]).count == sum(m.count for m in mentions)


@pytest.mark.parametrize(
    "text, total, part",
    [
        ("Ten people were killed, including 3 women.", 10, 3),
        ("Ten people were killed, four of them children.", 10, 4),
    ],
)
def test_parts_are_not_new_counts(language, text, total, part):
    mentions = [m for m in find_counts(language(text)) if m.kind == "killed"]
    assert [m.count for m in mentions if not m.part] == [total]
    assert [m.count for m in mentions if m.part] == [part]


@pytest.mark.parametrize(
    "text",
    [
        "Two 120mm mortars struck the base.",
        "Gunmen burned 22 vehicles and 3 houses.",
        "A 19-year-old was questioned at 6pm on 4 March 2021.",
        "The office at 45 Main Street was closed in 2019.",
    ],
)
def test_things_that_are_not_people(language, text):
    assert [m for m in find_counts(language(text)) if m.count > 1] == []


def test_outlet_with_reportedly_is_a_claimant(language):
    text = "State broadcaster Radio Northland reportedly killed 17 fighters in the strikes."
    mentions = find_counts(language(text))
    assert [(m.kind, m.count) for m in mentions] == [("killed", 17)]
    assert "Radio Northland" in mentions[0].claim.source


def test_coding_note_is_coded(language):
    text = "Two guards were killed at the depot. Fatalities coded as 0 (Radio X reported 2)."
    coded = [m for m in find_counts(language(text)) if m.coded]
    assert [(m.kind, m.count) for m in coded] == [("killed", 0)]


def _claim(count, source=None, low=None, high=None):
    return Claim(count=count, low=low, high=high, source=source, evidence=Span(start=0, end=1))


@pytest.mark.parametrize(
    "claims, best, low, high, disputed",
    [
        ([], None, None, None, False),
        ([_claim(22, "monitor"), _claim(17, "broadcaster")], 17, 17, 22, True),
        ([_claim(5), _claim(5, "police")], 5, 5, 5, False),
        ([_claim(12, low=12), _claim(30, "army", high=30)], 12, 12, 30, True),
        ([_claim(3), _claim(4)], 4, 3, 4, False),  # one claimant: its largest
        ([_claim(4), _claim(2, "police")], 2, 2, 4, True),  # the publisher is one claimant among others
    ],
)
def test_summarise(claims, best, low, high, disputed):
    counts = summarise(claims)
    assert (counts.best, counts.low, counts.high, counts.disputed) == (best, low, high, disputed)
    assert counts.claims == claims


_WORDS = ["one", "two", "three", "five", "eleven", "twenty", "dozens", "several"]
_TEMPLATES = [
    "{n} {v} were killed in the attack.",
    "The strike killed {n} {v}.",
    "Officials said {n} {v} were wounded.",
    "At least {n} {v} died, according to the mayor.",
    "The raid left {n} {v} dead and {m} injured.",
]


@settings(max_examples=40, deadline=None)
@given(
    template=st.sampled_from(_TEMPLATES),
    n=st.one_of(st.integers(min_value=1, max_value=5000).map(str), st.sampled_from(_WORDS)),
    m=st.integers(min_value=1, max_value=99).map(str),
    victims=st.sampled_from(["people", "soldiers", "civilians", "villagers"]),
)
def test_evidence_contains_the_number(language, template, n, m, victims):
    text = template.format(n=n, m=m, v=victims)
    for mention in find_counts(language(text)):
        number = text[mention.number_span[0]:mention.number_span[1]]
        evidence = text[mention.claim.evidence.start:mention.claim.evidence.end]
        assert number and number in evidence
        assert mention.sentence[0] <= mention.number_span[0] < mention.sentence[1]


def test_a_toll_in_parts_keeps_each_figure_and_counts_the_whole():
    from sitrep.counts import as_parts
    from sitrep.record import Claim, Span

    parts = as_parts([Claim(count=4, low=4, high=4, evidence=Span(start=0, end=12)),
                      Claim(count=2, low=2, high=2, evidence=Span(start=17, end=28))])
    assert [c.count for c in parts] == [4, 2] and {c.total for c in parts} == {6}
    counts = summarise(parts)
    assert (counts.best, counts.low, counts.high, counts.disputed) == (6, 6, 6, False)


# --------------------------------------------------------------------------
# phrases of local crime news and wire copy (the project's own sentences)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline toll: the word after the figure decides its kind
        ("Four Dead, Three Hurt In Riverside Shooting", [("killed", 4), ("injured", 3)]),
        # a victim told by age alone
        ("A 19-year-old was shot and killed Sunday night, police said.", [("killed", 1)]),
        # a victim hanging on a noun of death
        ("A man was charged in the shooting death of 4-year-old Ana Reyes.", [("killed", 1)]),
        ("Police recovered the body of a man from the canal.", [("killed", 1)]),
        # a nationality standing for one person
        ("A soldier shot and killed the Palestinian at the gate.", [("killed", 1)]),
        # a day of a date is not a figure; the pronoun is the farmer again
        ("Gunmen abducted a farmer on 14 May and killed him.", [("killed", 1)]),
        # the killer's own death is one more
        ("The man shot his wife and then turned the gun on himself.", [("shot", 1), ("killed", 1)]),
        # wounds told without a verb of hurting
        ("With a gunshot wound to his calf, the clerk was rushed to a hospital.", [("injured", 1)]),
        # a compound before the victims is not what is counted
        ("Two truck drivers were killed in the ambush.", [("killed", 2)]),
        # one victim named before a figure is one more
        ("Toddler shooting leaves 4-year-old, 2 others shot on Main Street", [("shot", 1), ("shot", 2)]),
        ("Boy, Two Adults Injured in Park Shooting", [("injured", 1), ("injured", 2)]),
        # headline style without a determiner
        ("Teen, 16, dead after shooting in Elm Park", [("killed", 1)]),
        ("Man dies after being shot outside a bar", [("killed", 1)]),
        # "both" counts the victims named beside it
        ("Karl Dorn and his son were both killed in the attack.", [("killed", 2)]),
        # a toll that did not happen
        ("The kidnappers threatened to kill the engineer.", []),
        ("Rebels attempted to assassinate the governor on Monday.", []),
        # lives lost, a body found, a titled victim
        ("Two soldiers lost their lives in the blast.", [("killed", 2)]),
        ("His body was found in a ditch the next morning.", [("killed", 1)]),
        ("The town Councilman for Ribera, Tomas Vidal, was shot and killed by gunmen.", [("killed", 1)]),
        # one victim told by a clause on a person noun
        ("A toddler who was shot in the arm is recovering.", [("shot", 1)]),
        ("Officers found the injured boy behind the store.", [("injured", 1)]),
        # phrasal verbs of killing
        ("Militants gunned down eleven farmers near the village.", [("killed", 11)]),
        ("Soldiers shot dead two smugglers at the border.", [("killed", 2)]),
        ("Two cousins were shot on the porch, and one of them passed away on Sunday.", [("shot", 2), ("killed", 1)]),
        # a wound is not a person
        ("He died of a single gunshot wound at the hospital.", [("killed", 1)]),
        # a suicide bomber's own death
        ("A suicide bomber blew himself up outside the court.", [("killed", 1)]),
        ("Guards stopped the man before he could blow himself up.", []),
        # a part of another kind's toll counts its own kind
        ("A man shot five people at the party, killing three of them.", [("shot", 5), ("killed", 3)]),
    ],
)
def test_local_news_phrases(language, text, expected):
    found = [(m.kind, m.claim.count) for m in find_counts(language(text)) if not m.part]
    assert sorted(found) == sorted(expected)


def test_a_degree_after_a_toll_is_a_part(language):
    mentions = find_counts(language("Seven wounded, 3 critically, in a shooting near the mall"))
    whole = [m for m in mentions if not m.part]
    assert [(m.kind, m.count) for m in whole] == [("injured", 7)]
    assert any(m.part and m.count == 3 for m in mentions)


def test_a_figure_told_by_how_badly_they_were_hurt_is_some_of_the_hurt(language):
    mentions = find_counts(language("One man died and two people were hurt critically. Four were shot and two "
                                    "were critically wounded."))
    assert [(m.kind, m.count, m.status) for m in mentions if m.kind == "injured" and m.count == 2] == \
        [("injured", 2, True), ("injured", 2, True)]
    assert [m.status for m in mentions if m.count == 4] == [False]


def test_the_hurt_of_a_story_is_not_those_hurt_critically(language):
    from sitrep.tolls import injured
    text = "Gunfire at a block party left six people wounded on Friday. Two people were hurt seriously, police said."
    assert summarise(injured(find_counts(language(text)))).best == 6


@pytest.mark.parametrize("text", ["Two injured, shooter dead after standoff on Elm Street",
                                  "Two hurt, gunman dead in mall shooting"])
def test_a_word_told_of_its_own_noun_does_not_tell_the_figure(language, text):
    found = sorted((m.kind, m.count) for m in find_counts(language(text)))
    assert found == [("injured", 2), ("killed", 1)]


def test_a_list_of_figures_shares_its_verb(language):
    found = [(m.kind, m.count) for m in find_counts(language("Police: 4 adults, 1 child shot on Elm Street"))]
    assert found == [("shot", 4), ("shot", 1)]


@pytest.mark.parametrize("text, expected", [
    ("The two men shot at one another outside the bar, and one was hit in the leg.", [("shot", 1)]),
    ("Two men shot at each other on Main Street.", []),
    ("Two men shot at party on Main Street", [("shot", 2)]),
])
def test_those_who_shot_at_each_other_are_not_victims(language, text, expected):
    assert [(m.kind, m.count) for m in find_counts(language(text))] == expected


def test_some_of_a_group_is_some_of_the_hurt(language):
    from sitrep.tolls import injured
    mentions = find_counts(language("Officers returned fire, wounding one of the gunmen."))
    assert [(m.kind, m.count, m.status) for m in mentions] == [("injured", 1, True)]
    text = "Four people were wounded in the gunfight. Officers returned fire, wounding one of the gunmen, police said."
    assert summarise(injured(find_counts(language(text)))).best == 4


def test_a_fourth_victim_is_one_more(language):
    mentions = find_counts(language("Three guards were killed in the raid. A fourth guard died in hospital."))
    assert [(m.count, m.also) for m in mentions] == [(3, False), (1, True)]


def test_a_degree_after_those_shot_is_a_part(language):
    mentions = find_counts(language("Five shot, two critically injured, outside a club"))
    assert [(m.kind, m.count) for m in mentions if not m.part] == [("shot", 5)]


def test_a_running_total_is_background(language):
    text = "The insurgency that has been underway since 2004 has killed more than 900 people."
    assert all(m.background for m in find_counts(language(text)) if m.count == 900)


def test_killer_in_the_toll_is_marked(language):
    mentions = find_counts(language("Police said 5 people were dead, including the gunman."))
    assert [m.includes_killer for m in mentions if m.count == 5] == [True]


# --------------------------------------------------------------------------
# counts on events (the whole pipeline)


def _best(event, field):
    counts = getattr(event, field)
    return counts.best if counts else None


def test_each_attack_keeps_its_own_dead(extract_doc):
    text = ("Gunmen killed three villagers in Ghazni on Monday.\n\n"
            "In a separate attack in Kandahar, a roadside bomb killed two police officers on Tuesday.")
    events = extract_doc(text, published="2024-03-06").events
    tolls = sorted(_best(e, "fatalities") for e in events if e.fatalities)
    assert tolls == [2, 3]


def test_a_toll_from_last_year_stays_out(extract_doc):
    text = ("Gunmen killed two shopkeepers in Ghazni on Monday, police said.\n\n"
            "Attacks in the province have killed more than 400 people since 2019.")
    first = extract_doc(text, published="2024-03-06").events[0]
    assert _best(first, "fatalities") == 2


def test_murder_suicide_counts_the_killer(extract_doc):
    text = ("Man kills wife, then himself\n\n"
            "Police said a 41-year-old man shot and killed his wife at their home in Dayton on Sunday "
            "and then turned the gun on himself.")
    first = extract_doc(text, published="2024-03-06").events[0]
    assert _best(first, "fatalities") == 2


def test_others_also_shot_are_injured(extract_doc):
    text = ("A man was shot and killed outside a bar in Dayton early Sunday, police said. "
            "Three other people were also shot and taken to hospital.")
    first = extract_doc(text, published="2024-03-06").events[0]
    assert _best(first, "fatalities") == 1
    assert _best(first, "injured") == 3


def test_disagreeing_claimants_are_kept_and_disputed(extract_doc):
    text = ("An air strike hit a fuel depot near Idlib on Thursday. The monitoring group said 12 people "
            "were killed. The state news agency said 9 people were killed in the strike.")
    ev = next(e for e in extract_doc(text, published="2024-03-08").events if e.fatalities)
    assert (ev.fatalities.best, ev.fatalities.low, ev.fatalities.high) == (9, 9, 12)
    assert ev.fatalities.disputed
    assert {c.source for c in ev.fatalities.claims} == {"The monitoring group", "The state news agency"} or \
        len({c.source for c in ev.fatalities.claims}) == 2


_EVENT_TEMPLATES = [
    "Gunmen killed {n} villagers in Ghazni on Monday, police said.",
    "A bomb exploded at a market in Kandahar on Monday, killing {n} people and wounding {m}.",
    "{n} soldiers were killed and {m} injured when rebels attacked a checkpoint in Kunduz on Monday.",
]


@settings(max_examples=15, deadline=None)
@given(template=st.sampled_from(_EVENT_TEMPLATES),
       n=st.integers(min_value=2, max_value=900), m=st.integers(min_value=2, max_value=900))
def test_every_claim_on_an_event_holds_its_number(extract_doc, template, n, m):
    text = template.format(n=n, m=m)
    for ev in extract_doc(text, published="2024-03-06").events:
        for counts in (ev.fatalities, ev.injured):
            for claim in counts.claims if counts else []:
                assert str(claim.count) in text[claim.evidence.start:claim.evidence.end]


def test_and_others_is_at_least_one_more(extract_doc):
    text = ("A rocket attack on the air base in Kirkuk killed a contractor on Monday; one soldier and others "
            "were wounded.")
    ev = next(e for e in extract_doc(text, published="2024-03-06").events if e.injured)
    claim = ev.injured.claims[0]
    assert (claim.count, claim.high, claim.total) == (1, None, 2)
    assert ev.injured.best == 2
    assert "one" in text[claim.evidence.start:claim.evidence.end]


def test_a_part_of_the_same_kind_stays_a_part(language):
    doc = language("The shooting left one man dead and six injured. Two of the injured teens were treated at the scene.")
    parts = [(m.kind, m.claim.count) for m in find_counts(doc) if m.part]
    assert parts == [("injured", 2)]


def test_those_shot_besides_the_dead_are_all_hurt(extract_doc):
    text = ("Police say four teenagers were shot, one fatally, in Riverton on Friday. "
            "The three others who were shot had injuries that were not life threatening.")
    first = extract_doc(text, published="2024-03-09").events[0]
    assert (_best(first, "fatalities"), _best(first, "injured")) == (1, 3)


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        ("A suicide bomber detonated his vest at a checkpoint in Kandahar on Monday, wounding four guards.", 1, 4),
        ("A suicide bomber detonated his vest at a market in Kandahar on Monday, killing six people.", 6, None),
    ],
)
def test_a_suicide_bomber_is_the_toll_only_where_none_is_told(extract_doc, text, killed, hurt):
    first = extract_doc(text, published="2024-03-06").events[0]
    assert (_best(first, "fatalities"), _best(first, "injured")) == (killed, hurt)


def test_a_street_in_the_town_is_the_same_shooting(extract_doc):
    text = ("Two Dead, Two Hurt In Riverton Shooting\n\n"
            "A shooting in Riverton late Sunday killed two people and injured two others.\n\n"
            "Officers found the victims near Maple Street Park after the shooting, police said.")
    events = [e for e in extract_doc(text, published="2024-03-04").events if e.type == "ASSAULT"]
    assert (_best(events[0], "fatalities"), _best(events[0], "injured")) == (2, 2)


# --------------------------------------------------------------------------
# local gun-violence reports: phrases written for these tests


@pytest.mark.parametrize(
    "text, expected",
    [
        # a crime told with a multiplier
        ("Police are investigating a double homicide on Elm Street.", [("killed", 2)]),
        ("Detectives made an arrest in the triple shooting near the park.", [("shot", 3)]),
        ("Police called it a double murder-suicide.", [("killed", 3)]),
        # a figure of those held is not the toll of the killing after it
        ("2 held after killing of store clerk", [("killed", 1)]),
        # labels and shots are not people
        ("Channel 4 reported that a man was shot near the bridge.", [("shot", 1)]),
        ("Neighbors heard five gunshots before a woman was wounded.", [("injured", 1)]),
        # a headline verb the parser reads as a noun
        ("Riverside shooting wounds 4, kills 1", [("injured", 4), ("killed", 1)]),
        # hit by gunfire
        ("A 7-year-old boy was hit by a stray bullet on Friday.", [("shot", 1)]),
        # a figure listed before a counted one counts the same kind
        ("2 adults, 1 child dead in Oakdale house", [("killed", 2), ("killed", 1)]),
        ("Sheriff: 3 neighbors fatally shot; suspect killed", [("killed", 3), ("killed", 1)]),
        # one victim told by an adjective or by age alone in a headline
        ("Police identified the slain man as Tom Reed.", [("killed", 1)]),
        ("3-year-old killed in accidental shooting", [("killed", 1)]),
        # hit with no other agent told, or struck by gunfire, is shot; hit by a car is not
        ("Five men were hit near the corner store late Friday.", [("shot", 5)]),
        ("Gunfire struck two men waiting at the bus stop.", [("shot", 2)]),
        ("A cyclist was struck by a pickup truck on Elm Road.", []),
        # people taken to hospital were hit, whether they lived or not
        ("The shooting on Oak Street sent four people to the hospital.", [("shot", 4)]),
        ("Two teens sent to hospital after gunfire near Elm Park", [("shot", 2)]),
        ("The suspect was taken to the hospital for evaluation.", []),
        # a headline's figure keeps its kind; the adverb tells the figure after it
        ("7 shot, 2 fatally, outside Elm Park skating rink", [("shot", 7), ("killed", 2)]),
        # one victim told by the state he is in, once however often told
        ("The clerk is in critical condition at the county hospital.", [("injured", 1)]),
        ("A boy was killed and his uncle remains in the hospital.", [("killed", 1), ("injured", 1)]),
        ("Police said the wounded woman is in stable condition.", [("injured", 1)]),
        ("A driver who was in critical condition died on Monday.", [("killed", 1)]),
        ("The driver was listed in critical condition and died later that night.", [("killed", 1)]),
        # the wounding of some beside a death
        ("A teen was charged in the death of a worker and the wounding of two customers.",
         [("killed", 1), ("injured", 2)]),
    ],
)
def test_gun_violence_phrases(language, text, expected):
    found = [(m.kind, m.claim.count) for m in find_counts(language(text)) if not m.part]
    assert sorted(found) == sorted(expected)


def test_a_yearly_total_is_background(language):
    mentions = find_counts(language("The report said 13 children died in accidental shootings this year."))
    assert [m.background for m in mentions if m.count == 13] == [True]


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # a victim told alone by another claimant does not undercut the headline's figure
        ("Two killed in Dayton bar shooting\n\nA 30-year-old man was killed at the scene on Sunday, police said.",
         2, None),
        # a victim told again in a clause of his own is one of those counted
        ("Five people were shot at a party in Elm Park on Saturday; Ray Cole, 28, was shot in the leg.",
         None, 5),
        # "a second man has died": the toll already counts him
        ("Shooting at Dayton bar kills 2\n\nA second man has died after the shooting at the bar on Sunday.",
         2, None),
        # the killer is one of a double murder-suicide's three dead
        ("Police said the double murder-suicide happened at a home in Dayton on Sunday.", 3, None),
        # the publisher's own toll stands beside a claimant who tells the hurt in parts
        ("Four people were shot and wounded outside a Dayton bar on Sunday. Two men and a woman were hit in "
         "the legs, police said.", None, 4),
        # those taken to hospital less the dead are the hurt, where nothing else counts them
        ("A shooting at a Dayton bar on Sunday sent five people to the hospital. One of them died there.", 1, 4),
        # a state of one victim counts only where no figure of the hurt is told
        ("Three people were wounded in a shooting in Dayton on Sunday. One man is in critical condition.",
         None, 3),
    ],
)
def test_one_shooting_told_over_several_sentences(extract_doc, text, killed, hurt):
    first = extract_doc(text, published="2024-03-06").events[0]
    assert (_best(first, "fatalities"), _best(first, "injured")) == (killed, hurt)


def test_a_multiplier_beside_a_toll_tells_the_same_victims(language):
    mentions = find_counts(language("Woman, 2 children dead in Oakdale triple homicide"))
    assert sum(m.count for m in mentions if m.kind == "killed" and not m.part) == 3


@pytest.mark.parametrize(
    "text, expected",
    [
        # the death told on the verb's complement
        ("A 40-year-old man was found shot to death in his truck.", [("killed", 1)]),
        ("Deputies say the clerk was found fatally wounded behind the counter.", [("killed", 1)]),
        # a wound suffered: shot, hurt otherwise, or fatal
        ("Two men suffered gunshot wounds in the parking lot.", [("shot", 2)]),
        ("A 9-year-old boy received a gunshot wound to his arm.", [("shot", 1)]),
        ("Three others sustained non-fatal bullet wounds.", [("shot", 3)]),
        # a negated hurt is no victim; "no one else" is no zero either
        ("A third man, who stood nearby, was not injured.", []),
        # a death asked about or supposed is not told
        ("Deputies could not say whether the driver had died.", []),
        ("If the girl dies, the charge will become murder, the prosecutor said.", []),
        ("Her cousin is not dead, the family insisted.", []),
        ("A woman was shot in the arm; no one else was hurt.", [("shot", 1)]),
        # the second figure of a verb takes the adverb, not the first
        ("A gunman shot four officers - one fatally - on Monday.", [("shot", 4), ("killed", 1)]),
        # "another" stands for one more victim of its own verb
        ("The gunman wounded three men and killed another.", [("injured", 3), ("killed", 1)]),
        # a headline participle the parser reads as a noun
        ("Teen Killed, 2 Hurt In Park Shooting", [("killed", 1), ("injured", 2)]),
        # a toll raised by a later death
        ("The woman died Tuesday, raising the death toll to three.", [("killed", 1), ("killed", 3)]),
        # a model, an address, a father's children, a date and a TV station are not victims
        ("He fired an AR-15 and killed two men.", [("killed", 2)]),
        ("On 4200 Maple, one man was killed.", [("killed", 1)]),
        ("Father of 4 killed in Elm Park shooting", [("killed", 1)]),
        ("They were wounded during a parade on Jan. 14.", []),
        # a crime told as deadly, one dead at least
        ("Police arrest teen in fatal shooting", [("arrested", 1), ("killed", 1)]),
        ("The arrest came a week after a fatal shooting nearby.", []),
        # a headline drops its articles
        ("Teenage shooting victim found dead on porch", [("killed", 1)]),
        # victims hanging on a noun of shooting
        ("Police are investigating the shooting of three men on Elm Street.", [("shot", 3)]),
    ],
)
def test_local_crime_phrases(language, text, expected):
    found = [(m.kind, m.claim.count) for m in find_counts(language(text)) if not m.part]
    assert sorted(found) == sorted(expected)


def test_a_toll_of_a_past_year_is_background(language):
    mentions = find_counts(language("In 2009, a guard was killed at the same club."))
    assert [m.background for m in mentions if m.kind == "killed"] == [True]


@pytest.mark.parametrize(
    "text, killed, hurt",
    [
        # a headline with a figure sums up the story: a victim told "also" below is one of them
        ("1 dead, 2 hurt in Elm Park shooting\n\nA man was killed on Sunday. The gunfire also wounded Ann Lee, 50, "
         "and her neighbor.", 1, 2),
        # those shot, told first, are the hurt, not a later partial figure
        ("Gunman shoots four at Dayton bar\n\nA gunman opened fire outside a bar in Dayton on Sunday. Two of the "
         "victims suffered minor injuries, police said.", None, 4),
        # the wounded suspect is one hurt beyond those he shot
        ("Three people were shot outside a Dayton bar on Friday night. An officer returned fire and the suspect "
         "was struck in the leg, police said.", None, 4),
        # both victims told by their state: all of them, not some
        ("Man shot on Dayton porch\n\nA man was shot on his porch on Friday. His neighbor was also shot. Police said "
         "both victims are in stable condition.", None, 2),
        # an arrest told with the shooting follows it
        ("Police arrest man in Dayton shooting that killed one\n\nOfficers arrested a 30-year-old man on Monday "
         "in the shooting that killed a 22-year-old woman on Saturday.", 1, None),
    ],
)
def test_local_crime_tolls(extract_doc, text, killed, hurt):
    first = extract_doc(text, published="2024-03-06").events[0]
    assert (_best(first, "fatalities"), _best(first, "injured")) == (killed, hurt)


@pytest.mark.parametrize("text", [
    "Five people were wounded in a shooting at a Dayton park on Saturday. Police said the two oldest victims "
    "remain in the hospital with serious injuries.",
    "Five people were wounded in a shooting at a Dayton park on Saturday. Three of the injured were treated "
    "and released, police said.",
])
def test_the_hurt_told_by_their_state_are_some_not_all(extract_doc, text):
    first = extract_doc(text, published="2024-03-10").events[0]
    assert _best(first, "injured") == 5


def test_a_state_alone_still_counts(language):
    doc = language("Two people injured in the crash remain hospitalized in stable condition, officials said.")
    found = [(m.kind, m.count, m.status) for m in find_counts(doc)]
    assert found == [("injured", 2, True)]


def test_a_state_in_another_clause_leaves_the_toll_whole(language):
    doc = language("Four people were injured, and one remains in critical condition.")
    assert [(m.kind, m.count, m.status) for m in find_counts(doc) if m.count == 4] == [("injured", 4, False)]


@pytest.mark.parametrize("text, expected", [
    ("Teen shot in arm outside Dayton market", [("shot", 1)]),
    ("Woman shot at officers outside Dayton market", []),
    ("A 14-year-old girl was hospitalized after being shot in the arm on Friday.", [("injured", 1)]),
    ("Three people were hospitalized after the crash on Route 9.", [("injured", 3)]),
])
def test_hurt_told_without_was(language, text, expected):
    found = [(m.kind, m.count) for m in find_counts(language(text)) if m.kind in ("shot", "injured")]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    # a relative clause tells what befell the counted people
    ("Three men who were hit were driven to a hospital in Akron.", [("shot", 3)]),
    ("Two teens who suffered gunshot wounds walked into the clinic.", [("shot", 2)]),
    # "suffering from" a wound, as "suffering" one
    ("Deputies found the clerk suffering from a gunshot wound behind the store.", [("shot", 1)]),
    # a verb with a figure of its own as subject tells that figure, not the one before it
    ("5 shot near Elm Park, 1 dies", [("shot", 5), ("killed", 1)]),
    # victims joined past the ages told of the first ones
    ("Two women, ages 31 and 40, and a boy were wounded on Pine Road.", [("injured", 2), ("injured", 1)]),
    ("Two women, ages 31 and 40, and three men were wounded on Pine Road.", [("injured", 2), ("injured", 3)]),
    # a listing of the figure's own victims is no more of them
    ("Three others, two women, ages 31 and 40, and a boy, were treated for their wounds.", [("injured", 3)]),
    ("Five more women were treated for gunshot wounds.", [("injured", 5)]),
    # a wounding told before the shooter's own death: the wounded lives
    ("The man wounded his cousin in the arm and killed himself, the sheriff said.", [("injured", 1), ("killed", 1)]),
])
def test_what_befell_the_counted(language, text, expected):
    found = [(m.kind, m.count) for m in find_counts(language(text)) if m.kind in ("shot", "injured", "killed")]
    assert found == expected


@pytest.mark.parametrize("text, status", [
    ("Two people were shot on Oak Street. Both victims are in stable condition.", False),
    ("Four people were shot on Oak Street. The four victims remain hospitalized.", False),
    ("Four people were shot on Oak Street. Two remain in serious condition.", True),
    ("Four people were shot on Oak Street. The two youngest victims remain in serious condition.", True),
    ("Four people were shot on Oak Street. The three others remain in the hospital.", True),
])
def test_a_whole_group_told_by_its_state_is_not_a_part(language, text, status):
    second = [m for m in find_counts(language(text)) if m.kind in ("shot", "injured")][-1]
    assert second.status is status


@pytest.mark.parametrize("text, also", [
    ("Deputies found two men dead and took a third to the hospital.", True),
    ("Both brothers were driven to a hospital in Akron, where one later died.", False),
])
def test_the_hospitalised_told_after_the_dead_are_more(language, text, also):
    cared = [m for m in find_counts(language(text)) if m.kind == "shot"]
    assert [m.also for m in cared] == [also]


@pytest.mark.parametrize("text, hurt", [
    # the ordinal counts the dead and the hurt together: the fourth is the first of the hurt
    ("Gunmen killed three men in Dayton on Sunday; a fourth man was hurt.", 1),
    ("Three men were shot in Dayton on Sunday. A bullet grazed a fourth man.", 4),
    ("Two men were shot in Dayton on Sunday. A second teen was struck in the knee.", 2),
])
def test_one_more_told_by_its_rank(extract_doc, text, hurt):
    first = extract_doc(text, published="2024-03-06").events[0]
    assert _best(first, "injured") == hurt


def test_a_suspect_shot_where_a_death_is_told_may_be_the_dead(language):
    doc = language("A homeowner shot an intruder on Friday night. The man was found dead in the yard.")
    assert not any(m.also for m in find_counts(doc) if m.perpetrator)


def test_the_wounded_suspect_is_one_hurt_beyond_his_victims(language):
    doc = language("Three people were shot outside a bar in Dayton on Friday. Officers returned fire and the "
                   "suspect was struck in the leg. The suspect was shot in the arm as well, police said.")
    suspects = [m for m in find_counts(doc) if m.perpetrator]
    assert [(m.kind, m.also) for m in suspects] == [("shot", True), ("shot", False)]


@pytest.mark.parametrize("text, expected", [
    ("He grabbed a .357 and shot the clerk, investigators said.", [("shot", 1)]),
    ("Police said a man in his 40's was shot on Elm Street.", [("shot", 1)]),
    ("Neighbors heard dozens of gunshots before two men were shot.", [("shot", 2)]),
    ("Police are looking into two shootings that wounded a boy.", [("injured", 1)]),
    ("A 3 yr old was hurt in the shooting on Oak Street.", [("injured", 1)]),  # not the 3: one hurt, by its verb
    ("A driver was shot in his car at Elm Park, 612 W. Main St., police said.", [("shot", 1)]),
    ("He fired a six-shot revolver at the clerk, wounding her.", [("injured", 1)]),
    ("The clerk was shot in one arm, police said.", [("shot", 1)]),
    ("A stray bullet grazed a boy's arm on Elm Street.", [("injured", 1)]),
    ("Police said the men were shooting at one another when two were wounded.", [("injured", 2)]),
])
def test_figures_that_count_no_people(language, text, expected):
    found = [(m.kind, m.count) for m in find_counts(language(text)) if m.kind in ("shot", "injured", "killed")]
    assert found == expected


@pytest.mark.parametrize("text, hurt", [
    # one who shot himself, read as the verb's subject too, is one hurt
    ("A 16-year-old boy appears to have accidentally shot himself on Tuesday near a Dayton park.", 1),
    # ... but one who hurt himself and another are two
    ("A teen faces charges over a shooting that injured himself and a cousin at a Dayton apartment.", 2),
    # a whole group told beside a larger figure is a part of it
    ("Six people were wounded in a shooting in Dayton on Friday, police said. Both women were listed in fair "
     "condition, a hospital spokesman said.", 6),
    # one more told by its rank and its state alone
    ("Three men were shot outside a Dayton bar on Friday. A fourth victim was taken by car to a hospital.", 4),
    # "the other" is the second of two: one more beside one, none beside two
    ("A man was shot in the leg on Elm Street. The other man was shot in the shoulder and driven to a clinic.", 2),
    ("Two men were shot on Elm Street. The other man was taken to a hospital in fair condition.", 2),
    # nobody hurt, told with "neither"
    ("A man was shot in Dayton on Sunday. Neither the driver nor the other passenger was injured.", 1),
])
def test_the_hurt_told_one_by_one(extract_doc, text, hurt):
    first = extract_doc(text, published="2024-03-06").events[0]
    assert _best(first, "injured") == hurt


@pytest.mark.parametrize("text, killed, hurt", [
    # one who shot himself and took his own life is the dead, not one hurt
    ("Student takes own life at Dayton school\n\nA student shot himself in the school parking lot on Monday, "
     "police said.", 1, None),
    # the hurt told only as "he" beside a death are the dead before he died
    ("Police found a teen in a car after a shooting on Elm Street in Dayton on Friday. He was in critical condition at the "
     "hospital, police said. The boy died on Saturday.", 1, None),
    ("A man was killed in a shooting in Dayton on Friday. Police said a woman was wounded. She is in stable "
     "condition.", 1, 1),
    # one hurt told as one known already by a word of the dead's own ("the girl") is the dead
    ("Toddler dies after a shooting in Dayton\n\nA 2-year-old girl died on Friday, police said. Officers said "
     "the little girl was injured by a gun found in a closet.", 1, None),
    # "the victim", beside one dead and no other hurt, is he
    ("A man died after a shooting in Dayton on Friday. Deputies said the victim had been rushed to a hospital "
     "with a gunshot wound.", 1, None),
    # ... but one told anew, by rank, or by kin is one more
    ("A 6-year-old girl was killed in a shooting in Dayton on Friday. A 9-year-old girl was wounded.", 1, 1),
    ("A boy was killed in a shooting in Dayton on Friday. The second victim was treated for a wound to the arm.",
     1, 1),
    ("A boy was killed in a shooting in Dayton on Friday. The boy's uncle was wounded in the arm.", 1, 1),
])
def test_a_death_told_again_as_hurt(extract_doc, text, killed, hurt):
    first = extract_doc(text, published="2024-03-06").events[0]
    assert (_best(first, "fatalities"), _best(first, "injured")) == (killed, hurt)


@pytest.mark.parametrize("text", [
    "A woman called 911 to say that a man had been shot on Elm Street.",
    "Dispatchers told NewsChannel 15 that a man was shot on Elm Street.",
    "The officer took two steps and shot the man on Elm Street.",
])
def test_a_phone_line_a_station_or_steps_count_no_people(language, text):
    found = [(m.kind, m.count) for m in find_counts(language(text)) if m.kind in ("shot", "injured", "killed")]
    assert found == [("shot", 1)]


@pytest.mark.parametrize("text, hurt", [
    # one not told before, taken to hospital after the dead are told, is one hurt beyond them
    ("Four people were killed in a home on Elm Street in Dayton on Sunday. An 8-year-old girl was airlifted to "
     "a hospital.", 1),
    ("The coroner said a girl and her father died of gunshot wounds in Dayton on Sunday. Police said the mother "
     "was taken to the hospital from the scene.", 1),
    # ... not where a death follows
    ("A man was killed on Elm Street in Dayton on Sunday. His wife was taken to a hospital. She died on Monday.",
     None),
])
def test_the_hospitalised_after_the_dead(extract_doc, text, hurt):
    first = extract_doc(text, published="2024-03-06").events[0]
    assert _best(first, "injured") == hurt


def test_an_age_after_the_other_counts_no_people(language):
    doc = language("Two men were shot on Elm Street, one fatally. The other, 20, is in fair condition.")
    assert 20 not in [m.count for m in find_counts(doc)]


@pytest.mark.parametrize("text, status", [
    ("Two victims were hospitalized with major injuries after the shooting on Elm Street.", True),
    ("Three people were hospitalized with non-life-threatening injuries after the shooting.", False),
])
def test_the_hurt_told_by_how_badly_are_some(language, text, status):
    found = [m.status for m in find_counts(language(text)) if m.kind in ("shot", "injured")]
    assert found == [status]


@pytest.mark.parametrize("text, hurt", [
    # only those hit by gunfire count: the part of a figure told as hit by gunfire is the figure
    ("A fight outside a Dayton bar left seven people injured, four by gunfire, police said.", 4),
    ("Three people were hurt on Elm Street on Friday - two from gunshots and one from broken glass.", 2),
    ("Five people were injured, three of them with gunshot wounds, police said.", 3),
    # no part told: the figure stands
    ("Four people were injured in the shooting on Elm Street, police said.", 4),
])
def test_the_hurt_by_gunfire_only(language, text, hurt):
    found = [m.count for m in find_counts(language(text)) if m.kind == "injured" and not m.part]
    assert found[0] == hurt


@pytest.mark.parametrize("text, part", [
    ("Police said the fatally wounded man was found on Elm Street.", True),
    ("Police said the wounded man was found on Elm Street.", False),
])
def test_one_told_fatally_hurt_is_no_claim_of_the_hurt(language, text, part):
    found = [m for m in find_counts(language(text)) if m.kind in ("injured", "shot")]
    assert [m.part for m in found] == [part]
