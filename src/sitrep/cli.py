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


# ---------------------------------------------------------------- sitrep actors


@main.group(invoke_without_command=True)
@click.option("--unknown", "unknown", multiple=True, metavar="PATH",
              help="List the named actors found in these inputs that the dictionary lacks (repeatable).")
@click.option("--yaml", "as_yaml", is_flag=True, help="With --unknown: print them as entries for a user actor file.")
@click.pass_context
def actors(ctx, unknown, as_yaml):
    """The actor dictionary: look a name up, or list the unknown groups in some inputs.

    \b
    Examples:
      sitrep actors lookup "Kata'ib Hizballah"
      sitrep actors lookup "security forces" --country AFG
      sitrep actors --unknown articles.jsonl --yaml > my-actors.yaml
    User dictionary files are named in $SITREP_ACTORS (see docs/configuration.md).
    """
    if ctx.invoked_subcommand is not None:
        return
    if not unknown:
        click.echo(ctx.get_help())
        return
    from .actor_context import unknown_actors
    from .api import extract_files

    try:
        rows = unknown_actors(extract_files(list(unknown)))
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    click.echo(_unknown_yaml(rows) if as_yaml else _unknown_table(rows), nl=False)


def _unknown_table(rows) -> str:
    if not rows:
        return "no unknown named actors\n"
    lines = [f"{'count':>5}  {'inter':>5}  {'kind':<18}  {'country':<7}  name"]
    for r in rows:
        lines.append(f"{r['count']:>5}  {r['inter'] or '':>5}  {r['kind'] or '':<18}  {r['country'] or '':<7}  {r['name']}")
    return "\n".join(lines) + "\n"


def _unknown_yaml(rows) -> str:
    import yaml

    groups = [{"name": r["name"], "country": r["country"], "kind": r["kind"] or "political militia",
               "inter": r["inter"] or 3, "aliases": [r["name"]]} for r in rows]
    head = "# Unknown named actors found by `sitrep actors --unknown`: check each kind and code, then\n" \
           "# name this file in $SITREP_ACTORS.\n"
    return head + yaml.safe_dump({"groups": groups}, sort_keys=False, allow_unicode=True)


@actors.command("lookup")
@click.argument("name")
@click.option("--country", metavar="ISO3", default=None,
              help="Country where the event is: the nationality of a generic agent that names none.")
def actors_lookup(name, country):
    """What the dictionary makes of NAME: canonical actor, country, kind and ACLED inter code.

    Exits 1 when NAME is not in the dictionary (and says how it would be read).
    """
    from . import actors as dictionary
    from .actor_context import unknown_group

    try:
        info = dictionary.lookup(name, country=country)
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if info is None:
        guess = unknown_group(name, country)
        click.echo(f"{name!r} is not in the dictionary; read as an unknown group: kind {guess.kind}, "
                   f"inter {guess.inter}, country {guess.country or '-'}")
        sys.exit(errors.EXIT_SOME_DROPPED)
    entry = dictionary.entry_named(info.name)
    click.echo(f"name:     {info.name}\ncountry:  {info.country or '-'}\nkind:     {info.kind}\n"
               f"inter:    {info.inter}\nmatched:  {info.matched}")
    if info.backer:
        click.echo(f"backer:   {info.backer}")
    if entry is not None:
        click.echo(f"source:   {entry.source}")
        if entry.note:
            click.echo(f"note:     {entry.note}")


if __name__ == "__main__":  # pragma: no cover
    main()
