"""The hurt told in parts beside the one victim or figure read first (count_hurt_parts.py), read through the whole
pipeline: tables of short stories in the project's own words and the hurt they tell."""
from __future__ import annotations

import pytest

from sitrep import count_hurt_parts as parts


@pytest.mark.parametrize("text, hurt", [
    # people joined to one victim with no article of their own, of another sex or generation
    ("Gunfire on Birch Lane\n\nPolice in Dayton said a father and son were wounded on Birch Lane on Friday "
     "night. Nobody has been arrested.", 2),
    ("Gunfire on Birch Lane\n\nPolice in Dayton said a man, woman and child were rushed to a hospital after "
     "shots were fired into a car on Birch Lane on Friday night.", 3),
    # two words for one man stay one victim
    ("Gunfire on Birch Lane\n\nPolice in Dayton said a father and husband was wounded on Birch Lane on Friday "
     "night. Nobody has been arrested.", 1),
    # the one who did it, told by "both ... and" beside a victim sent to hospital
    ("Boy hurt in Reno\n\nA 14-year-old boy faces charges after a shooting in Reno on Monday that sent both "
     "himself and a 9-year-old cousin to the hospital. The cousin was treated at a hospital in Reno.", 2),
    # the shooter told by name, hurt beyond the two he wounded, where no death of his is told
    ("Deputies hurt in Elko\n\nA gunman wounded two deputies outside a motel in Elko on Sunday, police said. "
     "Police said Varner fired at the deputies from a truck and wounded them both. In the exchange of fire, "
     "Varner was shot in the arm and taken into custody.", 3),
    # a figure of the hurt told by their state, joined to "he"
    ("Shots in Macon\n\nA boy was wounded in a shooting on Pine Street in Macon on Friday night. He and two "
     "other people are in fair condition, police said.", 3),
    # a figure of people who came to a hospital with wounds, "others" beyond one hurt told before
    ("Teen shot in Tulsa\n\nA 17-year-old was shot in the leg outside a store in Tulsa on Saturday night. "
     "Later, two others showed up at a hospital with gunshot wounds, police said.", 3),
    # the one who did it told just before his wound, with no one else between
    ("Clerk shot in Erie\n\nA clerk was shot during a robbery at a store on Oak Street in Erie on Monday. "
     "Officers later found a suspect, with a gunshot wound to the hand, behind the store.", 2),
    # a title-case headline read again in plain case: 3 shot less the one dead
    ("3 Shot, 1 Dead In Elm Park Shooting\n\nGunfire broke out at Elm Park in Flint on Sunday night, police "
     "said. One man died at the scene.", 2),
    # two people told "also shot" with no "were" and no object, beyond the dead
    ("Bank shooting in Ogden\n\nTwo guards were shot and killed at a bank in Ogden on Friday. Another guard and "
     "a woman also shot and are in a hospital, police said.", 2),
    # not two who fired at something
    ("Bank shooting in Ogden\n\nA guard was shot and wounded at a bank in Ogden on Friday. The robber and a "
     "woman also shot at the police car before they fled, police said.", 1),
    # a figure of the hurt as large as the shot told first: the dead told are none of them
    ("4 Shot In Akron Park\n\nFour people were injured in a shooting at Elm Park in Akron on Saturday night, "
     "police said. The park was the site of a fatal shooting in which one man died.", 4),
])
def test_the_hurt_told_in_parts(first_hurt, text, hurt):
    assert first_hurt(text) == hurt


@pytest.mark.parametrize("first, second, other", [
    ("mother", "daughter", True),
    ("man", "woman", True),
    ("woman", "child", True),
    ("father", "son", True),
    ("father", "husband", False),
    ("mother", "wife", False),
    ("teacher", "coach", False),
])
def test_two_words_that_cannot_name_one_person(first, second, other):
    assert parts.other_person(first, second) is other
