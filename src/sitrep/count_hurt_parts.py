"""The hurt told in parts beside the one victim or figure read first: people joined to a victim with no article of
their own ("a mother and daughter were shot"), the one who did it told beside his victims ("sent both himself and a
girl to the hospital", "Varner was shot", "a suspect, with a gunshot wound"), "he and two others" in care, people
"also shot" with no "were", those who came to a hospital on their own, the figures of a title-case headline, and a
figure of the hurt as large as the shot told first.

Hooks, kept small so that ``counts`` and ``tolls`` stay as they were: ``counts.find_counts`` calls
``recased_hurt`` per sentence, ``arrived_hurt`` once the figures are found (before the passes of ``count_hurt``)
and ``joined_hurt`` last, once they are weighed; ``tolls._hurt_or_shot`` asks ``all_shot_hurt``. The passes add
the victims they find as mentions of their own, told by the same verb as the victim they are joined to, so that
``tolls.tally`` counts them beside it, or mark one hurt beyond the others (``also``).
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from .count_grammar import claimant, counted_noun
from .count_hurt import DIED
from .nlp import text_of
from .numbers import parse_number
from .record import Claim, Span

if TYPE_CHECKING:
    from .counts import CountMention
    from .numbers import Vocab

# The kinds of figure that count the hurt (count_hurt.HURT).
_HURT = ("injured", "shot")


@lru_cache(maxsize=1)
def _data() -> dict:
    """data/count_hurt_parts.yaml, loaded once: its lists as sets, its patterns compiled."""
    raw = yaml.safe_load(resources.files("sitrep").joinpath("data/count_hurt_parts.yaml").read_text("utf-8"))
    return {key: re.compile(value, re.IGNORECASE) if isinstance(value, str) else set(value)
            for key, value in raw.items()}


def joined_hurt(found: list[CountMention], doc, v: Vocab) -> list[CountMention]:
    """The hurt of ``found`` with the people told joined to one hurt victim added, in text order."""
    hurt_doer(found, doc, v)
    one_beside_figure(found, doc)
    more = joined_people(found, doc)
    more += both_with_doer(found + more, doc, v)
    more += doer_in_care(found + more, doc, v)
    more += also_hurt_pair(found + more, doc, v)
    return sorted(found + more, key=lambda m: (m.number_span, m.kind)) if more else found


def victim_token(m: CountMention, doc):
    """The head word of a victim told without a figure ("a mother" -> "mother"), None where it is not found."""
    words = m.claim.victims
    if not words:
        return None
    at = text_of(doc).find(words, m.claim.evidence.start, m.claim.evidence.end)
    span = doc.char_span(at, at + len(words)) if at >= 0 else None
    return span[-1] if span is not None and len(span) else None


def other_person(first: str, second: str) -> bool:
    """Two words that cannot name one person: another sex ("a man and woman") or an elder beside a young one ("a
    father and son"); not "a father and husband"."""
    d = _data()
    sexes = {("m" if w in d["male"] else "f" if w in d["female"] else None) for w in (first, second)}
    if None not in sexes and len(sexes) == 2:
        return True
    return first in d["elder"] and second in d["young"] or first in d["young"] and second in d["elder"]


def joined_people(found: list[CountMention], doc) -> list[CountMention]:
    """"A mother and daughter were shot", "a man, woman and child were rushed to a hospital": the people joined to
    one hurt victim with no article, possessor or figure of their own are one more each, where each is another
    person than every word before it; told by its verb, so counted beside the first."""
    told = {m.number_span for m in found}
    out = []
    for m in found:
        if m.kind not in _HURT or not m.implied or m.part or m.background:
            continue
        head = victim_token(m, doc)
        if head is None or head.tag_ != "NN":
            continue
        words = [head.lemma_.lower()]
        for conj in _bare_conjuncts(head):
            word = conj.lemma_.lower()
            span = (conj.idx, conj.idx + len(conj))
            if span in told or not all(other_person(w, word) for w in words):
                break
            words.append(word)
            told.add(span)
            claim = m.claim.model_copy(update={"victims": conj.text})
            out.append(dataclasses.replace(m, claim=claim, number_span=span, ordinal=0, group=False))
    return out


def _bare_conjuncts(head):
    """The nouns joined to ``head`` by "and" or a comma, in order, while each has no article, possessor or figure
    of its own ("woman", "child" of "a man, woman and child")."""
    tok = head
    while True:
        nxt = [c for c in tok.children if c.dep_ == "conj" and c.tag_ == "NN"]
        if len(nxt) != 1 or any(c.dep_ in ("det", "poss", "nummod", "quantmod") for c in nxt[0].children):
            return
        tok = nxt[0]
        yield tok


_SELF = ("himself", "herself")


def both_with_doer(found: list[CountMention], doc, v: Vocab) -> list[CountMention]:
    """"Both the gunman and the child were taken to a hospital", "a shooting that sent both himself and a girl to
    the hospital": the one who did it, told by "both ... and" beside a victim in a sentence that tells their care,
    is hurt too; he is one hurt beyond the others (``perpetrator``), and the victim beside him one of the hurt
    where no figure of the sentence tells her already."""
    from .counts import CountMention, sentences  # counts calls this pass: imported when it runs

    told = [m.number_span for m in found if m.kind in _HURT or m.kind == "killed"]
    if any(m.perpetrator and m.also and m.kind in _HURT for m in found):
        return []  # the one who did it is hurt once, however often told
    out = []
    for sent in sentences(doc):
        pair = _doer_and_victim(sent, v)
        if pair is None:
            continue
        doer, victim, trig = pair
        for first, last in ((doer, doer), (doc[doer.i + 2], victim)):  # "himself", "an 11-year-old girl"
            span = (first.idx, last.idx + len(last))
            if any(s < span[1] and span[0] < e for s, e in told):
                continue  # told already: "the minor child were transported to a hospital"
            claim = Claim(count=1, low=1, high=1, victims=text_of(doc)[span[0]:span[1]],
                          source=claimant(sent, trig, v),
                          evidence=Span(start=min(span[0], trig.idx), end=max(span[1], trig.idx + len(trig))))
            out.append(CountMention("shot", claim, span, (sent.start_char, sent.end_char),
                                    (trig.idx, trig.idx + len(trig)), implied=True, status=True,
                                    perpetrator=last is doer, also=last is doer))
            told.append(span)
    return out


def _doer_and_victim(sent, v: Vocab):
    """The one who did it and the victim of "both himself and a girl", "both the gunman and the child", told before a
    word of care in one sentence ("... to the hospital"), with that word; None where the sentence tells none."""
    doers = set(v.data["perpetrator_nouns"])
    cared = set(v.data["hospital_nouns"])
    people = set(v.data["person_nouns"])
    toks = list(sent)
    for n, tok in enumerate(toks):
        if tok.lower_ != "both":
            continue
        rest = toks[n + 1:n + 4]
        if rest and rest[0].lower_ in ("the", "a", "an"):
            rest = rest[1:]
        if len(rest) < 2 or rest[1].lower_ != "and" or not (
                rest[0].lower_ in _SELF or rest[0].lemma_.lower() in doers and rest[0].tag_ == "NN"):
            continue
        doer = rest[0]
        after = toks[doer.i - sent.start + 2:doer.i - sent.start + 9]
        victim = next((t for t in after if t.pos_ in ("NOUN", "PROPN")
                       and t.dep_ not in ("npadvmod", "compound", "poss")), None)  # not "year" of "11-year-old"
        if victim is None or not (victim.lemma_.lower() in people or victim.ent_type_ == "PERSON"):
            continue
        care = next((t for t in toks if t.i > victim.i and t.lemma_.lower() in cared and t.pos_ == "NOUN"), None)
        if care is not None:
            return doer, victim, care
    return None


def _doers(doc, v: Vocab) -> dict[str, set[str]]:
    """The words that tell the one who shot others: a name or a word for the one who did it, the subject of a verb
    of the dead or the hurt with an object ("Thibodeaux allegedly shot them", "the gunman wounded two men"), not one
    told as a victim of such a verb; each with the words of the whole name ("wilbert", "thibodeaux")."""
    doers: dict[str, set[str]] = {}
    victims = set()
    nouns = set(v.data["perpetrator_nouns"])
    for tok in doc:
        if tok.dep_ != "nsubj" or not (tok.pos_ == "PROPN" or tok.lemma_.lower() in nouns):
            continue  # a name or "the gunman", not "a man" (who may be told a victim too)
        verbs = [tok.head, *(c for c in tok.head.children if c.dep_ in ("advcl", "conj") and not any(
            s.dep_ in ("nsubj", "nsubjpass") for s in c.children))]
        objs = [c for verb in verbs if v.kind(verb, v.verbs) in ("killed", "injured", "shot") for c in verb.children
                if c.dep_ == "dobj" and c.lower_ not in _SELF]
        if objs:
            name = {c.lower_ for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"}
            doers.setdefault(tok.lower_, set()).update(name | {tok.lower_})
            victims.update(o.lower_ for o in objs)
    return {word: name for word, name in doers.items() if word not in victims}


def hurt_doer(found: list[CountMention], doc, v: Vocab) -> None:
    """"Thibodeaux allegedly shot them ... During the encounter, Thibodeaux was shot": one hurt told by the name or
    noun that told the one who shot others is that one (``perpetrator``), hurt beyond his victims (``also``), where
    the story does not tell him dead; told once however often the story tells of him."""
    if any(m.perpetrator and m.also and m.kind in _HURT for m in found):
        return  # told already ("the suspect was struck in the leg")
    doers = _doers(doc, v)
    dead = any(m.kind == "killed" and not m.background and (m.perpetrator or m.own or _tells(m, doers))
               for m in found)
    if not doers or dead:
        return
    text = text_of(doc)
    for m in found:
        if m.kind in _HURT and m.implied and not (m.part or m.background or m.perpetrator) and _tells(m, doers) \
                and not DIED.search(text[m.sentence[0]:m.sentence[1]]):  # "the man who was shot and killed"
            m.perpetrator = m.also = True
            if any(o.kind == "injured" and not (o.implied or o.part or o.background) for o in found):
                m.kind = "injured"  # "wounding two deputies ... Thibodeaux was shot": one more of the hurt told
            return


def _tells(m: CountMention, doers: dict[str, set[str]]) -> bool:
    """A victim told as one of ``doers``: by "the" and the word ("the gunman") or by a name alone, all of whose words
    are of his name ("Thibodeaux", not "Mary Smith" beside "John Smith shot his wife")."""
    words = (m.claim.victims or "").split()
    if not words or words[-1].lower() not in doers:
        return False
    return words[0].lower() == "the" or len(words) <= 3 and all(
        w[:1].isupper() and w.isalpha() and w.lower() in doers[words[-1].lower()] for w in words)


def one_beside_figure(found: list[CountMention], doc) -> None:
    """"She and two more men are listed in fair condition": a figure of the hurt told by their state, joined to "he"
    or "she" before it, counts one more than it tells (``total``): a figure of their state is read alone, as a floor
    of the hurt, so the one told by the pronoun is in no other figure of it."""
    for m in found:
        if m.kind not in _HURT or not m.status or m.implied or m.part or m.vague or m.background \
                or m.claim.total is not None:
            continue  # (a figure told by its verb sums with "he": "he and three others had been shot")
        span = doc.char_span(*m.number_span)
        if span is None:
            continue
        nominal = counted_noun(span)
        head = nominal.head
        if nominal.dep_ == "conj" and head.i < nominal.i and head.lower_ in ("he", "she") \
                and head.dep_ in ("nsubj", "nsubjpass"):
            m.claim = m.claim.model_copy(update={"total": m.count + 1})
            for o in found:  # "he", told by the same words, is in that total now
                if o.implied and o.sentence == m.sentence and o.trigger == m.trigger \
                        and (o.claim.victims or "").lower() == head.lower_:
                    o.part = True


def arrived_hurt(found: list[CountMention], doc, v: Vocab) -> list[CountMention]:
    """"Two more men later walked into a clinic with bullet wounds": a figure of people who came to a hospital on
    their own, told with their wounds, is a figure of the hurt (of the shot where a gunshot is told), added to
    ``found`` in text order; "others" beyond one hurt told before are weighed by ``count_hurt.others_beside_one``."""
    from .counts import CountMention, sentences  # counts calls this pass: imported when it runs

    d = _data()
    cared = set(v.data["hospital_nouns"]) | {"room"}  # "the emergency room"
    told = [m.number_span for m in found]
    out = []
    for sent in sentences(doc):
        for verb in sent:
            if verb.lemma_.lower() not in d["arrival_verbs"] or verb.pos_ != "VERB":
                continue
            place = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("at", "to", "into", "in")
                     for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in cared]
            subject = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PRON")]
            if not place or len(subject) != 1:
                continue
            figure = [c for c in subject[0].children if c.dep_ == "nummod" and c.i < subject[0].i]
            number = parse_number(figure[0].text) if len(figure) == 1 else None
            wounds = [t.lower_ for t in sent if t.i > place[0].i]
            if number is None or number[0] < 1 or not d["arrival_wounds"] & set(wounds):
                continue
            span = (figure[0].idx, figure[0].idx + len(figure[0]))
            if any(s < span[1] and span[0] < e for s, e in told):
                continue
            kind = "shot" if {"gunshot", "gunshots", "bullet", "shot"} & set(wounds) else "injured"
            victims = doc[figure[0].i + 1:subject[0].i + 1]
            claim = Claim(count=number[0], low=number[1], high=number[2], victims=victims.text,
                          source=claimant(sent, verb, v),
                          evidence=Span(start=span[0], end=place[0].idx + len(place[0])))
            out.append(CountMention(kind, claim, span, (sent.start_char, sent.end_char),
                                    (verb.idx, verb.idx + len(verb))))
            told.append(span)
    return sorted(found + out, key=lambda m: (m.number_span, m.kind)) if out else found


def recased_hurt(doc, sent, told: list[CountMention], again=None) -> list[CountMention]:
    """"7 Shot, 3 Dead After Drive-By": the figures of the hurt a headline set in title case tells, read again in
    plain case (``count_deaths.recased_headline``; ``again`` where it is read already), where as set it told none."""
    from . import count_deaths
    from .counts import _sentence_counts, sentences, vocab  # counts calls this pass: imported when it runs

    if any(m.kind in _HURT for m in told):
        return []
    again = again if again is not None else count_deaths.recased_headline(doc, sent)
    if again is None:
        return []
    return [m for s in sentences(again) if s.start_char < sent.end_char
            for m in _sentence_counts(again, s, vocab())
            if m.kind in _HURT and not m.implied and (m.number_span[1] <= m.trigger[0] or m.kind == "injured")]
    # a figure before its verb ("7 Shot") or of the wounded ("Shooting Kills 1, Wounds 5"); not one told without a
    # figure ("Teen Hospitalized After Shooting Dies") nor the shot of one who shot ("Teen Shoots Parents And 3
    # Children"): those are often the dead


def doer_in_care(found: list[CountMention], doc, v: Vocab) -> list[CountMention]:
    """"Officers found a suspect with a gunshot wound", "a gunfight that left the accused gunman hospitalized": the
    one who did it, told by a word for him just before the words of a wound or of care with no one else between, is
    one hurt beyond those he hit (``perpetrator``, ``also``), where the story tells no death of his; once. He joins
    the figure of the injured where one is told, else those shot."""
    from .counts import CountMention, sentences  # counts calls this pass: imported when it runs

    if any(m.perpetrator and (m.also or m.kind == "killed") or m.own for m in found if not m.background):
        return []  # told already, or told dead
    d = _data()
    doers = set(v.data["perpetrator_nouns"])
    others = set(v.data["person_nouns"]) | {"him", "her", "them", "victim", "victims"}
    text = text_of(doc)
    for sent in sentences(doc):
        if DIED.search(sent.text):
            continue
        for tok in sent:
            if tok.lemma_.lower() not in doers or tok.tag_ != "NN":
                continue
            cue = d["doer_care"].match(text, tok.idx + len(tok))
            if cue is None or any(w in others for w in re.findall(r"[a-z]+", cue.group(1).lower())):
                continue
            first = next((c for c in tok.children if c.dep_ == "det" and c.i < tok.i), tok)
            span = (first.idx, tok.idx + len(tok))
            claim = Claim(count=1, low=1, high=1, victims=text[span[0]:span[1]], source=claimant(sent, tok, v),
                          evidence=Span(start=span[0], end=tok.idx + len(tok) + cue.end() - cue.start()))
            figure = any(o.kind == "injured" and not (o.implied or o.part or o.background) for o in found)
            return [CountMention("injured" if figure else "shot", claim, span, (sent.start_char, sent.end_char),
                                 (span[1] + cue.start(2) - cue.start(), span[1] + cue.end(2) - cue.start()),
                                 implied=True, perpetrator=True, also=True)]
    return []


def also_hurt_pair(found: list[CountMention], doc, v: Vocab) -> list[CountMention]:
    """"Two guards were killed. A clerk and a driver also shot, both now in surgery": a verb of the hurt
    told "also", with no "were" and no object, whose subject is two or more people joined by "and" is read as an
    attack they made ("the two men also shot"); told so it is the hurt, one each, beyond those told before
    (``also``). They join the hurt as the story tells them elsewhere: the injured where any are told, else the shot."""
    from .counts import CountMention, sentences  # counts calls this pass: imported when it runs

    people = set(v.data["person_nouns"])
    told = [m.number_span for m in found if m.kind in _HURT or m.kind == "killed"]
    kind_told = "injured" if any(m.kind == "injured" and not m.background for m in found) else "shot"
    out = []
    for sent in sentences(doc):
        for verb in sent:
            kind = v.kind(verb, v.verbs)
            if verb.tag_ != "VBD" or kind not in _HURT or not any(c.dep_ == "advmod" and c.lower_ == "also"
                                                                for c in verb.children):
                continue
            if any(c.dep_ in ("dobj", "aux", "auxpass", "ccomp", "xcomp", "dative") or c.dep_ == "prep" and
                   c.lower_ in ("at", "on", "toward", "towards", "into") for c in verb.children):
                continue  # "the two men also shot at the car", "also shot him"
            subject = [c for c in verb.children if c.dep_ == "nsubj"]
            if len(subject) != 1:
                continue
            group = [subject[0], *(c for c in subject[0].children if c.dep_ == "conj")]
            if len(group) < 2 or not all(t.tag_ == "NN" and t.lemma_.lower() in people and any(
                    c.dep_ == "det" for c in t.children) for t in group):
                continue
            for person in group:
                first = min((c for c in person.children if c.dep_ == "det"), key=lambda c: c.i)
                span = (first.idx, person.idx + len(person))
                if any(s < span[1] and span[0] < e for s, e in told):
                    continue
                claim = Claim(count=1, low=1, high=1, victims=text_of(doc)[span[0]:span[1]],
                              source=claimant(sent, verb, v), evidence=Span(start=span[0], end=verb.idx + len(verb)))
                out.append(CountMention(kind_told, claim, span, (sent.start_char, sent.end_char),
                                        (verb.idx, verb.idx + len(verb)), implied=True, also=True))
                told.append(span)
    return out


def all_shot_hurt(hurt: list[Claim], shot: list[Claim]) -> bool:
    """"4 shot in Mount Oliver ... four people were wounded": where a figure of the hurt tells as many as the figure
    of the shot, before the dead are taken off it, every one shot was hurt, and the dead the story tells are not
    among them (told of another day or shooting): the hurt are the toll, not the shot less the dead."""
    from .counts import summarise  # tolls calls this pass: imported when it runs

    most = summarise(hurt).best
    return bool(most) and all(c.total is not None and c.total < c.count == most for c in shot)
