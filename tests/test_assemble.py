"""One incident, one event (assemble.py): when mentions in an article's sentences tell the same incident, and
when they tell another one."""
from __future__ import annotations

import pytest

from sitrep.record import Event


def violent(doc) -> list[Event]:
    return [e for e in doc.events if e.type == "ASSAULT"]


def told_in(text: str, ev: Event) -> str:
    """The sentences an event is told in."""
    return " ".join(text[s.start:s.end] for s in ev.evidence)


def run(extract_doc, text: str, published: str = "2019-06-10"):
    return extract_doc(text, published=published), text


def test_a_county_holds_the_town_named_in_the_headline(extract_doc):
    doc, text = run(extract_doc, "Deputies hunt gunman who killed two at Holly Hill home\n\n"
                           "Deputies are searching for a man who killed two people Wednesday in Orangeburg County, "
                           "the sheriff said.\n")
    events = violent(doc)
    assert len(events) == 1
    assert events[0].fatalities is not None and events[0].fatalities.best == 2


def test_a_sentence_that_tells_another_shooting_starts_its_own_event(extract_doc):
    doc, text = run(extract_doc, "Two hurt in East Side gunfire\n\n"
                           "Police said a man of 19 took a bullet in the leg on Maple Avenue late Friday.\n\n"
                           "About three hours earlier, a woman was shot in the arm outside a store on Oak Street.\n")
    events = violent(doc)
    assert len(events) >= 2
    oak = [e for e in events if "Oak Street" in told_in(text, e)]
    assert oak and all("Maple Avenue" not in told_in(text, e) for e in oak)


def test_a_killing_told_years_before_stays_its_own_event(extract_doc):
    doc, text = run(extract_doc, "Man killed in Elm Street shooting\n\n"
                           "A 30-year-old man was shot and killed on Elm Street on Saturday night, police said.\n\n"
                           "On April 14, 2001, the suspect fatally shot a store clerk during a robbery in the same "
                           "neighborhood.\n")
    main = next(e for e in doc.events if e.acled and e.acled.sub_event_type)
    assert main.date is not None and main.date.value == "2019-06-08"
    assert any(e.date is not None and e.date.value.startswith("2001") for e in violent(doc))


def test_a_tally_of_separate_shootings_falls_behind_the_shootings(extract_doc):
    doc, text = run(extract_doc, "Five shot in separate incidents across the city\n\n"
                           "Five people were shot in separate incidents across the city over the weekend, police said.\n\n"
                           "On Saturday a man of 22 was shot on Pine Street; he died where he fell.\n\n"
                           "On Sunday, a 17-year-old boy was wounded in a drive-by shooting on Cedar Avenue.\n")
    main = next(e for e in doc.events if e.acled and e.acled.sub_event_type)
    assert "separate incidents" not in told_in(text, main)


def test_the_dead_and_the_wounded_of_one_shooting_are_one_event(extract_doc):
    doc, text = run(extract_doc, "Man killed, two hurt in Elmwood shooting\n\n"
                           "Late Saturday a man, 24, was shot and killed and two other men were wounded "
                           "outside a bar on Main Street in Elmwood, police said.\n\n"
                           "Police have not made any arrests in the shooting.\n")
    events = violent(doc)
    assert len(events) == 1
    assert events[0].fatalities.best == 1 and events[0].injured.best == 2


def test_a_street_corner_named_like_a_town_keeps_one_shooting_one_event(extract_doc):
    doc, text = run(extract_doc, "Woman killed in triple shooting near 33rd & Cleveland\n\n"
                           "KANSAS CITY, Mo. — A woman is dead and two men are hurt after a shooting in Kansas City "
                           "on Friday night.\n\n"
                           "Officers found the three inside a parked pickup truck near the corner, police said.\n")
    main = next(e for e in doc.events if e.acled and e.acled.sub_event_type)
    assert main.fatalities is not None and main.fatalities.best == 1
    assert main.injured is not None and main.injured.best == 2
    assert main.location is not None and "Cleveland" not in main.location.text


def test_a_second_shooting_read_under_another_word_is_another_event(extract_doc):
    doc, text = run(extract_doc, "Man wounded in Kansas City shooting\n\n"
                           "A man was wounded in a shooting in Kansas City late Friday, police said.\n\n"
                           "It was the second quadruple shooting Friday night, as four men were shot near 52nd "
                           "and Prospect.\n")
    far = [e for e in violent(doc) if "Prospect" in told_in(text, e)]
    assert far and all("late Friday" not in told_in(text, e) for e in far)


@pytest.mark.parametrize("text, streets", [
    ("Two men were shot near 21st & Cleveland on Sunday.", {"cleveland"}),
    ("Police were called to Newton and 16th avenues.", {"newton"}),
    ("He was found in the 2100 block of East Richmond Avenue.", {"east", "richmond", "avenue"}),
    ("A man was shot in Cleveland and in Richmond.", set()),
])
def test_streets_told(parse, text, streets):
    from sitrep.assemble import streets_told
    assert {t.lower_ for t in streets_told(parse(text))} == streets


@pytest.mark.parametrize("text, near", [
    ("A man was killed in a shooting in a Denver suburb on Friday.", {"denver"}),
    ("Police in suburban Chicago said two men were shot.", {"chicago"}),
    ("The gunman fled the Atlanta area, police said.", {"atlanta"}),
    ("A man was shot in Denver on Friday.", set()),
])
def test_near_towns(parse, text, near):
    from sitrep import lexicon
    from sitrep.assemble import _near_towns
    assert _near_towns(parse(text), lexicon.load()) == near


def test_a_town_named_beside_a_suburb_keeps_one_shooting_one_event(extract_doc):
    doc, text = run(extract_doc, "1 dead, 4 hurt in bar shooting in Aurora\n\n"
                           "AURORA, Colo. — One man was killed and others were wounded early Saturday in a shooting "
                           "at a bar in a Denver suburb.\n\n"
                           "The owner of the Red Lantern bar in Aurora said the gunman fired from the door.\n")
    main = next(e for e in doc.events if e.acled and e.acled.sub_event_type)
    assert main.fatalities is not None and main.fatalities.best == 1
    assert main.injured is not None and main.injured.best == 4


def test_a_day_read_after_the_report_keeps_no_shooting_apart(extract_doc):
    doc, text = run(extract_doc, "Review of Fort Bliss shooting finds gaps in gun checks\n\n"
                           "FORT BLISS — A review of the 2018 post shooting that left three dead was released on "
                           "Friday.\n\n"
                           "On April 2, a private opened fire on his unit, killing two and wounding 11 before taking "
                           "his own life.\n\n"
                           "In 2009, a gunman killed 13 people and wounded 30 at Fort Hood.\n", published="2019-01-25")
    main = next(e for e in doc.events if e.acled and e.acled.sub_event_type)
    assert main.injured is not None and main.injured.best == 11
    assert main.date is not None and main.date.value == "2018-04-02"


@pytest.mark.parametrize("day, before", [("2015-04-02", "2014-04-02"), ("2020-12-31", "2019-12-31"),
                                         ("2016-02-29", None)])
def test_year_before(day, before):
    from sitrep.assemble import _year_before
    assert _year_before(day) == before
