"""The number grammar of casualty counts and the vocabulary of data/counts.yaml.

``parse_number`` reads one figure as news writes it ("22", "twenty-one", "at
least 22", "between 10 and 15", "dozens") into ``(count, low, high)``; the
conventions are in ``sitrep.counts``. ``vocab()`` loads the vocabulary once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

Number = tuple[int, int | None, int | None]


# --------------------------------------------------------------------------
# vocabulary


@dataclass(frozen=True)
class Vocab:
    data: dict
    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    verbs: dict[str, str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    figure_re: re.Pattern
    zero: list[tuple[re.Pattern, list[str]]]
    coding: list[re.Pattern]
    self_kill: list[re.Pattern]
    suicide_bomber: list[re.Pattern]
    killer_included: list[re.Pattern]
    background: list[re.Pattern]
    leading_one: re.Pattern
    terse_one: re.Pattern
    multiple_crime: re.Pattern
    fatal_event: re.Pattern
    past_toll: list[re.Pattern]
    status: re.Pattern
    clause_end: re.Pattern

    def kind(self, token, *tables: dict[str, str]) -> str | None:
        """The kind a trigger word names; a phrasal verb ("gunned down", "shot dead") by its particle first."""
        lemma = token.lemma_.lower()
        doc = token.doc
        after = [c for c in token.children if c.dep_ in ("prt", "advmod", "acomp", "oprd") and c.i > token.i]
        if token.i + 1 < len(doc):
            after.append(doc[token.i + 1])  # "shot dead two robbers", "dead" misread as the robbers' adjective
        phrasal = [f"{lemma} {c.lower_}" for c in after]
        for table in tables:
            for key in (*phrasal, lemma, token.lower_):
                if key in table:
                    return table[key]
        return None


def _by_kind(kinds: dict, part: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for kind, words in kinds.items():
        for word in words.get(part) or []:
            table.setdefault(word, kind)
    return table


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _figure_pattern(data: dict) -> re.Pattern:
    nw = data["number_words"]
    word = _alternation([*nw["units"], *nw["tens"], *nw["scales"]])
    single = (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\s+(?:{_alternation(nw['scales'])}))?"
        rf"|(?:{word})(?:(?:-|\s+|\s+and\s+)(?:{word}))*"
    )
    amounts = _alternation(
        [*data["word_amounts"], *data["vague_amounts"], *data["indefinite_amounts"]]
    )
    bounds = _alternation([w for ws in data["bounds"].values() for w in ws])
    figure = rf"(?:{single})"
    ranged = rf"(?:between\s+{figure}\s+and\s+{figure}|{figure}(?:\s*(?:-|–|to|or)\s*{figure})?)"
    return re.compile(
        rf"\b(?:(?:{bounds})\s+)?(?:{ranged}|(?:{amounts}))(?![\w])", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The vocabulary of data/counts.yaml, loaded once."""
    text = resources.files("sitrep").joinpath("data/counts.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    nw = data["number_words"]
    kinds = data["kinds"]
    return Vocab(
        data=data,
        units=nw["units"],
        tens=nw["tens"],
        scales=nw["scales"],
        verbs=_by_kind(kinds, "verbs"),
        nouns=_by_kind(kinds, "nouns"),
        adjectives=_by_kind(kinds, "adjectives"),
        figure_re=_figure_pattern(data),
        zero=[(re.compile(z["pattern"], re.IGNORECASE), z["kinds"]) for z in data["zero_patterns"]],
        coding=[re.compile(p, re.IGNORECASE) for p in data["coding_notes"]],
        self_kill=[re.compile(p, re.IGNORECASE) for p in data["self_kill"]],
        suicide_bomber=[re.compile(p, re.IGNORECASE) for p in data["suicide_bomber"]],
        killer_included=[re.compile(p, re.IGNORECASE) for p in data["killer_included"]],
        background=[re.compile(p, re.IGNORECASE) for p in data["background"]],
        leading_one=re.compile(data["leading_one"], re.IGNORECASE),
        terse_one=re.compile(data["terse_one"], re.IGNORECASE),
        multiple_crime=re.compile(data["multiple_crime"], re.IGNORECASE),
        fatal_event=re.compile(data["fatal_event"], re.IGNORECASE),
        past_toll=[re.compile(p, re.IGNORECASE) for p in data["past_toll"]],
        status=re.compile(data["status"], re.IGNORECASE),
        clause_end=re.compile(data["clause_end"], re.IGNORECASE),
    )


# --------------------------------------------------------------------------
# parse_number


def _words_value(text: str, v: Vocab) -> int | None:
    total, current, seen = 0, 0, False
    for part in re.split(r"[\s-]+", text):
        if part in ("and", ""):
            continue
        if part in v.units or part in v.tens:
            current += v.units.get(part, 0) + v.tens.get(part, 0)
        elif part in v.scales:
            scale = v.scales[part]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _single(text: str, v: Vocab) -> tuple[int, str] | None:
    """One figure and how it reads: exact, vague or indefinite."""
    text = text.strip().lower()
    match = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\s+(\w+))?", text)
    if match:
        scale = v.scales.get(match.group(2) or "", 1) if match.group(2) else 1
        if match.group(2) and match.group(2) not in v.scales:
            return None
        return int(match.group(1).replace(",", "")) * scale, "exact"
    text = re.sub(r"\s+of$", "", text)
    data = v.data
    for table, how in (("word_amounts", "exact"), ("vague_amounts", "vague"),
                       ("indefinite_amounts", "indefinite")):
        for key, value in data[table].items():
            if text == key or text == re.sub(r"\s+of$", "", key):
                return value, how
    value = _words_value(text, v)
    return (value, "exact") if value is not None else None


def _split_bound(text: str, v: Vocab) -> tuple[str | None, str]:
    for kind, words in v.data["bounds"].items():
        for word in sorted(words, key=len, reverse=True):
            if text.startswith(word + " ") and _single_or_range(text[len(word) + 1:], v):
                return kind, text[len(word) + 1:]
    return None, text


def _single_or_range(text: str, v: Vocab) -> tuple[int, int | None] | None:
    """(low, high) of a figure or a range; high None for a plural amount."""
    one = _single(text, v)
    if one is not None:
        value, how = one
        return (value, value) if how == "exact" else (value, None)
    match = re.fullmatch(r"between\s+(.+?)\s+and\s+(.+)", text) or re.fullmatch(
        r"(.+?)\s*(?:-|–|\bto\b|\bor\b)\s*(.+)", text
    )
    if not match:
        return None
    low, high = _single(match.group(1), v), _single(match.group(2), v)
    if low is None or high is None or low[1] != "exact" or high[1] != "exact":
        return None
    return (min(low[0], high[0]), max(low[0], high[0]))


def parse_number(text: str) -> Number | None:
    """(count, low, high) of a figure as news writes it, or None.

    See the module docstring for the conventions on bounds and vague amounts.
    """
    v = vocab()
    text = re.sub(r"\s+", " ", text.strip().lower())
    bound, rest = _split_bound(text, v)
    span = _single_or_range(rest, v)
    if span is None:
        return None
    low, high = span
    if bound == "low":
        return low, low, None
    if bound == "high":
        return (high if high is not None else low), None, (high if high is not None else low)
    if bound == "about":
        return low, None, None
    return low, low, high


def is_vague(text: str) -> bool:
    """True for an indefinite amount ("several", "a few") with no figure."""
    v = vocab()
    _, rest = _split_bound(re.sub(r"\s+", " ", text.strip().lower()), v)
    one = _single(rest, v)
    return one is not None and one[1] == "indefinite"
