"""Over-counts of the hurt: figures that count more than the hurt of one shooting, checked over all the figures of an
article once they are found. A round-up's total ("3 dead, 22 wounded in weekend shootings") is the toll of many
shootings, not of one; victims told "also" hit may be some of a figure told before; those hurt by a fall or glass are
not of the shot; a list of ages and the breakdown of a figure ("five people, two men and three women") count no one
more.

``counts.find_counts`` calls these passes; ``tolls`` weighs what is left.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from .count_hurt import HURT
from .numbers import parse_number

if TYPE_CHECKING:
    from .counts import CountMention

# The kinds of figure whose round-ups this module leaves out: the hurt (a round-up's dead are counts.py's, by
# counts.yaml's narrower ``roundup``, as conflict reports sum a day's dead "in separate attacks" as one event).
_SUMMED = ("injured", "shot", "casualties")


@lru_cache(maxsize=1)
def _data() -> dict:
    """data/count_hurt_over.yaml, loaded once, its patterns compiled."""
    data = yaml.safe_load(resources.files("sitrep").joinpath("data/count_hurt_over.yaml").read_text("utf-8"))
    data["roundup"] = re.compile("|".join(f"(?:{p})" for p in data["roundup"]), re.IGNORECASE)
    for key in ("not_gunfire_clause", "not_gunfire_figure", "ages_before", "shots_not_people"):
        data[key] = re.compile(data[key], re.IGNORECASE)
    return data


def roundup_totals(found: list[CountMention], text: str) -> None:
    """"Two dead and 15 hurt in shootings around the city over the weekend": a figure of the hurt
    told in a sentence that sums several shootings or a stretch of time is a running total (``background``), not the
    toll of the shooting the story goes on to tell."""
    for m in found:
        if m.kind in _SUMMED and not m.implied and not m.coded and roundup_sentence(text[m.sentence[0]:m.sentence[1]]):
            m.background = True


def roundup_sentence(sentence: str) -> bool:
    """Does the sentence sum several shootings or a stretch of time?"""
    return bool(_data()["roundup"].search(sentence))


def also_among_figure(found: list[CountMention]) -> None:
    """"Seven people were shot, one of them fatally ... a teenager and his aunt were also hit": victims
    told one by one as "also" hit, after a figure of the hit that leaves room for them all (the figure less the dead
    told beside it), are some of that figure's victims, told again (``part``), not more of them."""
    figures = [m for m in found if m.kind in HURT and not m.implied and m.count > 1 and not m.also
               and not (m.part or m.vague or m.background or m.status or m.group or m.coded)]
    if not figures:
        return
    for f in figures:
        room = f.count - _dead_beside(found, f)
        told = [m for m in found if m.kind in HURT and m.implied and m.also and not m.ordinal and not m.perpetrator
                and not m.part and m.number_span[0] > f.number_span[1] and m.sentence != f.sentence]
        if told and sum(m.count for m in told) <= room:
            for m in told:
                m.part = True
            return


def _dead_beside(found: list[CountMention], figure: CountMention) -> int:
    """The dead told in a figure's own sentence ("seven were shot, one of them fatally"): some of those it counts."""
    if figure.kind != "shot":
        return 0
    return sum(m.count for m in found if m.kind == "killed" and m.sentence == figure.sentence and not m.part
               and not m.background)


def not_by_gunfire(found: list[CountMention], text: str) -> None:
    """"Six people injured ... Five people were shot and a girl was hurt when she fell": those hurt by something
    other than a bullet (a fall, flying glass, shrapnel) are not of the shot. Where a figure of the hurt is the
    figure of the shot and they together, the figure of the shot is the toll: the larger figure, and the hurt
    told by a fall or glass, are parts of it (``part``)."""
    others = [m for m in found if m.kind == "injured" and m.implied and not (m.part or m.background)
              and _data()["not_gunfire_clause"].search(_clause(found, m, text))]
    told = sum(_figure_count(hit.group(1)) for hit in _data()["not_gunfire_figure"].finditer(text))
    extra = max(len({(m.sentence, (m.claim.victims or "").lower()) for m in others}), told)
    if not extra:
        return
    figures = [m for m in found if m.kind in HURT and not m.implied and not (m.part or m.vague or m.background)]
    shot = {m.count for m in figures if not m.group}
    wholes = {m.count for m in figures if m.count - extra in shot and m.count - extra > 1}
    if not wholes:
        return
    for m in figures:
        if m.count in wholes:
            m.part = True
    for m in others:
        m.part = True


def _clause(found: list[CountMention], m: CountMention, text: str) -> str:
    """The words of one victim's clause: from the victim to the next victim told in its sentence."""
    after = [o.claim.evidence.start for o in found if o.sentence == m.sentence
             and o.claim.evidence.start > m.claim.evidence.start]
    return text[m.claim.evidence.start:min(after + [m.sentence[1]])]


def _figure_count(word: str) -> int:
    """"one", "2": the figure a word of ``not_gunfire_figure`` tells."""
    n = parse_number(word)
    return n[0] if n is not None else 0


def others_beside_dead(counts: list[CountMention], hurt, shot) -> bool:
    """"Three shot, 1 dead" over "a man died and three others were hurt": a figure of the hurt told
    as "others" beside the dead in its own sentence counts those hurt beyond the dead, so where the shot less the
    dead come to fewer, that figure is the toll (the headline's dead may not be among its shot)."""
    where = {(cm.claim.evidence.start, cm.claim.evidence.end): cm for cm in counts}
    told = [where.get((c.evidence.start, c.evidence.end)) for c in hurt]
    if any(cm is None for cm in told):
        return False
    beside = [cm for cm in told if not cm.implied and _others(cm.claim.victims) and any(
        d.kind == "killed" and d.sentence == cm.sentence and d.count > 0 and not (d.background or d.part)
        for d in counts)]
    if not beside:
        return False
    many = max(c.total if c.total is not None else c.count for c in shot)
    return max(cm.count for cm in beside) > many


def _others(victims: str | None) -> bool:
    """"three others", "two other men": victims told beyond those told before them."""
    return bool({"other", "others"} & set((victims or "").lower().split()))


def ages_not_hurt(found: list[CountMention], text: str) -> None:
    """"Four victims, ages 19, 30 and 52, were hurt", "who range in age from 20 to 44": a figure in a list
    of ages is an age, not a figure of the hurt (``part``)."""
    for m in found:
        if m.kind in HURT and not m.implied and not m.part \
                and _data()["ages_before"].search(text[max(m.sentence[0], m.number_span[0] - 60):m.number_span[0]]):
            m.part = True


def breakdown_parts(found: list[CountMention]) -> None:
    """"Five people, two men and three women, were wounded": figures told after a figure of the same kind in its
    sentence, that sum to it, break that figure down; they are its parts (``part``), not more hurt."""
    for f in found:
        if f.kind not in HURT or f.implied or f.part or f.count < 2:
            continue
        after = [m for m in found if m.kind == f.kind and m.sentence == f.sentence and not m.implied and not m.part
                 and m.number_span[0] > f.number_span[1]]
        if len(after) >= 2 and sum(m.count for m in after) == f.count:
            for m in after:
                m.part = True


def shots_not_people(found: list[CountMention], text: str) -> list[CountMention]:
    """"The family heard a single shot", "then took her own life with one shot": a figure of the shots
    or the wounds, not of the people hit; it goes."""
    pattern = _data()["shots_not_people"]
    return [m for m in found if not (m.kind in HURT and not m.implied and pattern.match(text, m.number_span[0]))]
