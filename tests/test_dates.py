"""Date expressions: found, resolved against the publication date, and never a hang."""
from __future__ import annotations

import signal

import pytest

from sitrep import nlp
from sitrep.dates import find_times


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def times(text, published, doc=None):
    return {t.text: t.value for t in find_times(text, published, doc)}


def test_weekday_is_the_last_one_before_publication(parse):
    text = "Rebels attacked the town on Monday."
    assert times(text, "2021-02-26", parse(text)) == {"Monday": "2021-02-22"}


def test_absolute_date_needs_no_anchor():
    assert times("The ceasefire began on 3 March 2020.", None) == {"3 March 2020": "2020-03-03"}


def test_yesterday_is_the_day_before_publication(parse):
    text = "Police arrested twelve protesters yesterday."
    assert times(text, "2021-02-26", parse(text)) == {"yesterday": "2021-02-25"}


@pytest.mark.parametrize("text", ["March.", "Talks in March", "Monday."])
def test_an_expression_at_the_root_of_its_sentence_terminates(parse, text):
    # A spaCy token is a new object on each access: walking up heads with `is` never stopped.
    def boom(*_):
        raise TimeoutError(text)

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(10)
    try:
        found = find_times(text, "2021-02-26", parse(text))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert len(found) == 1


def test_an_anaphoric_day_counts_from_the_date_right_after_it(parse):
    text = "Residents cleared debris after a mortar attack in the town the previous night on 9 March."
    found = {t.text: t.value for t in find_times(text, "2021-03-12", parse(text))}
    assert found.get("the previous night") == "2021-03-08", found


def test_a_street_block_number_is_no_year(parse):
    text = "Officers found the car in the 1800 block of Elm Street on Tuesday."
    found = times(text, "2022-05-06", parse(text))
    assert "1800" not in found and found.get("Tuesday") == "2022-05-03"


@pytest.mark.parametrize("text, when", [
    ("Three people are dead and two are hurt after a shooting at a bar on Thursday.", "Thursday"),
    ("A girl is recovering after a shooting at her home on Thursday.", "Thursday"),
    ("A man faces charges in the shooting of his neighbour on Tuesday evening.", "Tuesday evening"),
])
def test_a_past_shooting_on_a_weekday_under_a_present_tense_verb_lies_behind(parse, text, when):
    # The weekday dates the shooting (a noun), not the present-tense state of the verb above it.
    found = times(text, "2022-05-06", parse(text))
    assert found[when] < "2022-05-06", found


def test_a_present_tense_plan_still_looks_ahead(parse):
    text = "The council meets Thursday to discuss the budget."
    assert times(text, "2022-05-06", parse(text)) == {"Thursday": "2022-05-12"}


def test_a_present_tense_telling_verb_reads_its_weekday_as_past(parse):
    # "the office says around 2 p.m. Sunday, deputies were sent": what is said has happened
    text = "The sheriff's office says around 4 p.m. on Sunday, deputies were sent to a farm road."
    found = times(text, "2022-05-09", parse(text))
    assert found["4 p.m. on Sunday"] == "2022-05-08", found


@pytest.mark.parametrize("text, published, value", [
    ("A boy was wounded on Easter Sunday outside a church.", "2016-04-11", "2016-03-27"),
    ("Shots were fired at a park on Easter.", "2019-05-01", "2019-04-21"),
    ("Two teens were hurt in shootings on MLK Day.", "2017-01-17", "2017-01-16"),
    ("A man was killed at a cookout on Memorial Day.", "2015-06-02", "2015-05-25"),
    ("Police said the Father's Day shooting began as an argument.", "2015-06-22", "2015-06-21"),
    ("A store clerk was shot while shopping on Black Friday.", "2016-12-02", "2016-11-25"),
    ("Gunfire broke out after a Labor Day parade.", "2014-09-03", "2014-09-01"),
])
def test_holidays_of_the_us_calendar_resolve_to_their_day(parse, text, published, value):
    found = {t.value for t in find_times(text, published, parse(text))}
    assert value in found, found


@pytest.mark.parametrize("text, month", [
    ("Two men were hurt in a shooting on March Lane late Friday.", None),
    ("A woman was wounded outside a store on May Street.", None),
    ("A woman was wounded outside a store in May.", "2022-05"),
])
def test_a_months_name_before_a_street_word_is_a_street(parse, text, month):
    found = times(text, "2022-06-06", parse(text))
    assert [v for v in found.values() if len(v) == 7] == ([month] if month else []), found
