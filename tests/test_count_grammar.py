"""Misreads of the count grammar (count_grammar.py) that would invent or misplace a hurt figure: tables of short
stories in the project's own words, and the dead and hurt sitrep gives them."""
from __future__ import annotations

import pytest


def _lead(extract_doc, text):
    doc = extract_doc(text, published="2024-05-06")
    return next((e for e in doc.events if e.acled and e.acled.sub_event_type), None)


def _toll(ev, kind):
    told = getattr(ev, kind) if ev is not None else None
    return told.best if told is not None else 0


@pytest.mark.parametrize("text, dead, hurt", [
    # a wound denied by "nor" before its inverted auxiliary hurts no one
    ("A man was shot dead by his neighbor on Elm Street in Dayton on Friday night. \"The neighbor was not "
     "threatened, nor did he suffer any injury,\" a detective wrote.", 1, 0),
    # the subject of "believed to have shot seven people" is the one who shot them, not one more victim
    ("Seven people were shot on Oak Street in Fresno on Monday, police said, and five of them died. The gunman "
     "is believed to have shot seven people before fleeing.", 5, 2),
    # a degree adverb on a verb that harms no one ("may seriously damage the case") tells no one hurt
    ("A man was shot in the arm on Birch Lane in Akron on Friday night. The chief said the release of the video "
     "could seriously damage the ongoing inquiry.", 0, 1),
    # a figure joined to a death but told in care was hit and lived
    ("A woman was killed and 2 in the hospital after gunfire on Cedar Street in Macon on Tuesday night.", 1, 2),
    # one named in "according to his mother" is no victim beside the one told shot
    ("According to his mother, Leo Park was shot in the leg on Maple Avenue in Toledo on Saturday night.", 0, 1),
])
def test_misreads_that_invent_or_misplace_a_hurt_figure(extract_doc, text, dead, hurt):
    ev = _lead(extract_doc, text)
    assert (_toll(ev, "fatalities"), _toll(ev, "injured")) == (dead, hurt)


@pytest.mark.parametrize("text, dead, hurt", [
    # a degree adverb on a verb of harm still tells the toll
    ("A father fatally shot his wife and two daughters in their home on Elm Street in Dayton on Friday.", 3, 0),
    # the victim of a complement without an object of its own is still a victim
    ("A teenager was found shot on Oak Street in Fresno on Monday night and taken to a hospital.", 0, 1),
])
def test_the_rules_leave_plain_tolls(extract_doc, text, dead, hurt):
    ev = _lead(extract_doc, text)
    assert (_toll(ev, "fatalities"), _toll(ev, "injured")) == (dead, hurt)
