"""Deaths told without a figure, and figures that count no one, in the phrasing of US local crime news.

Every sentence here is the project's own.
"""
from __future__ import annotations

import pytest

from sitrep import nlp
from sitrep.counts import find_counts
from sitrep.numbers import vocab


@pytest.fixture(scope="module")
def language():
    return nlp.load()


def _killed(language, text):
    return sum(m.claim.count for m in find_counts(language(text)) if m.kind == "killed" and not m.part)


@pytest.mark.parametrize(
    "text, dead",
    [
        # kin listed after a comma are more victims, not the first one told again
        ("A farmer shot and killed his wife, son and daughter on Sunday, then killed himself, deputies said.", 4),
        ("Officers said the gunman fatally shot his girlfriend, her mother and her son.", 3),
        ("Dad kills wife, son, then himself\n\nThe family lived on Oak Street.", 3),
        # ... where an apposition with its own article is the same person
        ("A man shot and killed his wife, a nurse, at their home on Friday.", 1),
        ("Police said the victim, his brother, was shot and killed.", 1),
        ("Ana Ruiz, mother of three, was shot and killed outside her home.", 1),
        ("Officers said the man, son of a local pastor, was shot and killed.", 1),
        # two callings of one man, not two men; only kin share a "his"
        ("Grocer shot\n\nA local grocer and father of two, Sam Odum, was shot and killed outside his store.", 1),
        ("Editor shot\n\nAn editor and publisher of a weekly paper was shot dead in his office.", 1),
        # a name told with an age is a person
        ("Shooting on Elm\n\n17-year old Dorian Pell was pronounced dead on the porch.", 1),
        # names listed beside a noun of death
        ("Detectives found the bodies of John Hale, 40, Mary Hale, 38, and Robert Hale, 12, in the house.", 3),
        ("He is charged in the deaths of Dale Moss and Rita Moss.", 2),
        ("Gunmen ambushed Omar Said, Sheikh of the Bani tribe, and killed him in the market.", 1),
        # the killer's own death beside the victim he is told to have killed
        ("The father killed his daughter before killing himself, police said.", 2),
        ("Police: man, 22, shot and killed his baby son, self\n\nThe shooting was on Friday.", 2),
        # headline style without a determiner
        ("Victim killed in Elm Street shooting was a student\n\nThe shooting was on Friday.", 1),
        ("Father arrested after 3-year-old killed in accidental shooting\n\nThe shooting was on Friday.", 1),
        # a life taken
        ("Deer hunting accident claims life of 12-year-old girl\n\nThe girl was with her uncle.", 1),
        ("An accidental shooting took the life of a Tulsa man on Sunday.", 1),
        ("She was sentenced to life in prison for the shooting.", 0),
        # succumbing, and a death told by a verb joined to the shooting
        ("Ms. Park succumbed to her injuries at the hospital on Tuesday.", 1),
        ("A man was shot in the neck on Elm Avenue and was pronounced dead at the scene.", 1),
        ("He suffered a gunshot wound to the chest and later died at the hospital.", 1),
        ("A woman was shot in the arm and is expected to recover.", 0),
        # a verb joined to another with victims of its own tells of them, not of the subject
        ("A teen shot a classmate and then killed herself, the sheriff said.", 1),
        ("A boy shot his cousin to death and wounded his uncle, a deputy said.", 1),
    ],
)
def test_deaths_told_without_a_figure(language, text, dead):
    assert _killed(language, text) == dead


@pytest.mark.parametrize(
    "text",
    [
        "Family grieves after shooting\n\n2:14 Neighbors describe the gunfire Pause\n\n01:45 Body found near river",
        "Girl dies after shooting 3 / 9\n\nA girl was hurt on Monday.",
        "(09/14/16) - Police say a man was found in the road.",
        "Shooting at Elm Park - KTVA 11 Anchorage News",
        "1998 Springfield Homicides Listed",
    ],
)
def test_labels_and_times_count_no_one(language, text):
    assert [m for m in find_counts(language(text)) if m.count > 1] == []


def test_a_charge_of_murder_tells_a_death():
    fatal = vocab().fatal_event
    assert fatal.search("Man charged with murder in shooting at a bar")
    assert fatal.search("Teen pleads guilty to second-degree murder")
    assert not fatal.search("Man charged with attempted murder in shooting at a bar")


def test_counts_of_murder_are_a_fallback_toll(language):
    found = [m for m in find_counts(language("The neighbor faces three counts of first-degree murder.")) if m.kind == "killed"]
    assert [(m.claim.count, m.fallback) for m in found] == [(3, True)]
    tried = "The neighbor faces two counts of attempted murder and one count of assault."
    assert [m for m in find_counts(language(tried)) if m.kind == "killed"] == []


def _best(event, field):
    counts = getattr(event, field)
    return counts.best if counts else None


def test_a_charge_of_murder_is_the_toll_where_none_is_told(extract_doc):
    text = ("Man charged with murder in Dayton bar shooting\n\n"
            "Police arrested a 30-year-old man on Friday in connection with a shooting outside a bar on Main Street.")
    events = [e for e in extract_doc(text, published="2024-03-06").events if e.acled and e.acled.sub_event_type]
    assert any(_best(e, "fatalities") == 1 for e in events)


def test_the_killer_killed_by_police_is_one_more(extract_doc):
    text = ("A gunman killed four people at a warehouse in Dayton on Sunday, police said. "
            "The gunman was shot and killed by officers a few minutes later.")
    first = extract_doc(text, published="2024-03-06").events[0]
    assert _best(first, "fatalities") == 5


def test_counts_of_murder_where_no_toll_is_told(extract_doc):
    text = ("Suspect in Elm Street shooting in court\n\n"
            "A Dayton man appeared in court on Monday for a shooting on Elm Street last month. "
            "He faces two counts of murder and one count of felonious assault.")
    events = [e for e in extract_doc(text, published="2024-03-06").events if e.acled and e.acled.sub_event_type]
    assert any(_best(e, "fatalities") == 2 for e in events)


def test_a_whole_family_listed(extract_doc):
    text = ("Police: man kills wife, son, daughter, then himself\n\n"
            "Deputies said a 45-year-old man shot and killed his wife, son and daughter at their home in "
            "Katy on Monday before killing himself.")
    first = extract_doc(text, published="2024-03-06").events[0]
    assert _best(first, "fatalities") == 4
