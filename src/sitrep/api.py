"""The Python API: ``sitrep.extract(text, published=...)`` and friends."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

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


def extract_files(inputs: Iterable[str], *, published: date | str | None = None) -> Iterator[Document]:
    """One Document per article found in files, directories, globs or "-" (stdin)."""
    from .read import iter_articles

    yield from get_pipeline().process_many(iter_articles(inputs, published=_as_date(published)))
