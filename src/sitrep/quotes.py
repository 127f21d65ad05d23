"""Who said what: direct and indirect quotes, their speakers, and the claims that matter for coding.

``find_statements`` reads a parsed document and returns one ``Statement`` per
quote or reported statement:

- direct: words in quotation marks, attributed by a reporting verb in the same
  sentence ("... ," Kirby said; the official called it "defensive"), or by
  "according to X";
- indirect: a reporting verb with a clause ("the ministry said that ...") or a
  claim told as an act ("the group claimed responsibility for the attack",
  "Iran denied any involvement").

The speaker is resolved through the text: a surname ("Kirby") takes the full
name given before ("John Kirby"), a pronoun ("he") the last speaker named, a
role noun ("the official") the last speaker whose words hold it. The speaker's
role comes from an apposition ("John Kirby, the Pentagon's press secretary")
or from the title before the name ("Secretary of Defense Lloyd Austin").

Statements that claim responsibility, deny, or accuse carry ``claim`` set to
``responsibility``, ``denial`` or ``accusation`` (patterns in data/quotes.yaml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .nlp import text_of
from .record import Span, Statement

VERSION = "quotes-1"

OPEN_QUOTES = {'"': '"', "\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb"}
_TITLE_DEPS = ("compound", "amod", "nmod", "poss", "det", "case")


@dataclass(frozen=True)
class QuoteVocab:
    reporting: frozenset[str]
    roles: frozenset[str]
    pronouns: frozenset[str]
    claims: tuple[tuple[str, re.Pattern], ...]


@lru_cache(maxsize=1)
def vocab() -> QuoteVocab:
    """The vocabulary of data/quotes.yaml, loaded once."""
    data = yaml.safe_load(resources.files("sitrep").joinpath("data/quotes.yaml").read_text("utf-8"))
    claims = tuple((kind, re.compile(p, re.IGNORECASE))
                   for kind, patterns in data["claim_types"].items() for p in patterns)
    return QuoteVocab(frozenset(data["reporting_verbs"]), frozenset(data["role_nouns"]),
                      frozenset(data["pronouns"]), claims)


def claim_type(text: str) -> str | None:
    """``responsibility``, ``denial`` or ``accusation`` where the words make a statement one, else None."""
    for kind, pattern in vocab().claims:
        if pattern.search(text):
            return kind
    return None


# --------------------------------------------------------------------------
# quotation marks


def quoted_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the words inside quotation marks (marks left out), in text order.

    Curly quotes pair by shape; straight double quotes pair in order. A quote
    left open at the end of the stretch is closed there (a quote that runs on
    into the next paragraph).
    """
    end = len(text) if end is None else end
    spans, i = [], start
    while i < end:
        ch = text[i]
        close = OPEN_QUOTES.get(ch)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1, end)
        if ch == '"' and j == -1:
            j = end
        elif j == -1:
            j = end
        if j > i + 1:
            spans.append((i + 1, j))
        i = j + 1
    return spans


# --------------------------------------------------------------------------
# speakers


@dataclass
class Speaker:
    text: str  # the words at the attribution ("he", "Kirby")
    name: str  # resolved ("John Kirby")
    role: str | None
    evidence: tuple[int, int]  # where the resolved name is written


def _name_span(tok):
    """The proper name a token heads: its entity, or the token with its compound words."""
    doc = tok.doc
    if tok.ent_type_:
        lo, hi = tok.i, tok.i + 1
        while lo > 0 and doc[lo].ent_iob_ == "I":
            lo -= 1
        while hi < len(doc) and doc[hi].ent_iob_ == "I":
            hi += 1
        return doc[lo:hi]
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN"]
    lo = min([tok.i, *(w.left_edge.i for w in words)])
    return doc[lo:tok.i + 1]


def _title_before(name) -> str | None:
    """"Secretary of Defense Lloyd Austin": the words before the name that hold an office."""
    doc = name.doc
    head = name.root
    parts = [c for c in head.children if c.i < name.start and c.dep_ in ("compound", "nmod", "amod")]
    if not parts:
        return None
    lo = min(p.left_edge.i for p in parts)
    title = doc[lo:name.start]
    words = {t.lemma_.lower() for t in title}
    if words & vocab().roles:
        return title.text.strip(" ,")
    return None


def _apposition(tok) -> str | None:
    for child in tok.children:
        if child.dep_ == "appos":
            ends = [child.i] + [c.right_edge.i for c in child.children
                                if c.i > child.i and c.dep_ not in ("relcl", "acl", "punct", "cc", "conj")]
            return tok.doc[child.left_edge.i:max(ends) + 1].text.strip(" ,")
    return None


def _noun_phrase(tok):
    """The words of a common-noun speaker without clauses hanging on it ("a senior U.S. defense official")."""
    doc = tok.doc
    lo = min([tok.i, *(c.left_edge.i for c in tok.children if c.i < tok.i)])
    return doc[lo:tok.i + 1]


class Speakers:
    """The speakers named so far in a document, to resolve a surname, a pronoun or a role noun."""

    def __init__(self):
        self.named: list[Speaker] = []

    def resolve(self, tok) -> Speaker | None:
        v = vocab()
        low = tok.lower_
        if tok.pos_ == "PRON":
            if low in v.pronouns and self.named:
                last = self.named[-1]
                return Speaker(tok.text, last.name, last.role, last.evidence)
            return None
        if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            name = _name_span(tok)
            text = name.text.strip()
            role = _apposition(tok) or _title_before(name)
            for known in reversed(self.named):
                if text != known.name and known.name.split()[-1:] == text.split()[-1:] and " " in known.name:
                    return self._note(Speaker(text, known.name, role or known.role, known.evidence))
            return self._note(Speaker(text, text, role, (name.start_char, name.end_char)))
        if tok.pos_ == "NOUN":
            phrase = _noun_phrase(tok)
            definite = any(c.lower_ in ("the", "this", "that") for c in tok.children if c.dep_ == "det")
            if definite and tok.lemma_.lower() in v.roles:
                for known in reversed(self.named):
                    if tok.lemma_.lower() in known.name.lower() or tok.lower_ in (known.role or "").lower():
                        return Speaker(phrase.text, known.name, known.role, known.evidence)
            text = phrase.text.strip()
            return self._note(Speaker(text, text, _apposition(tok), (phrase.start_char, phrase.end_char)))
        return None

    def _note(self, speaker: Speaker) -> Speaker:
        self.named.append(speaker)
        return speaker


# --------------------------------------------------------------------------
# statements


def _subject(verb):
    """The speaker of a reporting verb: its subject, the agent of a passive, or the subject of the verb it
    hangs on ("calibrated the bombing, calling it ...")."""
    for child in verb.children:
        if child.dep_ in ("nsubj",):
            return child
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _according_to(sent):
    for tok in sent:
        if tok.lower_ == "according":
            objs = [c for c in tok.subtree if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _content_of(verb, sent):
    """The reported clause of an indirect statement ("said [that 22 people had died]"), or the verb's
    own phrase where the claim is the act ("claimed [responsibility for the attack]")."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > verb.i:
            return doc[child.left_edge.i:child.right_edge.i + 1]
    for child in verb.children:
        if child.dep_ == "dobj" and child.i > verb.i and child.ent_type_ not in ("ORG", "PERSON", "GPE"):
            return doc[verb.i:child.right_edge.i + 1]
    after = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("punct", "cc", "conj")]
    if after:
        return doc[verb.i:max(c.right_edge.i for c in after) + 1]
    return None


def _statement(kind, text, content: tuple[int, int], sent, speaker: Speaker | None, claim) -> Statement:
    return Statement(
        form=kind, text=text[content[0]:content[1]].strip(), speaker=speaker.name if speaker else None,
        speaker_text=speaker.text if speaker else None, speaker_role=speaker.role if speaker else None,
        speaker_evidence=Span(start=speaker.evidence[0], end=speaker.evidence[1]) if speaker else None,
        claim=claim, content=Span(start=content[0], end=content[1]),
        evidence=Span(start=sent.start_char, end=sent.end_char),
    )


def _parenthetical_content(verb, sent):
    """"Two planes took part, the official said": the words before the attribution."""
    doc = verb.doc
    before = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < verb.i]
    if before:
        c = before[0]
        return doc[c.left_edge.i:c.right_edge.i + 1]
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i < verb.i:
        subj = _subject(verb)
        end = subj.left_edge.i if subj is not None and subj.i < verb.i else verb.i
        span = doc[sent.start:end]
        while len(span) and (span[-1].is_punct or span[-1].is_space):
            span = doc[span.start:span.end - 1]
        return span if len(span) else None
    return None


def _quotes_by_sentence(text: str, sents) -> dict[int, list[tuple[int, int]]]:
    """Quotes found line by line (a quote may run over several sentences of its paragraph), each given to
    every sentence it overlaps."""
    quotes: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        quotes.extend(quoted_spans(text, pos, pos + len(line)))
        pos += len(line) + 1
    out: dict[int, list[tuple[int, int]]] = {}
    for n, sent in enumerate(sents):
        out[n] = [(a, b) for a, b in quotes if a < sent.end_char and sent.start_char < b]
    return out


def _clause(verb, subj):
    """The words of one reporting clause: its subject through its own arguments, without the clauses
    joined to it that have their own subject ("..., but the front denied it")."""
    doc = verb.doc
    keep = [c for c in verb.children if not (c.dep_ in ("conj", "cc") or (c.dep_ == "punct" and c.i > verb.i))]
    lo = min([verb.i, subj.left_edge.i if subj is not None else verb.i, *(c.left_edge.i for c in keep)])
    hi = max([verb.i, *(c.right_edge.i for c in keep)])
    return doc[lo:hi + 1]


def _verbs(sent, v: QuoteVocab, inside):
    """Reporting verbs of a sentence outside its quotes, each with its speaker's token."""
    for tok in sent:
        if any(a <= tok.idx < b for a, b in inside):
            continue
        if tok.lemma_.lower() in v.reporting and tok.pos_ in ("VERB", "AUX"):
            subj = _subject(tok)
            if subj is not None:
                yield tok, subj


def find_statements(doc, sents=None) -> list[Statement]:
    """The quotes and reported statements of a parsed document, in text order."""
    from .counts import sentences

    v = vocab()
    text = text_of(doc)
    sents = list(sents if sents is not None else sentences(doc))
    quotes = _quotes_by_sentence(text, sents)
    speakers = Speakers()
    out: list[Statement] = []
    told: set[tuple[int, int]] = set()
    for n, sent in enumerate(sents):
        inside = quotes[n]
        verbs = list(_verbs(sent, v, inside))
        if inside:
            subj = verbs[0][1] if verbs else _according_to(sent)
            if subj is None and not any(t.lemma_.lower() in v.reporting and t.pos_ in ("VERB", "AUX")
                                        and not any(a <= t.idx < b for a, b in inside) for t in sent):
                continue  # scare quotes ("resilient fighters"), not speech
            speaker = speakers.resolve(subj) if subj is not None else None
            if subj is None and any(b > sent.end_char for a, b in inside):
                continue  # a quote that runs on: its speaker comes later in the paragraph
            claim = claim_type(text[sent.start_char:sent.end_char])
            for q in inside:
                if q not in told and q[1] - q[0] > 1:
                    told.add(q)
                    out.append(_statement("direct", text, q, sent, speaker, claim))
            continue
        for verb, subj in verbs:
            speaker = speakers.resolve(subj)
            if speaker is None:
                continue
            clause = _clause(verb, subj)
            claim = claim_type(clause.text)
            if any(c.dep_ == "neg" for c in verb.children) and claim is None:
                continue  # "did not respond": nothing said
            if verb.lemma_.lower() in ("call", "describe") and claim is None:
                continue  # "a group called the Custodians": naming, not speech
            content = _content_of(verb, sent) or _parenthetical_content(verb, sent)
            if content is None:
                if claim is None:
                    continue
                content = clause
            out.append(_statement("indirect", text, (content.start_char, content.end_char), sent, speaker, claim))
    return out
