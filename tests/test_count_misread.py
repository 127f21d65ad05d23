"""Figures misread as victims (count_misread.py): tables of short stories in the project's own words, with the dead
and the hurt of the lead event, and the passes on their own."""
from __future__ import annotations

import pytest

from sitrep import count_misread as misread


@pytest.mark.parametrize("text, tolls", [
    # the outlet and the town in a page title's tail are not more of the dead
    ("Arrest made in death of Ohio teen - WXYZ, Dayton, OH- Springfield\n\nA 19-year-old man was charged on "
     "Monday in the killing of a 16-year-old boy gunned down outside a diner on Elm Street in Dayton.", (1, 0)),
    # nor the town after the road of a headline's verb
    ("Rider accidentally shoots driver on Route 30, Maple Hollow\n\nA cab driver was shot in the arm by a "
     "passenger on Route 30 on Sunday night, troopers said. He was treated and released.", (0, 1)),
    # a gun told by its caliber is no figure of the hurt
    ("Boy shot by his brother in a parked car\n\nA 6-year-old boy found a 357 and shot his 4-year-old brother "
     "in the arm while their father was in a store in Macon, police said. The younger boy is in stable "
     "condition.", (0, 1)),
    # nor a group told as the subject of a clause about the gun
    ("A teen is recovering after a friend accidentally shot him with a rifle the two found in a barn near "
     "Ocala, deputies said. He was shot in the hip and is expected to recover.", (0, 1)),
])
def test_figures_misread_are_no_victims(lead_tolls, text, tolls):
    assert lead_tolls(text) == tolls


def test_a_road_typed_with_a_one_is_no_figure(parse):
    from sitrep.counts import find_counts

    text = ("A man mowing grass along 1-75 was hospitalized on Tuesday and listed in stable condition after a "
            "stray bullet struck him in the calf, deputies said.")
    hurt = [m for m in find_counts(parse(text)) if m.kind in ("injured", "shot")]
    assert hurt and all(m.count == 1 and text[m.number_span[0]:m.number_span[1]] != "1-75" for m in hurt)


@pytest.mark.parametrize("text, tolls", [
    # "another" told against the one who did it: the one shot is the one who died, not one more
    ("A Tulsa man is accused of shooting another man in the chest during an argument on Friday, police said. "
     "Ray Dunn, 44, died at a hospital and the suspect faces a murder charge.", (1, 0)),
    # a degree is no one hurt
    ("Police said a 30-year-old man was shot and killed on Oak Street in Flint on Monday. \"We are hurting so "
     "much,\" said his sister.", (1, 0)),
    # nor a building hit, nor those who shot
    ("A 16-year-old was found dead after someone shot an apartment building on Pine Road in Mesa late Monday, "
     "police said.", (1, 0)),
    ("Two deputies who shot and killed a man on a ranch near Lamar last week are back at work, the sheriff "
     "said.", (1, 0)),
])
def test_no_victim_beyond_the_dead(lead_tolls, text, tolls):
    assert lead_tolls(text) == tolls


@pytest.mark.parametrize("text, tolls", [
    # a town's name after a victim and a comma, with no place's preposition, stays a victim of its own
    ("Gunman kills Ann Lee, Bob Ray\n\nTwo people were shot dead in a home on Birch Street in Casper on "
     "Sunday, police said.", (2, 0)),
])
def test_victims_that_stay(lead_tolls, text, tolls):
    assert lead_tolls(text) == tolls


@pytest.mark.parametrize("text, also", [
    # "another" told against the one who did it: no victim beyond others
    ("A Tulsa man is accused of shooting another man in the chest on Friday.", False),
    # told after a victim of the same sentence: one more
    ("A gunman hit one man in the leg and then wounded another man in the arm.", True),
    # told against no one of the same kind: one more
    ("A Tulsa woman is accused of shooting another man in the chest on Friday.", True),
])
def test_another_than_the_one_who_did_it(parse, text, also):
    from sitrep.counts import find_counts

    another = [m for m in find_counts(parse(text)) if (m.claim.victims or "").startswith("another")]
    assert another and another[0].also is also


@pytest.mark.parametrize("victims, gone", [
    ("Upper Falls", True),
    ("North Bend", True),
    ("a teen", False),
    ("his brother", False),
])
def test_a_name_alone_after_a_place(victims, gone):
    assert bool(misread._data()["place_name"].fullmatch(victims)) is gone


@pytest.mark.parametrize("before, gun", [
    ("managed to find a ", True),
    ("fired a .", True),
    ("shot ", False),
    ("at least ", False),
])
def test_a_caliber_told_as_a_gun(before, gun):
    assert bool(misread._data()["gun_before"].search(before)) is gun


@pytest.mark.parametrize("text, vague", [
    ("\"I think like four people got hit,\" a neighbor said.", True),
    ("Police said four people were hit by gunfire.", False),
])
def test_a_guessed_figure_is_vague(parse, text, vague):
    from sitrep.counts import find_counts

    hurt = [m for m in find_counts(parse(text)) if m.kind in ("injured", "shot") and m.count == 4]
    assert hurt and hurt[0].vague is vague


@pytest.mark.parametrize("text, kept", [
    # "who" in a clause of its own after the victims: they were hit, not the shooters
    ("Five Dayton victims mum on who shot them", True),
    # "who" right after the figure's noun: those who shot
    ("Two deputies who shot a man on a ranch near Lamar are back at work", False),
])
def test_those_who_shot(parse, text, kept):
    from sitrep.counts import find_counts

    figures = [m for m in find_counts(parse(text)) if m.kind in ("injured", "shot") and not m.implied]
    assert bool(figures) is kept
