"""Find event mentions (trigger + sentence) and type them from the lexicon.

A mention is a word or phrase that reports something that happened ("shelled",
"airstrikes", "a ceasefire"), typed with a PLOVER type and mode, an ACLED
sub-event type where it is one, and a CAMEO code. Mentions that are negated,
hypothetical, planned, wished for or only threatened are dropped here: they
do not become events that happened.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import Category, Lexicon, TriggerRule
from .nlp import text_of

VERSION = "events-8"

CONTENT_POS = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ"}
# Dependency labels through which a noun mention hangs off the verb that governs it.
ARG_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "appos", "npadvmod", "dative", "oprd"}
COOPERATIVE = {"AID", "COOPERATE", "SUPPORT"}
# What an actor may announce it will do that makes the announcement an agreement, not a threat ("will release
# the hostages", "is willing to withdraw its troops"); anything else announced is a threat.
YIELDING = COOPERATIVE | {"AGREE", "CONSULT", "CONCEDE"}
# Entity labels a trigger word never carries ("March" the month, "Strike" in a person's name).
NOT_TRIGGER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "PERSON", "GPE"}
# Words that introduce an earlier or other event as the cause or background of the one reported.
ANTECEDENT_WORDS = {"after", "following", "before", "since", "response", "retaliation", "revenge", "reprisal",
                    "amid", "despite", "like", "similar",
                    # what a protest is against: "a protest against the killing", "condemning the murder of"
                    "against", "condemn", "denounce", "protest", "mourn"}


@dataclass
class Mention:
    """One event mention: where it is, what triggered it, how it is typed."""

    head: Token
    tokens: list[Token]
    rule: TriggerRule
    category: Category
    sent: Span
    typed_by: str = "trigger"  # trigger | modality | local cue | sentence cue | victims | actor | classifier
    background: bool = False  # told as the cause or background of the sentence's main event (set by assemble)
    confidence: float | None = None  # calibrated probability that the type is right (set by classify)
    prediction: object | None = None  # the classifier's classify.Prediction for this mention

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        return text_of(self.sent.doc)[self.start:self.end]

    @property
    def lemma(self) -> str:
        return self.rule.lemma

    @property
    def weak(self) -> bool:
        return self.rule.weak

    @property
    def antecedent(self) -> bool:
        """Told as the cause or background of another event ("in retaliation for rocket attacks",
        "following an attack on the base"): a different event from the sentence's main one."""
        node = self.head
        for _ in range(4):
            if node.head.i == node.i:
                return False
            # A coordinated verb shares its conjunct's frame but is not that verb's argument:
            # "condemned the attack and accused Moscow" tells no accusation as background.
            coordinated = node.dep_ == "conj"
            node = node.head
            if not coordinated and (node.lower_ in ANTECEDENT_WORDS or lemma_of(node) in ANTECEDENT_WORDS):
                return True
            if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"pcomp", "acl"}:
                return False
        return False

    @property
    def specific(self) -> bool:
        """Typed by something more telling than a generic fighting word."""
        return self.category.key not in {"clash"} or self.typed_by != "trigger"


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower()


def neighbourhood(tok: Token) -> set[str]:
    """Lemmas and lower-case forms around a token: its children and grandchildren, its head and the head's children."""
    words: set[str] = set()
    near = list(tok.children)
    for child in list(near):
        near.extend(child.children)
    near.append(tok.head)
    if tok.dep_ in ARG_DEPS or tok.dep_ in {"compound", "amod"}:
        near.extend(c for c in tok.head.children if c.i != tok.i)
    for t in near:
        if t.i == tok.i:
            continue
        words.add(lemma_of(t))
        words.add(t.lower_)
    return words


def _pos_ok(rule: TriggerRule, tok: Token) -> bool:
    pos = CONTENT_POS.get(tok.pos_)
    if pos is None:
        return False
    if rule.pos == "ANY":
        return pos in {"VERB", "NOUN"} or (pos == "ADJ" and tok.tag_ in {"VBN", "VBG"})
    return pos == rule.pos


def _match_multiword(doc: Doc, i: int, lex: Lexicon) -> tuple[TriggerRule, list[Token]] | None:
    first = lemma_of(doc[i])
    for rule in lex.multiword.get(first, ()):
        parts = rule.lemma.split()
        toks = [doc[i]]
        j = i + 1
        for part in parts[1:]:
            while j < len(doc) and doc[j].text in {"-"}:
                j += 1
            if j >= len(doc) or (lemma_of(doc[j]) != part and doc[j].lower_ != part):
                break
            toks.append(doc[j])
            j += 1
        else:
            return rule, toks
    return None


def _rule_for(doc: Doc, i: int, lex: Lexicon) -> tuple[TriggerRule, list[Token]] | None:
    found = _match_multiword(doc, i, lex)
    if found:
        return found
    tok = doc[i]
    headline = _headline_rule(tok, lex)
    if headline is not None:
        return headline, [tok]
    if i + 2 < len(doc) and doc[i + 1].text == "-" and not tok.whitespace_ and not doc[i + 1].whitespace_:
        joined = f"{tok.lower_}-{doc[i + 2].lower_}"  # "sit-in", split by the tokenizer
        rule = lex.triggers.get(joined)
        if rule is not None:
            return rule, [tok, doc[i + 1], doc[i + 2]]
    rule = lex.triggers.get(lemma_of(tok)) or lex.triggers.get(tok.lower_)
    if rule is not None and rule.needs and _nominal_gerund(tok):
        rule = lex.triggers.get(tok.lower_) or rule  # "died in firing by troops": the noun "firing", not "fire"
    if rule is None and "-" in tok.lower_:  # "air-strike", "cease-fire"
        rule = lex.triggers.get(tok.lower_.replace("-", " ")) or lex.triggers.get(tok.lower_.replace("-", ""))
    if rule is not None and not _pos_ok(rule, tok):
        rule = lex.triggers.get(f"{rule.lemma}/{CONTENT_POS.get(tok.pos_)}")
    if rule is None or not _pos_ok(rule, tok):
        return None
    return rule, [tok]


def _nominal_gerund(tok: Token) -> bool:
    """An -ing form the tagger reads as a verb where it stands for a noun ("resorted to firing", "Firing between
    the troops resumed")."""
    return tok.tag_ == "VBG" and tok.dep_ in {"pcomp", "csubj", "nsubj", "dobj", "pobj"}


# Children that make a noun "shot" the noun ("a shot", "his shot", "a warning shot"), not a misread participle.
NOUN_MARKS = {"det", "poss", "amod", "compound", "nmod"}


def title_case(sent: Span) -> bool:
    """A headline set in title case ("2 Men Shot At Birthday Party"), where the tagger's parts of speech
    and entities go astray."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and len(sent) <= 30 and sum(t.text[0].isupper() for t in words) >= 0.75 * len(words)


def _headline_rule(tok: Token, lex: Lexicon) -> TriggerRule | None:
    """The trigger of a headline word the tagger misreads: in a title-case line whatever its tag, elsewhere a
    bare noun ("4 shot in northwest", "5-year-old shot in ..."); None where the tagger's reading stands."""
    lemma = lex.forms.get(tok.lower_)
    if lemma is None or tok.pos_ in {"VERB", "AUX"}:
        return None
    if title_case(tok.sent):
        return lex.triggers.get(lemma)
    people = lex.word_set("headline_people")
    marks = [c for c in tok.children if c.dep_ in NOUN_MARKS and c.lower_ != "old"  # "5-year-old shot in ..."
             and not (c.dep_ == "compound" and lemma_of(c) in people)]  # "baby shot in ..."
    if tok.pos_ in {"NOUN", "PROPN"} and not marks \
            and lex.triggers.get(tok.lower_) is None and not _after_article(tok):
        return lex.triggers.get(lemma)
    return None


def _after_article(tok: Token) -> bool:
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.lower_ in {"a", "an", "the", "one", "another", "his", "her", "their"}


def _category_of(rule: TriggerRule, tok: Token, lex: Lexicon) -> Category | None:
    near = neighbourhood(tok)
    if rule.needs and not (near & rule.needs):
        return None
    if rule.unless and near & rule.unless:
        return None
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":  # "went on strike", "called for a strike": a sense may
        # be told by the verb behind the preposition, or by the preposition itself ("on strike")
        near |= {lemma_of(tok.head.head), tok.head.head.lower_, f"{tok.head.lower_} {lemma_of(tok)}"}
    for sense in rule.senses:
        if near & sense.cues:
            return lex.category(sense.category)
    return lex.category(rule.category)


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun mention is an argument of (through at most one preposition)."""
    head = tok
    for _ in range(3):
        if head.dep_ == "ROOT" and head.pos_ in {"VERB", "AUX"}:
            return head
        if head.dep_ not in ARG_DEPS and head.dep_ != "prep":
            return None
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            return head
    return None


# Modifiers that hedge what a noun is rather than whether it happened, when an adjective follows them.
HEDGES = {"possible", "potential"}
# Marks of a clause that tells when something happened, which its main clause's negation or modal leaves real.
TEMPORAL_MARKS = {"after", "when", "since", "once", "while"}
# Words that negate; the small model sometimes labels a capitalised acronym ("YSR Congress") "neg".
NEGATORS = {"not", "n't", "never", "no", "nt", "neither", "nor", "without"}


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" and c.lower_ in NEGATORS for c in tok.children)


def _has_modal(verb: Token, lex: Lexicon) -> bool:
    return any(c.dep_ == "aux" and (lemma_of(c) in lex.word_set("modals") or c.lower_ in lex.word_set("modals"))
               for c in verb.children)


def _conditional(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in verb.children)


def irrealis_reason(tok: Token, category: Category, lex: Lexicon) -> str | None:
    """Why a mention does not report something that happened, or None."""
    heads = lex.word_set("irrealis_heads")
    if _negated(tok):
        return "negated"
    mods = {lemma_of(c) for c in tok.children if c.dep_ in {"amod", "det", "compound"} and not _hedges_kind(c, tok, lex)}
    if tok.pos_ in {"NOUN", "PROPN"} and mods & lex.word_set("irrealis_modifiers"):
        return "unreal modifier"
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj" and tok.head.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        if lemma_of(tok.head.head) in lex.word_set("irrealis_nouns"):
            return f"complement of '{tok.head.head.text}'"
    verb = tok if tok.pos_ in {"VERB", "AUX"} else governing_verb(tok)
    if verb is None:
        return None
    if verb.i != tok.i and _negated(verb) and tok.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        return "negated"
    if verb.i != tok.i and tok.dep_ == "nsubj" and lemma_of(verb) == "be" and _predicated(verb):
        return None  # "the shooting may have been an accident": the modal doubts what it was, not that it was
    if _has_modal(verb, lex):
        if _has_modal_of(verb, {"must", "should"}) and not _negated(verb):
            return "obligation"  # "Iraq must cooperate": a demand made of someone
        return "modal" if category.plover not in COOPERATIVE else "intent"
    if _conditional(verb):
        return "conditional"
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        # "whether Iran encouraged or ordered an attack": coordinated verbs share modals and "if"/"whether".
        first = verb.head
        if _has_modal(first, lex) and category.plover not in COOPERATIVE:
            return "modal"
        if _conditional(first):
            return "conditional"
        verb = first
    # Walk up infinitival and clausal complements: "threatened to attack", "plans to strike".
    node = verb
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp", "advcl", "acl", "pcomp"} or node.head.i == node.i:
            break
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in node.children):
            break  # "... don't match up after a boy is injured in a shooting": a time clause tells what happened
        parent = node.head
        if node.dep_ == "ccomp" and lemma_of(parent) in lex.word_set("reporting"):
            break  # "X said militants attacked ..." reports a fact
        if _attempted(parent, category, lex):
            break  # "tried to hack", "attempted to assassinate": a hostile act attempted is one that happened
        if lemma_of(parent) in heads or _has_modal(parent, lex) or _negated(parent):
            return f"governed by '{parent.text}'"
        node = parent
    if lemma_of(verb) in heads and verb.i != tok.i and _complement_of(tok, verb):
        return f"object of '{verb.text}'"
    return None


def _hedges_kind(mod: Token, tok: Token, lex: Lexicon) -> bool:
    """"A possible accidental shooting": the hedge is on the kind of act told by the adjective after it, not on
    whether the act happened."""
    if lemma_of(mod) not in HEDGES:
        return False
    return any(c.dep_ == "amod" and mod.i < c.i < tok.i and lemma_of(c) not in lex.word_set("irrealis_modifiers")
               for c in tok.children)


def _predicated(be: Token) -> bool:
    """A copula with something said of its subject ("was an accident", "may have been accidental")."""
    return any(c.dep_ in {"attr", "acomp", "oprd"} for c in be.children)


def _attempted(head: Token, category: Category, lex: Lexicon) -> bool:
    """An attempt at force or coercion, itself told as done (not "will try", "did not try")."""
    return (category.plover in {"ASSAULT", "COERCE"} and lemma_of(head) in lex.word_set("attempt_heads")
            and not _negated(head) and not _has_modal(head, lex) and not _conditional(head))


def announced_intent(tok: Token, lex: Lexicon) -> bool:
    """Does an actor state that it will do this ("will impose sanctions", "plans to expel", "is ready to
    send troops")? Only the actor's own act counts, not what it will or will not tolerate from others."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else governing_verb(tok)
    if verb is None:
        return False
    if verb.i != tok.i and (tok.dep_ != "dobj" or lemma_of(verb) not in lex.word_set("intent_verbs")):
        return False
    node = verb
    for _ in range(3):
        if _negated(node) or _conditional(node):
            return False
        if any(c.dep_ == "aux" and c.lower_ in lex.word_set("intent_modals") for c in node.children):
            return True
        if node.dep_ not in {"xcomp", "ccomp", "conj"} or node.head.i == node.i:
            return False
        node = node.head
        if lemma_of(node) in lex.word_set("intent_heads"):
            return not _negated(node) and not _has_modal_of(node, {"could", "might", "may", "should", "must"})
    return False


def _yields(category: Category, tok: Token, lex: Lexicon) -> bool:
    """Is announcing this act an agreement rather than a threat? Giving, cooperating, conceding, and pulling
    forces or settlers off ground ("is willing to withdraw its troops") are; pulling out inspectors,
    peacekeepers or aid workers is a threat."""
    if category.plover == "RETREAT":
        return not (neighbourhood(tok) & lex.word_set("withdrawn_help"))
    return category.plover in YIELDING


def _has_modal_of(verb: Token, words: set[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def _complement_of(tok: Token, verb: Token) -> bool:
    """Is the noun inside the verb's object ("denied any role in the attacks"), not an adjunct ("in a call, ...")?"""
    node = tok
    while node.head.i != node.i and node.head.i != verb.i:
        node = node.head
    return node.head.i == verb.i and node.dep_ in {"dobj", "xcomp", "ccomp", "attr", "oprd", "dative"}


def find_mentions(doc: Doc, lex: Lexicon, skip: list[tuple[int, int]] = ()) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Every event mention in the document, and (text, reason) of the dropped ones."""
    mentions: list[Mention] = []
    dropped: list[tuple[str, str]] = []
    taken: set[int] = set()
    for sent in doc.sents:
        for tok in sent:
            if tok.i in taken or tok.is_space or _in_skip(tok, skip):
                continue
            if tok.ent_type_ in NOT_TRIGGER_ENTS and not (tok.lower_ in lex.forms and title_case(sent)):
                continue
            found = _rule_for(doc, tok.i, lex)
            if not found:
                continue
            rule, toks = found
            head = _syntactic_head(toks)
            if _modifier_only(head, doc, lex, toks):
                continue
            category = _category_of(rule, head, lex)
            if category is None:
                continue
            reason = irrealis_reason(head, category, lex)
            if reason == "negated" and rule.lemma.startswith("not "):
                reason = None  # the negation is the trigger: "will not accept"
            elif reason and reason.startswith("object of") and _called_shutdown(head, rule, lex):
                reason = None  # "the union called a bandh": the shutdown of that day
            typed_by = "trigger"
            if not reason and _crowd_demand(head, category, lex):
                category, typed_by = lex.category("protest"), "crowd"
            if reason == "obligation" and category.plover != "ASSAULT":
                category, typed_by = lex.category("demand"), "modality"
            elif reason and (reason == "intent" or announced_intent(head, lex)):
                # "X will send aid" is an agreement; "X will impose sanctions" a threat: the statement is the event.
                category = lex.category("agree" if _yields(category, head, lex) else "threaten")
                typed_by = "modality"
            elif reason == "negated" and category.plover in {"AGREE", "CONCEDE"} and head.pos_ == "VERB":
                category, typed_by = lex.category("reject"), "modality"  # "will not accept", "did not agree"
            elif reason:
                dropped.append((head.text, reason))
                continue
            taken.update(t.i for t in toks)
            mentions.append(Mention(head=head, tokens=toks, rule=rule, category=category, sent=sent, typed_by=typed_by))
        mentions.extend(_obligations(sent, lex, taken))
    return mentions, dropped


OBLIGATION = TriggerRule(lemma="must", category="demand")


def _obligations(sent: Span, lex: Lexicon, taken: set[int]) -> list[Mention]:
    """"Russia said Sudan must return the helicopter": a demand made of a named party, whatever the verb."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.i in taken or _negated(tok) or not _has_modal_of(tok, {"must"}):
            continue
        subject = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subject or subject[0].ent_type_ not in {"GPE", "ORG", "NORP", "PERSON"}:
            continue
        if tok.dep_ != "ccomp" or lemma_of(tok.head) not in lex.word_set("reporting"):
            continue  # someone else's demand, reported
        aux = next(c for c in tok.children if c.dep_ == "aux" and c.lower_ == "must")
        taken.add(aux.i)
        out.append(Mention(head=tok, tokens=[aux], rule=OBLIGATION, category=lex.category("demand"), sent=sent))
    return out


def _modifier_only(tok: Token, doc: Doc, lex: Lexicon, toks: list[Token] = ()) -> bool:
    """Words that describe something else rather than report an event: "Iranian-backed", "destroyed shops",
    or the "rocket" of "rocket attack"."""
    if _names_event_of(tok, lex):
        return False  # "the shooting victim", "a shooting incident": the modifier is the event
    if tok.pos_ == "VERB" and tok.dep_ in {"amod", "compound"}:
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.tag_ == "VBN" and nxt is not None and nxt.pos_ in {"NOUN", "PROPN"} and not list(tok.children):
        return True  # "destroyed shops", "damaged vehicles"
    phrase = {t.i for t in toks}
    if tok.i > 0 and doc[tok.i - 1].text == "-" and tok.tag_ in {"VBN", "VBD"} and tok.i - 2 not in phrase:
        return True  # "Iranian-backed"; not "baton-charged", whose first half belongs to the trigger
    if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i != tok.i:
        head = tok.head
        rule = lex.triggers.get(lemma_of(head)) or lex.triggers.get(head.lower_)
        if rule is not None:
            return True
    return False


def _crowd_demand(tok: Token, category: Category, lex: Lexicon) -> bool:
    """"Villagers squatted on the road demanding a bridge": a crowd doing something while demanding protests.
    Only a participle hung on a verb (not one of saying) whose subject is a crowd; "students demanded a bridge"
    stays a demand."""
    if category.plover != "REQUEST" or tok.tag_ != "VBG" or tok.dep_ not in {"advcl", "xcomp", "acl", "conj"}:
        return False
    verb = tok.head
    if verb.i == tok.i or lemma_of(verb) in lex.word_set("reporting"):
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(lemma_of(s) in lex.word_set("crowd_nouns") or s.lower_ in lex.word_set("crowd_nouns") for s in subjects)


def _called_shutdown(tok: Token, rule: TriggerRule, lex: Lexicon) -> bool:
    """"The party called a hartal", "the bandh enforced by the alliance": a general shutdown is told by its call
    on the day it is held."""
    verb = governing_verb(tok)
    return (rule.lemma in lex.word_set("called_protests") and verb is not None
            and lemma_of(verb) in lex.word_set("calling_verbs") and not _negated(verb) and not _has_modal(verb, lex))


def _names_event_of(tok: Token, lex: Lexicon) -> bool:
    """A violent word in front of a noun that presupposes the act ("shooting victim", "murder suspect",
    "shooting incident", whose "incident" alone starts no event)."""
    if tok.dep_ not in {"compound", "amod", "nmod"} or tok.head.i == tok.i or tok.head.i < tok.i:
        return False
    rule = lex.triggers.get(lemma_of(tok)) or lex.triggers.get(tok.lower_)
    if rule is None or rule.weak or rule.needs or not lex.category(rule.category).is_violent:
        return False
    return lemma_of(tok.head) in lex.word_set("event_heads") or tok.head.lower_ in lex.word_set("event_heads")


def _syntactic_head(toks: list[Token]) -> Token:
    """The token of a phrase whose head lies outside it ("air strikes" -> "strikes")."""
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[-1]


def _in_skip(tok: Token, skip) -> bool:
    return any(a <= tok.idx < b for a, b in skip)


def refine_modes(sentence_mentions: list[Mention], lex: Lexicon) -> None:
    """Type the generic violent mentions of one sentence: local cues first, then the sentence's own."""
    for m in sentence_mentions:
        refine_local(m, lex)
    for m in sentence_mentions:
        refine_from_sentence(m, sentence_mentions, lex)


def _generic_violent(m: Mention) -> bool:
    return m.category.is_violent and m.category.key in {"clash", "attack_civ"} and m.typed_by == "trigger"


def refine_local(m: Mention, lex: Lexicon) -> None:
    """Give a generic violent mention the mode its own words name ("rocket attack", "killed by an IED")."""
    if not _generic_violent(m):
        return
    local = _local_words(m.head)
    for rule in lex.modes:
        if any(_cue_in(c, local) for c in rule.cues):
            m.category, m.typed_by = lex.category(rule.category), "local cue"
            return


def refine_from_sentence(m: Mention, siblings: list[Mention], lex: Lexicon) -> None:
    """A cue elsewhere in the sentence types a generic mention when no other violent mention claims a mode."""
    if not _generic_violent(m):
        return
    others = [s for s in siblings if s is not m and s.category.is_violent and s.specific]
    if others:
        return
    sentence = " " + " ".join(t.lower_ for t in m.sent) + " "
    for rule in lex.modes:
        if any(_cue_in(c, sentence) for c in rule.cues):
            m.category, m.typed_by = lex.category(rule.category), "sentence cue"
            return


def _local_words(tok: Token) -> str:
    """Words that describe a mention itself: its modifiers and (for verbs) its objects and instruments."""
    keep = {"compound", "amod", "nmod", "dobj", "agent", "prep", "pobj", "poss", "npadvmod", "nsubj"}
    words = []
    stack = [c for c in tok.children if c.dep_ in keep]
    while stack:
        t = stack.pop()
        if t.dep_ in {"relcl", "acl", "advcl", "ccomp"}:
            continue
        words.append(t.lower_)
        stack.extend(c for c in t.children if c.dep_ in keep | {"conj"})
    if tok.dep_ in {"nsubj", "nsubjpass", "dobj"} and tok.head.pos_ == "VERB":
        words.append(lemma_of(tok.head))
    return " " + " ".join(words) + " "


def _cue_in(cue: str, words: str) -> bool:
    return f" {cue} " in words or f" {cue}s " in words or f" {cue}-" in words
