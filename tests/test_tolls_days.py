"""Another shooting's dead told beside this one (tolls.py): by the date nearest the death, by the last date told
before it, and by the heading of another brief in a round-up."""
from __future__ import annotations

import re

import pytest

from sitrep.counts import CountMention
from sitrep.record import Claim, EventDate, Span, Time
from sitrep.tolls import _brief_heading, on_its_day


def _cm(kind, count, start, sentence, **flags) -> CountMention:
    claim = Claim(count=count, low=count, high=count, evidence=Span(start=start, end=start + 5))
    return CountMention(kind, claim, (start, start + 5), sentence, (start, start + 5), **flags)


def _times(text, days):
    """A resolved day for each word of ``days`` in ``text``."""
    out = []
    for word, value in days.items():
        m = re.search(word, text)
        out.append(Time(start=m.start(), end=m.end(), text=word, value=value, precision="day", resolved=True))
    return out


def _on(value):
    return EventDate(text="Monday", value=value, precision="day", evidence=Span(start=0, end=6))


def _death(text, verb):
    """A death told by ``verb`` in the sentence of ``text`` that holds it."""
    at = text.index(verb)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = text.find(".", at) + 1
    return _cm("killed", 1, at, (start, end), implied=True)


ONE_SENTENCE = [
    # (text, days told, the death's verb, kept?)
    ("Friends met Monday on Elm Street, where a cook was killed Sunday.",
     {"Monday": "2024-03-18", "Sunday": "2024-03-17"}, "killed", False),
    ("A cook was killed Sunday night and a friend was hurt Monday.",
     {"Sunday": "2024-03-17", "Monday": "2024-03-18"}, "killed", False),
    ("A cook shot Monday was killed, and a friend was hurt Sunday.",
     {"Monday": "2024-03-18", "Sunday": "2024-03-17"}, "killed", True),
    ("Police hunt the gunman from Sunday after they found a body on Elm Street Monday.",
     {"Sunday": "2024-03-17", "Monday": "2024-03-18"}, "found", True),
    ("On Sunday a cook was killed, and on Monday friends gathered on Elm Street.",
     {"Sunday": "2024-03-17", "Monday": "2024-03-18"}, "killed", False),
    ("Friends met Monday on Elm Street, where a cook was killed.",
     {"Monday": "2024-03-18"}, "killed", True),
]


@pytest.mark.parametrize("text, days, verb, kept", ONE_SENTENCE)
def test_the_date_nearest_a_death_tells_its_day_beside_the_event_own(text, days, verb, kept):
    counts = [_death(text, verb)]
    assert (on_its_day(counts, _times(text, days), _on("2024-03-18"), text) == counts) is kept


BEFORE = [
    # (text, days told, the death's verb, kept?)
    ("Three were hurt Monday.\n\nTwo cousins were shot on March 2. The older one was killed.",
     {"Monday": "2024-03-18", "March 2": "2024-03-02"}, "killed", False),
    ("Three were hurt Monday.\n\nTwo cousins were shot on March 2.\n\nThey sat on a porch. The older one was killed.",
     {"Monday": "2024-03-18", "March 2": "2024-03-02"}, "killed", False),
    ("Two cousins were shot on March 2.\n\nThree were hurt Monday. The older one was killed.",
     {"March 2": "2024-03-02", "Monday": "2024-03-18"}, "killed", True),
    ("Three were hurt Monday.\n\nTwo cousins were shot Saturday. The older one was killed.",
     {"Monday": "2024-03-18", "Saturday": "2024-03-16"}, "killed", True),
    ("Three were hurt Monday.\n\nTwo cousins were shot on March 2. The older one was killed Monday.",
     {"Monday": "2024-03-18", "March 2": "2024-03-02", "killed Monday": "2024-03-18"}, "was killed", True),
]


def _shot(text):
    """Those told shot in the sentence of "were shot"."""
    at = text.index("were shot")
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    return _cm("shot", 2, at, (start, text.find(".", at) + 1))


@pytest.mark.parametrize("text, days, verb, kept", BEFORE)
def test_a_death_with_no_date_is_of_the_last_day_told_before_it(text, days, verb, kept):
    counts = [_death(text, verb), _shot(text)]
    assert (counts[0] in on_its_day(counts, _times(text, days), _on("2024-03-18"), text)) is kept


def test_a_date_before_with_no_harm_beside_it_tells_no_other_shooting():
    text = "Three were hurt Monday.\n\nThe gunman bought the rifle on March 2. The older one was killed."
    counts = [_death(text, "killed")]
    days = {"Monday": "2024-03-18", "March 2": "2024-03-02"}
    assert on_its_day(counts, _times(text, days), _on("2024-03-18"), text) == counts


def test_without_the_text_only_the_dates_of_its_own_sentence_count():
    text = "Three were hurt Monday.\n\nTwo cousins were shot on March 2. The older one was killed."
    counts = [_death(text, "killed"), _shot(text)]
    days = {"Monday": "2024-03-18", "March 2": "2024-03-02"}
    assert on_its_day(counts, _times(text, days), _on("2024-03-18")) == counts


ROUNDUP = [
    # (article, the shooting's own toll of the dead)
    ("Teen hurt in accidental shooting at home\n\nSubscribe to our newsletter for local news\n\n"
     "A 15-year-old boy was wounded in the hand when a gun went off in a home in Salem on Friday.\n\n"
     "Doctors said the boy died of a heart condition unrelated to the wound.", 1),
    ("Four people were shot outside a bar in Dayton on Friday night, police said.\n\n"
     "All four victims were taken to hospitals with wounds that were not life-threatening.\n\n"
     "Library hours change for summer\n\n"
     "The city library will open an hour later on weekdays from June through August, a spokeswoman said.\n\n"
     "Readers may still return books at the drop box at any hour of the day or night.\n\n"
     "Boy found dead in pond identified\n\n"
     "The body of a 12-year-old boy was pulled from a pond near the fairgrounds on Saturday.", None),
]


@pytest.mark.parametrize("text, dead", ROUNDUP)
def test_a_death_below_another_brief_heading_is_not_the_shooting(extract_doc, text, dead):
    events = extract_doc(text, published="2024-06-08").events
    shooting = next(e for e in events if e.type == "ASSAULT")
    assert (shooting.fatalities.best if shooting.fatalities else None) == dead


MOURNED = [
    # (text, days told, the event's day, kept?)
    ("Shots rang out Monday at a vigil for a cook who was killed Sunday.",
     {"Monday": "2024-03-18", "killed Sunday": "2024-03-17"}, "2024-03-18", False),
    ("The vigil on Tuesday was for a cook who was killed Monday.",
     {"Tuesday": "2024-03-19", "killed Monday": "2024-03-18"}, "2024-03-18", True),
    ("A cook who was killed Sunday loved to sing, his sister said.",
     {"killed Sunday": "2024-03-17"}, "2024-03-18", True),
]


@pytest.mark.parametrize("text, days, on, kept", MOURNED)
def test_one_mourned_at_a_vigil_before_the_event_died_before_it(text, days, on, kept):
    counts = [_death(text, "killed")]
    assert (on_its_day(counts, _times(text, days), _on(on), text) == counts) is kept


HEADINGS = [
    # (text, a heading between the event's last mention and the toll?)
    ("Four shot outside a bar\n\nAll were taken to hospitals.\n\nLibrary hours change for summer\n\n"
     "A boy was found dead in a pond.", True),
    ("Man shoots self at firehouse\n\nWatch the video of the story here\n\nThe man was taken to a hospital.", False),
    ("Four shot outside a bar\n\nAll were taken to hospitals.\n\nMORE:\n\nA boy was found dead in a pond.", False),
    ("Four shot outside a bar\n\nAll were taken to hospitals.\n\nNews | Sports | Weather\n\n"
     "A boy was found dead in a pond.", False),
    ("Four shot outside a bar\n\nAll were taken to hospitals.\n\nA boy was found dead in a pond.", False),
]


@pytest.mark.parametrize("text, heading", HEADINGS)
def test_a_toll_below_another_brief_heading_is_not_the_event(text, heading):
    told = text.index("\n")  # the event's last mention: the headline
    at = text.index("A boy") if "A boy" in text else text.index("The man")
    cm = _cm("killed", 1, at, (at, len(text)), implied=True)
    assert _brief_heading(cm, [told], text) is heading


def test_only_the_earlier_death_goes_from_a_sentence_that_tells_the_event_own_dead_too():
    text = "Police charged a man with killing two people on Friday and the killing of his sister on Thursday."
    days = {"Friday": "2024-03-15", "Thursday": "2024-03-14"}
    two = _cm("killed", 2, text.index("two"), (0, len(text)))
    two = CountMention("killed", two.claim, two.number_span, two.sentence, (text.index("killing"),
                                                                          text.index("killing") + 7))
    sister = CountMention("killed", Claim(count=1, low=1, high=1, evidence=Span(start=61, end=70)), (61, 70),
                          (0, len(text)), (text.index("the killing") + 4, text.index("the killing") + 11), implied=True)
    kept = on_its_day([two, sister], _times(text, days), _on("2024-03-15"), text)
    assert [cm.count for cm in kept] == [2]


FATAL_EVENTS = [
    # (text, does it tell a deadly shooting?)
    ("Officers went to the scene of a fatal shooting on Elm Street.", True),
    ("Officers went to the scene of a non-fatal shooting on Elm Street.", False),
    ("Officers went to the scene of a nonfatal shooting on Elm Street.", False),
    ("It was the second deadly shooting this week.", True),
]


@pytest.mark.parametrize("text, fatal", FATAL_EVENTS)
def test_a_non_fatal_shooting_tells_no_death(text, fatal):
    from sitrep.numbers import vocab
    assert bool(vocab().fatal_event.search(text)) is fatal
