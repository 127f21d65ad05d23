"""The hurt told without a plain figure, read over all the figures of an article once they are found: one more
hurt told by rank ("a fourth person was grazed") or as "the other victim", the wounded killer, someone taken to
hospital after the dead are told, the one who shot himself told twice by one verb, the part of a figure hit by
gunfire ("seven injured, four by gunfire"), the fatally wounded, "others" beyond one hurt told before, and the
floors that hurt told one by one or as a whole group set on the toll; and the hurt beside the dead: those of a
multiplied shooting ("one dead after triple shooting"), wounds told as not fatal, one in care told with no verb
("a boy is dead and his brother in a hospital"), one told by another age than the dead's.

``counts`` finds the figures and makes the claims; this module holds the passes that weigh the hurt among them.
"""
from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from .nlp import text_of
from .numbers import Vocab, parse_number

if TYPE_CHECKING:
    from .counts import CountMention

# The kinds of figure that count the hurt: hurt in any way, and hit by gunfire.
HURT = ("injured", "shot")
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
    named = {(m.sentence, m.trigger) for m in found if m.implied and m.kind in HURT
             and not _reflexive(m.claim.victims) and m.claim.evidence.start < m.trigger[0]}  # its subject
    # (not "injured himself and a friend": two hurt)
    return [m for m in found if not (m.implied and m.kind in HURT and _reflexive(m.claim.victims)
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
        if not m.ordinal or m.kind not in HURT:
            continue
        rank = m.ordinal
        m.ordinal -= died
        if m.ordinal <= 0:  # "a third victim was found" beside three dead: one of them
            m.ordinal = 0
            continue
        m.also = True
        if m.kind == "injured" and any(o.kind == "shot" and not o.implied and o.number_span < m.number_span
                                       for o in found):
            m.kind = "shot"
        if m.kind == "shot":  # those shot count the dead too: "shot three, all killed ... a fourth victim was
            m.ordinal = rank  # shot in the arm" is one more beside the three, its rank among them all


def hurt_perpetrator(found: list[CountMention]) -> None:
    """"The suspect was struck in the leg": the one who did it, wounded, is one hurt beyond those he hit (``also``)
    where the story tells no death (a gunman "shot" may be among the dead), or told "wounded" whatever it tells,
    told once a kind however often the story tells of him."""
    told = set()
    if any(m.kind == "killed" and not m.background for m in found):
        told.add("shot")  # "officers shot the gunman" where a death is told: he may be the dead
    for m in found:
        if m.perpetrator and m.kind in HURT and not m.background and m.kind not in told:
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
        if m.kind in HURT and m.implied and FATALLY.search(m.claim.victims or ""):
            m.part = True


# Words that make a wound a death: "fatally wounded", "mortally injured".
FATALLY = re.compile(r"\b(?:fatally|mortally)\b", re.IGNORECASE)
def figure_over_named(counts: list[CountMention], hurt, shot) -> bool:
    """"Kim was hurt in the shooting ... Three others were also shot and remain in serious condition": where the
    hurt are told only one by one, with no figure, and a figure of the shot (less the dead) tells more of them,
    the figure is the toll, as a figure outweighs victims told one by one among the hurt themselves."""
    where = {(cm.claim.evidence.start, cm.claim.evidence.end): cm for cm in counts}
    told = [where.get((c.evidence.start, c.evidence.end)) for c in hurt]
    figured = [where.get((c.evidence.start, c.evidence.end)) for c in shot]
    if any(cm is None or not cm.implied for cm in told) or any(cm is None or cm.implied for cm in figured):
        return False
    if not all(cm.also or _others(cm.claim.victims) for cm in figured):
        return False  # "twelve people were shot in the city overnight": a figure of its own, maybe of other shootings
    many = max(c.total if c.total is not None else c.count for c in shot)
    return many > sum(c.count for c in hurt)


PRONOUNS = ("he", "she", "him", "her", "himself", "herself", "they", "them")
# Words of "others" that tell no one kind of person: "two others", "three other victims".
_ANYONE = {"other", "others", "people", "persons", "person", "victims", "victim", "men", "women", "individuals"}


def _others(victims: str | None) -> bool:
    return bool({"other", "others"} & set((victims or "").lower().split()))


def _own_noun(victims: str | None) -> str:
    """"two other firefighters": the kind of person the others are ("firefighter"), "" for "others", "people"."""
    words = [w for w in (victims or "").lower().split() if w.isalpha() and w not in _ANYONE]
    return words[-1].rstrip("s") if words else ""


def others_beside_one(found: list[CountMention]) -> None:
    """"Lee was badly wounded in the ambush. Two others were wounded": "others" told of the hurt are beyond one
    hurt told by name or noun in an earlier sentence (not by "he" or "she", not in the headline, which may
    sum up the same victims), so the figure's toll is one more (``total``)."""
    for m in found:
        if m.kind not in HURT or m.implied or m.also or m.count <= 0 or m.claim.total is not None \
                or m.part or m.vague or m.background or m.status or m.headline \
                or not {"other", "others"} & set((m.claim.victims or "").lower().split()):
            continue
        noun = _own_noun(m.claim.victims)
        before = [o for o in found if o.kind in HURT and o.implied and o.count > 0 and not o.headline
                  and o.sentence[1] <= m.sentence[0] and not (o.part or o.background or o.perpetrator or o.also)
                  and (o.claim.victims or "").lower() not in PRONOUNS
                  and (not noun or noun in (o.claim.victims or "").lower())  # "two other firefighters": a firefighter
                  and not any(d.kind == "killed" and d.implied and d.sentence == o.sentence for d in found)]
        # (not "the man was taken to a hospital, where he was pronounced dead")
        last = max((o.sentence[1] for o in before), default=None)
        # the dead told after the one hurt, or beside the figure, are those the others are told against:
        # "killed one and shot four others"; "Lee was hit in the arm. Ray died at the scene. Six others were hurt"
        dead = last is not None and any(o.kind == "killed" and not o.background and last <= o.sentence[0]
                                        and o.sentence[0] <= m.sentence[0] for o in found)
        if before and not dead:
            m.claim = m.claim.model_copy(update={"total": m.count + 1})


def named_in_care(counts: list[CountMention], dead: bool) -> list[CountMention]:
    """"Ann Lee and Ray Cruz were taken to the hospital", "the man was in critical condition and the woman in stable
    condition": two or more hurt told one by one in one sentence by their state or their care, each a victim of
    their own (not "he" or "she", not the one who did it), are at least that many hurt; those told as "shot" count
    only where no death is told (they may be the dead, taken to hospital before they died). The most of any
    sentence, none where no sentence tells two."""
    per: dict[tuple[int, int], dict[str, CountMention]] = {}
    for cm in counts:
        words = (cm.claim.victims or "").lower()
        if cm.implied and cm.status and cm.count == 1 and words and words not in PRONOUNS \
                and not (cm.part or cm.vague or cm.background or cm.perpetrator) \
                and (cm.kind == "injured" or cm.kind == "shot" and not dead):
            per.setdefault(cm.sentence, {}).setdefault(words, cm)
    most = max(per.values(), key=len, default={})
    return list(most.values()) if len(most) >= 2 else []


def whole_groups(counts: list[CountMention], dead: bool) -> list[CountMention]:
    """"The four victims were taken to the hospital": a group of the hurt told as a whole ("the four", "all
    three", "both") counts every one of them, so there are at least that many, where no death is told (the
    victims may count the dead too). Those of a larger toll are parts of it (``tolls._group_parts``)."""
    if dead:
        return []
    return [cm for cm in counts if cm.group and cm.kind in HURT and cm.count > 1
            and not (cm.part or cm.vague or cm.background or cm.implied)]


@cache
def _untold() -> dict:
    """The data of data/count_hurt.yaml, the cues compiled, loaded once."""
    data = yaml.safe_load(resources.files("sitrep").joinpath("data/count_hurt.yaml").read_text("utf-8"))
    return {"one_of_most": data["one_of_most"], "cues": [re.compile(p, re.IGNORECASE) for p in data["cues"]],
            "unhurt": re.compile(data["unhurt"], re.IGNORECASE), "death": re.compile(data["death"], re.IGNORECASE),
            "not_death": re.compile(data["not_death"], re.IGNORECASE),
            "nonfatal": re.compile(data["nonfatal"], re.IGNORECASE),
            "gapped_care": re.compile(data["gapped_care"], re.IGNORECASE), "gapped_not": set(data["gapped_not"])}


def one_hurt_untold(found: list[CountMention], doc, sents) -> list[CountMention]:
    """"A 12-year-old is recovering after suffering a gunshot wound", "Boy in critical condition following
    shooting": one hurt told in words the grammar reads as no victim and verb (a state, a wound, a headline) is
    one hurt, kept as a ``fallback`` (the toll only where the event has no other), where the article tells no
    death and no figure of the hurt at all, not even "no one was hurt"; the first sentence that tells it."""
    if any(m.kind in ("killed", *HURT) for m in found):
        return []
    cues = _untold()
    text = text_of(doc)
    if cues["death"].search(cues["not_death"].sub(" ", text)):
        return []  # the hurt may be the dead before they died
    for sent in sents:
        said = text[sent.start_char:sent.end_char]
        if cues["unhurt"].search(said):
            continue
        hit = next((m for m in (c.search(said) for c in cues["cues"]) if m is not None), None)
        if hit is not None:
            return [_untold_mention(sent, sent.start_char + hit.start(), sent.start_char + hit.end())]
    return []


def _untold_mention(sent, start: int, end: int) -> CountMention:
    from .counts import CountMention  # the counts stage's own mention (it imports this module)
    from .record import Claim, Span
    claim = Claim(count=1, low=1, high=1, victims=None, evidence=Span(start=start, end=end))
    return CountMention("injured", claim, (start, end), (sent.start_char, sent.end_char), (start, end),
                        implied=True, fallback=True)


# "was one of": the one told is among the figure that follows, the toll of the one shooting told.
_ONE_OF = re.compile(r"\b(?:was|is|were|are)\s+(?:one|two|three|four|five)\s+of\s+$", re.IGNORECASE)


def one_of_the_hurt(found: list[CountMention], doc, v: Vocab) -> None:
    """"Lee, 42, was one of four men shot outside a bar on Friday": a small figure of the hurt after "one of"
    is the toll of the shooting the one told was hit in, not a wider total ("one of 300 shot this year"), where
    its sentence tells no span of time or past year. The one told may be among the dead ("Lee was one of five
    people injured ... Lee died"): the figure counts all those hit, and the hurt are those of them not killed."""
    text = text_of(doc)
    for m in found:
        if m.kind not in HURT or not m.background or m.implied or m.vague or m.part \
                or not 2 <= m.count <= _untold()["one_of_most"]:
            continue
        said = text[m.sentence[0]:m.sentence[1]]
        if _ONE_OF.search(text[m.sentence[0]:m.number_span[0]]) \
                and not any(p.search(said) for p in [*v.background, *v.past_toll]):
            m.background = False
            m.kind = "shot"


# Words after the verb that tell the one hit lived: "was shot in the leg but survived", "is expected to survive".
SURVIVED = re.compile(r"\b(?:survived|expected\s+to\s+survive|will\s+survive|(?:is|was)\s+expected\s+to\s+recover)\b",
                      re.IGNORECASE)


def survived(found: list[CountMention], doc) -> None:
    """"Ann Lee, his godmother, was shot in the leg but survived": one hit told with the words that she lived is
    one hurt beyond the dead (``also``), not one of them, where the rest of her sentence tells no death. Only one
    told there for the first time ("a woman", a name not met before): "the wounded officer was expected to survive"
    and "Lee ... Lee was hurt but survived" tell again one counted already."""
    text = text_of(doc)
    for m in found:
        if m.kind not in HURT or not m.implied or m.also or m.part or m.background or m.perpetrator:
            continue
        rest = text[m.trigger[1]:m.sentence[1]]
        if SURVIVED.search(rest) and not DIED.search(rest) and _first_told(m.claim.victims, text[:m.sentence[0]]):
            m.also = True


def nonfatal_wounds(found: list[CountMention], doc) -> None:
    """"A man and his son, who were in the car with her, suffered nonfatal gunshot wounds": those hit told with
    words that their wounds were not fatal are hurt beyond the dead told in an earlier sentence (``also``), not
    some of them, where their sentence tells no death and they are told there for the first time (as
    ``survived``)."""
    text = text_of(doc)
    dead = [d.sentence[1] for d in found if d.kind == "killed" and d.count > 0 and not (d.part or d.background)]
    for m in found:
        if m.kind not in HURT or not m.implied or m.also or m.part or m.background or m.perpetrator \
                or not any(end <= m.sentence[0] for end in dead):
            continue  # (told before any death, the hurt are no more than those hit)
        if any(o.kind in HURT and not o.implied and o.sentence == m.sentence for o in found):
            continue  # "two marshals and an agent were wounded": one of a figure told with it
        said = text[m.claim.evidence.start:m.sentence[1]]
        if _untold()["nonfatal"].search(said) and not DIED.search(said) and _first_told(m.claim.victims, text[:m.sentence[0]]):
            m.also = True


def _first_told(victims: str | None, before: str) -> bool:
    """"a woman", "Ann Lee" where "Lee" is not in the text before: one told for the first time."""
    words = (victims or "").split()
    if not words or words[0].lower() in PRONOUNS:
        return False
    if words[0].lower() in ("a", "an"):
        return True
    return words[0][:1].isupper() and words[0].lower() not in ("the", "this", "that") \
        and re.search(r"\b" + re.escape(words[-1]) + r"\b", before) is None


# A zero of the hurt told of some people only: "his father was unhurt", "none of the injured were targets".
_SOME_UNHURT = re.compile(r"(?:escaped\s+)?(?:unhurt|unharmed)|none\s+of\s+the\s+(?:injured|wounded|hurt)", re.IGNORECASE)


def some_unhurt(found: list[CountMention], doc) -> None:
    """"Ray Cruz was shot and wounded ... His father was unhurt": a zero told of some people by "unhurt" or
    "unharmed", or "none of the injured" (who were not the targets), tells no toll where the article tells some
    hurt before it; it is no claim that none were (``part``)."""
    text = text_of(doc)
    hurt = [m.number_span for m in found if m.kind in HURT and m.count > 0 and not (m.background or m.part or m.vague)]
    for m in found:
        if m.kind == "injured" and m.count == 0 and not m.implied and any(h < m.number_span for h in hurt) \
                and _SOME_UNHURT.fullmatch(text[m.claim.evidence.start:m.claim.evidence.end].strip()):
            m.part = True  # told after some hurt: "... His father was unhurt"


def shooting_beside_dead(text: str, bounds, v: Vocab, mentions: list[CountMention]) -> list[CountMention]:
    """"One dead after triple shooting", "Teen killed in quadruple shooting": a shooting told with a multiplier
    counts all those hit, the dead among them, so where its sentence tells the dead only (``counts`` reads no
    multiplier in a sentence with a toll of its own) the multiplier is a figure of the shot beside them; the hurt
    are those shot and not killed. Not where the sentence tells the hurt or the shot already."""
    if any(m.kind in HURT and not m.part for m in mentions) \
            or not any(m.kind == "killed" and not m.part and m.count > 0 for m in mentions):
        return []
    from .counts import CountMention  # the counts stage's own mention (it imports this module)
    from .record import Claim, Span
    for match in v.multiple_crime.finditer(text):
        if v.data["multiple_kinds"].get(match.group(2).lower().rstrip("s")) != "shot" or match.group(3):
            continue
        n = v.data["multipliers"][match.group(1).lower()]
        span = (bounds[0] + match.start(), bounds[0] + match.end())
        claim = Claim(count=n, low=n, high=n, victims=match.group(0), evidence=Span(start=span[0], end=span[1]))
        return [CountMention("shot", claim, span, bounds, span)]
    return []


# An age told of a victim: "the 17-year-old", "a 17 year old", "the six-month-old boy" (group 1 the figure).
_AGE = re.compile(r"\b(\d+|[a-z]+)[- ](?:year|month|week)s?[- ]old\b", re.IGNORECASE)


def another_age(hurt: str | None, dead: str | None) -> bool:
    """"A 14-year-old was killed ... The 17-year-old was taken to a hospital": one hurt told by an age that is not
    the age of the dead told with the same word is another victim, not the dead told before he died."""
    told, died = _AGE.findall(hurt or ""), _AGE.findall(dead or "")
    return bool(told and died) and not {a.lower() for a in told} & {a.lower() for a in died}


def gapped_care(text: str, bounds, mentions: list[CountMention]) -> list[CountMention]:
    """"A six-year-old is dead and his older brother in a hospital": one told after the dead with no verb of
    his own, in care or in a grave state, is one hurt beyond them (``also``), where the sentence tells the dead
    (not a round-up's, ``background``) and no hurt; the grammar, which reads a victim by a verb, finds none."""
    dead = [m for m in mentions if m.kind == "killed" and m.count > 0 and not (m.part or m.background)]
    if not dead or any(m.kind in HURT for m in mentions):
        return []
    from .counts import CountMention  # the counts stage's own mention (it imports this module)
    from .record import Claim, Span
    first = min(m.number_span[1] for m in dead) - bounds[0]
    cues = _untold()
    for match in cues["gapped_care"].finditer(text, first):
        words = match.group(1).lower().split()
        if words not in (["another"], ["one"]) and (set(words) & cues["gapped_not"] or any(w.isdigit() for w in words)):
            continue  # "and 2 in hospital": a figure, the grammar's
        span = (bounds[0] + match.start(1), bounds[0] + match.end())
        claim = Claim(count=1, low=1, high=1, victims=match.group(1), evidence=Span(start=span[0], end=span[1]))
        return [CountMention("injured", claim, span, bounds, span, implied=True, also=True, status=True)]
    return []


def beside_the_dead(clusters, out: dict[int, list[CountMention]]) -> None:
    """"Three were found dead in the home ... A woman was also shot, but survived": one hurt told beside the dead
    (``also``) whose sentence lands on an event of its own, with no dead, belongs to the shooting that has them,
    where just one event of the article tells its own dead."""
    violent = {id(c) for c in clusters if c.lead.category.is_violent and not c.another}  # not "in a separate shooting"
    dead = [cid for cid in violent if any(cm.kind == "killed" and cm.count > 0 and not (cm.background or cm.part)
                                          for cm in out.get(cid, []))]
    if len(dead) != 1:
        return
    for cid, cms in out.items():
        if cid == dead[0] or cid not in violent or any(cm.kind == "killed" and not cm.background for cm in cms):
            continue
        moved = [cm for cm in cms if cm.kind in HURT and cm.also and cm.implied and not cm.background]
        if moved:
            out[cid] = [cm for cm in cms if cm not in moved]
            out[dead[0]].extend(moved)
