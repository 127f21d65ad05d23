"""When an event happened: the date its own words, the parse and the report's context give it, read
against the publication day (dates.py finds and resolves the date expressions; locate.py places events)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from . import lexicon
from .dating_stamp import posted_day
from .dates import vocabulary as dates_vocabulary
from .events import Mention
from .nlp import as_read, text_of
from .record import EventDate, Span, Time

if TYPE_CHECKING:
    from .assemble import Cluster


def event_date(c: Cluster, times: list[Time], published: date | None = None) -> EventDate | None:
    """The date of the event: one the parse links to a mention, else the nearest in a mention's sentence.
    A mention told as background ("after last week's attack") takes only a date linked to it. Where no
    mention's sentence has a date, the report's nearest day-precise date from around the time it was
    published ("It happened about 10:15 p.m. Friday" in the next paragraph)."""
    best, best_key = None, None
    published = posted_day(text_of(c.lead.head.doc), published) or published  # the page's first post, not its update
    times = [_post_day(c.lead.head.doc, t) or t for t in times if not _clip_line(c.lead.head.doc, t)]
    fresh: list[Time] = []  # day-precise dates from around publication that the event's own lines give
    # A shooting or an attack is told once it has happened; a protest or a meeting may be announced ahead.
    material = (c.lead.category.acled or ("",))[0] in VIOLENT_TYPES
    recent = None  # whether a mention has a date from around publication hanging on it (computed when needed)
    for n, m in enumerate(sorted(c.mentions, key=lambda m: (m.background, m.weak, m.start))):
        for t in times:
            if not (m.sent.start_char <= t.start < m.sent.end_char):
                continue
            linked = _time_linked(m, t)
            if _names_event(m, t):  # whether the parse links it or not ("were killed in the July 5 shooting")
                if recent is None:
                    recent = _recent_linked(c, times, published)
                # "the June 11, 2015, shooting": the event's date, unless it names an older shooting in a report of
                # a fresh one ("the Nov. 5, 2009, rampage at the same base" beside "shot late Wednesday")
                linked = not (_stale(t, published) and recent)
            if m.background and not linked:
                continue
            if linked and (_other_incident(m) or _came_after(m.head.doc, t)):
                continue  # "arrested in connection with an unrelated Dec. 11 incident": another incident's day
            if material and _looks_ahead(m.head.doc, t):
                continue  # "grief counselors will be on hand Wednesday": not when a shooting happened
            if _counted_from(m, t):
                continue  # "the day after the shooting" is a day counted from the event, not the event's
            # "the man who shot him was arraigned Wednesday": linked through the clause, but told on
            # An arrest or a charge merged into a shooting's mentions dates the arrest, not the shooting.
            told = _told_date(m.head.doc, t, m if m.category.acled or not material else None)
            lag = _lag_before(m, t) if material else None
            if lag is not None:  # "arrested Thursday, a day after he shot his friend": the Wednesday
                t, told, linked = lag, False, True
            if material and _ahead(t, published):
                t = _as_past(t, published)  # "police are investigating a shooting Friday": last Friday
                if t is None:
                    continue
            key = (told, t.precision != "day" or _rough(m.head.doc, t) or _unanchored(t, times), not linked,
                   not t.resolved, n, abs(t.start - m.start))
            if best_key is None or key < best_key:
                best, best_key = t, key
            if (not told and (linked or _clocked(m.head.doc, t)) and t.precision == "day" and not _stale(t, published)
                    and not _ahead(t, published)):
                fresh.append(t)
    if best is not None and not best_key[0] and not best_key[2] and best.precision == "day" and _stale(best, published):
        # "a boy was shot about 10:30 p.m. Sunday ... On Aug. 11, a girl was shot nearby": a report that leads with
        # fresh news recalls an earlier shooting by its older calendar day further down
        earlier = [t for t in fresh if t.start < best.start]
        if earlier:
            best = min(earlier, key=lambda t: t.start)
        else:  # ... or by a fresh day told with its hour before it ("the alarm sounded at 8:10 p.m. Tuesday")
            best = _fresh_clocked_before(c, times, published, best) or best
    if best is None or best_key[0] or best_key[1]:
        # A date the story was told on ("police said Thursday") or only a month or year: a
        # day-precise date from around publication near the event's lines says more.
        near = _date_in_context(c, times, published, skip=best)
        if near is not None and not (best is not None and not best_key[0] and best.precision in PERIODS
                                     and not _within(near.value, best)
                                     and (not best_key[2] or _stale(near, published))):
            month = best is not None and best.precision in PERIODS and _within(near.value, best)
            best = near  # not where the event's own month ("shot in September") says the day is another
            if month or _stale(near, published):
                best = best.model_copy(update={"note": WITHIN_NOTE if month else STALE_NOTE})
        elif near is not None and best.precision in PERIODS and _day_within(best, c, times, published) is None:
            # "shot in March ... It happened about 9 p.m. Sunday": a month the report names no day in gives no day
            # for the event; the day-precise date near its lines does
            best = near.model_copy(update={"note": STALE_NOTE}) if _stale(near, published) else near
    if best is None:
        return _publication_day(c, published)
    best = _sharper(best, times, published, c.lead.head.doc) or _day_within(best, c, times, published) or best
    best = _after_eve(c.lead.head.doc, best) or best
    if _no_day_of_fresh_news(best, published):
        # "a map of the homicides in 2014", "the third fatal shooting this week": the report names no day of its
        # event, which it tells as fresh news
        best_day = _publication_day(c, published)
        if best_day is not None:
            return best_day
    return EventDate(text=best.text, value=best.value, precision=best.precision,
                     note=best.note if best.note in (PAST_NOTE, STALE_NOTE, WITHIN_NOTE, LAG_NOTE, EVE_NOTE) else None,
                     evidence=Span(start=best.start, end=best.end))


def _no_day_of_fresh_news(best: Time, published: date | None) -> bool:
    """Is the event's date only a year before the publication's ("shot in 2015", "last year": another, older
    event's time) or the week of publication ("this week"), which give no day of a fresh report's event?"""
    if published is None or not best.value:
        return False
    if best.precision == "year":
        return best.value.isdigit() and int(best.value) < published.year
    return best.precision == "week" and _within(published.isoformat(), best)


def _fresh_clocked_before(c: Cluster, times: list[Time], published: date | None, best: Time) -> Time | None:
    """The day from around publication nearest the event's lines, where it is told with a clock time, not on a
    telling verb, and comes before ``best`` (an older calendar day linked to the event): a report of a fresh
    shooting that names its hour ("the alarm sounded at 8:10 p.m. Tuesday") and then recalls an older one by its
    calendar day ("A boy was shot near the park on Sept. 6, 2015"). None where no such day is."""
    near = _date_in_context(c, times, published, skip=best)
    doc = c.lead.head.doc
    if (near is None or near.start > best.start or _stale(near, published) or not _clocked(doc, near)
            or _told_date(doc, near)):
        return None
    return near


def _lag_before(m: Mention, t: Time) -> Time | None:
    """The day a count of days back from a told date gives the mention told right after it: "was arrested
    Thursday, a day after he shot his friend", "taken into custody Tuesday, five days after he opened fire"
    (Wednesday; the Thursday before). None where the date is not followed by such a count or the mention
    stands outside the clause the count opens."""
    if t.precision != "day" or not t.value or not t.resolved:
        return None
    text = text_of(m.head.doc)
    found = LAG.search(text, t.end, min(len(text), t.end + LAG_GAP_CHARS))
    if found is None or not (found.end() <= m.start < min(m.sent.end_char, found.end() + LAG_REACH_CHARS)):
        return None
    vocab = dates_vocabulary()
    count = (found.group("count") or "a").lower()
    days = int(count) if count.isdigit() else vocab.numbers.get(count)
    if not days:
        return None
    try:
        day = date.fromisoformat(t.value) - timedelta(days=days)
    except ValueError:
        return None
    return t.model_copy(update={"value": day.isoformat(), "end": found.end(), "text": text[t.start:found.end()],
                                "note": LAG_NOTE})


LAG_NOTE = "counted back from a later date by the days the report says the event came before it"


# ", a day after", " -- two days after": a count of days right after a date, opening the clause of an earlier event.
LAG = re.compile(r"(?:^|[,;—–-])\s*(?:just\s+|only\s+|about\s+|some\s+)?(?:(?P<count>an?|one|two|three|four|five|six|seven"
                 r"|eight|nine|ten|\d{1,2})|the)\s+days?\s+after\b", re.I)
# How far after the date the count may come ("jailed Friday on a murder charge, two days after ...") and how
# far past the count the event's word may stand ("five days after he allegedly shot up a restaurant").
LAG_GAP_CHARS, LAG_REACH_CHARS = 60, 60


def _counted_from(m: Mention, t: Time) -> bool:
    """Is the date a day counted from the mention right after it ("the day after the shooting", "the night before
    the attack")? It names another day than the event's."""
    return bool(re.search(r"\b(?:after|before)$", t.text.strip(), re.I)) and 0 <= m.start - t.end <= COUNTED_GAP_CHARS


# The most characters between "the day after" and the event's word it counts from ("the day after the shooting").
COUNTED_GAP_CHARS = 6


def _rough(doc: Doc, t: Time) -> bool:
    """Does the date give no day for an event: a count of years or months back ("three years ago", "a couple of
    months earlier"), which places an older, other event, a count of weeks the report gives only roughly ("about
    two weeks ago"), or the start of a stretch ("since Easter, eight children have been shot", "35 wounded since
    Friday night")?"""
    before = text_of(doc)[max(0, t.start - 12):t.start]
    return (bool(ROUGH.search(t.text)) or bool(SINCE.search(before))
            or bool(WEEKS_AGO.search(t.text) and APPROXIMATE.search(before)))


def _unanchored(t: Time, times: list[Time]) -> bool:
    """Is the date a day counted from another ("that night", "the night before") where the report names no day
    before it to count from? It was then counted from the publication day, which says nothing of the event."""
    words = re.sub(r"\s+", " ", t.text.lower())
    if not any(words == a or words.endswith(" " + a) for a in dates_vocabulary().anaphoric_days):
        return False  # "that night", "11 p.m. that night"
    return not any(o.precision == "day" and o.resolved and (o.end <= t.start or 0 <= o.start - t.end <= 8)
                   for o in times if o is not t)


# A count of weeks back that the report gives only roughly ("about two weeks ago", "nearly three weeks earlier").
WEEKS_AGO = re.compile(r"\bweeks?\s+(?:ago|earlier|before)\b", re.I)
APPROXIMATE = re.compile(r"\b(?:about|around|nearly|almost|roughly|some|over|more\s+than|less\s+than)\s+$", re.I)
ROUGH = re.compile(r"\b(?:years?|months?)\s+(?:or\s+so\s+)?(?:ago|earlier|before)\b", re.I)
SINCE = re.compile(r"\b(?:since|from|through|until|(?:days?|weeks?|months?)\s+(?:after|before))\s+(?:early\s+|late\s+|last\s+)?$",
                   re.I)


# ACLED event types of violence, which a report tells only once they have happened.
VIOLENT_TYPES = {"Battles", "Violence against civilians", "Explosions/Remote violence", "Riots"}


def _sharper(best: Time, times: list[Time], published: date | None, doc: Doc) -> Time | None:
    """A sharper telling of the day a vague or bare one names, elsewhere in the report: "over the weekend"
    and "7:30 p.m. Friday" (a day of that weekend); "Monday night" and "9 p.m. on Nov. 28" (a Monday within
    the weeks before publication: the weekday, read from the publication day, took the latest Monday)."""
    if best.precision != "day" or not best.value:
        return None
    vocab = dates_vocabulary()
    words = set(re.findall(r"[a-z]+", best.text.lower()))
    try:
        day = date.fromisoformat(best.value)
    except ValueError:
        return None
    weekend = any(w in best.text.lower() for w in vocab.weekend_words)
    weekday = bool(words & set(vocab.weekdays)) and not words & set(vocab.months)
    if not (weekend or weekday):
        return None
    found = None
    for t in times:
        if t is best or t.precision != "day" or not t.value or not t.resolved:
            continue
        try:
            other = date.fromisoformat(t.value)
        except ValueError:
            continue
        if other == day or (published is not None and other > published):
            continue
        t_words = set(re.findall(r"[a-z]+", t.text.lower()))
        if weekend:
            fits = -1 <= (other - day).days <= 1 and bool(t_words & set(vocab.weekdays))
        else:
            fits = (bool(t_words & set(vocab.months)) and other.weekday() == day.weekday()
                    and 0 < (day - other).days <= SHARPER_WINDOW_DAYS
                    and abs(t.start - best.start) <= SHARPER_REACH_CHARS)
        if not fits or (_told_date(doc, t) and not (weekend and _clocked(doc, t))):
            continue  # "a video posted July 10" dates the telling; "police say around 2 p.m. Sunday ..." does not
        if found is None or abs(t.start - best.start) < abs(found.start - best.start):
            found = t
    return found


def _day_within(best: Time, c: Cluster, times: list[Time], published: date | None) -> Time | None:
    """A day the report names inside the month or week the event's date only gives ("the shooting in September",
    then "It happened the afternoon of Sept. 10"): the day-precise date in that period nearest the event's
    mentions, not one the story was told on."""
    if best.precision not in ("month", "week") or not best.value:
        return None  # a year is too wide to pick a day from
    doc = c.lead.head.doc
    main = [m for m in c.mentions if not m.background] or c.mentions
    found, found_key = None, None
    for t in times:
        if t.precision != "day" or not t.value or not t.resolved or not _within(t.value, best):
            continue
        if (published is not None and t.value > published.isoformat()) or _told_date(doc, t):
            continue
        key = min(abs(t.start - m.start) for m in main)
        if found_key is None or key < found_key:
            found, found_key = t, key
    return found.model_copy(update={"note": WITHIN_NOTE}) if found is not None else None


WITHIN_NOTE = "a day the report names within the month or week the event's own words give"
STALE_NOTE = ("a calendar day the report spells out for an older event: its days from around publication "
              "tell only when the story was told or followed up")


# The periods a date linked to the event may give in place of a day.
PERIODS = ("month",)


def _within(day: str, period: Time) -> bool:
    """Does an ISO day fall in a year ("2015"), a month ("2015-09") or an ISO week ("2015-W38") value?"""
    if period.precision == "year":
        return day[:4] == period.value
    if period.precision == "month":
        return day[:7] == period.value
    try:
        year, week, _ = date.fromisoformat(day).isocalendar()
    except ValueError:
        return False
    return f"{year}-W{week:02d}" == period.value


# How far back a weekday read from the publication day may have meant an earlier one that the report dates.
SHARPER_WINDOW_DAYS = 14
# ... and only a dated day told near the weekday: a date paragraphs away ("the attack of 16 February") tells
# another event, and the weekday ("a call on Tuesday") keeps its own reading.
SHARPER_REACH_CHARS = 400


def _ahead(t: Time, published: date | None) -> bool:
    """Does a day-precise date lie after the report was published?"""
    if published is None or t.precision != "day" or not t.value:
        return False
    try:
        return date.fromisoformat(t.value) > published
    except ValueError:
        return False


def _as_past(t: Time, published: date) -> Time | None:
    """A weekday or a month and day read as the last one on or before publication ("Thursday" in a report
    whose present tense the text's reading took for next Thursday's); None for any other date ahead."""
    day = date.fromisoformat(t.value)
    words = set(re.findall(r"[a-z]+", t.text.lower()))
    vocab = dates_vocabulary()
    if words & set(vocab.weekdays):
        past = day - timedelta(days=7 * -(-(day - published).days // 7))
    elif words & set(vocab.months):
        try:
            past = day.replace(year=published.year)
            past = past if past <= published else day.replace(year=published.year - 1)
        except ValueError:
            return None
    else:
        return None
    return t.model_copy(update={"value": past.isoformat(), "note": PAST_NOTE})


PAST_NOTE = ("read as past: a report tells of a shooting or attack once it has happened, and the text's reading "
             "lay after the report")


def _publication_day(c: Cluster, published: date | None) -> EventDate | None:
    """A report that names no day for its event tells fresh news: the event takes the publication day,
    noted as such, with the event's word as evidence."""
    if published is None or not c.lead.category.acled:
        return None
    lead = c.lead
    return EventDate(text=lead.text, value=published.isoformat(), precision="day",
                     note="the publication day; the report names no day for the event",
                     evidence=Span(start=lead.start, end=lead.end))


def _date_in_context(c: Cluster, times: list[Time], published: date | None,
                     skip: Time | None = None) -> Time | None:
    """The day-precise date nearest the event's own mentions, among those no later than the
    publication and no older than the window that a report of fresh news covers; dates the story was
    told on ("police said Thursday", "Posted: May 5") only where no other is."""
    main = [m for m in c.mentions if not m.background] or c.mentions
    window = dates_vocabulary().event_context_days
    calendar_window = dates_vocabulary().event_calendar_days
    doc = main[0].head.doc
    best, best_key = None, None
    for t in times:
        if not (t.resolved and t.precision == "day" and t.value) or t is skip or _looks_ahead(doc, t):
            continue
        stale = False
        told = _told_date(doc, t) and all(_told_date(doc, t, m) for m in main
                                          if m.sent.start_char <= t.start < m.sent.end_char)
        if published is not None:
            try:
                age = (published - date.fromisoformat(t.value)).days
            except ValueError:
                continue
            stale = age > window
            if age < 0 or (stale and (told or age > calendar_window or not _calendar_day(t))):
                continue
        key = (told, stale, not _clocked(doc, t), min(abs(t.start - m.start) for m in main))
        if best_key is None or key < best_key:
            best, best_key = t, key
    return best


def _stale(t: Time, published: date | None) -> bool:
    """Does a day lie further back than the window a report of fresh news covers?"""
    if published is None:
        return False
    return (published - date.fromisoformat(t.value)).days > dates_vocabulary().event_context_days


def _calendar_day(t: Time) -> bool:
    """Is the date written as a calendar day, with its month's name ("March 9", "on Aug. 6, 2016")? A writer
    who spells out an older day gives the day of the event a follow-up story returns to."""
    vocab = dates_vocabulary()
    return bool(set(re.findall(r"[a-z]+", t.text.lower())) & set(vocab.months)) and bool(re.search(r"\d", t.text))


def _clocked(doc: Doc, t: Time) -> bool:
    """Is the date told with a clock time ("about 10:45 p.m. Friday", "Saturday at 3 p.m.")? Reports give the
    hour of the incident itself; follow-ups (a hearing, a statement) rarely carry one."""
    text = text_of(doc)
    return bool(CLOCK.search(text[max(0, t.start - 16):t.end + 16]))


CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\bnoon\b|\bmidnight\b", re.I)


def _heads(tok, steps: int = 4):
    """The tokens a date's root hangs on, nearest first, up to ``steps`` of them or the sentence's root."""
    for _ in range(steps):
        if tok.head.i == tok.i:
            return
        tok = tok.head
        yield tok


def own_date(m: Mention, t: Time) -> bool:
    """Is the date one the parse hangs on the mention's own words ("was shot on March 2"), not a date the story
    was told or followed up on ("police said Thursday") nor one ahead ("due in court Wednesday")?"""
    doc = m.head.doc
    return _time_linked(m, t) and not _told_date(doc, t, m) and not _looks_ahead(doc, t)


def _looks_ahead(doc: Doc, t: Time) -> bool:
    """Does the date hang on a verb that looks ahead ("will be on hand Wednesday", "is scheduled to appear
    Friday")? Such a date tells what is to come, never when a past event happened."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    cues = dates_vocabulary().future_cues
    for node in _heads(span.root):
        if node.pos_ in ("VERB", "AUX"):
            auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
            return bool(auxes & set(cues["modals"])) or node.lemma_.lower() in cues["prospective_own_date"]
        if node.pos_ not in ("ADP",):
            return False
    return False


def _time_linked(m: Mention, t: Time) -> bool:
    """Does the date expression hang on the mention ("the attack on Monday", "attacked on Monday")?"""
    span = m.head.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    heads = {m.head.i}
    if m.head.pos_ not in {"VERB", "AUX"}:
        verb = m.head.head
        if verb.pos_ in {"VERB", "AUX"} and m.head.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            heads.add(verb.i)
    return any(a.i in heads for a in span.root.ancestors) or span.root.i in heads


def _other_incident(m: Mention) -> bool:
    """Is the mention's noun marked as another incident than the report's ("an unrelated incident", "a separate
    shooting", "an earlier attack")?"""
    marks = lexicon.load().word_set("other_incident_marks")
    return m.head.pos_ in ("NOUN", "PROPN") and any(
        c.lower_ in marks and c.dep_ in ("det", "amod") for c in m.head.children)


def _came_after(doc: Doc, t: Time) -> bool:
    """Is the date told in the clause of an earlier incident that the event came after ("Sunday's shooting comes
    after a boy was shot on Monday night", "the attack came 10 days after a gunman killed five officers")?"""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    verbs = dates_vocabulary().sequel_verbs
    return any(a.dep_ == "advcl" and a.head.lemma_.lower() in verbs
               and any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in a.children)
               for a in span.root.ancestors)


def _told_date(doc: Doc, t: Time, mention=None) -> bool:
    """Does the date tell when the story was told or followed up rather than when its event happened: a web
    page's stamp ("Posted: Tuesday, May 5"), or a date hanging on a telling verb ("police said Thursday",
    "officials Wednesday identified the victim", "arrested him Sunday")? Not where that verb is the ``mention``
    itself."""
    vocab = dates_vocabulary()
    before = text_of(doc)[max(0, t.start - 24):t.start].lower()
    if re.search(r"\b(?:" + "|".join(re.escape(w) for w in vocab.page_stamps) + r")\s*:?\s*(?:on\s+)?$", before):
        return True
    if SIGNATURE.search(before):
        return True  # an embedded post's signature: "— A Reporter (@areporter) October 3, 2016"
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    if _stamp_line(doc, t):
        return True
    if mention is not None and _names_event(mention, t):
        return False  # "charged for the June 3 shooting": the date names the event, whatever verb tells of it
    for node in _heads(span.root):
        if node.pos_ in ("VERB", "AUX"):
            return ((node.lemma_.lower() in vocab.telling_verbs or _found_thing(node, vocab))
                    and not (mention is not None and (_tells_of(node, mention) or _told_between(node, span, mention)
                                                      or _told_past(node, span, mention))))
        if node.pos_ == "NOUN" and (node.lemma_.lower() in vocab.parts_of_day or node.lemma_.lower() == "hour"):
            continue  # "remained in jail the evening of Dec. 25", "in the early hours of Sunday": the verb tells
        if node.pos_ in ("NOUN", "PROPN"):  # "a Saturday night press conference", "Wednesday's hearing"
            # ... unless the mention's own act took place there ("the chief asked at a Sunday news conference")
            return node.lemma_.lower() in vocab.telling_nouns and not (
                mention is not None and (mention.category.acled or ("",))[0] not in VIOLENT_TYPES
                and any(a.i == mention.head.i for a in node.ancestors))
        if node.pos_ not in ("ADP",):
            return False
    return False


def _found_thing(verb, vocab) -> bool:
    """Is the verb a find of a thing, not of a victim ("detectives found a rifle", "the gun was found Monday")?"""
    return verb.lemma_.lower() == "find" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in vocab.found_things for c in verb.children)


def _told_between(verb, span, mention) -> bool:
    """Does the date stand between the mention and a telling verb after it ("one of two men shot Friday night has
    been identified", "a girl shot during an incident Sunday said ...")? A parse may hang the date on the later verb,
    but the words put it in the mention's clause."""
    return (mention.sent.start == span.sent.start and mention.head.i < span.start and verb.i >= span.end
            and not any(t.lemma_.lower() in dates_vocabulary().telling_verbs and t.pos_ in ("VERB", "AUX")
                        for t in span.doc[mention.head.i + 1:span.start]))


def _told_past(verb, span, mention) -> bool:
    """Does the date follow the event's noun in the telling verb's phrase about it ("charged with manslaughter in the
    shooting death of a teenager Thursday night", "arrested Monday in connection with the killing of a man at a home
    on March 18")? A parse may hang the date on the verb, but it closes the phrase that names the event; a date of
    the telling stands by the verb."""
    head = mention.head
    if head.tag_ == "VBG" and head.dep_ in ("amod", "compound") and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "the shooting death of a teenager": the phrase's noun stands for the event
    if head.pos_ not in ("NOUN", "PROPN") or not (verb.i < head.i < span.start) or head.sent.start != span.sent.start:
        return False
    path = list(_heads(head, 6))
    if not any(a.i == verb.i for a in path):
        return False
    for a in path:  # "in the shooting", "in connection with the shooting": the event hangs on the verb by a preposition
        if a.i == verb.i:
            break
        if a.pos_ not in ("ADP", "NOUN", "PROPN"):
            return False
        if a.pos_ == "ADP" and a.head.i == verb.i and a.lower_ == "with":
            return False  # "charged with murder Friday after shooting her son": the charge, not the event
    return not any(t.pos_ in ("VERB", "AUX") for t in span.doc[head.i + 1:span.start])


# The handle that signs an embedded social-media post, right before its date.
SIGNATURE = re.compile(r"\(@\w+\)\s*$")


def _post_day(doc: Doc, t: Time) -> Time | None:
    """A day word inside an embedded post ("fired a gun this afternoon ... — A Reporter (@areporter) February 4,
    2017"), read from the day the post's signature gives rather than from publication; None for any other date."""
    vocab = dates_vocabulary()
    offset = vocab.day_words.get(re.sub(r"\s+", " ", t.text.lower()))
    if offset is None:
        return None
    text = as_read(doc)  # cleaning blanks the signature out; the day it gives still counts
    end = text.find("\n", t.end)
    signed = POST_SIGNATURE.search(text, t.end, len(text) if end < 0 else end)
    if signed is None:
        return None
    month = vocab.months.get(signed.group("month").lower().rstrip("."))
    try:
        day = date(int(signed.group("year")), month, int(signed.group("day"))) + timedelta(days=offset)
    except (TypeError, ValueError):
        return None
    return t.model_copy(update={"value": day.isoformat(), "resolved": True})


# A post's signature later on the line: "— A Reporter (@areporter) February 4, 2017".
POST_SIGNATURE = re.compile(r"[—–-]\s*[^\n]{0,60}\(@\w+\)\s*(?P<month>[A-Z][a-z]+\.?)\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})")


def _stamp_line(doc: Doc, t: Time) -> bool:
    """Is a full date (with its year) alone on a line with no verb, or in a dateline's brackets: a page's or a
    dateline's stamp ("October 27, 2013 11:16 AM", "JAY COUNTY, Ind. (Nov. 18, 2015) —")?"""
    if not re.search(r"\b\d{4}\b", t.text):
        return False
    text = text_of(doc)
    if re.search(r"\(\s*$", text[max(0, t.start - 3):t.start]) and re.match(r"\s*\)\s*[—–-]", text[t.end:t.end + 4]):
        return True
    start = text.rfind("\n", 0, t.start) + 1
    end = text.find("\n", t.end)
    line = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    return line is not None and not any(tok.pos_ in ("VERB", "AUX") for tok in line)


def _tells_of(verb, mention) -> bool:
    """Is the telling verb the mention itself, or said of it ("the shooting that was reported Tuesday night",
    "the shooting was reported at 9 p.m.")? Then its date is the event's."""
    head = mention.head
    if verb.i == head.i or (verb.dep_ == "relcl" and verb.head.i == head.i):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i == head.i for c in verb.children)


def _names_event(m: Mention, t: Time) -> bool:
    """Does the date stand right before the event's noun, naming it ("the June 3, 2015, shooting", "Saturday's
    fatal shooting", "the Tuesday night shooting")? Then it is the event's own date, whatever verb governs the
    phrase: a parse may hang it on a telling verb ("charged for the June 3 shooting")."""
    if t.precision != "day" or not (m.head.pos_ in ("NOUN", "PROPN") or m.head.tag_ == "VBG"):
        return False  # "the 2008 murder case": a year names no day of the event
    if not 0 <= m.start - t.end <= NAMES_EVENT_GAP_CHARS:
        return False
    gap = text_of(m.head.doc)[t.end:m.start].lower()
    words = re.sub(r"^\s*(?:['’]s\b)?", "", gap).replace(",", " ").split()
    return all(w in dates_vocabulary().event_noun_modifiers for w in words)


# The most characters between a date and the event's noun it names ("Saturday's early-morning shooting").
NAMES_EVENT_GAP_CHARS = 30


def _recent_linked(c: Cluster, times: list[Time], published: date | None) -> bool:
    """Does a mention of the event have a day from around publication hanging on it, not one the story was told
    on ("shot late Wednesday afternoon")?"""
    for m in c.mentions:
        for t in times:
            if (m.sent.start_char <= t.start < m.sent.end_char and t.precision == "day" and t.value and t.resolved
                    and not _stale(t, published) and not _ahead(t, published) and _time_linked(m, t)
                    and not _told_date(m.head.doc, t, m)):
                return True
    return False


def _clip_line(doc: Doc, t: Time) -> bool:
    """Is the date on a line of a page's list of video clips, each led by its running time ("2:05 Mayor speaks at
    Tuesday's vigil Pause")? Such lines tell other stories of the site, never the report's event."""
    text = text_of(doc)
    start = text.rfind("\n", 0, t.start) + 1
    return bool(CLIP_LINE.match(text, start))


# A clip's running time opening a line, then its title (not a clock time: "10:30 p.m. Saturday, police ...").
CLIP_LINE = re.compile(r"[ \t]*\d{1,2}:\d\d[ \t]+(?![AaPp]\.?[Mm]\b|NOON\b|Noon\b)[A-Z0-9\"'‘“]")


def _after_eve(doc: Doc, best: Time) -> Time | None:
    """The next day for an event dated by a holiday eve's party ("shot at a New Year's Eve party"): such parties
    run past midnight, and the shooting at one falls in the small hours of the day after. None where the date is
    no such eve, the eve names no party, or an evening clock time goes with it ("at 9 p.m. on New Year's Eve")."""
    if best.precision != "day" or not best.value:
        return None
    words = re.sub(r"\s+", " ", best.text.lower().replace("’", "'")).strip()
    parties = next((v for k, v in dates_vocabulary().eve_parties.items() if words.endswith(k)), None)
    if parties is None:
        return None
    text = text_of(doc)
    after = text[best.end:best.end + 40].lower().split()[:2]  # "party", "party bus", "costume party"
    if not any(w.strip(".,;:") in parties for w in after):
        return None
    if EVENING_CLOCK.search(text[max(0, best.start - 40):best.end + 40]):
        return None
    try:
        day = date.fromisoformat(best.value) + timedelta(days=1)
    except ValueError:
        return None
    return best.model_copy(update={"value": day.isoformat(), "note": EVE_NOTE})


EVE_NOTE = "the day after a holiday eve: the eve's party runs past midnight, and its shooting falls in the small hours"
# An evening hour told with the eve ("about 9 p.m. on New Year's Eve"): the event stays on the eve.
EVENING_CLOCK = re.compile(r"\b(?:[5-9]|1[01])(?::\d\d)?\s*(?:p\.m\.|pm\b)|\bevening\b", re.I)
