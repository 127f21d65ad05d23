"""The hurt who died: one victim told as shot or hurt and then told to have died ("a teen was found with a
gunshot wound ... he later died"; "a boy wounded in the shooting died Tuesday"; "she had been in critical
condition since the shooting" beside her death) is one of the dead, not one hurt beside them.

``counts`` finds the figures and makes the claims; this module drops the hurt mentions that tell the dead before
they died, read over all the figures of an article once they are found.
"""
from __future__ import annotations

import dataclasses
import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from .nlp import text_of

if TYPE_CHECKING:
    from .counts import CountMention

# The kinds of figure that count the hurt: hurt in any way, and hit by gunfire.
HURT = ("injured", "shot")
_BARE = ("he", "she")


@cache
def _data() -> dict:
    """data/count_died_later.yaml, loaded once, its patterns compiled."""
    data = yaml.safe_load(resources.files("sitrep").joinpath("data/count_died_later.yaml").read_text("utf-8"))
    for key in ("died_later", "ended_state"):
        data[key] = re.compile(data[key], re.IGNORECASE)
    for key in ("others", "generic", "female", "male", "die_verbs", "name_suffixes"):
        data[key] = frozenset(data[key])
    return data


def hurt_who_died(found: list[CountMention], doc) -> list[CountMention]:
    """The mentions of an article less the hurt who are told to have died after (see the module's doc)."""
    text = text_of(doc)
    died = _subject_died(found, doc)
    dead = {m.sentence for m in found if m.kind == "killed" and m.count > 0}
    # the subject of a death the parse read as no death ("a woman shot on Friday died Sunday") is one dead
    found = [dataclasses.replace(m, kind="killed", status=False) if i in died and m.sentence not in dead else m
             for i, m in enumerate(found) if i not in died or m.sentence not in dead]
    gone = _ended_states(found, text) | _told_before_died(found, text) | _named_dead(found)
    return [m for i, m in enumerate(found) if i not in gone]


def _named_dead(found: list[CountMention]) -> set[int]:
    """"Police charged Lee in the killing of Ray Cruz ... gunfire struck Cruz and three others": one hurt told by the
    name of one of the dead (his full name, or his last name alone) is that dead man told again, not one hurt."""
    full, last = set(), set()
    for m in found:
        if _dead(m):
            name = _name(m.claim.victims)
            if len(name) >= 2:
                full.add(" ".join(name))
                last.add(name[-1])
    gone = set()
    for i, m in enumerate(found):
        name = _name(m.claim.victims)
        if _hurt(m) and m.implied and name and name == (m.claim.victims or "").split() \
                and (len(name) == 1 and name[0] in last or " ".join(name) in full):
            gone.add(i)
    return gone


def _name(victims: str | None) -> list[str]:
    """The words of a person's name that end the victims told ("18-year-old Ray Cruz Jr." -> Ray Cruz), none where
    the last words are not a name."""
    words = [w for w in (victims or "").replace(",", " ").split() if w not in _data()["name_suffixes"]]
    name = []
    for w in reversed(words):
        if not (w[:1].isupper() and w.isalpha() and w[1:].islower()):
            break
        name.insert(0, w)
    return name


def _hurt(m: CountMention) -> bool:
    return m.kind in HURT and m.count > 0 and not (m.part or m.background)


def _dead(m: CountMention) -> bool:
    return m.kind == "killed" and m.count > 0 and not (m.part or m.background or m.own or m.perpetrator)


def _words(m: CountMention) -> list[str]:
    return re.findall(r"[a-z]+", (m.claim.victims or "").lower())


def _told_before_died(found: list[CountMention], text: str) -> set[int]:
    """"A teen was found with a gunshot wound ... EMS crews tried to treat him, but he later died": where the
    death is told by "he" or "she" as coming after the hurt, the one victim told hurt before it, without a
    figure, as no other one and of the same sex, is the one who died."""
    data = _data()
    later = [m for m in found if _dead(m) and m.implied and m.count == 1 and not m.headline
             and not set(_words(m)) & data["others"] and data["died_later"].search(text[m.sentence[0]:m.sentence[1]])]
    if not later or any(_dead(m) and not m.implied for m in found):
        return set()  # "two were shot ... one later died": the figures weigh the dead and the hurt
    death = later[0]
    before = [(i, m) for i, m in enumerate(found) if _hurt(m) and m.number_span[0] < death.number_span[0]]
    if not before or any(not m.implied or m.also or m.ordinal or set(_words(m)) & data["others"] for _, m in before):
        return set()
    heads = {_words(m)[-1] for _, m in before if _words(m)} - data["generic"]
    if len(heads) > 1:
        return set()  # "a woman was wounded and a man was shot ... he later died": two victims
    told = set(_words(death))
    sex = data["male"] if told & data["female"] else data["female"] if told & data["male"] else set()
    if any(set(_words(m)) & sex for _, m in before):
        return set()  # "a woman was wounded ... he later died": another victim died
    return {i for i, _ in before}


def _subject_died(found: list[CountMention], doc) -> set[int]:
    """"A teen wounded in the shooting died Tuesday", "the boy, who was shot in the head, died at the hospital",
    "a woman shot at her home on Friday died Sunday" (read as "shot ... and died"): one told hurt as the subject of
    a death is that death."""
    return {i for i, m in enumerate(found) if _hurt(m) and m.implied and _dies(doc, m)}


def _dies(doc, m: CountMention) -> bool:
    dies = _data()["die_verbs"]
    trig = doc.char_span(*m.trigger, alignment_mode="expand")
    if trig is None or not len(trig):
        return False
    tok = trig.root
    if tok.pos_ == "VERB" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children) and any(
            c.dep_ == "nsubj" and m.claim.evidence.start <= c.idx < m.claim.evidence.end for c in tok.children):
        if any(c.dep_ in ("advcl", "conj") and c.lemma_.lower() in dies and c.idx > tok.idx
               and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for c in tok.children):
            return True  # "a woman shot at her home on Friday died Sunday", parsed as one who shot, then died
    while tok.dep_ in ("acl", "relcl", "amod") and tok.head.i != tok.i:
        tok = tok.head  # "wounded" -> "teen"; "who was shot" -> "boy"
        if tok.pos_ in ("NOUN", "PROPN"):
            break
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":  # "West Allis - a teenager wounded ... died"
        tok = tok.head
    return tok.i != trig.root.i and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in dies


def _ended_states(found: list[CountMention], text: str) -> set[int]:
    """"She had been in critical condition since the shooting", told where a death is told: the state of one
    who died, not one more hurt."""
    if not any(_dead(m) for m in found):
        return set()
    pattern = _data()["ended_state"]
    return {i for i, m in enumerate(found) if _hurt(m) and m.implied and m.status
            and pattern.search(text[m.sentence[0]:m.sentence[1]])}


def dead_among_hurt(found: list[CountMention], doc) -> list[CountMention]:
    """"Three people were injured, including a woman who later died"; "Five people, including Ruiz, were
    wounded" where Ruiz is told dead: a figure of the hurt whose "including" names one who died counts all those
    hit, the dead among them, so it is read as those shot. Where the death is told only there (a clause of "died"
    or "succumbed" on the one included) and no other death is told, that one is one dead."""
    dead_words = {w for m in found if _dead(m) for w in _words(m)} - _data()["generic"]
    told_dead = any(_dead(m) for m in found)
    out: list[CountMention] = []
    for m in found:
        out.append(m)
        if m.kind != "injured" or m.count < 2 or m.part or m.background or m.implied or m.vague:
            continue
        included = _included(doc, m)
        died = [(n, verb) for n, verb in included if verb is not None]
        named = [n for n, _ in included if n.text[:1].isupper() and n.lower_ in dead_words and n.tag_ != "NNS"]
        if not died and not named:
            continue
        out[-1] = dataclasses.replace(m, kind="shot")
        if died and not told_dead:
            noun, verb = died[0]
            span = doc[noun.left_edge.i:noun.i + 1]
            victims = text_of(doc)[span.start_char:span.end_char]
            claim = m.claim.model_copy(update={"count": 1, "low": 1, "high": 1, "victims": victims, "total": None})
            out.append(dataclasses.replace(m, kind="killed", claim=claim, implied=True, status=False, group=False,
                                           number_span=(span.start_char, span.end_char),
                                           trigger=(verb.idx, verb.idx + len(verb.text))))
    return out


def _included(doc, m: CountMention) -> list:
    """The people a figure's "including" names, each with the verb of a death told of them ("who died") or None."""
    span = doc.char_span(*m.number_span, alignment_mode="expand")
    if span is None or not len(span):
        return []
    tok = span.root
    heads = [tok.head, tok.head.head] if tok.dep_ == "nummod" else [tok.head]
    dies = _data()["die_verbs"]
    found = []
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "including":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                for n in [noun, *[c for c in noun.children if c.dep_ == "conj"]]:
                    verb = next((c for c in n.children if c.dep_ == "relcl" and c.lemma_.lower() in dies), None)
                    found.append((n, verb))
    return found
