"""Where an event is when its own words name no town: datelines, streets, states and counties."""
from __future__ import annotations

import pytest

# Written for these tests.
DATELINED = """Three hurt in shooting on Larkin Street

BUFFALO, N.Y. (Channel 9) – Police are looking for a gunman who opened fire on three men late Sunday
in the 200 block of Larkin Street. All three were taken to a hospital.
"""


def test_a_dateline_in_capitals_is_a_place(extract_doc):
    doc = extract_doc(DATELINED, published="2024-03-04")
    dateline = next(p for p in doc.places if p.text == "BUFFALO")
    assert dateline.name == "Buffalo" and dateline.country == "USA" and dateline.admin1 == "New York"
    assert dateline.precision == 1


def test_a_street_takes_the_point_of_the_town_named_beside_it(extract_doc):
    doc = extract_doc(DATELINED, published="2024-03-04")
    where = doc.events[0].location
    assert where is not None and where.text == "Larkin Street"
    assert where.name == "Buffalo" and where.precision == 2 and where.note
    assert DATELINED[where.evidence.start:where.evidence.end] == where.text


def test_words_that_open_a_line_in_capitals_are_not_all_places(extract_doc):
    doc = extract_doc("UPDATE – Two men were shot dead outside a bar in Dayton, Ohio, on Friday night.",
                      published="2024-03-04")
    assert not any(p.text == "UPDATE" for p in doc.places)


def test_a_state_named_alone_takes_the_town_of_the_dateline(extract_doc):
    text = ("SCRANTON, Pa. (AP) — A man shot and killed two neighbours in northeastern Pennsylvania on "
            "Saturday, state police said.")
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Scranton" and where.precision == 2
    assert where.country == "USA"


def test_an_event_whose_sentences_name_no_place_takes_the_reports_place(extract_doc):
    text = ("DAYTON, Ohio — Police are investigating after a woman was found dead.\n\n"
            "Officers said a man shot her twice on Friday night and fled.")
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Dayton" and where.precision in (1, 2)


@pytest.mark.parametrize("county", ["Jay County", "St. Landry Parish"])
def test_a_county_is_not_mistaken_for_a_town_of_a_similar_name(extract_doc, county):
    doc = extract_doc(f"A deputy was shot and wounded in {county} on Friday, the sheriff said.",
                      published="2024-03-04")
    place = next(p for p in doc.places if p.text == county)
    assert place.name is None or county.split()[0] in place.name


def test_places_inside_names_and_demonyms_are_listed_as_attributes(extract_doc):
    text = ("Clinic reopens. DAYTON, Ohio (AP) — The Ohio Department of Health said Russian doctors "
            "will visit the clinic.")
    doc = extract_doc(text, published="2024-03-04")
    found = {(p.text, p.attributive): p for p in doc.places}
    assert found[("DAYTON", False)].name == "Dayton"  # a dateline after the headline's full stop
    assert found[("Ohio", True)].name == "Ohio"
    assert found[("Russian", True)].country == "RUS"


def test_an_attribute_place_is_never_where_the_event_was(extract_doc):
    doc = extract_doc("Gunmen killed two Russian engineers in Kunduz on Friday.", published="2024-03-04")
    where = doc.events[0].location
    assert where is not None and where.text == "Kunduz"


def test_a_base_named_after_a_town_is_near_that_town(extract_doc):
    doc = extract_doc("Two rockets hit the Kandahar Air Base in Afghanistan on Monday, officials said.",
                      published="2024-03-05")
    where = doc.events[0].location
    assert where is not None and where.text == "Kandahar Air Base" and where.admin1 == "Kandahar"
    assert where.precision == 2 and where.country == "AFG" and where.lat is not None


def test_a_statement_is_not_placed_in_the_town_the_report_is_filed_from(extract_doc):
    doc = extract_doc("KABUL — The foreign minister rejected the proposal on Monday.", published="2024-03-05")
    assert all(e.location is None for e in doc.events if e.acled is None)


def test_a_name_that_is_only_a_kind_word_does_not_break_the_article(extract_doc):
    doc = extract_doc("The Department said two people were shot in the County on Friday.", published="2024-03-04")
    assert doc.error is None


def test_a_persons_surname_told_again_is_no_town(extract_doc):
    text = ("HOMESTEAD, Fla. – A man was shot in the arm outside a convenience store on Friday night. "
            "Deputies later arrested Victor Salas Martinez, 31.\n\n"
            "Martinez told deputies the gun went off by accident.")
    doc = extract_doc(text, published="2024-03-04")
    assert not any(p.text == "Martinez" for p in doc.places)
    where = doc.events[0].location
    assert where is not None and where.name == "Homestead" and where.admin1 == "Florida"


def test_a_surname_led_by_a_locative_stays_a_place(extract_doc):
    text = ("Police chief Laura Martinez said two men were shot at a park in Martinez on Friday.")
    doc = extract_doc(text, published="2024-03-04")
    assert any(p.text == "Martinez" and p.resolved for p in doc.places)


def test_a_bare_name_of_another_states_town_takes_the_datelines_town(extract_doc):
    # "Roosevelt Park" is also a town in Michigan; a New York story's park of that name is in its own town.
    text = "ROCHESTER, N.Y. – A man was shot and wounded near Roosevelt Park on Sunday night, police said."
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Rochester" and where.admin1 == "New York" and where.note
    assert text[where.evidence.start:where.evidence.end] == "Roosevelt Park"


@pytest.mark.parametrize("text, name, admin1", [
    # a town qualified by its own state keeps that state
    ("ROCHESTER, N.Y. – Two people were wounded in a shooting in Dayton, Ohio, on Saturday, police said.",
     "Dayton", "Ohio"),
    # a big city named bare is itself in a story filed from another state
    ("ROCHESTER, N.Y. – A man was shot and killed in Atlanta on Saturday, relatives said.", "Atlanta", "Georgia"),
], ids=["qualified-by-its-state", "big-city-bare"])
def test_a_town_of_another_state_keeps_its_state_where_the_text_says_so(extract_doc, text, name, admin1):
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == name and where.admin1 == admin1


def test_a_title_case_town_before_a_dash_is_a_dateline(extract_doc):
    text = ("Man wounded on east side\n\nDetroit — A man was shot in the leg outside a house on Patton Street "
            "early Friday, police said.")
    doc = extract_doc(text, published="2024-03-04")
    assert any(p.text == "Detroit" and p.admin1 == "Michigan" for p in doc.places)
    where = doc.events[0].location
    assert where is not None and where.name == "Detroit"


def test_a_title_case_word_before_a_dash_that_is_no_town_is_no_dateline(extract_doc):
    doc = extract_doc("Watch — A man was shot in the leg outside a house early Friday, police said.",
                      published="2024-03-04")
    assert not any(p.text == "Watch" for p in doc.places)


def test_a_town_before_its_police_tells_the_story_its_town(extract_doc):
    text = ("Brockton police are looking for a gunman.\n\nA 19-year-old was shot and killed outside an "
            "apartment building late Saturday.")
    doc = extract_doc(text, published="2024-03-04")
    town = next(p for p in doc.places if p.text == "Brockton")
    assert town.attributive and town.admin1 == "Massachusetts"
    where = doc.events[0].location
    assert where is not None and where.name == "Brockton" and where.note


def test_a_surname_after_at_or_before_a_possessive_is_the_person(extract_doc):
    text = ("Deputies said Carl Vance Denton, 40, was shot at a farm near Jonesborough, Tenn., on Friday. "
            "A neighbour fired at Denton after an argument, and officers later searched Denton's truck.")
    doc = extract_doc(text, published="2024-03-04")
    assert not any(p.text == "Denton" for p in doc.places)


def test_a_state_named_alone_takes_the_county_the_report_names_in_it(extract_doc):
    text = ("Hunter wounded\n\nLAMAR COUNTY – A hunter was shot in the leg on Saturday in rural Texas, "
            "deputies said.")
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Lamar County" and where.admin1 == "Texas" and where.precision == 2


def test_a_town_and_its_state_in_a_stations_banner_is_a_place(extract_doc):
    text = "Teen hurt in shooting - KXYZ News 4 - Memphis, Tennessee\n\nA teen was shot and wounded on Friday night."
    doc = extract_doc(text, published="2024-03-04")
    assert any(p.text == "Memphis" and p.admin1 == "Tennessee" for p in doc.places)
    where = doc.events[0].location
    assert where is not None and where.name == "Memphis"


def test_a_town_the_model_calls_a_nationality_before_police_is_a_place(extract_doc):
    doc = extract_doc("Eureka police are investigating a shooting that wounded a man on Friday.",
                      published="2024-03-04")
    town = next(p for p in doc.places if p.text == "Eureka")
    assert town.attributive and town.country == "USA"


def test_a_street_lies_in_the_town_the_report_tells_most_of(extract_doc):
    text = ("Man wounded on Birch Avenue\n\n"
            "A man was wounded on Birch Avenue late Friday, Fairmont police said.\n\n"
            "The Fairmont Police Department asked anyone who saw the shooting to call. "
            "The man was later moved to a hospital in Morgantown.")
    where = extract_doc(text, published="2024-03-04").events[0].location
    # "Fairmont police" twice, Morgantown once: the report's town, though only ever named as a modifier
    assert where is not None and where.name == "Fairmont"


@pytest.mark.parametrize("text, admin1", [
    ("A woman was shot outside a store in Covington on Friday, police told WSB-TV.", "Georgia"),
    ("Police in Lebanon said a boy accidentally shot himself on Friday.\n\nWSMV Channel 4", "Tennessee"),
    # a possessive call sign names the station too
    ("A boy accidentally shot himself in Lebanon on Friday, police told WSMV's Jane Roe.", "Tennessee"),
    # the station named only in a line that cleaning blanks out (its copyright) still names it
    ("Police in Lebanon said a boy accidentally shot himself on Friday.\n\n"
     "Copyright 2024 WSMV. All rights reserved.", "Tennessee"),
], ids=["covington-georgia", "lebanon-tennessee", "possessive", "in-a-blanked-line"])
def test_a_stations_call_sign_picks_the_namesake_in_its_state(extract_doc, text, admin1):
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.country == "USA" and where.admin1 == admin1


def test_a_street_in_a_stations_report_that_names_no_town_lies_in_the_stations_town(extract_doc):
    text = "Man shot on Crenshaw Street\n\nA man was shot on Crenshaw Street early Sunday, police told WKRG."
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Mobile" and where.admin1 == "Alabama" and where.precision == 3
    assert where.note and text[where.evidence.start:where.evidence.end] == where.text


@pytest.mark.parametrize("street", ["the 1500 block of Maryland Drive", "the intersection of Brewton and Lockett streets",
                                    "the 300 block of Oxford"])
def test_a_town_or_state_named_as_a_street_is_no_place_of_its_own(extract_doc, street):
    text = f"Springfield police said a man was shot in {street} on Friday. Springfield police are investigating."
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Springfield" and where.admin1 != "Maryland"


@pytest.mark.parametrize("text, name, admin1", [
    # the outlet a page title names after its dash is not where the event was
    ("Two hurt in shooting at Elm Park - KSLA News 12 Shreveport, Louisiana\n\n"
     "Two men were hurt in a shooting at Elm Park in Monroe late Saturday, police said.", "Monroe", "Louisiana"),
    # no dateline, no state named: Akron, Canton and Dayton lie in Ohio, so the bare "Columbus" is Ohio's
    ("Teen wounded in shooting\n\nA teenager from Akron was shot in Columbus on Sunday night, police said. "
     "He was taken to a hospital in Canton and later moved to Dayton.", "Columbus", "Ohio"),
    # "Berlin" named bare in a Connecticut story is the Connecticut town, not Germany's capital
    ("HARTFORD, Conn. \u2013 A man was shot on Farmington Avenue in Berlin late Friday, police said. "
     "He was taken to a hospital in New Britain.", None, "Connecticut"),
], ids=["outlet-in-title", "home-state-namesake", "home-town-not-abroad"])
def test_a_local_storys_event_stays_in_its_own_state(extract_doc, text, name, admin1):
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.country == "USA" and where.admin1 == admin1
    assert name is None or where.name == name


@pytest.mark.parametrize("text", [
    "Teen shot in Gresham\n\nLate Sunday a 15-year-old took a bullet to the arm in the Gresham neighborhood. "
    "Chicago detectives have no suspect yet.",
    "Two teens hurt in shooting\n\nThe shooting happened in Austin shortly after midnight, police said. The "
    "two teenagers live in Chicago's Austin neighborhood.",
    "Woman shot on the West Side\n\nA woman was shot in West late Saturday while walking home. Chicago "
    "police are investigating.",
], ids=["the-x-neighborhood", "possessive-neighborhood", "a-bare-quarter"])
def test_a_neighbourhood_named_after_a_town_far_away_lies_in_the_reports_town(extract_doc, text):
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Chicago" and where.admin1 == "Illinois"
    assert where.precision == 2 and where.note


@pytest.mark.parametrize("text, admin1", [
    ("Man shot outside a bar\n\nPRESTON, ID - A man was shot outside a bar in Preston late Friday, police said.",
     "Idaho"),
    ("Three hurt in shooting\n\nThree people were hurt in a shooting at a lounge in Birmingham on Friday. "
     "Anyone with information should call police at 205-555-0100.", "Alabama"),
    ("Teen wounded\n\nA 16-year-old was shot and hurt on the 1200 block of Elm Street in Kettering on "
     "Saturday, police said.", "Ohio"),
], ids=["postal-code", "phone-number", "block-of"])
def test_a_bare_town_in_a_us_local_story_is_the_home_namesake_not_one_abroad(extract_doc, text, admin1):
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.country == "USA" and where.admin1 == admin1


def test_a_bare_town_in_a_story_with_no_local_cues_stays_abroad(extract_doc):
    text = "Two men were stabbed in Birmingham on Friday night, West Midlands Police said."
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.country == "GBR"


def test_a_hospitals_town_is_not_where_the_event_was(extract_doc):
    text = ("TULLAHOMA, Tenn. \u2014 A boy was shot in the leg on Friday and is being treated at a "
            "hospital in Nashville, police said.")
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Tullahoma"


@pytest.mark.parametrize("text, name", [
    # a bigger town of the dateline's state named in passing: the story is the dateline town's
    ("NEWNAN, Ga. – A man was shot and killed at a house a few miles outside Atlanta on Saturday, police said.",
     "Newnan"),
    # a city that shares its state's name, read as the city
    ("ONEONTA, N.Y. – A man was shot and wounded in New York on Saturday night, troopers said.", "Oneonta"),
    # a bigger town told as where it happened stays itself
    ("NEWNAN, Ga. – A man was shot and killed in Atlanta on Saturday, police said.", "Atlanta"),
    # a smaller town near the dateline's stays itself: a bureau files the stories of the towns around it
    ("SALEM, Ore. – A woman was shot and wounded in Woodburn on Saturday, police said.", "Woodburn"),
    # so does a county far from the dateline's town
    ("CHARLESTON, W.Va. (AP) – A man was shot dead in Logan County on Sunday, state police said.", "Logan County"),
], ids=["bigger-town-in-passing", "state-named-city", "bigger-town-told", "smaller-town", "far-county"])
def test_a_dateline_town_against_another_town_of_its_state(extract_doc, text, name):
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == name


def test_a_buildings_name_carries_no_town_of_another_state(extract_doc):
    # "St. Mary's" names a Georgia town too; the hospital of a Colorado story is in the story's town
    text = ("Man shot near hospital\n\nCLIFTON, Colo. – A man was shot and wounded outside St. Mary's Hospital on "
            "Friday, the sheriff's office said.")
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.admin1 == "Colorado" and where.name == "Clifton"


def test_two_streets_named_with_a_capital_plural_are_streets(extract_doc):
    # "Tulare" is a town too; "Tulare and Peach Avenues" are two streets of the report's town
    text = ("Man shot in southeast Fresno\n\nA man was shot and killed at a home near Tulare and Peach Avenues on "
            "Sunday night, Fresno police said.")
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Fresno" and where.note


def test_a_parks_town_takes_its_home_namesake(extract_doc):
    # the park's town is "Birmingham", read first as the English city; the station places the report in Alabama
    text = ("3 hurt in shooting at Elmwood Park - WBRC FOX6 News - Birmingham, AL\n\nThree people were wounded in a "
            "shooting at Elmwood Park on Saturday. Birmingham police say the gunman fled in a car.")
    where = extract_doc(text, published="2024-03-04").events[0].location
    assert where is not None and where.name == "Birmingham" and where.admin1 == "Alabama"
