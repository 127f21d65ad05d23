"""The hurt told without one plain figure (count_hurt.py), read through the whole pipeline: tables of short
stories in the project's own words and the hurt they tell."""
from __future__ import annotations

import pytest

from sitrep import nlp
from sitrep.counts import find_counts, summarise
from sitrep.tolls import injured

from test_tolls import _cm


@pytest.fixture(scope="module")
def language():
    return nlp.load()


@pytest.mark.parametrize("text, hurt", [
    # a figure of the shot outweighs a victim told by name among the hurt
    ("Two women were shot dead on Pine Road in Akron on Sunday night. Dana Ruiz was injured in the shooting, "
     "police said. Three others were also shot and taken to a hospital in serious condition.", 3),
    # "others" told after one hurt told in an earlier sentence are beyond that one
    ("A 30-year-old man was badly wounded in a shooting on Oak Street in Toledo on Friday night. "
     "Two others were wounded in the gunfire, police said.", 3),
    # not where the dead are told between them: the others are told against the dead
    ("A 30-year-old man was badly wounded in a shooting on Oak Street in Toledo on Friday night. "
     "A woman died at the scene. Two others were wounded in the gunfire, police said.", 2),
    # two hurt told one by one in one sentence by their care
    ("Gunfire broke out at a gas station on Main Street in Peoria on Monday night. Paul Reyes was shot in "
     "the hand. Paul Reyes and Tom Becker were taken to a hospital in Peoria, police said.", 2),
    # a whole group of the hurt is at least that many, where no death is told
    ("Police said shots were fired at a bus stop on Elm Street in Fresno on Friday night and three people "
     "were hurt. The four victims were taken to a hospital with injuries, police said.", 4),
])
def test_the_hurt_told_without_one_plain_figure(first_hurt, text, hurt):
    assert first_hurt(text) == hurt


def test_a_whole_group_is_no_floor_where_a_death_is_told():
    # "Three people were hurt and one died ... the four victims were taken to hospital": the four count the dead
    counts = [_cm("injured", 3, 0, (0, 40), victims="people"),
              _cm("killed", 1, 20, (0, 40)),
              _cm("injured", 4, 50, (41, 100), victims="victims", group=True)]
    assert summarise(injured(counts)).best == 3
    counts = [c for c in counts if c.kind != "killed"]
    assert summarise(injured(counts)).best == 4


def test_hurt_told_one_by_one_in_their_care_are_a_floor():
    # "A man was shot. Ann Lee and Ray Cruz were taken to the hospital." (not "he" told again)
    counts = [_cm("shot", 1, 0, (0, 20), victims="A man", implied=True),
              _cm("injured", 1, 30, (21, 70), victims="Ann Lee", implied=True, status=True),
              _cm("injured", 1, 42, (21, 70), victims="Ray Cruz", implied=True, status=True)]
    assert summarise(injured(counts)).best == 2
    counts[2] = _cm("injured", 1, 42, (21, 70), victims="he", implied=True, status=True)
    assert summarise(injured(counts)).best == 1


@pytest.mark.parametrize("first, dead, others, total", [
    ("A man", False, "others", 3),  # "A man was wounded. Two others were wounded."
    ("The brother", False, "other firefighters", None),  # the others are firefighters, not the brother
    ("A firefighter", False, "other firefighters", 3),
    ("The man", True, "others", None),  # "The man was rushed to a clinic, where he later died. Two others were hurt."
    ("He", False, "others", None),  # "he" may be one of those told before
])
def test_others_go_beyond_one_hurt_told_before(first, dead, others, total):
    from sitrep.count_hurt import others_beside_one
    found = [_cm("injured", 1, 0, (0, 40), victims=first, implied=True),
             _cm("injured", 2, 50, (41, 90), victims=others)]
    if dead:
        found.append(_cm("killed", 1, 30, (0, 40), victims="he", implied=True))
    others_beside_one(found)
    assert found[1].claim.total == total


def test_a_figure_of_the_shot_outweighs_named_hurt_only_as_others():
    # "Dana Ruiz was injured. Three others were also shot." / "... Twelve people were shot in the city overnight."
    counts = [_cm("injured", 1, 0, (0, 30), victims="Dana Ruiz", implied=True),
              _cm("shot", 3, 40, (31, 80), victims="others", also=True)]
    assert summarise(injured(counts)).best == 3
    counts[1] = _cm("shot", 12, 40, (31, 80), victims="people")
    assert summarise(injured(counts)).best == 1


@pytest.mark.parametrize("text, hurt", [
    # one hurt told by a wound, a state or a headline, where no death and no other hurt are told
    ("Teen in serious condition after Elm Street shooting\n\nPolice in Dover are looking for the gunman who "
     "opened fire near a corner store on Tuesday night.", 1),
    ("A 9-year-old is recovering after suffering a gunshot wound at a park in Salem on Saturday, police said.", 1),
    ("A 15-year-old with a bullet wound to the arm walked into a fire station in Tulsa after a shooting on "
     "Friday night.", 1),
    ("Woman shot in Maple Heights\n\nDetectives are asking for help after gunfire on Cedar Road on Sunday.", 1),
    # not where the article tells a death: the one told hurt may be the dead before she died
    ("Teen in serious condition after Elm Street shooting\n\nThe boy died at a hospital in Dover on Wednesday, "
     "police said.", None),
    # not where no one was hurt
    ("Shots were fired at a house on Birch Lane in Lima on Monday. No one was hurt, and a bullet wound up in "
     "a bedroom wall.", 0),
    # "was one of five people shot": the toll of this shooting, less the dead
    ("Ray Ortiz, 33, was one of five people shot outside a club on Main Street in Flint on Sunday. He died "
     "at a hospital on Monday.", 4),
    # "shot in the leg but survived", told of one not met before, is one hurt beside the dead
    ("Two men were found dead in a house on Oak Street in Gary on Friday. Ana Lopez, 30, was shot in the leg "
     "but survived, police said.", 1),
    # a victim ranked among the shot, who count the dead too: one more beside them
    ("A gunman shot three men and killed them all in a bar in Reno on Friday. A fourth victim was shot in "
     "the arm and is expected to survive.", 1),
    # "his father was unhurt" is no zero toll where someone was wounded
    ("A gunman shot and wounded Tim Ross, 20, outside his home in Erie on Monday. His father was unhurt.", 1),
])
def test_the_hurt_missed_when_told_without_a_victim_and_verb(first_hurt, text, hurt):
    assert first_hurt(text) == hurt


@pytest.mark.parametrize("text, figure", [
    ("Lee, 42, was one of four men shot on Friday outside a bar in Macon.", ("shot", 4, False)),
    # a wider total: a span of time told
    ("Lee, 42, was one of five people shot in the city since January 2019.", ("shot", 5, True)),
])
def test_one_of_a_small_figure_is_this_shootings_toll(language, text, figure):
    found = [(m.kind, m.count, m.background) for m in find_counts(language(text)) if m.count > 1]
    assert found == [figure]


@pytest.mark.parametrize("text, also", [
    ("A woman, 24, was also shot but survived.", True),
    ("Ana Lopez was shot in the chest but survived.", True),
    # told again: "the wounded officer", a name met before
    ("Officer Ana Lopez was at the door. Lopez was shot in the chest but survived.", False),
    ("The wounded officer was shot in the chest but is expected to survive.", False),
])
def test_survived_is_one_beyond_the_dead_only_told_first(language, text, also):
    hurt = [m for m in find_counts(language(text)) if m.kind in ("shot", "injured") and m.count == 1]
    assert hurt and hurt[-1].also is also


@pytest.mark.parametrize("text, hurt", [
    # a multiplied shooting beside the dead: those shot, less the dead, are hurt
    ("Woman dead after quadruple shooting in Canton\n\nPolice were called to Pine Road on Friday night.", 3),
    ("Teen killed in triple shooting on Oak Street\n\nThe 16-year-old died at a hospital in Toledo, police said.", 2),
    # as many dead as the multiplier: no one hurt
    ("Man, 2 teens dead in triple shooting in Akron\n\nThe shooting happened on Elm Street on Monday night.", None),
    # a wound told as not fatal, told after the dead and of people told there for the first time
    ("A 5-year-old girl was killed when someone fired into a house on Birch Lane in Flint on Sunday. An uncle "
     "and a 19-year-old cousin, who were in the kitchen, suffered nonfatal gunshot wounds.", 2),
    # "survived but were hit": a passive joined to the verb of the figure's subject
    ("A 15-year-old was shot dead on a porch on Cedar Street in Joliet on Saturday night. The two other boys "
     "survived but were also hit by gunfire, police said.", 2),
    # one hurt told by another age than the dead's is not the dead told again
    ("A 14 year old boy lost his life to gunfire on Lake Street in Elgin on Friday. The 14 year old died at "
     "the scene. The 16 year old was taken to a hospital with a wound to the hand.", 1),
])
def test_the_hurt_missed_beside_the_dead(first_hurt, text, hurt):
    assert first_hurt(text) == hurt


@pytest.mark.parametrize("text, hurt", [
    # one told after the dead with no verb of his own, in care or in a grave state
    ("A 7-year-old girl is dead and her older sister in a hospital after gunfire hit their house on Vine "
     "Street in Waco on Friday.", 1),
    ("One woman dead, another in critical condition after shooting on Ash Avenue\n\nPolice in Macon are "
     "looking for a gray car.", 1),
    # not the dead of a round-up
    ("Five dead and one in critical condition in weekend shootings across Macon\n\nPolice said the "
     "shootings were not linked.", None),
])
def test_one_in_care_told_without_a_verb_after_the_dead(first_hurt, text, hurt):
    assert first_hurt(text) == hurt


@pytest.mark.parametrize("hurt, dead, other", [
    ("The 17-year-old", "a 14-year-old boy", True),
    ("the 17 year old", "The 14 year old", True),
    ("The 14-year-old", "a 14-year-old boy", False),
    ("the boy", "a 14-year-old boy", False),  # no age told: maybe the dead
])
def test_another_age_is_another_victim(hurt, dead, other):
    from sitrep.count_hurt import another_age
    assert another_age(hurt, dead) is other


@pytest.mark.parametrize("text, also", [
    # told after the dead, as not fatal: beyond them
    ("A man was killed on Elm Street. A woman suffered nonfatal wounds in the attack.", True),
    # told before any death: no more than those hit
    ("A woman suffered nonfatal wounds in the attack. A man was killed on Elm Street.", False),
    # one of a figure told with it
    ("A man was killed on Elm Street. Two guards and a clerk were wounded, all with non-life-threatening "
     "injuries.", False),
])
def test_nonfatal_wounds_are_beyond_the_dead(language, text, also):
    hurt = [m for m in find_counts(language(text)) if m.kind in ("shot", "injured") and m.implied]
    assert hurt and hurt[-1].also is also


def test_a_life_threatening_wound_is_no_death(language):
    # the "life" of "non-life threatening" tells a wound's degree, not a life taken
    text = "A man was shot on Elm Street on Friday. Police said he suffered one non-life threatening gun shot."
    assert not [m for m in find_counts(language(text)) if m.kind == "killed"]
