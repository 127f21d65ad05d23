"""Figures misread as victims: names in the tail of a web page's title, and numbers that name a thing, not people.

A page's title runs on after its headline with the outlet's or the town's name ("Teen shot dead - KXYZ, Springfield,
MO"), and a headline's verb may end with the road it happened on ("Man shoots driver on Route 9, Smithville"): the
grammar can read each name of such a tail as one more victim of the headline's verb. A number may name a gun ("found
a 357 and shot her brother"), a road ("a man working along 1-10 was hospitalized", I-10 typed with a one) or be the
subject of a clause about the gun ("hit her with a pistol the three bought"), not count the people hit.

``counts.find_counts`` calls ``misread`` once all the figures of an article are found.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from .counts import CountMention

# The kinds of figure these passes weigh: the dead and the hurt.
_KINDS = ("killed", "injured", "shot", "casualties")


@lru_cache(maxsize=1)
def _data() -> dict:
    """data/count_misread.yaml, loaded once, its patterns compiled."""
    data = yaml.safe_load(resources.files("sitrep").joinpath("data/count_misread.yaml").read_text("utf-8"))
    for key in ("separator", "place_before", "place_name", "gun_before", "gun_after", "road", "road_before",
                "who_did", "weapon_clause", "hurt_verb", "hedged"):
        data[key] = re.compile(data[key], re.IGNORECASE if key not in ("place_name", "separator") else 0)
    data["calibers"] = {str(c) for c in data["calibers"]}
    for key in ("degrees", "things", "active_verbs", "not_noun"):
        data[key] = set(data[key])
    return data


def misread(found: list[CountMention], text: str) -> list[CountMention]:
    """The figures of an article less those read in a page title's tail and those that name a thing; "another"
    told against the one who did it is no victim beyond those told before (``another_than_agent``)."""
    kept = [m for m in headline_tails(found, text) if not names_thing(m, text) and not no_victim(m, text)]
    another_than_agent(kept, text)
    hedged = _data()["hedged"]
    for m in kept:  # "I think like five people got hit": a guess, as "several"
        if m.kind in _KINDS and not m.implied and hedged.search(text[max(0, m.number_span[0] - 30):m.number_span[0]]):
            m.vague = True
    return kept


def another_than_agent(found: list[CountMention], text: str) -> None:
    """"A teen suspect wanted for shooting another teenager": a victim told as "another" after the verb, where the
    one who did it is told before it by the same noun ("teen ... another teenager", "man ... another man") and no
    victim is told before the verb in that sentence, is "another" than the one who did it, not one more beyond
    victims told before (``also`` goes)."""
    for m in found:
        words = (m.claim.victims or "").lower().split()
        if m.kind not in _KINDS or not (m.also and m.implied) or words[:1] != ["another"] or len(words) < 2 \
                or m.number_span[0] < m.trigger[1] or m.ordinal:
            continue
        if any(o.kind in _KINDS and o.sentence == m.sentence and o.number_span[0] < m.trigger[0] for o in found):
            continue
        agent = re.search(rf"\b{re.escape(words[-1][:4])}", text[m.sentence[0]:m.trigger[0]], re.IGNORECASE)
        if agent and not _data()["hurt_verb"].search(text[m.sentence[0]:m.sentence[0] + agent.start()]):
            m.also = False  # the noun told before any verb of the hurt: the one who did it, not one hit


def headline_tails(found: list[CountMention], text: str) -> list[CountMention]:
    """"Man charged in death of teen - KXYZ, Springfield": in the article's first line, a victim of a verb told
    after a spaced dash or bar that follows another victim of the same verb is a name of the page's tail (the
    outlet, the town); one told by a name alone after a place's preposition and a comma ("shoots driver on Route 9,
    Smithville") is the place. Victims told before them stay."""
    first = text.find("\n")
    first = len(text) if first < 0 else first
    data = _data()
    gone = set()
    for m in found:
        if m.kind not in _KINDS or not m.implied or m.sentence[0] > first or m.number_span[0] >= first:
            continue
        if any(_tail(o, m, text, data) for o in found if o is not m and o.trigger == m.trigger
               and o.sentence == m.sentence and o.number_span[0] < m.number_span[0]):
            gone.add(id(m))
    return [_cut_tail(m, data) if m.number_span[0] < first else m for m in found if id(m) not in gone]


def _cut_tail(m: CountMention, data: dict) -> CountMention:
    """"kills 2 - KXYZ": the victims told end where the page's tail begins."""
    victims = m.claim.victims or ""
    cut = data["separator"].search(f" {victims}")
    if cut is None:
        return m
    claim = m.claim.model_copy(update={"victims": victims[:max(0, cut.start() - 1)].strip() or None})
    return dataclasses.replace(m, claim=claim)


def _tail(before: CountMention, m: CountMention, text: str, data: dict) -> bool:
    """Whether ``m``, told after ``before`` (a victim of the same verb), is read in the tail of the line."""
    between = text[before.number_span[0]:m.number_span[0]]
    if data["separator"].search(between[1:]):  # "teen - KXYZ, Springfield": the victim's own words may span it
        return True
    gap = text[before.number_span[1]:m.number_span[0]]
    return bool(data["place_before"].search(gap)) and bool(data["place_name"].fullmatch(m.claim.victims or ""))


def no_victim(m: CountMention, text: str) -> bool:
    """"We're hurting a lot", "someone shot an apartment complex", "two officers who shot and killed a man": one
    read as a victim who is a degree, a building or a car, or those who did it, told as the subject of "who" and the
    verb (not "who were shot")."""
    if m.kind not in _KINDS:
        return False
    data = _data()
    words = (m.claim.victims or "").lower().split()
    if m.implied and (" ".join(words) in data["degrees"] or words and words[-1] in data["things"]
                      and m.number_span[0] > m.trigger[0]):
        return True
    verb = text[m.trigger[0]:m.trigger[1]].lower()
    if verb not in data["active_verbs"] or m.number_span[1] > m.trigger[0]:
        return False
    who = data["who_did"].search(text[m.number_span[1]:m.trigger[0]])
    return bool(who) and _noun_before(text[m.number_span[1]:m.trigger[0]][:who.start()], data)


def _noun_before(gap: str, data: dict) -> bool:
    """Whether the words between a figure and its "who" are the figure's own noun phrase ("Two officers who"), not
    a clause of their own ("five victims mum on who shot them", "three men know who")."""
    words = re.findall(r"[\w'’-]+", gap.lower())
    return len(words) <= 4 and not set(words) & data["not_noun"]


def names_thing(m: CountMention, text: str) -> bool:
    """"found a 357 and shot", "along 1-10", "with a pistol the three bought": a figure with no people told that names a
    gun by its caliber or a road, or is the subject of a clause about the gun the verb's victim was hit with."""
    if m.kind not in _KINDS or m.implied:
        return False
    data = _data()
    start, end = m.number_span
    number, before = text[start:end], text[max(0, start - 60):start]
    if number in data["calibers"] and (data["gun_before"].search(before) or data["gun_after"].match(text, end)):
        return True
    if data["road"].fullmatch(number) and data["road_before"].search(before):
        return True
    return bool(m.group and data["weapon_clause"].search(before))
