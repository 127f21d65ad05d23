"""The dead of local crime stories: how a death told by rank, by a list, by a pair or in a murder-suicide counts."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from sitrep import nlp
from sitrep.count_grammar import _dangling_object
from sitrep.counts import find_counts


@pytest.fixture(scope="module")
def language():
    return nlp.load()


def _killed(event):
    return event.fatalities.best if event.fatalities else None


def _kinds(doc, kinds=("killed", "injured", "shot")):
    return [(m.kind, m.count) for m in find_counts(doc) if m.kind in kinds]


@pytest.mark.parametrize("text, killed", [
    # a death told by its rank is that many dead, the headline's too, which drops the article
    ("Third man dies after Elm Street shooting\n\nA third man has died after a shooting on Elm Street in Dayton "
     "on Monday, police said.", 3),
    ("4th victim of Dayton bar shooting dies\n\nA man shot at a Dayton bar last week died on Sunday, the "
     "coroner said.", 4),
    # the rank counts the hurt told before it too
    ("Two men were wounded on Elm Street in Dayton on Monday and a third man was killed, police said.", 1),
])
def test_a_death_told_by_its_rank(extract_doc, text, killed):
    assert _killed(extract_doc(text, published="2024-03-06").events[0]) == killed


@pytest.mark.parametrize("text, expected", [
    # in a headline's list the word before the comma tells what befell the figure, not the noun after it
    ("3 wounded, gunman dead after shooting at Dayton bar", [("injured", 3), ("killed", 1)]),
    ("Two injured, suspect killed in Dayton shooting", [("injured", 2), ("killed", 1)]),
    # an age glued to the name is no figure
    ("Police said Ana Ruiz,20, of Dayton died at the scene.", [("killed", 1)]),
    # shots fired are not the dead that "them" counts
    ("The gunman fired as many as 15 shots at the two guards, killing them.", [("killed", 2)]),
])
def test_figures_of_the_dead_and_the_hurt(language, text, expected):
    assert _kinds(language(text)) == expected


@pytest.mark.parametrize("text, killed", [
    # a suicide told in a relative clause on a victim is that victim's death told again
    ("Man on trial in death of nephew who killed himself with a rifle", 1),
    # the killer's own death told last in the list of his victims is one more
    ("Police: Dayton man kills woman, her son, himself", 2),  # the woman and him; the parse misses the son
    # one victim told without a figure: the parse tells the list itself
    ("Dayton man kills infant, self\n\nPolice said the father and the baby were both dead when officers came.", 2),
    ("Sheriff: Dayton father fatally shot his 2 sons, then himself", 3),
    # not a reflexive of another verb
    ("Police said the man killed a clerk and hid himself in a closet.", 1),
])
def test_a_killer_own_death(extract_doc, text, killed):
    assert _killed(extract_doc(text, published="2024-03-06").events[0]) == killed


def test_another_on_a_victim_noun_sets_the_victim_apart(language):
    # "another teen" is the one the teen shot, not one more dead
    doc = language("A 15-year-old was arrested on Friday in the shooting death of another teen.")
    dead = [m for m in find_counts(doc) if m.kind == "killed"]
    assert [(m.count, m.also) for m in dead] == [(1, False)]


def test_the_body_of_another_victim_is_one_more(language):
    doc = language("Police found the body of a man on Monday. Later they found the body of another man.")
    assert [m.also for m in find_counts(doc) if m.kind == "killed"] == [False, True]


def test_a_name_after_a_dangling_of_is_not_a_victim(language):
    # "The nephew of Ana Ruiz was shot", parsed with "of" left without its object and two subjects
    words = ["The", "nephew", "of", "Ana", "Ruiz", "was", "shot"]
    doc = Doc(language.vocab, words=words, heads=[1, 6, 1, 4, 6, 6, 6],
              deps=["det", "nsubjpass", "prep", "compound", "nsubjpass", "auxpass", "ROOT"],
              pos=["DET", "NOUN", "ADP", "PROPN", "PROPN", "AUX", "VERB"])
    assert [_dangling_object(doc[i]) for i in (1, 4)] == [False, True]


def test_a_name_after_a_date_is_a_victim(language):
    # "On 20 October Ana Ruiz was killed": "on" is told of the verb, not left without its object
    words = ["On", "20", "October", "Ana", "Ruiz", "was", "killed"]
    doc = Doc(language.vocab, words=words, heads=[6, 2, 4, 4, 6, 6, 6],
              deps=["prep", "nummod", "compound", "compound", "nsubjpass", "auxpass", "ROOT"],
              pos=["ADP", "NUM", "PROPN", "PROPN", "PROPN", "AUX", "VERB"])
    assert _dangling_object(doc[4]) is False


@pytest.mark.parametrize("text, killed", [
    # the dead told with no killer's verb in a murder-suicide count the killer
    ("2 adults, 1 child dead in Dayton murder-suicide\n\nPolice said a man shot his wife and son before turning "
     "the gun on himself on Sunday.", 3),
    # a pair told by one noun is two
    ("Parents, 2 children dead in Dayton murder-suicide\n\nPolice said a man shot his wife and two children "
     "before killing himself on Sunday.", 4),
    ("A couple and their two young children were found shot to death in their Dayton home on Sunday.", 4),
])
def test_the_dead_of_a_family(extract_doc, text, killed):
    assert _killed(extract_doc(text, published="2024-03-06").events[0]) == killed


def test_a_couple_of_is_a_figure(language):
    assert _kinds(language("Police said a couple of men were shot on Elm Street.")) == [("shot", 2)]


@pytest.mark.parametrize("text, background", [
    # a round-up's dead sum several shootings: none of them this event's toll
    ("Three people were killed and 12 wounded in weekend shootings across Dayton, police said.", True),
    ("Two men died in separate shootings on Friday night.", True),
    # one shooting with several victims is no round-up
    ("Two men were killed in the shootings at the Elm Street bar, police said.", False),
])
def test_the_dead_of_a_round_up_are_background(language, text, background):
    dead = [m for m in find_counts(language(text)) if m.kind == "killed"]
    assert dead and all(m.background is background for m in dead)


@pytest.mark.parametrize("text, expected", [
    # "another" killed beside one hurt is the first of the dead
    ("Police said the gunman wounded one boy and killed another on Elm Street.", [("injured", 1), ("killed", 1)]),
    # a state road is no figure
    ("Ana Ruiz was killed in front of her home on Arkansas 35 on Friday, deputies said.", [("killed", 1)]),
])
def test_more_figures_of_the_dead(language, text, expected):
    assert _kinds(language(text)) == expected


def test_a_pair_found_dead_in_a_murder_suicide_counts_the_killer(extract_doc):
    text = ("Girl hurt in Dayton murder-suicide\n\nA 6-year-old girl was wounded on Sunday. Police found her parents "
            "dead in a bedroom. The father had shot the girl and her mother before killing himself.")
    assert _killed(extract_doc(text, published="2024-03-06").events[0]) == 2


@pytest.mark.parametrize("text, killed", [
    # the one who shot others, told dead by the same noun, is one more dead
    ("A jail inmate wrestled a gun from a guard on Monday, killing two bailiffs at the Dayton courthouse. The "
     "sheriff said the inmate was killed by other officers.", 3),
    # one suspect told dead with a figure is the killer, beyond the dead he shot
    ("Two officers were killed in Dayton on Monday. A spokeswoman said one suspect is dead.", 3),
])
def test_the_killer_killed_is_one_more(extract_doc, text, killed):
    assert _killed(extract_doc(text, published="2024-03-06").events[0]) == killed


def test_a_noun_that_told_a_victim_tells_no_killer(language):
    doc = language("A man shot another man on Elm Street in Dayton. The man was killed, police said.")
    assert not any(m.perpetrator for m in find_counts(doc))


def test_a_title_case_headline_is_read_in_plain_case(extract_doc):
    text = ("Gunman Fatally Shoots 3 Clerks, Self in Dayton: Police\n\nA gunman opened fire inside a store in Dayton "
            "on Monday, police said.")
    assert _killed(extract_doc(text, published="2024-03-06").events[0]) == 4
