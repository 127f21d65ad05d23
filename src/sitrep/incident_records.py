"""Incident records: one incident-level summary from the member events of an incident.

Claims are unioned per claimant (a claimant's latest report replaces its earlier
ones; different claimants stay side by side), and the incident's best, low and high
figures and whether they are disputed come from them. Used by the store
(``refresh_incident``) and by ``sitrep extract --incidents`` readers alike.
"""
from __future__ import annotations

from collections import Counter, defaultdict


def _claimant(claim: dict, member: dict) -> str:
    """Who makes a claim: its own source, else the outlet that published the report."""
    outlet = member.get("outlet") or next(iter(member.get("sources") or ()), None)
    return claim.get("source") or outlet or member.get("source") or member.get("article_id") or "?"


def _union_claims(members: list[dict], key: str) -> dict | None:
    """Claims of every member, grouped by claimant: a claimant's latest report replaces its earlier ones.

    A report's claims from one claimant (a toll told in parts) stay together; the
    figure of a group is its claims' combined ``total`` where given, else the last count.
    """
    latest: dict[str, tuple[tuple, list[dict]]] = {}
    for rank, m in enumerate(members):
        groups: dict[str, list[dict]] = defaultdict(list)
        for claim in ((m.get(key) or {}).get("claims") or ()):
            groups[_claimant(claim, m)].append({**claim, "source": _claimant(claim, m), "event": m.get("id")})
        when = (str(m.get("published") or ""), rank)
        for who, claims in groups.items():
            if who not in latest or when >= latest[who][0]:
                latest[who] = (when, claims)
    if not latest:
        return None
    groups = [claims for _, claims in sorted(latest.values(), key=lambda x: x[0])]
    figures, lows, highs = [], [], []
    for claims in groups:
        last = claims[-1]
        fig = next((c["total"] for c in claims if c.get("total") is not None), last["count"])
        figures.append(fig)
        lows.append(last["low"] if last.get("low") is not None and last.get("total") is None else fig)
        highs.append(last["high"] if last.get("high") is not None and last.get("total") is None else fig)
    return {"best": min(figures), "low": min(lows), "high": max(highs), "disputed": len(set(figures)) > 1,
            "claims": [c for claims in groups for c in claims]}


def _most_common(values):
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else None


def summarise(members: list[dict]) -> dict:
    """One incident-level record from its member events.

    Each member is an event dict as in the output record, with its document's
    ``published`` and its outlet (``outlet``, else the event's first ``sources`` entry,
    else ``source``) when known. Claims are unioned per claimant.
    """
    precise = {"day": 0, "week": 1, "month": 2, "year": 3}
    dates = [m.get("date") for m in members if (m.get("date") or {}).get("value")]
    best_date = None
    if dates:
        top = min(precise.get(d.get("precision") or "year", 3) for d in dates)
        values = [d["value"] for d in dates if precise.get(d.get("precision") or "year", 3) == top]
        best_date = {"value": _most_common(values), "precision": next(
            (d.get("precision") for d in dates if d["value"] == _most_common(values)), None)}
    locs = [m.get("location") for m in members if (m.get("location") or {}).get("lat") is not None]
    location = None
    if locs:
        top = min(loc.get("precision") or 3 for loc in locs)
        name = _most_common([loc.get("name") or loc.get("text") for loc in locs if (loc.get("precision") or 3) == top])
        location = next((loc for loc in locs if (loc.get("name") or loc.get("text")) == name), locs[0])
        location = {k: location.get(k) for k in ("name", "country", "admin1", "lat", "lon", "precision")}
    acled = _most_common([tuple(sorted((m.get("acled") or {}).items())) for m in members if m.get("acled")])
    return {
        "type": _most_common([m.get("type") for m in members]),
        "acled": dict(acled) if acled else None,
        "date": best_date,
        "location": location,
        "fatalities": _union_claims(members, "fatalities"),
        "injured": _union_claims(members, "injured"),
        "events": [m.get("id") for m in members],
        "documents": sorted({m.get("article_id") or m.get("document") for m in members} - {None}),
        "sources": sorted({m.get("source") for m in members if m.get("source")}),
    }
