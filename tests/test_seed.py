"""Acceptance test on the worked example in ../shared/seeds (skipped where ../shared is absent).

What an analyst codes from the damaged wire report: a US air strike in Syria,
three rocket attacks in Iraq (Irbil, Balad, Baghdad), a leaders' phone call
and a denial; and nothing from the app promotion, the bylines, the quoted
hypothetical or a minister's travel at home.
"""
from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
REPORT = SEEDS / "airstrike-report.txt"

pytestmark = pytest.mark.skipif(not REPORT.exists(), reason="../shared/seeds is not beside the repository")

SHELLING = "Shelling/artillery/missile attack"


@pytest.fixture(scope="module")
def report():
    import sitrep

    text = REPORT.read_text(encoding="utf-8")
    return text, sitrep.extract(text, published="2021-02-26")


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def lines_of(text, event) -> set[int]:
    spans = [event.trigger.evidence, *event.evidence]
    return {line_of(text, s.start) for s in spans}


def test_air_strike_in_syria_comes_first_with_disputed_toll(report):
    text, events = report
    first = events[0]
    assert first.acled.sub_event_type == "Air/drone strike"
    assert first.location.country == "SYR" and first.location.precision == 3  # a region of the country
    assert first.date.value in {"2021-02-25", "2021-02-26"}
    assert first.fatalities.best == 17 and first.fatalities.high == 22 and first.fatalities.disputed
    assert {c.count for c in first.fatalities.claims} == {17, 22}
    by_count = {c.count: c.source or "" for c in first.fatalities.claims}
    assert "Observatory" in by_count[22] and "IRIB" in by_count[17]


def test_three_rocket_attacks_in_iraq_are_three_events(report):
    text, events = report
    shelling = [e for e in events if e.acled and e.acled.sub_event_type == SHELLING]
    places = [e.location.text if e.location else "" for e in shelling]
    for town in ("Irbil", "Balad", "Baghdad"):
        assert sum(town in p for p in places) == 1, (town, places)
    irbil = next(e for e in shelling if "Irbil" in e.location.text)
    assert irbil.date.value == "2021-02-15"  # the night before the 16 February of the caption
    assert abs(irbil.location.lat - 36.19) < 0.2 and abs(irbil.location.lon - 44.01) < 0.2
    balad = next(e for e in shelling if "Balad" in e.location.text)
    assert balad.location.name == "Balad" and balad.location.precision == 2  # near the town, not in it
    assert balad.location.country == "IRQ" and balad.location.lat is not None
    baghdad = next(e for e in shelling if e.location.text == "Baghdad")
    assert baghdad.location.precision == 1
    assert irbil.fatalities.best == 1
    assert irbil.injured is not None and irbil.injured.best >= 1


def test_call_and_denial(report):
    text, events = report
    types = [e.type for e in events]
    assert "CONSULT" in types and "REJECT" in types
    denial = next(e for e in events if e.type == "REJECT")
    assert any(a.country == "IRN" for a in denial.actors if a.role == "initiator")
    call = next(e for e in events if e.type == "CONSULT")
    assert {a.role for a in call.actors} == {"initiator", "target"}
    assert call.date is not None and call.date.value == "2021-02-23"


def test_nothing_from_promo_bylines_hypothetical_or_travel(report):
    text, events = report
    lines = text.splitlines()
    forbidden = {i + 1 for i, line in enumerate(lines)
                 if "app" in line.lower() or " reported from " in line or "contributed" in line
                 or "consented" in line or "could reduce" in line or "California" in line}
    assert forbidden, "the example changed: the forbidden lines were not found"
    for e in events:
        assert line_of(text, e.trigger.evidence.start) not in forbidden, e.summary
    assert not any(e.type == "CONSULT" and e.location and "California" in e.location.text for e in events)


def test_broadcaster_is_a_claimant_not_an_attacker(report):
    text, events = report
    for e in events:
        for a in e.actors:
            if a.role == "initiator":
                assert "IRIB" not in a.text and "broadcaster" not in a.text


def test_every_event_is_backed_by_its_words(report):
    text, events = report
    for e in events:
        assert text[e.trigger.evidence.start:e.trigger.evidence.end] == e.trigger.text
        for a in e.actors:
            assert text[a.evidence.start:a.evidence.end] == a.text
