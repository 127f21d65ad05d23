"""Blank out boilerplate inside article text, keeping every offset.

News text as read often carries things that are not the report: an app promo
between two paragraphs, a photo credit glued to the end of a caption, bylines
and "contributed" lines at the end, "Related:" links, share buttons. Later
stages would read them as sentences ("Jane Doe / AFP" looks like an actor), so
:func:`clean` replaces each such stretch with spaces. Newlines are kept and the
cleaned text has the same length as the input, so a character offset into it
is an offset into the text as read; the stretches removed are listed with
their reasons.

The rules are data: ``sitrep/data/boilerplate.yaml`` (see the comments there).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import DataError
from .record import Removed

VERSION = "clean-2"  # clean-2: block rules (a foot-of-page list of other stories goes with its heading)
RULES_FILE = "boilerplate.yaml"
_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z_]*)\}")
_LINE = re.compile(r"[^\n]+")
_NOT_NEWLINE = re.compile(r"[^\r\n]")


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern
    scope: str  # "line" (must match a whole line) or "inline" (searched anywhere)


@dataclass(frozen=True)
class Block:
    """A heading over a list of other stories' headlines at the foot of a page ("More stories you may like")."""

    reason: str
    heading: re.Pattern  # must match a whole line
    max_items: int  # the lines after the heading go with it only when there are at most this many


@dataclass(frozen=True)
class Rules:
    line: tuple[Rule, ...]
    inline: tuple[Rule, ...]
    max_line: int
    version: str
    block: tuple[Block, ...] = ()


@dataclass
class Cleaned:
    """Text with boilerplate blanked out: same length as the input, newlines kept."""

    text: str
    removed: list[Removed] = field(default_factory=list)


def clean(text: str, rules: Rules | None = None) -> Cleaned:
    """Blank out the boilerplate in ``text``; offsets into the result are offsets into ``text``."""
    rules = rules or load_rules()
    spans = _block_spans(text, rules)
    spans = _line_spans(text, rules, spans)
    spans = _inline_spans(text, rules, spans)
    spans.sort()
    return Cleaned(text=_blank(text, spans), removed=[Removed(start=s, end=e, reason=r) for s, e, r in spans])


def rules_version() -> str:
    """The version of the boilerplate rules (stored with results: it moves cleaned text)."""
    return f"boilerplate-{load_rules().version}"


@lru_cache(maxsize=None)
def load_rules(path: str | None = None) -> Rules:
    """The rules from ``path``, or the packaged ``data/boilerplate.yaml``; loaded once."""
    try:
        if path is None:
            source = resources.files("sitrep").joinpath("data", RULES_FILE).read_text(encoding="utf-8")
        else:
            source = Path(path).read_text(encoding="utf-8")
        data = yaml.safe_load(source)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(
            f"the boilerplate rules ({path or RULES_FILE}) cannot be read: {exc}",
            hint="reinstall sitrep, or fix the YAML of a custom rules file",
        ) from exc
    if not isinstance(data, dict):
        raise DataError(f"the boilerplate rules ({path or RULES_FILE}) are not a mapping", hint="see the packaged file")
    defines = _resolve_defines(data.get("define") or {})
    return Rules(
        line=tuple(_compile(item, defines, "line") for item in data.get("line") or []),
        inline=tuple(_compile(item, defines, "inline") for item in data.get("inline") or []),
        max_line=int(data.get("max_line", 500)),
        version=str(data.get("version", "0")),
        block=tuple(_compile_block(item, defines) for item in data.get("block") or []),
    )


def _resolve_defines(raw: dict) -> dict[str, str]:
    defines: dict[str, str] = {}
    for name, value in raw.items():
        defines[name] = _expand(str(value), defines, f"define {name}")
    return defines


def _expand(pattern: str, defines: dict[str, str], where: str) -> str:
    def lookup(found: re.Match) -> str:
        name = found.group(1)
        if name not in defines:
            raise DataError(f"boilerplate rule {where} uses {{{name}}}, which is not defined above it")
        return f"(?:{defines[name]})"

    return _PLACEHOLDER.sub(lookup, pattern)


def _compile(item: dict, defines: dict[str, str], scope: str) -> Rule:
    if not isinstance(item, dict) or "reason" not in item or "pattern" not in item:
        raise DataError(f"a {scope} boilerplate rule needs a reason and a pattern: {item!r}")
    flags = re.VERBOSE | (re.MULTILINE if scope == "inline" else 0)
    if item.get("case", "insensitive") != "sensitive":
        flags |= re.IGNORECASE
    where = f"{item['reason']!r} ({scope})"
    try:
        pattern = re.compile(_expand(str(item["pattern"]), defines, where), flags)
    except re.error as exc:
        raise DataError(f"boilerplate rule {where} is not a valid pattern: {exc}") from exc
    return Rule(reason=str(item["reason"]), pattern=pattern, scope=scope)


def _compile_block(item: dict, defines: dict[str, str]) -> Block:
    if not isinstance(item, dict) or "reason" not in item or "heading" not in item:
        raise DataError(f"a block boilerplate rule needs a reason and a heading: {item!r}")
    rule = _compile({"reason": item["reason"], "pattern": item["heading"], "case": item.get("case", "insensitive")},
                    defines, "block")
    return Block(reason=rule.reason, heading=rule.pattern, max_items=int(item.get("max_items", 10)))


def _block_spans(text: str, rules: Rules) -> list[tuple[int, int, str]]:
    """A list heading and, when only a few short lines follow it to the end of the text, those lines too.

    The lines after such a heading are other stories' headlines only when the page ends with them; where more
    follows, the heading sat inside the article and only the heading goes. A heading in the first half of the
    text is left to the line rules: a page does not open with its foot."""
    if not rules.block:
        return []
    lines = [_trim(text, m.start(), m.end()) for m in _LINE.finditer(text)]
    lines = [(s, e) for s, e in lines if s < e]
    spans = []
    for i, (start, end) in enumerate(lines):
        if end - start > rules.max_line or start < len(text) // 2:
            continue
        block = next((b for b in rules.block if b.heading.fullmatch(text, start, end)), None)
        if block is None:
            continue
        rest = lines[i + 1:]
        if rest and len(rest) <= block.max_items and all(e - s <= rules.max_line for s, e in rest):
            spans.append((start, rest[-1][1], block.reason))
            break
        spans.append((start, end, block.reason))
    return spans


def _line_spans(text: str, rules: Rules, taken: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int, str]]:
    """Whole lines (leading and trailing spaces aside) that a line rule matches, outside the spans taken."""
    taken = list(taken or [])
    spans = list(taken)
    for line in _LINE.finditer(text):
        start, end = _trim(text, line.start(), line.end())
        if start >= end or end - start > rules.max_line or _overlaps(taken, start, end):
            continue
        for rule in rules.line:
            if rule.pattern.fullmatch(text, start, end):
                spans.append((start, end, rule.reason))
                break
    return spans


def _inline_spans(text: str, rules: Rules, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add the stretches inline rules find, where they do not overlap one already taken."""
    taken = sorted(spans)
    for rule in rules.inline:
        for found in rule.pattern.finditer(text):
            start, end = _trim(text, found.start(), found.end())
            if start < end and not _overlaps(taken, start, end):
                taken.append((start, end, rule.reason))
                taken.sort()
    return taken


def _overlaps(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e, _ in spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    pieces, last = [], 0
    for start, end, _ in spans:
        pieces.append(text[last:start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
