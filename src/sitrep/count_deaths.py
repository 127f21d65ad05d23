"""The dead told without a plain figure in local crime news: by rank ("a third person has died"), by the killer's
own death listed after his victims, by a victim told again or set apart ("the death of his son, who killed
himself", "the shooting of another teen"), by the dead of a murder-suicide, by the killer told dead, and by a
headline set in title case.

``counts`` finds the figures and makes the claims; this module holds the cues it reads for the dead alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .nlp import load, text_of
from .numbers import Vocab, vocab

if TYPE_CHECKING:
    from .counts import CountMention

SUICIDE = re.compile(r"\bsuicides?\b", re.IGNORECASE)
ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


@lru_cache(maxsize=16)
def compiled(pattern: str) -> re.Pattern:
    """A pattern of data/counts.yaml, compiled once, case-insensitive."""
    return re.compile(pattern, re.IGNORECASE)


def ranked_death(tokens) -> int:
    """"Third person dies", "2nd victim of shooting dies": a headline drops the article, the rank stays (0 where
    none)."""
    first = tokens[0].lower_
    if len(tokens) < 2 or tokens[0].i > tokens[0].sent.start or "\n" in tokens.doc.text[:tokens.start_char]:
        return 0
    if first in ORDINALS:
        return ORDINALS.index(first) + 2
    match = re.fullmatch(r"([2-9])(?:nd|rd|th)", first)
    return int(match.group(1)) if match else 0


def another_told(tokens, trig, v: Vocab) -> bool:
    """"charged in the shooting of another teen", "a park named for another slain teen": "another" on a victim told
    by a noun phrase sets the victim apart from the one told before (the teen who shot), not one more dead; so does
    "another" killed beside one hurt ("wounded one and killed another")."""
    root = tokens.root
    if tokens[0].lower_ != "another" or any(t.lower_ in ("also", "too") for t in trig.children):
        return False
    of_noun = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == trig.i
    hurt_first = trig.dep_ == "conj" and v.kind(trig.head, v.verbs) in ("injured", "shot") and any(
        c.dep_ == "dobj" for c in trig.head.children)
    return of_noun and trig.lemma_.lower() not in ("body", "corpse") or trig.head.i == root.i or hurt_first


def listed_self_kill(text: str, v: Vocab, mentions: list[CountMention]) -> tuple[int, int] | None:
    """"fatally shot his 2 children, then himself", "Kills Woman, Her Son, Self": the span (in ``text``, one
    sentence) of the killer's own death told last in the list of those he killed (a figure or two victims at
    least), where the parse told the others but not him; None where there is none."""
    match = compiled(v.data["listed_self_kill"]).search(text)
    if match is None or not any(m.kind == "killed" and not m.own for m in mentions):
        return None  # "Kills Wife Then Himself" read with no victim: the parse missed the list
    if match.group(0).count(",") < 2 and not any(m.kind == "killed" and not m.implied and not m.own for m in mentions):
        return None  # one victim told without a figure ("kills infant, self"): the parse tells the list itself
    return match.start(), match.end()


def victim_own_deaths(doc, mentions: list[CountMention]) -> list[CountMention]:
    """"the death of his son, who killed himself": a death by one's own hand told in a relative clause on a victim
    already counted is that victim's death told again, not the killer's one more."""
    dead = [m for m in mentions if m.kind == "killed" and not m.own]
    out = []
    for m in mentions:
        trig = doc.char_span(*m.trigger, alignment_mode="expand") if m.own else None
        verb = trig.root if trig is not None else None
        while verb is not None and verb.dep_ not in ("relcl", "ROOT") and verb.head.i != verb.i:
            verb = verb.head
        if verb is not None and verb.dep_ == "relcl" and any(
                d.claim.evidence.start <= verb.head.idx < d.claim.evidence.end for d in dead):
            continue
        out.append(m)
    return out


def everyone_dead(rest: str, v: Vocab) -> bool:
    """"three dead in a murder-suicide": the figure's dead, told with no victims' noun, count the killer (``rest``
    runs from the figure on)."""
    return compiled(v.data["everyone_dead"]).match(rest) is not None


def told_killers(doc, found: list[CountMention], v: Vocab) -> None:
    """"A jail inmate shot two bailiffs ... The inmate was killed by officers": one dead told by the noun or name
    that told the one who shot others is that one (``perpetrator``), killed beyond his victims. Not a noun that
    also told a victim ("a man shot another man"). So is one told by a figure ("one suspect is dead") where the
    story tells the dead he killed."""
    killers, victims = set(), set()
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        verbs = [tok.head, *(c for c in tok.head.children if c.dep_ in ("advcl", "conj") and not any(
            s.dep_ in ("nsubj", "nsubjpass") for s in c.children))]  # "wrestled a gun away, killing two guards"
        objs = [c for verb in verbs if v.kind(verb, v.verbs) in ("killed", "injured", "shot") for c in verb.children
                if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "NUM")]
        if objs:
            killers.add(tok.lower_)
            victims.update(o.lower_ for o in objs)
    killers -= victims | set(v.data["kin_nouns"])
    others = any(m.kind == "killed" and not m.background and not m.own and not _names(m, killers, v) for m in found)
    for m in found:
        if others and m.kind == "killed" and m.count == 1 and not m.implied and not m.part and _names(m, set(), v):
            m.perpetrator = True  # "two officers were killed ... one suspect is dead": the killer, told with a figure
        words = (m.claim.victims or "").split()
        if m.kind != "killed" or not m.implied or m.perpetrator or m.own or not words:
            continue
        if words[-1].lower() in killers and (words[0].lower() == "the" or len(words) == 1 and words[0][:1].isupper()):
            m.perpetrator = True


def _names(m: CountMention, killers: set[str], v: Vocab) -> bool:
    """A toll whose victims are told by a word for the one who did it ("one suspect", "the inmate")."""
    words = (m.claim.victims or "").lower().replace(",", " ").split()
    return any(w in v.data["perpetrator_nouns"] or w in killers for w in words)


def recased_headline(doc, sent):
    """A headline set in title case ("Gunman Fatally Shoots 3 Musicians, Self"), which the parser misreads, parsed
    again with its common words in lower case (the same characters, so the same offsets; names keep their
    capitals): the new doc, or None for any other sentence."""
    text = text_of(doc)
    if sent.start_char != 0 or not text[sent.end_char:sent.end_char + 3].lstrip(" \t\r").startswith("\n"):
        return None
    words = [t for t in sent[1:] if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(t.text[0].isupper() for t in words) < 0.8 * len(words) or text[:sent.end_char].isupper():
        return None
    common = _common_words()
    chars = list(text[:sent.end_char + 2])
    for t in sent[1:]:
        low = t.lower_
        if t.text[:1].isupper() and len(low) == len(t.text) and (low in common or t.lemma_.lower() in common or any(
                low.endswith(e) and low[:-len(e)] in common for e in ("s", "es", "ed", "d", "ing"))):
            chars[t.idx:t.idx + len(t.text)] = low
    return load()("".join(chars))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Words a title-case headline capitalises that are no names: function words and the count vocabulary."""
    from spacy.lang.en.stop_words import STOP_WORDS

    v = vocab()
    words = set(STOP_WORDS) | set(v.data["number_words"]["units"]) | set(v.data["number_words"]["tens"])
    for table in (v.verbs, v.nouns, v.adjectives):
        words |= {w for key in table for w in key.split()}
    for key in ("person_nouns", "kin_nouns", "perpetrator_nouns", "pair_nouns", "degree_adverbs", "hospital_nouns",
                "non_people", "body_parts", "title_nouns"):
        words |= set(v.data[key])
    return frozenset(words | {"fatally", "self", "found", "near", "after", "during", "shooting", "wound", "gunshot"})
