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
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P",
              help="Leave out events whose calibrated confidence is below P (0-1).")
@click.option("--incidents", is_flag=True,
              help="Group the articles' events into incidents and write `incident` on every output line. "
                   "Clustering runs once every article is extracted, so documents are held in memory "
                   "and written at the end.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no run summary.")
def extract(paths, inputs, output, fmt, published: date | None, max_bytes, with_text, min_confidence, incidents,
            quiet):
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
        stats = _run(sources, output, fmt, published, max_bytes, with_text, quiet, incidents, min_confidence)
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if not quiet:
        _summary(stats)
    sys.exit(_exit_code(stats, len(sources)))


def default_format(output: str | None) -> str:
    """Table for a person at a terminal; JSONL into a file or a pipe."""
    return "table" if output is None and sys.stdout.isatty() else "jsonl"


def _run(sources, output, fmt, published, max_bytes, with_text, quiet, incidents=False,
         min_confidence=None) -> Counter:
    opts = dict(published=published, max_bytes=max_bytes, with_text=with_text, quiet=quiet, incidents=incidents,
                min_confidence=min_confidence)
    if output is None:
        return _write(sys.stdout, sources, fmt, to_file=False, **opts)
    target = Path(output)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        fh = open(tmp, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise errors.UsageError(f"cannot write --output {output}: {exc.strerror or exc}",
                                hint="check that its directory exists and is writable") from None
    try:
        with fh:
            stats = _write(fh, sources, fmt, to_file=True, **opts)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return stats


def _write(fh, sources, fmt, published, max_bytes, with_text, quiet, to_file, incidents=False,
           min_confidence=None) -> Counter:
    from .api import extract_files

    stats: Counter = Counter()
    docs = extract_files(sources, published=published, max_bytes=max_bytes, with_text=with_text or incidents,
                         min_confidence=min_confidence)
    bar = _progress(sources, quiet, to_file)
    try:
        if incidents:  # the bar follows extraction; writing starts once all are clustered
            docs = _with_incidents(_ticking(docs, bar), keep_text=with_text)
        writer = render.CsvWriter(fh) if fmt == "csv" else None
        first = True
        if fmt == "json":
            fh.write("[")
        for doc in docs:
            _count(stats, doc)
            if not incidents:
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


def _ticking(docs, bar):
    for doc in docs:
        bar.update(1)
        yield doc


def _with_incidents(docs, keep_text: bool):
    """Every document, once all are extracted, with its incident (see sitrep.incidents)."""
    from .api import assign_incidents

    held = assign_incidents(list(docs))
    for doc in held:
        if not keep_text:
            doc.text = None
    return held


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


@main.group()
def gazetteer():
    """The offline gazetteer: which store is in use, and building one from a GeoNames dump."""


@gazetteer.command("info")
def gazetteer_info():
    """Say which gazetteer store is in use and how many places of each kind it holds."""
    from . import gazetteer as gaz

    try:
        chosen = gaz.imported_path()
        store = gaz.default()
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    click.echo(f"store: {store.path}" + (" (imported, from SITREP_GAZETTEER)" if chosen else " (packaged data)"))
    for kind, n in sorted(gaz.summary(store).items()):
        click.echo(f"{kind}: {n:,}")


@gazetteer.command("import")
@click.argument("dump", type=click.Path(dir_okay=False))
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None, metavar="PATH",
              help="Where to write the store [default: geonames.sqlite in the cache folder].")
@click.option("--admin1-codes", type=click.Path(exists=True, dir_okay=False), default=None, metavar="FILE",
              help="GeoNames' admin1CodesASCII.txt, for province names the dump has no ADM1 line for.")
@click.option("--min-population", type=click.IntRange(min=0), default=0, metavar="N",
              help="Leave out populated places of fewer than N people [default: keep all].")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines.")
def gazetteer_import(dump, output, admin1_codes, min_population, quiet):
    """Build a gazetteer store from a GeoNames dump (allCountries.txt or a country file such as AF.txt).

    \b
    It adds what the packaged gazetteer lacks: districts and counties (GeoNames'
    ADM2) at their own points, villages and every alternate name. Use it with:
      export SITREP_GAZETTEER=PATH
    """
    from . import gazetteer as gaz
    from .gazetteer_import import import_dump

    target = Path(output) if output else gaz.cache_dir() / "geonames.sqlite"

    def progress(n: int) -> None:
        if not quiet:
            click.echo(f"read {n:,} lines", err=True)

    try:
        report = import_dump(Path(dump), target, Path(admin1_codes) if admin1_codes else None,
                             min_population, progress)
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except OSError as exc:
        click.echo(f"error: cannot build the store at {target}: {exc.strerror or exc}", err=True)
        sys.exit(errors.EXIT_SETUP)
    kinds = ", ".join(f"{n:,} {k}" for k, n in sorted(report.counts.items()))
    click.echo(f"wrote {target}: {kinds}")
    if report.skipped:
        click.echo(f"skipped {report.skipped:,} malformed lines (first: {report.first_bad})", err=True)
    click.echo(f"use it with: export SITREP_GAZETTEER={target}")


# -- the store: ingest, events, incidents, export ------------------------------------------------

def _db_option(f):
    return click.option("--db", metavar="URL", default=None,
                        help="Store: a SQLite file or postgresql://... URL [default: $SITREP_DB, else sitrep.db].")(f)


def _bbox(ctx, param, value):
    if value is None:
        return None
    try:
        box = tuple(float(x) for x in value.split(","))
    except ValueError:
        box = ()
    if len(box) != 4 or box[0] > box[2] or box[1] > box[3]:
        raise click.BadParameter(f"{value!r} is not MIN_LON,MIN_LAT,MAX_LON,MAX_LAT")
    return box


def _day(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; give YYYY-MM-DD") from None


def _filter_options(f):
    options = [
        click.option("--country", metavar="ISO3", help="Only this country (ISO 3166-1 alpha-3, e.g. SYR)."),
        click.option("--type", "type_", metavar="TYPE",
                     help="Only this PLOVER type, ACLED event type or ACLED sub-event type (any case)."),
        click.option("--actor", metavar="TEXT", help="Only events with an actor whose text or name contains TEXT."),
        click.option("--since", callback=_day, metavar="YYYY-MM-DD", help="Only events on or after this date."),
        click.option("--until", callback=_day, metavar="YYYY-MM-DD", help="Only events on or before this date."),
        click.option("--bbox", callback=_bbox, metavar="W,S,E,N",
                     help="Only events inside this box: MIN_LON,MIN_LAT,MAX_LON,MAX_LAT."),
        click.option("--min-fatalities", type=click.IntRange(min=0), metavar="N",
                     help="Only events with a best fatality figure of at least N."),
        click.option("--limit", type=click.IntRange(min=1), metavar="N", help="At most N rows."),
    ]
    for opt in reversed(options):
        f = opt(f)
    return f


def _filters(kw):
    from .store import Filters

    return Filters(country=kw["country"], type=kw["type_"], actor=kw["actor"], since=kw["since"],
                   until=kw["until"], bbox=kw["bbox"], min_fatalities=kw["min_fatalities"], limit=kw["limit"])


def _open(db):
    from .store import open_store

    try:
        return open_store(db)
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--published", callback=_published, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, metavar="N",
              help="Largest input file (or JSONL/CSV record) read, in bytes [default: 10 MiB].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no run summary.")
def ingest(paths, db, published, max_bytes, quiet):
    """Extract articles into the store, one transaction per article; re-running changes nothing.

    \b
    Examples:
      sitrep ingest 'news/*.html'
      sitrep ingest feed.jsonl --db postgresql://sitrep@db.example.org/sitrep
    """
    from tqdm import tqdm

    from .ingest import ingest as run_ingest

    store = _open(db)
    disable = quiet or not sys.stderr.isatty()
    bar = tqdm(total=None if disable else _count_records(paths), unit="article", disable=disable, file=sys.stderr,
               dynamic_ncols=True)
    try:
        stats = run_ingest(list(paths), store, published=published, max_bytes=max_bytes, progress=bar.update)
        counts = store.counts()
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    finally:
        bar.close()
        store.close()
    if not quiet:
        click.echo(f"{stats['articles']} articles: {stats['stored']} stored, {stats['unchanged']} unchanged, "
                   f"{stats['failed']} failed; {stats['events']} events written", err=True)
        for key, n in sorted(stats.items()):
            if key.startswith("reason:"):
                click.echo(f"  {n} × {key[7:]}", err=True)
        click.echo(f"store {store.url}: {counts['articles']} articles, {counts['events']} events, "
                   f"{counts['incidents']} incidents, {counts['failures']} failures", err=True)
    sys.exit(errors.EXIT_SOME_DROPPED if stats["failed"] else errors.EXIT_OK)


@main.command()
@_db_option
@_filter_options
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              help="table, jsonl (event records) or csv (the columns of extract's csv).")
@click.option("--all-versions", is_flag=True, help="Also events of older pipeline versions (superseded).")
def events(db, fmt, all_versions, **kw):
    """List stored events, filtered."""
    from . import export as ex

    store = _open(db)
    try:
        rows = store.events(_filters(kw), all_versions=all_versions)
        if fmt == "jsonl":
            ex.write_jsonl(sys.stdout, rows)
        elif fmt == "csv":
            ex.write_csv(sys.stdout, map(ex.flat_row, rows), render.CSV_COLUMNS + ["incident_id"])
        else:
            click.echo(render.store_table(rows))
    finally:
        store.close()


@main.command()
@_db_option
@_filter_options
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              help="table, or jsonl (one incident record a line, with its summary).")
@click.option("--history", is_flag=True, help="With jsonl: add each incident's merge history.")
def incidents(db, fmt, history, **kw):
    """List stored incidents (events of several reports merged), filtered."""
    import json

    store = _open(db)
    try:
        for inc in store.incidents(_filters(kw)):
            if fmt == "jsonl":
                if history:
                    inc["history"] = store.incident_history(inc["incident_id"])
                click.echo(json.dumps(inc, ensure_ascii=False))
            else:
                click.echo(render.incident_line(inc))
    finally:
        store.close()


@main.command(name="export")
@_db_option
@_filter_options
@click.option("-f", "--format", "fmt", required=True,
              type=click.Choice(["acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl"]),
              help="acled-csv, ucdp-csv, geojson, parquet or jsonl.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write here (written whole or not at all); required for parquet.")
def export_cmd(db, fmt, output, **kw):
    """Export stored events in ACLED's or UCDP's columns, GeoJSON, Parquet or JSONL."""
    from . import export as ex

    if fmt in ex.BINARY_FORMATS and output is None:
        raise click.UsageError(f"{fmt} needs --output FILE")
    store = _open(db)
    try:
        rows = store.events(_filters(kw))
        if output is None:
            n = ex.export(rows, fmt, sys.stdout)
        else:
            n = _export_file(ex, rows, fmt, output)
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    finally:
        store.close()
    click.echo(f"{n} events exported", err=True)


def _export_file(ex, rows, fmt, output) -> int:
    target = Path(output)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        if fmt in ex.BINARY_FORMATS:
            n = ex.export(rows, fmt, str(tmp))
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                n = ex.export(rows, fmt, fh)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise errors.UsageError(f"cannot write --output {output}: {exc.strerror or exc}",
                                hint="check that its directory exists and is writable") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


@main.command()
@click.argument("text")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
def explain(text, as_json):
    """Show why each event mention of TEXT got its type: trigger, rule, classifier, weighty features.

    \b
    Example:
      sitrep explain "Rebels fired mortars at the army base on Sunday."
    """
    from .classify import explain as explain_text

    try:
        found = explain_text(text)
    except SitrepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    if as_json:
        import json

        click.echo(json.dumps([e.as_dict() for e in found], ensure_ascii=False, indent=2))
        return
    click.echo(render.explanation(found))


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
