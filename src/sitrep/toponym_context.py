"""Article-wide corrections of toponym choices, after toponyms.resolve has made its own (:func:`settle`).

- :func:`town_in_county`: a town named beside a county it has a namesake in is that namesake.
- :func:`short_form`: a town named by the first words of a longer town the story names is that town.
- :func:`named_again`: a name read as a building or a body that is, or holds, a place the story resolved
  elsewhere is that place.
- :func:`state_by_own_name`: a bare name that is a state's own name and only another name of the big city in it
  ("New York": the state is called so, the city is New York City) stands for the state, as a gazetteer that
  tells names apart reads it; a story's dateline ("NEW YORK (AP) -") stays the city it was filed from.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from . import gazetteer
from . import toponym_coherence as coherence
from .gazetteer import Entry

if TYPE_CHECKING:
    from .places import PlaceMention


def state_by_own_name(todo: list[PlaceMention], cands: dict[int, list[Entry]],
                      looked: dict[int, tuple[str, str | None]], qualified: dict[int, list[Entry]]) -> None:
    """Move a bare mention read as a city called by the name and "City" ("New York" read as New York City) to
    the state of that city whose own name it is."""
    for p in todo:
        e = p.entry
        if e is None or e.kind != "city" or p.dateline or qualified.get(id(p)) or looked[id(p)][1] is not None:
            continue
        k = gazetteer.key(looked[id(p)][0])
        if gazetteer.key(e.name) == k or coherence.family(gazetteer.key(e.name)) != k:
            continue  # the city's own name, or one of its other names ("Chittagong", now Chattogram): the city
        state = next((c for c in cands.get(id(p), []) if c.kind == "admin1" and c.country == e.country
                      and c.admin1 == e.admin1 and gazetteer.key(c.name) == k), None)
        if state is not None:
            p.entry, p.note = state, None


def settle(places: list[PlaceMention], todo: list[PlaceMention], cands: dict[int, list[Entry]], looked: dict[int, tuple[str, str | None]],
           qualified: dict[int, list[Entry]]) -> None:
    """The article-wide passes, in order: the story's home state (toponym_coherence.home_state), one place by
    one name (toponym_coherence.one_sense), then a state by its own name."""
    coherence.home_state(todo, cands, looked, qualified)
    coherence.one_sense(todo, cands, looked, qualified)
    town_in_county(todo, cands, looked, qualified)
    short_form(places, todo, looked, qualified)
    named_again(places, looked)
    state_by_own_name(todo, cands, looked, qualified)


def town_in_county(todo: list[PlaceMention], cands: dict[int, list[Entry]],
                   looked: dict[int, tuple[str, str | None]], qualified: dict[int, list[Entry]]) -> None:
    """A town and a county named in one story lie together: where the namesakes the two were read as lie apart
    (Lebanon, Missouri and Boone County, Indiana), and the town has a namesake that lies in the county's state and
    near it (Lebanon, Indiana, the seat of Boone County), the town is that namesake (a county is read more
    surely than a town: fewer namesakes share its name)."""
    groups: dict[str, list[PlaceMention]] = {}
    for p in todo:
        if p.entry is not None and p.entry.kind in {"city", "admin2"}:
            groups.setdefault(gazetteer.key(looked[id(p)][0]), []).append(p)
    towns = {k: ps for k, ps in groups.items() if all(p.entry.kind == "city" and not qualified.get(id(p)) for p in ps)}
    counties = {k: ps for k, ps in groups.items() if all(p.entry.kind == "admin2" for p in ps)}
    if not towns or not counties:
        return
    for kt, ts in towns.items():
        t = ts[0].entry
        if t.population >= coherence.HOME_STATE_KEEPS or any(_together(t, c[0].entry) for c in counties.values()):
            continue
        for kc, cs in sorted(counties.items(), key=lambda kv: -len(kv[1])):
            c = cs[0].entry
            there = [e for e in cands.get(id(ts[0]), []) if e.kind == "city" and coherence.own_name(e, kt)
                     and _together(e, c)]
            if there:
                best = max(there, key=lambda e: e.population)
                for p in ts:
                    p.entry, p.note = best, None
                break


def _together(town: Entry, county: Entry) -> bool:
    """Do a town and a county lie together: in one state, the town within reach of the county's point?"""
    return (town.country, town.admin1) == (county.country, county.admin1) and coherence.km(town, county) <= coherence.NEAR_KM


def short_form(places: list[PlaceMention], todo: list[PlaceMention], looked: dict[int, tuple[str, str | None]],
               qualified: dict[int, list[Entry]]) -> None:
    """A bare town named by the first words of a longer town name the story gives ("Avondale" after "Avondale
    Estates", "Huber" after "Huber Heights") is that town, not a small namesake of the short name elsewhere; a
    town as big as :data:`toponym_coherence.HOME_STATE_KEEPS` keeps its own place ("Washington" beside
    "Washington Heights")."""
    longs: dict[str, Entry] = {}
    for p in places:
        words = (looked[id(p)][0] if id(p) in looked else p.text).split()
        if p.entry is not None and p.entry.kind == "city" and len(words) > 1 and words[-1].lower() != "city":
            for n in range(1, len(words)):
                longs.setdefault(gazetteer.key(" ".join(words[:n])), p.entry)
    for p in todo:
        e = p.entry
        if e is None or e.kind != "city" or qualified.get(id(p)) or e.population >= coherence.HOME_STATE_KEEPS:
            continue
        whole = longs.get(gazetteer.key(looked[id(p)][0]))
        if whole is not None and whole.country == e.country and coherence.km(whole, e) > coherence.NEAR_KM:
            p.entry, p.note = whole, None


def named_again(places: list[PlaceMention], looked: dict[int, tuple[str, str | None]]) -> None:
    """A name the model took for a building, site or body ("Grand Ledge" read as a facility, "the Hammond
    Marina", "Columbus North" the school, "R-Ashland" the lawmaker) that is, or holds as whole words, a town,
    county or state the story names and resolved elsewhere is that place: one name, one place within one story.
    A name held inside another counts only where the story names it as a place (the model's place, not a name
    it took for a body or a person's, "Rodriguez"), and only for a name that stays on the list unresolved (one
    the model calls a person's, "Melky Rodriguez", is dropped, not placed)."""
    from .toponyms import _doubtful  # toponyms.py calls this module: imported when first used

    placed: dict[str, Entry] = {}
    named: dict[str, Entry] = {}
    for p in places:
        if p.entry is not None and p.country is None and p.label != "FAC" and p.entry.kind in {"city", "admin2", "admin1"}:
            placed.setdefault(gazetteer.key(p.text), p.entry)
            if p.label in PLACE_LABELS or p.dateline:
                named.setdefault(gazetteer.key(p.text), p.entry)
    if not placed:
        return
    for p in places:
        if p.entry is not None or p.country is not None:
            continue
        e = placed.get(gazetteer.key(p.text)) if p.label == "FAC" else None
        words = WORD.findall(p.text)
        if e is not None or not named or _doubtful(p, looked.get(id(p))) \
                or words and words[-1].lower().rstrip(".") in _street_words():  # "Lebanon Road": a street
            p.entry, p.note = (e, None) if e is not None else (p.entry, p.note)
            continue
        for n in range(len(words) - 1, 0, -1):
            e = next((named[k] for i in range(len(words) - n + 1)
                      if (k := gazetteer.key(" ".join(words[i:i + n]))) in named and words[i][:1].isupper()), None)
            if e is not None and e.kind == "admin1" and words[-1].lower() in coherence.DIVISION_SUFFIXES + ("township",):
                break  # "Texas Township": a township named after the state, not the state
            if e is not None:
                p.entry, p.note = e, None
                break


# The model's labels of a place's name (not a body's, a person's or a name only the gazetteer knew).
PLACE_LABELS = {"GPE", "LOC"}


@lru_cache(maxsize=1)
def _street_words() -> frozenset[str]:
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/toponym_context.yaml").read_text("utf-8")) or {}
    return frozenset(str(w) for w in raw.get("street_words") or [])


# A word of a name, hyphens apart ("R-Ashland").
WORD = re.compile(r"[^\s\-\u2013,]+")
