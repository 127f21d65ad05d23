"""The whole pipeline on short articles: the Document it gives, its order, dates, ids and drops."""
from __future__ import annotations

import time

import pytest

import sitrep
from sitrep.errors import EmptyInput, UsageError
from sitrep.pipeline import Pipeline, pipeline_id
from sitrep.read import article_from_text
from sitrep.record import Document, Event

# Written for these tests. The lede reports an airstrike; a promo, a "Related:"
# link and a byline sit among the paragraphs.
ARTICLE = """Air strike kills four at fuel depot

An airstrike hit a fuel depot in the northern town of Sarban on Thursday, killing four guards and wounding seven, the local governor said.

Download the Valley Courier app for breaking news

The government accused rebel commanders of hiding weapons near the depot. The rebels denied the claim.

Related: Police arrest 30 protesters in the capital

On Wednesday, about 200 people protested in the capital against rising fuel prices.

By Maria Keller and Tom Brandt
"""

FILLER = ("The town lies on a river plain and is known for its orchards and a large weekly market. "
          "A new bridge across the river opened last year. Farmers there grow apricots and walnuts. ")
# The lede is a protest; a deadlier airstrike comes only after two paragraphs.
PROTEST_LEDE = (
    "About 200 people protested peacefully in the capital on Wednesday against rising fuel prices, organisers said."
    f"\n\n{FILLER}\n\n{FILLER}\n\n"
    "In a separate incident, an airstrike hit a fuel depot in the town of Sarban on Thursday, killing four guards.\n"
)

FRENCH = ("Des hommes armés ont attaqué un poste de police dans le nord du pays jeudi, tuant deux agents, "
          "selon les autorités locales qui ont ouvert une enquête.")


@pytest.fixture(scope="module")
def doc(extract_doc) -> Document:
    return extract_doc(ARTICLE, published="2021-02-26", id="art-1", title="Air strike kills four",
                       url="https://courier.example/a1", outlet="Valley Courier")


def sub_event(ev: Event) -> str | None:
    return ev.acled.sub_event_type if ev.acled else None


def test_document_fields(doc, pipeline):
    assert doc.id == "art-1"
    assert doc.article_id == article_from_text(ARTICLE).hash
    assert doc.article_id.startswith("sha256:")
    assert (doc.title, doc.url, doc.published) == ("Air strike kills four", "https://courier.example/a1",
                                                  "2021-02-26")
    assert doc.language == "en"
    assert doc.error is None
    assert doc.pipeline == pipeline.id == pipeline_id()
    assert doc.text is None  # the text is written only on request
    assert doc.events and all(isinstance(e, Event) for e in doc.events)
    assert all(e.pipeline == doc.pipeline and e.article_id == doc.article_id for e in doc.events)
    assert "Sarban" in [p.text for p in doc.places]
    assert {t.text: t.value for t in doc.times} == {"Thursday": "2021-02-25", "Wednesday": "2021-02-24"}


def test_the_outlet_is_the_source_of_events(doc):
    assert all("Valley Courier" in e.sources for e in doc.events)


def test_the_lede_event_comes_first(doc):
    first = doc.events[0]
    assert sub_event(first) == "Air/drone strike"
    assert first.fatalities is not None and first.fatalities.best == 4
    assert first.injured is not None and first.injured.best == 7
    assert {e.type for e in doc.events[1:]} >= {"PROTEST", "ACCUSE", "REJECT"}


def test_the_lede_outranks_a_deadlier_event_further_down(extract_doc):
    doc = extract_doc(PROTEST_LEDE, published="2021-02-26")
    kinds = [sub_event(e) for e in doc.events]
    assert kinds.index("Peaceful protest") < kinds.index("Air/drone strike")
    assert kinds[0] == "Peaceful protest"


def test_published_anchors_relative_dates(doc):
    strike = doc.events[0]
    assert strike.date is not None
    assert (strike.date.text, strike.date.value, strike.date.precision) == ("Thursday", "2021-02-25", "day")
    protest = next(e for e in doc.events if e.type == "PROTEST")
    assert protest.date is not None and protest.date.value == "2021-02-24"


def test_without_published_a_weekday_stays_unresolved(extract_doc):
    doc = extract_doc("Gunmen attacked a police post on Thursday, killing two officers.")
    (when,) = doc.times
    assert when.text == "Thursday" and when.value is None and not when.resolved and when.note
    assert doc.events[0].date is not None and doc.events[0].date.value is None


def test_an_event_without_a_date_in_its_sentence_takes_the_nearest_recent_one(extract_doc):
    text = ("Two men were shot dead outside a bakery in Marlow Heights.\n\n"
            "It happened at about 9 p.m. Tuesday, a police spokesman said.\n\n"
            "The bakery first opened on 3 May 2009.")
    doc = extract_doc(text, published="2024-06-13")
    when = doc.events[0].date
    assert when is not None and (when.text, when.value) == ("9 p.m. Tuesday", "2024-06-11")
    assert text[when.evidence.start:when.evidence.end] == when.text


def test_a_date_far_older_than_the_report_is_not_taken_for_the_event(extract_doc):
    text = "Two men were shot dead outside a bakery.\n\nThe bakery first opened on 3 May 2009."
    doc = extract_doc(text, published="2024-06-13")
    when = doc.events[0].date
    # No day of its own: fresh news, dated the day it was published, and said so.
    assert when is not None and when.value == "2024-06-13" and when.note
    assert text[when.evidence.start:when.evidence.end] == when.text


def test_without_a_publication_date_an_undated_event_has_no_date(extract_doc):
    doc = extract_doc("Two men were shot dead outside a bakery.")
    assert doc.events[0].date is None


@pytest.mark.parametrize("text, published, expected", [
    # the day police spoke is not the day of the shooting
    ("A woman was shot and wounded outside a diner, police said Friday.\n\n"
     "Officers were called there about 11 p.m. Wednesday.", "2023-09-15", "2023-09-13"),
    # a page stamp is not the day of the shooting
    ("Teen hurt in shooting\n\nPosted: Monday, April 3, 2023\n\n"
     "A boy, 16, was wounded in the thigh by a park. It happened late Saturday, officers said.",
     "2023-04-03", "2023-04-01"),
    # a day in the report beats a year in the event's sentence
    ("A man was shot and killed at a gas station Sunday night.\n\n"
     "Officers had been called to the same station for a shooting in 2019.", "2023-04-03", "2023-04-02"),
    # a shooting is told once it has happened: the present tense does not put Friday ahead
    ("Police are investigating a shooting Friday evening that left a teenager wounded.", "2023-09-16",
     "2023-09-15"),
    # the man who shot the boy was arraigned on Wednesday: linked through the clause, but the day of the court
    ("A man who shot a boy at a park was arraigned on Wednesday.\n\n"
     "The boy was shot at about 8:45 p.m. Monday near the swings.", "2023-09-13", "2023-09-11"),
    # "over the weekend" gives way to a day of that weekend the report names
    ("A man was shot over the weekend in a city park.\n\n"
     "Patrol cars arrived at the park near 7:30 p.m. Friday.", "2023-09-19", "2023-09-15"),
    # a bare weekday read from publication gives way to the dated day of that weekday
    ("A girl was shot in a drive-by Monday night.\n\n"
     "Police said it happened around 11 p.m. Monday, Sept. 4, outside her home.", "2023-09-13", "2023-09-04"),
], ids=["said-friday", "page-stamp", "day-beats-year", "present-tense", "arraigned", "weekend", "dated-weekday"])
def test_the_events_own_day_wins_over_other_dates_of_the_report(extract_doc, text, published, expected):
    events = extract_doc(text, published=published).events
    when = next(e for e in events if e.acled).date  # the conflict event the scorer reads
    assert when is not None and when.value == expected, when


def test_event_ids_are_stable(doc, extract_doc):
    again = extract_doc(ARTICLE, published="2021-02-26", id="art-1", title="Air strike kills four",
                        url="https://courier.example/a1", outlet="Valley Courier")
    fresh = Pipeline().process(article_from_text(ARTICLE, published="2021-02-26", id="art-1"))
    ids = [e.id for e in doc.events]
    assert len(set(ids)) == len(ids)
    assert [e.id for e in again.events] == ids
    assert [e.id for e in fresh.events] == ids


def test_event_ids_change_with_the_text(doc, extract_doc):
    other = extract_doc(ARTICLE.replace("four guards", "five guards"), published="2021-02-26", id="art-1")
    assert not {e.id for e in other.events} & {e.id for e in doc.events}


def test_boilerplate_is_removed_and_gives_no_events(doc):
    reasons = {r.reason: ARTICLE[r.start:r.end] for r in doc.removed}
    assert reasons == {
        "promo": "Download the Valley Courier app for breaking news",
        "related links": "Related: Police arrest 30 protesters in the capital",
        "byline": "By Maria Keller and Tom Brandt",
    }
    for ev in doc.events:
        for r in doc.removed:
            assert not r.start <= ev.trigger.evidence.start < r.end, ev.trigger
            assert all(not (r.start <= a.evidence.start < r.end) for a in ev.actors)
    assert "COERCE" not in {e.type for e in doc.events}  # the arrest is only in the "Related:" link
    assert "Maria Keller" not in [a.text for e in doc.events for a in e.actors]


def test_non_english_text_gives_an_error_not_events(extract_doc):
    doc = extract_doc(FRENCH, id="fr-1")
    assert doc.id == "fr-1"
    assert doc.events == [] and doc.places == [] and doc.times == []
    assert doc.error is not None
    assert doc.error.code == "E200"
    assert "French" in doc.error.reason and doc.error.hint


def test_an_article_over_the_size_limit_is_not_parsed(pipeline):
    text = "Gunmen attacked a police post on Thursday. " * 5000  # 215,000 characters
    started = time.monotonic()
    doc = pipeline.process(article_from_text(text, id="long"))
    assert time.monotonic() - started < 5
    assert doc.error is not None and doc.error.code == "E103"
    assert f"{len(text):,}" in doc.error.reason and doc.events == []


def test_the_size_limit_can_be_set(pipeline):
    small = Pipeline(max_chars=40)
    docs = list(small.process_many([article_from_text("Gunmen attacked a police post on Thursday morning.", id="a"),
                                    article_from_text("Two killed.", id="b")]))
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].error is not None and docs[0].error.code == "E103"
    assert docs[1].error is None


def test_a_batch_keeps_order_and_goes_on_after_a_failure(pipeline):
    articles = [
        article_from_text("Police arrested ten protesters in the capital on Friday.", id="one"),
        article_from_text(FRENCH, id="two"),
        article_from_text("Gunmen killed six villagers in the north on Saturday.", id="three"),
    ]
    docs = list(pipeline.process_many(articles))
    assert [d.id for d in docs] == ["one", "two", "three"]
    assert [d.error.code if d.error else None for d in docs] == [None, "E200", None]
    assert docs[0].events and docs[2].events


def test_api_extract_gives_events(extract_doc):
    events = sitrep.extract("Gunmen killed six villagers in the north on Saturday.", published="2021-02-26")
    assert events and events[0].type == "ASSAULT"
    assert events[0].date is not None and events[0].date.value == "2021-02-20"


@pytest.mark.parametrize("text", ["", "  \n "])
def test_api_rejects_empty_text(text):
    with pytest.raises(EmptyInput):
        sitrep.extract(text)


def test_api_rejects_a_bad_published_date():
    with pytest.raises(UsageError) as info:
        sitrep.extract("Gunmen killed six villagers.", published="last Tuesday")
    assert info.value.code == "E001" and info.value.hint


def test_a_bug_on_one_article_does_not_cost_the_batch(pipeline, monkeypatch):
    from sitrep import places as places_stage
    from sitrep.article import Article

    real = places_stage.find_places

    def broken(doc, skip=()):
        if "Kunduz" in doc.text:
            raise RuntimeError("boom")
        return real(doc, skip)

    monkeypatch.setattr(places_stage, "find_places", broken)
    articles = [Article(id=i, text=t) for i, t in
                [("a", "Gunmen attacked a checkpoint near Kunduz on Monday."),
                 ("b", "Police arrested ten protesters in Lahore on Tuesday.")]]
    docs = list(pipeline.process_many(articles))
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].error.code == "E500" and "RuntimeError" in docs[0].error.reason
    assert docs[1].error is None and docs[1].events
