"""The grammar of casualty figures: which trigger a figure hangs on, who gives it, and victims told
without a figure ("a man was shot and killed", "the death of Amy Lowe").

``counts`` finds the figures and makes the claims; this module reads the parse around them.
"""
from __future__ import annotations

from .numbers import Vocab

KINDS = ("killed", "injured", "abducted", "arrested", "displaced", "missing")


def unreal(trig, v: Vocab) -> bool:
    """"threatened to kill al-Yusufi", "attempted to assassinate": a toll that did not happen."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "might", "may", "should") for c in trig.children):
        return True  # "he will soon be killed"
    if any(c.dep_ == "neg" for c in trig.children):
        return True  # "a third teen was not injured"
    if any(c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "neither" for g in c.children) for c in trig.children):
        return True  # "neither the driver nor the other passenger was injured"
    if trig.dep_ in ("acomp", "attr") and any(c.dep_ == "neg" for c in trig.head.children):
        return True  # "the boy is not dead"
    if _nor_told(trig):
        return True  # "nor did she suffer any injury"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in trig.children):
        return True  # "could not say whether the man had died", "if the victim dies": no death told
    tok = trig
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "conj", "acl") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in v.data["unreal_verbs"]:
            return True
    return False




def _nor_told(trig) -> bool:
    """"His car was not hit, nor did he suffer an injury": a verb denied by "nor" before its inverted auxiliary
    (the verb of a wound noun that is the trigger, or the trigger itself) tells no one hurt."""
    verb = trig if trig.pos_ in ("VERB", "AUX") or trig.dep_ not in ("dobj", "pobj") else trig.head
    nor = [c.i for c in verb.children if c.lower_ == "nor" and c.i < verb.i]
    if not nor and verb.dep_ == "conj":
        nor = [c.i for c in verb.head.children if c.lower_ == "nor" and c.i < verb.i]
    subj = [c.i for c in verb.children if c.dep_ in _SUBJ]
    return bool(nor) and any(c.dep_ in ("aux", "auxpass") and nor[-1] < c.i < min(subj, default=verb.i)
                             for c in verb.children)


def _shot_up(verb) -> bool:
    """"Accused of shooting up the fair": a place fired on, not a person shot."""
    return verb.lemma_.lower() == "shoot" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _acts_on_others(comp) -> bool:
    """"The suspect is believed to have shot seven people": a complement verb with victims of its own (not
    "himself") makes the passive subject of "believed", "thought" the one who did it, not one more victim."""
    return comp.pos_ == "VERB" and any(o.dep_ == "dobj" and o.lower_ not in _REFLEXIVE for o in comp.children)


# --------------------------------------------------------------------------
# attaching a figure to its trigger

_SUBJ = ("nsubj", "nsubjpass")
_ROLES = ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "appos")
_COMPLEMENTS = ("oprd", "acomp", "xcomp", "advmod", "ccomp", "dep")
_PRIORITY = {k: i for i, k in enumerate(dict.fromkeys(("killed", "injured", "shot", "casualties", *KINDS)))}
_INTRANSITIVE = ("die", "perish", "succumb")
_REFLEXIVE = ("himself", "herself", "themselves")


def counted_noun(tokens):
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


def is_part(tokens, nominal, v: Vocab) -> bool:
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


def _at_each_other(verb) -> bool:
    """"shot at each other", "fired at one another": the verb's subjects are the ones who fired."""
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(
        o.dep_ == "pobj" and (o.lower_ == "another" or o.lower_ == "other" and o.i > 0
                              and o.doc[o.i - 1].lower_ in ("each", "one")
                              or o.lower_ == "one" and any(w.lower_ == "another" for w in o.children))
        for o in c.children)
        for c in verb.children)


def _verb_kind(verb, v: Vocab, role: str):
    """Kind and trigger of the predicate a counted noun is an argument of."""
    cands = [(v.kind(c, v.adjectives, v.verbs), c) for c in verb.children
             if c.dep_ in _COMPLEMENTS and (c.i > verb.i or c.dep_ == "advmod")
             and not (c.dep_ == "ccomp" and role == "nsubj")  # "the group said [12 were killed]"
             and not (c.dep_ == "xcomp" and c.tag_ in ("VBG", "VB") and role == "nsubj")  # "he began shooting"
             and not (c.dep_ == "xcomp" and role == "nsubjpass" and _acts_on_others(c))
             and not (c.dep_ == "advmod" and role == "dobj" and not v.kind(verb, v.verbs))]
    # "may seriously harm the case": a degree on a verb of no harm to people ("fatally shot her" is one)
    if role == "dobj" and _shot_up(verb):
        return None
    if role != "nsubj" or v.kind(verb, v.verbs):  # "beaten to death", "shot to death"; "a fight led to the death of ..." tells no victim of the fight
        cands += [("killed", c) for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                  and any(o.lemma_.lower() == "death" for o in c.children)]
    cands += [("killed", c) for c in verb.children if c.dep_ in _COMPLEMENTS and c.pos_ in ("VERB", "ADJ") and (
        _to_death(c) or any(a.dep_ == "advmod" and a.lower_ in ("fatally", "mortally") for a in c.children))
        and not (c.dep_ == "ccomp" and role == "nsubj")]
    # "found shot to death", "found fatally wounded"; not the teller ("a sheriff said [a boy shot his brother to death]")
    if verb.lemma_.lower() in v.data["hit_verbs"]:  # "hit by a stray bullet", "struck in the neck", "4 hit in shooting"
        cands += [("shot", verb) for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with")
                  for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in v.data["gunfire_nouns"]]
        if role == "nsubjpass" or role != "nsubj" and verb.tag_ == "VBN":
            cands += [("shot", verb) for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                      for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in v.data["hit_in"]]
    if verb.lemma_.lower() in v.data["hit_verbs"] and role == "nsubjpass" and not any(
            c.dep_ in ("agent", "prep") and c.lower_ in ("by", "with") for c in verb.children):
        cands.append(("shot", verb))  # told of a shooting, "seven people were hit" with no other agent
    if verb.lemma_.lower() in v.data["hit_verbs"] and role == "dobj" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in v.data["gunfire_nouns"] for c in verb.children):
        cands.append(("shot", verb))  # "gunfire struck two men", "a bullet hit him"
    if role in ("nsubjpass", "dobj") and verb.lemma_.lower() in v.data["hospital_verbs"]:
        cands += [("shot", o) for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"
                  for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in v.data["hospital_nouns"]]
        # "sent five people to the hospital", "three were rushed to hospitals": hit, whether they lived or not
    if verb.lemma_.lower() in v.data["care_verbs"]:  # "hospitalized after being shot"
        cands += [(kind, p) for c in verb.children if c.dep_ == "prep" and c.lower_ == "after"
                  for p in c.children if p.dep_ == "pcomp" and (kind := v.kind(p, v.verbs)) in ("injured", "shot")]
    if verb.lemma_.lower() in v.data["care_verbs"]:  # "taken to hospital with a gunshot wound"
        cands += [("injured", o) for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "from", "for")
                  for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in ("wound", "injury")]
    dead = _joined_death(verb, v) if role in _SUBJ else None
    if dead is not None:
        return dead  # "was shot in the chest and was pronounced dead", "suffered a wound and later died"
    if role == "nsubj" and verb.lemma_.lower() in v.data["suffer_verbs"]:
        hurt = _suffered(verb, v)  # "two men suffered gunshot wounds"
        if hurt is not None:
            return hurt
    if role in _SUBJ and verb.lemma_.lower() in v.data["state_verbs"]:
        state = _in_condition(verb, v)  # "the driver is in critical condition", "he was listed in stable condition"
        if state is not None:
            return "injured", state
    if role == "nsubj" and verb.lemma_.lower() == "lose" and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "life" for c in verb.children):
        return "killed", verb  # "two soldiers lost their lives"
    if role == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
        return None
    if role == "nsubj" and _at_each_other(verb):
        return None  # "the two men shot at one another": those who fired, hit or not
    if role in _SUBJ and verb.lemma_.lower() not in _INTRANSITIVE and role != "nsubjpass":
        # an active subject is the attacker unless the kind comes from a
        # complement ("N were found dead") or the verb is intransitive
        if not any(k for k, _ in cands) and not _passive_like(verb):
            return None
    cands.append((v.kind(verb, v.verbs, v.adjectives), verb))
    cands += [(v.kind(c, v.verbs, v.adjectives), c) for c in verb.children
              if c.dep_ == "conj" and c.pos_ in ("VERB", "ADJ") and not _has_subject(c)
              and not any(o.dep_ == "dobj" and (o.tag_ != "PRP" or o.lower_ in _REFLEXIVE) for o in c.children)]
    # a verb with victims of its own is another figure's ("wounding four men and killing another"); one
    # with a pronoun tells the same ("abducted a farmer and killed him"), but not "himself" ("shot a student
    # and then killed herself": the student was hurt)
    return _best(cands)


def _joined_death(verb, v: Vocab):
    """The death of a subject told by a verb joined to its own ("was shot and was pronounced dead at the scene",
    "sustained a gunshot wound, was taken to a hospital and later died"): kind and trigger, or None. A joined
    verb with a subject or victims of its own tells of others ("shot his wife and killed her son")."""
    for c in verb.children:
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX") or _has_subject(c) or any(
                o.dep_ == "dobj" for o in c.children):
            continue
        if any(t.lower_ in _REFLEXIVE for t in verb.subtree if t.i < c.i):
            return None  # "shot himself and died", "turned the gun on herself and died": told by "himself"
        found = _verb_kind(c, v, "nsubjpass" if any(a.dep_ == "auxpass" for a in c.children) else "nsubj")
        if found is not None and found[0] == "killed" and (found[1].i == c.i or found[1].head.i == c.i and
                                                           found[1].dep_ in ("oprd", "acomp", "prep", "advmod")):
            return found
    return None


def _suffered(verb, v: Vocab):
    """"suffered a gunshot wound" (shot), "sustained injuries" (injured), "suffered fatal wounds" (killed):
    the kind of the wound a subject suffered, or None."""
    wounds = [c for c in verb.children if c.dep_ == "dobj"]
    wounds += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"  # "suffering from a gunshot wound"
               for o in p.children if o.dep_ == "pobj"]
    for c in wounds:
        if c.lemma_.lower() not in ("wound", "injury", "gunshot"):
            continue
        mods = {m.lemma_.lower() for m in c.children if m.dep_ in ("amod", "compound", "nmod")}
        if mods & {"fatal", "deadly", "mortal", "lethal"} and not any(t.lower_ in ("non", "not") for t in c.subtree):
            return "killed", c
        if c.lemma_.lower() == "gunshot" or mods & set(v.data["gunfire_nouns"]):
            return "shot", c
        return "injured", c
    return None


def _in_condition(verb, v: Vocab):
    """The "condition" of "is in critical condition" (or the "hospital" of "remains in the hospital"), told of
    someone hurt; None where the clause tells a death too ("was in critical condition and later died")."""
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ != "in":
            continue
        for o in p.children:
            cared = o.lemma_.lower() == "hospital" and verb.lemma_.lower() in ("remain", "stay")  # "remains in the hospital"
            if o.dep_ == "pobj" and (cared or o.lemma_.lower() == "condition" and any(
                    m.lower_ in v.data["hurt_conditions"] for m in o.children if m.dep_ in ("amod", "compound", "conj"))):
                scope = verb.head.head if verb.dep_ == "relcl" else verb  # "a woman who was in ... condition died"
                other = {t.i for c in scope.children if c.dep_ in ("conj", "ccomp") and _has_subject(c) for t in c.subtree}
                if any(t.lemma_.lower() in ("die", "succumb") or t.lower_ in ("dead", "killed")
                       for t in scope.subtree if t.i not in other):
                    return None  # his own clause tells him dead; another's ("and a passenger died") does not
                return o
    return None


def _to_death(tok) -> bool:
    """"shot to death", "beaten to death": a verb whose own "to death" makes its victim one killed."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(o.lemma_.lower() == "death" for o in c.children)
               for c in tok.children)


def _passive_like(verb) -> bool:
    return verb.lemma_.lower() in _INTRANSITIVE or verb.pos_ == "ADJ" or verb.tag_ == "VBN" and not any(
        c.dep_ == "dobj" for c in verb.children) or _headline_passive(verb)


_HEADLINE_HURT = ("shoot", "wound", "injure", "hurt", "stab", "graze")  # not "kill": its toll is told otherwise


def _headline_passive(verb) -> bool:
    """"Man shot in leg on East Side": a headline drops "was", and the parser reads a past verb with no object
    as active; on the article's first line a hurting verb with no object (its own or a joined verb's: "shot and
    killed the guard"), auxiliary or target ("shot at") tells what befell its subject."""
    doc = verb.doc
    return (verb.tag_ == "VBD" and verb.lemma_.lower() in _HEADLINE_HURT and "\n" not in doc.text[:verb.idx]
            and not any(c.dep_ in ("dobj", "aux", "auxpass", "ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ == "at"
                        or c.dep_ == "conj" and any(g.dep_ == "dobj" for g in c.children) for c in verb.children))


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
        if subj.dep_ == "dobj" and subj.i < anchor.i:  # "raising the death toll to 5", "the number of dead to 3"
            words = [*subj.children, subj, *(o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                                            for o in p.children if o.dep_ == "pobj")]
            for word in words:
                kind = v.kind(word, v.nouns)
                if kind and word.dep_ in ("compound", "amod", "dobj", "pobj"):
                    return kind, subj
    return None


def _of_trigger(anchor, v: Vocab):
    """"the death of two Iraqis", "claimed the lives of four"."""
    prep = anchor.head
    if anchor.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN":
        kind = v.kind(prep.head, v.nouns) or v.kind(prep.head, v.data["of_nouns"])  # "the shooting of three men"
        if kind == "shot" and any(c.lower_ in ("fatal", "deadly") for c in prep.head.children):
            kind = "killed"
        if kind:
            return kind, prep.head
    return None


def _window_kind(tokens, v: Vocab):
    doc = tokens.doc
    for tok in doc[tokens.end:min(tokens.end + 3, len(doc))]:
        if tok.like_num or tok.is_punct and tok.text not in ("-",):
            break
        kind = None if _life_threatening(tok) else v.kind(tok, v.adjectives, v.verbs, v.nouns)
        if not kind and (tok.pos_ == "VERB" or tok.pos_ in ("ADP", "SCONJ") and tok.lower_ != "of"):
            break  # "2 held after killing": the figure counts those of another verb
        if kind:  # "both shot and killed": the verb joined to it may tell more
            return _best([(kind, tok)] + [(v.kind(c, v.verbs, v.adjectives), c) for c in tok.children
                                          if c.dep_ == "conj" and c.pos_ == "VERB"])
    if tokens.start > 0:
        prev = doc[tokens.start - 1]
        if prev.tag_ in ("VBG", "VBD", "VBZ") and v.kind(prev, v.verbs):
            return v.kind(prev, v.verbs), prev
        if prev.tag_ == "NNS" and prev.lower_[:-1] in v.verbs:  # headline "shooting wounds 4": a verb read as a noun
            return v.verbs[prev.lower_[:-1]], prev
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
        cared = _in_care(anchor, v)
        return ("shot", cared) if cared is not None else _verb_kind(head, v, "dobj")
    if anchor.dep_ in _SUBJ and head.lemma_ == "be" and head.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in head.children):
        return _verb_kind(head.head, v, "nsubjpass")
    if anchor.dep_ == "nsubj" and head.pos_ == "VERB" and not v.kind(head, v.verbs) \
            and any(c.dep_ == "cc" and c.lower_ == "but" for c in head.children):
        return _best(_verb_kind(c, v, "nsubjpass") or (None, c) for c in head.children  # "three teens survived but
                     if c.dep_ == "conj" and c.tag_ == "VBN" and any(a.dep_ == "auxpass" for a in c.children)  # were
                     and not any(s.dep_ in _SUBJ for s in c.children))  # hit": a passive joined, of the same subject
    return None


def _in_care(anchor, v: Vocab):
    """"A man was killed and two in the hospital": a figure joined to a verb of death but told by its own place
    of care was hit and lived; the "hospital" that tells it, or None."""
    return next((o for p in anchor.children if p.dep_ == "prep" and p.lower_ in ("in", "at", "to")
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in v.data["hospital_nouns"]), None)


def told_in_phrase(doc, start: int, end: int) -> bool:
    """"According to his mother, Ray was shot": a person told as the source of what follows ("according to his
    mother", "per his father") is no victim of the toll told after it (not "the shooting of his parents")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.root.dep_ != "pobj":
        return False
    prep = span.root.head
    return prep.lower_ == "per" or prep.lower_ == "to" and prep.head.lower_ == "according"


def _life_threatening(tok) -> bool:
    """The "life" of "life-threatening", "non-life threatening": a word of a wound's degree, not of a death."""
    doc = tok.doc
    return tok.lower_ == "life" and any(doc[j].lower_ == "threatening" for j in range(tok.i + 1, min(tok.i + 3,
                                                                                                   len(doc))))


def attach_figure(tokens, v: Vocab):
    """(kind, trigger token, victims span or None, part) for a figure, or None."""
    nominal = counted_noun(tokens)
    inside = tokens.start <= nominal.i < tokens.end
    found = _told_before_comma(tokens, v)
    if found is None and not inside and nominal.lemma_.lower() in ("body", "corpse"):
        found = "killed", nominal  # "Nine bodies, each shot in the chest, were recovered"
    if nominal.i == tokens.end and nominal.pos_ != "NOUN" and v.kind(nominal, v.adjectives):
        found = v.kind(nominal, v.adjectives), nominal  # "Three Dead, Two Hurt"
    found = found or _best((v.kind(c, v.adjectives, v.verbs), c) for c in nominal.children
                      if c.dep_ in ("amod", "acl", "oprd", "appos", "advmod", "relcl", "conj")
                      and nominal.i < c.i <= nominal.i + 6  # not a clause far on ("2 killed: 'Bill got shot!'")
                      and not (c.dep_ == "advmod" and c.i - 1 >= tokens.end and c.doc[c.i - 1].like_num)
                      # "9 shot, 1 fatally": the adverb tells the figure just before it
                      and not (c.dep_ == "acl" and c.tag_ == "VBG")  # "more than one person shooting": shooters
                      and not _life_threatening(c)  # "one non-life threatening gunshot": no life taken
                      and not any(s.dep_ in _SUBJ and s.lower_ not in _RELATIVE and s.like_num for s in c.children)
                      and not _own_noun(nominal, c))
    # "4 shot on Elm Street, 2 die": a verb told of another figure of its own
    if found is None:  # "three boys who were hit", "two men who suffered gunshot wounds": a relative clause told
        found = _best(_verb_kind(c, v, subj.dep_) or (None, c) for c in nominal.children  # by what befell them
                      if c.dep_ == "relcl" and nominal.i < c.i <= nominal.i + 6
                      for subj in c.children if subj.lower_ in _RELATIVE and (subj.dep_ == "nsubjpass" or subj.dep_ ==
                      "nsubj" and c.lemma_.lower() in v.data["suffer_verbs"] + v.data["state_verbs"]))
        # not "a gunman who police say wounded two men": an active relative subject is the one who shot
    if found is None:  # "Five people sent to area hospitals": a participle of transport on the noun
        found = _best(_verb_kind(c, v, "nsubjpass") or (None, c) for c in nominal.children if c.dep_ == "acl"
                      and c.tag_ == "VBN" and c.lemma_.lower() in v.data["hospital_verbs"] and nominal.i < c.i)
    if found is None and nominal.i == tokens.end and nominal.lower_ in v.adjectives:
        found = v.adjectives[nominal.lower_], nominal  # "Teen Killed, 3 Hurt": the participle read as a noun
    if found is None and nominal.i < tokens.start and nominal.tag_ == "NNS" and nominal.lower_[:-1] in v.verbs:
        found = v.verbs[nominal.lower_[:-1]], nominal  # headline "shooting wounds 4": a verb read as a noun
    anchor = nominal
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        anchor = _past_ages(anchor.head)
    if found is None and anchor.dep_ in _ROLES and anchor.head.pos_ in ("VERB", "AUX", "ADJ"):
        found = _verb_kind(anchor.head, v, anchor.dep_)
    if found is None:
        found = _shared_verb_kind(anchor, v)
    if found is None and not inside and v.kind(nominal, v.nouns):
        found = v.kind(nominal, v.nouns), nominal
    if found is None:
        found = _toll_kind(anchor, v) or _of_trigger(anchor, v)
    attacker = anchor.dep_ == "nsubj" and (any(c.dep_ == "dobj" for c in anchor.head.children)
                                           or _at_each_other(anchor.head))
    if found is None and not attacker:
        found = _window_kind(tokens, v)
    if found is None:
        return None
    kind, trig = found
    if kind == "killed" and trig.dep_ == "advmod" and trig.i != tokens.end and trig.i > tokens.end \
            and trig.head.i != trig.i and v.kind(trig.head, v.verbs) == "shot" and trig.i > 0 \
            and trig.doc[trig.i - 1].like_num:
        kind, trig = "shot", trig.head  # "shot three officers - one fatally": the adverb tells the second figure
    return kind, trig, victims_of(tokens, nominal, trig, v), is_part(tokens, nominal, v)


def _told_before_comma(tokens, v: Vocab):
    """"3 wounded, suspect dead", "Two injured, gunman killed": in a headline's list the word just after the
    figure, before the comma, tells what befell it, whatever the parser hangs the figure on past the comma."""
    doc = tokens.doc
    if tokens.end + 1 >= len(doc) or doc[tokens.end + 1].text not in (",", ";"):
        return None
    word = doc[tokens.end]
    kind = v.kind(word, v.adjectives, v.verbs)
    return (kind, word) if kind in ("killed", "injured", "shot") else None


def _own_noun(nominal, word) -> bool:
    """"Two injured, shooter dead": a word told of a noun of its own after a comma past the figure tells that
    noun, not the figure (not "4 adults, 1 child shot", a list of figures)."""
    doc = nominal.doc
    return any(c.i < word.i and c.pos_ in ("NOUN", "PROPN") and nominal.i < c.i and not any(
        n.like_num or n.dep_ == "nummod" for n in c.children) for c in word.children) \
        and any(t.text == "," for t in doc[nominal.i + 1:word.i])


def _past_ages(tok):
    """"Two women, ages 31 and 40, and a boy were hurt": the boy is joined to the women, past their ages."""
    if tok.dep_ == "appos" and tok.lemma_.lower() in ("age", "aged") and tok.head.pos_ in ("NOUN", "PROPN"):
        listed = tok.head.dep_ in ("appos", "conj") and _counted(tok.head.head) or any(
            c.dep_ == "appos" and c.i != tok.i and c.lemma_.lower() not in ("age", "aged") and _counted(c)
            for c in tok.head.children)
        return tok if listed else tok.head  # not "three others, two women, ages 31 and 40, and a boy": a listing
    return tok


def of_the_same(tokens, kind: str, v: Vocab) -> bool:
    """"Two of the injured skateboarders were ...", "one of the dead": a part of a toll of the same kind told
    before ("Two of the wounded died" counts the dead, not a part)."""
    obj = _of_object(tokens[-1])
    if obj is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
        return False
    words = [obj, *(c for c in obj.children if c.dep_ in ("amod", "compound"))]
    return any(v.kind(w, v.adjectives, v.nouns) == kind for w in words)


def victims_of(tokens, nominal, trig, v: Vocab):
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


_ORDINAL_WORDS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ONE_PRONOUNS = ("him", "her", "himself", "herself", "he", "she")


def _one_victim(tok, v: Vocab) -> bool:
    """A singular person noun, name or pronoun that can stand for one victim."""
    if tok.dep_ not in ("nsubjpass", "nsubj", "dobj", "conj") and not _listed(tok, v):
        return False
    if tok.lower_ == "self":
        return _listed(tok, v)
    if pair_noun(tok, v):
        return True  # "a couple and their two children were found dead": two victims, told as one

    if tok.tag_ == "PRP":
        return tok.lower_ in _ONE_PRONOUNS
    if tok.lower_ == "another" and tok.pos_ in ("DET", "PRON") and tok.dep_ != "conj":
        return True  # "wounding four men and killing another"
    if _aged(tok):
        return True  # "a 19-year-old was shot"
    if tok.lower_ in _ORDINAL_WORDS and tok.dep_ != "conj" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                                   for c in tok.children):
        return True  # "two died and a third was hurt"
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
        if any(c.lower_ == "old" and c.dep_ == "amod" for c in tok.children):
            return True  # "19-year-old Ana Ruiz", whatever the tagger took the name for
        if tok.ent_type_ == "NORP":  # "an Israeli was killed", "shot the Palestinian"
            return tok.dep_ != "conj" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children)
        return tok.ent_type_ in ("PERSON", "") or _titled(tok, v)
    dets = [c for c in tok.children if c.dep_ in ("det", "poss") and c.i < tok.i]
    head = tok
    while not dets and tok.lemma_.lower() in v.data["kin_nouns"] and (head.dep_ == "conj" or _listed(head, v)) \
            and head.head.i < head.i and head.head.tag_ in ("NN", "NNP"):
        head = head.head  # "his wife, son and daughter": kin after the first share its "his" ("an editor and
        dets = [c for c in head.children if c.dep_ == "poss" and c.i < head.i]  # dealer" is one man)
    if not dets and tok.lemma_.lower() in v.data["person_nouns"] and "\n" not in tok.doc.text[:tok.idx]:
        return True  # a headline drops its articles: "Teenage shooting victim found dead"
    return bool(dets) and not any(d.lower_ in ("no", "any", "every", "each") for d in dets)


def pair_noun(tok, v: Vocab) -> bool:
    """"a couple", "his parents", "Parents, 2 children dead": two people told by one noun, with its own article or
    possessor (none needed in a headline), not "a couple of men" (a figure) nor "two parents"."""
    if tok.lower_ not in v.data["pair_nouns"] or any(c.dep_ in ("nummod", "quantmod") for c in tok.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    owned = any(c.dep_ in ("det", "poss") and c.i < tok.i and c.lower_ not in ("no", "any", "every", "each")
                for c in tok.children)
    return owned or "\n" not in tok.doc.text[:tok.idx]


def _listed(tok, v: Vocab) -> bool:
    """"killed his wife, son and daughter", "shot his girlfriend, her mother", "kills wife, self": one more
    person after a comma, which the parser reads as an apposition (the same person told again). A kin word with
    no article of its own, or with its own "his"/"her" after a possessed one, or "himself", is one more."""
    if tok.dep_ != "appos":
        return False
    head = tok.head
    if tok.lower_ in ("himself", "herself", "self"):
        return head.tag_ in ("NN", "NNP", "NNS")  # "kills wife, self": a headline's "himself"
    if tok.pos_ == "PROPN" and head.pos_ == "PROPN" and tok.ent_type_ == head.ent_type_ == "PERSON":
        return _of_object(tok) is None and tok.lemma_.lower() not in v.data["title_nouns"] and any(
            t.dep_ == "conj" and t.ent_type_ == "PERSON" for t in tok.subtree)  # a list ends "... and C"  # "Mark Ruiz, 54, Ana Ruiz, 42, and Luis Ruiz, 6": a name beside a name is another person
    if tok.tag_ not in ("NN", "NNP") or head.tag_ not in ("NN", "NNP") or tok.lemma_.lower() == head.lemma_.lower():
        return False
    if tok.lemma_.lower() not in v.data["kin_nouns"] or head.lemma_.lower() not in v.data["person_nouns"]:
        return False  # "Ana Ruiz, mother of three": a name told again by whose kin she is
    if _of_object(tok) is not None:
        return False  # "the victim, son of a pastor"
    own = [c for c in tok.children if c.dep_ in ("det", "poss") and c.i < tok.i]
    return not own or all(c.dep_ == "poss" for c in own) and _possessed(head)


def _titled(tok, v: Vocab) -> bool:
    """A name the parser took for an organisation, told with a person's title beside it ("Nusee Yako, a
    religious teacher", "Rashid, director of ...")."""
    words = v.data["person_nouns"] + v.data["title_nouns"]
    return any(c.dep_ == "appos" and c.lemma_.lower() in words for c in tok.children)


def told_as_cause(tok, v: Vocab) -> bool:
    """"in retaliation for the killing of two leaders": deaths told as the cause of this event."""
    return any(a.lemma_.lower() in v.data["cause_nouns"] for a in tok.ancestors)


def wider_total(tokens) -> bool:
    """"one of three officers killed that day", "five of dozens of bodies": the figure is a wider total."""
    doc = tokens.doc
    if tokens.start < 2 or doc[tokens.start - 1].lower_ != "of":
        return False
    before = doc[tokens.start - 2]
    return before.like_num or before.lower_ in ("one", "two", "three", "four", "five")


def _aged(tok) -> bool:
    """"19-year-old" standing alone for a person (no noun after it)."""
    doc = tok.doc
    hyphened = tok.i >= 2 and doc[tok.i - 1].text == "-" \
        and doc[tok.i - 2].lower_ in ("year", "years", "month", "months", "week", "weeks", "day", "days")
    spaced = tok.i >= 2 and doc[tok.i - 1].lower_ in ("year", "years") and doc[tok.i - 2].like_num  # "a 17 year old"
    return tok.lower_ == "old" and (hyphened or spaced) and tok.dep_ in ("nsubjpass", "nsubj", "dobj", "conj")


def _of_victim(tok, v: Vocab):
    """"the shooting death of 2-year-old Amy Lowe", "the fatal shooting of a man": one victim of a noun; each of
    those joined to it ("the bodies of Ana Ruiz, 40, and Luis Ruiz, 9") is one more."""
    anchor = tok
    while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN") or _listed(anchor, v):
        anchor = anchor.head
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "of" or anchor.head.head.pos_ != "NOUN":
        return None
    noun = anchor.head.head
    if told_as_cause(noun, v):
        return None
    doc = tok.doc
    alone = (tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 1].text == "-"  # "the death of a 17-year-old"
             and doc[tok.i - 2].lower_ in ("year", "years", "month", "months", "week", "weeks", "day", "days"))
    if alone:
        kind = v.kind(noun, v.data["of_nouns"])
        if kind == "shot" and any(c.lower_ in ("fatal", "deadly") for c in noun.children):
            kind = "killed"
        return (kind, noun) if kind else None
    if tok.tag_ not in ("NN", "NNP", "NNPS") or any(c.dep_ in ("nummod", "quantmod") for c in tok.children):
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
    told = [(s[1].start_char, s[1].end_char) for s in subjects]
    for found in subjects:
        pron = found[1].root
        alone = pron.dep_ != "conj" and not any(c.dep_ == "conj" for c in pron.children)
        if pron.tag_ == "PRP" and alone and found[0] in named and pron.lower_ not in ("himself", "herself"):
            continue  # "kidnapped a farmer and killed him": one victim ("killed his wife, then himself": two)
        yield found
    for tok in sent:
        found = _of_victim(tok, v) or _modified_victim(tok, v)
        if found is None:
            continue
        span = tok.doc[tok.left_edge.i:tok.i + 1]
        if any(s < span.end_char and span.start_char < e for s, e in taken + told):
            continue  # "the wounded man is in stable condition": one victim, told once
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
        elif c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and not any(
                a.dep_ in ("aux", "auxpass", "nsubj", "dobj") for a in c.children):  # "a boy shot and killed"
            found = _verb_kind(c, v, "nsubjpass")
        elif c.dep_ == "amod" and c.i < tok.i and c.lower_ in v.data["victim_adjectives"]:
            found = v.data["victim_adjectives"][c.lower_], c
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


def _dangling_object(tok) -> bool:
    """"The grandson of Rep. Ana Ruiz was shot", parsed with no object on "of" and two subjects: the name after a
    preposition left without its object is that object (whose kin the victim is), not a second victim."""
    i = tok.left_edge.i - 1
    prep = tok.doc[i] if i >= 0 else None
    return prep is not None and prep.dep_ == "prep" and prep.head.pos_ in ("NOUN", "PROPN") and not any(
        True for _ in prep.children)  # not "On 20 October Ana Ruiz was killed", "on" told of the verb


def _implied_subjects(sent, v: Vocab, taken):
    for tok in sent:
        body = _found_body(tok, v)
        if body is not None:
            span = tok.doc[tok.left_edge.i:tok.i + 1]
            if not any(s < span.end_char and span.start_char < e for s, e in taken):
                yield body[0], span, body[1], span
            continue
        if not _one_victim(tok, v) or _dangling_object(tok):
            continue
        anchor = tok
        while anchor.dep_ == "conj" and anchor.head.pos_ in ("NOUN", "PROPN", "PRON") or _listed(anchor, v):
            anchor = _past_ages(anchor.head)
            if anchor.dep_ == "appos" and _possessed(tok) and not _counted(anchor.head):
                anchor = anchor.head  # "Sykes, the ambassador, and his driver": through the apposition
        if anchor.dep_ not in ("nsubjpass", "nsubj", "dobj") or anchor.head.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        found = _verb_kind(anchor.head, v, anchor.dep_)
        if found is None or found[0] in ("displaced", "casualties"):
            continue
        if found[1].lemma_.lower() in v.data["hospital_nouns"] and (
                tok.tag_ == "PRP" or tok.lemma_.lower() in v.data["perpetrator_nouns"]):
            continue  # "he was taken to hospital", "the suspect was taken to hospital": not told as hurt
        span = tok.doc[tok.left_edge.i:tok.i + 1] if tok.tag_ != "PRP" else tok.doc[tok.i:tok.i + 1]
        counted = [c for c in anchor.children if c.i < anchor.i and c.lower_ in ("both", "all")]
        # "Both Lenz and the infant were dead": the figure counts them already
        if any(s < span.end_char and span.start_char < e for s, e in taken) or any(
                s <= c.idx < e for c in counted for s, e in taken):
            continue
        yield found[0], span, found[1], span
