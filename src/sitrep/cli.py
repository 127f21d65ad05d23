"""The ``sitrep`` command: a thin shell over the library.

Exit codes: 0 all inputs read; 1 the run finished but some inputs were dropped
(each has its reason on its output line and in the summary); 2 usage error
(an output file that cannot be written included); 3 the only input given could
not be read; 4 the only input is not English; 5 set-up problem (model or data
files missing).

``--output`` is written whole or not at all: lines go to a temporary file
beside it, renamed over it only when the run completes; a run that fails
leaves neither a partial file nor the temporary one.
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import click

from . import errors, render
from .errors import SitrepError


def _published(ctx, param, value):
    if value is None:
        return None
    from .read import parse_published

    try:
        return parse_published(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; give YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitrep")
def main():
    """sitrep: news reports about armed conflict in; sourced, geocoded event records out."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("-i", "--input", "inputs", multiple=True, metavar="PATH",
              help="Input file, directory or glob (repeatable; same as PATHS). '-' reads standard input.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here instead of standard output (written whole or not at all).")
@click.option("-f", "--format", "fmt", type=click.Choice(render.FORMATS), default=None,
              help="Output format [default: table on a terminal, jsonl into a file or pipe].")
@click.option("--published", callback=_published, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (anchors 'on Thursday', 'yesterday').")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Largest input file (or JSONL/CSV record) read, in bytes [default: 10 MiB].")
@click.option("--with-text", is_flag=True, help="Include each article's text in JSON output (spans point into it).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no run summary.")
def extract(paths, inputs, output, fmt, published: date | None, max_bytes, with_text, quiet):
    """Extract events from articles: text, HTML, JSONL/CSV of articles, directories, globs or '-'.

    \b
    Examples:
      sitrep extract article.txt --published 2021-02-26
      sitrep extract page.html --format json
      sitrep extract --input articles.jsonl --output events.jsonl
      cat article.txt | sitrep extract -
    """
    sources = list(paths) + list(inputs)
    if not sources:
        if sys.stdin.isatty():
            raise click.UsageError("give a file, directory, glob or '-' for standard input")
        sources = ["-"]
    fmt = fmt or default_format(output)
    try:
        stats = _run(sources, output, fmt, published, max_bytes, with_text, quiet)
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if not quiet:
        _summary(stats)
    sys.exit(_exit_code(stats, len(sources)))


def default_format(output: str | None) -> str:
    """Table for a person at a terminal; JSONL into a file or a pipe."""
    return "table" if output is None and sys.stdout.isatty() else "jsonl"


def _run(sources, output, fmt, published, max_bytes, with_text, quiet) -> Counter:
    if output is None:
        return _write(sys.stdout, sources, fmt, published, max_bytes, with_text, quiet, to_file=False)
    target = Path(output)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        fh = open(tmp, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise errors.UsageError(f"cannot write --output {output}: {exc.strerror or exc}",
                                hint="check that its directory exists and is writable") from None
    try:
        with fh:
            stats = _write(fh, sources, fmt, published, max_bytes, with_text, quiet, to_file=True)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return stats


def _write(fh, sources, fmt, published, max_bytes, with_text, quiet, to_file) -> Counter:
    from .api import extract_files

    stats: Counter = Counter()
    docs = extract_files(sources, published=published, max_bytes=max_bytes, with_text=with_text)
    bar = _progress(sources, quiet, to_file)
    try:
        writer = render.CsvWriter(fh) if fmt == "csv" else None
        first = True
        if fmt == "json":
            fh.write("[")
        for doc in docs:
            _count(stats, doc)
            bar.update(1)
            if fmt == "jsonl":
                fh.write(render.jsonl_line(doc, with_text) + "\n")
            elif fmt == "json":
                import json
                fh.write(("\n" if first else ",\n") + json.dumps(render.document_dict(doc, with_text),
                                                                    ensure_ascii=False, indent=2))
            elif fmt == "csv":
                writer.write(doc)
            else:
                fh.write(("" if first else "\n") + render.table(doc) + "\n")
            first = False
        if fmt == "json":
            fh.write("\n]\n")
    finally:
        bar.close()
    return stats


def _progress(sources, quiet, to_file):
    from tqdm import tqdm

    disable = quiet or not (to_file or sys.stderr.isatty())
    total = None if disable else _count_records(sources)
    return tqdm(total=total, unit="article", disable=disable, file=sys.stderr, dynamic_ncols=True)


def _count_records(sources) -> int | None:
    """Number of records for the progress bar, when cheap to know (JSONL files)."""
    total = 0
    for s in sources:
        p = Path(s)
        if not p.is_file() or p.suffix.lower() not in {".jsonl", ".ndjson"}:
            return None
        try:
            with open(p, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            return None  # the reader reports it, with its reason
    return total


def _count(stats: Counter, doc) -> None:
    stats["documents"] += 1
    if doc.error:
        stats["dropped"] += 1
        stats[f"reason:{doc.error.code} {errors.label_for(doc.error.code)}"] += 1
        stats["last_code"] = doc.error.code  # type: ignore[assignment]
    stats["events"] += len(doc.events)


def _summary(stats: Counter) -> None:
    msg = f"{stats['documents']} articles, {stats['events']} events, {stats['dropped']} dropped"
    click.echo(msg, err=True)
    for key, n in sorted(stats.items()):
        if key.startswith("reason:"):
            click.echo(f"  {n} × {key[7:]}", err=True)


def _exit_code(stats: Counter, n_sources: int) -> int:
    if not stats["dropped"]:
        return errors.EXIT_OK
    if stats["documents"] == 1 and n_sources == 1:
        code = stats.get("last_code", "")
        return errors.EXIT_LANGUAGE if code == errors.UnsupportedLanguage.code else errors.EXIT_INPUT
    return errors.EXIT_SOME_DROPPED


@main.command()
def schema():
    """Print the JSON Schema of one output line (a document and its events)."""
    from .record import json_schema_text

    click.echo(json_schema_text(), nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              help="table: one line per statement; jsonl: one line per statement with the article id.")
@click.option("--claims", "claims_only", is_flag=True,
              help="Only claims of responsibility, denials and accusations.")
def quotes(paths, fmt, claims_only):
    """List who said what in articles: quotes and reported statements, with speaker, role and claim type.

    \b
    Examples:
      sitrep quotes article.txt
      sitrep quotes articles.jsonl --claims --format jsonl
    """
    import json

    from .api import extract_files

    dropped = 0
    try:
        for doc in extract_files(list(paths)):
            dropped += doc.error is not None
            if fmt == "table":
                click.echo(render.statements_table(doc, claims_only))
                continue
            for s in doc.statements:
                if s.claim or not claims_only:
                    click.echo(json.dumps({"id": doc.id, **s.model_dump(mode="json")}, ensure_ascii=False))
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    sys.exit(errors.EXIT_SOME_DROPPED if dropped else errors.EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
