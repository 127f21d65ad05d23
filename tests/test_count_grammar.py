"""Misreads of the count grammar (count_grammar.py) that would invent or misplace a hurt figure: tables of short
stories in the project's own words, and the dead and hurt sitrep gives them."""
from __future__ import annotations

import pytest

from sitrep import nlp
from sitrep.counts import find_counts
from sitrep.nlp import text_of


@pytest.fixture(scope="module")
def language():
    return nlp.load()


def _hurt_told(language, text):
    doc = language(text)
    return sorted((m.kind, m.count, text_of(doc)[m.number_span[0]:m.number_span[1]]) for m in find_counts(doc)
                  if m.kind in ("injured", "shot"))


@pytest.mark.parametrize("text, dead, hurt", [
    # a figure joined to a death but told in care was hit and lived
    ("A woman was killed and 2 in the hospital after gunfire on Cedar Street in Macon on Tuesday night.", 1, 2),
    # one named in "according to his mother" is no victim beside the one told shot
    ("According to his mother, Leo Park was shot in the leg on Maple Avenue in Toledo on Saturday night.", 0, 1),
])
def test_misreads_that_invent_or_misplace_a_hurt_figure(lead_tolls, text, dead, hurt):
    assert lead_tolls(text) == (dead, hurt)


@pytest.mark.parametrize("text, dead, hurt", [
    # a degree adverb on a verb of harm still tells the toll
    ("A father fatally shot his wife and two daughters in their home on Elm Street in Dayton on Friday.", 3, 0),
    # the victim of a complement without an object of its own is still a victim
    ("A teenager was found shot on Oak Street in Fresno on Monday night and taken to a hospital.", 0, 1),
])
def test_the_rules_leave_plain_tolls(lead_tolls, text, dead, hurt):
    assert lead_tolls(text) == (dead, hurt)


@pytest.mark.parametrize("text, told", [
    # a wound denied by "nor" before its inverted auxiliary hurts no one
    ('A clerk was shot in the hip at a store on Elm Street in Dayton. "The guard was not threatened, nor did he '
     'suffer a serious injury," a detective wrote.', [("shot", 1, "A clerk")]),
    # the subject of "believed to have shot seven people" is the one who shot them, not one more victim
    ("The gunman is believed to have shot seven people before fleeing.", [("shot", 7, "seven")]),
    # "believed to have shot himself": the subject is the one hit
    ("The gunman is believed to have shot himself.", [("shot", 1, "The gunman")]),
    # a degree adverb on a verb that harms no one ("could seriously damage the inquiry") tells no one hurt
    ("The chief said the release of the video could seriously damage the ongoing inquiry.", []),
    # after the verb too: "takes the safety of its guests very seriously"
    ("The club said it takes the safety of its guests very seriously.", []),
    # "shooting up" a place fires on it: no one shot
    ("A man accused of shooting up the county fair was arrested on Monday.", []),
    # on a verb of harm it still tells the victim
    ("The officer seriously wounded the driver.", [("injured", 1, "the driver")]),
    # one named in "according to his father" is no victim beside the one told shot
    ("According to his father, Sam Ortiz was shot by a friend who was cleaning a rifle.", [("shot", 1, "Sam Ortiz")]),
])
def test_the_hurt_a_sentence_tells(language, text, told):
    assert _hurt_told(language, text) == sorted(told)
