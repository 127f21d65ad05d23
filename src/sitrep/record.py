"""The event record of DESIGN.md as typed models, and its JSON Schema.

The same fields are written by every output format, store and export. A field
with no evidence in the text is not written: it stays ``None`` (``null``),
never a made-up default.
"""
from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A character span into the article's text as read: ``text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Trigger(Model):
    text: str
    lemma: str
    evidence: Span


class Acled(Model):
    event_type: str
    sub_event_type: str


class Actor(Model):
    role: Literal["initiator", "target"]
    text: str
    name: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-3")
    kind: str | None = None
    inter: int | None = Field(None, ge=1, le=8, description="ACLED interaction code")
    associated: list[str] | None = Field(
        None, description="ACLED's associated actors: named groups the actor acts for or belongs to "
                          "(the party whose supporters protest), kept apart from the actor itself")
    evidence: Span


class Location(Model):
    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: int | None = Field(None, ge=1, le=3, description="ACLED geo_precision")
    note: str | None = Field(None, description="how the point was found where the event's own words give none: "
                             "the town beside an unknown street, or the town the report's nearest lines name")
    evidence: Span


class EventDate(Model):
    text: str
    value: str | None = Field(None, description="ISO date; null when it cannot be resolved")
    precision: Literal["day", "week", "month", "year"] | None = None
    note: str | None = Field(None, description="how the date was chosen where the text does not state it")
    evidence: Span


class Claim(Model):
    count: int
    low: int | None = None
    high: int | None = None
    victims: str | None = None
    source: str | None = Field(None, description="who says so; null = the publisher")
    total: int | None = Field(None, description="the figure this claim gives the event once combined, when that "
                              "differs from the number stated: the sum of a toll told in parts (\"4 soldiers and 2 "
                              "civilians\"), those shot less those killed, or one more than the figure for \"one soldier and others\"; "
                              "the event's best/low/high use it")
    evidence: Span


class Counts(Model):
    best: int | None = None
    low: int | None = None
    high: int | None = None
    disputed: bool = False
    claims: list[Claim] = Field(default_factory=list)


class Event(Model):
    id: str
    article_id: str
    incident_id: str | None = None
    type: str = Field(description="PLOVER event type")
    mode: str | None = None
    acled: Acled | None = None
    cameo: str | None = None
    trigger: Trigger
    actors: list[Actor] = Field(default_factory=list)
    location: Location | None = None
    date: EventDate | None = None
    fatalities: Counts | None = None
    injured: Counts | None = None
    sources: list[str] = Field(default_factory=list)
    summary: str | None = None
    evidence: list[Span]
    confidence: float = Field(ge=0, le=1)
    pipeline: str = Field(description="name and version of the pipeline that made this record")


class Place(Model):
    """A place name found in the text, resolved or not."""

    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: int | None = Field(None, ge=1, le=3, description="ACLED geo_precision")
    resolved: bool = False
    attributive: bool = Field(False, description="the name describes someone or something (\"Russian troops\", "
                              "\"U.S. targets\", \"London-based\") rather than saying where something happened")
    note: str | None = Field(None, description="why it is unresolved, where it is")


class Time(Model):
    """A date or time expression found in the text, resolved or not."""

    start: int
    end: int
    text: str
    value: str | None = None
    precision: Literal["day", "week", "month", "year"] | None = None
    resolved: bool = False
    note: str | None = Field(None, description="why it is unresolved, where it is")


class Removed(Model):
    """A stretch of the text left out of extraction (promo, photo credit, byline...)."""

    start: int
    end: int
    reason: str


class Error(Model):
    code: str
    reason: str
    hint: str | None = None


class Statement(Model):
    """A quote or reported statement: who said what, and where the text says so."""

    form: Literal["direct", "indirect"] = Field(description="direct: in quotation marks; indirect: reported")
    text: str = Field(description="what is said: the quoted words, or the reported clause")
    speaker: str | None = Field(None, description="who says it, resolved through the text (\"he\" -> \"John Kirby\")")
    speaker_text: str | None = Field(None, description="the words that name the speaker where the statement is told")
    speaker_role: str | None = Field(None, description="the speaker's office or trade, where the text gives it")
    speaker_evidence: Span | None = Field(None, description="where the resolved speaker is named")
    claim: Literal["responsibility", "denial", "accusation"] | None = Field(
        None, description="a claim of responsibility, a denial or an accusation; null for other statements")
    content: Span = Field(description="the span of ``text``")
    evidence: Span = Field(description="the sentence that tells the statement")


class Document(Model):
    """One output line: an input article and what sitrep found in it."""

    id: str
    article_id: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    events: list[Event] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list, description="quotes and reported statements")
    removed: list[Removed] = Field(default_factory=list)
    error: Error | None = None
    pipeline: str | None = None
    incident: str | None = Field(None, description="the incident this article reports (the one of its main "
                                 "event), when incidents were clustered (`sitrep extract --incidents`)")
    text: str | None = Field(None, description="the text spans point into; written on request")


def json_schema() -> dict:
    """The published JSON Schema of one output line (docs/schema/document.schema.json)."""
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://sitrep.invalid/schema/document/{SCHEMA_VERSION}"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
