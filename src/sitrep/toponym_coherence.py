"""Spatial coherence: the places one article names lie near one another.

A local story names its town, the county it is in and the towns around it
("Paris and Henry County", "Lebanon police and the Boone County sheriff"), and
each of those names alone has namesakes all over the map. Among a name's
namesakes, the one that other names of the article have a namesake near (within
:data:`NEAR_KM`, or inside a state the article names) is the one meant: Paris,
Tennessee lies in Henry County, Tennessee, and Paris, France lies near no Henry
County at all. toponyms.py calls :func:`cohere` once its first choices are made;
a name a qualifier placed ("Paris, Tenn.") keeps its place.

Two article-wide passes follow: :func:`home_state` moves a small town to its
namesake in the state most of the article's names lie in, and :func:`one_sense`
gives every mention of one name the same place.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import gazetteer
from .gazetteer import Entry

if TYPE_CHECKING:
    from .places import PlaceMention

# How far apart two places of one local story may lie and still support each other.
NEAR_KM = 60.0
# What each other name near a namesake adds to its score (toponyms.py's: a tenfold population is worth 0.8).
SUPPORT_WEIGHT = 3.0
# By how much a namesake must outscore the first choice to replace it: one neighbour that happens to share a
# name with a hamlet near a namesake ("Detroit" and "Dexter", both in Maine too) is not enough to move a city.
MARGIN = 1.0
# A name with more namesakes than this ("Washington", "Troy") supports a place near one of them proportionally less.
COMMON = 20.0
# Kind words of a second-level division, dropped from a namesake's name before it is compared with the name
# ("Marion" names Marion County).
DIVISION_SUFFIXES = ("county", "parish", "borough")
# A local story's state: the state that at least this many of its names, and this share of them, lie in.
HOME_STATE_NAMES = 3
HOME_STATE_SHARE = 0.6
# A town this big keeps its place against the local story's state ("Atlanta" in an Ohio story).
HOME_STATE_KEEPS = 100_000


@dataclass
class Name:
    """One name of the article (all its mentions), with the places it may stand for."""

    key: str
    options: list[Entry]  # the namesakes it may be switched to
    points: list[Entry]  # where it may lie, for the other names' support
    states: set[tuple[str, str]]  # states it names or is placed in by a qualifier
    fixed: bool  # a qualifier or a country placed it: it supports others but is not switched


def own_name(e: Entry, k: str) -> bool:
    """Is the namesake called by the name itself (not by one of its other names): "Marion" for Marion, Ohio or
    Marion County, not for a town once called Marion?"""
    name = gazetteer.key(e.name)
    return name == k or e.kind == "admin2" and any(name == k + s for s in DIVISION_SUFFIXES)


def km(a: Entry, b: Entry) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


class _Grid:
    """The other names' places by one-degree cell, for nearness questions in constant time."""

    def __init__(self, names: list[Name]):
        self.cells: dict[tuple[int, int], list[tuple[str, Entry]]] = {}
        self.states: dict[tuple[str, str], set[str]] = {}
        self.weight = {n.key: min(1.0, COMMON / max(1, len(n.points))) for n in names}
        for n in names:
            for e in n.points:
                self.cells.setdefault((math.floor(e.lat), math.floor(e.lon)), []).append((n.key, e))
            for pair in n.states:
                self.states.setdefault(pair, set()).add(n.key)

    def support(self, e: Entry, name: str) -> float:
        """How many other names have a place near ``e`` or a state that holds it; a name with more than
        :data:`COMMON` namesakes lies near many places by chance and counts for less."""
        return sum(self.weight[k] for k in self.near(e, name))

    def near(self, e: Entry, name: str) -> set[str]:
        """The other names with a place near ``e`` or a state that holds it."""
        out = set(self.states.get((e.country, e.admin1), set())) if e.admin1 else set()
        lat, lon = math.floor(e.lat), math.floor(e.lon)
        reach = 1 + int(NEAR_KM / (111.0 * max(0.2, math.cos(math.radians(e.lat)))))
        for i in (lat - 1, lat, lat + 1):
            for j in range(lon - reach, lon + reach + 1):
                for k, p in self.cells.get((i, j), ()):
                    if k not in out and km(e, p) <= NEAR_KM:
                        out.add(k)
        out.discard(name)
        return out


def cohere(names: list[Name], current: dict[str, Entry | None],
           rank: Callable[[str, Entry], float]) -> dict[str, Entry]:
    """The namesakes to switch to: for each name that is not fixed, the option that more of the other names
    support than support its current place (the best ranked of those that most support), where one does."""
    grid = _Grid(names)
    out: dict[str, Entry] = {}
    for n in names:
        if n.fixed or not n.options:
            continue
        now = current.get(n.key)
        have = grid.support(now, n.key) if now is not None else 0
        scored = [(grid.support(e, n.key), rank(n.key, e), e) for e in n.options]
        first = rank(n.key, now) + SUPPORT_WEIGHT * have if now is not None else float("-inf")
        best = max(scored, key=lambda s: s[1] + SUPPORT_WEIGHT * s[0])
        if best[0] > have and best[1] + SUPPORT_WEIGHT * best[0] > first + MARGIN and best[2] != now:
            out[n.key] = best[2]
    return out


def family(k: str) -> str:
    """A name's key without the words that name the same town again ("Dublin City", "the City of Norfolk"):
    the key under which a name is its own context."""
    for head in ("cityof", "townof", "villageof"):
        if k.startswith(head) and len(k) > len(head) + 2:
            return k[len(head):]
    return k[:-4] if k.endswith("city") and len(k) > 7 else k


def home_state(todo: list[PlaceMention], cands: dict[int, list[Entry]], looked: dict[int, tuple[str, str | None]],
                qualified: dict[int, list[Entry]]) -> None:
    """A local story's state: where most of the article's names lie in one state, a small town or county of
    another state is the namesake in that state."""
    names: dict[tuple[str, str], set[str]] = {}
    placed: set[str] = set()
    for p in todo:
        e = p.entry
        if e is None or not e.admin1 or e.kind not in {"city", "admin2", "admin1"}:
            continue
        k = family(gazetteer.key(looked[id(p)][0]))
        names.setdefault((e.country, e.admin1), set()).add(k)
        placed.add(k)
    if not names:
        return
    home, found = max(names.items(), key=lambda kv: len(kv[1]))
    if len(found) < HOME_STATE_NAMES or len(found) < HOME_STATE_SHARE * len(placed):
        return
    for p in todo:
        e = p.entry
        if e is None or qualified[id(p)] or e.kind not in {"city", "admin2"} or (e.country, e.admin1) == home \
                or e.population >= HOME_STATE_KEEPS:
            continue
        k = gazetteer.key(looked[id(p)][0])
        there = [c for c in cands[id(p)] if (c.country, c.admin1) == home and c.kind == e.kind
                 and own_name(c, k)]
        if there:
            p.entry, p.note = max(there, key=lambda c: c.population), None


def one_sense(todo: list[PlaceMention], cands: dict[int, list[Entry]], looked: dict[int, tuple[str, str | None]],
               qualified: dict[int, list[Entry]]) -> None:
    """One article means one place by one name: where mentions of a name ("Dublin", "Dublin City", "Henry" and
    "Henry County") went to different namesakes, those not qualified take the place of a qualified one ("New
    Haven, Conn."), else of the most mentions."""
    groups: dict[str, list[PlaceMention]] = {}
    for p in todo:
        if p.entry is not None and p.entry.kind in {"city", "admin2"}:
            groups.setdefault(p.entry.kind + ":" + family(bare(p.entry.name)), []).append(p)
    for ps in groups.values():
        if len({place_id(p.entry) for p in ps}) < 2:
            continue
        anchors = [p for p in ps if qualified[id(p)]] or ps
        votes: dict[tuple, int] = {}
        for p in anchors:
            votes[place_id(p.entry)] = votes.get(place_id(p.entry), 0) + 1
        ranked = sorted(votes.values(), reverse=True)
        if len(ranked) > 1 and ranked[0] == ranked[1]:
            continue  # no majority: the names stay as they were read
        best = max(votes, key=votes.get)
        winner = next(p.entry for p in anchors if place_id(p.entry) == best)
        for p in ps:
            if not qualified[id(p)] and place_id(p.entry) != best:
                p.entry, p.note = winner, None


def bare(name: str) -> str:
    """A place's name key without its division word: "Henry County" and "Henry" are one name."""
    k = gazetteer.key(name)
    for tail in ("county", "parish", "borough", "township"):
        if k.endswith(tail) and len(k) > len(tail) + 2:
            return k[:-len(tail)]
    return k


def place_id(e: Entry) -> tuple:
    return e.name, e.country, e.admin1, round(e.lat, 2), round(e.lon, 2)
