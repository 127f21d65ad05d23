"""STAND-IN for the incident matcher (the incidents helper's module replaces this file at merge).

It follows /work/notes/INCIDENTS_CONTRACT.md exactly, with the simplest rule
that lets the store be built and tested: two events are one incident when they
share a country, the same ACLED event type, dates at most a day apart, and
(when both have coordinates) lie within 25 km of each other.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import asdict, dataclass
from datetime import date, timedelta

THRESHOLD = 0.5


@dataclass(frozen=True)
class Signature:
    """What the matcher knows about one event. JSON-serialisable."""

    country: str | None
    day: str | None
    acled_type: str | None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Signature":
        return cls(**d)

    def block_keys(self) -> list[str]:
        if not self.country or not self.day:
            return []  # match() needs both: such an event is an incident of its own
        d = date.fromisoformat(self.day)
        return [f"{self.country}|{(d + timedelta(days=k)).isoformat()}" for k in (-1, 0, 1)]


def signature(document: dict, event: dict) -> Signature:
    loc = event.get("location") or {}
    when = (event.get("date") or {}).get("value") or document.get("published")
    day = when[:10] if when and len(when) >= 10 else None
    acled = event.get("acled") or {}
    return Signature(country=loc.get("country"), day=day, acled_type=acled.get("event_type") or event.get("type"),
                     lat=loc.get("lat"), lon=loc.get("lon"))


def _km(a: Signature, b: Signature) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def match(a: Signature, b: Signature) -> float:
    if not a.country or a.country != b.country or not a.day or not b.day or a.acled_type != b.acled_type:
        return 0.0
    if abs((date.fromisoformat(a.day) - date.fromisoformat(b.day)).days) > 1:
        return 0.0
    if None not in (a.lat, a.lon, b.lat, b.lon) and _km(a, b) > 25:
        return 0.0
    return 1.0


def _new_id(event_id: str) -> str:
    return "inc-" + hashlib.sha256(event_id.encode()).hexdigest()[:12]


class Clusterer:
    """Incremental clustering; blocked by Signature.block_keys()."""

    def __init__(self, threshold: float | None = None):
        self.threshold = THRESHOLD if threshold is None else threshold
        self.members: dict[str, list[tuple[str, Signature]]] = {}
        self.of: dict[str, str] = {}
        self.blocks: dict[str, set[str]] = {}

    def load(self, incident_id: str, members: list[tuple[str, Signature]]) -> None:
        for event_id, sig in members:
            self._put(incident_id, event_id, sig)

    def _put(self, incident_id: str, event_id: str, sig: Signature) -> None:
        self.members.setdefault(incident_id, []).append((event_id, sig))
        self.of[event_id] = incident_id
        for key in sig.block_keys():
            self.blocks.setdefault(key, set()).add(incident_id)

    def add(self, event_id: str, sig: Signature) -> tuple[str, list[dict]]:
        if event_id in self.of:
            return self.of[event_id], []
        candidates = sorted({i for k in sig.block_keys() for i in self.blocks.get(k, ())})
        hits = [i for i in candidates if any(match(sig, s) >= self.threshold for _, s in self.members.get(i, []))]
        if not hits:
            inc = _new_id(event_id)
            self._put(inc, event_id, sig)
            return inc, [{"action": "create", "incident": inc, "event": event_id, "into": None}]
        target, history = hits[0], []
        self._put(target, event_id, sig)
        history.append({"action": "join", "incident": target, "event": event_id, "into": None})
        for other in hits[1:]:
            for ev, s in self.members.pop(other):
                self._put(target, ev, s)
            for ids in self.blocks.values():
                ids.discard(other)
            history.append({"action": "merge", "incident": other, "event": event_id, "into": target})
        return target, history

    def incident_of(self, event_id: str) -> str:
        return self.of[event_id]


def _claims(members: list[dict], field: str) -> list[dict]:
    """Claims unioned per claimant: a claimant's later figure replaces its earlier one."""
    latest: dict[str, tuple[str, dict]] = {}
    for ev in members:
        for c in ((ev.get(field) or {}).get("claims") or []):
            who = c.get("source") or ev.get("outlet") or ev.get("source") or "publisher"
            when = ev.get("published") or ""
            if who not in latest or when >= latest[who][0]:
                latest[who] = (when, dict(c, source=who, event=ev.get("id")))
    return [c for _, c in latest.values()]


def _counts(claims: list[dict]) -> dict | None:
    if not claims:
        return None
    figures = [c.get("total") or c["count"] for c in claims]
    return {"best": min(figures), "low": min(figures), "high": max(figures),
            "disputed": len(set(figures)) > 1, "claims": claims}


def summarise(members: list[dict]) -> dict:
    first = members[0]
    dates = sorted(d for d in ((m.get("date") or {}).get("value") for m in members) if d)
    located = [m["location"] for m in members if m.get("location")]
    return {
        "type": first.get("type"), "acled": first.get("acled"),
        "date": {"start": dates[0] if dates else None, "end": dates[-1] if dates else None},
        "location": located[0] if located else None,
        "fatalities": _counts(_claims(members, "fatalities")),
        "injured": _counts(_claims(members, "injured")),
        "events": [m.get("id") for m in members],
        "documents": sorted({m.get("article_id") for m in members if m.get("article_id")}),
    }


def cluster_documents(documents: list[dict]) -> list[str]:
    clusterer, out = Clusterer(), []
    for doc in documents:
        ids = [clusterer.add(ev["id"], signature(doc, ev))[0] for ev in doc.get("events") or []]
        out.append(ids[0] if ids else _new_id(doc.get("article_id") or doc.get("id") or ""))
    return out
