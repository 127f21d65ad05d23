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
