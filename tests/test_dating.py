"""The event's date (dating.py): which of a report's dates tells when its shooting happened.

Each case is a short report written for these tests; the assertion names the one day the
conflict event (the one the scorer reads) must carry.
"""
from __future__ import annotations

import pytest


def event_day(doc):
    return next(e for e in doc.events if e.acled).date


CASES = [
    # the event's own month gives way to a day of that month the report names
    pytest.param("A teenager was wounded by gunfire in September outside a school.\n\n"
                 "Records show the bullet hit him on Sept. 10 near the gym doors.",
                 "2024-02-01", "2023-09-10", id="month-to-its-day"),
    # a day hanging on a follow-up noun is no day of the shooting
    pytest.param("Two men were killed in a shooting at a bar.\n\n"
                 "At a Sunday night news conference, the chief asked witnesses to come forward.\n\n"
                 "The bar was crowded late Saturday, witnesses recalled.",
                 "2023-09-19", "2023-09-16", id="news-conference"),
    # a day on a verb that looks ahead is no day of the shooting
    pytest.param("A boy was shot at his home, and counselors will be on hand at his school Wednesday morning.\n\n"
                 "Deputies said the boy was hurt late Tuesday.",
                 "2023-09-20", "2023-09-19", id="will-be-on-hand"),
    # a day between the mention and a later telling verb is the event's
    pytest.param("A man among the two gunned down in a park Friday night has been identified, "
                 "officials said Saturday.\n\nFlowers were left at the park gate on Sunday.",
                 "2023-09-18", "2023-09-15", id="shot-friday-identified"),
    # a day with a clock time dates the incident before a nearer follow-up day
    pytest.param("A woman was shot and killed at her home.\n\n"
                 "Neighbors planted flowers Monday by her porch.\n\n"
                 "Deputies were called to the house at about 8:30 p.m. Saturday.",
                 "2023-09-19", "2023-09-16", id="clock-time"),
    # an embedded post's signature dates the post
    pytest.param("A man was wounded in a shooting at a bus stop.\n\n"
                 "Shots fired near the stop, one man hurt — A Reporter (@areporter) September 18, 2023\n\n"
                 "Officers said the man was hit late Sunday.",
                 "2023-09-18", "2023-09-17", id="post-signature"),
    # a date alone on a line, with no verb, stamps the page
    pytest.param("Girl hurt in accidental shooting\n\nSeptember 18, 2023 6:40 AM\n\n"
                 "A girl, 9, was hurt when a gun went off in a parked car.\n\n"
                 "Deputies said they were called around 7 p.m. Sunday.",
                 "2023-09-18", "2023-09-17", id="stamp-line"),
    # a count of years back places an older shooting, never the day of this one
    pytest.param("Three years ago a man was shot dead at this corner, and early Friday a teen was wounded here.",
                 "2023-09-16", "2023-09-15", id="years-ago"),
    # the start of a stretch is no day of an event
    pytest.param("Eleven people have been shot across the city since Friday evening.\n\n"
                 "The latest, a woman of 30, was wounded about 2 a.m. Sunday on Pine Avenue.",
                 "2023-09-18", "2023-09-17", id="since-friday"),
    # a day counted from no day the report names ("the night before" a trip) says nothing of the event
    pytest.param("A teen was killed when his rifle went off the night before a family fishing trip over the "
                 "weekend, police said.",
                 "2023-09-18", "2023-09-16", id="unanchored-night-before"),
    # a filing or an autopsy dates the follow-up, not the shooting
    pytest.param("Prosecutors on Wednesday filed a manslaughter charge in the shooting death of a boy.\n\n"
                 "The complaint says a rifle went off last Friday inside a home on Oak Road.",
                 "2023-09-20", "2023-09-15", id="filed-wednesday"),
    pytest.param("Deputies said an autopsy conducted Tuesday on the girl shot at a ranch ruled out a second gun.\n\n"
                 "They were called to the ranch at 7:10 a.m. Saturday after the rifle went off.",
                 "2023-09-19", "2023-09-16", id="autopsy-tuesday"),
    # finding a victim dates the incident, beside the day it was told
    pytest.param("Woman found shot dead in her car\n\nOn Thursday, the sheriff's office said deputies found "
                 "the body of Ana Ruiz, 41, on Wednesday night.",
                 "2023-09-21", "2023-09-20", id="found-wednesday-night"),
    # a report leading with fresh news recalls an earlier shooting by its calendar day further down
    pytest.param("Boy hurt by stray bullet\n\nA 12-year-old boy was hurt at his home, and neighbors say they woke "
                 "to gunfire at about 9:45 p.m. Sunday.\n\nOn Aug. 20, a girl, 4, accidentally shot herself with "
                 "a gun she found in a closet two doors down.",
                 "2023-09-18", "2023-09-17", id="earlier-shooting-recalled"),
    # a follow-up whose fresh days are all told days returns to the calendar day it spells out
    pytest.param("Two men were charged Monday in the shooting death of a teenager.\n\n"
                 "Court papers say the teen was with friends in a parking lot on Aug. 12 when a car pulled up.",
                 "2023-09-19", "2023-08-12", id="older-calendar-day"),
    # a month with no day of it named gives way to the fresh day near the shooting's lines
    pytest.param("A woman was shot in March outside the store she managed.\n\n"
                 "Police said it happened about 9 p.m. Saturday, when she walked to her car.",
                 "2023-10-16", "2023-10-14", id="month-without-its-day"),
    # a date on an incident told as another one is that incident's, not the event's
    pytest.param("Police identify suspect in Oct. 14 shooting\n\n"
                 "Detectives say a man is responsible for the Oct. 14 shooting death of a 19-year-old.\n\n"
                 "He was arrested on Oct. 14 in connection with an unrelated Oct. 11 incident, police said.",
                 "2023-10-16", "2023-10-14", id="unrelated-incident"),
    # the date in the clause of an incident the event came after is that incident's
    pytest.param("A man was wounded in a shooting outside a corner store.\n\n"
                 "The shooting came after a teenager was wounded on a porch on Elm Street on Tuesday night.\n\n"
                 "Officers were called to the store at about 2 a.m. Saturday.",
                 "2023-10-16", "2023-10-14", id="came-after"),
    # a told day followed by a count of days before it dates the event that many days earlier
    pytest.param("A woman was arrested Friday on a weapons charge, two days after she shot a neighbor in a dispute "
                 "over a fence.", "2023-10-16", "2023-10-11", id="days-after-counted-back"),
    pytest.param("Deputies took a man into custody on Saturday — a day after he shot a clerk at a gas station, "
                 "they said.", "2023-10-16", "2023-10-13", id="a-day-after-dash"),
    # "the day after the shooting" counts from the event: the day it names is not the event's, and the day it stands
    # beside ("on Wednesday, the day after") lies one before
    pytest.param("A hunter was hurt in a shooting at a range north of town, deputies said Monday.\n\n"
                 "The range reopened on Wednesday, the day after the shooting.",
                 "2023-10-19", "2023-10-17", id="the-day-after-the-shooting"),
    # a date closing the telling verb's phrase about the event is the event's, not the telling's
    pytest.param("A murder charge was filed in the shooting death of a bus driver on Saturday afternoon.\n\n"
                 "\"He was a gentle man,\" a neighbor said Sunday.", "2023-10-16", "2023-10-14",
                 id="filed-in-the-death-on-saturday"),
    pytest.param("Deputies are investigating the shooting of a teenage girl Thursday, a spokeswoman said Friday.",
                 "2023-10-21", "2023-10-19", id="investigating-shooting-thursday"),
    # ... but not the charge a verb takes "with": "charged with murder Friday" dates the charge
    pytest.param("A woman was charged with murder Friday after shooting her husband at their home, police said.\n\n"
                 "Officers were called to the home at about 9 p.m. Thursday.", "2023-10-21", "2023-10-19",
                 id="charged-with-murder-friday"),
    # a day word inside an embedded post counts from the post's own date, not from publication
    pytest.param("Two men shot near a bus depot\n\n"
                 "Chief: the two shootings this morning near the depot are linked. — A Reporter (@areporter) "
                 "October 3, 2023\n\nBoth men are expected to live, police said.", "2023-10-04", "2023-10-03",
                 id="day-word-in-a-post"),
    # "from Friday night through Sunday" opens a stretch: its first day is no day of an event
    pytest.param("Nine people were shot across the city from Friday night through Sunday.\n\n"
                 "The latest, a man of 22, was wounded on Elm Street, police said.", "2023-10-16", "2023-10-15",
                 id="from-friday-through-sunday"),
    # a date right before the event's noun names the event, whatever telling verb governs the phrase
    pytest.param("Jury selection started Tuesday in the trial of a man charged with murder for the March 4, 2022, "
                 "shooting at a car wash.", "2023-05-10", "2022-03-04", id="date-naming-the-shooting"),
    pytest.param("A man was sentenced Monday for Saturday's fatal shooting at a gas station, and deputies said "
                 "Tuesday the case is closed.", "2023-10-18", "2023-10-14", id="saturdays-fatal-shooting"),
    # a shooting at a New Year's Eve party falls in the small hours of New Year's Day
    pytest.param("Two men were shot and wounded at a New Year's Eve party in a rented hall, police said.",
                 "2023-01-02", "2023-01-01", id="new-years-eve-party"),
    # ... but not with an evening hour, nor a shooting of the eve that names no party
    pytest.param("A girl was shot and hurt at about 8 p.m. at a New Year's Eve party at her aunt's home.",
                 "2023-01-02", "2022-12-31", id="new-years-eve-party-evening"),
    pytest.param("A boy shot himself with his father's pistol on New Year's Eve, deputies said.",
                 "2023-01-02", "2022-12-31", id="new-years-eve-no-party"),
    # a date on a line of a page's video list is another story's
    pytest.param("Teen wounded in shooting on Birch Street\n\n2:05 Mayor speaks at Tuesday's fatal shooting vigil Pause\n\n"
                 "1:40 Firefighters rescue a dog from a frozen pond\n\nA teen was shot and wounded on Birch Street "
                 "around 9 p.m. Friday, police said.", "2023-10-23", "2023-10-20", id="video-list-line"),
]


@pytest.mark.parametrize("text, published, expected", CASES)
def test_the_event_takes_the_day_its_own_words_give(extract_doc, text, published, expected):
    when = event_day(extract_doc(text, published=published))
    assert when is not None and when.value == expected, when


def test_a_calendar_day_older_than_a_year_is_history_not_the_event(extract_doc):
    text = ("Two men were charged Monday in the shooting death of a teenager.\n\n"
            "The store where it happened first opened on Aug. 12, 2001.")
    when = event_day(extract_doc(text, published="2023-09-19"))
    assert when is not None and when.value != "2001-08-12", when


@pytest.mark.parametrize("text, published", [
    ("A teenager was wounded by gunfire in September outside a school.\n\n"
     "Records show the bullet hit him on Sept. 10 near the gym doors.", "2024-02-01"),
    ("Two men were charged Monday in the shooting death of a teenager.\n\n"
     "Court papers say the teen was with friends in a parking lot on Aug. 12 when a car pulled up.", "2023-09-19"),
], ids=["month", "older-calendar-day"])
def test_a_day_taken_from_elsewhere_in_the_report_says_so(extract_doc, text, published):
    when = event_day(extract_doc(text, published=published))
    assert when is not None and when.note
    assert text[when.evidence.start:when.evidence.end] == when.text


def test_a_day_in_the_events_own_sentence_carries_no_note(extract_doc):
    when = event_day(extract_doc("A man was shot and wounded outside a bakery on Tuesday.", published="2023-09-20"))
    assert when is not None and when.value == "2023-09-19" and when.note is None


@pytest.mark.parametrize("text, told", [
    ("RENO, Nev. -- UPDATE July 9, 2 p.m.: A woman was found shot in a car.", True),
    ("Officers searching the garage found a rifle under a tarp on June 9.", True),
    ("Police said the gun was found on Tuesday.", True),
    ("Deputies found a man shot dead in a ditch on June 9.", False),
    ("The body of a woman was found on Tuesday night.", False),
])
def test_finding_a_weapon_is_a_follow_up_and_finding_a_victim_is_not(text, told):
    from sitrep import nlp
    from sitrep.dates import find_times
    from sitrep.dating import _told_date

    doc = nlp.load()(text)
    (when,) = find_times(text, "2023-07-20", doc)
    assert _told_date(doc, when) is told


def test_one_list_of_marks_of_another_incident_serves_dating_and_assembly():
    """The words that mark an event noun as another incident ("an earlier shooting", "a second homicide") are one
    list in events.yaml, read by assemble.py and dating.py alike; the date vocabulary keeps none of its own."""
    from importlib import resources

    import yaml

    from sitrep import lexicon
    from sitrep.dates import vocabulary

    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/dates.yaml").read_text("utf-8"))
    assert "other_incident_marks" not in raw and not hasattr(vocabulary(), "other_incident_marks")
    marks = lexicon.load().word_set("other_incident_marks")
    assert {"earlier", "previous", "prior", "second", "other", "unrelated"} <= marks


@pytest.mark.parametrize("text, published, expected", [
    # a date naming an older shooting in a report of a fresh one with its own day stays history
    ("The store had sold the rifle used in the March 3, 2011, shooting spree at the mall, where a guard was "
     "shot late Wednesday afternoon, deputies said Thursday.",
     "2014-04-03", "2014-04-02"),
])
def test_a_date_naming_an_older_shooting_gives_way_to_a_fresh_day(extract_doc, text, published, expected):
    when = event_day(extract_doc(text, published=published))
    assert when is not None and when.value == expected, when


@pytest.mark.parametrize("line, clip", [
    ("2:05 Mayor speaks at Tuesday's vigil Pause", True),
    ("07:36 Lawyers argue for bond in Friday's shooting case", True),
    ("10:30 p.m. Saturday: officers found a man shot on Elm Street.", False),
    ("10:30 PM Saturday, officers found a man shot on Elm Street.", False),
])
def test_a_video_list_line_is_told_from_a_clock_time(line, clip):
    from sitrep.dating import CLIP_LINE

    assert bool(CLIP_LINE.match(line)) is clip



def _mention(doc, word, acled=("Violence against civilians", "Attack")):
    """A stand-in for an event mention on the first token ``word`` of ``doc`` (what dating.py reads of one)."""
    from types import SimpleNamespace

    tok = next(t for t in doc if t.lower_ == word)
    return SimpleNamespace(head=tok, start=tok.idx, end=tok.idx + len(tok), text=tok.text, sent=tok.sent,
                           background=False, weak=False, category=SimpleNamespace(acled=acled))


def test_a_date_closing_the_phrase_of_a_shooting_death_is_the_event_s():
    """"arrested Monday ... in connection with the shooting death of a boy ... on March 18": the parse takes
    "shooting" for a verb on "death", and the date closing that phrase is the event's, not the arrest's."""
    from sitrep import nlp
    from sitrep.dates import find_times
    from sitrep.dating import _told_date

    text = ("Officers say he was booked Monday into the city lockup on a warrant tied to the shooting death of "
            "15 year-old Sam Reed at a home in east Lowell on March 18.")
    doc = nlp.load()(text)
    shooting = _mention(doc, "shooting", ("Battles", "Armed clash"))
    assert shooting.head.tag_ == "VBG"  # the reading the rule is for
    told = {t.text: _told_date(doc, t, shooting) for t in find_times(text, "2023-04-20", doc)}
    assert told == {"Monday": True, "March 18": False}


def test_an_older_day_naming_a_shooting_yields_to_the_fresh_one_even_where_the_parse_links_it():
    """A date right before an event noun ("the July 5 shooting") names an older event in a report whose event has
    a fresh day of its own, also where the parse hangs the date on that noun."""
    from datetime import date
    from types import SimpleNamespace

    from sitrep import nlp
    from sitrep.dates import find_times
    from sitrep.dating import event_date

    text = ("Marchers filled the streets for days after the July 5 shooting of a driver by a trooper. "
            "Three officers were killed near a car wash Sunday, police said.")
    doc = nlp.load()(text)
    mentions = [_mention(doc, "shooting"), _mention(doc, "killed")]
    cluster = SimpleNamespace(lead=mentions[0], mentions=mentions)
    when = event_date(cluster, find_times(text, "2023-07-17", doc), date(2023, 7, 17))
    assert when is not None and when.value == "2023-07-16", when


@pytest.mark.parametrize("text, told", [
    ("The boy's grandmother declined comment Monday.", True),
    ("New details emerged Tuesday in a police report.", True),
    ("A man was shot in the leg on Monday.", False),
])
def test_declining_comment_and_emerging_details_are_follow_ups(text, told):
    from sitrep import nlp
    from sitrep.dates import find_times
    from sitrep.dating import _told_date

    doc = nlp.load()(text)
    (when,) = find_times(text, "2023-07-20", doc)
    assert _told_date(doc, when) is told


@pytest.mark.parametrize("text, rough", [
    ("The couple had moved into the house about two weeks ago.", True),
    ("The shooting happened nearly three weeks earlier.", True),
    ("The couple had moved into the house two weeks ago.", False),
])
def test_a_rough_count_of_weeks_gives_no_day(text, rough):
    from sitrep import nlp
    from sitrep.dates import find_times
    from sitrep.dating import _rough

    doc = nlp.load()(text)
    (when,) = find_times(text, "2023-07-20", doc)
    assert when.precision == "day" and _rough(doc, when) is rough


def test_a_fresh_day_told_with_its_hour_outranks_an_older_calendar_day_recalled_after_it(extract_doc):
    text = ("A teenager was shot dead in a house on Birch Street, the second killing in the neighborhood this year. "
            "Officers reached the house at 6:20 p.m. Friday and found him in the kitchen.\n\n"
            "A man was shot and killed two blocks away on Sept. 6, 2015, police said.")
    when = event_day(extract_doc(text, published="2016-03-21"))
    assert when is not None and when.value == "2016-03-18", when


@pytest.mark.parametrize("text, published, expected", [
    # a year before publication is an older event's time: the fresh report's event takes the publication day
    ("Gunfire wounds two at home of relatives of boy fatally shot in 2014\n\nTwo women were wounded when someone "
     "fired into a house on Elm Street, police said.", "2016-05-03", ("2016-05-03", "day")),
    # the week of publication gives no day either
    ("Teen killed in city's third fatal drive-by shooting this week\n\nA 16-year-old girl was shot and killed as "
     "she sat on a porch, police said.", "2016-09-02", ("2016-09-02", "day")),
    # the publication's own year stays what the report says
    ("Police say a woman was shot in the arm in 2016, the year the bar opened.", "2016-09-02", ("2016", "year")),
], ids=["older-year", "this-week", "same-year"])
def test_a_year_gone_by_or_the_week_of_publication_gives_no_day_of_fresh_news(extract_doc, text, published, expected):
    when = event_day(extract_doc(text, published=published))
    assert when is not None and (when.value, when.precision) == expected, when
    if expected[1] == "day":
        assert when.note and "publication day" in when.note
