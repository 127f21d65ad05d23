"""Initiator and target of each event mention, read from the dependency parse.

Handles active and passive clauses ("militants attacked a post", "a post was
attacked by militants"), "by" phrases and possessives on nouns ("an attack by
X", "X's attack"), nouns governed by a light verb ("X carried out strikes on
Y"), victims as subjects ("Y came under fire"), coordination ("X and Y") and
appositions. Returns token-level roles; resolution to named actors is done by
sitrep.actors.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from . import actors
from .events import Mention, governing_verb, lemma_of
from .lexicon import Lexicon
from .nlp import text_of

VERSION = "roles-3"

# Verbs whose subject suffers what their object names ("came under fire", "suffered casualties").
VICTIM_VERBS = {"come", "suffer", "survive", "face", "sustain", "endure", "die", "witness"}
# Verbs that only carry a noun mention: their subject is its initiator ("launched an attack").
LIGHT_VERBS = {"carry", "launch", "conduct", "order", "stage", "mount", "execute", "claim", "take", "perform",
               "hold", "unleash", "organise", "organize", "lead", "authorize", "authorise", "approve", "begin",
               "start", "continue", "step", "wage", "call", "announce", "sign", "reach", "make", "issue", "arrive",
               "pay", "hold", "impose", "slap", "announce", "deliver", "provide", "send", "bring", "observe",
               "enforce", "stag"}  # "stag": the small model's lemma of "staged"
# Verbs of wielding a weapon: the subject is the initiator, the "at"/"on" phrase the target ("activists hurled
# crude bombs at a bus", "miscreants blasted bombs in front of the office").
WIELD_VERBS = {"hurl", "throw", "lob", "blast", "plant", "detonate", "explode", "hurled", "fling", "toss", "use"}
# Verbs whose subject is an attack and whose object is what it hit ("the strike destroyed a school").
IMPACT_VERBS = {"kill", "hit", "target", "destroy", "damage", "injure", "wound", "strike", "reach", "land", "level",
                "flatten", "wreck", "claim", "leave", "rock", "tear", "struck"}
SUBJECTS = {"nsubj", "csubj"}
# Verbs of fighting whose "with" phrase names the other side.
FOUGHT_WITH = {"clash", "fight", "battle", "engage", "skirmish", "exchange", "trade"}
# Verbs of talking whose "with" phrase names the other party ("spoke by phone with X").
TALKED_WITH = {"speak", "talk", "meet", "confer", "consult", "negotiate", "discuss", "hold", "call", "chat"}
NP_LEFT = {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "punct", "advmod", "predet", "npadvmod"}
PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "them", "him", "her", "us", "who", "which", "that"}


@dataclass
class Role:
    role: str  # initiator | target
    head: Token
    start: int
    end: int

    @property
    def text(self) -> str:
        return text_of(self.head.doc)[self.start:self.end]


OF_HEADS = {"force", "member", "supporter", "ministry", "minister", "army", "people", "province", "governor",
            "fighter", "militant", "group", "leader", "commander", "government", "president", "head", "chief",
            "faction", "wing", "activist", "worker", "cadre", "unit", "man", "youth", "follower", "student"}


def np_bounds(tok: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase a token heads, without clauses or prepositional tails."""
    keep = {tok.i}
    stack = [tok]
    sent = tok.sent
    lo_i, hi_i = sent.start, sent.end
    while stack:
        t = stack.pop()
        for child in t.children:
            inside = child.dep_ in NP_LEFT and child.i < t.i
            inside |= child.dep_ in {"compound", "flat", "nmod"}
            inside |= child.dep_ == "prep" and child.lower_ == "of" and t.i == tok.i and tok.lemma_.lower() in OF_HEADS
            inside |= child.dep_ == "pobj" and t.dep_ == "prep" and t.i in keep
            if inside and lo_i <= child.i < hi_i:
                keep.add(child.i)
                stack.append(child)
    doc = tok.doc
    lo, hi = min(keep), max(keep)
    while lo < tok.i and (doc[lo].is_punct or doc[lo].dep_ == "case" or doc[lo].is_space):
        lo += 1
    while hi > tok.i and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _expand(tok: Token) -> list[Token]:
    """A head and the heads coordinated with it ("X and Y", "X, Y and Z")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ in {"NOUN", "PROPN", "PRON"}:
            out.extend(_expand(child))
    return out


def _uniq(tokens: list[Token]) -> list[Token]:
    seen, out = set(), []
    for t in tokens:
        if t.i not in seen:
            seen.add(t.i)
            out.append(t)
    return out


NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}


def _dateline(tok: Token) -> bool:
    """"WASHINGTON –" at the head of a story names where it was filed, not who acted."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if not (tok.text.isupper() and len(tok.text) > 2 and nxt is not None):
        return False
    if nxt.text in {"-", "–", "—", "(", ":"}:
        return True
    # "KRAMATORSK, Ukraine (Wire) –": a capitalised place opening its line, then a comma
    line_start = tok.i == 0 or "\n" in doc[tok.i - 1].whitespace_ or doc[tok.i - 1].is_space
    return line_start and nxt.text == ","


QUANTITY_HEADS = {"number", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "group", "band",
                  "handful", "score", "scores", "couple", "unit", "convoy", "team", "squad", "gang"}


def _through_quantity(tok: Token) -> Token:
    """"a number of armed groups" -> "groups": the noun a quantity word counts."""
    if tok.lemma_.lower() in QUANTITY_HEADS:
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                objs = _child(p, "pobj")
                if objs and objs[0].pos_ in {"NOUN", "PROPN"}:
                    return objs[0]
    return tok


def _make(role: str, toks: list[Token], lex: Lexicon, expand: bool = True) -> list[Role]:
    roles = []
    for t in _uniq(toks):
        for h in (_expand(t) if expand else [t]):
            h = _through_quantity(h)
            if h.pos_ not in {"NOUN", "PROPN", "PRON", "NUM", "X"} or h.ent_type_ in NOT_ACTORS or _dateline(h):
                continue
            if h.pos_ == "NUM" and not any(c.pos_ in {"NOUN", "PROPN"} for c in h.children):
                continue  # "killing four": a toll, counted elsewhere, not a party
            start, end = np_bounds(h)
            roles.append(Role(role, h, start, end))
    return roles


def is_reporter(tok: Token, lex: Lexicon) -> bool:
    """A news organisation or monitor: as the subject of "killed" it reports, it does not attack."""
    reporters = lex.word_set("reporters")
    if lemma_of(tok) in lex.word_set("armed"):
        return False  # "Haqqani network fighters" fight; a network that reports is the head of its phrase
    words = {lemma_of(t) for t in tok.subtree if t.i <= tok.i} | {lemma_of(tok)}
    if words & reporters:
        return True
    return any(c.lower_ in {"reportedly", "allegedly"} for c in tok.head.children) and tok.ent_type_ == "ORG"


def _child(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    for p in tok.children:
        if p.dep_ in {"prep", "agent"} and p.lower_ in preps:
            out.extend(_child(p, "pobj"))
    return out


def _subject(verb: Token) -> list[Token]:
    """The subject of a verb, borrowed from the clause it hangs on when it has none ("attacked ..., killing 3")."""
    node = verb
    for _ in range(3):
        subj = _child(node, *SUBJECTS)
        if subj and subj[0].lower_ in {"that", "who", "which"} and node.dep_ == "relcl":
            return [node.head]  # "the militia that led the strikes"
        if subj:
            return subj
        if node.dep_ in {"advcl", "conj", "xcomp", "acl"} and not _child(node, "nsubjpass"):
            node = node.head
            continue
        break
    return []


def verb_roles(verb: Token, lex: Lexicon) -> list[Role]:
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    if passive:
        initiators = _prep_objects(verb, {"by"})
        targets = _child(verb, "nsubjpass")
    else:
        initiators = [s for s in _subject(verb) if not is_reporter(s, lex)]
        objects = [o for o in _child(verb, "dobj") if lemma_of(o) not in lex.word_set("weapons")]
        targets = objects or [t for t in _prep_objects(verb, {"on", "against", "at", "upon", "into"})
                               if t.ent_type_ not in NOT_ACTORS]  # not "on Sunday"
        if not targets and lemma_of(verb) in FOUGHT_WITH | TALKED_WITH:
            targets = _prep_objects(verb, {"with"})  # "soldiers clashed with rebels", "spoke with X"
    return _make("initiator", initiators, lex) + _make("target", targets, lex)


def noun_roles(noun: Token, lex: Lexicon) -> list[Role]:
    initiators = _prep_objects(noun, {"by", "from"}) + _child(noun, "poss")
    for acl in _child(noun, "acl"):  # "a blockade enforced by X", "a landmine planted by X"
        if acl.tag_ == "VBN" and lemma_of(acl) not in {"use", "run", "control", "hold", "occupy", "belong", "operate"}:
            initiators += _prep_objects(acl, {"by"})
    between = _prep_objects(noun, {"between", "with", "among"})
    pair: list[Role] = []
    if between:  # "a call between X and Y": X initiates, Y is the other party; "talks with X": X is the target
        parties = _expand(between[0])
        mutual = any(p.dep_ == "prep" and p.lower_ in {"between", "among"} and between[0].head.i == p.i
                     for p in noun.children)
        if len(parties) > 1 and not initiators:
            pair = _make("initiator", parties[:1], lex, expand=False) + _make("target", parties[1:], lex, expand=False)
        elif mutual and not initiators and between[0].tag_ in {"NNS", "NNPS"}:
            # "a clash between two rival groups": one plural party is both sides
            pair = _make("initiator", between, lex, expand=False) + _make("target", between, lex, expand=False)
        else:
            pair = _make("target", between, lex)
    targets = _prep_objects(noun, {"on", "against", "at", "upon", "targeting"})
    for mod in _child(noun, "compound", "amod"):
        if (mod.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} or mod.pos_ == "PROPN") and actors.lookup(mod.text):
            initiators.append(mod)  # "U.S. airstrikes", "Taliban attack"; not "the Irbil attack"
    verb = governing_verb(noun)
    if verb is not None and verb.i != noun.i:
        vlemma = lemma_of(verb)
        subj = _child(verb, *SUBJECTS)
        if noun.dep_ in SUBJECTS and vlemma in IMPACT_VERBS:
            targets += _child(verb, "dobj")
        elif vlemma in VICTIM_VERBS:
            targets += subj
        elif vlemma in LIGHT_VERBS and not initiators and not pair:
            initiators += [s for s in _subject(verb) if not is_reporter(s, lex)]
        elif vlemma in WIELD_VERBS and noun.dep_ == "dobj" and not initiators:
            initiators += [s for s in _subject(verb) if not is_reporter(s, lex)]
            if not targets:
                aimed = _prep_objects(verb, {"at", "on", "upon", "into", "towards", "toward", "targeting"})
                targets += [t for t in aimed if t.ent_type_ not in NOT_ACTORS]
    return _make("initiator", initiators, lex) + pair + _make("target", targets, lex)


def mention_roles(m: Mention, lex: Lexicon) -> list[Role]:
    """Initiators and targets of one mention, initiators first, without duplicates."""
    head = m.head
    roles = verb_roles(head, lex) if head.pos_ in {"VERB", "AUX"} else noun_roles(head, lex)
    seen, out = set(), []
    trigger_ids = {t.i for t in m.tokens}
    for r in roles:
        if r.head.i in trigger_ids or (r.start, r.end, r.role) in seen:
            continue
        seen.add((r.start, r.end, r.role))
        out.append(r)
    return out


def facility_users(target: Role, lex: Lexicon) -> list[Role]:
    """Those a struck facility belongs to ("a checkpoint used by X, including Y and Z" -> Y, Z, X).

    The groups named after "including" come first: they are the named owners; the "including" phrase
    may hang on the facility or on the noun that governs it.
    """
    out: list[Role] = []
    users = False
    for tok in target.head.subtree:
        if tok.dep_ == "acl" and lemma_of(tok) in {"use", "run", "control", "hold", "occupy", "belong", "operate"}:
            for agent in _prep_objects(tok, {"by", "to"}):
                users = True
                named = []
                for inc in agent.subtree:
                    if inc.dep_ == "prep" and inc.lower_ == "including":
                        named.extend(_child(inc, "pobj"))
                out.extend(_make("target", named, lex) + _make("target", [agent], lex))
    if users and not any(r.head.pos_ == "PROPN" for r in out):
        for inc in target.head.children:
            if inc.dep_ == "prep" and inc.lower_ == "including":
                out[:0] = _make("target", _child(inc, "pobj"), lex)
    return out
