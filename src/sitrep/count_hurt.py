"""The hurt told without a plain figure, read over all the figures of an article once they are found: one more
hurt told by rank ("a fourth person was grazed") or as "the other victim", the wounded killer, someone taken to
hospital after the dead are told, and the one who shot himself told twice by one verb.

``counts`` finds the figures and makes the claims; this module holds the passes that weigh the hurt among them.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .nlp import text_of
from .numbers import Vocab, parse_number

if TYPE_CHECKING:
    from .counts import CountMention

# Words that tell a death, in or just after a sentence.
DIED = re.compile(r"\b(?:died|dies|dead|deceased|pronounced|succumbed|killed)\b", re.IGNORECASE)


def cared_after_dead(found: list[CountMention], doc, v: Vocab) -> None:
    """"Four people were found dead. An 8-year-old girl was airlifted to a hospital": one told as "a girl" (someone
    not told before) taken to hospital after the dead were told, in a sentence that tells no death, is one hurt
    beyond them (``also``), not one of the dead."""
    cared = set(v.data["hospital_nouns"])
    dead = [m for m in found if m.kind == "killed" and m.count > 0 and not (m.part or m.background)]
    named = {w for m in dead for w in (m.claim.victims or "").lower().split()}
    kin = set(v.data["kin_nouns"])
    for m in found:
        if m.kind != "shot" or m.also or not m.implied or not m.status or not dead \
                or min(d.number_span[1] for d in dead) > m.number_span[0] \
                or text_of(doc)[m.trigger[0]:m.trigger[1]].lower() not in cared \
                or DIED.search(text_of(doc)[m.sentence[0]:m.sentence[1] + 150]):
            continue  # "... taken to a hospital. She died on Monday."
        words = (m.claim.victims or "").lower().split()
        if words[:1] in (["a"], ["an"]) or set(words) & kin and not set(words) & kin & named:
            m.also = True  # "the mother was taken to the hospital", told after "the girl and her father died"


def reflexive_once(found: list[CountMention]) -> list[CountMention]:
    """"A boy appears to have shot himself": where the one who did it, the verb's subject, is read as a victim of the
    verb too, he and "himself" are one person hurt, told twice by one verb; the reflexive goes."""
    named = {(m.sentence, m.trigger) for m in found if m.implied and m.kind in ("injured", "shot")
             and not _reflexive(m.claim.victims) and m.claim.evidence.start < m.trigger[0]}  # its subject
    # (not "injured himself and a friend": two hurt)
    return [m for m in found if not (m.implied and m.kind in ("injured", "shot") and _reflexive(m.claim.victims)
                                     and (m.sentence, m.trigger) in named)]


def _reflexive(victims: str | None) -> bool:
    return (victims or "").lower() in ("himself", "herself")


def one_more_hurt(found: list[CountMention]) -> None:
    """"Three were shot ... a bullet grazed a fourth person": one more of those hit, whatever the verb. The
    ordinal counts the dead and the hurt together: "two died and a third was hurt" is the first
    of the hurt (``ordinal`` 1), one more only where no other hurt are told."""
    dead = [m for m in found if m.kind == "killed" and not m.background and not m.part and not m.own and not m.coded]
    died = max([m.count for m in dead if not m.implied] + [1 for m in dead if m.implied], default=0)
    for m in found:
        if not m.ordinal or m.kind not in ("injured", "shot"):
            continue
        m.ordinal -= died
        if m.ordinal <= 0:  # "a third victim was found" beside three dead: one of them
            m.ordinal = 0
            continue
        m.also = True
        if m.kind == "injured" and any(o.kind == "shot" and not o.implied and o.number_span < m.number_span
                                       for o in found):
            m.kind = "shot"


def hurt_perpetrator(found: list[CountMention]) -> None:
    """"The suspect was struck in the leg": the one who did it, wounded, is one hurt beyond those he hit (``also``)
    where the story tells no death (a gunman "shot" may be among the dead), or told "wounded" whatever it tells,
    told once a kind however often the story tells of him."""
    told = set()
    if any(m.kind == "killed" and not m.background for m in found):
        told.add("shot")  # "officers shot the gunman" where a death is told: he may be the dead
    for m in found:
        if m.perpetrator and m.kind in ("injured", "shot") and not m.background and m.kind not in told:
            m.also = True
            told.add(m.kind)


def the_other(tokens) -> int:
    """"The other victim was treated at the scene": the second of two hit, one more only where one is told."""
    if len(tokens) > 2 and tokens[0].lower_ == "the" and tokens[1].lower_ == "other" and tokens[-1].tag_ == "NN":
        return 2
    return 0


def gunfire_part(found: list[CountMention], doc, v: Vocab) -> None:
    """"Six people were injured, five by gunfire", "five were hurt — four from gunshots and one from glass": the
    hurt told with the part of them hit by gunfire just after, in the same sentence; only those hit by gunfire are
    counted, so that part is the figure of the hurt."""
    text = text_of(doc)
    tail = re.compile(r"\s*(?:,|;|—|–|--|-|\()\s*(?:including\s+|with\s+)?(\w+(?:-\w+)?)\s+" + v.data["gunfire_part"],
                      re.IGNORECASE)
    for m in found:
        if m.kind != "injured" or m.implied or m.part or m.vague or m.count < 2:
            continue
        for at in re.finditer(r"[,;—–(]|--| - ", text[m.trigger[1]:m.sentence[1]]):
            hit = tail.match(text, m.trigger[1] + at.start())
            if hit is None:
                continue
            n = parse_number(hit.group(1))
            if n is not None and n[1] is not None and 0 < n[0] < m.count:
                m.claim = m.claim.model_copy(update={"count": n[0], "low": n[1], "high": n[2]})
            break



def fatally_hurt(found: list[CountMention]) -> None:
    """"The fatally wounded teen": one told hurt by a word that tells he died of it is one of the dead, not one hurt;
    his figure is no claim of the hurt."""
    for m in found:
        if m.kind in ("injured", "shot") and m.implied and FATALLY.search(m.claim.victims or ""):
            m.part = True


# Words that make a wound a death: "fatally wounded", "mortally injured".
FATALLY = re.compile(r"\b(?:fatally|mortally)\b", re.IGNORECASE)
