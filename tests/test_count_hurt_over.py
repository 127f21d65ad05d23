"""Over-counts of the hurt (count_hurt_over.py): tables of short stories in the project's own words, and the
figures the passes weigh."""
from __future__ import annotations

import pytest

from sitrep import count_hurt_over as over
from sitrep.counts import summarise
from sitrep.tolls import injured

from test_tolls import _cm


@pytest.mark.parametrize("text, hurt", [
    # victims told as "also" hit after a figure that leaves room for them are some of that figure's victims
    ("Five people were shot, one fatally, at a party on Birch Lane in Akron on Saturday night, police said. "
     "A 20-year-old woman and a 31-year-old man were also struck and are in stable condition.", 4),
    # one hurt by a fall, not a bullet, is not of the shot where the shot are told apart
    ("Seven people were hurt in a shooting at a bus stop on Pine Street in Fresno on Sunday. Six people were "
     "shot and a 9-year-old boy was injured when he fell while running away, police said.", 6),
    # "others" told beside the dead count the hurt beyond them, though the headline's shot count the dead too
    ("Three shot, 1 dead on Ash Street in Reno\n\nA 40-year-old man died and three others were hurt by gunfire "
     "on Ash Street in Reno on Friday night, police said.", 3),
])
def test_the_hurt_not_counted_twice(lead_tolls, text, hurt):
    assert lead_tolls(text)[1] == hurt


def test_a_round_up_total_is_not_the_toll_of_the_shooting_told(lead_tolls):
    text = ("Two people were killed and 14 others were wounded in weekend shootings across the city, police said. "
            "On Saturday night a 25-year-old cook was hit in one knee on Elm Street in Dayton. He was taken to a "
            "hospital in stable condition.")
    assert lead_tolls(text)[1] != 14


@pytest.mark.parametrize("sentence, summed", [
    ("Three people were killed and 22 others wounded in weekend shootings.", True),
    ("Four people were hurt in 3 shootings in Denver on Tuesday.", True),
    ("Six people were wounded in shootings across the city on Monday.", True),
    ("Eleven people were shot in a 48-hour span in Toledo.", True),
    ("Two men were wounded in separate incidents on the East Side.", True),
    ("Nine people were wounded by gunfire citywide over the weekend.", True),
    ("Five people were shot at a party on Oak Street on Saturday.", False),
    ("Police are still looking for the gunman in the shootings.", False),
    ("1 dead, 3 wounded in Stockton shootings", False),
    ("The man died two days later at a hospital.", False),
    ("Two officers were wounded during a three-hour standoff.", False),
    ("Nine people were shot in Akron Friday and Saturday.", True),
    ("Two separate Lake County hunting accidents left two hurt.", True),
    ("Four people were shot during a violent holiday weekend.", True),
])
def test_round_up_sentences(sentence, summed):
    assert over.roundup_sentence(sentence) is summed


def test_a_round_up_figure_is_background():
    # "3 dead, 11 wounded in Monday shootings\n\nA man was shot on Elm St."
    text = "3 dead, 11 wounded in Monday shootings\n\nA man was shot on Elm St."
    body = text.index("A man")
    counts = [_cm("killed", 3, 0, (0, body - 2), background=True),  # counts.yaml's roundup, before this pass
              _cm("injured", 11, 8, (0, body - 2)),
              _cm("shot", 1, body, (body, len(text)), victims="A man", implied=True)]
    over.roundup_totals(counts, text)
    assert [c.background for c in counts] == [True, True, False]
    assert summarise(injured(counts)).best == 1


@pytest.mark.parametrize("also, best", [
    (2, 4),  # "six were shot, two fatally ... two women were also struck": two of the four hurt
    (5, 9),  # five more than the four hurt leave no room: told beyond them
])
def test_victims_told_also_among_a_figure(also, best):
    counts = [_cm("shot", 6, 0, (0, 40), victims="people"),
              _cm("killed", 2, 20, (0, 40))]
    counts += [_cm("shot", 1, 50 + 10 * n, (45, 150), victims=f"a woman {n}", implied=True, also=True)
               for n in range(also)]
    over.also_among_figure(counts)
    assert summarise(injured(counts)).best == best


def test_one_hurt_by_glass_is_not_of_the_shot():
    text = "Five people were hurt. Four were shot and one was cut by flying glass."
    counts = [_cm("injured", 5, 0, (0, 22), victims="people"),
              _cm("shot", 4, 23, (23, len(text)))]
    over.not_by_gunfire(counts, text)
    assert counts[0].part and not counts[1].part
    assert summarise(injured(counts)).best == 4
    # without the glass the five stay the toll
    counts = [_cm("injured", 5, 0, (0, 22), victims="people"), _cm("shot", 4, 23, (23, len(text)))]
    over.not_by_gunfire(counts, text.replace("cut by flying glass", "grazed"))
    assert not counts[0].part


@pytest.mark.parametrize("text, figure, age", [
    ("Three other victims, ages 22, 27, and 45, were wounded.", "45", True),
    ("Two victims, who range in age from 19 to 33, were wounded.", "33", True),
    ("A girl, age 5, and 3 adults were wounded.", "3", False),  # one age, then a figure
])
def test_a_list_of_ages_counts_no_one(text, figure, age):
    at = text.index(figure, 12)
    counts = [_cm("injured", int(figure), at, (0, len(text)))]
    over.ages_not_hurt(counts, text)
    assert counts[0].part is age


def test_a_figure_broken_down_counts_no_one_more():
    # "Five people, two men and three women, were wounded."
    counts = [_cm("injured", 5, 0, (0, 60), victims="people"),
              _cm("injured", 2, 14, (0, 60), victims="men"),
              _cm("injured", 3, 27, (0, 60), victims="women")]
    over.breakdown_parts(counts)
    assert [c.part for c in counts] == [False, True, True]
    assert summarise(injured(counts)).best == 5



@pytest.mark.parametrize("text, hurt", [
    # "a single shot" counts a shot, not a person hurt
    ("Neighbors on Elm Street in Tulsa heard a single shot from the house on Sunday night, police said.", 0),
    ("A woman fatally shot her brother at their house on Elm Street in Tulsa, then took her own life with a single "
     "shot, police said.", 0),
    # one told hit by a single bullet is still one hurt
    ("The clerk was struck by a single bullet in the chest during the robbery on Oak Street in Macon.", 1),
])
def test_a_single_shot_is_no_one_hurt(text, hurt):
    from sitrep.counts import find_counts
    from sitrep.nlp import load

    found = find_counts(load()(text))
    assert sum(m.count for m in found if m.kind in ("injured", "shot") and not m.part) == hurt
