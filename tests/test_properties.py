"""Properties of the pipeline on generated texts: spans point into the text, nothing raises."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep import render
from sitrep.errors import EmptyInput
from sitrep.read import article_from_text
from sitrep.record import Document

# Sentences written for these tests: events, counts, dates, places, boilerplate.
POOL = [
    "Warplanes struck a market in Idlib on Monday, killing at least nine people.",
    "A roadside bomb exploded next to a police vehicle in Kandahar on Tuesday, wounding three officers.",
    "Gunmen killed six villagers in Zamfara state on Saturday, police said.",
    "Between 10 and 15 people were wounded, according to a local hospital.",
    "Rebels said 20 soldiers died, while the army put its losses at four.",
    "Thousands of people protested in Khartoum on Thursday.",
    "Police arrested 12 people in Mombasa last week.",
    "The Taliban denied involvement in the attack.",
    "Pakistan accused India of sponsoring the attack on March 3.",
    "Ukrainian forces attacked Russian troops near Bakhmut.",
    "The village was shelled by government troops overnight.",
    "Al-Shabaab, the Somali militant group, attacked an army base in Lower Shabelle.",
    "There was no attack on the convoy, officials said.",
    "The rebels threatened to attack the capital.",
    "KABUL (Reuters) -",
    "Related: Drone strike hits fuel depot",
    "Download the Valley Courier app for breaking news",
    "By Maria Keller and Tom Brandt",
    "Photo: Reuters",
    "Air strike kills four",
]
JUNK = st.sampled_from(["\u200b", "\ufeff", "é", "😀", "\t", "\r\n", "\n\n", "—", "\x00", "ﬁ", "İ", "\u0301",
                        "<b>", "&amp;", "1,000", "12th", "\u2028", "ǅ", "(", ")", '"', "’", "...", "  "])
PIECE = st.one_of(
    st.sampled_from(POOL),
    st.sampled_from(POOL),  # twice as likely as junk
    st.lists(JUNK, min_size=1, max_size=4).map("".join),
    st.text(max_size=30),
)
ARTICLES = st.tuples(st.lists(PIECE, min_size=1, max_size=7), st.sampled_from([" ", "\n", "\n\n", ""])).map(
    lambda parts: parts[1].join(parts[0])
).filter(lambda text: text.strip())
PROPERTY = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spans_with_text(doc: Document):
    """``(what, start, end, text or None)`` for every span a Document holds."""
    for ev in doc.events:
        yield "trigger", ev.trigger.evidence.start, ev.trigger.evidence.end, ev.trigger.text
        for a in ev.actors:
            yield f"{a.role}", a.evidence.start, a.evidence.end, a.text
        if ev.location:
            yield "location", ev.location.evidence.start, ev.location.evidence.end, ev.location.text
        if ev.date:
            yield "date", ev.date.evidence.start, ev.date.evidence.end, ev.date.text
        for counts in (ev.fatalities, ev.injured):
            for claim in counts.claims if counts else []:
                yield "claim", claim.evidence.start, claim.evidence.end, None
        for span in ev.evidence:
            yield "evidence", span.start, span.end, None
    for place in doc.places:
        yield "place", place.start, place.end, place.text
    for t in doc.times:
        yield "time", t.start, t.end, t.text
    for r in doc.removed:
        yield "removed", r.start, r.end, None


@PROPERTY
@given(ARTICLES)
def test_every_span_lies_inside_the_text(pipeline, text):
    doc = pipeline.process(article_from_text(text, published="2021-02-26"))
    for what, start, end, quoted in spans_with_text(doc):
        assert 0 <= start <= end <= len(text), (what, start, end)
        if quoted is not None:
            assert text[start:end] == quoted, what
    for ev in doc.events:
        for span in ev.evidence:  # an event's evidence is the sentence that holds its trigger, or another
            assert span.start < span.end
        assert any(s.start <= ev.trigger.evidence.start < s.end for s in ev.evidence)


@PROPERTY
@given(ARTICLES)
def test_a_document_survives_its_json_line(pipeline, text):
    doc = pipeline.process(article_from_text(text))
    assert Document.model_validate_json(render.jsonl_line(doc, with_text=True)) == doc


@PROPERTY
@given(st.one_of(st.text(max_size=300), ARTICLES))
def test_the_pipeline_never_raises(pipeline, text):
    try:
        article = article_from_text(text)
    except EmptyInput:
        assert not text.strip()  # the one refusal of the API: there is nothing to read
        return
    doc = pipeline.process(article)
    assert isinstance(doc, Document)
    assert doc.error is None or doc.error.code.startswith("E")


@pytest.mark.parametrize("text", ["\x00" * 50, "\ufeff", "😀" * 200, "a\u0301" * 100, "\r\n".join(POOL[:5])])
def test_odd_texts(pipeline, text):
    doc = pipeline.process(article_from_text(text))
    for what, start, end, quoted in spans_with_text(doc):
        assert 0 <= start <= end <= len(text)
        if quoted is not None:
            assert text[start:end] == quoted, what
