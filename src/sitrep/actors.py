"""The actor dictionary: countries, generic agents and named armed groups.

Two data files hold the facts (``data/countries.yaml``, ``data/actors.yaml``);
this module loads them once per process and answers two questions:

- :func:`country_of` — which country does a name, demonym or institution
  ("Afghan", "U.S.", "the Pentagon") stand for?
- :func:`lookup` — which actor does a mention's text ("two U.S. planes",
  "Taliban militants", "protesters in Kabul") name, with its ACLED inter code?

Matching is over normalised tokens: case, dots, apostrophes, hyphens and
accents do not matter ("Kata'ib" = "Kataib", "U.S." = "US"), except that short
acronyms written in capitals ("IS", "US", "UN", "LeT") match only in capitals,
so the words "is", "us" and "let" never name an actor.
"""
from __future__ import annotations

import os
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from .errors import DataError

# ACLED interaction codes and the word this dictionary uses for each.
KIND_INTER = {
    "state": 1,
    "rebel": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
}

# Words a mention may start with that say how many or which, not who.
_LEADING = frozenset(
    """the a an some several many numerous few dozens dozen scores score hundreds
    thousands tens of at least most more than about around nearly almost over up to
    approximately roughly some other another all both these those this that its their
    his her our unspecified number group members member suspected alleged so called
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
    seventy eighty ninety hundred thousand""".split()
)
# Words after which a mention goes on to say where or whose, not who.
_PREPOSITIONS = frozenset(
    "in at near from on inside outside around across along within into of by with who which that".split()
)
# "<country>-backed militias": the country is a backer, not the nationality.
_BACKING = frozenset(
    "backed supported sponsored funded financed trained armed allied aligned affiliated linked proxy proxies".split()
)

_APOSTROPHE_S = re.compile(r"[\u0027\u2019\u02bc\u0060]s\b")
_APOSTROPHE = re.compile(r"[\u0027\u2019\u02bc\u0060\u2018]")
_TOKEN = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Capital:
    name: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    capital: Capital
    point: Point
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    definite: bool = False  # read with "the": the United States

    @property
    def the_name(self) -> str:
        return f"the {self.name}" if self.definite else self.name


@dataclass(frozen=True)
class ActorInfo:
    """What the dictionary knows about one mention."""

    name: str
    country: str | None
    kind: str
    inter: int
    matched: str
    backer: str | None = None
    key: str | None = None  # the entry's key: an agent key ("military") or a group's name
    party: bool = False  # a political party: its members act as protesters or rioters
    person: bool = False  # a named person (a leader): acts for their country's state
    generic: bool = False  # a generic agent ("gunmen"), not a named group or person


@dataclass(frozen=True)
class Entry:
    """One actor of ``actors.yaml``: a generic agent or a named group.

    ``key`` is the agent key for generic agents and the name for groups;
    ``template`` (agents only) is the name with a ``{country}`` slot.
    """

    key: str
    name: str
    kind: str
    inter: int
    aliases: tuple[str, ...]
    generic: bool
    country: str | None = None
    template: str | None = None
    note: str | None = None
    party: bool = False
    person: bool = False
    source: str = "actors.yaml"

    def named(self, country: Country | None) -> str:
        if self.template and country is not None:
            return self.template.format(country=country.name, the_country=country.the_name)
        return self.name


@dataclass(frozen=True)
class _Target:
    """What an alias points to in an index."""

    alias: str
    exact: tuple[str | None, ...]  # per token: the case it must have, or None
    entry: Entry | None = None
    country: Country | None = None
    agent: str | None = None  # for country metonyms: the agent they stand for


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    target: _Target


# ---------------------------------------------------------------- normalising


def tokens(text: str) -> list[str]:
    """Split ``text`` into match tokens, keeping case.

    Accents are dropped, a possessive "'s" is removed, other apostrophes and
    dots are deleted inside words (so "Kata'ib" and "U.S." stay one token) and
    any other punctuation separates tokens.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _APOSTROPHE_S.sub("", text)
    text = _APOSTROPHE.sub("", text).replace(".", "")
    return _TOKEN.findall(text)


def _needs_case(token: str) -> bool:
    """Short acronyms (IS, US, LeT) must keep their capitals to match."""
    return len(token) <= 4 and sum(ch.isupper() for ch in token) >= 2


def _target_tokens(alias: str) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    toks = tokens(alias)
    while toks and toks[0].lower() == "the" and len(toks) > 1:
        toks = toks[1:]
    key = tuple(t.lower() for t in toks)
    exact = tuple(t if _needs_case(t) else None for t in toks)
    return key, exact


def _strip_leading(toks: list[str]) -> list[str]:
    i = 0
    while i < len(toks) - 1 and (toks[i].lower() in _LEADING or toks[i].isdigit()):
        i += 1
    return toks[i:]


# ---------------------------------------------------------------- the dictionary


class _Index:
    """Aliases as lower-cased token tuples, matched as n-grams of a mention."""

    def __init__(self) -> None:
        self.table: dict[tuple[str, ...], list[_Target]] = {}
        self.longest = 0

    def add(self, alias: str, **target) -> tuple[str, ...]:
        key, exact = _target_tokens(alias)
        if not key:
            raise DataError(f"the alias {alias!r} has no letters", hint="fix the data file")
        bucket = self.table.setdefault(key, [])
        if not any(t.exact == exact and _same_owner(t, target) for t in bucket):
            bucket.append(_Target(alias=alias, exact=exact, **target))
        self.longest = max(self.longest, len(key))
        return key

    def find(self, toks: list[str], *, fold_case: bool = False) -> list[_Match]:
        lower = [t.lower() for t in toks]
        found = []
        for start in range(len(toks)):
            for n in range(min(self.longest, len(toks) - start), 0, -1):
                for target in self.table.get(tuple(lower[start : start + n]), ()):
                    if fold_case or _case_fits(target.exact, toks[start : start + n]):
                        found.append(_Match(start, start + n, target))
        return found


def _same_owner(target: _Target, other: dict) -> bool:
    return (
        target.entry is other.get("entry")
        and target.country is other.get("country")
        and target.agent == other.get("agent")
    )


def _case_fits(exact: tuple[str | None, ...], toks: list[str]) -> bool:
    return all(want is None or want == got for want, got in zip(exact, toks))


@dataclass
class Dictionary:
    countries: dict[str, Country] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    ties: dict[tuple[str, ...], str] = field(default_factory=dict)
    groups: _Index = field(default_factory=_Index)
    agents: _Index = field(default_factory=_Index)
    places: _Index = field(default_factory=_Index)  # country names, demonyms, metonyms
    capitals: _Index = field(default_factory=_Index)
    agent_by_key: dict[str, Entry] = field(default_factory=dict)


def _read_yaml(name: str) -> dict:
    try:
        text = resources.files("sitrep").joinpath("data", name).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"the data file {name} cannot be read ({exc})",
                        hint="reinstall sitrep or fix the file") from exc
    if not isinstance(data, dict):
        raise DataError(f"the data file {name} is not a mapping", hint="fix the file")
    return data


def _country(raw: dict) -> Country:
    try:
        cap = raw["capital"]
        metonyms = tuple(m if isinstance(m, str) else m["text"] for m in raw.get("metonyms", ()))
        return Country(
            iso3=raw["iso3"], iso2=raw["iso2"], name=raw["name"],
            capital=Capital(cap["name"], float(cap["lat"]), float(cap["lon"])),
            point=Point(float(raw["point"]["lat"]), float(raw["point"]["lon"])),
            aliases=tuple(raw.get("aliases", ())), demonyms=tuple(raw.get("demonyms", ())),
            metonyms=metonyms, definite=bool(raw.get("definite", False)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"countries.yaml: the entry {raw!r:.60} is malformed ({exc})",
                        hint="every country needs iso3, iso2, name, capital and point") from exc


def _entry(raw: dict, generic: bool, source: str = "actors.yaml", person: bool = False) -> Entry:
    try:
        kind, inter = raw.get("kind", "state" if person else None), int(raw.get("inter", 1 if person else 0))
        name = raw["bare"] if generic else raw["name"]
        entry = Entry(
            key=raw["key"] if generic else raw["name"], name=name, kind=kind, inter=inter,
            aliases=tuple(raw["aliases"]), generic=generic, country=raw.get("country"),
            template=raw.get("name") if generic else None, note=raw.get("note"),
            party=bool(raw.get("party", False)), person=person, source=source,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataError(f"{source}: the entry {raw!r:.60} is malformed ({exc})",
                        hint="every actor needs a name, kind, inter and aliases") from exc
    if KIND_INTER.get(kind) != inter:
        raise DataError(f"{source}: {entry.name!r} has kind {kind!r} but inter {inter}",
                        hint=f"kinds and codes go together: {KIND_INTER}")
    return entry


def _index_countries(d: Dictionary, raw: list[dict]) -> None:
    for item in raw:
        c = _country(item)
        if c.iso3 in d.countries:
            raise DataError(f"countries.yaml lists {c.iso3} twice", hint="merge the two entries")
        d.countries[c.iso3] = c
        for alias in (c.name, *c.aliases, *c.demonyms):
            d.places.add(alias, country=c)
        for m in item.get("metonyms", ()):
            text, agent = (m, "government") if isinstance(m, str) else (m["text"], m.get("agent", "government"))
            d.places.add(text, country=c, agent=agent)
        d.capitals.add(c.capital.name, country=c)


def _index_actors(d: Dictionary, data: dict, source: str = "actors.yaml") -> None:
    """Add one actor file's entries; a later file (a user's) overrides an earlier one's entry of the same key."""
    for raw in data.get("agents") or ():
        e = _entry(raw, generic=True, source=source)
        _replace(d, e)
        d.agent_by_key[e.key] = e
    for section, person in (("groups", False), ("people", True)):
        for raw in data.get(section) or ():
            e = _entry(raw, generic=False, source=source, person=person)
            if e.country is not None and e.country not in d.countries:
                raise DataError(f"{source}: {e.name!r} has unknown country {e.country!r}",
                                hint="use an ISO3 code listed in countries.yaml")
            _replace(d, e)
    for alias, tie in (data.get("ties") or {}).items():
        d.ties[_target_tokens(alias)[0]] = tie["owner"]


def _replace(d: Dictionary, e: Entry) -> None:
    d.entries[:] = [old for old in d.entries if old.key != e.key or old.generic != e.generic]
    d.entries.append(e)


def _index_aliases(d: Dictionary) -> None:
    claims = _claims(d)
    users = {e.key for e in d.entries if e.source != "actors.yaml"}
    for key, owners in claims.items():
        if len(owners) > 1:
            owner = d.ties.get(key)
            mine = owners & users
            if owner not in owners and len(mine) == 1:
                d.ties[key] = owner = next(iter(mine))  # a user's file wins over the package's
            if owner not in owners:
                raise DataError(f"the alias {' '.join(key)!r} is claimed by {sorted(owners)}",
                                hint="add it to 'ties' in actors.yaml with one owner, or drop it")
    for e in d.entries:
        for alias in e.aliases:
            key = _target_tokens(alias)[0]
            if d.ties.get(key, e.key) != e.key:
                continue  # the tie gives this alias to another entry
            (d.agents if e.generic else d.groups).add(alias, entry=e)


def _claims(d: Dictionary) -> dict[tuple[str, ...], set[str]]:
    """Every normalised alias and the entries (or countries) that list it."""
    claims: dict[tuple[str, ...], set[str]] = {}
    for e in d.entries:
        for alias in e.aliases:
            claims.setdefault(_target_tokens(alias)[0], set()).add(e.key)
    for key, targets in d.places.table.items():
        for t in targets:
            claims.setdefault(key, set()).add(t.country.iso3)
    return claims


ENV_VAR = "SITREP_ACTORS"


def user_files() -> list[str]:
    """The user's actor files: ``$SITREP_ACTORS``, paths separated by the OS path separator."""
    raw = os.environ.get(ENV_VAR, "")
    return [p for p in raw.split(os.pathsep) if p.strip()]


def _read_user_yaml(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"the actor file {path} named in ${ENV_VAR} cannot be read ({exc})",
                        hint=f"fix the file or the path in ${ENV_VAR}") from exc
    if not isinstance(data, dict):
        raise DataError(f"the actor file {path} is not a mapping",
                        hint="write 'groups:', 'people:' or 'agents:' lists as in docs/configuration.md")
    return data


@lru_cache(maxsize=4)
def _load(files: tuple[str, ...] = ()) -> Dictionary:
    d = Dictionary()
    _index_countries(d, _read_yaml("countries.yaml").get("countries") or [])
    _index_actors(d, _read_yaml("actors.yaml"))
    for path in files:
        _index_actors(d, _read_user_yaml(path), source=path)
    _index_aliases(d)
    return d


_lock = threading.Lock()


def load() -> Dictionary:
    """The dictionary, read on first use and shared afterwards."""
    with _lock:
        return _load(tuple(user_files()))


# ---------------------------------------------------------------- public API


def all_entries() -> list[Entry]:
    """Every generic agent and named group, in file order."""
    return list(load().entries)


def all_countries() -> list[Country]:
    return list(load().countries.values())


def get_country(iso3: str) -> Country | None:
    """The country with this ISO3 code, or None."""
    return load().countries.get(iso3.upper())


def alias_claims() -> dict[str, list[str]]:
    """Aliases claimed by more than one entry or country, with their claimants."""
    return {" ".join(k): sorted(v) for k, v in _claims(load()).items() if len(v) > 1}


def ties() -> dict[str, str]:
    """The documented tie-breaks: normalised alias -> owning entry."""
    return {" ".join(k): v for k, v in load().ties.items()}


def entry_named(name: str) -> Entry | None:
    """The entry a canonical name was made from: a group's or person's name, or an agent's
    name with its country filled in ("Rioters (Bangladesh)" -> the rioters agent)."""
    d = load()
    for e in reversed(d.entries):
        if not e.generic and e.name == name:
            return e
    for e in d.entries:
        if e.generic and (e.name == name or _template_re(e.template).fullmatch(name)):
            return e
    return None


@lru_cache(maxsize=256)
def _template_re(template: str | None) -> re.Pattern:
    if not template:
        return re.compile(r"(?!)")
    parts = re.split(r"\{(?:country|the_country)\}", template)
    return re.compile(".+".join(re.escape(p) for p in parts))


def country_of(text: str) -> Country | None:
    """The country a name, alias, demonym or institution stands for.

    The whole text is tried first ("the U.S.", "Afghan", "the Kremlin"); else
    the longest country name inside it ("Afghan forces" -> Afghanistan).
    """
    return _country_of(text, tuple(user_files()))


@lru_cache(maxsize=1 << 14)
def _country_of(text: str, files: tuple[str, ...]) -> Country | None:
    """:func:`country_of` for one set of user dictionaries (cached: the place passes ask it of the same names
    again and again)."""
    toks = _strip_leading(tokens(text))
    if not toks:
        return None
    with _lock:
        places = _load(files).places
    matches = places.find(toks, fold_case=text.isupper())
    whole = [m for m in matches if m.start == 0 and m.end == len(toks)]
    best = whole or sorted(matches, key=lambda m: (m.start - m.end, m.start))
    return best[0].target.country if best else None


def lookup(text: str, country: str | None = None) -> ActorInfo | None:
    """The actor a mention names, or None when the dictionary does not know it.

    Order: a named group (longest alias first); else a generic agent with the
    nationality given by a demonym or country name ("Afghan forces"), or by
    a place after a preposition ("protesters in Kabul"); else the generic
    agent alone; else a country alone stands for its government. A country
    that backs the actor ("Iranian-backed militias") goes to ``backer``, not
    ``country``. ``country`` (ISO3) is the nationality from context (where the
    event is) given to a generic agent that names none: "security forces" in
    a report about Kabul are Afghan; foreign and international agents keep none.
    """
    context = country
    toks = _strip_leading(tokens(text))
    if not toks:
        return None
    d = load()
    fold = text.isupper()
    places = d.places.find(toks, fold_case=fold)
    backer, nationals = _split_backers(toks, places)
    group = _best(d.groups.find(toks, fold_case=fold))
    if group is not None:
        e = group.target.entry
        return ActorInfo(e.name, e.country, e.kind, e.inter, group.target.alias, backer,
                         key=e.key, party=e.party, person=e.person)
    cut = _head_end(toks)
    agent = _head_agent(d.agents.find(toks, fold_case=fold), cut)
    country, via, in_head = _nationality(toks, nationals, d, cut, fold)
    if agent is not None:
        e = agent.target.entry
        matched = agent.target.alias
        if in_head:
            matched = " ".join(toks[min(via.start, agent.start) : max(via.end, agent.end)])
        elif country is None and e.kind != "external" and e.template and "{" in e.template:
            country = d.countries.get(context.upper()) if context else None
        return ActorInfo(e.named(country), country.iso3 if country else None, e.kind, e.inter, matched, backer,
                         key=e.key, generic=True)
    if in_head and via.end == cut:  # a country alone: its government, or its metonym's agent
        e = d.agent_by_key[via.target.agent or "government"]
        return ActorInfo(e.named(country), country.iso3, e.kind, e.inter, via.target.alias, backer, key=e.key,
                         generic=True)
    return None


# ---------------------------------------------------------------- helpers of lookup


def _best(matches: list[_Match]) -> _Match | None:
    """The longest match, the earliest among equals."""
    if not matches:
        return None
    return min(matches, key=lambda m: (m.start - m.end, m.start))


def _head_end(toks: list[str]) -> int:
    """Where the head phrase ends: before the first preposition."""
    for i, t in enumerate(toks):
        if i > 0 and t.lower() in _PREPOSITIONS:
            return i
    return len(toks)


def _head_agent(matches: list[_Match], cut: int) -> _Match | None:
    """The agent noun of the head phrase.

    Overlapping matches give way to the longest ("pro-government militia
    members" is one agent, not "militia members"); of what is left, the
    rightmost wins, as the head noun comes last ("student protesters").
    Without an agent in the head phrase ("group of gunmen"), the longest
    anywhere is taken.
    """
    kept: list[_Match] = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    head = [m for m in kept if m.end <= cut]
    if head:
        return max(head, key=lambda m: m.end)
    return _best(matches)


def _split_backers(toks: list[str], places: list[_Match]) -> tuple[str | None, list[_Match]]:
    """Separate "<country>-backed" / "pro-<country>" / "backed by <country>" mentions."""
    backer, nationals = None, []
    lower = [t.lower() for t in toks]
    for m in places:
        after = lower[m.end] if m.end < len(lower) else ""
        before = lower[m.start - 1] if m.start > 0 else ""
        before2 = lower[m.start - 2] if m.start > 1 else ""
        if after in _BACKING or before == "pro" or (before == "by" and before2 in _BACKING):
            backer = backer or m.target.country.iso3
        else:
            nationals.append(m)
    return backer, nationals


def _nationality(toks, nationals, d: Dictionary, cut: int, fold: bool):
    """The country of an actor mention, and the match that gave it.

    A country word in the head phrase wins (the first, longest); else a
    country or capital named after a preposition (where the actor is).
    """
    head = [m for m in nationals if m.end <= cut]
    if head:
        m = min(head, key=lambda m: (m.start, m.start - m.end))
        return m.target.country, m, True
    tail = [m for m in nationals if m.start >= cut]
    tail += [m for m in d.capitals.find(toks, fold_case=fold) if m.start >= cut]
    if tail:
        m = min(tail, key=lambda m: (m.start, m.start - m.end))
        return m.target.country, m, False
    return None, None, False
