"""Exports of the store's events in the files analysts already load.

- ``acled-csv``: ACLED's public export columns (``ACLED_COLUMNS``) and codes;
- ``ucdp-csv``: UCDP GED's columns (``UCDP_COLUMNS``) and codes;
- ``geojson``: a FeatureCollection, one Point feature per event (``null`` geometry when unlocated);
- ``parquet``: one row per event, typed columns (``PARQUET_SCHEMA``);
- ``jsonl``: one event record per line, exactly the record of docs/record.md, with its ``incident_id``.

Fields sitrep knows are filled; the others are left empty. docs/store.md maps every column.
"""
from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from types import SimpleNamespace
from typing import IO

from .errors import DataError, UsageError
from .render import CSV_COLUMNS, event_row
from .store import StoredEvent

FORMATS = ("acled-csv", "ucdp-csv", "geojson", "parquet", "jsonl")
BINARY_FORMATS = ("parquet",)

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]

UCDP_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_new_id", "conflict_name",
    "dyad_new_id", "dyad_name", "side_a_new_id", "gwnoa", "side_a", "side_b_new_id", "gwnob", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
]

EXTRA_COLUMNS = ["incident_id", "published", "title", "url", "pipeline", "ingested_at", "record"]
PARQUET_COLUMNS = CSV_COLUMNS + [c for c in EXTRA_COLUMNS if c not in CSV_COLUMNS]
_INT = {"initiator_inter", "target_inter", "geo_precision", "fatalities_best", "fatalities_low", "fatalities_high",
        "injured_best"}
_FLOAT = {"lat", "lon", "confidence"}
_BOOL = {"fatalities_disputed"}


@lru_cache(maxsize=1)
def codes() -> dict:
    from importlib import resources

    import yaml

    try:
        return yaml.safe_load(resources.files("sitrep").joinpath("data/exports/codes.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"data/exports/codes.yaml is unusable: {exc}", hint="reinstall sitrep") from None


def _countries() -> dict[str, dict]:
    from .gazetteer import geonames_countries

    return geonames_countries()


def country_name(iso3: str | None) -> str | None:
    return (_countries().get(iso3) or {}).get("name") if iso3 else None


def iso_numeric(iso3: str | None) -> int | None:
    """ISO 3166-1 numeric code (ACLED's ``iso`` column)."""
    return (_countries().get(iso3) or {}).get("isonumeric") if iso3 else None


def priogrid_gid(lat: float, lon: float) -> int:
    """PRIO-GRID cell id (0.5 degree cells, numbered from (-90, -180) row by row, starting at 1)."""
    row = min(int(math.floor((lat + 90) / 0.5)), 359)
    col = min(int(math.floor((lon + 180) / 0.5)), 719)
    return row * 720 + col + 1


def _full_date(value: str | None) -> str | None:
    """A date value as YYYY-MM-DD: a month is coded to its first day, a year to 1 January."""
    if not value:
        return None
    if len(value) == 4:
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value[:10]


def _unix(ts: str) -> int:
    return int(datetime.fromisoformat(ts).timestamp())


def _actors(ev, role: str) -> list:
    return [a for a in ev.actors if a.role == role]


def _name(actor) -> str | None:
    return (actor.name or actor.text) if actor else None


def _interaction(i1: int | None, i2: int | None) -> int | None:
    """ACLED's numeric interaction code: both inter codes, lower first (17), or one code times ten (60)."""
    if i1 and i2:
        return int(f"{min(i1, i2)}{max(i1, i2)}")
    if i1 or i2:
        return (i1 or i2) * 10
    return None


def acled_row(se: StoredEvent) -> dict:
    ev, c = se.event, codes()
    ini, tgt = _actors(ev, "initiator"), _actors(ev, "target")
    a1, a2 = (ini[0] if ini else None), (tgt[0] if tgt else None)
    loc, sub = ev.location, ev.acled.sub_event_type if ev.acled else None
    day = _full_date(ev.date.value if ev.date else None)
    prec = ev.date.precision if ev.date else None
    violent = ev.acled is not None and ev.acled.event_type in c["ucdp_violent_types"]
    notes = ev.summary or ""
    if ev.fatalities and ev.fatalities.disputed:
        notes += " Fatalities disputed: " + "; ".join(
            f"{cl.count} ({cl.source or 'the publisher'})" for cl in ev.fatalities.claims) + "."
    return {
        "event_id_cnty": ev.id, "event_date": day, "year": int(day[:4]) if day else None,
        "time_precision": c["acled_time_precision"].get(prec) if prec else None,
        "disorder_type": c["acled_disorder_type"].get(sub) if sub else None,
        "event_type": ev.acled.event_type if ev.acled else None, "sub_event_type": sub,
        "actor1": _name(a1), "assoc_actor_1": "; ".join(filter(None, map(_name, ini[1:]))) or None,
        "inter1": a1.inter if a1 else None,
        "actor2": _name(a2), "assoc_actor_2": "; ".join(filter(None, map(_name, tgt[1:]))) or None,
        "inter2": a2.inter if a2 else None,
        "interaction": _interaction(a1.inter if a1 else None, a2.inter if a2 else None),
        "civilian_targeting": "Civilian targeting" if violent and any(a.inter == 7 for a in tgt) else None,
        "iso": iso_numeric(loc.country if loc else None), "region": None,
        "country": country_name(loc.country if loc else None), "admin1": loc.admin1 if loc else None,
        "admin2": None, "admin3": None, "location": (loc.name or loc.text) if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "source": "; ".join(ev.sources) or None, "source_scale": None, "notes": notes.strip() or None,
        "fatalities": ev.fatalities.best if ev.fatalities and ev.fatalities.best is not None else 0,
        "tags": f"sitrep_incident={se.incident_id}" if se.incident_id else None,
        "timestamp": _unix(se.ingested_at),
    }


def type_of_violence(ev) -> int | None:
    """UCDP's 1 state-based, 2 non-state, 3 one-sided (against civilians); None when not organised violence."""
    c = codes()
    if ev.acled is None or ev.acled.event_type not in c["ucdp_violent_types"]:
        return None
    tgt = _actors(ev, "target")
    if ev.acled.event_type == "Violence against civilians" or any(a.inter == 7 for a in tgt):
        return 3
    inters = {a.inter for a in ev.actors}
    return 1 if inters & set(c["ucdp_state_inters"]) else 2


def ucdp_row(se: StoredEvent) -> dict:
    ev, c = se.event, codes()
    ini, tgt = _actors(ev, "initiator"), _actors(ev, "target")
    side_a, side_b = _name(ini[0] if ini else None), _name(tgt[0] if tgt else None)
    loc, fat = ev.location, ev.fatalities
    day = _full_date(ev.date.value if ev.date else None)
    tov = type_of_violence(ev)
    best = fat.best if fat and fat.best is not None else 0
    lat, lon = (loc.lat, loc.lon) if loc else (None, None)
    located = lat is not None and lon is not None
    claimants = sorted({cl.source for cl in (fat.claims if fat else []) if cl.source})
    return {
        "id": ev.id, "relid": ev.id, "year": int(day[:4]) if day else None, "active_year": None,
        "code_status": None, "type_of_violence": tov, "conflict_new_id": None, "conflict_name": None,
        "dyad_new_id": None, "dyad_name": f"{side_a} - {side_b}" if side_a and side_b else None,
        "side_a_new_id": None, "gwnoa": None, "side_a": side_a, "side_b_new_id": None, "gwnob": None,
        "side_b": side_b, "number_of_sources": len(ev.sources),
        "source_article": se.url or se.source or se.doc_id, "source_office": None, "source_date": se.published,
        "source_headline": se.title, "source_original": "; ".join(claimants) or None,
        "where_prec": c["ucdp_where_prec"].get(loc.precision) if loc and loc.precision else None,
        "where_coordinates": loc.name if loc else None, "where_description": loc.text if loc else None,
        "adm_1": loc.admin1 if loc else None, "adm_2": None, "latitude": lat, "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if located else None,
        "priogrid_gid": priogrid_gid(lat, lon) if located else None,
        "country": country_name(loc.country if loc else None), "country_id": None, "region": None,
        "event_clarity": None, "date_prec": c["ucdp_date_prec"].get(ev.date.precision) if ev.date else None,
        "date_start": day, "date_end": day, "deaths_a": None, "deaths_b": None,
        "deaths_civilians": best if tov == 3 else None, "deaths_unknown": best if tov != 3 else None,
        "best": best,
        "high": fat.high if fat and fat.high is not None else best,
        "low": fat.low if fat and fat.low is not None else best,
    }


def flat_row(se: StoredEvent) -> dict:
    """sitrep's own flat columns (render.CSV_COLUMNS) plus the store's: incident, article, pipeline, record."""
    ev = se.event
    row = event_row(SimpleNamespace(id=se.doc_id), ev)
    row.update(incident_id=se.incident_id, published=se.published, title=se.title, url=se.url,
               pipeline=ev.pipeline, ingested_at=se.ingested_at,
               record=ev.model_copy(update={"incident_id": se.incident_id}).model_dump_json())
    row["sources"] = row["sources"] or None
    return row


def write_csv(fh: IO[str], rows: Iterable[dict], columns: list[str]) -> int:
    writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow({k: ("" if row[k] is None else row[k]) for k in columns})
        n += 1
    return n


def write_geojson(fh: IO[str], events: Iterable[StoredEvent]) -> int:
    fh.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for se in events:
        row = flat_row(se)
        row.pop("record")
        lat, lon = row["lat"], row["lon"]
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feature = {"type": "Feature", "id": se.event.id, "geometry": geometry, "properties": row}
        fh.write(("\n" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


def write_jsonl(fh: IO[str], events: Iterable[StoredEvent]) -> int:
    n = 0
    for se in events:
        fh.write(se.event.model_copy(update={"incident_id": se.incident_id}).model_dump_json() + "\n")
        n += 1
    return n


def parquet_schema():
    import pyarrow as pa

    def kind(col):
        return pa.int64() if col in _INT else pa.float64() if col in _FLOAT else pa.bool_() if col in _BOOL \
            else pa.string()

    return pa.schema([(col, kind(col)) for col in PARQUET_COLUMNS])


def write_parquet(path: str, events: Iterable[StoredEvent], batch: int = 10_000) -> int:
    """Streams row groups of ``batch`` events, so memory stays flat however many events are exported."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema, n, rows = parquet_schema(), 0, []
    with pq.ParquetWriter(path, schema) as writer:
        for se in events:
            rows.append(flat_row(se))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n, rows = n + len(rows), []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


def export(events: Iterable[StoredEvent], fmt: str, target: IO[str] | str) -> int:
    """Write ``events`` in ``fmt`` to a text stream (or, for parquet, a path); returns the number of events."""
    if fmt == "acled-csv":  # ACLED's files hold only its own event types: no calls, threats or statements
        return write_csv(target, map(acled_row, (se for se in events if se.event.acled is not None)), ACLED_COLUMNS)
    if fmt == "ucdp-csv":  # UCDP GED holds organised violence only
        return write_csv(target, map(ucdp_row, (se for se in events if type_of_violence(se.event) is not None)),
                         UCDP_COLUMNS)
    if fmt == "geojson":
        return write_geojson(target, events)
    if fmt == "jsonl":
        return write_jsonl(target, events)
    if fmt == "parquet":
        if not isinstance(target, str):
            raise UsageError("parquet is a binary file", hint="give --output FILE.parquet")
        return write_parquet(target, events)
    raise UsageError(f"unknown export format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
