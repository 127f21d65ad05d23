"""Exports re-read by pyarrow (CSV, Parquet) and json: the documented columns, with the documented types."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from storefix import make_doc, make_event, pg_url, store, store_url  # noqa: F401  (fixtures)

from sitrep import export as ex
from sitrep.cli import main
from sitrep.ingest import store_document
from sitrep.record import Event
from sitrep.store import Filters

STORE_DOC = (Path(__file__).resolve().parents[1] / "docs" / "store.md").read_text(encoding="utf-8")


def _fill(store):
    docs = [
        make_doc("sha256:a", [make_event("sha256:a", 0, country="SYR", lat=36.2, lon=37.15, killed=4),
                              make_event("sha256:a", 1, country="SYR", day="2024-05", lat=None, lon=None, killed=None,
                                         acled=("Battles", "Armed clash"), inter=1)]),
        make_doc("sha256:b", [make_event("sha256:b", 0, country="IRQ", lat=36.34, lon=43.13, killed=12,
                                         acled=("Explosions/Remote violence", "Air/drone strike"), inter=8)]),
    ]
    for d in docs:
        assert store_document(store, d) == "stored"
    return [ev for d in docs for ev in d.events]


def _read_csv(text: str) -> pa.Table:
    return pacsv.read_csv(io.BytesIO(text.encode()))


def _export(store, fmt) -> str:
    buf = io.StringIO()
    ex.export(store.events(), fmt, buf)
    return buf.getvalue()


def test_acled_csv_has_acleds_columns_and_types(store):
    _fill(store)
    table = _read_csv(_export(store, "acled-csv"))
    assert table.column_names == ex.ACLED_COLUMNS
    assert table.num_rows == 3
    types = dict(zip(table.column_names, table.schema.types))
    for col in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
                "timestamp"):
        assert pa.types.is_integer(types[col]), col
    for col in ("latitude", "longitude"):
        assert pa.types.is_floating(types[col]), col
    rows = table.to_pylist()
    syr = next(r for r in rows if r["sub_event_type"] == "Attack")
    assert (syr["iso"], syr["fatalities"], syr["interaction"], syr["civilian_targeting"]) == (760, 4, 37,
                                                                                           "Civilian targeting")
    assert syr["disorder_type"] == "Political violence" and str(syr["event_date"]) == "2024-05-14"
    month = next(r for r in rows if r["sub_event_type"] == "Armed clash")
    assert (str(month["event_date"]), month["time_precision"], month["fatalities"]) == ("2024-05-01", 1, 0)
    assert all(r["tags"].startswith("sitrep_incident=inc-") for r in rows)


def test_ucdp_csv_has_geds_columns_and_types(store):
    _fill(store)
    table = _read_csv(_export(store, "ucdp-csv"))
    assert table.column_names == ex.UCDP_COLUMNS
    types = dict(zip(table.column_names, table.schema.types))
    for col in ("year", "type_of_violence", "number_of_sources", "where_prec", "priogrid_gid", "date_prec", "best",
                "high", "low"):
        assert pa.types.is_integer(types[col]), col
    rows = {r["country"]: r for r in table.to_pylist() if r["latitude"] is not None}
    assert rows["Iraq"]["geom_wkt"] == "POINT (43.13 36.34)"
    assert rows["Iraq"]["priogrid_gid"] == ex.priogrid_gid(36.34, 43.13)
    assert rows["Syria"]["type_of_violence"] == 3 and rows["Syria"]["deaths_civilians"] == 4


@pytest.mark.parametrize("lat, lon, gid", [(-89.75, -179.75, 1), (-89.75, 179.75, 720), (-89.25, -179.75, 721),
                                           (89.75, 179.75, 259200)])
def test_priogrid_cells_count_from_the_south_west_corner(lat, lon, gid):
    assert ex.priogrid_gid(lat, lon) == gid


def test_parquet_has_typed_columns(store, tmp_path):
    events = _fill(store)
    path = str(tmp_path / "events.parquet")
    assert ex.export(store.events(), "parquet", path) == 3
    table = pq.read_table(path)
    assert table.schema == ex.parquet_schema()
    assert table.column_names == ex.PARQUET_COLUMNS
    back = {Event.model_validate_json(r).id: Event.model_validate_json(r) for r in table.column("record").to_pylist()}
    for ev in events:
        assert back[ev.id].model_copy(update={"incident_id": None}) == ev


def test_an_empty_store_exports_an_empty_parquet_with_the_schema(store, tmp_path):
    path = str(tmp_path / "none.parquet")
    assert ex.export(store.events(), "parquet", path) == 0
    assert pq.read_table(path).schema == ex.parquet_schema()


def test_geojson_features(store):
    _fill(store)
    data = json.loads(_export(store, "geojson"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    located = [f for f in data["features"] if f["geometry"]]
    assert len(located) == 2
    assert all(f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2 for f in located)
    assert set(data["features"][0]["properties"]) == set(ex.PARQUET_COLUMNS) - {"record"}


def test_jsonl_lines_are_event_records_with_their_incident(store):
    events = _fill(store)
    lines = [Event.model_validate_json(line) for line in _export(store, "jsonl").splitlines()]
    assert sorted(e.id for e in lines) == sorted(e.id for e in events)
    assert all(e.incident_id and e.incident_id.startswith("inc-") for e in lines)


def test_export_cli_filters_and_writes_whole_files(store_url, tmp_path):
    from sitrep.store import open_store

    with open_store(store_url) as s:
        _fill(s)
    out = tmp_path / "iraq.csv"
    res = CliRunner().invoke(main, ["export", "--db", store_url, "-f", "acled-csv", "--country", "IRQ",
                                    "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert [r["country"] for r in _read_csv(out.read_text()).to_pylist()] == ["Iraq"]
    res = CliRunner().invoke(main, ["export", "--db", store_url, "-f", "parquet"])
    assert res.exit_code == 2 and "--output" in res.output
    res = CliRunner().invoke(main, ["events", "--db", store_url, "--bbox", "1,2,3"])
    assert res.exit_code == 2
    res = CliRunner().invoke(main, ["events", "--db", store_url, "--min-fatalities", "10", "-f", "jsonl"])
    assert [json.loads(x)["article_id"] for x in res.output.splitlines()] == ["sha256:b"]
    res = CliRunner().invoke(main, ["incidents", "--db", store_url, "-f", "jsonl", "--history"])
    incs = [json.loads(x) for x in res.output.splitlines()]
    assert incs and all(i["history"][0]["action"] == "create" for i in incs)


@pytest.mark.parametrize("columns", [ex.ACLED_COLUMNS, ex.UCDP_COLUMNS, ex.PARQUET_COLUMNS])
def test_every_export_column_is_documented(columns):
    documented = set(re.findall(r"`([a-z_0-9]+)`", STORE_DOC))
    assert not [c for c in columns if c not in documented]


def test_filters_apply_to_exports(store):
    _fill(store)
    buf = io.StringIO()
    assert ex.export(store.events(Filters(min_fatalities=10)), "jsonl", buf) == 1


def test_acled_and_ucdp_files_hold_only_their_own_kinds_of_event():
    from sitrep import export as ex
    from sitrep.record import Acled, Event, Span, Trigger
    from sitrep.store import StoredEvent

    def stored(acled):
        ev = Event(id="ev-1", article_id="a", type="CONSULT" if acled is None else "ASSAULT", mode="verbal",
                   acled=acled, trigger=Trigger(text="x", lemma="x", evidence=Span(start=0, end=1)),
                   pipeline="p", confidence=0.5, evidence=[Span(start=0, end=1)])
        return StoredEvent(event=ev, incident_id=None, doc_id="d", source=None, title=None, url=None,
                           published=None, ingested_at="2024-01-01T00:00:00Z")

    import io
    out = io.StringIO()
    both = [stored(None), stored(Acled(event_type="Battles", sub_event_type="Armed clash"))]
    assert ex.export(both, "acled-csv", out) == 1 and out.getvalue().count("\n") == 2
    out = io.StringIO()
    assert ex.export(both, "ucdp-csv", out) == 1 and out.getvalue().count("\n") == 2
