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
def gaz():
    """The packaged gazetteer store (built on first use)."""
    from sitrep import gazetteer

    return gazetteer.default()


@pytest.fixture(scope="session")
def parse():
    """The spaCy pipeline sitrep uses: ``parse(text)`` is a parsed Doc."""
    from sitrep import nlp

    return nlp.load()
