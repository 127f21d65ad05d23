"""Reading inputs into articles: files, directories, globs and standard input.

``iter_articles`` turns each input into :class:`~sitrep.article.Article` items,
or :class:`~sitrep.article.Dropped` items that say why an input (or one line of
a JSONL/CSV file) could not be read. It never raises for one bad input, and it
streams: JSONL and CSV files are read line by line, so memory stays flat
however many records a file holds.

Formats, chosen by extension unless ``fmt`` forces one:

- ``text``: ``.txt .text .md`` and any unknown extension. Bytes are decoded
  (UTF-8 with or without BOM first, then a declared or detected charset) and
  line endings are normalised to ``\\n``.
- ``html``: ``.html .htm .xhtml``. The main text is taken with trafilatura;
  the page title, date and site name become ``title``, ``published`` and
  ``outlet``. When trafilatura finds nothing, a plain rendering of the page is
  used instead.
- ``jsonl``: ``.jsonl .ndjson .json``, one JSON object per line (a ``.json``
  file holding one JSON array is read too). A record's ``text`` is kept
  exactly as given: spans downstream are offsets into it.
- ``csv``: ``.csv`` with a header row naming ``id, text, title, url,
  published, outlet`` (only ``text`` is required).

Dates: an input's own date (a record's ``published``, a page's date) wins;
the ``published`` argument is the fallback for inputs that have none.

Size: ``max_bytes`` caps one article. A text or HTML file is checked with
``stat`` before it is read; for JSONL/CSV the cap applies to each line and
record, not to the whole file; standard input is read up to ``max_bytes + 1``.
"""
from __future__ import annotations

import codecs
import csv
import glob
import io
import json
import logging
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import charset_normalizer

from .article import Article, Dropped, content_hash
from .errors import (
    BinaryInput,
    DecodeError,
    EmptyInput,
    InputError,
    InputTooLarge,
    MalformedRecord,
    NoText,
    UsageError,
)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
FORMATS = ("text", "html", "jsonl", "csv")
EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
}
RECORD_FIELDS = ("id", "text", "title", "url", "published", "outlet")
SNIFF_BYTES = 8192  # how much of an input is looked at to call it binary
STDIN_HEAD_BYTES = 65536  # how much of standard input is looked at to guess its format

_GLOB_CHARS = re.compile(r"[*?\[]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
# Control bytes that never occur in text (tab, newlines, form feed and escape do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27)) + b"\x7f"
_BINARY_SHARE = 0.05
_TEXTUAL_SHARE = 0.9  # of non-ASCII characters that must be letters, digits, punctuation or space
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_LOOKS_HTML = re.compile(
    r"<(!doctype\s+html|html|head|body|meta|title|div|p|article|section|!--)[\s>/]", re.I
)
_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "section", "article", "header", "footer", "blockquote", "pre", "figure",
    "figcaption", "dd", "dt", "hr", "main", "aside", "nav", "title",
)
_UNSEEN_TAGS = "//script|//style|//noscript|//template|//svg"


@dataclass(frozen=True)
class _Options:
    published: date | None
    max_bytes: int
    fmt: str | None


# ---------------------------------------------------------------------------
# Public API


def iter_articles(
    inputs: Iterable[str],
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fmt: str | None = None,
) -> Iterator[Article | Dropped]:
    """Articles from files, directories, glob patterns or ``-`` (standard input).

    Yields an :class:`Article` for each readable article and a
    :class:`Dropped` (with the error's code and reason) for each input that is
    not; raises only :class:`UsageError` for arguments that cannot work.
    """
    if fmt is not None and fmt not in FORMATS:
        raise UsageError(f"unknown input format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    if max_bytes < 1:
        raise UsageError(f"max_bytes must be positive, got {max_bytes}", hint="leave it at the default")
    if isinstance(inputs, str):
        inputs = [inputs]
    return _iter_inputs(list(inputs), _Options(published, max_bytes, fmt))


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An article from a string given through the Python API; the text is kept as given."""
    if not isinstance(text, str):
        raise UsageError(f"text must be a string, got {type(text).__name__}", hint="decode bytes first")
    if not text.strip():
        raise EmptyInput("the text is empty", hint="pass the article's text")
    if published is not None:
        try:
            published = parse_published(published)
        except ValueError as exc:
            raise UsageError(f"published {published!r} is not a date", hint="use YYYY-MM-DD") from exc
    return Article(
        id=id or content_hash(text),
        text=text,
        title=title,
        url=url,
        published=published,
        outlet=outlet,
        format="text",
    )


def parse_published(value: date | str) -> date:
    """A date from ``YYYY-MM-DD``, an ISO datetime (``...T10:00:00Z`` too) or a date object.

    A datetime keeps the calendar date it was written with (no time-zone shift).
    Raises ValueError for anything else.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not a date string: {value!r}")
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(text).date()


def format_for(path: str) -> str:
    """The input format a file's extension implies (plain text when unknown)."""
    return EXTENSIONS.get(Path(path).suffix.lower(), "text")


def sniff_format(head: bytes) -> str:
    """Guess the format of standard input from its first bytes: html, jsonl or text."""
    sample = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if sample.startswith("<") and _LOOKS_HTML.search(sample[:2000]):
        return "html"
    lines = sample.split("\n")
    if len(head) >= STDIN_HEAD_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut off
    lines = [line for line in lines if line.strip()]
    if lines and all(_is_json_object(line) for line in lines):
        return "jsonl"
    return "text"


def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text: BOM, then UTF-8, then a declared charset, then detection.

    Returns ``(text, encoding)``; raises DecodeError when nothing decodes credibly.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), name
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            text = data.decode(declared)
            if _credible(text):
                return text, codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or not _credible(str(best)):
        raise DecodeError(
            "the bytes do not decode as text in any encoding that could be detected",
            hint="convert the file to UTF-8 (e.g. with iconv) and read it again",
        )
    return str(best), best.encoding


def _credible(text: str, sample: int = 65536) -> bool:
    """Whether decoded text reads as text: its non-ASCII characters are mostly
    letters, digits, punctuation and spaces (a wrong guess gives symbols and controls)."""
    wide = [c for c in text[:sample] if ord(c) > 127]
    textual = sum(1 for c in wide if c.isspace() or unicodedata.category(c)[0] in "LNP")
    return textual >= _TEXTUAL_SHARE * len(wide)


def html_to_text(html: str) -> str:
    """A plain rendering of a page: its visible text, one line per block element."""
    import lxml.etree
    import lxml.html

    html = _XML_DECLARATION.sub("", html, count=1)
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for node in root.xpath(_UNSEEN_TAGS):
        node.drop_tree()
    for node in root.iter(*_BLOCK_TAGS):
        node.tail = "\n" + (node.tail or "")
        node.text = "\n" + (node.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------
# Inputs: paths, directories, globs


def _iter_inputs(inputs: list[str], opts: _Options) -> Iterator[Article | Dropped]:
    for spec in inputs:
        if spec == "-":
            yield from _read_stdin(opts)
            continue
        for item in _expand(spec):
            if isinstance(item, Dropped):
                yield item
            else:
                yield from _read_path(item, opts)


def _expand(spec: str) -> Iterator[str | Dropped]:
    """The files one input names, or a Dropped saying why it names none."""
    path = Path(spec)
    if path.is_dir():
        files = _walk(spec)
        if not files:
            known = " ".join(sorted(EXTENSIONS))
            yield _drop(spec, spec, EmptyInput(
                f"directory {spec} holds no readable files",
                hint=f"only non-hidden files ending in {known} are read from a directory",
            ))
        yield from files
    elif path.exists():
        yield spec
    elif _GLOB_CHARS.search(spec):
        files = sorted(p for p in glob.glob(spec, recursive=True) if os.path.isfile(p))
        if not files:
            yield _drop(spec, spec, InputError(
                f"the pattern {spec} matches no file",
                hint="check the pattern; quote it so the shell does not expand it",
            ))
        yield from files
    else:
        yield _drop(spec, spec, InputError(f"no such file or directory: {spec}", hint="check the path"))


def _walk(top: str) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in EXTENSIONS:
                found.append(os.path.join(folder, name))
    return sorted(found)


# ---------------------------------------------------------------------------
# Files and standard input


def _read_path(path: str, opts: _Options) -> Iterator[Article | Dropped]:
    fmt = opts.fmt or format_for(path)
    try:
        size = os.stat(path).st_size
        if fmt in ("jsonl", "csv"):
            with open(path, "rb") as stream:
                yield from _read_records(stream, path, fmt, opts)
            return
        if size > opts.max_bytes:
            raise InputTooLarge(
                f"{path} is {size:,} bytes, over the limit of {opts.max_bytes:,}",
                hint="split the file, or raise the limit (--max-bytes)",
            )
        with open(path, "rb") as stream:
            data = stream.read(opts.max_bytes + 1)
        yield _document(data, fmt, path, opts)
    except InputError as exc:
        yield _drop(path, path, exc)
    except OSError as exc:
        yield _drop(path, path, InputError(
            f"cannot read {path}: {exc.strerror or exc}", hint="check that the file exists and is readable"
        ))


def _read_stdin(opts: _Options) -> Iterator[Article | Dropped]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream without bytes underneath (tests, notebooks)
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    head = stream.read(min(STDIN_HEAD_BYTES, opts.max_bytes + 1))
    fmt = opts.fmt or sniff_format(head)
    if fmt in ("jsonl", "csv"):
        yield from _read_records(_Joined(head, stream), "-", fmt, opts)
        return
    data = head + stream.read(max(0, opts.max_bytes + 1 - len(head)))
    try:
        if len(data) > opts.max_bytes:
            raise InputTooLarge(
                f"standard input is over the limit of {opts.max_bytes:,} bytes",
                hint="split the input, or raise the limit (--max-bytes)",
            )
        yield _document(data, fmt, "-", opts)
    except InputError as exc:
        yield _drop("-", "-", exc)


def _document(data: bytes, fmt: str, name: str, opts: _Options) -> Article:
    """One text or HTML article from the bytes of one input."""
    _check_bytes(data, name)
    if fmt == "html":
        text, encoding = decode_bytes(data, declared=_declared_charset(data))
        return _html_article(text, name, encoding, opts)
    text, encoding = decode_bytes(data)
    text = normalise_newlines(text)
    if not text.strip():
        raise EmptyInput(f"{name} holds only whitespace", hint="check that the right file was given")
    return Article(
        id=name, text=text, source=name, encoding=encoding, format="text", published=opts.published
    )


def _check_bytes(data: bytes, name: str) -> None:
    if not data:
        raise EmptyInput(f"{name} is empty", hint="check that the right file was given")
    if _looks_binary(data[:SNIFF_BYTES]):
        raise BinaryInput(
            f"{name} looks like a binary file, not text",
            hint="give sitrep text, HTML, JSONL or CSV; extract text from PDFs or documents first",
        )


def _looks_binary(head: bytes) -> bool:
    if any(head.startswith(bom) for bom, _, name in _BOMS if name != "utf-8-sig"):
        return False  # UTF-16/32 text holds NUL bytes
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > _BINARY_SHARE * len(head)


def _declared_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:SNIFF_BYTES])
    return found.group(1).decode("ascii", errors="ignore") if found else None


def _is_json_object(line: str) -> bool:
    if not line.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


class _Joined:
    """A binary stream's lines, with bytes already read from it put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = io.BytesIO(head)
        self._rest = rest

    def readline(self, limit: int = -1) -> bytes:
        line = self._head.readline(limit)
        if line.endswith(b"\n") or (limit >= 0 and len(line) >= limit):
            return line
        return line + self._rest.readline(limit - len(line) if limit >= 0 else -1)

    def read(self, size: int = -1) -> bytes:
        data = self._head.read(size)
        if size < 0:
            return data + self._rest.read()
        return data + self._rest.read(size - len(data)) if len(data) < size else data


# ---------------------------------------------------------------------------
# HTML


def _html_article(html: str, name: str, encoding: str, opts: _Options) -> Article:
    html = _XML_DECLARATION.sub("", html, count=1)
    text, doc, how = _main_text(html)
    if not text.strip():
        raise NoText(
            f"no article text could be found in the HTML of {name}",
            hint="check that the page holds the article, not only a script that loads it",
        )
    return Article(
        id=name,
        text=text,
        title=getattr(doc, "title", None) or None,
        url=getattr(doc, "url", None) or None,
        published=_page_date(doc) or opts.published,
        outlet=getattr(doc, "sitename", None) or None,
        source=name,
        encoding=encoding,
        format="html",
        meta={"extraction": how},
    )


def _main_text(html: str) -> tuple[str, object, str]:
    """``(text, metadata, how)``: trafilatura favouring precision, then its balanced
    mode, then a plain rendering of the whole page.

    Precision first: on news pages the balanced mode often keeps menus and
    "most read" lists, which look like event sentences to later stages.
    """
    failures = []
    for how, precision in (("precise", True), ("balanced", False)):
        doc = _guarded(_trafilatura, html, precision, failures=failures)
        if doc is not None and doc.text and doc.text.strip():
            return _tidy(doc.text), doc, how
    how = "plain" + (f" ({failures[0]})" if failures else "")
    return html_to_text(html), _guarded(_page_metadata, html, failures=failures), how


def _guarded(extract, *args, failures: list[str]):
    """Run one of trafilatura's extractors on untrusted HTML.

    trafilatura and htmldate catch most parse problems themselves, but some
    malformed pages still raise from deep inside them (an AssertionError in
    lxml's drop_tree, for one). A page must never stop a batch: the failure is
    kept (it ends up in ``Article.meta["extraction"]``) and the next way of
    reading the page is tried.
    """
    try:
        return extract(*args)
    except Exception as exc:  # noqa: BLE001 - third-party parser on untrusted input
        failures.append(f"trafilatura failed: {type(exc).__name__}")
        return None


def _tidy(text: str) -> str:
    lines = normalise_newlines(text).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _date_params() -> dict:
    # Dates from the page's markup and URL only: an "extensive" search would pick
    # up dates in the article body, which are often the event's, not the page's.
    return {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}


@lru_cache(maxsize=1)
def _trafilatura_module():
    import trafilatura

    # trafilatura logs a warning for every page it gives up on; the fallback
    # handles those pages, so keep the warnings out of stderr unless the
    # application has set up logging itself.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).addHandler(logging.NullHandler())
    return trafilatura


def _trafilatura(html: str, precision: bool):
    return _trafilatura_module().bare_extraction(
        html,
        favor_precision=precision,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params=_date_params(),
    )


def _page_metadata(html: str):
    if not html.strip():
        return None
    return _trafilatura_module().extract_metadata(html, date_config=_date_params())


def _page_date(doc) -> date | None:
    value = getattr(doc, "date", None)
    if not value:
        return None
    try:
        return parse_published(value)
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# JSONL and CSV records


def _read_records(stream, name: str, fmt: str, opts: _Options) -> Iterator[Article | Dropped]:
    head = stream.read(SNIFF_BYTES)
    try:
        _check_bytes(head, name)
    except InputError as exc:
        yield _drop(name, name, exc)
        return
    joined = _Joined(head, stream)
    if fmt == "csv":
        items = _iter_csv(joined, name, opts)
    elif head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").startswith(b"["):
        items = _iter_json_array(joined, name, opts)
    else:
        items = _iter_jsonl(joined, name, opts)
    found = False
    for item in items:
        found = True
        yield item
    if not found:  # blank lines only, a header row only, or "[]": say so rather than yield nothing
        yield _drop(name, name, EmptyInput(
            f"{name} holds no records", hint="check that the right file was given; blank lines are skipped"
        ))


def _iter_lines(stream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, bytes)`` for each line; ``None`` for a line over ``limit`` bytes."""
    lineno = 0
    while raw := stream.readline(limit + 1):
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
            yield lineno, None
        else:
            yield lineno, raw


def _decode_line(raw: bytes | None, lineno: int, where: str, limit: int) -> str:
    if raw is None:
        raise InputTooLarge(
            f"{where} is over the limit of {limit:,} bytes",
            hint="split the record, or raise the limit (--max-bytes)",
        )
    if lineno == 1:
        raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"{where} is not valid UTF-8 (byte {exc.start + 1})",
            hint="JSONL and CSV input must be UTF-8; convert the file (e.g. with iconv)",
        ) from exc


def _iter_jsonl(stream, name: str, opts: _Options) -> Iterator[Article | Dropped]:
    for lineno, raw in _iter_lines(stream, opts.max_bytes):
        where = f"{name}:{lineno}"
        if raw is not None and not raw.strip():
            continue
        try:
            obj = _parse_json_line(_decode_line(raw, lineno, where, opts.max_bytes), where)
            rid = _record_id(obj, where)
        except InputError as exc:
            yield _drop(where, where, exc)
            continue
        yield _record(obj, rid, where, "jsonl", opts)


def _parse_json_line(line: str, where: str) -> dict:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise MalformedRecord(
            f"{where} is not valid JSON ({getattr(exc, 'msg', exc)})",
            hint="write one JSON object per line",
        ) from exc
    if not isinstance(obj, dict):
        raise MalformedRecord(
            f"{where} is a JSON {type(obj).__name__}, not an object",
            hint='write one object per line, like {"id": "a1", "text": "..."}',
        )
    return obj


def _iter_json_array(stream, name: str, opts: _Options) -> Iterator[Article | Dropped]:
    data = stream.read(opts.max_bytes + 1)
    try:
        if len(data) > opts.max_bytes:
            raise InputTooLarge(
                f"{name} is one JSON array over the limit of {opts.max_bytes:,} bytes",
                hint="write one object per line (JSONL) so the file can be streamed",
            )
        items = json.loads(_decode_line(data, 1, name, opts.max_bytes))
    except InputError as exc:
        yield _drop(name, name, exc)
        return
    except ValueError as exc:
        yield _drop(name, name, MalformedRecord(
            f"{name} is not valid JSON ({getattr(exc, 'msg', exc)})", hint="write one JSON object per line"
        ))
        return
    for index, obj in enumerate(items if isinstance(items, list) else [items]):
        where = f"{name}[{index}]"
        try:
            if not isinstance(obj, dict):
                raise MalformedRecord(f"{where} is a JSON {type(obj).__name__}, not an object")
            rid = _record_id(obj, where)
        except InputError as exc:
            yield _drop(where, where, exc)
            continue
        yield _record(obj, rid, where, "jsonl", opts)


def _iter_csv(stream, name: str, opts: _Options) -> Iterator[Article | Dropped]:
    if csv.field_size_limit() < opts.max_bytes:
        csv.field_size_limit(opts.max_bytes)  # one cell may hold a whole article
    reader = csv.reader(_text_lines(stream, name, opts.max_bytes))
    try:
        header = [cell.strip().lower() for cell in next(reader, [])]
        if "text" not in header:
            raise MalformedRecord(
                f"{name} has no 'text' column in its header row ({', '.join(header) or 'empty'})",
                hint="the first row must name the columns: id,text,title,url,published,outlet",
            )
    except InputError as exc:
        yield _drop(name, name, exc)
        return
    yield from _csv_rows(reader, header, name, opts)


def _csv_rows(reader, header: list[str], name: str, opts: _Options) -> Iterator[Article | Dropped]:
    while True:
        where = f"{name}:{reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _drop(where, where, MalformedRecord(f"{where} is not a valid CSV row ({exc})"))
            continue
        except InputError as exc:  # undecodable or oversized line: the file cannot go on
            yield _drop(where, where, exc)
            return
        if not any(cell.strip() for cell in row):
            continue
        try:
            if len(row) > len(header):
                raise MalformedRecord(
                    f"{where} has {len(row)} cells but the header names {len(header)}",
                    hint="quote cells that hold commas or line breaks",
                )
            obj = dict(zip(header, row))
            rid = _record_id(obj, where)
        except InputError as exc:
            yield _drop(where, where, exc)
            continue
        yield _record(obj, rid, where, "csv", opts)


def _text_lines(stream, name: str, limit: int) -> Iterator[str]:
    for lineno, raw in _iter_lines(stream, limit):
        yield _decode_line(raw, lineno, f"{name}:{lineno}", limit)


def _record_id(obj: dict, where: str) -> str:
    value = obj.get("id")
    if value is None or value == "":
        return where
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise MalformedRecord(
            f"{where} has an id of type {type(value).__name__}",
            hint="an id must be a string or an integer, or left out",
        )
    return str(value)


def _record(obj: dict, rid: str, where: str, fmt: str, opts: _Options) -> Article | Dropped:
    try:
        return _record_article(obj, rid, where, fmt, opts)
    except InputError as exc:
        return _drop(rid, where, exc)


def _record_article(obj: dict, rid: str, where: str, fmt: str, opts: _Options) -> Article:
    label = where if rid == where else f"record {rid} ({where})"
    text = obj.get("text")
    if text is None:
        raise MalformedRecord(f"{label} has no 'text'", hint="each record needs a 'text' string")
    if not isinstance(text, str):
        raise MalformedRecord(f"{label} has a 'text' of type {type(text).__name__}", hint="make 'text' a string")
    if not text.strip():
        raise EmptyInput(f"{label} has an empty 'text'", hint="fill in the text or leave the record out")
    if len(text) > opts.max_bytes:
        raise InputTooLarge(
            f"{label} is over the limit of {opts.max_bytes:,} characters", hint="raise the limit (--max-bytes)"
        )
    return Article(
        id=rid,
        text=text,
        title=_optional_str(obj, "title", rid),
        url=_optional_str(obj, "url", rid),
        published=_record_published(obj.get("published"), rid) or opts.published,
        outlet=_optional_str(obj, "outlet", rid),
        source=where,
        encoding="utf-8",
        format=fmt,
        meta={k: v for k, v in obj.items() if k not in RECORD_FIELDS},
    )


def _optional_str(obj: dict, key: str, rid: str) -> str | None:
    value = obj.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise MalformedRecord(
            f"record {rid} has a {key!r} of type {type(value).__name__}", hint=f"make {key!r} a string or null"
        )
    return str(value)


def _record_published(value, rid: str) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_published(value)
    except ValueError as exc:
        raise MalformedRecord(
            f"record {rid} has 'published' {value!r}, which is not an ISO date",
            hint="use YYYY-MM-DD or an ISO datetime such as 2021-02-26T10:00:00Z, or null",
        ) from exc


def _drop(ident: str, source: str | None, exc: InputError) -> Dropped:
    return Dropped(id=ident, source=source, code=exc.code, reason=exc.message, hint=exc.hint)
