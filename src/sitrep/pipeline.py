"""The stages composed in one place: article in, Document (events, places, times) out.

    read -> clean -> language -> nlp -> times, places, counts -> events -> roles -> assemble

Each stage has a versioned name; the pipeline id that every record carries
lists them, so a stored event says which pipeline made it. One article's
failure never stops a batch: it becomes the ``error`` of that article's line.

Size: an article longer than ``max_chars`` characters is not parsed; its line
carries an ``E103`` error. The reader's byte cap (``read.DEFAULT_MAX_BYTES``)
bounds what is read from a file, but the parser's time and memory grow with
the text, so the article itself is capped here, where every input (files and
the Python API alike) passes.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from dataclasses import dataclass

from . import actor_context, actors, classify
from . import clean as clean_stage
from . import counts as counts_stage
from . import dates as dates_stage
from . import events as events_stage
from . import gazetteer, language, lexicon, nlp, places as places_stage, quotes as quotes_stage, roles as roles_stage
from .article import Article, Dropped
from .assemble import Assembler
from .errors import InputTooLarge, InternalError, SitrepError
from .record import Document, Error, Removed

from . import __version__

# About 15,000 words: longer than nearly any news report, short enough to parse in seconds.
DEFAULT_MAX_CHARS = 100_000

log = logging.getLogger(__name__)


def stage_versions() -> dict[str, str]:
    return {
        "clean": getattr(clean_stage, "VERSION", "clean-1"),
        "language": getattr(language, "VERSION", "language-1"),
        "nlp": nlp.model_id(),
        "dates": getattr(dates_stage, "VERSION", "dates-1"),
        "places": places_stage.VERSION,
        "gazetteer": gazetteer.VERSION + ("-imported" if gazetteer.imported_path() else ""),
        "counts": getattr(counts_stage, "VERSION", "counts-1"),
        "events": events_stage.VERSION,
        "roles": roles_stage.VERSION,
        "classify": f"{classify.VERSION}-{classify.load().digest[:8]}",
        "quotes": quotes_stage.VERSION,
        "actors": actor_context.VERSION + _user_actors_tag(),
    }


def _user_actors_tag() -> str:
    """"-user-<digest>" when $SITREP_ACTORS adds actor files: they change what the pipeline codes."""
    files = actors.user_files()
    if not files:
        return ""
    h = hashlib.sha256()
    for path in files:
        try:
            h.update(Path(path).read_bytes())
        except OSError:
            h.update(path.encode())  # unreadable: actors.py reports it when the dictionary loads
    return "-user-" + h.hexdigest()[:8]


def data_digest() -> str:
    """A short digest of the packaged data files (lexicons, dictionaries): editing one changes the id."""
    h = hashlib.sha256()
    data = resources.files("sitrep").joinpath("data")
    for name in sorted(p.name for p in data.iterdir() if p.name.endswith((".yaml", ".json"))):
        h.update(name.encode())
        h.update(data.joinpath(name).read_bytes())
    return h.hexdigest()[:8]


def pipeline_id() -> str:
    """sitrep's version, each stage's version and the data digest: a stored record says what made it."""
    return f"sitrep-{__version__}+" + "+".join(stage_versions().values()) + f"+data-{data_digest()}"


@dataclass
class Prepared:
    """An article after the cheap stages, ready for the parser (or already failed)."""

    article: Article
    text: str = ""
    removed: list[Removed] | None = None
    language: str | None = None
    error: Error | None = None


class Pipeline:
    """sitrep's extraction pipeline. Build once, call on many articles."""

    def __init__(self, batch_size: int = 16, max_chars: int = DEFAULT_MAX_CHARS, classifier: bool = True):
        self.lex = lexicon.load()
        self.classifier = classify.Classifier(self.lex) if classifier else None
        self.nlp = nlp.load()
        self.id = pipeline_id()
        self.batch_size = batch_size
        self.max_chars = min(max_chars, self.nlp.max_length)
        self.assembler = Assembler(self.lex, self.id, self.classifier)

    # -- single article -------------------------------------------------
    def process(self, article: Article) -> Document:
        return next(self.process_many([article]))

    # -- batches ----------------------------------------------------------
    def process_many(self, items: Iterable[Article | Dropped]) -> Iterator[Document]:
        """Documents in input order, one per item; dropped inputs become documents with an error."""
        buffer: list[Prepared | Dropped] = []
        for item in items:
            buffer.append(item if isinstance(item, Dropped) else self._prepare(item))
            if len(buffer) >= self.batch_size:
                yield from self._run(buffer)
                buffer = []
        if buffer:
            yield from self._run(buffer)

    def _prepare(self, article: Article) -> Prepared:
        prep = Prepared(article)
        try:
            self._check_size(article)
            cleaned = clean_stage.clean(article.text)
            prep.text, prep.removed = cleaned.text, cleaned.removed
            prep.language = language.ensure_english(prep.text)[0]
        except SitrepError as exc:
            prep.error = Error(**exc.as_reason())
        except Exception as exc:
            prep.error = Error(**_internal(prep, exc).as_reason())
        return prep

    def _check_size(self, article: Article) -> None:
        if len(article.text) > self.max_chars:
            raise InputTooLarge(
                f"{article.source or article.id} holds {len(article.text):,} characters of text, over the "
                f"limit of {self.max_chars:,} for one article",
                hint="split it into its articles; a longer limit is Pipeline(max_chars=...) in Python",
            )

    def _run(self, buffer: list[Prepared | Dropped]) -> Iterator[Document]:
        todo = [p for p in buffer if isinstance(p, Prepared) and p.error is None]
        docs = dict(zip(map(id, todo), self.nlp.pipe((p.text for p in todo), batch_size=self.batch_size)))
        for item in buffer:
            if isinstance(item, Dropped):
                yield Document(id=item.id, source=item.source, error=Error(**item.as_reason()), pipeline=self.id)
                continue
            doc = docs.get(id(item))
            try:
                out = self._document(item, doc)
            except SitrepError as exc:
                out = self._shell(item, Error(**exc.as_reason()))
            except Exception as exc:  # a bug on one article must not cost the rest of the batch
                out = self._shell(item, Error(**_internal(item, exc).as_reason()))
            yield out

    def _shell(self, prep: Prepared, error: Error | None = None) -> Document:
        a = prep.article
        return Document(id=a.id, article_id=a.hash, source=a.source, title=a.title, url=a.url,
                        published=a.published.isoformat() if a.published else None,
                        language=prep.language, removed=prep.removed or [], error=error or prep.error,
                        pipeline=self.id)

    def _document(self, prep: Prepared, doc) -> Document:
        out = self._shell(prep)
        if doc is None:
            return out
        a = prep.article
        doc.user_data["sitrep_as_read"] = a.text  # nlp.as_read: call signs and post signatures in blanked lines
        skip = [(r.start, r.end) for r in prep.removed or []]
        times = [t for t in dates_stage.find_times(nlp.text_of(doc), a.published, doc) if not _skipped(t.start, skip)]
        place_mentions = places_stage.find_places(doc, skip)
        counts = [c for c in counts_stage.find_counts(doc) if not _skipped(c.number_span[0], skip)]
        mentions, _dropped = events_stage.find_mentions(doc, self.lex, skip)
        if not mentions and not _dropped and self.classifier is not None:
            # A short report the lexicon has no trigger for (not one whose triggers were negated or hypothetical).
            mentions = self.classifier.propose(doc, skip)
        out.events = self.assembler.events(doc, a, mentions, place_mentions, times, counts)
        out.places = [p.as_place() for p in place_mentions]
        out.times = times
        out.statements = [s for s in quotes_stage.find_statements(doc) if not _skipped(s.content.start, skip)]
        return out


def _internal(prep: Prepared, exc: Exception) -> InternalError:
    log.exception("internal error on %s", prep.article.id)
    return InternalError(f"sitrep failed on {prep.article.id}: {type(exc).__name__}: {exc}",
                         hint="this is a bug in sitrep; please report it with the article")


def _skipped(pos: int, skip: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in skip)
