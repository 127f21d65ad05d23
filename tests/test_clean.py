"""Blanking out boilerplate while keeping offsets."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.clean import Cleaned, clean, load_rules, rules_version
from sitrep.errors import DataError

# Lines that are boilerplate, with the reason they are removed for.
REMOVE = [
    ("Download the Hill Gazette app for breaking news and analysis", "promo"),
    ("Get our app", "promo"),
    ("Subscribe now for unlimited access to local news.", "promo"),
    ("Sign up for our morning briefing", "newsletter"),
    ("Subscribe to our daily newsletter for the top stories", "newsletter"),
    ("Get the day's headlines delivered to your inbox.", "newsletter"),
    ("Related: Drone strike hits fuel depot", "related links"),
    ("READ MORE: Talks stall over prisoner swap", "related links"),
    ("See also: Timeline of the conflict", "related links"),
    ("Related Stories", "related links"),
    ("WATCH: Residents describe the night of shelling", "related links"),
    ("Follow us on Twitter", "share buttons"),
    ("Share this article", "share buttons"),
    ("Facebook Twitter WhatsApp Email", "share buttons"),
    ("Copyright 2022 The Hill Gazette. All rights reserved.", "copyright"),
    ("\u00a9 2023 Example Media Group", "copyright"),
    ("Photo: Reuters", "photo credit"),
    ("Ivan Petrov / Reuters", "photo credit"),
    ("Reuters/File photo", "photo credit"),
    ("Tom Reed and Ann Lee from Geneva reported; Sam Hill reported from Rome; and Mia Park from Seoul.", "byline"),
    ("The Associated Press contributed.", "byline"),
    ("Reuters contributed to this report.", "byline"),
    ("Jane Doe contributed reporting from Beirut.", "byline"),
    ("By Jane Doe", "byline"),
    ("By JANE DOE and John Roe, Associated Press", "byline"),
    ("By Ahmed al-Masri | Staff correspondent", "byline"),
    ("Reporting by Jane Doe in Kyiv; Editing by John Roe", "byline"),
    ("(Reporting by Jane Doe; Additional reporting by Sam Hill in Lviv; Editing by Tom Reed)", "byline"),
    ("Contributing: Jane Doe in Kabul", "byline"),
    ("Staff and agencies", "byline"),
    ("Advertisement", "advertisement"),
    ("Editor's note: This story has been updated with new figures.", "editor's note"),
    ("This article was originally published on 3 May.", "editor's note"),
    # a station's own promo, whose days and times are no event's
    ("Tune in to Channel 9 News on Friday at 6 p.m. for the latest on the search.", "promo"),
    ("Stay with KXYZ for more details on this developing story.", "promo"),
    ("Refresh our site and the app, and watch 7 News for late-breaking updates.", "promo"),
    ("This is a developing story. Check back for updates.", "promo"),
    ("Check back later for more on this story.", "promo"),
    ("Don't miss a thing. Get email alerts from Channel 4 today.", "newsletter"),
    ("On a mobile device? Click here for the photos", "promo"),
    ("[Mobile users: tap here for the video]", "promo"),
    (">>Download the Channel 6 News app for your phone", "promo"),
    ("Full text available to premium subscribers only.", "promo"),
    ("Keep up with our reporters on Facebook.", "share buttons"),
    ("Find Channel 8 on Twitter, Facebook and Instagram; send us your tips.", "share buttons"),
    ("RAW VIDEO: Crews clear the scene on Route 3", "related links"),
    ("Winter Storm Watch issued January 5 at 4:10AM EST expiring January 6 at 7:00PM EST in effect for: Kent, Essex",
     "weather alert"),
    # the page's own furniture
    ("Please enable JavaScript to play this clip", "page furniture"),
    ("Scroll down for video", "page furniture"),
    ("Thank you for registering!", "page furniture"),
    ("We use cookies to give you the best experience on our site.", "page furniture"),
    ("By continuing to use this site you agree to our terms.", "page furniture"),
    ("We have sent you a verification email. Please click the link in it.", "page furniture"),
    ("3 Pending Comments", "page furniture"),
    ("2 of 5 premium clicks used this month", "page furniture"),
    ("Read or Share this story: http://example.org/x1y2", "page furniture"),
    ("Report an error or submit a tip to Channel 8", "page furniture"),
    ("Join the conversation on the Channel 2 Facebook page", "share buttons"),
    ("Stay up to date, follow Channel 2 on Twitter", "share buttons"),
    ("Follow example.com: Facebook | Twitter", "share buttons"),
    # headings over lists that the page kept apart
    ("Trending now:", "related links"),
    ("Top trending stories on example.com:", "related links"),
    ("Latest News:", "related links"),
    # the reporter's address
    ("jroe@example.com", "contact"),
    ("(555) 201-3344", "contact"),
    ("@jroe_news", "contact"),
    ("Contact Jane Roe: jroe@example.com or 555-201-3344.", "contact"),
    ("Reach Sam Hill at shill@example.org.", "contact"),
    # a page's time stamp
    ("Posted Jan. 4, 2016 at 9:15 AM", "time stamp"),
    ("Updated: Mar 2, 2017 - 4:40 PM", "time stamp"),
    ("Published: Saturday, 6/11/2016 - Updated: Tuesday, June 14", "time stamp"),
]

# Lines that report, date or attribute events: never removed.
KEEP = [
    "KABUL (Reuters) - Gunmen killed three police officers at a checkpoint on Sunday, officials said.",
    "KABUL (Reuters) -",
    "Police said a man was killed.",
    "Reporting restrictions were imposed after the attack.",
    "Reporting by state media suggested 20 people were killed.",
    "By Tuesday, the death toll had risen to 40.",
    "By then the fighters had withdrawn.",
    "Witnesses reported heavy gunfire near the airport.",
    "Police reported from the scene that two people died.",
    "Explosions reported in Kyiv",
    "Share prices fell sharply after the attack on the refinery.",
    "Photographs, videos and testimonies show soldiers firing on protesters.",
    "A Reuters/Ipsos poll found most people supported the ceasefire.",
    "Police raided the offices of an opposition newsletter on Monday.",
    "Iran contributed troops to the operation, the ministry said.",
    "He told The Associated Press that 12 people had died.",
    "Copyright infringement lawsuits piled up after the raid.",
    "Thousands sign up for army reserves as fighting spreads.",
    "Related fighting broke out in the south, killing five.",
    "Watch the skies, the commander told his troops.",
    "Follow-up strikes hit the same village on Tuesday.",
    "Pictured at the scene were at least 10 bodies, witnesses said.",
    "Rebels said they had downloaded data from the captured drone's app.",
    "Police stayed with the wounded man for more than an hour until medics arrived.",
    "The shooting was posted on social media on Tuesday, police said.",
    "Updated figures show four people were killed and six hurt.",
    "Trending topics on the forum praised the gunman, investigators said.",
    "Officers checked back on the house at 10:15 p.m. and found two bodies.",
    "Up next to the stand was the officer who fired the shots.",
    "More stories of the shooting emerged as witnesses came forward.",
    "A man was shot outside the post office, Latest reports said.",
    "Tune in was the band's last song before the gunfire started.",
    "Contact with the gunman was lost at 555 Elm Street, police said.",
    "Reach of the blast extended 200 yards, officials said.",
    "Police said the source of the gunfire was a car (source: police).",
    "Mobile police said two men were shot on Dauphin Street on Friday.",
    "Officers found him after a warning issued at 3 p.m. went unheeded, police said.",
    "Keep up the pressure, the chief told officers after the shooting on Facebook Live.",
    "Keep up with the investigation, police urged residents on Facebook after two men were shot.",
    "Find the gunman, the mayor wrote on Twitter after three people were killed.",
]


@pytest.mark.parametrize("line, reason", REMOVE)
def test_boilerplate_lines_are_removed(line, reason):
    text = f"Two soldiers were killed on Monday.\n{line}\nThe army said it would respond.\n"
    cleaned = clean(text)
    assert [r.reason for r in cleaned.removed] == [reason]
    assert cleaned.text.split("\n")[1].strip() == ""
    assert "Two soldiers were killed" in cleaned.text and "would respond" in cleaned.text


@pytest.mark.parametrize("line", KEEP)
def test_event_lines_are_kept(line):
    cleaned = clean(line + "\n")
    assert cleaned.removed == []
    assert cleaned.text == line + "\n"


WIRE = (
    "WASHINGTON - Two drones struck a fuel depot outside the port city on Tuesday, "
    "killing four guards, a regional official said.\n\n"
    "Smoke rose over the depot on 14 March.Maria Ostrova / AFP \u2013 Getty Images file\n\n"
    "Download the Valley Courier app for the latest news\n\n"
    "The governor said the attack was the third on the depot this month.\n\n"
    "Tom Reed reported from Kyiv; Ann Lee from Geneva reported.\n\n"
    "The Associated Press contributed.\n"
)


def test_worked_wire_report_keeps_offsets():
    cleaned = clean(WIRE)
    removed = [(WIRE[r.start:r.end], r.reason) for r in cleaned.removed]
    assert removed == [
        ("Maria Ostrova / AFP \u2013 Getty Images file", "photo credit"),
        ("Download the Valley Courier app for the latest news", "promo"),
        ("Tom Reed reported from Kyiv; Ann Lee from Geneva reported.", "byline"),
        ("The Associated Press contributed.", "byline"),
    ]
    assert len(cleaned.text) == len(WIRE)
    assert cleaned.text.count("\n") == WIRE.count("\n")
    start = WIRE.index("Smoke rose")
    assert cleaned.text[start:].startswith("Smoke rose over the depot on 14 March.   ")
    killing = WIRE.index("killing four guards")
    assert cleaned.text[killing:killing + 19] == "killing four guards"


@pytest.mark.parametrize(
    "text, credit",
    [
        ("A man walks past the ruins. REUTERS/Ivan Petrov/File Photo\n", "REUTERS/Ivan Petrov/File Photo"),
        ("Rescuers search the rubble. (Photo by Jane Doe/AFP via Getty Images)\n", "(Photo by Jane Doe/AFP via Getty Images)"),
        ("Troops patrol the square.Jane Doe / Reuters\r\nNext line.\r\n", "Jane Doe / Reuters"),
        ("Two were killed, police said. (Reporting by Jane Doe; Editing by Tom Reed)\n", "(Reporting by Jane Doe; Editing by Tom Reed)"),
    ],
)
def test_inline_credits(text, credit):
    cleaned = clean(text)
    assert [text[r.start:r.end] for r in cleaned.removed] == [credit]


def test_crlf_text_keeps_its_line_breaks():
    text = "Two killed.\r\nBy Jane Doe\r\nMore.\r\n"
    cleaned = clean(text)
    assert cleaned.text == "Two killed.\r\n           \r\nMore.\r\n"


def test_long_lines_are_never_removed_whole():
    line = "Related: " + "word " * 200
    assert clean(line).removed == []


def test_result_type_and_rules_version():
    cleaned = clean("Nothing to remove here.")
    assert isinstance(cleaned, Cleaned) and cleaned.removed == []
    assert rules_version().startswith("boilerplate-")


_PIECES = st.sampled_from(
    [line for line, _ in REMOVE] + KEEP + ["\n", "\r\n", " ", ".", "Jane Doe / AFP", "\u00e9\u00e8", "\t"]
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=12).map("".join)))
def test_cleaning_keeps_length_and_everything_outside_removed_spans(text):
    cleaned = clean(text)
    assert len(cleaned.text) == len(text)
    inside = [False] * len(text)
    last_end = 0
    for span in cleaned.removed:
        assert last_end <= span.start < span.end <= len(text)
        last_end = span.end
        for i in range(span.start, span.end):
            inside[i] = True
    for i, (before, after) in enumerate(zip(text, cleaned.text)):
        if not inside[i] or before in "\r\n":
            assert after == before
        else:
            assert after == " "


def test_bad_rules_files_raise_data_error(tmp_path):
    bad_regex = tmp_path / "bad.yaml"
    bad_regex.write_text("line:\n  - reason: x\n    pattern: '(unclosed'\n", encoding="utf-8")
    undefined = tmp_path / "undefined.yaml"
    undefined.write_text("line:\n  - reason: x\n    pattern: '{NOPE}'\n", encoding="utf-8")
    for path in (bad_regex, undefined, tmp_path / "missing.yaml"):
        with pytest.raises(DataError):
            load_rules(str(path))


def test_custom_rules_file(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text(
        "define:\n  WORD: 'promo'\nline:\n  - reason: custom\n    pattern: '{WORD}[ ]line'\n", encoding="utf-8"
    )
    cleaned = clean("keep\npromo line\n", load_rules(str(path)))
    assert [(r.start, r.end, r.reason) for r in cleaned.removed] == [(5, 15, "custom")]


# A list of other stories' headlines at the foot of a page goes with its heading; the report above it stays.
FOOT = (
    "Two men were shot outside a bar on Elm Street late Friday, police said.\n\n"
    "Both were taken to the county hospital in stable condition.\n\n"
    "Investigators asked anyone with information to call the tip line.\n\n"
    "The bar's owner said the men had left after an argument.\n\n"
    "More stories you may like on Channel 5\n\n"
    "Bridge on Route 9 to close for a month\n\n"
    "3 dead, 2 hurt in highway crash Sunday\n"
)


def test_a_foot_of_page_story_list_goes_with_its_heading():
    cleaned = clean(FOOT)
    assert [r.reason for r in cleaned.removed] == ["related links"]
    assert "3 dead" not in cleaned.text and "Bridge on Route 9" not in cleaned.text
    assert "Two men were shot" in cleaned.text and "after an argument." in cleaned.text
    assert len(cleaned.text) == len(FOOT) and cleaned.text.count("\n") == FOOT.count("\n")


@pytest.mark.parametrize("text", [
    # the heading inside the article (the list itself not kept): only the heading goes
    "Two men were shot on Elm Street.\n\nMore stories:\n\n"
    + "\n".join(f"Police said detail {i} of the case." for i in range(12)),
    # a heading in the first half of the text is no foot of the page
    "More stories:\n\nTwo men were shot on Elm Street, police said, and both survived.\n",
])
def test_a_list_heading_followed_by_the_report_keeps_the_report(text):
    cleaned = clean(text)
    assert "police said" in cleaned.text.lower()
    assert all(text[r.start:r.end].strip().lower().startswith("more stories") for r in cleaned.removed)
    assert all(r.end - r.start <= len("More stories:") for r in cleaned.removed)


@pytest.mark.parametrize("text, gone, kept", [
    # a tweet's signature: the date is the tweet's, the tweet's words stay
    ("Officers are at the scene of a shooting on 5th St. pic.twitter.com/aB3dE9 "
     "\u2014 Sam Ray (@samray_news) May 3, 2016\n",
     "May 3, 2016", "Officers are at the scene of a shooting on 5th St."),
    ("Two people were hurt. \u2014 City Police (@CityPD) June 9, 2015\n", "@CityPD", "Two people were hurt."),
    # a caption's tail
    ("Two men were hurt in the shooting. (Photo Source: Channel 5)\n", "Channel 5",
     "Two men were hurt in the shooting."),
    # a gallery's counter
    ("Image 3 of 12 Officers tape off the street after the shooting.\n", "Image 3 of 12",
     "Officers tape off the street after the shooting."),
    ("Photo: Ann Lee / The Daily Star Image 2 of / 5 Caption Close Image 2 of 5 A car with its window shot out sits "
     "outside the house on Cedar Lane where three people were wounded early on Sunday.\n",
     "Caption Close", "A car with its window shot out sits"),
])
def test_inline_social_and_gallery_debris(text, gone, kept):
    cleaned = clean(text)
    assert gone not in cleaned.text and kept in cleaned.text and len(cleaned.text) == len(text)


def test_a_block_rule_needs_a_heading(tmp_path):
    path = tmp_path / "rules.yaml"
    path.write_text("block:\n  - reason: x\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_rules(str(path))


def test_a_long_run_of_digits_after_a_stamp_word_is_cleaned_quickly():
    # a time stamp's words never split again on backtracking: this took minutes with a nested repeat
    text = "Updated " + "1" * 60 + " and more\n"
    started = time.perf_counter()
    assert clean(text).text == text
    assert time.perf_counter() - started < 2.0
