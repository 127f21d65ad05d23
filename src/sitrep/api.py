"""The Python API: ``sitrep.extract(text, published=...)`` and friends."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from .article import Article
from .errors import UsageError
from .pipeline import Pipeline
from .record import Document, Event


@lru_cache(maxsize=1)
def get_pipeline() -> Pipeline:
    """The process-wide pipeline (the language model is loaded once)."""
    return Pipeline()


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    from .read import parse_published

    try:
        return parse_published(value)
    except ValueError as exc:
        raise UsageError(f"published={value!r} is not a date", hint="give YYYY-MM-DD") from exc


def extract_document(text: str, *, published: date | str | None = None, id: str | None = None,
                     title: str | None = None, url: str | None = None, outlet: str | None = None) -> Document:
    """Everything sitrep finds in one article: events, places, times, what was left out."""
    from .read import article_from_text

    article = article_from_text(text, id=id, published=_as_date(published), title=title, url=url, outlet=outlet)
    return get_pipeline().process(article)


def extract(text: str, *, published: date | str | None = None, **meta) -> list[Event]:
    """The event records of one article, most salient first.

    >>> events = extract("Gunmen killed two villagers in Ghazni on Monday.", published="2024-03-05")
    """
    return extract_document(text, published=published, **meta).events


def keep_confident(doc: Document, min_confidence: float | None) -> Document:
    """Drop the events whose ``confidence`` is below ``min_confidence`` (None keeps all)."""
    if min_confidence is not None and doc.events:
        doc.events = [e for e in doc.events if e.confidence >= min_confidence]
    return doc


def extract_files(inputs: Iterable[str], *, published: date | str | None = None,
                  max_bytes: int | None = None, with_text: bool = False,
                  min_confidence: float | None = None) -> Iterator[Document]:
    """One Document per article found in files, directories, globs or "-" (stdin), in input order.

    ``max_bytes`` caps one input file (or one JSONL/CSV record); the default is
    ``sitrep.read.DEFAULT_MAX_BYTES``. An input over it is a Document with an
    E103 error, like every other input that cannot be read. ``with_text`` puts
    each article's text (the text every span points into) on its Document.
    ``min_confidence`` drops events whose calibrated ``confidence`` is lower.
    """
    from .read import DEFAULT_MAX_BYTES, iter_articles

    articles = iter_articles(inputs, published=_as_date(published), max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    if not with_text:
        for doc in get_pipeline().process_many(articles):
            yield keep_confident(doc, min_confidence)
        return
    texts: deque[str | None] = deque()  # the pipeline gives one Document per item, in order

    def remember(items):
        for item in items:
            texts.append(item.text if isinstance(item, Article) else None)
            yield item

    for doc in get_pipeline().process_many(remember(articles)):
        doc.text = texts.popleft()
        yield keep_confident(doc, min_confidence)


def assign_incidents(documents: list[Document]) -> list[Document]:
    """Group the events of a batch of documents into incidents, in place.

    Sets each document's ``incident`` (the incident of its main event; a dropped
    document gets one of its own) and each event's ``incident_id``. The documents'
    ``text`` sharpens the matching: extract them with ``with_text=True``.
    """
    from .incidents import cluster_documents

    dicts = [d.model_dump(mode="json") for d in documents]
    for doc, data, inc in zip(documents, dicts, cluster_documents(dicts)):
        doc.incident = inc
        for ev, ev_data in zip(doc.events, data["events"]):
            ev.incident_id = ev_data.get("incident_id")
    return documents
