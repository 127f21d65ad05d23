"""The day a web page was first posted, from its own pair of stamps ("Posted: Saturday, March 2, 2013 ...
Updated: Saturday, March 16, 2013"): where that day is earlier than the publication day the record gives, the
record took the update's day, and the story's relative days ("early Sunday", "this afternoon") are read from
the posted day instead (dates.py reads them; dating.py dates the event)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml

from .errors import DataError


@dataclass(frozen=True)
class StampVocabulary:
    """The contents of ``data/dating_stamp.yaml``."""

    pair: re.Pattern
    head_chars: int


def _alt(words) -> str:
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def vocabulary() -> StampVocabulary:
    """Load ``data/dating_stamp.yaml`` once per process."""
    try:
        raw = yaml.safe_load(resources.files("sitrep").joinpath("data/dating_stamp.yaml").read_text("utf-8"))
        day = r"(?:[A-Z][a-z]+day,?\s+)?(?P<{0}>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
        pair = re.compile(r"\b" + _alt(raw["first_stamps"]) + r"\s*:\s*" + day.format("first")
                          + r"[^\n]{0," + str(int(raw["pair_gap_chars"])) + r"}?\b" + _alt(raw["later_stamps"])
                          + r"\s*:\s*" + day.format("later"), re.I)
        return StampVocabulary(pair=pair, head_chars=int(raw["head_chars"]))
    except (OSError, KeyError, TypeError, ValueError, re.error, yaml.YAMLError) as exc:
        raise DataError(f"the page stamp data data/dating_stamp.yaml is unreadable ({exc})",
                        hint="reinstall sitrep; the package data is damaged") from exc


def posted_day(text: str, published: date | None) -> date | None:
    """The day the page says it was first posted, where its head carries a posted-then-updated pair of stamps
    and that day comes before ``published``; None otherwise (no such pair, or the record's day is the posted one)."""
    if published is None:
        return None
    vocab = vocabulary()
    found = vocab.pair.search(text, 0, min(len(text), vocab.head_chars))
    if found is None:
        return None
    from .dates import resolve  # dates.py reads the anchor from here: import late

    first, later = resolve(found.group("first"), None), resolve(found.group("later"), None)
    if first[1] != "day" or later[1] != "day":
        return None
    posted, updated = date.fromisoformat(first[0]), date.fromisoformat(later[0])
    return posted if posted < published and posted <= updated else None
