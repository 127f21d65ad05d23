"""Spatial coherence: the places one article names lie near one another.

A local story names its town, the county it is in and the towns around it
("Paris and Henry County", "Lebanon police and the Boone County sheriff"), and
each of those names alone has namesakes all over the map. Among a name's
namesakes, the one that other names of the article have a namesake near (within
:data:`NEAR_KM`, or inside a state the article names) is the one meant: Paris,
Tennessee lies in Henry County, Tennessee, and Paris, France lies near no Henry
County at all. toponyms.py calls :func:`cohere` once its first choices are made;
a name a qualifier placed ("Paris, Tenn.") keeps its place.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from . import gazetteer
from .gazetteer import Entry

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
