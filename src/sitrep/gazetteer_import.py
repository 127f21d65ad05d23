"""Build the gazetteer from a GeoNames dump a user has (``sitrep gazetteer import``).

The packaged gazetteer (gazetteer.py) knows towns of 500 people or more and first-level divisions. A full
GeoNames dump adds what analysts miss most: second-level divisions (Afghan districts, US counties) with
their own points, villages, and every alternate name GeoNames lists. This module reads a dump in GeoNames'
tab-separated layout (``allCountries.txt`` or one country's file such as ``AF.txt``; 19 columns: id,
name, ASCII name, alternate names, latitude, longitude, feature class, feature code, country code, cc2,
admin1 code, admin2 code, admin3, admin4, population, elevation, dem, time zone, modification date) and
writes a store of the same schema the packaged one has, so the resolver needs no change:

- feature class ``P`` (populated places) -> ``city``;
- feature code ``ADM1`` -> ``admin1``, ``ADM2`` -> ``admin2`` (precision 2);
- countries and the spellings of ``data/places.yaml`` as in the packaged store.

A first-level division's name comes from its ADM1 line, else from ``admin1CodesASCII.txt`` when given.
Lines that do not parse are counted and skipped, never fatal; a dump with no usable line is an error.
The store is written to a temporary file and renamed into place, so a failed import leaves nothing
behind. Point sitrep at it with ``SITREP_GAZETTEER=PATH`` (docs/configuration.md).
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import yaml

from . import gazetteer
from .errors import DataError, UsageError
from .gazetteer import Entry, _Builder, _add_country, _read_json, _useful_alternate, key

N_COLUMNS = 19
KIND_OF_CODE = {"ADM1": "admin1", "ADM2": "admin2"}


@dataclass
class ImportReport:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    skipped: int = 0  # lines that did not parse
    first_bad: str | None = None  # the first such line's problem, for the message


@dataclass
class _Row:
    geonames_id: int
    name: str
    names: list[str]
    lat: float
    lon: float
    kind: str
    country2: str
    admin1: str
    admin2: str
    population: int


def _parse(line: str, n: int) -> _Row | None | str:
    """A row, None for a feature sitrep does not keep, or a string saying why the line is malformed."""
    cols = line.rstrip("\n").split("\t")
    if len(cols) != N_COLUMNS:
        return f"line {n}: {len(cols)} columns, a GeoNames dump has {N_COLUMNS}"
    fclass, fcode = cols[6], cols[7]
    kind = "city" if fclass == "P" else KIND_OF_CODE.get(fcode) if fclass == "A" else None
    if kind is None:
        return None
    try:
        row = _Row(int(cols[0]), cols[1], [cols[1], cols[2], *cols[3].split(",")], float(cols[4]),
                   float(cols[5]), kind, cols[8], cols[10], cols[11], int(cols[14] or 0))
    except ValueError as exc:
        return f"line {n}: {exc}"
    if not (-90 <= row.lat <= 90 and -180 <= row.lon <= 180) or not row.name:
        return f"line {n}: no name or coordinates out of range"
    return row


def _admin1_names(path: Path | None) -> dict[tuple[str, str], str]:
    """``admin1CodesASCII.txt``: "AF.13<TAB>Kabul<TAB>Kabul<TAB>1138957" -> {("AF", "13"): "Kabul"}."""
    out: dict[tuple[str, str], str] = {}
    if path is None:
        return out
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and "." in cols[0]:
                cc, code = cols[0].split(".", 1)
                out[(cc, code)] = cols[1]
    return out


def import_dump(dump: Path, output: Path, admin1_codes: Path | None = None, min_population: int = 0,
                progress: Callable[[int], None] | None = None) -> ImportReport:
    """Build a gazetteer store at ``output`` from a GeoNames dump; see the module's docstring."""
    if not dump.is_file():
        raise UsageError(f"no GeoNames dump at {dump}", hint="give allCountries.txt or a country file such as AF.txt")
    iso3 = {c["iso"]: c["iso3"] for c in _read_json("countries.json").values()}
    extras = yaml.safe_load(gazetteer._places_yaml()) or {}
    names_of_admin1 = _admin1_names(admin1_codes)
    report = ImportReport(output)
    # Pass 1: the names of first-level divisions, which towns anywhere in the file refer to by code.
    for row in _rows(dump, iso3, min_population, report, None):
        if row.kind == "admin1":
            names_of_admin1.setdefault((row.country2, row.admin1), row.name)
    if not report.counts.get("rows"):
        why = f" ({report.first_bad})" if report.first_bad else ""
        raise DataError(f"{dump} holds no populated place or division in GeoNames' layout{why}",
                        hint="give allCountries.txt, a country file (AF.txt) or cities500.txt from GeoNames")
    report.counts.clear()
    report.skipped, report.first_bad = 0, None
    # Pass 2: stream every kept row into the store.
    _write(output, _rows(dump, iso3, min_population, report, progress), iso3, names_of_admin1, extras, report)
    return report


def _rows(dump: Path, iso3: dict[str, str], min_population: int, report: ImportReport,
          progress: Callable[[int], None] | None) -> Iterable[_Row]:
    with open(dump, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if progress is not None and n % 100_000 == 0:
                progress(n)
            if not line.strip() or line.startswith("#"):
                continue
            row = _parse(line, n)
            if isinstance(row, str):
                report.skipped += 1
                report.first_bad = report.first_bad or row
                continue
            if row is None or row.country2 not in iso3:
                continue
            if row.kind == "city" and row.population < min_population:
                continue
            report.counts["rows"] = report.counts.get("rows", 0) + 1
            yield row


def _write(output: Path, rows: Iterable[_Row], iso3: dict[str, str], admin1_names: dict[tuple[str, str], str],
           extras: dict, report: ImportReport) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=output.name, suffix=".tmp", dir=output.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(gazetteer.SCHEMA)
        b = _Builder(db)
        also = {(cc, str(code)): d.get("also", []) for cc, divs in (extras.get("admin1") or {}).items()
                for code, d in divs.items()}
        wanted = {(key(a["city"]), a["country"]): a.get("also", []) for a in extras.get("aliases") or []}
        best_alias: dict[tuple[str, str], tuple[int, int]] = {}
        for r in rows:
            cc = iso3[r.country2]
            a1 = admin1_names.get((r.country2, r.admin1))
            e = Entry(r.name, r.kind, cc, a1, r.lat, r.lon, r.population, r.geonames_id)
            names = [n for n in r.names if n and _useful_alternate(n)]
            if r.kind == "admin1":
                names += also.get((cc, r.admin1), [])
            eid = b.add(e, names)
            report.counts[r.kind] = report.counts.get(r.kind, 0) + 1
            if r.kind == "city":
                for k in {(key(n), cc) for n in names} & wanted.keys():
                    if r.population >= best_alias.get(k, (-1, 0))[0]:
                        best_alias[k] = (r.population, eid)
        for k, (_, eid) in best_alias.items():
            b.alias(eid, wanted[k])
        for c in _read_json("countries.json").values():
            e = Entry(c["name"], "country", c["iso3"], None, 0.0, 0.0, int(c["population"] or 0), c["geonameid"])
            _add_country(b, e, c)
        report.counts.pop("rows", None)
        report.counts["country"] = db.execute("SELECT COUNT(*) FROM entry WHERE kind = 'country'").fetchone()[0]
        db.executemany("INSERT INTO name VALUES (?,?,?)", b.names)
        db.executescript(gazetteer.INDEXES)
        db.execute("INSERT INTO meta VALUES ('digest', ?)", (gazetteer.IMPORTED,))
        db.commit()
        db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, output)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
