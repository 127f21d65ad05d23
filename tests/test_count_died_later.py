"""The hurt who died (count_died_later.py): tables of short stories in the project's own words, and the hurt
the passes leave."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, hurt", [
    # one told hurt, then "he later died": the one who died, not one hurt beside him
    ("A 17-year-old boy was found with a gunshot wound in a parked car on Elm Street in Dayton on Friday night, "
     "police said. Medics tried to save him, but he later died.", 0),
    # the hurt told as the subject of the death
    ("Police in Tulsa are looking for the gunman.\n\nA cook wounded in a shooting at a diner on Oak Street in "
     "Tulsa died Tuesday, police said.", 0),
    # a state told in the past perfect beside a death: a state that ended
    ("Police said a man shot on Cedar Street in Macon on Tuesday died on Friday. Tom Ruiz, 40, had been in "
     "critical condition since the shooting.", 0),
])
def test_the_hurt_who_died_are_not_hurt(lead_tolls, text, hurt):
    assert lead_tolls(text)[1] == hurt


@pytest.mark.parametrize("text, hurt", [
    # another victim told hurt: not the one who died
    ("A man was shot and another man was wounded on Elm Street in Dayton on Friday night, police said. "
     "He later died at a hospital.", 1),
    # a woman hurt, "he" died: two victims
    ("A woman was shot in the leg on Birch Lane in Akron on Saturday, police said. Her husband was also hit. "
     "He later died.", 1),
    # told with figures: the figures weigh the dead and the hurt
    ("Two men were shot on Ash Street in Reno on Friday night, police said. One of them later died.", 1),
    # critical, no death told: the hurt stay
    ("A man was shot on Maple Avenue in Omaha on Monday, police said. He had been in critical condition "
     "since Monday and is now stable.", 1),
])
def test_the_hurt_who_lived_stay(lead_tolls, text, hurt):
    assert lead_tolls(text)[1] == hurt


def test_the_subject_of_a_death_read_as_hurt_is_one_dead(lead_tolls):
    # the parse reads "a man shot ... died" as one who shot, then died: the one shot is the one dead
    assert lead_tolls("Police said a man shot on Cedar Street in Macon on Tuesday died on Friday.") == (1, 0)


@pytest.mark.parametrize("text, hurt", [
    # the one told hurt died after, told by name: no one hurt
    ("A clerk was found with a gunshot wound at a store on Main Street in Joliet on Monday. Ray Diaz was taken "
     "to a hospital, where he later died.", 0),
    # a second victim told hurt stays hurt
    ("A clerk was found with a gunshot wound at a store on Main Street in Joliet on Monday. A second victim was "
     "wounded in the arm. The clerk was taken to a hospital and later died.", 1),
])
def test_the_hurt_mentions_left(text, hurt):
    from sitrep.counts import find_counts
    from sitrep.nlp import load

    found = find_counts(load()(text))
    assert sum(m.count for m in found if m.kind in ("injured", "shot") and not m.part) == hurt


@pytest.mark.parametrize("text, dead, hurt", [
    # a figure of the hurt whose "including" names one who died counts those hit, the dead among them
    ("Gunfire broke out outside a bar on Elm Street in Dayton on Friday night. Four people were wounded, "
     "including a 20-year-old man who died at the scene.", 1, 3),
    # the one included told dead elsewhere by name
    ("Shots rang out at a cookout on Pine Road in Tulsa on Sunday night. Joe Vance, 31, died at a hospital on "
     "Monday. Six people, including Vance, were hurt in the gunfire.", 1, 5),
    # one included who lived: the figure stays the hurt
    ("Shots rang out at a cookout on Pine Road in Tulsa on Sunday night. Six people, including a boy who is "
     "in stable condition, were hurt in the gunfire.", 0, 6),
])
def test_the_dead_among_an_including_of_the_hurt(lead_tolls, text, dead, hurt):
    assert lead_tolls(text) == (dead, hurt)


@pytest.mark.parametrize("text, tolls", [
    # one of the dead told again by his last name among those hit: not one hurt
    ("A man was charged on Friday in the killing of Ray Cruz at a home on Elm Street in Tulsa. Gunfire struck "
     "Cruz and three others, who were treated at a hospital, police said.", (1, 3)),
    # one hurt who shares no name with the dead stays hurt
    ("A man was charged on Friday in the killing of Ray Cruz at a home on Elm Street in Tulsa. Gunfire also "
     "struck Lee, who was treated at a hospital, police said.", (1, 1)),
])
def test_one_hurt_named_as_one_of_the_dead(lead_tolls, text, tolls):
    assert lead_tolls(text) == tolls
