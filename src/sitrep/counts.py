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

from .nlp import text_of
from .numbers import Number, Vocab, is_vague, parse_number, vocab
from .record import Claim, Counts, Span

# Bumped when what the stage counts changes: part of every record's pipeline id.
VERSION = "counts-2"

__all__ = ["CountMention", "Number", "find_counts", "is_vague", "parse_number", "summarise", "sum_victims", "vocab"]

KINDS = ("killed", "injured", "abducted", "arrested", "displaced", "missing")
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
    own: bool = False  # the killer's own death ("then killed himself")
    background: bool = False  # a running total over a period ("since 2004 more than 2000 have died")
    bomber: bool = False  # a suicide bomber's own death, the toll only where no other death is told

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
        found.extend(_sentence_counts(doc, sent, v))
    found.sort(key=lambda m: (m.number_span, m.kind))
    return found


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
        mention = _mention(doc, sent, kind, (1, 1, 1), tokens, trig, victims, v)
        mention.implied = True
        mention.also = mention.also or (kind == "killed" and _one_more(tokens))
        mentions.append(mention)
    mentions.extend(_self_kills(doc, sent, text, bounds, v, mentions))
    mentions.extend(_bomber_deaths(sent, text, bounds, v, mentions))
    mentions.extend(_pronoun_tolls(doc, sent, v, mentions))
    mentions.extend(_leading_ones(doc, sent, text, bounds, v, mentions))
    mentions.extend(_terse_ones(sent, text, bounds, v, mentions))
    return mentions


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
        if any(o.number_span[0] < span[1] and span[0] < o.number_span[1] for o in mentions):
            continue
        claim = Claim(count=1, low=1, high=1, victims=match.group(1), source=m.claim.source,
                      evidence=Span(start=span[0], end=m.claim.evidence.end))
        out.append(CountMention(m.kind, claim, span, bounds, m.trigger, implied=True))
    return out


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
    """"fired on a taxi carrying two police officers, killing them": "them" counts the people the figure
    before it in the sentence names."""
    out = []
    for tok in sent:
        if tok.lower_ != "them" or tok.dep_ != "dobj" or not v.kind(tok.head, v.verbs):
            continue
        kind = v.kind(tok.head, v.verbs)
        if kind not in ("killed", "injured", "shot") or unreal(tok.head, v):
            continue
        figures = [t for t in sent if t.i < tok.i and t.dep_ == "nummod" and t.head.pos_ == "NOUN"
                   and t.head.lemma_.lower() not in v.data["non_people"]]
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
    part = part or _of_the_same(tokens, kind, v) or _degree_part(tokens, kind, before, v)
    mention = _mention(doc, sent, kind, number, tokens, trig, victims, v)
    mention.number_span = (start, end)
    mention.part = part
    if more is not None:  # the figure stays as stated; the toll it implies is its total, with no ceiling
        mention.claim = mention.claim.model_copy(update={"total": more, "high": None})
    mention.vague = is_vague(figure)
    rest = text_of(doc)[end:sent.end_char]
    mention.includes_killer = any(p.match(rest) for p in v.killer_included)
    mention.background = any(p.search(text_of(doc)[sent.start_char:sent.end_char]) for p in v.background) \
        or _told_as_cause(tokens.root, v) or _wider_total(tokens)
    return mention


def _part_of(tokens, before, v: Vocab):
    """A part ("including 3 women") takes the kind of the count it is part of."""
    totals = [m for m in before if not m.part and m.number_span[1] <= tokens.start_char
              and m.claim.count > 0]
    nominal = _nominal(tokens)
    if not totals or not _is_part(tokens, nominal, v):
        return None
    last = totals[-1]
    trig = tokens.doc.char_span(*last.trigger, alignment_mode="expand")[0]
    return last.kind, trig, _victims(tokens, nominal, trig, v), True


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
    if nxt is not None and nxt.lower_ in v.data["months"] or first_before(tokens) in v.data["months"]:
        return False  # "on 21 August", "March 3"
    after = text_of(doc)[tokens.end_char:tokens.end_char + 12].lower()
    for word in v.data["non_people_after"]:
        if re.match(rf"[\s-]*{re.escape(word)}(?![a-z])", after):
            return False
    first = tokens[0]
    if (first.i >= 2 and doc[first.i - 1].text == "," and doc[first.i - 2].pos_ in ("PROPN", "NOUN")
            and (nxt is None or nxt.text in (",", ")", ".") or nxt.is_space)):
        return False  # "Ryan Welch, 4," is an age
    if last.dep_ in ("nummod", "quantmod", "amod") and last.head.lemma_.lower() == "wound":
        return False  # "a single gunshot wound", "two stab wounds": wounds, not people
    head = last.head if last.dep_ in ("nummod", "quantmod") else None
    for noun in (head, nxt if nxt is None or nxt.dep_ != "compound" else None):  # "two truck drivers"
        if noun is not None and noun.pos_ in ("NOUN", "PROPN") and (
            noun.lemma_.lower() in v.data["non_people"] or noun.lower_ in v.data["non_people"]
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
    nominal = _nominal(tokens)
    others = [c for c in nominal.children if c.dep_ == "conj" and c.lower_ == "others"
              and not any(g.dep_ in ("nummod", "quantmod") for g in c.children)]
    if not others:
        return None
    return (number[1] if number[1] is not None else number[0]) + 1


def _one_more(tokens) -> bool:
    """"A fourth missionary died": one victim beyond those counted before."""
    first = tokens[0]
    return first.lower_ in ("a", "an") and len(tokens) > 1 and tokens[1].lower_ in (
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def unreal(trig, v: Vocab) -> bool:
    """"threatened to kill al-Yusufi", "attempted to assassinate": a toll that did not happen."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may", "should") for c in trig.children):
        return True  # "he will soon be killed"
    tok = trig
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "conj", "acl") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in v.data["unreal_verbs"]:
            return True
    return False


def _mention(doc, sent, kind, number: Number, tokens, trig, victims, v) -> CountMention:
    count, low, high = number
    pieces = [(tokens.start_char, tokens.end_char), (trig.idx, trig.idx + len(trig))]
    if victims is not None:
        pieces.append((victims.start_char, victims.end_char))
    ev = Span(start=min(p[0] for p in pieces), end=max(p[1] for p in pieces))
    claim = Claim(count=count, low=low, high=high,
                  victims=victims.text if victims is not None else None,
                  source=claimant(sent, trig, v), evidence=ev)
    also = any(t.lower_ in ("also", "too", "additional", "another") for t in
               [*trig.children, *tokens.doc[tokens.start:tokens.end + 2]])
    own = kind == "killed" and any(t.lower_ in ("himself", "herself") for t in tokens)  # the killer's own death
    return CountMention(kind, claim, (tokens.start_char, tokens.end_char),
                        (sent.start_char, sent.end_char), (trig.idx, trig.idx + len(trig)),
                        also=also or own, own=own)


# --------------------------------------------------------------------------
# attaching a figure to its trigger

_SUBJ = ("nsubj", "nsubjpass")
_ROLES = ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "appos")
_COMPLEMENTS = ("oprd", "acomp", "xcomp", "advmod", "ccomp", "dep")
_PRIORITY = {k: i for i, k in enumerate(dict.fromkeys(("killed", "injured", "shot", "casualties", *KINDS)))}
_INTRANSITIVE = ("die", "perish")


def _nominal(tokens):
    """The token a figure counts ("22" -> "people" in "22 people")."""
    last = tokens[-1]
    if last.lower_ == "of":
        objs = [c for c in last.children if c.dep_ == "pobj"]
        return objs[0] if objs else last.head
    if last.dep_ in ("nummod", "quantmod", "amod", "det", "compound") and not (
        tokens.start <= last.head.i < tokens.end
    ):
        head = last.head
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN") \
                and not any(c.dep_ in ("nummod", "quantmod") for c in head.head.children):
            head = head.head  # "Three ... Croatian emigre leaders": the figure hangs on a modifier of the noun
        return head
    return last


def _of_object(token):
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _is_part(tokens, nominal, v: Vocab) -> bool:
    cues = v.data["part_cues"]
    before = tokens.doc[max(tokens.start - 3, 0):tokens.start].text.lower()
    if any(before.endswith(cue) for cue in cues):
        return True
    if nominal.dep_ == "pobj" and nominal.head.lower_ in ("including", "among"):
        return True
    obj = _of_object(tokens[-1]) or _of_object(nominal)
    return obj is not None and obj.lower_ in ("them", "whom", "those", "these")


def _best(candidates):
    found = [(kind, tok) for kind, tok in candidates if kind]
    if not found:
        return None
    return min(found, key=lambda kt: _PRIORITY.get(kt[0], 99))


def _verb_kind(verb, v: Vocab, role: str):
    """Kind and trigger of the predicate a counted noun is an argument of."""
    cands = [(v.kind(c, v.adjectives, v.verbs), c) for c in verb.children
             if c.dep_ in _COMPLEMENTS and (c.i > verb.i or c.dep_ == "advmod")
             and not (c.dep_ == "ccomp" and role == "nsubj")]  # "the group said [12 were killed]"
    cands += [("killed", c) for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
              and any(o.lemma_.lower() == "death" for o in c.children)]
    if verb.lemma_.lower() in v.data["care_verbs"]:  # "taken to hospital with a gunshot wound"
        cands += [("injured", o) for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "from")
                  for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in ("wound", "injury")]
    if role == "nsubj" and verb.lemma_.lower() == "lose" and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children):
        return "killed", verb  # "two soldiers lost their lives"
    if role == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
        return None
    if role in _SUBJ and verb.lemma_.lower() not in _INTRANSITIVE and role != "nsubjpass":
        # an active subject is the attacker unless the kind comes from a
        # complement ("N were found dead") or the verb is intransitive
        if not any(k for k, _ in cands) and not _passive_like(verb):
            return None
    cands.append((v.kind(verb, v.verbs, v.adjectives), verb))
    cands += [(v.kind(c, v.verbs, v.adjectives), c) for c in verb.children
              if c.dep_ == "conj" and c.pos_ in ("VERB", "ADJ") and not _has_subject(c)]
    return _best(cands)


def _passive_like(verb) -> bool:
    return verb.lemma_.lower() in _INTRANSITIVE or verb.pos_ == "ADJ" or verb.tag_ == "VBN" and not any(
        c.dep_ == "dobj" for c in verb.children)


def _has_subject(token) -> bool:
    return any(c.dep_ in _SUBJ for c in token.children)


def _toll_kind(anchor, v: Vocab):
    """"the death toll rose to 22": the figure, a preposition, a toll verb."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ not in v.data["toll_preps"]:
        return None
    for subj in prep.head.children:
        if subj.dep_ in _SUBJ:
            for word in [*subj.children, subj]:
                kind = v.kind(word, v.nouns)
                if kind and word.dep_ in ("compound", "amod", "nsubj", "nsubjpass"):
                    return kind, subj
    return None


def _of_trigger(anchor, v: Vocab):
    """"the death of two Iraqis", "claimed the lives of four"."""
    prep = anchor.head
    if anchor.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        kind = v.kind(prep.head, v.nouns)
        if kind:
            return kind, prep.head
    return None


def _window_kind(tokens, v: Vocab):
    doc = tokens.doc
    for tok in doc[tokens.end:min(tokens.end + 3, len(doc))]:
        if tok.like_num or tok.is_punct and tok.text not in ("-",):
            break
        kind = v.kind(tok, v.adjectives, v.verbs, v.nouns)
        if kind:  # "both shot and killed": the verb joined to it may tell more
            return _best([(kind, tok)] + [(v.kind(c, v.verbs, v.adjectives), c) for c in tok.children
                                          if c.dep_ == "conj" and c.pos_ == "VERB"])
    if tokens.start > 0:
        prev = doc[tokens.start - 1]
        if prev.tag_ in ("VBG", "VBD") and v.kind(prev, v.verbs):
            return v.kind(prev, v.verbs), prev
    return None


def _shared_verb_kind(anchor, v: Vocab):
    """Victims joined to the ones a verb is told of: "killed along with two of his guards", "killing him and two
    of his guards" (the figure read as the verb's conjunct), "the driver was killed, as were three officers"."""
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "with":
        verb = head.head.head if head.head.lower_ in ("along", "together") else head.head
        if verb.pos_ == "VERB" and head.head.lower_ in ("along", "together") or head.i > 0 and \
                anchor.doc[head.i - 1].lower_ in ("along", "together"):
            return _verb_kind(verb, v, "nsubjpass")
    if anchor.dep_ == "conj" and head.pos_ == "VERB" and anchor.pos_ == "NUM" and v.kind(head, v.verbs):
        return _verb_kind(head, v, "dobj")
    if anchor.dep_ in _SUBJ and head.lemma_ == "be" and head.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in head.children):
        return _verb_kind(head.head, v, "nsubjpass")
    return None


def attach_figure(tokens, v: Vocab):
    """(kind, trigger token, victims span or None, part) for a figure, or None."""
    nominal = _nominal(tokens)
    inside = tokens.start <= nominal.i < tokens.end
    found = None
    if not inside and nominal.lemma_.lower() in ("body", "corpse"):
        found = "killed", nominal  # "Sixteen bodies, all shot in the head, were found"
    if nominal.i == tokens.end and nominal.pos_ != "NOUN" and v.kind(nominal, v.adjectives):
        found = v.kind(nominal, v.adjectives), nominal  # "Three Dead, Two Hurt"
    found = found or _best((v.kind(c, v.adjectives, v.verbs), c) for c in nominal.children
                      if c.dep_ in ("amod", "acl", "oprd", "appos", "advmod", "relcl")
                      and c.i > nominal.i)
    anchor = nominal
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        anchor = anchor.head
    if found is None and anchor.dep_ in _ROLES and anchor.head.pos_ in ("VERB", "AUX", "ADJ"):
        found = _verb_kind(anchor.head, v, anchor.dep_)
    if found is None:
        found = _shared_verb_kind(anchor, v)
    if found is None and not inside and v.kind(nominal, v.nouns):
        found = v.kind(nominal, v.nouns), nominal
    if found is None:
        found = _toll_kind(anchor, v) or _of_trigger(anchor, v)
    attacker = anchor.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in anchor.head.children)
    if found is None and not attacker:
        found = _window_kind(tokens, v)
    if found is None:
        return None
    kind, trig = found
    return kind, trig, _victims(tokens, nominal, trig, v), _is_part(tokens, nominal, v)


def _of_the_same(tokens, kind: str, v: Vocab) -> bool:
    """"Two of the injured skateboarders were ...", "one of the dead": a part of a toll of the same kind told
    before ("Two of the wounded died" counts the dead, not a part)."""
    obj = _of_object(tokens[-1])
    if obj is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
        return False
    words = [obj, *(c for c in obj.children if c.dep_ in ("amod", "compound"))]
    return any(v.kind(w, v.adjectives, v.nouns) == kind for w in words)


def _victims(tokens, nominal, trig, v: Vocab):
    doc = tokens.doc
    obj = _of_object(tokens[-1]) if nominal.i < tokens.end else None
    if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
        return doc[obj.left_edge.i:obj.i + 1]
    if nominal.i >= tokens.end and nominal != trig and nominal.pos_ in ("NOUN", "PROPN"):
        return doc[tokens.end:nominal.i + 1]
    return None


def _subject_text(token):
    span = token.doc[token.left_edge.i:token.right_edge.i + 1]
    words = [t for t in span if not (t.i == span.start and t.dep_ == "det")]
    if not words or token.pos_ == "PRON":
        return None
    return token.doc[words[0].i:words[-1].i + 1].text.strip(" ,")


def claimant(sent, trig, v: Vocab) -> str | None:
    """Who gives a figure: a reporting subject, "according to X", or None."""
    for child in trig.children:
        if child.lower_ in v.data["reported_adverbs"]:
            for subj in trig.children:
                if subj.dep_ == "nsubj" and any(
                    t.lower_ in v.data["outlet_cues"] for t in subj.subtree
                ):
                    return _subject_text(subj)
    for anc in trig.ancestors:
        if anc.lemma_.lower() in v.data["claim_verbs"]:
            for subj in anc.children:
                if subj.dep_ == "nsubj":
                    return _subject_text(subj)
    for tok in sent:
        low = tok.lower_
        if low == "according" or (low in v.data["according_to"] and tok.dep_ == "prep"):
            objs = [c for c in tok.subtree if c.dep_ == "pobj" and c.head.head in (tok, tok.head)]
            objs = objs or [c for c in tok.subtree if c.dep_ == "pobj"]
            if objs:
                return _subject_text(objs[0])
    root = sent.root
    if root.lemma_.lower() in v.data["claim_verbs"] and trig in root.subtree:
        for subj in root.children:
            if subj.dep_ == "nsubj":
                return _subject_text(subj)
    return None


_ONE_PRONOUNS = ("him", "her", "himself", "herself", "he", "she")


def _one_victim(tok, v: Vocab) -> bool:
    """A singular person noun, name or pronoun that can stand for one victim."""
    if tok.dep_ not in ("nsubjpass", "nsubj", "dobj", "conj"):
        return False
    if tok.tag_ == "PRP":
        return tok.lower_ in _ONE_PRONOUNS
    if _aged(tok):
        return True  # "a 19-year-old was shot"
    if tok.tag_ == "JJ" and tok.ent_type_ == "NORP" and tok.dep_ != "conj":  # "shot dead an Israeli"
        return any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children)
    if tok.tag_ not in ("NN", "NNP") or any(c.dep_ in ("nummod", "quantmod") for c in tok.children):
        return False
    if tok.lemma_.lower() in v.data["non_people"] or v.kind(tok, v.nouns):
        return False
    if tok.pos_ == "PROPN":
        if tok.text.isupper() and len(tok.text) > 1:
            return False  # a dateline ("MYRTLE CREEK, Ore. —"), not a victim
        if tok.lemma_.lower() in v.data["person_nouns"] or tok.lemma_.lower() in v.data["title_nouns"]:
            return True  # "The Party Councilman for X, Jose Villamil, was shot and killed"
        if tok.ent_type_ == "NORP":  # "an Israeli was killed", "shot the Palestinian"
            return tok.dep_ != "conj" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children)
        return tok.ent_type_ in ("PERSON", "") or _titled(tok, v)
    dets = [c for c in tok.children if c.dep_ in ("det", "poss") and c.i < tok.i]
    return bool(dets) and not any(d.lower_ in ("no", "any", "every", "each") for d in dets)


def _titled(tok, v: Vocab) -> bool:
    """A name the parser took for an organisation, told with a person's title beside it ("Nusee Yako, a
    religious teacher", "Rashid, director of ...")."""
    words = v.data["person_nouns"] + v.data["title_nouns"]
    return any(c.dep_ == "appos" and c.lemma_.lower() in words for c in tok.children)


def _told_as_cause(tok, v: Vocab) -> bool:
    """"in retaliation for the killing of two leaders": deaths told as the cause of this event."""
    return any(a.lemma_.lower() in v.data["cause_nouns"] for a in tok.ancestors)


def _wider_total(tokens) -> bool:
    """"one of three officers killed that day", "five of dozens of bodies": the figure is a wider total."""
    doc = tokens.doc
    if tokens.start < 2 or doc[tokens.start - 1].lower_ != "of":
        return False
    before = doc[tokens.start - 2]
    return before.like_num or before.lower_ in ("one", "two", "three", "four", "five")


def _aged(tok) -> bool:
    """"19-year-old" standing alone for a person (no noun after it)."""
    doc = tok.doc
    return (tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 1].text == "-"
            and doc[tok.i - 2].lower_ in ("year", "years", "month", "months", "week", "weeks", "day", "days")
            and tok.dep_ in ("nsubjpass", "nsubj", "dobj", "conj"))


def _of_victim(tok, v: Vocab):
    """"the shooting death of 2-year-old Amy Lowe", "the fatal shooting of a man": one victim of a noun."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.pos_ != "NOUN":
        return None
    noun = tok.head.head
    if _told_as_cause(noun, v):
        return None
    if tok.tag_ not in ("NN", "NNP") or any(c.dep_ in ("nummod", "quantmod") for c in tok.children):
        return None
    aged = any(c.lower_ == "old" for c in tok.children)  # "4-year-old Ana Reyes"
    if tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "") and not aged:
        return None
    if tok.pos_ == "NOUN" and (tok.lemma_.lower() in v.data["non_people"] or tok.lemma_.lower() not in
                               v.data["person_nouns"]):
        return None
    kind = v.kind(noun, v.data["of_nouns"])
    if kind == "shot" and any(c.lower_ in ("fatal", "deadly") for c in noun.children):
        kind = "killed"
    return (kind, noun) if kind else None


def implied_ones(sent, v: Vocab, taken):
    """Victims told without a figure: "a driver was killed", "the death of Amy Lowe" count one each; a
    pronoun ("killed him") counts only where no victim is named beside it."""
    subjects = list(_implied_subjects(sent, v, taken))
    named = {s[0] for s in subjects if s[1].root.tag_ != "PRP"}
    for found in subjects:
        pron = found[1].root
        alone = pron.dep_ != "conj" and not any(c.dep_ == "conj" for c in pron.children)
        if pron.tag_ == "PRP" and alone and found[0] in named:
            continue  # "kidnapped a farmer and killed him": one victim
        yield found
    for tok in sent:
        found = _of_victim(tok, v) or _modified_victim(tok, v)
        if found is None:
            continue
        span = tok.doc[tok.left_edge.i:tok.i + 1]
        if any(s < span.end_char and span.start_char < e for s, e in taken):
            continue
        yield found[0], span, found[1], span


_RELATIVE = ("who", "that")


def _possessed(tok) -> bool:
    """"his driver", "their son": a person told by whose they are, not one more description of the same one."""
    return any(c.dep_ == "poss" for c in tok.children)


def _counted(tok) -> bool:
    """A noun with a figure on it ("Two officers, A and B, were killed"): the figure counts its apposed names."""
    return any(c.dep_ in ("nummod", "quantmod") for c in tok.children)


def _modified_victim(tok, v: Vocab):
    """One victim told by a clause or an adjective on a person noun: "a 4-year-old girl who was shot", "a
    man who died", "5-year-old girl accidentally shot by her brother", "the injured child"."""
    if tok.tag_ not in ("NN", "NNP") or any(c.dep_ in ("nummod", "quantmod") for c in tok.children):
        return None
    aged = any(c.lower_ == "old" for c in tok.children)
    if not (tok.lemma_.lower() in v.data["person_nouns"] or tok.ent_type_ == "PERSON" or aged):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ in v.data["part_cues"]:
        return None  # "including a man who was shot": a part of a toll told beside it
    for c in tok.children:
        found = None
        subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in _RELATIVE]
        if c.dep_ == "relcl" and subjects:
            found = _verb_kind(c, v, subjects[0].dep_)
        elif c.dep_ == "acl" and c.tag_ == "VBN" and not any(a.dep_ in ("aux", "auxpass") for a in c.children):
            found = _verb_kind(c, v, "nsubjpass")
        elif c.dep_ == "amod" and c.i < tok.i and c.lower_ in ("injured", "wounded"):
            found = "injured", c
        if found is not None and found[0] in ("killed", "injured", "shot") and not unreal(found[1], v):
            return found
    return None


def _found_body(tok, v: Vocab):
    """"His body was found in the river": one dead, told by the finding of a body."""
    if tok.lemma_.lower() != "body" or tok.tag_ != "NN" or _of_object(tok) is not None:
        return None
    if tok.dep_ not in ("nsubjpass", "dobj") or tok.head.lemma_.lower() not in v.data["finding_verbs"]:
        return None
    if not any(c.dep_ in ("det", "poss") for c in tok.children):
        return None
    return "killed", tok.head


def _implied_subjects(sent, v: Vocab, taken):
    for tok in sent:
        body = _found_body(tok, v)
        if body is not None:
            span = tok.doc[tok.left_edge.i:tok.i + 1]
            if not any(s < span.end_char and span.start_char < e for s, e in taken):
                yield body[0], span, body[1], span
            continue
        if not _one_victim(tok, v):
            continue
        anchor = tok
        while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN", "PRON"):
            anchor = anchor.head
            if anchor.dep_ == "appos" and _possessed(tok) and not _counted(anchor.head):
                anchor = anchor.head  # "Sykes, the ambassador, and his driver": through the apposition
        if anchor.dep_ not in ("nsubjpass", "nsubj", "dobj") or anchor.head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        found = _verb_kind(anchor.head, v, anchor.dep_)
        if found is None or found[0] in ("displaced", "casualties"):
            continue
        span = tok.doc[tok.left_edge.i:tok.i + 1] if tok.tag_ != "PRP" else tok.doc[tok.i:tok.i + 1]
        counted = [c for c in anchor.children if c.i < anchor.i and c.lower_ in ("both", "all")]
        # "Both Bass and the baby were dead": the figure counts them already
        if any(s < span.end_char and span.start_char < e for s, e in taken) or any(
                s <= c.idx < e for c in counted for s, e in taken):
            continue
        yield found[0], span, found[1], span


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
