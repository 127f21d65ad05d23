"""The unit every stage works on: one article as read, and the reason one was dropped."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


def content_hash(text: str) -> str:
    """Stable id of an article's text: reading the same text twice gives the same id."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass
class Article:
    """One article as read: its text and what is known about it.

    ``text`` is the text as read (after HTML extraction and decoding); every
    span sitrep writes is a character offset into it.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    source: str | None = None  # path, "-" for stdin, or "file.jsonl:LINE"
    encoding: str | None = None
    format: str = "text"  # text | html | jsonl | csv
    meta: dict = field(default_factory=dict)

    @property
    def hash(self) -> str:
        return content_hash(self.text)


@dataclass
class Dropped:
    """An input that could not become an article, with its reason (never silent)."""

    id: str
    source: str | None
    code: str
    reason: str
    hint: str | None = None

    def as_reason(self) -> dict:
        return {"code": self.code, "reason": self.reason, "hint": self.hint}
