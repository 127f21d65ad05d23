"""Article-wide corrections of toponym choices, after toponyms.resolve has made its own.

:func:`state_by_own_name`: a bare name that is a state's own name and only another name of the big city in it
("New York": the state is called so, the city is New York City) stands for the state, as a gazetteer that
tells names apart reads it; a story's dateline ("NEW YORK (AP) -") stays the city it was filed from.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import gazetteer
from . import toponym_coherence as coherence
from .gazetteer import Entry

if TYPE_CHECKING:
    from .places import PlaceMention


def state_by_own_name(todo: list[PlaceMention], cands: dict[int, list[Entry]],
                      looked: dict[int, tuple[str, str | None]], qualified: dict[int, list[Entry]]) -> None:
    """Move a bare mention read as a city the name is not the own name of ("New York" read as New York City)
    to the state of that city whose own name it is."""
    for p in todo:
        e = p.entry
        if e is None or e.kind != "city" or p.dateline or qualified.get(id(p)) or looked[id(p)][1] is not None:
            continue
        k = gazetteer.key(looked[id(p)][0])
        if gazetteer.key(e.name) == k:
            continue
        state = next((c for c in cands.get(id(p), []) if c.kind == "admin1" and c.country == e.country
                      and c.admin1 == e.admin1 and gazetteer.key(c.name) == k), None)
        if state is not None:
            p.entry, p.note = state, None


def settle(todo: list[PlaceMention], cands: dict[int, list[Entry]], looked: dict[int, tuple[str, str | None]],
           qualified: dict[int, list[Entry]]) -> None:
    """The article-wide passes, in order: the story's home state (toponym_coherence.home_state), one place by
    one name (toponym_coherence.one_sense), then a state by its own name."""
    coherence.home_state(todo, cands, looked, qualified)
    coherence.one_sense(todo, cands, looked, qualified)
    state_by_own_name(todo, cands, looked, qualified)
