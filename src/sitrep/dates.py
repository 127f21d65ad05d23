"""Date and time expressions: find them in a text and resolve them to ISO values.

``find_times(text, published, doc=None)`` returns one :class:`~sitrep.record.Time`
per date expression, with a character span into ``text``. Absolute dates
("25 February 2021", "2021-02-25") resolve on their own; relative ones
("Thursday", "yesterday", "last week", "on 16 February") resolve against the
publication date and, for anaphoric ones ("the next day"), against the last
day mentioned before them.

Value conventions (``Time.value`` is an ISO string whose shape shows the
precision):

=========  ==============  ===========================================
precision  value           read from
=========  ==============  ===========================================
day        ``2021-02-25``  dates, weekdays, today/yesterday, "two days ago",
                           holidays (US ones too: "Easter Sunday", "MLK
                           Day"), "the weekend" (its Saturday)
week       ``2021-W08``    "this/last/next week", "a few days ago"
                           (the ISO week holding publication minus 3 days)
month      ``2021-02``     "March 2020", "in March", "last month",
                           "a few weeks ago"
year       ``2021``        "in 2015", "last year", "months ago"
=========  ==============  ===========================================

Conventions for the choices a reader makes silently:

* A bare weekday is the most recent such day on or before publication (news
  reports the past), unless its clause speaks of the future ("will meet
  Friday"; a present-tense telling verb, "police say ... Sunday", does not),
  then the first such day on or after publication. "last Friday"
  is strictly before, "next Friday" strictly after.
* A day and month without a year ("Feb. 25", "on 16 February") and a bare month
  ("in March") take the year that puts them nearest to publication; a weekday
  written beside the date ("Friday, Oct. 23") picks the year where it fits.
* Counted offsets ("11 days ago", "a year earlier", "two weeks ago") are the
  same calendar day that many units before (or after) publication, day
  precision, as news annotation (TimeML) does.
* Without a publication date, relative expressions come back with
  ``resolved=False``, ``value=None`` and ``note="no publication date"``.

The vocabulary (month and weekday names, relative words and their offsets,
holidays, cue words) lives in ``data/dates.yaml``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable

import yaml

from .dating_stamp import posted_day
from .errors import DataError, MalformedRecord
from .record import Time

VERSION = "dates-9"
NO_PUBLISHED = "no publication date"

__all__ = ["find_times", "resolve", "parse_published", "vocabulary", "NO_PUBLISHED"]


# --------------------------------------------------------------------------- vocabulary


@dataclass(frozen=True)
class Vocabulary:
    """The contents of ``data/dates.yaml``, keyed by lower-case words."""

    months: dict[str, int]
    weekdays: dict[str, int]
    weekday_short: frozenset[str]
    day_words: dict[str, int]
    parts_of_day: tuple[str, ...]
    soft_modifiers: tuple[str, ...]
    weekday_modifiers: dict[str, str]
    anaphoric_days: dict[str, int]
    relative_periods: dict[str, tuple[str, int]]
    weekend_words: dict[str, str]
    numbers: dict[str, int]
    units: tuple[str, ...]
    offset_directions: dict[str, int]
    vague_offsets: dict[str, tuple[int, str]]
    ordinals: dict[str, int]
    holidays: dict[str, dict]
    year_prepositions: tuple[str, ...]
    month_prepositions: tuple[str, ...]
    future_cues: dict[str, tuple[str, ...]]
    time_zones: tuple[str, ...]
    future_window_days: int
    event_context_days: int
    event_calendar_days: int
    telling_verbs: frozenset[str]
    telling_nouns: frozenset[str]
    found_things: frozenset[str]
    sequel_verbs: frozenset[str]
    street_words: frozenset[str]
    page_stamps: tuple[str, ...]
    not_year_after: tuple[str, ...]
    event_noun_modifiers: frozenset[str] = frozenset()
    eve_parties: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _invert(table: dict) -> dict[str, int]:
    return {name.lower(): int(number) for number, names in table.items() for name in names}


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load ``data/dates.yaml`` once per process."""
    try:
        raw = yaml.safe_load(resources.files("sitrep").joinpath("data/dates.yaml").read_text("utf-8"))
        weekdays = _invert(raw["weekdays"])
        return Vocabulary(
            months=_invert(raw["months"]),
            weekdays=weekdays,
            weekday_short=frozenset(n for n in weekdays if not n.endswith("day")),
            day_words={k.lower(): int(v) for k, v in raw["day_words"].items()},
            parts_of_day=tuple(raw["parts_of_day"]),
            soft_modifiers=tuple(raw["soft_modifiers"]),
            weekday_modifiers=dict(raw["weekday_modifiers"]),
            anaphoric_days={k.lower(): int(v) for k, v in raw["anaphoric_days"].items()},
            relative_periods={k.lower(): (v[0], int(v[1])) for k, v in raw["relative_periods"].items()},
            weekend_words=dict(raw["weekend_words"]),
            numbers={k.lower(): int(v) for k, v in raw["numbers"].items()},
            units=tuple(raw["units"]),
            offset_directions={k.lower(): int(v) for k, v in raw["offset_directions"].items()},
            vague_offsets={k.lower(): (int(v[0]), v[1]) for k, v in raw["vague_offsets"].items()},
            ordinals={k.lower(): int(v) for k, v in raw["ordinals"].items()},
            holidays={k.lower(): v for k, v in raw["holidays"].items()},
            year_prepositions=tuple(raw["year_prepositions"]),
            month_prepositions=tuple(raw["month_prepositions"]),
            future_cues={k: tuple(v) for k, v in raw["future_cues"].items()},
            time_zones=tuple(raw["time_zones"]),
            future_window_days=int(raw["future_window_days"]),
            event_context_days=int(raw["event_context_days"]),
            event_calendar_days=int(raw["event_calendar_days"]),
            telling_verbs=frozenset(w.lower() for w in raw["telling_verbs"]),
            telling_nouns=frozenset(w.lower() for w in raw["telling_nouns"]),
            found_things=frozenset(w.lower() for w in raw["found_things"]),
            sequel_verbs=frozenset(w.lower() for w in raw["sequel_verbs"]),
            street_words=frozenset(w.lower() for w in raw["street_words"]),
            page_stamps=tuple(raw["page_stamps"]),
            not_year_after=tuple(raw["not_year_after"]),
            event_noun_modifiers=frozenset(w.lower() for w in raw["event_noun_modifiers"]),
            eve_parties={k.lower().replace("’", "'"): tuple(w.lower() for w in v) for k, v in raw["eve_parties"].items()},
        )
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise DataError(f"the date vocabulary data/dates.yaml is unreadable ({exc})",
                        hint="reinstall sitrep; the package data is damaged") from exc


def _alt(words, dot: bool = False) -> str:
    """A regex alternation of ``words``, longest first; spaces match any run of spaces."""
    parts = sorted(set(words), key=len, reverse=True)
    escaped = [re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in parts]
    return "(?:" + "|".join(escaped) + ")" + (r"\.?" if dot else "")


# --------------------------------------------------------------------------- published date


def parse_published(s: str | date | datetime | None) -> date | None:
    """The publication day from an ISO date or date-time ("2021-02-25", "1998-10-25T21:57")."""
    if s is None or s == "":
        return None
    if isinstance(s, datetime):
        return s.date()
    if isinstance(s, date):
        return s
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(s))
    try:
        if m is None:
            raise ValueError("not an ISO date")
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise MalformedRecord(f"the publication date {s!r} is not an ISO date ({exc})",
                              hint="write it as YYYY-MM-DD, optionally followed by a time") from exc


# --------------------------------------------------------------------------- calendar helpers


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def _shift(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    return _add_months(d, n * (12 if unit == "year" else 1))


def _weekday_near(ref: date, weekday: int, direction: str) -> date:
    """The weekday nearest ``ref`` in ``direction``: past/future (strict), on_or_before/on_or_after."""
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if direction == "on_or_before":
        return ref - timedelta(days=back)
    if direction == "on_or_after":
        return ref + timedelta(days=ahead)
    if direction == "past":
        return ref - timedelta(days=back or 7)
    return ref + timedelta(days=ahead or 7)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, ref: date, future: bool, weekday: int | None = None) -> date | None:
    """The date with this month and day that a report published on ``ref`` means.

    The most recent one on or before ``ref``, unless the next one comes within
    ``future_window_days`` or ``future`` says the clause looks ahead; a weekday
    written beside the date picks the year where it fits.
    """
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))]
    if weekday is not None:
        options = [d for d in options if d.weekday() == weekday] or options
    ahead = [d for d in options if d > ref]
    behind = [d for d in options if d <= ref]
    window = vocabulary().future_window_days
    if ahead and (future or not behind or (min(ahead) - ref).days <= window):
        return min(ahead)
    return max(behind, default=None)


def _easter(year: int) -> date:
    """Western Easter Sunday of ``year`` (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the computus's own letters)
    m = (a + 11 * h + 19 * l) // 433
    month, day = divmod(h + l - 7 * m + 90, 25)
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _holiday_in(year: int, rule: dict) -> date:
    if "easter" in rule:
        return _easter(year) + timedelta(days=rule["easter"])
    if "day" in rule:
        return date(year, rule["month"], rule["day"])
    first = date(year, rule["month"], rule.get("from", 1))
    return _weekday_near(first, rule["weekday"], "on_or_after") + timedelta(weeks=rule.get("nth", 1) - 1)


# --------------------------------------------------------------------------- matching


class _Unresolved(Exception):
    """A recognised expression whose value cannot be worked out; the message is the note."""


@dataclass
class _Ctx:
    text: str
    published: date | None
    doc: object = None
    anchor: date | None = None
    span: tuple[int, int] = (0, 0)  # the expression being resolved

    def need(self) -> date:
        if self.published is None:
            raise _Unresolved(NO_PUBLISHED)
        return self.published


@dataclass
class _Hit:
    start: int
    end: int
    rule: str
    match: re.Match
    offset: int = 0
    value: str | None = None
    precision: str | None = None
    note: str | None = None
    day: date | None = field(default=None, repr=False)


Handler = Callable[[re.Match, _Ctx], tuple[date | str, str]]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    handler: Handler
    span: str | int = 0
    check: Callable[[re.Match, str, bool], bool] | None = None


def _group_int(m: re.Match, name: str) -> int | None:
    value = m.groupdict().get(name)
    return int(value) if value else None


def _month_of(m: re.Match) -> int:
    return vocabulary().months[m["month"].lower().rstrip(".")]


def _day_of(m: re.Match) -> int:
    raw = m["day"].lower()
    digits = re.match(r"\d+", raw)
    return int(digits[0]) if digits else vocabulary().ordinals[re.sub(r"\s+", "-", raw)]


def _weekday_of(word: str | None) -> int | None:
    return None if word is None else vocabulary().weekdays[word.lower().rstrip(".")]


def _capitalised(m: re.Match, group: str) -> bool:
    return m[group] is None or m[group][0].isupper()


# --- handlers: each returns (date or ISO string, precision) or raises _Unresolved


def _h_iso(m, ctx):
    d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    if d is None:
        raise _Unresolved("not a calendar date")
    return d, "day"


def _h_month_day(m, ctx):
    month, day, year = _month_of(m), _day_of(m), _group_int(m, "year")
    if year is not None:
        d = _safe_date(year, month, day)
    else:
        ref = ctx.need()
        d = _year_for(month, day, ref, _future_clause(ctx), _weekday_of(m.groupdict().get("weekday")))
    if d is None:
        raise _Unresolved("not a calendar date")
    return d, "day"


def _h_second_day(m, ctx):
    return _h_month_day(m, ctx)


def _h_month_year(m, ctx):
    return f"{int(m['year']):04d}-{_month_of(m):02d}", "month"


def _h_month_alone(m, ctx):
    ref = ctx.need()
    d = _year_for(_month_of(m), 1, date(ref.year, ref.month, 1), _future_clause(ctx))
    return f"{d.year:04d}-{d.month:02d}", "month"


def _h_year(m, ctx):
    return f"{int(m['year']):04d}", "year"


def _h_weekday(m, ctx):
    weekday = _weekday_of(m["weekday"])
    modifier = m["wmod"]
    if modifier:
        direction = vocabulary().weekday_modifiers[re.sub(r"\s+", " ", modifier.lower())]
        anaphoric = modifier.lower().startswith("the ")
        ref = (ctx.anchor or ctx.need()) if anaphoric else ctx.need()
        return _weekday_near(ref, weekday, direction), "day"
    ref = ctx.need()
    direction = "on_or_after" if _future_clause(ctx) else "on_or_before"
    return _weekday_near(ref, weekday, direction), "day"


def _h_day_word(m, ctx):
    offset = vocabulary().day_words[re.sub(r"\s+", " ", m["word"].lower())]
    return ctx.need() + timedelta(days=offset), "day"


def _h_anaphoric(m, ctx):
    offset = vocabulary().anaphoric_days[re.sub(r"\s+", " ", m["word"].lower())]
    return (ctx.anchor or ctx.need()) + timedelta(days=offset), "day"


def _h_counted(m, ctx):
    v = vocabulary()
    raw = re.sub(r"\s+", " ", m["num"].lower())
    n = int(raw) if raw.isdigit() else v.numbers[raw]
    sign = v.offset_directions[re.sub(r"\s+", " ", m["dir"].lower())]
    unit = m["unit"].lower().rstrip("s")
    return _shift(ctx.need(), unit, sign * n), "day"


def _h_vague(m, ctx):
    days, precision = vocabulary().vague_offsets[re.sub(r"\s+", " ", m[0].lower())]
    d = ctx.need() + timedelta(days=days)
    return _as_precision(d, precision), precision


def _h_period(m, ctx):
    unit, offset = vocabulary().relative_periods[re.sub(r"\s+", " ", m[0].lower())]
    d = _shift(ctx.need(), unit, offset)
    return _as_precision(d, unit), unit


def _h_weekend(m, ctx):
    direction = vocabulary().weekend_words[re.sub(r"\s+", " ", m[0].lower())]
    ref = ctx.need()
    if direction == "nearest":
        direction = "on_or_after" if ref.weekday() < 5 else "on_or_before"
    elif direction == "past":
        direction = "on_or_before" if ref.weekday() != 5 else "past"
    return _weekday_near(ref, 5, direction), "day"


def _h_holiday(m, ctx):
    rule = vocabulary().holidays[re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")]
    ref = ctx.need()
    days = [_holiday_in(y, rule) for y in (ref.year - 1, ref.year, ref.year + 1)]
    modifier = (m["hmod"] or "").lower()
    if modifier == "last":
        return max(d for d in days if d < ref), "day"
    if modifier == "next":
        return min(d for d in days if d > ref), "day"
    if not modifier and not _future_clause(ctx):
        return max(d for d in days if d <= ref), "day"
    return min(days, key=lambda d: abs((d - ref).days)), "day"


def _as_precision(d: date, precision: str) -> str:
    if precision == "week":
        return _iso_week(d)
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if precision == "year":
        return f"{d.year:04d}"
    return d.isoformat()


# --- context checks


def _sentence_around(text: str, start: int) -> tuple[str, str]:
    """The stretch of the sentence before ``start`` and a short stretch after it."""
    before = text[max(0, start - 200):start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "), before.rfind("; "))
    after = text[start:start + 60]
    stop = re.search(r"[.;?!\n]", after)
    return before[cut + 1:], after[: stop.start()] if stop else after


def _future_clause(ctx: _Ctx) -> bool:
    """Does the clause holding the expression at ``ctx.span`` speak of the future?"""
    start = ctx.span[0]
    before, _ = _sentence_around(ctx.text, start)
    if _cue_re("right_before").search(before[-40:]):
        return True
    if re.match(r"\w+\.?['’]s\b", ctx.text[start:start + 16]):
        return False  # "Wednesday's ruling": a named past occasion
    verdict = _future_by_parse(ctx)
    if verdict is not None:
        return verdict
    return bool(_cue_re("in_clause").search(before))


@lru_cache(maxsize=4)
def _cue_re(kind: str) -> re.Pattern:
    return re.compile(r"(?<![\w'])" + _alt(vocabulary().future_cues[kind]) + r"\b", re.I)


_NOMINAL_DEPS = ("compound", "nmod", "poss", "amod")


def _future_by_parse(ctx: _Ctx) -> bool | None:
    """Tense of the verb the expression hangs from, when a parse is at hand."""
    doc = ctx.doc
    if doc is None:
        return None
    start, end = ctx.span
    token = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
    while token is not None and token.head.i != token.i and start <= token.head.idx < end:
        token = token.head
    if token is not None and token.dep_ in _NOMINAL_DEPS and token.head.pos_ in ("NOUN", "PROPN"):
        return False  # "the August 7 bombings": names a past occasion
    through_infinitive = through_noun = False
    for _ in range(8):
        if token is None or token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            verdict = _verb_tense(token, through_infinitive)
            if verdict == "present" and through_noun:
                # "three are dead after a shooting on Thursday": the date dates the noun's
                # occasion, not the present-tense verb's state
                return None
            if verdict != "infinitive":
                return verdict == "present" or verdict
            through_infinitive = True
        elif token.pos_ in ("NOUN", "PROPN"):
            through_noun = True
    return None


def _verb_tense(verb, through_infinitive: bool) -> bool | None | str:
    """True for a future verb, False for a past one, "present" for a present-tense one (news tells what is
    ahead in it: "meets Friday"), None when unclear, "infinitive" to look higher."""
    cues = vocabulary().future_cues
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    prospective = cues["prospective_verbs"] if through_infinitive else cues["prospective_own_date"]
    if any(a in cues["modals"] for a in auxes) or verb.lemma_.lower() in prospective:
        return True
    if verb.tag_ == "VBD" or any(a in ("was", "were", "had", "has", "have", "been", "did") for a in auxes):
        return False
    if verb.tag_ == "VBN" and not auxes:
        return False
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() in cues["present_telling"]:
        return False  # "police say the shooting happened Sunday", "the sheriff says around 2 p.m. Sunday ...": told of the past
    if verb.tag_ == "VBZ" or any(a in cues["present_auxiliaries"] for a in auxes):
        return "present"
    if verb.tag_ == "VB" and "to" in auxes:
        return "infinitive"
    return None


def _year_ok(m: re.Match, text: str, lenient: bool) -> bool:
    """A bare four-digit number is a year when its neighbours say so."""
    after = text[m.end("year"):m.end("year") + 20]
    if _not_year_after_re().match(after):
        return False  # "the 1800 block of Elm Street"
    if lenient:
        return True
    before = text[max(0, m.start("year") - 12):m.start("year")]
    if re.search(r"[$£€#\d][\d,.]*\s*$|No\.\s*$", before) or re.match(r"\s*(%|percent|[,.]\d)", after):
        return False
    if m["prep"]:
        return True
    if re.search(r"\b(the|a|an|its|his|her|their|our|this|that|fiscal|since)\s+$", before, re.I):
        return True
    # "in 1998," / "1998." / "(1998)" and the year's own noun ("the 2015 deal" is handled above)
    return bool(re.match(r"\s*(['’]s\b|[,.;:)\]]|$|\n)", after)) and not re.search(r"[\d,]\s*$", before)


@lru_cache(maxsize=1)
def _not_year_after_re() -> re.Pattern:
    return re.compile(r"\s+" + _alt(vocabulary().not_year_after) + r"\b", re.I)


def _month_ok(m: re.Match, text: str, lenient: bool) -> bool:
    return lenient or _capitalised(m, "month")


def _weekday_ok(m: re.Match, text: str, lenient: bool) -> bool:
    word = m.groupdict().get("weekday")
    if word is None:
        return True
    if word.lower().rstrip(".") in vocabulary().weekday_short and not word.endswith("."):
        return False
    return lenient or word[0].isupper()


def _date_ok(m: re.Match, text: str, lenient: bool) -> bool:
    return _month_ok(m, text, lenient) and _weekday_ok(m, text, lenient)


def _month_alone_ok(m: re.Match, text: str, lenient: bool) -> bool:
    if _street_after(text, m.end()):
        return False  # "the shooting on March Lane": a street's name
    return lenient or (m["prep"] is not None and _capitalised(m, "month"))


def _street_after(text: str, end: int) -> bool:
    """Is the word after a month's name a street's ("March Lane", "on May Street", "June Ave.")?"""
    word = re.match(r"\s+([A-Za-z]+)", text[end:end + 16])
    return word is not None and word[1][0].isupper() and word[1].lower() in vocabulary().street_words


def _holiday_ok(m: re.Match, text: str, lenient: bool) -> bool:
    return lenient or m["name"][0].isupper()


# --------------------------------------------------------------------------- the grammar


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    v = vocabulary()
    month = "(?P<month>" + _alt(v.months, dot=True) + r")(?![a-z])"
    full_month = "(?P<month>" + _alt([n for n in v.months if len(n) > 3 or n == "may"]) + ")"
    day = r"(?P<day>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|" + _alt(v.ordinals) + r")(?!\d|:\d)"
    year = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d%])"
    weekday = "(?P<weekday>" + _alt(v.weekdays, dot=True) + r")(?![a-z])"
    parts = r"(?:\s+(?P<part>" + _alt(v.parts_of_day) + r"))?\b"
    soft = r"(?:" + _alt(v.soft_modifiers) + r"\s+)?"
    rules = [
        ("iso", r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b", _h_iso, 0, None),
        ("month_day", rf"\b(?:{weekday},?\s+(?:the\s+)?)?{month}\s*{day}(?:,?\s+{year})?", _h_month_day, 0, _date_ok),
        ("day_month", rf"\b(?:{weekday},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?",
         _h_month_day, 0, _date_ok),
        ("second_day", rf"\b{month}\s*\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|through|-|–)\s*{day}(?:,?\s+{year})?",
         _h_second_day, "day", _date_ok),
        ("month_year", rf"\b{month},?\s+(?:of\s+)?{year}", _h_month_year, 0, _month_ok),
        ("month_alone", rf"(?:\b(?P<prep>{_alt(v.month_prepositions)})\s+(?:(?:early|late|mid)-?\s*)?)?\b{full_month}\b"
         r"(?!\s*\d)", _h_month_alone, "month", _month_alone_ok),
        ("year", rf"(?:\b(?P<prep>{_alt(v.year_prepositions)})\s+(?:(?:early|late|mid)-?\s*)?)?"
         rf"(?<![\w$£€.,-]){year}(?![\w]|[.,]\d)", _h_year, "year", _year_ok),
        ("weekday", rf"(?:\b(?P<wmod>{_alt(v.weekday_modifiers)})\s+|\b{soft})?\b{weekday}{parts}",
         _h_weekday, 0, _weekday_ok),
        ("day_word", rf"\b{soft}(?P<word>{_alt(v.day_words)}){parts}", _h_day_word, 0, None),
        ("anaphoric", rf"\b(?P<word>{_alt(v.anaphoric_days)})\b", _h_anaphoric, 0, None),
        ("counted", rf"\b(?P<num>\d{{1,3}}|{_alt(v.numbers)})\s+(?P<unit>{_alt(v.units)})s?\s+(?:or\s+so\s+)?"
         rf"(?P<dir>{_alt(v.offset_directions)})\b", _h_counted, 0, None),
        ("vague", rf"\b{_alt(v.vague_offsets)}\b", _h_vague, 0, None),
        ("period", rf"\b{_alt(v.relative_periods)}\b", _h_period, 0, None),
        ("weekend", rf"\b{_alt(v.weekend_words)}\b", _h_weekend, 0, None),
        ("holiday", rf"\b(?:(?P<hmod>last|next|this)\s+)?(?P<name>{_alt(v.holidays)})\b", _h_holiday, 0, _holiday_ok),
    ]
    return tuple(_Rule(name, re.compile(pattern, re.I), handler, span, check)
                 for name, pattern, handler, span, check in rules)


@lru_cache(maxsize=1)
def _time_prefix_re() -> re.Pattern:
    zones = _alt(vocabulary().time_zones)
    return re.compile(
        r"(?:\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\bnoon|\bmidnight)"
        rf"(?:\s*\(\s*\d{{3,4}}\s*{zones}\s*\)|\s+{zones}\b)?\s*,?\s*(?:on\s+)?$",
        re.I,
    )


def _scan(text: str, base: int = 0, lenient: bool = False) -> list[_Hit]:
    """Every rule match in ``text``, its spans shifted by ``base``."""
    hits = []
    for rule in _rules():
        for m in rule.pattern.finditer(text):
            if rule.check is not None and not rule.check(m, text, lenient):
                continue
            start, end = m.span(rule.span)
            if end > start:
                hits.append(_Hit(base + start, base + end, rule.name, m))
    return hits


def _select(hits: list[_Hit], taken: list[_Hit] | None = None) -> list[_Hit]:
    """Longest hits first, dropping any that overlaps one already kept."""
    kept = list(taken or [])
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _compose(hits: list[_Hit], text: str) -> list[_Hit]:
    """Join "the day before" + a date into one hit shifted by a day; add time-of-day prefixes."""
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (prev is not None and prev.rule == "anaphoric" and re.search(r"(before|after)$", prev.match[0], re.I)
                and not text[prev.end:hit.start].strip()):
            offset = vocabulary().anaphoric_days[re.sub(r"\s+", " ", prev.match["word"].lower())]
            out[-1] = replace(hit, start=prev.start, offset=offset)
            continue
        floor = prev.end if prev else 0
        window = text[max(floor, hit.start - 40):hit.start]
        prefix = _time_prefix_re().search(window)
        if prefix and hit.rule not in ("year", "month_year", "month_alone", "period", "vague"):
            hit = replace(hit, start=hit.start - len(window) + prefix.start())
        out.append(hit)
    return out


# --------------------------------------------------------------------------- resolution


def _resolve_hit(hit: _Hit, ctx: _Ctx) -> _Hit:
    rule = next(r for r in _rules() if r.name == hit.rule)
    try:
        ctx.span = (hit.start, hit.end)
        value, precision = rule.handler(hit.match, ctx)
    except _Unresolved as why:
        return replace(hit, note=str(why))
    if isinstance(value, date):
        value = value + timedelta(days=hit.offset)
        return replace(hit, value=value.isoformat(), precision=precision, day=value)
    return replace(hit, value=value, precision=precision)


def _candidates(text: str, doc) -> list[_Hit]:
    hits = _select(_scan(text))
    if doc is not None:
        extra = []
        for ent in getattr(doc, "ents", ()):
            if ent.label_ in ("DATE", "TIME"):
                extra.extend(_scan(ent.text, ent.start_char, lenient=True))
        hits = _select(extra, taken=hits)
    return _compose(hits, text)


def _anchor_on_next(hit: _Hit, nxt: _Hit | None, ctx: _Ctx, text: str) -> None:
    """"the previous night, on 16 February": an anaphoric day told right before the date it counts from."""
    if nxt is None or nxt.rule == "anaphoric" or nxt.start - hit.end > 6:
        return
    if not re.fullmatch(r"[\s,]*(on|of)?\s*", text[hit.end:nxt.start], re.I):
        return
    resolved = _resolve_hit(nxt, ctx)
    if resolved.day is not None and resolved.precision == "day":
        ctx.anchor = resolved.day


def _find(text: str, published, doc, lenient: bool) -> list[Time]:
    ctx = _Ctx(text=text, published=parse_published(published), doc=doc)
    hits = _select(_scan(text, lenient=True)) if lenient else _candidates(text, doc)
    times = []
    for n, hit in enumerate(hits):
        if hit.rule == "anaphoric":
            _anchor_on_next(hit, hits[n + 1] if n + 1 < len(hits) else None, ctx, text)
        hit = _resolve_hit(hit, ctx)
        if hit.day is not None:
            ctx.anchor = hit.day
        times.append(Time(start=hit.start, end=hit.end, text=text[hit.start:hit.end], value=hit.value,
                          precision=hit.precision, resolved=hit.value is not None, note=hit.note))
    return times


def find_times(text: str, published: date | str | None, doc=None) -> list[Time]:
    """Every date expression in ``text``, in text order, resolved against ``published``.

    ``doc`` is an optional spaCy ``Doc`` of the same text: its DATE/TIME
    entities add candidates the grammar alone would not accept (a bare year,
    a lower-case month), and its parse tells the tense of a bare weekday's clause. A page whose stamps say
    it was first posted before ``published`` is read from its posted day (dating_stamp.py).
    """
    published = parse_published(published)
    return _find(text, posted_day(text, published) or published, doc, lenient=False)


def resolve(expression: str, published: date | str | None) -> tuple[str | None, str | None]:
    """``(value, precision)`` of one date expression, ``(None, None)`` where it is not one.

    The expression is taken to be a date (as a DATE entity is), so a bare year
    or month counts. Where it holds several, the longest decides.
    """
    times = _find(expression, published, None, lenient=True)
    if not times:
        return None, None
    best = max(times, key=lambda t: t.end - t.start)
    return best.value, best.precision
