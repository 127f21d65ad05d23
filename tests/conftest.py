"""Shared fixtures: the pipeline (and its language model) is loaded once per test session."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from sitrep.pipeline import Pipeline
from sitrep.read import article_from_text
from sitrep.record import Document


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The process-wide pipeline, the same object the API and the CLI use."""
    from sitrep.api import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def extract_doc(pipeline) -> Callable[..., Document]:
    """``extract_doc(text, published=None, **meta)``: the Document sitrep makes of one article."""

    def run(text: str, published: str | None = None, **meta) -> Document:
        return pipeline.process(article_from_text(text, published=published, **meta))

    return run


@pytest.fixture(scope="session")
def lead_tolls(extract_doc) -> Callable[[str], tuple[int, int]]:
    """``lead_tolls(text)``: (dead, hurt) best figures of the first event with an ACLED sub-event type, the one a
    one-event record is compared with; 0 where it has none or there is no such event."""

    def run(text: str) -> tuple[int, int]:
        doc = extract_doc(text, published="2024-05-06")
        lead = next((e for e in doc.events if e.acled and e.acled.sub_event_type), None)
        return tuple(getattr(lead, kind).best if lead is not None and getattr(lead, kind) is not None else 0
                     for kind in ("fatalities", "injured"))

    return run


@pytest.fixture(scope="session")
def first_hurt(extract_doc) -> Callable[[str], int | None]:
    """``first_hurt(text)``: the hurt of the first event that tells any, or None."""

    def run(text: str) -> int | None:
        events = [e for e in extract_doc(text, published="2024-05-06").events if e.injured]
        return events[0].injured.best if events else None

    return run


@pytest.fixture(scope="session")
def gaz():
    """The packaged gazetteer store (built on first use)."""
    from sitrep import gazetteer

    return gazetteer.default()


@pytest.fixture(scope="session")
def parse():
    """The spaCy pipeline sitrep uses: ``parse(text)`` is a parsed Doc."""
    from sitrep import nlp

    return nlp.load()
