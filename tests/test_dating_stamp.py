"""A page's first-posted stamp (dating_stamp.py): where a page says it was posted on one day and updated on a later
one, and the record's publication day is later than the posted day, the story's relative days are read from the
posted day. Each text is written for these tests."""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.dating_stamp import posted_day


@pytest.mark.parametrize("text, published, expected", [
    # the record took the update's day: read from the posted day
    ("Two hurt in shooting Posted: Sunday, April 7, 2019 9:14 AM EDT Updated: Friday, April 19, 2019 3:02 PM EDT\n\n"
     "Two men were shot early Sunday.", "2019-04-19", date(2019, 4, 7)),
    ("Posted: May 3, 2020 Updated: May 12, 2020\n\nA woman was wounded this afternoon.", "2020-05-13",
     date(2020, 5, 3)),
    # the record's day is the posted one: nothing to change
    ("Posted: Sunday, April 7, 2019 9:14 AM EDT Updated: Friday, April 19, 2019\n\nA man was shot early Sunday.",
     "2019-04-07", None),
    # a lone stamp, or one of a video clip, says nothing of a first post
    ("Updated: Friday, April 19, 2019\n\nA man was shot early Sunday.", "2019-04-20", None),
    ("A man was shot early Sunday. (Published Saturday, April 6, 2019)", "2019-04-08", None),
    # stamps out of order are no such pair
    ("Posted: Friday, April 19, 2019 Updated: Sunday, April 7, 2019\n\nA man was shot.", "2019-04-20", None),
    # no publication day to correct
    ("Posted: May 3, 2020 Updated: May 12, 2020\n\nA woman was wounded.", None, None),
], ids=["update-taken", "no-weekday", "posted-is-published", "lone-update", "video-caption", "out-of-order",
        "no-published"])
def test_the_posted_day_of_a_page_stamped_posted_then_updated(text, published, expected):
    assert posted_day(text, date.fromisoformat(published) if published else None) == expected


def test_a_stamp_pair_deep_in_the_page_is_another_story_s():
    story = "A man was shot early Sunday on Oak Street, police said. " * 40
    text = story + "\n\nPosted: May 3, 2020 Updated: May 12, 2020 Another story"
    assert posted_day(text, date(2020, 5, 13)) is None


def test_a_report_s_relative_days_are_read_from_its_posted_day(extract_doc):
    text = ("Three shot outside a skating rink Posted: Sunday, April 7, 2019 9:14 AM EDT Updated: Friday, "
            "April 19, 2019 3:02 PM EDT\n\nThree teenagers were shot and wounded outside a skating rink early "
            "Sunday, police said.")
    doc = extract_doc(text, published="2019-04-19")
    when = next(e for e in doc.events if e.acled).date
    assert when is not None and when.value == "2019-04-07", when
