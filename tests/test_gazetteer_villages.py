"""India's villages from the post office list: names, and resolution in sentences written for these tests."""
from __future__ import annotations

import pytest

from sitrep import gazetteer_villages, places


@pytest.mark.parametrize("office, name", [
    ("Harkhauli B.O", "Harkhauli"), ("Ganga Garh BO", "Ganga Garh"), ("Tarn Taran HO", "Tarn Taran"),
    ("Mankapur Bazar SO", None), ("High Court S.O", None), ("Sector 21 S.O", None), ("PATLUKA BO", "Patluka"),
])
def test_an_office_name_gives_its_village(office, name):
    assert gazetteer_villages.village_name(office) == name


def test_a_village_of_the_post_office_list_is_in_the_gazetteer(gaz):
    found = [e for e in gaz.candidates("Harkhauli") if e.country == "IND"]
    assert found and found[0].kind == "city" and found[0].population == 0 and found[0].admin1 == "Bihar"


def test_a_village_with_a_kind_word_resolves_in_india(parse, gaz):
    ps = {p.text: p for p in places.find_places(parse("Residents blocked a road at Harkhauli village on Monday "
                                                     "to protest a power cut."), gaz=gaz)}
    village = next(p for t, p in ps.items() if t.startswith("Harkhauli"))
    assert village.iso3 == "IND" and village.precision == 1


def test_a_village_is_not_chosen_for_an_article_about_another_country(parse, gaz):
    ps = {p.text: p for p in places.find_places(parse("Police in Ohio said a man was shot in Harkhauli on "
                                                     "Tuesday."), gaz=gaz)}
    assert ps["Harkhauli"].iso3 != "IND"


def test_a_village_is_no_namesake_abroad_of_the_articles_other_places(parse, gaz):
    # Harkhauli is an Indian village; the article's other place is a Bangladeshi town, and no country is named.
    ps = {p.text: p for p in places.find_places(parse("Two men were hurt in a clash at Harkhauli village under "
                                                     "Kalihati upazila in Tangail on Friday."), gaz=gaz)}
    village = next(p for t, p in ps.items() if t.startswith("Harkhauli"))
    assert ps["Tangail"].iso3 == "BGD" and village.iso3 != "IND"
