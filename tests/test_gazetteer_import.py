"""`sitrep gazetteer import`: a GeoNames dump becomes a store the resolver uses as it is."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from sitrep import gazetteer
from sitrep.cli import main
from sitrep.gazetteer_import import import_dump
from sitrep.pipeline import Pipeline
from sitrep.read import article_from_text


def _line(gid, name, alt, lat, lon, fclass, fcode, cc, a1, a2="", pop=0):
    cols = [str(gid), name, name, alt, str(lat), str(lon), fclass, fcode, cc, "", a1, a2, "", "", str(pop),
            "", "", "Asia/Kabul", "2024-01-01"]
    return "\t".join(cols) + "\n"


# A dump in GeoNames' layout, written for these tests: a province, one of its districts, a town, a namesake
# village in another province, a mountain (not kept) and a broken line.
DUMP = "".join([
    _line(900001, "Nangarhar", "Ningarhar", 34.3, 70.4, "A", "ADM1", "AF", "18"),
    _line(900002, "Sherzad District", "Sherzad,Shirzad", 34.27, 69.85, "A", "ADM2", "AF", "18", "1801"),
    _line(900003, "Jalalabad", "", 34.43, 70.45, "P", "PPLA", "AF", "18", pop=200000),
    _line(900004, "Sherzad", "", 31.6, 65.7, "P", "PPL", "AF", "23", pop=800),
    _line(900005, "Spin Ghar", "", 34.1, 70.2, "T", "MTS", "AF", "18"),
    "this line is not GeoNames\n",
])


@pytest.fixture
def dump(tmp_path):
    path = tmp_path / "AF.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


@pytest.fixture
def imported(dump, tmp_path, monkeypatch):
    store = tmp_path / "geonames.sqlite"
    import_dump(dump, store)
    monkeypatch.setenv("SITREP_GAZETTEER", str(store))
    gazetteer.default.cache_clear()
    yield store
    monkeypatch.delenv("SITREP_GAZETTEER")
    gazetteer.default.cache_clear()


def test_the_dump_gives_divisions_towns_and_countries(dump, tmp_path):
    report = import_dump(dump, tmp_path / "g.sqlite")
    assert report.counts["admin1"] == 1 and report.counts["admin2"] == 1 and report.counts["city"] == 2
    assert report.counts["country"] > 100
    assert report.skipped == 1 and "columns" in report.first_bad
    g = gazetteer.Gazetteer(tmp_path / "g.sqlite")
    district = next(e for e in g.candidates("Shirzad") if e.kind == "admin2")
    assert (district.country, district.admin1, district.lat) == ("AFG", "Nangarhar", 34.27)
    assert any(e.kind == "admin1" for e in g.candidates("Ningarhar"))  # places.yaml spellings join in


def test_the_resolver_places_a_district_at_its_own_point(imported):
    doc = Pipeline().process(article_from_text(
        "Taliban fighters attacked a police post in Sherzad district, Nangarhar, on Monday, killing two.",
        published="2024-03-05"))
    where = doc.events[0].location
    assert where is not None and where.name == "Sherzad District"
    assert (where.lat, where.precision) == (34.27, 2)


def test_a_missing_or_foreign_store_is_a_setup_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_GAZETTEER", str(tmp_path / "nowhere.sqlite"))
    gazetteer.default.cache_clear()
    try:
        result = CliRunner().invoke(main, ["gazetteer", "info"])
        assert result.exit_code == 5 and "SITREP_GAZETTEER" in result.output
        (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
        monkeypatch.setenv("SITREP_GAZETTEER", str(tmp_path / "junk.sqlite"))
        result = CliRunner().invoke(main, ["gazetteer", "info"])
        assert result.exit_code == 5 and "not a gazetteer store" in result.output
    finally:
        gazetteer.default.cache_clear()


def test_the_command_builds_and_reports(dump, tmp_path):
    out = tmp_path / "built.sqlite"
    result = CliRunner().invoke(main, ["gazetteer", "import", str(dump), "--output", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert out.exists() and f"SITREP_GAZETTEER={out}" in result.output and "1 admin2" in result.output


def test_a_file_with_no_geonames_line_is_refused_and_leaves_nothing(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("just some notes\nand more\n", encoding="utf-8")
    out = tmp_path / "built.sqlite"
    result = CliRunner().invoke(main, ["gazetteer", "import", str(bad), "--output", str(out)])
    assert result.exit_code == 5 and "GeoNames" in result.output
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))
    result = CliRunner().invoke(main, ["gazetteer", "import", str(tmp_path / "absent.txt"), "-o", str(out)])
    assert result.exit_code == 2


def test_info_names_the_packaged_store():
    gazetteer.default.cache_clear()
    result = CliRunner().invoke(main, ["gazetteer", "info"])
    assert result.exit_code == 0 and "packaged data" in result.output and "city:" in result.output
