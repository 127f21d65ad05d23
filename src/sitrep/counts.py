"""Casualty counts as claims: figures, what they count, and who says so.

``parse_number`` reads one figure ("22", "twenty-one", "at least 22", "between
10 and 15", "dozens"); ``find_counts`` finds the figures of a parsed document
that count people killed, injured, abducted, arrested, displaced or missing,
with the words that make them casualties and the claimant who gives them;
``summarise`` turns the claims about one event into a ``Counts`` record.

Conventions (ACLED for the best figure, UCDP for the range):

- An exact figure is its own range: "22" -> (22, 22, 22).
- A floor keeps the stated figure: "at least 22" and "more than 20" -> count
  and low = the figure, high open. "More than 20" is not coded 21: ACLED codes
  the stated figure, and the count then stays visible in its evidence.
- A ceiling: "up to 30", "as many as 30", "nearly 30" -> (30, None, 30).
- An estimate: "about 30" -> (30, None, None).
- A range: "10-15", "10 to 15", "between 10 and 15" -> (10, 10, 15); the
  count is the low end, ACLED's most conservative reading.
- Plural amounts per ACLED: "tens" 10, "dozens" 12, "scores" 20, "hundreds"
  100, "thousands" 1000 -> (value, value, None).
- Indefinite amounts ("a few", "several", "some", "many") have no figure at
  all: they read as the smallest value they can name ("a few" 2, "several" 3)
  as a floor, and their mentions carry ``vague=True`` so that a coder who
  treats them as unknown (as RAND and GVA do) can leave them out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import count_deaths as deaths
from . import count_died_later as died_later
from . import count_hurt as hurt
from . import count_hurt_over as hurt_over
from . import count_hurt_parts as hurt_parts, count_misread as misread
from .count_grammar import (attach_figure, claimant, counted_noun, implied_ones, is_part, of_the_same, pair_noun,
                            told_as_cause, told_in_phrase, unreal, victims_of, wider_total)
from .nlp import text_of
from .numbers import Number, Vocab, is_vague, parse_number, vocab
from .record import Claim, Counts, Span

# Bumped when what the stage counts changes: part of every record's pipeline id.
VERSION = "counts-16"

__all__ = ["CountMention", "Number", "find_counts", "is_vague", "parse_number", "summarise", "sum_victims", "vocab"]

EXTRA_KINDS = ("shot", "casualties")  # hit by gunfire; killed and injured together

# --------------------------------------------------------------------------
# mentions


@dataclass
class CountMention:
    """One figure that counts people of one kind, as a claim."""

    kind: str
    claim: Claim
    number_span: tuple[int, int]
    sentence: tuple[int, int]
    trigger: tuple[int, int]
    part: bool = False  # "including 2 women": a part of a count given beside it
    vague: bool = False  # an indefinite amount ("several")
    coded: bool = False  # a publisher's coding note ("Fatalities coded as 0")
    also: bool = False  # "N were also killed": victims beyond those told before
    implied: bool = False  # one victim told without a figure ("a driver was killed")
    includes_killer: bool = False  # "5 dead, including the gunman"
    everyone: bool = False  # "three dead in a murder-suicide": the killer, who shot himself, among the dead told
    own: bool = False  # the killer's own death ("then killed himself")
    background: bool = False  # a running total over a period ("since 2004 more than 2000 have died")
    bomber: bool = False  # a suicide bomber's own death, the toll only where no other death is told
    ordinal: int = 0  # "a fourth victim died": one more, the fourth, so none more where four are told already
    perpetrator: bool = False  # one victim told as the one who did it ("suspect killed"), beyond those he hit
    fallback: bool = False  # "a fatal shooting" with no figure: one dead, where the event tells no other toll
    headline: bool = False  # told in the article's first line, a headline of its own
    status: bool = False  # "two remain in critical condition": some of the hurt, told by their state
    group: bool = False  # "both victims", "the two men", "all three": every one of a group of the hurt told before

    @property
    def count(self) -> int:
        return self.claim.count


def find_counts(doc, sents=None) -> list[CountMention]:
    """Casualty figures in a parsed document, sentence by sentence, in text order.

    ``sents`` limits the search to some sentences (spaCy spans); by default
    every sentence of ``doc``.
    """
    v = vocab()
    found: list[CountMention] = []
    for sent in sents if sents is not None else sentences(doc):
        told = _sentence_counts(doc, sent, v)
        again = deaths.recased_headline(doc, sent) if not any(m.kind == "killed" for m in told) else None
        if again is not None:  # the dead a title-case headline tells, read in plain case, where as set it told none
            told += [m for s in sentences(again) if s.start_char < sent.end_char
                     for m in _sentence_counts(again, s, v) if m.kind == "killed"]
        told += hurt_parts.recased_hurt(doc, sent, told, again)  # "7 Shot, 3 Dead After Drive-By"
        found.extend(told)
    found.sort(key=lambda m: (m.number_span, m.kind))
    found = hurt_parts.arrived_hurt(found, doc, v)  # "two more men later walked into a hospital"
    deaths.told_killers(doc, found, v)
    hurt.one_of_the_hurt(found, doc, v)
    hurt.hurt_perpetrator(found)
    hurt.one_more_hurt(found)
    hurt.survived(found, doc)
    hurt.nonfatal_wounds(found, doc)
    hurt.some_unhurt(found, doc)
    hurt.cared_after_dead(found, doc, v)
    hurt.gunfire_part(found, doc, v)
    hurt.fatally_hurt(found)
    hurt.others_beside_one(found)
    found = hurt_parts.joined_hurt(hurt.reflexive_once(found), doc, v)  # "a mother and daughter were shot": two
    text = text_of(doc)  # the hurt counted twice: ages, a figure's breakdown, round-ups, "also", not by gunfire
    hurt_over.ages_not_hurt(found, text)
    hurt_over.breakdown_parts(found)
    hurt_over.roundup_totals(found, text)
    hurt_over.also_among_figure(found)
    hurt_over.not_by_gunfire(found, text)
    found = misread.misread(hurt_over.shots_not_people(found, text), text)  # shots; a title's tail, a gun
    found = died_later.hurt_who_died(found, doc)  # the hurt told before they died are the dead
    found = died_later.dead_among_hurt(found, doc)  # "three were hurt, including Ann, who died": those hit
    found += hurt.one_hurt_untold(found, doc, sents if sents is not None else list(sentences(doc)))
    return sorted(found, key=lambda m: (m.number_span, m.kind))


def sentences(doc):
    """spaCy's sentences, cut again at line breaks (headlines, captions)."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    yield doc[start:tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def _sentence_counts(doc, sent, v: Vocab) -> list[CountMention]:
    bounds = (sent.start_char, sent.end_char)
    text = text_of(doc)[bounds[0]:bounds[1]]
    coded = _coding_notes(text, bounds, v)
    mentions = coded + _zero_counts(text, bounds, v)
    taken = [m.number_span for m in mentions]
    if coded:  # the rest of a coding note quotes sources; read it too
        taken = [m.number_span for m in coded]
    for match in v.figure_re.finditer(text):
        start, end = bounds[0] + match.start(), bounds[0] + match.end()
        if any(s <= start < e or start <= s < end for s, e in taken):
            continue
        mention = _figure_mention(doc, sent, start, end, v, mentions)
        if mention is not None:
            mentions.append(mention)
            taken.append(mention.number_span)
    grouped = {m.kind for m in mentions if text_of(doc)[m.number_span[0]:m.number_span[1]].lower() in ("both", "all")}
    for kind, tokens, trig, victims in implied_ones(sent, v, taken):
        if unreal(trig, v) or kind in grouped:  # "X and his son were both killed": the figure counts them
            continue
        one = 2 if pair_noun(tokens.root, v) else 1  # "a couple": two victims told without a figure
        mention = _mention(doc, sent, kind, (one, one, one), tokens, trig, victims, v, window=0)
        mention.implied = True
        if one == 2 and kind == "killed" and deaths.SUICIDE.search(text_of(doc)):
            # "police found his parents dead" in a murder-suicide: one of the two is the killer
            mention.everyone = not (tokens.root.dep_ == "dobj" and tokens.root.head.i == trig.i)
        mention.status = kind == "injured" and trig.lemma_.lower() in ("condition", "hospital")  # "he is in stable condition"
        mention.ordinal = _one_more(tokens) if kind in ("killed", "injured", "shot") else 0
        if kind == "killed" and not mention.ordinal:
            mention.ordinal = deaths.ranked_death(tokens)
        if kind == "killed" and mention.also and deaths.another_told(tokens, trig, v):
            mention.also = False
        if not mention.ordinal and kind in ("injured", "shot"):
            mention.ordinal = hurt.the_other(tokens)
        mention.also = mention.also or bool(mention.ordinal) and kind == "killed"  # the hurt: count_hurt
        mentions.append(mention)
    mentions.extend(_self_kills(doc, sent, text, bounds, v, mentions))
    mentions.extend(_listed_self_kills(doc, sent, text, bounds, v, mentions))
    mentions = deaths.victim_own_deaths(doc, mentions)
    mentions.extend(_bomber_deaths(sent, text, bounds, v, mentions))
    mentions.extend(_pronoun_tolls(doc, sent, v, mentions))
    mentions.extend(_leading_ones(doc, sent, text, bounds, v, mentions))
    mentions.extend(_terse_ones(sent, text, bounds, v, mentions))
    mentions.extend(_multiple_crimes(text, bounds, v, mentions))
    mentions.extend(hurt.shooting_beside_dead(text, bounds, v, mentions))
    mentions.extend(_murder_counts(text, bounds, v, mentions))
    mentions.extend(_fatal_events(text, bounds, v, mentions))
    mentions.extend(_lives_taken(text, bounds, v, mentions))
    mentions.extend(_listed_before(doc, sent, text, bounds, v, mentions))
    perpetrators = v.data["perpetrator_nouns"]
    past = any(p.search(text) for p in v.past_toll)
    headline = bounds[0] == 0 and text_of(doc)[bounds[1]:bounds[1] + 3].lstrip(" \t\r").startswith("\n")
    cared = set(v.data["hospital_nouns"])
    roundup = deaths.compiled(v.data["roundup"]).search(text) is not None
    for m in mentions:
        m.background = m.background or past or roundup and m.kind == "killed"
        m.headline = headline
        if m.kind == "shot" and text_of(doc)[m.trigger[0]:m.trigger[1]].lower() in cared:
            m.status = True  # "two were taken to the hospital": those hit, told where no other figure tells them
            m.also = m.also or any(d.kind == "killed" and not d.part and d.count > 0
                                   and d.number_span[1] <= m.number_span[0] for d in mentions) \
                and not hurt.DIED.search(text_of(doc)[m.number_span[1]:bounds[1]])
            # "found three dead and took one to the hospital": one more ("..., where she died": not)
        words = (m.claim.victims or "").lower().replace(",", " ").split()
        m.perpetrator = m.implied and any(w in perpetrators for w in words)
    for m in hurt.gapped_care(text, bounds, mentions):
        m.headline = headline
        mentions.append(m)
    return mentions


def _listed_before(doc, sent, text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """"2 adults, 1 child dead", "3 soldiers and 2 civilians were killed": a figure of people listed just
    before a counted figure, with no trigger of its own, counts the same kind."""
    out = []
    taken = [m.number_span for m in mentions]
    for match in v.figure_re.finditer(text):
        start, end = bounds[0] + match.start(), bounds[0] + match.end()
        if any(s <= start < e or start <= s < end for s, e in taken):
            continue
        number = parse_number(match.group(0))
        tokens = doc.char_span(start, end, alignment_mode="expand")
        if number is None or tokens is None or is_vague(match.group(0)) or not _people_figure(doc, tokens, v):
            continue
        noun = counted_noun(tokens)
        if noun.i < tokens.end:
            continue  # "victims: 2, a 9-year-old girl": a figure with no noun of its own
        nxt = noun.i + 1
        while nxt < sent.end and doc[nxt].text in (",", "and"):
            nxt += 1
        if nxt == noun.i + 1 or nxt >= sent.end:
            continue
        after = [m for m in mentions + out if m.number_span[0] == doc[nxt].idx and not (m.part or m.coded or m.implied)
                 and m.kind in ("killed", "injured", "shot") and m.claim.victims]
        if not after or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        m = after[0]
        claim = Claim(count=number[0], low=number[1], high=number[2],
                      victims=doc[tokens.end:noun.i + 1].text, source=m.claim.source,
                      evidence=Span(start=start, end=m.claim.evidence.end))
        rest = text_of(doc)[end:sent.end_char]  # "2 adults, 1 child dead in a murder-suicide": the killer among them
        out.append(CountMention(m.kind, claim, (start, end), bounds, m.trigger,
                                everyone=m.kind == "killed" and deaths.everyone_dead(rest, v)))
        taken.append((start, end))
    return out


def _multiple_crimes(text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """"a quadruple murder", "the double homicide", "a triple shooting": as many victims as the multiplier
    says, of the kind its noun names, where the sentence tells no toll otherwise; the evidence is the phrase,
    which holds no figure."""
    if any(m.kind in ("killed", "injured", "shot") and not m.part for m in mentions):
        return []  # "Man, 2 teens dead in triple homicide": the figures tell the same victims
    out = []
    for match in v.multiple_crime.finditer(text):
        noun = match.group(2).lower().rstrip("s")
        kind = v.data["multiple_kinds"].get(noun)
        span = (bounds[0] + match.start(), bounds[0] + match.end())
        if kind is None or any(m.kind == kind and m.number_span[0] < span[1] and span[0] < m.number_span[1]
                               for m in mentions + out):
            continue
        n = v.data["multipliers"][match.group(1).lower()] + (kind == "killed" and match.group(3) is not None)
        claim = Claim(count=n, low=n, high=n, victims=match.group(0), evidence=Span(start=span[0], end=span[1]))
        out.append(CountMention(kind, claim, span, bounds, span))
    return out


def _fatal_events(text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """"police arrested a teen in a fatal shooting": one dead at least, kept as a ``fallback`` the event's toll
    only where it has no other; none where the sentence tells the dead already."""
    if any(m.kind == "killed" for m in mentions) or bounds[0] >= v.data["fatal_event_lede"]:
        return []  # told further down, "a fatal shooting" is as often another one ("a week after a fatal shooting")
    match = v.fatal_event.search(text)
    if match is None or unreal_text(text[:match.start()]) or re.search(
            r"\b(?:after|since|following|before|like|than)\s+(?:a|an|the|another)?\s*$", text[:match.start()], re.I):
        return []
    span = (bounds[0] + match.start(), bounds[0] + match.end())
    claim = Claim(count=1, low=1, high=None, victims=None, evidence=Span(start=span[0], end=span[1]))
    return [CountMention("killed", claim, span, bounds, span, implied=True, fallback=True)]


def _murder_counts(text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """"charged with two counts of murder": as many dead at least, kept as a ``fallback`` like "a fatal shooting"
    (the toll only where the event has no other); none where the sentence tells the dead already."""
    if any(m.kind == "killed" for m in mentions):
        return []
    out = []
    for match in re.finditer(v.data["murder_counts"], text, re.IGNORECASE):
        number = parse_number(match.group(1))
        if number is None or number[0] < 1 or is_vague(match.group(1)):
            continue
        span = (bounds[0] + match.start(), bounds[0] + match.end())
        claim = Claim(count=number[0], low=number[0], high=None, evidence=Span(start=span[0], end=span[1]))
        out.append(CountMention("killed", claim, (bounds[0] + match.start(1), bounds[0] + match.end(1)), bounds,
                                span, implied=True, fallback=True))
    return out[:1]


def _lives_taken(text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """"Hunting accident claims life of 10-year-old boy", "a shooting took the life of a teen": one killed, where
    the sentence tells no other death ("claimed the lives of three" has its figure)."""
    if any(m.kind == "killed" for m in mentions):
        return []
    match = re.search(v.data["life_taken"], text, re.IGNORECASE)
    if match is None or unreal_text(text[:match.start()]):
        return []
    span = (bounds[0] + match.start(), bounds[0] + match.end())
    claim = Claim(count=1, low=1, high=1, evidence=Span(start=span[0], end=span[1]))
    return [CountMention("killed", claim, span, bounds, span, implied=True)]


def _terse_ones(sent, text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """Headline style with no determiner the parser can use: "Teen, 17, dead in accidental shooting"."""
    out = []
    for match in v.terse_one.finditer(text):
        span = (bounds[0] + match.start(1), bounds[0] + match.end())
        if any(m.kind == "killed" and m.claim.evidence.start < span[1] and span[0] < m.claim.evidence.end
               for m in mentions):
            continue
        claim = Claim(count=1, low=1, high=1, victims=match.group(1), evidence=Span(start=span[0], end=span[1]))
        trig = (bounds[0] + match.start(2), bounds[0] + match.end(2))
        out.append(CountMention("killed", claim, span, bounds, trig, implied=True))
    return out


def _leading_ones(doc, sent, text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """"2-year-old, 3 others shot", "Child, Three Adults Injured": one victim named before a figure
    and joined to it by a comma or "and" is one more of the same kind."""
    out = []
    for m in [m for m in mentions if not m.part and not m.coded and m.claim.count > 0]:
        before = text[:m.number_span[0] - bounds[0]]
        match = v.leading_one.search(before)
        if match is None:
            continue
        span = (bounds[0] + match.start(1), bounds[0] + match.end(1))
        if any(o.number_span[0] < span[1] and span[0] < o.number_span[1] for o in mentions) \
                or told_in_phrase(doc, *span):  # "According to his mother, Ray was shot": not one more victim
            continue
        one = 2 if match.group(1).lower().split()[-1] in v.data["pair_nouns"] else 1  # "Parents, 2 children dead"
        claim = Claim(count=one, low=one, high=one, victims=match.group(1), source=m.claim.source,
                      evidence=Span(start=span[0], end=m.claim.evidence.end))
        out.append(CountMention(m.kind, claim, span, bounds, m.trigger, implied=True,
                                everyone=one == 2 and m.kind == "killed" and bool(deaths.SUICIDE.search(text_of(doc)))))
    return out


def _listed_self_kills(doc, sent, text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """"fatally shot his 2 children, then himself": the killer's own death told last in the list of his victims,
    one victim more told without a figure (``implied``); see ``count_deaths.listed_self_kill``."""
    found = deaths.listed_self_kill(text, v, mentions)
    if found is None:
        return []
    span = (bounds[0] + found[0], bounds[0] + found[1])
    if any(m.kind == "killed" and m.own and m.number_span[0] < span[1] and span[0] < m.number_span[1]
           for m in mentions):
        return []
    claim = Claim(count=1, low=1, high=1, evidence=Span(start=span[0], end=span[1]))
    tokens = doc.char_span(*span, alignment_mode="expand")
    if tokens is not None:
        claim.source = claimant(sent, tokens.root, v)
    return [CountMention("killed", claim, span, bounds, span, also=True, own=True, implied=True)]


def _self_kills(doc, sent, text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """"then turned the gun on himself": the killer's own death, a victim beyond those counted."""
    out = []
    for pattern in v.self_kill:
        for match in pattern.finditer(text):
            span = (bounds[0] + match.start(), bounds[0] + match.end())
            if any(m.kind == "killed" and m.also and m.number_span[0] < span[1] and span[0] < m.number_span[1]
                   for m in mentions):
                continue
            claim = Claim(count=1, low=1, high=1, victims=None, source=None, evidence=Span(start=span[0], end=span[1]))
            tokens = doc.char_span(*span, alignment_mode="expand")
            if tokens is not None:
                claim.source = claimant(sent, tokens.root, v)
            out.append(CountMention("killed", claim, span, bounds, span, also=True, own=True))
    return out


def _pronoun_tolls(doc, sent, v: Vocab, mentions) -> list[CountMention]:
    """"shot at a van with three guards inside, killing them": "them" counts the people the figure
    before it in the sentence names."""
    out = []
    for tok in sent:
        if tok.lower_ != "them" or tok.dep_ != "dobj" or not v.kind(tok.head, v.verbs):
            continue
        kind = v.kind(tok.head, v.verbs)
        if kind not in ("killed", "injured", "shot") or unreal(tok.head, v):
            continue
        figures = [t for t in sent if t.i < tok.i and t.dep_ == "nummod" and t.head.pos_ == "NOUN"
                   and t.head.lemma_.lower() not in v.data["non_people"] and t.head.lower_ not in v.data["non_people"]]
        # "fired as many as 20 shots, killing them": the shots are not the dead
        if not figures:
            continue
        fig = figures[-1]
        number = parse_number(fig.text)
        span = (fig.idx, fig.idx + len(fig.text))
        if number is None or any(m.number_span[0] < span[1] and span[0] < m.number_span[1] for m in mentions):
            continue
        victims = doc[fig.i:fig.head.i + 1]
        trig = tok.head
        claim = Claim(count=number[0], low=number[1], high=number[2], victims=victims.text,
                      source=claimant(sent, trig, v),
                      evidence=Span(start=fig.idx, end=max(tok.idx + len(tok.text), trig.idx + len(trig.text))))
        out.append(CountMention(kind, claim, span, (sent.start_char, sent.end_char), (trig.idx, trig.idx + len(trig))))
    return out


def _bomber_deaths(sent, text: str, bounds, v: Vocab, mentions) -> list[CountMention]:
    """"A suicide bomber blew himself up": the bomber's death, one killed (``bomber``), once a sentence."""
    if any(m.kind == "killed" and m.own for m in mentions):
        return []  # "killing himself and two policemen": the figure or the self-kill tells it already
    for pattern in v.suicide_bomber:
        match = pattern.search(text)
        if match is None or unreal_text(text[:match.start()]):
            continue
        span = (bounds[0] + match.start(), bounds[0] + match.end())
        claim = Claim(count=1, low=1, high=1, evidence=Span(start=span[0], end=span[1]))
        return [CountMention("killed", claim, span, bounds, span, implied=True, bomber=True)]
    return []


def unreal_text(before: str) -> bool:
    """"before he could blow himself up", "tried to": the act did not happen."""
    return re.search(r"\b(?:could|would|tried to|attempt(?:ed|ing)? to|planned to|before he|before she)\s*$",
                     before.strip(), re.IGNORECASE) is not None


def _coding_notes(text: str, bounds, v: Vocab) -> list[CountMention]:
    out = []
    for pattern in v.coding:
        for match in pattern.finditer(text):
            start, end = bounds[0] + match.start(1), bounds[0] + match.end(1)
            value = int(match.group(1))
            claim = Claim(count=value, low=value, high=value, source=None,
                          evidence=Span(start=bounds[0] + match.start(), end=end))
            trig = (bounds[0] + match.start(), bounds[0] + match.start() + len(match.group(0).split()[0]))
            out.append(CountMention("killed", claim, (start, end), bounds, trig, coded=True))
    return out


def _zero_counts(text: str, bounds, v: Vocab) -> list[CountMention]:
    out, seen = [], set()
    for pattern, kinds in v.zero:
        for match in pattern.finditer(text):
            span = (bounds[0] + match.start(), bounds[0] + match.end())
            for kind in kinds:
                if kind in seen:
                    continue
                seen.add(kind)
                claim = Claim(count=0, low=0, high=0, evidence=Span(start=span[0], end=span[1]))
                out.append(CountMention(kind, claim, span, bounds, span))
    return out


def _figure_mention(doc, sent, start: int, end: int, v: Vocab, before) -> CountMention | None:
    figure = text_of(doc)[start:end]
    number = parse_number(figure)
    if number is None:
        return None
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None or not _people_figure(doc, tokens, v):
        return None
    attached = attach_figure(tokens, v)
    if attached is None:
        attached = _part_of(tokens, before, v)
    if attached is None:
        return None
    kind, trig, victims, part = attached
    if unreal(trig, v):
        return None
    more = _and_others(tokens, number)
    if part and not any(m.kind == kind and not m.part and m.claim.count > 0 for m in before):
        part = False  # "shot six people, killing four of them": a part of another kind's toll counts its own kind
    part = part or of_the_same(tokens, kind, v) or _degree_part(tokens, kind, before, v)
    mention = _mention(doc, sent, kind, number, tokens, trig, victims, v)
    mention.number_span = (start, end)
    mention.part = part
    if more is not None:  # the figure stays as stated; the toll it implies is its total, with no ceiling
        mention.claim = mention.claim.model_copy(update={"total": more, "high": None})
    mention.vague = is_vague(figure)
    mention.group = kind in ("injured", "shot") and _whole_group(tokens)
    mention.status = kind in ("injured", "shot") and not mention.group and (
        _told_by_state(text_of(doc)[start:sent.end_char], v) or trig.lemma_.lower() in ("condition", "hospital")
        or _told_by_degree(tokens, trig, v) or _some_of_the(tokens))
    rest = text_of(doc)[end:sent.end_char]
    mention.includes_killer = any(p.match(rest) for p in v.killer_included)
    mention.everyone = kind == "killed" and deaths.everyone_dead(rest, v)
    mention.background = any(p.search(text_of(doc)[sent.start_char:sent.end_char]) for p in v.background) \
        or told_as_cause(tokens.root, v) or wider_total(tokens)
    return mention


def _told_by_state(rest: str, v: Vocab) -> bool:
    """"the two youngest remain in hospital", "three were treated and released": a figure whose own clause
    tells the state the hurt are in counts some of them, not all (``rest`` runs from the figure on)."""
    cut = v.clause_end.search(rest)
    return v.status.search(rest[:cut.start()] if cut else rest) is not None


def _told_by_degree(tokens, trig, v: Vocab) -> bool:
    """"two were critically wounded", "two people were hurt seriously": a figure whose own verb tells how badly
    they were hurt counts those hurt that badly, some of the hurt where the story gives a figure of them all."""
    degrees = [w for w in v.data["degree_adverbs"] if w != "mortally"]
    if trig.lower_ in degrees:
        return True
    heads = {tokens.root.head.i, tokens.root.head.head.i}
    return trig.i in heads and any(c.dep_ == "advmod" and c.lower_ in degrees for c in trig.children)


def _some_of_the(tokens) -> bool:
    """"one of the victims was wounded", "wounding one of the assailants": a figure told as some of a group
    counts some of the hurt, not the toll, where the story gives a figure of them all."""
    doc = tokens.doc
    if tokens.end + 2 >= len(doc) or doc[tokens.end].lower_ != "of" or doc[tokens.end + 1].lower_ != "the":
        return False
    obj = next((t for t in doc[tokens.end + 2:tokens.end + 5] if t.pos_ in ("NOUN", "PROPN")), None)
    return obj is not None and obj.tag_ == "NNS"


def _whole_group(tokens) -> bool:
    """"Both victims are in stable condition", "the two men remain hospitalized", "all three were treated and
    released": a figure told with "both", "all" or "the" names every one of a group told before, not some of it."""
    doc = tokens.doc
    after = doc[tokens.end] if tokens.end < len(doc) else None
    if after is not None and (after.tag_ in ("JJS", "RBS") or after.lower_ in ("other", "others")):
        return False  # "the two youngest victims", "the four others": some of them, the rest of them
    if tokens.start >= 2 and doc[tokens.start - 2].lower_ == "of":
        return False  # "two of the four wounded were sent home"
    return tokens.text.lower() in ("both", "all") or first_before(tokens) in ("the", "all", "both")


def _part_of(tokens, before, v: Vocab):
    """A part ("including 3 women") takes the kind of the count it is part of."""
    totals = [m for m in before if not m.part and m.number_span[1] <= tokens.start_char
              and m.claim.count > 0]
    nominal = counted_noun(tokens)
    if not totals or not is_part(tokens, nominal, v):
        return None
    last = totals[-1]
    trig = tokens.doc.char_span(*last.trigger, alignment_mode="expand")[0]
    return last.kind, trig, victims_of(tokens, nominal, trig, v), True


def _degree_part(tokens, kind: str, before, v: Vocab) -> bool:
    """"Nine wounded, 2 critically": a figure told by its degree after a count of the same kind is a part."""
    doc = tokens.doc
    nxt = doc[tokens.end] if tokens.end < len(doc) else None
    prev = doc[tokens.start - 1] if tokens.start > 0 else None
    if nxt is None or prev is None or prev.text not in (",", "(", "--", "—", "–"):
        return False
    if nxt.lower_ not in v.data["degree_adverbs"]:
        return False
    kinds = (kind, "shot") if kind in ("injured", "killed") else (kind,)  # "Four shot, two critically injured"
    return any(m.kind in kinds and not m.part and m.number_span[1] <= tokens.start_char for m in before)


def _people_figure(doc, tokens, v: Vocab) -> bool:
    """False for ages, times, dates, money, measures and counted things."""
    last = tokens[-1]
    if any(t.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
           and t.like_num for t in tokens):
        if not (last.ent_type_ == "DATE" and _is_small(tokens)):
            return False
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in v.data["months"] or first_before(tokens).rstrip(".") in v.data["months"]:
        return False  # "on 21 August", "March 3", "Jan. 22"
    if last.dep_ == "nummod" and last.head.pos_ == "PROPN" and last.head.i > last.i and (
            first_before(tokens) in ("on", "at", "near") or len(tokens.text) >= 4 and tokens.text.isdigit()):
        return False  # "on 11700 Robertson": a street address
    if nxt is not None and nxt.lower_.rstrip(".") in ("n", "s", "e", "w", "ne", "nw", "se", "sw") \
            and nxt.i + 1 < len(doc) and doc[nxt.i + 1].text[:1].isupper():
        return False  # "612 W. Main St.": a street address
    rest = text_of(doc)[tokens.end_char:tokens.end_char + 7].lower()
    if re.match(r"-(?:shot|round|shooter)\b", rest) or tokens.text.lower() == "one" and nxt is not None \
            and nxt.lower_ == "another":
        return False  # "a six-shot revolver"; "shot at one another"
    if tokens.text.startswith(".") or tokens.start_char >= 1 and text_of(doc)[tokens.start_char - 1] == "." \
            and tokens.text[:1].isdigit():
        return False  # "a .357", "a .22-caliber rifle": a calibre
    if first_before(tokens) in ("his", "her", "their") and nxt is not None and nxt.lower_ in ("'s", "’s", "s"):
        return False  # "a man in his 40's": an age
    of = last if last.lower_ == "of" else nxt if nxt is not None and nxt.lower_ == "of" else None
    if of is not None and any(o.dep_ == "pobj" and o.lemma_.lower() in v.data["non_people"] for o in of.children):
        return False  # "dozens of gunshots"
    if re.search(r"[A-Za-z]-\d", tokens.text) or tokens.start_char >= 2 and re.match(
            r"[A-Za-z]-", text_of(doc)[tokens.start_char - 2:tokens.start_char]):
        return False  # "an AR-15", "I-95": a model or a road
    if first_before(tokens) == "of" and tokens.start >= 2 and doc[tokens.start - 2].lemma_.lower() in v.data["kin_of"]:
        return False  # "a father of 5 killed": his children, not the dead
    if first_before(tokens) == "of" and tokens.start >= 2 and doc[tokens.start - 2].lower_ in ("age", "ages"):
        return False  # "between the ages of 16-18"
    if first_before(tokens) == "no" and tokens.text.lower() == "one":
        return False  # "no one else was hurt": nobody, not one
    if first_before(tokens) in v.data["non_people_before"]:
        return False  # "Channel 4", "Image 2 of 8": a label
    glued = text_of(doc)[max(tokens.start_char - 2, 0):tokens.start_char]
    if re.search(r"[A-Za-z],\d", tokens.text) or re.match(r"[A-Za-z],$", glued):
        return False  # "Ana Ruiz,20, of Dayton": an age glued to the name
    if tokens.start >= 2 and doc[tokens.start - 1].ent_type_ == "GPE" and doc[tokens.start - 2].lower_ in (
            "on", "along", "off", "onto", "via"):
        return False  # "killed in front of his home on Arkansas 35": a state road
    if tokens.text == "911" or re.search(r"(?:channel|news)$", first_before(tokens)) or re.match(
            r"\s+(?:[A-Z][a-z]+\s+)?News\b", text_of(doc)[tokens.end_char:tokens.end_char + 20]):
        return False  # "called 911"; "told NewsChannel 15", "Investigators tell 7 Action News": a station
    lead, trail = text_of(doc)[max(tokens.start_char - 4, 0):tokens.start_char], text_of(doc)[tokens.end_char:tokens.end_char + 4]
    if re.search(r"\d[:/]\d", tokens.text) or re.search(r"\d\s?[:/]\s?$", lead) or re.match(r"\s?[:/]\s?\d", trail):
        return False  # "1:11 Brain-dead toddler" (a video's length), "Photo 1 / 8", "(06/08/16)": no people
    if tokens.start > 0 and re.fullmatch(r"[KW][A-Z]{2,3}", doc[tokens.start - 1].text):
        return False  # "WOWK 13", "KHOU 11": a station's call letters and channel
    if re.fullmatch(r"(?:19|20)\d\d", tokens.text) and (nxt is None or nxt.tag_ != "NNS"):
        return False  # "2013 Baltimore City Homicides": a year
    after = text_of(doc)[tokens.end_char:tokens.end_char + 12].lower()
    for word in v.data["non_people_after"]:
        if re.match(rf"[\s-]*{re.escape(word)}(?![a-z])", after):
            return False
    first = tokens[0]
    if (first.i >= 2 and doc[first.i - 1].text == "," and (doc[first.i - 2].pos_ in ("PROPN", "NOUN")
                                                           or doc[first.i - 2].lower_ in v.data["person_nouns"]
                                                           or doc[first.i - 2].lower_ in ("other", "another"))
            and (nxt is None or nxt.text in (",", ")", ".") or nxt.is_space)):
        return False  # "Ryan Welch, 4," is an age; so is "Boy, 2," in a headline, "Boy" read as an interjection
    if last.dep_ in ("nummod", "quantmod", "amod") and last.head.lemma_.lower() == "wound" and last.head.i > last.i:
        return False  # "a single gunshot wound", "two stab wounds": wounds, not people
    head = last.head if last.dep_ in ("nummod", "quantmod") else None
    for noun in (head, nxt if nxt is None or nxt.dep_ != "compound" else None):  # "two truck drivers"
        if noun is not None and noun.pos_ in ("NOUN", "PROPN") and (
            noun.lemma_.lower() in v.data["non_people"] or noun.lower_ in v.data["non_people"]
            or noun.lemma_.lower() in v.data["body_parts"]  # "shot in one leg"
        ):
            return False
    return True


def first_before(tokens) -> str:
    """The word just before a figure, lower-cased ("" at the start)."""
    return tokens.doc[tokens.start - 1].lower_ if tokens.start > 0 else ""


def _is_small(tokens) -> bool:
    number = parse_number(tokens.text)
    return number is not None and number[0] < 1000


def _and_others(tokens, number: Number) -> int | None:
    """"one soldier and others were wounded": at least one more than the figure (None where no "others")."""
    nominal = counted_noun(tokens)
    others = [c for c in nominal.children if c.dep_ == "conj" and c.lower_ == "others"
              and not any(g.dep_ in ("nummod", "quantmod") for g in c.children)]
    if not others:
        return None
    return (number[1] if number[1] is not None else number[0]) + 1


def _one_more(tokens) -> int:
    """"A fourth missionary died": one victim beyond those counted before, the fourth (0 where none)."""
    first = tokens[0]
    if first.lower_ in ("a", "an") and len(tokens) > 1 and tokens[1].lower_ in deaths.ORDINALS:
        return deaths.ORDINALS.index(tokens[1].lower_) + 2
    if first.lower_ in ("a", "an") and len(tokens) > 1 and re.fullmatch(r"([2-9])(?:nd|rd|th)", tokens[1].lower_):
        return int(tokens[1].lower_[0])  # "a 4th person"
    return 0


def _mention(doc, sent, kind, number: Number, tokens, trig, victims, v, window: int = 2) -> CountMention:
    """The claim of one figure; ``window`` words after the figure may tell it "also" ("two others also
    died"), none after a victim told without a figure ("the body of the child will also be released")."""
    count, low, high = number
    pieces = [(tokens.start_char, tokens.end_char), (trig.idx, trig.idx + len(trig))]
    if victims is not None:
        pieces.append((victims.start_char, victims.end_char))
    ev = Span(start=min(p[0] for p in pieces), end=max(p[1] for p in pieces))
    claim = Claim(count=count, low=low, high=high,
                  victims=victims.text if victims is not None else None,
                  source=claimant(sent, trig, v), evidence=ev)
    also = any(t.lower_ in ("also", "too", "additional", "another") for t in
               [*trig.children, *tokens.doc[tokens.start:tokens.end + window]])
    own = kind == "killed" and any(t.lower_ in ("himself", "herself", "self") for t in tokens)  # the killer's own death
    return CountMention(kind, claim, (tokens.start_char, tokens.end_char),
                        (sent.start_char, sent.end_char), (trig.idx, trig.idx + len(trig)),
                        also=also or own, own=own)


# --------------------------------------------------------------------------
# summarising claims


def claim_floor(claim: Claim) -> int:
    """The figure a claim commits to: its low bound where it has one."""
    return claim.low if claim.low is not None else claim.count


def _figure(claim: Claim) -> int:
    """A claim's figure for the event: the total of its parts, or its own floor."""
    return claim.total if claim.total is not None else claim_floor(claim)


def as_parts(claims: list[Claim]) -> list[Claim]:
    """The figures of a toll told in parts, each kept as stated and marked with their sum (``total``), so
    every claim's evidence holds its own number while the event counts the whole."""
    if len(claims) < 2:
        return list(claims)
    total = sum(_figure(c) for c in claims)
    return [c.model_copy(update={"total": total}) for c in claims]


def summarise(claims: list[Claim]) -> Counts:
    """ACLED's best figure and UCDP's range over the claims about one event.

    Each claimant (``source``; None is the publisher) gives one figure: the
    largest of its claims, since a claimant that states two figures for one
    event is restating or raising its toll. ``best`` is the lowest of those
    figures (ACLED's most conservative rule), ``low`` the lowest low or count,
    ``high`` the highest high or count, and ``disputed`` is true when the
    claimants' figures differ. Every claim is kept.
    """
    if not claims:
        return Counts()
    by_source: dict[str | None, int] = {}
    for claim in claims:
        figure = _figure(claim)
        by_source[claim.source] = max(by_source.get(claim.source, figure), figure)
    return Counts(
        best=min(by_source.values()),
        low=min(_figure(c) for c in claims),
        high=max(c.total if c.total is not None else c.high if c.high is not None else c.count for c in claims),
        disputed=len(set(by_source.values())) > 1,
        claims=list(claims),
    )


def sum_victims(claims: list[Claim]) -> Claim | None:
    """One claim for the victims of one event told in parts.

    "4 militants and 2 soldiers were killed" gives two claims; their sum is
    one claim of 6 whose victims name both groups, with the shared claimant
    (None when they differ) and evidence covering both.
    """
    if not claims:
        return None
    lows = [c.low for c in claims]
    highs = [c.high for c in claims]
    sources = {c.source for c in claims}
    victims = [c.victims for c in claims if c.victims]
    return Claim(
        count=sum(c.count for c in claims),
        low=sum(lows) if None not in lows else None,
        high=sum(highs) if None not in highs else None,
        victims=" and ".join(victims) or None,
        source=sources.pop() if len(sources) == 1 else None,
        evidence=Span(start=min(c.evidence.start for c in claims),
                      end=max(c.evidence.end for c in claims)),
    )
