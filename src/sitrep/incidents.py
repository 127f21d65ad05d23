"""Incidents: event records from different articles that report one real-world incident.

Each event gets a :class:`Signature` (what the matcher knows of it: type family, countries,
time anchors, date and place with their precision, actors, counts and the article's
distinctive words). :func:`match` scores two signatures 0..1; :class:`Clusterer` adds
events one at a time, comparing each only with the events that share a country x time
block (:meth:`Signature.block_keys`), so the cost grows near-linearly with the number of
events. :func:`summarise` turns an incident's members into one incident-level record
(claims unioned per claimant; in incident_records.py), and :func:`cluster_documents` is the batch path of
``sitrep extract --incidents``. Thresholds and weights live in ``data/incidents.yaml``.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from .errors import DataError
from .incident_records import summarise  # noqa: F401  (part of this module's interface)

VERSION = "incidents-1"


# --------------------------------------------------------------------------- configuration

@dataclass(frozen=True)
class Config:
    threshold: float
    merge_threshold: float
    bucket_days: int
    event_date_precisions: frozenset
    max_document_countries: int
    unknown_country: str
    max_gap_days: int
    families: dict
    text: dict
    weights: dict
    place_km: dict
    place_far: float
    date_days: dict
    date_far: float


def parse_config(data: dict) -> Config:
    """A Config from the parsed YAML; DataError (E400) when a key is missing or malformed."""
    try:
        blocking = data["blocking"]
        return Config(
            threshold=float(data["threshold"]), merge_threshold=float(data["merge_threshold"]),
            bucket_days=int(blocking["bucket_days"]),
            event_date_precisions=frozenset(blocking["event_date_precisions"]),
            max_document_countries=int(blocking["max_document_countries"]),
            unknown_country=str(blocking["unknown_country"]),
            max_gap_days=int(data["time"]["max_gap_days"]),
            families={str(k): str(v) for k, v in (data.get("families") or {}).items()},
            text={k: float(v) for k, v in data["text"].items()},
            weights={k: float(v) for k, v in data["weights"].items()},
            place_km={int(k): float(v) for k, v in data["place_km"].items()},
            place_far=float(data["place_far"]),
            date_days={str(k): int(v) for k, v in data["date_days"].items()},
            date_far=float(data["date_far"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"incident settings are malformed: {exc!r}",
                        hint="see the comments in data/incidents.yaml") from exc


@lru_cache(maxsize=1)
def config() -> Config:
    """The settings of data/incidents.yaml, loaded once."""
    try:
        text = resources.files("sitrep").joinpath("data/incidents.yaml").read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"cannot load data/incidents.yaml: {exc}", hint="reinstall sitrep") from exc
    if not isinstance(data, dict):
        raise DataError("data/incidents.yaml is not a mapping", hint="reinstall sitrep")
    return parse_config(data)


def __getattr__(name):  # THRESHOLD is read from the data file on first use
    if name == "THRESHOLD":
        return config().threshold
    raise AttributeError(name)


# --------------------------------------------------------------------------- signatures

@dataclass(frozen=True)
class Signature:
    """What the matcher knows about one event. JSON-serialisable (``to_dict``/``from_dict``)."""

    family: str | None = None
    countries: tuple[str, ...] = ()
    published: str | None = None
    date: str | None = None
    date_precision: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    actors: tuple[str, ...] = ()
    fatalities: int | None = None
    injured: int | None = None
    terms: dict = field(default_factory=dict)  # word -> weight
    _days: tuple = field(default=(), init=False, repr=False, compare=False)  # anchors as day ordinals
    # derived once, on first use: a stored signature is shared by every article that meets it
    _keys: tuple | None = field(default=None, init=False, repr=False, compare=False)
    _index: tuple | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "_days", tuple(d.toordinal() for d in self.anchors()))

    def to_dict(self) -> dict:
        return {"family": self.family, "countries": list(self.countries), "published": self.published,
                "date": self.date, "date_precision": self.date_precision, "lat": self.lat, "lon": self.lon,
                "geo_precision": self.geo_precision, "actors": list(self.actors),
                "fatalities": self.fatalities, "injured": self.injured, "terms": dict(self.terms)}

    @classmethod
    def from_dict(cls, d: dict) -> "Signature":
        return cls(family=d.get("family"), countries=tuple(d.get("countries") or ()),
                   published=d.get("published"), date=d.get("date"), date_precision=d.get("date_precision"),
                   lat=d.get("lat"), lon=d.get("lon"), geo_precision=d.get("geo_precision"),
                   actors=tuple(d.get("actors") or ()), fatalities=d.get("fatalities"),
                   injured=d.get("injured"), terms=dict(d.get("terms") or {}))

    @staticmethod
    @lru_cache(maxsize=4096)
    def from_json(text: str) -> "Signature":
        """A stored signature (``to_dict`` as JSON); the same text gives the same shared object (not to be changed)."""
        return Signature.from_dict(json.loads(text))

    def anchors(self) -> list[date]:
        """The dates this event sits at: its publication date, and its own date when precise."""
        out = []
        for value in (self.published, self.date if self.date_precision in config().event_date_precisions else None):
            day = _day(value)
            if day is not None and day not in out:
                out.append(day)
        return out

    def block_keys(self) -> tuple[str, ...]:
        """Country x time-bucket keys; two events that may be one incident share at least one."""
        if self._keys is None:
            object.__setattr__(self, "_keys", tuple(self._block_keys()))
        return self._keys

    def _block_keys(self) -> list[str]:
        cfg = config()
        size = cfg.bucket_days
        buckets = set()
        for day in self.anchors():
            k = day.toordinal() // size
            buckets.update((k, k + 1))
        countries = self.countries or (cfg.unknown_country,)
        if not buckets:
            buckets = {"?"}
        return sorted(f"{c}|{b}" for c in countries for b in buckets)


def _day(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\d{3,}")
_SENTENCE_END = re.compile(r"[.!?:;\"”]\s*$")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """wordfreq's English word frequencies, loaded once (a tenth of a second): a lookup is then a dict get."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist="best")


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    f = _frequencies().get(word)
    if f:
        return round(math.log10(f) + 9, 2)  # the Zipf scale: log10 of frequency per billion words
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")  # hyphenated and other words it tokenises itself


def text_terms(text: str, limit: int | None = None, skip: frozenset | set = frozenset()) -> dict:
    """The distinctive words of a text and their weights (names and rare words weigh most).

    Words in ``skip`` (e.g. the names of resolved places, which the location compares) are left out.
    """
    t = config().text
    rare, cap, name_min = t["rare_zipf"], t["max_weight"], t["name_min_weight"]
    word_factor, pair_bonus, min_length = t["word_factor"], t["name_pair_bonus"], int(t["min_length"])
    weights: dict[str, float] = {}
    prev: tuple[str, float, int] | None = None  # the name just before, for "first last" pairs
    for m in _WORD.finditer(text or ""):
        raw = m.group(0)
        last, prev = prev, None
        if raw.isdigit():
            if int(raw) < 1900 or int(raw) > 2100:  # a house or block number, not a year
                weights[raw] = max(weights.get(raw, 0.0), t["number_weight"])
            continue
        word, w = _token(raw, rare, cap, min_length)
        if word is None or word in skip:
            continue
        if raw[0].isupper():
            at = m.start()
            first = _sentence_start(text, at)
            if pair_bonus or not first:
                if not first:
                    w = max(w, name_min)
                if pair_bonus and last and w > 0 and text[last[2]:at] == " ":
                    pair = f"{last[0]} {word}"
                    weights[pair] = round(max(weights.get(pair, 0.0), min(cap, max(last[1], w) + pair_bonus)), 2)
                prev = (word, max(w, 0.0), m.end())
        elif w <= 0:  # a common word in lower case: nothing to weigh
            continue
        else:
            w *= word_factor
        if w > 0 and w > weights.get(word, 0.0):
            weights[word] = round(w, 2)
    limit = int(limit or t["max_terms"])
    if len(weights) > limit:
        weights = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])
    return weights


@lru_cache(maxsize=200_000)
def _token(raw: str, rare: float, cap: float, min_length: int) -> tuple[str | None, float]:
    """A word as weighed (lower case, no possessive) and its rarity weight; None when too short."""
    word = raw.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < min_length:
        return None, 0.0
    return word, min(cap, rare - _zipf(word))


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start]
    return start == 0 or "\n" in before or bool(_SENTENCE_END.search(before))


def family_of(event: dict) -> str | None:
    fams = config().families
    acled = (event or {}).get("acled") or {}
    key = acled.get("event_type") or (event or {}).get("type")
    if not key:
        return None
    return fams.get(key, key)


def _countries(document: dict, event: dict | None) -> tuple[str, ...]:
    """The event location's country, then the countries the article's resolved places name most.

    The article's countries stand beside the event's because a place is now and then
    resolved to a namesake abroad ("Georgia", "Paris"); two events are compared when
    they share any of these countries.
    """
    loc = (event or {}).get("location") or {}
    counts = Counter(p.get("country") for p in document.get("places") or () if p.get("country"))
    out = [loc["country"]] if loc.get("country") else []
    for country, _ in counts.most_common():
        if len(out) >= config().max_document_countries + bool(out):
            break
        if country not in out:
            out.append(country)
    return tuple(out)


def _best(counts: dict | None) -> int | None:
    return (counts or {}).get("best")


def main_event(document: dict) -> dict | None:
    """The document's main event: the first with an ACLED type, else the first (as the scorer reads it)."""
    events = document.get("events") or []
    return next((e for e in events if e.get("acled")), events[0] if events else None)


def _context(document: dict, event: dict | None) -> str:
    """The text whose words identify the event: the whole article for its main event."""
    text = document.get("text") or ""
    if not text:  # no text: the names sitrep found stand in for it
        names = [p.get("text") or "" for p in document.get("places") or ()]
        for ev in document.get("events") or ():
            names += [a.get("text") or "" for a in ev.get("actors") or ()]
        return ". ".join([document.get("title") or ""] + names)
    if event is None or event is main_event(document):
        return text
    pad = int(config().text["context_chars"])
    spans = event.get("evidence") or []
    return " ".join(text[max(0, s["start"] - pad):s["end"] + pad] for s in spans)


def _place_words(document: dict) -> frozenset:
    """Words of the towns, regions and countries the article names (resolved places), when so set."""
    if not config().text.get("skip_resolved_places"):
        return frozenset()
    words = set()
    for p in document.get("places") or ():
        if p.get("resolved") and (p.get("precision") or 1) >= config().text["skip_place_precision"]:
            words.update(m.group(0).lower() for m in _WORD.finditer(p.get("text") or ""))
    return frozenset(words)


def signature(document: dict, event: dict | None) -> Signature:
    """The signature of one event of a document (an output line of ``sitrep extract`` as a dict).

    ``event`` may be None for a document without events: its text alone then speaks for it.
    """
    ev = event or {}
    loc = ev.get("location") or {}
    dt = ev.get("date") or {}
    actors = sorted({(a.get("name") or "").lower() for a in ev.get("actors") or () if a.get("name")})
    return Signature(
        family=family_of(ev) if event else None, countries=_countries(document, event),
        published=(document.get("published") or None) and str(document["published"])[:10],
        date=dt.get("value"), date_precision=dt.get("precision") if dt.get("value") else None,
        lat=loc.get("lat"), lon=loc.get("lon"), geo_precision=loc.get("precision"),
        actors=tuple(actors), fatalities=_best(ev.get("fatalities")), injured=_best(ev.get("injured")),
        terms=text_terms(_context(document, event), skip=_place_words(document)),
    )


# --------------------------------------------------------------------------- matching

def text_similarity(a: dict, b: dict, min_shared: int = 1, min_weight: float = 0.0,
                    norms: tuple[float, float] | None = None) -> float:
    """Weighted cosine of two term sets (0..1).

    0 when they share fewer than ``min_shared`` words weighing ``min_weight`` or more in both.
    """
    if not a or not b:
        return 0.0
    shared = a.keys() & b.keys()
    if len(shared) < min_shared:
        return 0.0
    if min_shared and sum(1 for t in shared if a[t] >= min_weight and b[t] >= min_weight) < min_shared:
        return 0.0
    dot = sum(a[t] * b[t] for t in shared)
    if not dot:
        return 0.0
    na, nb = norms or (_norm2(a), _norm2(b))
    return dot / math.sqrt(na * nb)


def _norm2(terms: dict) -> float:
    return sum(w * w for w in terms.values())


class TermStats:
    """How many clustered events carry each word: the document frequencies behind the IDF.

    A Clusterer updates its stats as events come; a batch may count all its events first
    (``add_all``) so that every comparison sees the same weights. ``to_dict``/``from_dict``
    let a store keep them between runs.
    """

    def __init__(self, df: dict | None = None, n: int = 0):
        self.df: Counter = Counter(df or {})
        self.n = int(n)

    def add(self, terms: dict) -> None:
        self.df.update(terms.keys())
        self.n += 1

    def add_all(self, signatures) -> "TermStats":
        for sig in signatures:
            self.add(sig.terms)
        return self

    def weigh(self, terms: dict) -> dict:
        """The terms with each weight scaled by the word's IDF among the events counted."""
        t = config().text
        total = self.n + t["idf_prior_docs"]
        log_total = math.log(total + 1)
        power = t["idf_power"]
        df = self.df
        idf: dict[int, float] = {}  # by document frequency: most words share a few small counts
        out = {}
        for w, v in terms.items():
            n = df.get(w, 0)
            f = idf.get(n)
            if f is None:
                f = idf[n] = max(0.0, math.log((total + 1) / (n + 0.5)) / log_total) ** power
            out[w] = v * f
        return out

    def to_dict(self) -> dict:
        return {"n": self.n, "df": dict(self.df)}

    @classmethod
    def from_dict(cls, d: dict) -> "TermStats":
        return cls(d.get("df"), d.get("n", 0))


def _gap_days(a: Signature, b: Signature) -> int | None:
    xa, xb = a._days, b._days
    if not xa or not xb:
        return None
    if len(xa) == 1 and len(xb) == 1:
        return abs(xa[0] - xb[0])
    return min(abs(x - y) for x in xa for y in xb)


def _km(a: Signature, b: Signature) -> float:
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _date_score(a: Signature, b: Signature, cfg: Config) -> float:
    da, db = _day(a.date), _day(b.date)
    if da is None or db is None:
        return 0.0
    tol = max(cfg.date_days.get(a.date_precision or "day", 1), cfg.date_days.get(b.date_precision or "day", 1))
    gap = abs((da - db).days)
    if gap <= tol:
        return cfg.weights["date_agree"]
    return cfg.weights["date_conflict"] if gap > cfg.date_far * tol else 0.0


def _place_score(a: Signature, b: Signature, cfg: Config) -> float:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return 0.0
    prec = max(a.geo_precision or 1, b.geo_precision or 1)
    tol = cfg.place_km.get(prec, max(cfg.place_km.values()))
    km = _km(a, b)
    if km <= tol:
        return cfg.weights["place_near"] / prec
    return cfg.weights["place_conflict"] if km > cfg.place_far * tol else 0.0


def _facts_score(a: Signature, b: Signature, cfg: Config) -> float:
    w = cfg.weights
    score = 0.0
    if a.family and b.family and a.family != b.family:
        score += w["family_conflict"]
    for x, y in ((a.fatalities, b.fatalities), (a.injured, b.injured)):
        if x and y and x == y:
            score += w["counts_agree"]
    if set(a.actors) & set(b.actors):
        score += w["actor_agree"]
    return score


def match(a: Signature, b: Signature, stats: TermStats | None = None) -> float:
    """How likely two events are one incident, 0..1; ``>= THRESHOLD`` means the same incident.

    ``stats`` (the document frequencies of the events clustered so far) weighs the
    words; without it, the words' general rarity alone does.
    """
    if stats is None:
        return _match(a, b, a.terms, b.terms)
    return _match(a, b, stats.weigh(a.terms), stats.weigh(b.terms))


def _match(a: Signature, b: Signature, ta: dict, tb: dict, norms: tuple[float, float] | None = None) -> float:
    cfg = config()
    gap = _gap_days(a, b)
    if gap is not None and gap > cfg.max_gap_days:
        return 0.0
    if a.countries and b.countries and not set(a.countries) & set(b.countries):
        return 0.0
    score = cfg.weights["text"] * text_similarity(ta, tb, int(cfg.text["min_shared_terms"]),
                                                     cfg.text["shared_min_weight"], norms)
    if not score:
        return 0.0
    score += _date_score(a, b, cfg) + _place_score(a, b, cfg) + _facts_score(a, b, cfg)
    if gap:
        score += cfg.weights["per_day_gap"] * gap
    return max(0.0, min(1.0, score))


# --------------------------------------------------------------------------- clustering

def _index_words(sig: Signature) -> tuple[str, ...]:
    """The heaviest words of a signature, those the Clusterer finds candidates by (worked out once per signature)."""
    words = getattr(sig, "_index", None)
    if words is None:
        t = config().text
        terms, floor = sig.terms, t["index_min_weight"]
        words = tuple(sorted((w for w, v in terms.items() if v >= floor), key=lambda w: (-terms[w], w))
                      [:int(t["index_terms"])])
        object.__setattr__(sig, "_index", words)
    return words


def index_words(sig: Signature) -> tuple[str, ...]:
    """The heaviest words of a signature: an event is compared only with events sharing one of them."""
    return _index_words(sig) if getattr(sig, "terms", None) else ()


def incident_id(event_id: str) -> str:
    """The stable id of an incident first reported by ``event_id``."""
    return "inc-" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12]


class Clusterer:
    """Incremental clustering; blocked by :meth:`Signature.block_keys`.

    An added event is compared with the events already in its blocks (an event whose
    country is unknown, with every event of its time buckets). It joins the incident it
    matches best (at ``threshold``), or starts a new one. When it also matches other
    incidents at ``merge_threshold``, those merge into the oldest of them, which keeps
    its id; every change is returned as a history entry.

    ``stats`` weighs the words (see :class:`TermStats`); by default the Clusterer counts
    the events it is given as they come. With ``count=False`` the stats stay as given
    (a batch that counted all its events first).
    """

    def __init__(self, threshold: float | None = None, merge_threshold: float | None = None,
                 stats: TermStats | None = None, count: bool = True):
        cfg = config()
        self.threshold = cfg.threshold if threshold is None else float(threshold)
        self.merge_threshold = max(self.threshold, cfg.merge_threshold if merge_threshold is None
                                   else float(merge_threshold))
        self.stats = stats if stats is not None else TermStats()
        self._count = count
        self._sigs: dict[str, Signature] = {}
        self._vec: dict[str, dict] = {}               # event id -> weighted terms
        self._norm: dict[str, float] = {}             # event id -> their squared norm
        self._incident: dict[str, str] = {}           # event id -> incident id
        self._members: dict[str, list[str]] = {}      # incident id -> event ids
        self._order: dict[str, int] = {}              # incident id -> creation rank
        # block key -> word -> events: an event is compared only with the events of its
        # blocks that share one of its heaviest words (texts with no word in common score 0)
        self._blocks: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self._by_bucket: dict[str, set[str]] = defaultdict(set)  # time bucket -> block keys
        self.comparisons = 0

    def __len__(self) -> int:
        return len(self._sigs)

    @property
    def incidents(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in self._members.items()}

    def incident_of(self, event_id: str) -> str:
        return self._incident[event_id]

    def load(self, incident_id: str, members: list[tuple[str, Signature]]) -> None:
        """Preload an existing incident (e.g. candidates a store holds under a shared block key)."""
        for event_id, sig in members:
            if event_id in self._incident:
                continue
            if self._count:
                self.stats.add(sig.terms)
            self._place(event_id, sig, incident_id, self.stats.weigh(sig.terms))

    def add(self, event_id: str, sig: Signature) -> tuple[str, list[dict]]:
        """File one event; returns its incident id and the history entries of the change."""
        if event_id in self._incident:
            return self._incident[event_id], []
        if self._count:
            self.stats.add(sig.terms)
        vec = self.stats.weigh(sig.terms)
        scores = self._candidates(sig, vec)
        ranked = [(s, inc) for inc, s in scores.items() if s >= self.threshold]
        if not ranked:
            inc = incident_id(event_id)
            self._place(event_id, sig, inc, vec)
            return inc, [{"action": "create", "incident": inc, "event": event_id, "into": None}]
        best = max(ranked, key=lambda r: (r[0], -self._order[r[1]]))[1]
        joined = [best] + [inc for s, inc in ranked if inc != best and s >= self.merge_threshold]
        survivor = min(joined, key=lambda inc: self._order[inc])
        history = [{"action": "join", "incident": best, "event": event_id, "into": None}]
        for inc in joined:
            if inc != survivor:
                self._merge(inc, survivor)
                history.append({"action": "merge", "incident": inc, "event": event_id, "into": survivor})
        self._place(event_id, sig, survivor, vec)
        return survivor, history

    def remove(self, event_id: str) -> list[dict]:
        """Withdraw an event (its article was corrected or re-extracted); returns the history entries.

        If the incident's other members no longer hang together without it (no chain of
        matches at ``threshold`` links them), the incident splits: the part holding its
        earliest member keeps the id, each other part becomes an incident of its own.
        """
        inc = self._incident.pop(event_id, None)
        if inc is None:
            return []
        sig = self._sigs.pop(event_id)
        self._vec.pop(event_id)
        self._norm.pop(event_id)
        words = _index_words(sig)
        for key in sig.block_keys():
            block = self._blocks.get(key, {})
            for word in words:
                if event_id in block.get(word, ()):
                    block[word].remove(event_id)
        members = self._members[inc]
        members.remove(event_id)
        history = [{"action": "leave", "incident": inc, "event": event_id, "into": None}]
        if not members:
            del self._members[inc]
            return history
        parts = self._parts(members)
        self._members[inc] = parts[0]
        for part in parts[1:]:
            new = incident_id(part[0])
            self._members[new] = part
            self._order[new] = len(self._order)
            for e in part:
                self._incident[e] = new
            history.append({"action": "split", "incident": inc, "event": event_id, "into": new})
        return history

    def _parts(self, members: list[str]) -> list[list[str]]:
        """The members grouped by chains of matches at the threshold; the earliest member's part first."""
        parts: list[list[str]] = []
        left = list(members)
        while left:
            part, frontier = [left.pop(0)], 0
            while frontier < len(part):
                e = part[frontier]
                frontier += 1
                linked = [o for o in left if _match(self._sigs[e], self._sigs[o], self._vec[e], self._vec[o],
                                                    (self._norm[e], self._norm[o])) >= self.threshold]
                for o in linked:
                    left.remove(o)
                part.extend(linked)
            parts.append(sorted(part, key=members.index))
        return parts

    def _lookup_keys(self, sig: Signature) -> set[str]:
        keys = set(sig.block_keys())
        unknown = config().unknown_country
        for key in list(keys):
            country, bucket = key.split("|", 1)
            if country == unknown:
                keys |= self._by_bucket.get(bucket, set())
            else:
                keys.add(f"{unknown}|{bucket}")
        return keys

    def _candidates(self, sig: Signature, vec: dict) -> dict[str, float]:
        best: dict[str, float] = {}
        t = config().text
        cap, need, most = int(t["max_postings"]), int(t["min_shared_index_terms"]), int(t["max_candidates"])
        norm = _norm2(vec)
        blocks = [b for b in map(self._blocks.get, self._lookup_keys(sig)) if b]
        hits: Counter = Counter()
        for word in _index_words(sig):
            found: set[str] = set()
            for block in blocks:
                postings = block.get(word, ())
                if len(postings) <= cap:  # a word that many events of a block share tells little
                    found.update(postings)
            hits.update(found)
        found = [(n, other) for other, n in hits.items() if n >= need]
        if len(found) > most:  # the events sharing most words; the cost per event stays bounded in a busy block
            found = sorted(found, key=lambda x: (-x[0], x[1]))[:most]
        for _, other in found:
            inc = self._incident[other]
            self.comparisons += 1
            s = _match(sig, self._sigs[other], vec, self._vec[other], (norm, self._norm[other]))
            if s > best.get(inc, 0.0):
                best[inc] = s
        return best

    def _place(self, event_id: str, sig: Signature, inc: str, vec: dict) -> None:
        self._sigs[event_id] = sig
        self._vec[event_id] = vec
        self._norm[event_id] = _norm2(vec)
        self._incident[event_id] = inc
        if inc not in self._members:
            self._members[inc] = []
            self._order[inc] = len(self._order)
        self._members[inc].append(event_id)
        words = _index_words(sig)
        for key in sig.block_keys():
            block = self._blocks[key]
            for word in words:
                block[word].append(event_id)
            self._by_bucket[key.split("|", 1)[1]].add(key)

    def _merge(self, inc: str, into: str) -> None:
        for event_id in self._members.pop(inc):
            self._incident[event_id] = into
            self._members[into].append(event_id)


# --------------------------------------------------------------------------- batch

def cluster_documents(documents: list[dict], clusterer: Clusterer | None = None) -> list[str]:
    """One incident id per document (the incident of its main event), in input order.

    Documents are filed in order of publication (input order among equals) so that an
    incident's id comes from its earliest report. A document without events is matched
    on its text alone; a dropped document (``error``) gets an incident of its own. Every
    event's ``incident_id`` is set in place: the main event's is the document's.
    """
    order = sorted(range(len(documents)), key=lambda i: (str(documents[i].get("published") or "9999"), i))
    keys: dict[int, tuple[str, str]] = {}  # document -> ("incident", id) or ("event", id)
    todo: list[tuple[str, Signature]] = []
    for i in order:
        doc = documents[i]
        if doc.get("error"):
            keys[i] = ("incident", incident_id(f"{doc.get('id')}#{i}"))
            continue
        main = main_event(doc)
        if main is None:
            keys[i] = ("event", f"{doc.get('id')}#{i}")
            todo.append((keys[i][1], signature(doc, None)))
            continue
        for n, ev in enumerate(doc.get("events") or ()):
            todo.append((_event_key(doc, i, n, ev), signature(doc, ev)))
            if ev is main:
                keys[i] = ("event", todo[-1][0])
    if clusterer is None:  # the whole batch's word counts weigh every comparison alike
        clusterer = Clusterer(stats=TermStats().add_all(sig for _, sig in todo), count=False)
    for event_id, sig in todo:
        clusterer.add(event_id, sig)
    out = []
    for i, doc in enumerate(documents):
        kind, key = keys[i]
        out.append(key if kind == "incident" else clusterer.incident_of(key))
        for n, ev in enumerate(doc.get("events") or ()):
            ev["incident_id"] = clusterer.incident_of(_event_key(doc, i, n, ev))
    return out


def _event_key(doc: dict, i: int, n: int, ev: dict) -> str:
    return str(ev.get("id") or f"{doc.get('id')}#{i}.{n}")
