"""Counts on events: which event each casualty figure joins, and the claims each event's toll is made of.

``attach_counts`` gives each figure to the event it is told of; ``tally`` chooses an event's claims of one
kind (``counts.summarise`` turns them into its ``Counts``); ``share_tolls`` mends one shooting told as two
events. ``assemble`` calls them.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import yaml

from . import count_hurt as hurt_ops
from . import count_hurt_over as hurt_over
from . import count_hurt_parts as hurt_parts
from .count_deaths import ORDINALS
from .counts import CountMention, as_parts, parse_number, summarise
from .nlp import text_of
from .numbers import vocab
from .record import Claim, Event

_GENERIC = {"people", "persons", "person", "dead", "killed", "victims", "others", "of", "them", "the", "at", "least",
            "more", "than", "a", "all"}

_PRONOUNS = {"he", "she", "him", "her", "himself", "herself", "they", "them"}
# Non-violent events whose tolls are counted too (people hurt at a protest, people arrested).
COUNTED_KEYS = {"protest", "riot", "mob", "arrest", "protest_force", "protest_intervention"}
# Figures of the dead and the hurt.
CASUALTY_KINDS = {"killed", "injured", "shot", "casualties"}


@lru_cache(maxsize=1)
def _data() -> dict:
    """data/tolls.yaml, loaded once."""
    data = yaml.safe_load(resources.files("sitrep").joinpath("data/tolls.yaml").read_text("utf-8"))
    data["murder_suicide"] = re.compile(data["murder_suicide"], re.IGNORECASE)
    data["not_counted"] = set(data["not_counted"])
    data["mourning"] = re.compile(data["mourning"], re.IGNORECASE)
    data["harm"] = re.compile(data["harm"], re.IGNORECASE)
    data["partitive"] = re.compile(data["partitive"], re.IGNORECASE)
    return data


def share_tolls(ordered) -> Event | None:
    """One shooting told as two events ("the slaying" in the headline, "the shooting" in the story): the
    article's lead conflict event, told with no toll at all, takes the tolls of the one other violent event
    that has any, where that event is told in the story's own time (not as background)."""
    violent = [(ev, c) for ev, c in ordered if c.lead.category.is_violent]
    lead = next((ev for ev, c in violent if ev.acled and ev.acled.sub_event_type), None)
    if lead is None or lead.fatalities is not None or lead.injured is not None:
        return None
    donors = [(ev, c) for ev, c in violent if ev is not lead and (ev.fatalities or ev.injured)]
    if len(donors) != 1 or not any(not m.background and not m.weak for m in donors[0][1].mentions):
        return None
    donor = donors[0][0]
    if lead.date and donor.date and lead.date.value != donor.date.value:
        return None  # told of another day: another shooting
    for kind in ("fatalities", "injured"):
        if getattr(donor, kind) is not None:
            setattr(lead, kind, getattr(donor, kind).model_copy(deep=True))
    return lead


def on_its_day(counts: list[CountMention], times, when, text: str | None = None) -> list[CountMention]:
    """A death told beside a date days before the event's ("On Nov. 1, a boy was fatally shot"; "the vigil
    was for a man killed last month") is an earlier shooting's, not this one's toll. A headline's stays: it
    tells what the story is about ("Toddler dies after shooting himself last week")."""
    day = _day(when.value) if when is not None and when.precision == "day" and when.value else None
    if day is None:
        return counts
    earlier, alone = set(), set()
    for cm in counts:
        if cm.kind != "killed" or cm.headline:
            continue
        ends = [_last_day(t) for t in times if t.resolved and t.value and cm.sentence[0] <= t.start < cm.sentence[1]]
        if any(e is not None and (day - e).days > _data()["earlier_days"] for e in ends):
            earlier.add(cm.sentence)
        elif text is not None and _after_earlier(cm, times, day, text):
            earlier.add(cm.sentence)
        elif _beside_own_day(cm, times, day, text) or text is not None and _mourned(cm, ends, day, text):
            alone.add(id(cm))  # the sentence tells the event's own victims too: only this death goes
    # the dead of an earlier day go, and those shot with them ("was shot and died in July"); a figure of the
    # hurt alone stays, as the event's own date may be the later day a story was told on
    return [cm for cm in counts if not (cm.sentence in earlier and cm.kind in ("killed", "shot")) and id(cm) not in alone]


def _beside_own_day(cm: CountMention, times, day: date, text: str | None) -> bool:
    """"A crowd gathered Monday where a man was shot and killed Sunday": a sentence that tells the event's own day
    and an earlier one tells the death by the date nearest its verb; an earlier one there is another shooting's."""
    told = [(t, _last_day(t)) for t in times if t.resolved and t.value and t.precision == "day"
            and cm.sentence[0] <= t.start < cm.sentence[1]]
    if len(told) < 2 or not any(e == day for _, e in told):
        return False
    near = _data()["date_near"]
    # "was killed Sunday" (in the verb's own clause) before "On Sunday, ..."
    after = [p for p in told if 0 <= p[0].start - cm.trigger[1] <= near
             and (text is None or not re.search(r"[,;]", text[cm.trigger[1]:p[0].start]))]
    before = [p for p in told if 0 <= cm.trigger[0] - p[0].end <= near]
    if not after and not before:
        return False
    end = min(after, key=lambda p: p[0].start)[1] if after else max(before, key=lambda p: p[0].end)[1]
    return end is not None and 0 < (day - end).days <= _data()["earlier_days"]


def _mourned(cm: CountMention, ends: list[date | None], day: date, text: str) -> bool:
    """"The vigil was for a man who was killed Sunday", in a story of a shooting on Monday: one mourned, told
    beside a day before the event's own, died before it (at the vigil's own shooting no one died)."""
    return bool(_data()["mourning"].search(text, cm.sentence[0], cm.sentence[1])) and \
        any(e is not None and 0 < (day - e).days for e in ends)


def _after_earlier(cm: CountMention, times, day: date, text: str) -> bool:
    """"Two brothers were shot last month. ... David was killed.": a death told with no date of its own, where the
    last date told before it (within reach, below the headline) is an earlier day told beside words of harm, is of
    that day ("bought the gun last week", "a hearing Tuesday" tell no other shooting)."""
    if cm.fallback or any(t.resolved and cm.sentence[0] <= t.start < cm.sentence[1] for t in times):
        return False  # "he faces two counts of murder": the charges of the case told, whenever it was
    told = [t for t in times if t.value and cm.sentence[0] - _data()["reach"] <= t.start < cm.sentence[0]]
    if not told or text.find("\n") > told[-1].start:
        return False
    last = max(told, key=lambda t: t.start)
    start = max(text.rfind(". ", 0, last.start), text.rfind("\n", 0, last.start)) + 1
    end = text.find(". ", last.end)
    said = text[start:end if 0 <= end < cm.sentence[0] else cm.sentence[0]]
    end_day = _last_day(last) if last.resolved else None
    return end_day is not None and (day - end_day).days > _data()["earlier_days"] and bool(_data()["harm"].search(said))


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _last_day(t) -> date | None:
    """The last day a resolved date expression can mean: the day, the week's Sunday, the month's or year's end."""
    value = t.value
    try:
        if t.precision == "day":
            return date.fromisoformat(value[:10])
        if t.precision == "week":
            year, week = value.split("-W")
            return date.fromisocalendar(int(year), int(week[:2]), 7)
        if t.precision == "month":
            year, month = int(value[:4]), int(value[5:7])
            return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        if t.precision == "year":
            return date(int(value[:4]), 12, 31)
    except (ValueError, IndexError):
        return None
    return None


def partitives(counts: list[CountMention], text: str) -> list[CountMention]:
    """"One of those killed was a nurse", told beside "13 people were killed": a figure taken out of a
    larger one is a part of the toll, not a claimant's toll of its own. Told alone ("one of the two guards
    shot has died") it stays the toll."""
    def taken(cm: CountMention) -> bool:
        return not cm.implied and bool(_data()["partitive"].match(text, cm.number_span[1]))
    out = []
    for cm in counts:
        if cm.kind == "killed" and taken(cm) and any(m.kind == cm.kind and m.count > cm.count and not m.implied and not m.part
                             and not m.background and not taken(m) and not _whole(m, cm) for m in counts):
            cm = dataclasses.replace(cm, part=True)
        out.append(cm)
    return out


def _whole(m: CountMention, part: CountMention) -> bool:
    """The figure a part is taken from in its own phrase: the two of "one of the two guards"."""
    return m.sentence == part.sentence and 0 < m.number_span[0] - part.number_span[1] <= 12


def lone_self_deaths(counts: list[CountMention], text: str) -> list[CountMention]:
    """"A teen fatally shot herself", told beside "Bronx teen fatally shot": where the story tells no one else
    hit by the one who died by their own hand (no murder-suicide, no victims in the sentence of the act),
    that death is the victim's, already in the toll, and not one more."""
    own = [cm for cm in counts if cm.own]
    others = [cm for cm in counts if cm.kind == "killed" and not cm.own]
    if not own or not others or any(cm.count != 1 for cm in others) or _data()["murder_suicide"].search(text):
        return counts
    hit = {cm.sentence for cm in counts if cm.kind in CASUALTY_KINDS and not cm.own}
    if any(cm.sentence in hit for cm in own):
        return counts  # "shot his wife before turning the gun on himself"
    return [cm for cm in counts if not cm.own]


def _includes_killer(extra: CountMention, toll: list[CountMention]) -> bool:
    """"5 dead, including the gunman", "three dead in a murder-suicide": the killer's own death is already in the
    toll."""
    return _killer(extra) and any(m.includes_killer or m.everyone for m in toll)


def _killer(cm: CountMention) -> bool:
    """The killer's own death: by his own hand ("then turned the gun on himself") or by police ("officers
    shot and killed the gunman"); one death beyond those of his victims, told once."""
    return cm.own or (cm.perpetrator and cm.kind == "killed")


def _takes(cm: CountMention, m) -> bool:
    """The dead and the hurt are told of a violent event or a protest, not of an arrest ("police arrested a
    man. The victim was pronounced dead at the scene." gives the death to the shooting)."""
    if cm.kind in CASUALTY_KINDS:
        return m.category.key not in _data()["takes_no_casualties"]
    return True


def attach_counts(clusters, counts: list[CountMention]) -> dict[int, list[CountMention]]:
    """Each count goes to the event it is told of: the nearest event mention in its sentence, else the
    event of the sentence before (a toll told in its own sentence: "Three soldiers died."). The dead and
    the hurt go to an event that can have them, where one is near, before an arrest."""
    out: dict[int, list[CountMention]] = {}
    every = [(c, m) for c in clusters for m in c.mentions
             if m.category.is_violent or m.category.key in COUNTED_KEYS]
    orphans: list[CountMention] = []
    for cm in counts:
        fitting = [(c, m) for c, m in every if _takes(cm, m)]
        c = _nearest(cm, fitting, ahead=True) if len(fitting) < len(every) else None
        c = c if c is not None else _nearest(cm, every)
        if c is None:
            orphans.append(cm)
        else:
            out.setdefault(id(c), []).append(cm)
    _adopt_orphans(every, orphans, out)
    hurt_ops.beside_the_dead(clusters, out)
    return out


def _nearest(cm: CountMention, countable, ahead: bool = False):
    """The event of the nearest mention in the count's sentence, else of the sentence before it (or of the
    first one after, for a headline told before the story's first mention, or ``ahead``), within reach."""
    pos = cm.number_span[0]
    same = [(abs(m.start - pos), c) for c, m in countable if m.sent.start_char <= pos < m.sent.end_char]
    if same:
        return min(same, key=lambda p: p[0])[1]
    before = [(m.sent.end_char, c) for c, m in countable if m.sent.end_char <= cm.sentence[0]]
    if before:
        end, c = max(before, key=lambda p: p[0])
        if cm.sentence[0] - end < _data()["reach"] and not _brief_heading(cm, [end], text_of(countable[0][1].sent.doc)):
            return c
    if not before or ahead:  # a headline toll ("4 adults, 1 child shot") told before the story's first mention
        after = [(m.sent.start_char, c) for c, m in countable if m.sent.start_char >= cm.sentence[1]]
        if after and min(after, key=lambda p: p[0])[0] - cm.sentence[1] < _data()["reach"]:
            return min(after, key=lambda p: p[0])[1]
    return None


def _adopt_orphans(countable, orphans: list[CountMention], out: dict[int, list[CountMention]]) -> None:
    """A toll told far from any event mention ("He died at the hospital." three paragraphs on) goes to
    the article's lede event (its earliest violent mention) where that event has no toll of the kind
    told in its own sentences and the article tells only one violent event."""
    violent = {id(c): c for c, m in countable if m.category.is_violent}
    if len(violent) != 1 or not orphans:
        return
    (cid, c), = violent.items()
    start = c.first.start
    have = {cm.kind for cm in out.get(cid, []) if not cm.part}
    text = text_of(c.first.sent.doc)
    told = [m.sent.end_char for m in c.mentions]
    for cm in orphans:
        if cm.number_span[0] > start and cm.kind not in have and not _brief_heading(cm, told, text):
            out.setdefault(cid, []).append(cm)

def _brief_heading(cm: CountMention, told: list[int], text: str) -> bool:
    """"Death of toddler probed in West Allis", a line of its own with no closing stop between the event's last
    mention and a toll told far below it: the heading of another brief in a round-up, whose toll is not this
    event's."""
    last = max((end for end in told if end <= cm.sentence[0]), default=None)
    if last is None:
        return False
    before = ""  # a heading follows a paragraph of the story told to its end
    for line in text[last:cm.sentence[1]].split("\n")[1:]:
        line = line.strip()
        if not line:
            continue
        words = line.split()
        if len(words) >= 3 and len(line) <= _data()["heading_most"] and line[:1].isupper() and "|" not in line \
                and not _STOPPED.search(line) and _STOPPED.search(before):
            return True
        before = line
    return False


_STOPPED = re.compile(r"[.!?:;,\"'\u201d)]$")


def tally(counts: list[CountMention], kind: str) -> list[Claim]:
    """The claims of one kind for one event: a publisher's coding note wins; otherwise the first
    sentence that gives a definite figure, its figures summed per claimant ("4 soldiers and 2
    civilians"), plus victims said to be "also" killed later on."""
    coded = [cm.claim for cm in counts if cm.coded and cm.kind == kind]
    if coded:
        return coded[:1]
    useful = [cm for cm in counts if cm.kind == kind and not cm.part and not cm.vague]
    useful = [cm for cm in useful if not cm.background]  # a running total is not this event's toll
    useful = [cm for cm in useful if not _not_counted(cm)]
    if any(not cm.fallback for cm in useful):  # "a fatal shooting" tells a toll only where none is told
        useful = [cm for cm in useful if not cm.fallback]
    else:  # the one that tells most: "two counts of murder" over "a fatal shooting"
        useful = sorted(useful, key=lambda cm: -cm.claim.count)[:1]
    if any(not cm.status for cm in useful):  # "two remain in hospital" counts the hurt only where no other figure does
        # ("a fourth victim was taken to a hospital" is one more, whatever its state)
        useful = [cm for cm in useful if not cm.status or cm.also and cm.ordinal]
    if any(not cm.bomber for cm in useful):  # a told toll may or may not count the bomber: keep it as told
        useful = [cm for cm in useful if not cm.bomber]
    if kind == "killed":  # the dead only: the hurt keep their own rules (counts.py, injured())
        useful = [cm for cm in useful if not _whole_of_part(cm, useful)]
    if not useful:
        return []
    figured = {cm.sentence for cm in useful if not cm.implied and not cm.also}
    if figured:  # a figure outweighs victims told one by one in sentences without one
        # (the killer's own death told on its own, "the gunman was killed by police", is one more)
        useful = [cm for cm in useful if not cm.implied or cm.also or cm.sentence in figured or _killer(cm)]
        # beside a figure in its sentence, a victim told alone adds to it only where they share the
        # verb ("a man and two women were killed"), not in a clause of its own ("five were shot; Ray
        # Pugh, 28, was shot in the leg")
        triggers = {(cm.sentence, cm.trigger) for cm in useful if not cm.implied and not cm.also}
        useful = [cm for cm in useful if not cm.implied or cm.also or (cm.sentence, cm.trigger) in triggers
                  or cm.perpetrator]
    per_source: dict[str | None, list[CountMention]] = {}
    first: dict[str | None, tuple[int, int]] = {}
    extra: list[CountMention] = []
    # a headline with a figure sums up the story ("1 dead, 2 hurt"): victims told "also" below are in its toll,
    # the killer's own death too ("2 dead in murder-suicide"); other claimants' tolls still take them
    summed = any(cm.headline and not cm.implied and cm.kind in ("killed", "injured", "shot") for cm in counts)
    for cm in sorted(useful, key=lambda cm: cm.sentence):
        src = cm.claim.source
        if (cm.also or _killer(cm)) and src not in first and per_source:
            extra.append(cm)  # victims beyond the toll, whoever tells them, add to every claimant's toll
            continue
        first.setdefault(src, cm.sentence)
        if cm.sentence == first[src]:
            per_source.setdefault(src, []).append(cm)
        elif cm.also or _killer(cm):  # the killer's death, told on its own ("police shot and killed the gunman")
            extra.append(cm)
    # the killer's death one claimant tells beside its figure is one more beside every other claimant's figure
    extra += [m for ms in per_source.values() for m in ms if _killer(m) and len(per_source) > 1]
    stated = [src for src, ms in per_source.items() if any(not m.implied for m in ms)]
    if stated:  # victims told one by one give no toll of their own beside a claimant's figure
        extra += [m for src, ms in per_source.items() if src not in stated for m in ms if _killer(m)]
        per_source = {src: ms for src, ms in per_source.items() if src in stated}
    elif len(per_source) > 1:  # victims told one by one: the sentence that tells the most of them
        most = max(per_source, key=lambda src: sum(m.count for m in per_source[src]))
        per_source = {most: per_source[most]}
    if kind == "killed":
        per_source = {src: _one_verb(ms) for src, ms in per_source.items()}
    owns = [m for m in extra if _killer(m)]
    extra = [m for m in extra if not _killer(m)] + owns[:1]  # the killer dies once, however often told
    out = []
    for mentions in per_source.values():
        if summed and mentions[0].headline:  # the headline's toll: the killer is in it where it counts the dead
            everyone = all(_generic(m.claim.victims) for m in mentions)  # alone ("2 dead"), not his victims
            killer = [m for m in extra if _killer(m) and not everyone
                      and not any(_killer(t) or t.includes_killer or t.everyone for t in mentions)]
            mentions = mentions + killer[:1]
            out.extend(as_parts([m.claim for m in mentions]))
            continue
        told = {m.number_span for m in mentions}
        told_count = sum(m.claim.total if m.claim.total is not None else m.claim.count for m in mentions)
        figures = {m.claim.count for m in mentions if not m.implied}
        own = [m for m in extra if m.number_span not in told and not _includes_killer(m, mentions)
               and not (_killer(m) and any(_killer(t) or _names_killer(t) for t in mentions))
               and not 0 < m.ordinal <= told_count
               and (m.implied or m.claim.count not in figures)]  # "also injured three others": the three again
        src = mentions[0].claim.source  # victims told by others join this claimant's toll as its own claims
        out.extend(as_parts([m.claim for m in mentions] + [m.claim.model_copy(update={"source": src}) for m in own]))
    return _nth_dead(out, useful, counts) if kind == "killed" else out


def _nth_dead(claims: list[Claim], useful: list[CountMention], counts: list[CountMention]) -> list[Claim]:
    """"A third person has died", "5th victim dies": the dead told by their rank are at least that many. The
    rank counts the hurt too where any are told before it ("two were wounded and a third was killed")."""
    hurt = min((cm.number_span[0] for cm in counts if cm.kind in hurt_ops.HURT), default=None)
    nth = max((m.ordinal for m in useful if m.ordinal and (hurt is None or m.number_span[0] < hurt)), default=0)
    if not claims or nth <= max(c.total if c.total is not None else c.count for c in claims):
        return claims
    return [c.model_copy(update={"total": max(nth, c.total if c.total is not None else c.count)}) for c in claims]

def _whole_of_part(cm: CountMention, mentions: list[CountMention]) -> bool:
    """"One of the two firefighters shot has died": the two are those the one is taken from, not the toll."""
    for m in mentions:
        if m.sentence != cm.sentence or m is cm or not m.count < cm.count or m.number_span[0] >= cm.number_span[0]:
            continue
        words = (m.claim.victims or "").lower().replace(",", " ").split()
        if any((parse_number(w) or (None,))[0] == cm.count for w in words):
            return True
    return False


def _one_verb(mentions: list[CountMention]) -> list[CountMention]:
    """Victims told one by one, with no figure, under different verbs of one sentence ("charged in the
    shooting death of a teen, he cried after his friend died") are one victim told twice; those that share
    a verb ("a man and a woman were killed") are each one more."""
    if len(mentions) < 2 or not all(m.implied and not _killer(m) for m in mentions):
        return mentions
    verbs: dict[tuple[int, int], list[CountMention]] = {}
    for m in mentions:
        verbs.setdefault(m.trigger, []).append(m)
    if len(verbs) < 2:
        return mentions
    return max(verbs.values(), key=lambda ms: sum(m.count for m in ms))


def _names_killer(cm: CountMention) -> bool:
    """"One suspect shot to death": a figure of the dead that counts the one who did it."""
    words = set((cm.claim.victims or "").lower().replace(",", " ").split())
    return bool(words & set(vocab().data["perpetrator_nouns"]))


def _not_counted(cm: CountMention) -> bool:
    """"an unborn child" told as one of the dead: not a person killed."""
    words = set((cm.claim.victims or "").lower().replace(",", " ").split())
    return cm.implied and bool(words & _data()["not_counted"])


def _others(victims: str | None) -> bool:
    """"3 others", "two other men": victims told as beyond those told before them."""
    return any(w in ("other", "others") for w in (victims or "").lower().split())


def _generic(victims: str | None) -> bool:
    """"2 dead", "three people": a toll that names no victims apart from the killer."""
    words = set((victims or "").lower().replace(",", " ").replace("-", " ").split()) - _GENERIC
    return all(parse_number(w) is not None or not w.isalpha() for w in words)


def injured(counts: list[CountMention]) -> list[Claim]:
    """The hurt of one event: the figure of the injured, or those shot and not killed; where the shot are
    told first ("3 adults, 5 minors shot" in the headline, "a shooting that injured 3" in a caption after),
    the shot, told where the story is summed up, are the toll."""
    counts = _group_parts(_self_shot_dead(counts))
    if _dead_told_again(counts):
        return []
    return _state_floor(counts, _hurt_or_shot(counts))


def _hurt_or_shot(counts: list[CountMention]) -> list[Claim]:
    hurt = tally(counts, "injured")
    shot = injured_from_shot(counts)
    joined = _told_together(counts, hurt, shot) if hurt and shot else []
    if joined:
        return joined
    if hurt and shot and hurt_ops.figure_over_named(counts, hurt, shot):
        return shot  # "Roby was injured ... Three others were also shot": the figure tells more
    states = {(cm.claim.evidence.start, cm.claim.evidence.end) for cm in counts if cm.status}
    if hurt and shot and all((c.evidence.start, c.evidence.end) in states for c in hurt):
        return shot  # "four were shot; two remain in hospital with injuries": the shot are the hurt
    if hurt and shot and hurt_over.others_beside_dead(counts, hurt, shot):
        return hurt  # "four shot, one dead" over "one woman died and four others were hurt": four hurt
    figures = {cm.number_span for cm in counts if cm.kind == "shot" and not cm.implied and not cm.status}
    if hurt and shot and min(c.evidence.start for c in shot) < min(c.evidence.start for c in hurt) and any(
            s <= c.evidence.start < e or c.evidence.start <= s < c.evidence.end for c in shot for s, e in figures) \
            and not hurt_parts.all_shot_hurt(hurt, shot):  # "Four shot, 1 dead ... four others were injured": 4
        return shot
    return hurt or shot


def _state_floor(counts: list[CountMention], toll: list[Claim]) -> list[Claim]:
    """"A man was shot on Elm Street ... Two men remain in the hospital": a figure told by the state of the hurt
    counts some of them, so there are at least that many; where the toll counts fewer, that figure is the toll
    (for those taken to care, "shot", only where no death is told)."""
    dead = any(cm.kind == "killed" and cm.count > 0 and not cm.background for cm in counts)
    states = [cm for cm in counts if cm.status and not (cm.implied or cm.part or cm.vague or cm.background)
              and (cm.kind == "injured" or cm.kind == "shot" and not dead) and cm.count <= _data()["state_floor_most"]]
    states += hurt_ops.whole_groups(counts, dead)  # "the four victims were taken to hospital": four
    best = summarise(toll).best if toll else 0
    named = hurt_ops.named_in_care(counts, dead)  # "Ann Lee and Ray Cruz were taken to the hospital": two
    if len(named) > max([best or 0] + [cm.count for cm in states]):
        return as_parts([cm.claim for cm in named])
    if not states:
        return toll
    most = max(states, key=lambda cm: cm.count)
    return [most.claim] if most.count > (best or 0) else toll


def _dead_told_again(counts: list[CountMention]) -> bool:
    """"A boy was shot Friday ... he was in critical condition ... he died Saturday": where a death is told and
    the hurt are told only by "he" or "she", never named, they are the dead told before they died."""
    hurt = [cm for cm in counts if cm.kind in hurt_ops.HURT and cm.count > 0 and not (cm.part or cm.background)]
    dead = [cm for cm in counts if cm.kind == "killed" and cm.count > 0 and not (cm.part or cm.background or cm.own)]
    return bool(hurt and dead) and all(cm.implied and not cm.also and ((cm.claim.victims or "").lower() in _BARE
                                                                       or _named_dead(cm, dead)) for cm in hurt)


def _named_dead(hurt: CountMention, dead: list[CountMention]) -> bool:
    """"A girl, 3, dies after a shooting ... the young girl was injured by a firearm": one hurt told as one known
    already ("the girl", a name), whose last word is a word of the dead's own, is the dead told before she died;
    not one told anew ("an 8-year-old girl"), as another ("the other girl") or by kin ("his brother", "the boy's
    father")."""
    told = (hurt.claim.victims or "").split()
    if not told or _others(hurt.claim.victims) or told[0].lower() != "the" and not _name(told) \
            or any(w.lower() in ORDINALS or re.fullmatch(r"\d+(?:st|nd|rd|th)", w.lower()) for w in told):
        return False  # "the second victim": one more
    head = told[-1].lower()
    if "'" in hurt.claim.victims or "\u2019" in hurt.claim.victims:
        return False
    if head in _data()["the_one_victim"]:  # "the victim", where one died and no other hurt is told
        return all(d.count == 1 for d in dead) and told[0].lower() == "the"
    if head in _data()["not_the_victim"]:
        return False
    return any(head in re.findall(r"[a-z][a-z-]*", (d.claim.victims or "").lower())
               and not hurt_ops.another_age(hurt.claim.victims, d.claim.victims) for d in dead)


def _name(words: list[str]) -> bool:
    """"Hart", "Jo Ann Smith": a victim told by name alone."""
    return all(w[:1].isupper() and w.isalpha() for w in words) and words[0].lower() not in _PRONOUNS | {"a", "an"}


_BARE = ("he", "she", "him", "her")


def _self_shot_dead(counts: list[CountMention]) -> list[CountMention]:
    """"A student shot himself ... took his own life": where a death by one's own hand is told, one told as having
    shot or hurt himself is that death, not one hurt."""
    if not any(cm.own and cm.kind == "killed" for cm in counts):
        return counts
    return [cm for cm in counts if not (cm.kind in hurt_ops.HURT and cm.implied
                                        and (cm.claim.victims or "").lower() in ("himself", "herself"))]


def _group_parts(counts: list[CountMention]) -> list[CountMention]:
    """"Five were wounded ... Both women were listed in fair condition": a group told as "both", "the two" or "all
    three" is every one of a group, so where a larger figure of the hurt is told it is a part of that toll, not a
    claimant's toll of its own."""
    figures = [cm.claim.total if cm.claim.total is not None else cm.count for cm in counts
               if cm.kind in hurt_ops.HURT and not (cm.part or cm.vague or cm.background or cm.status
                                                          or cm.implied)]
    most = max(figures, default=0)
    return [dataclasses.replace(cm, part=True) if cm.group and not cm.part and cm.count < most else cm
            for cm in counts]


def _told_together(counts: list[CountMention], hurt: list[Claim], shot: list[Claim]) -> list[Claim]:
    """"2 shot, 4 others grazed", "a boy was grazed and a woman was shot": the hurt and the shot told as parts
    of one sentence's toll, of other victims each, are one toll (none where they share no sentence)."""
    where = {(cm.claim.evidence.start, cm.claim.evidence.end): cm for cm in counts}
    told = [where.get((c.evidence.start, c.evidence.end)) for c in hurt + shot]
    if any(cm is None or cm.status or cm.also for cm in told) or len({cm.sentence for cm in told}) != 1:
        return []
    if any(cm.implied and (cm.claim.victims or "").lower() in _PRONOUNS for cm in told):
        return []  # "a girl was hospitalized after she shot herself": one victim told twice
    if not all(cm.implied for cm in told) and not any(_others(cm.claim.victims) for cm in told):
        return []  # "five were shot, two were wounded critically": the wounded may be some of the shot
    total = max(c.total if c.total is not None else c.count for c in hurt) + \
        max(c.total if c.total is not None else c.count for c in shot)
    return [c.model_copy(update={"total": total}) for c in hurt + shot]


def injured_from_shot(counts: list[CountMention]) -> list[Claim]:
    """"Five people were shot, two fatally": those shot and not killed were hurt. The killer's own death
    ("then turned the gun on himself") is not one of those he shot; "three others were shot" are hit
    besides the dead."""
    shot = tally(counts, "shot")
    if not shot:
        return []
    killed = tally([cm for cm in counts if not _killer(cm)], "killed")
    dead = max((c.total if c.total is not None else c.count for c in killed), default=0)
    told = {(c.evidence.start, c.evidence.end) for c in killed}
    if any(cm.includes_killer and (cm.claim.evidence.start, cm.claim.evidence.end) in told for cm in counts):
        dead -= 1  # "5 dead, including the gunman": he was not one of those he shot
    beyond = {(cm.claim.evidence.start, cm.claim.evidence.end) for cm in counts if cm.kind == "shot" and cm.also}
    if all((c.evidence.start, c.evidence.end) in beyond for c in shot):
        dead = 0  # "three others were also shot": hit besides the dead
    own = {}  # "5 shot, 1 fatally, police say": the shot less the dead the same claimant tells, where it tells any
    for c in killed:
        own[c.source] = max(own.get(c.source, 0), c.total if c.total is not None else c.count)
    out = []
    for c in shot:  # each figure as stated; its total is the hurt it implies
        others = c.victims is not None and any(w in ("other", "others") for w in c.victims.lower().split())
        mine = min(own[c.source], dead) if c.source in own and len(own) > 1 else dead
        hurt = (c.total if c.total is not None else c.count) - (0 if others else mine)
        if hurt > 0:
            out.append(c.model_copy(update={"total": hurt}))
    return out
