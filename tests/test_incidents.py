"""Incident clustering: signatures, matching, the incremental Clusterer, incident records.

The documents are small dicts shaped like `sitrep extract` output lines, written here;
one test runs the command with --incidents on three short articles.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from helpers import write

from sitrep import cli, incidents
from sitrep.errors import DataError
from sitrep.incidents import Clusterer, Signature, TermStats, cluster_documents, match, signature, summarise

# Three reports of one shooting, and one of another shooting in the same city earlier that week.
SHOT_A = ("Police said Darnell Okafor, 24, was shot on Pemberton Street late Friday in Riverton. "
          "Okafor was taken to Mercy Hospital. Detectives asked anyone with information to call.")
SHOT_B = ("A man shot on Pemberton Street in Riverton on Friday night has died, officers said. "
          "Darnell Okafor was pronounced dead at Mercy Hospital on Saturday.")
SHOT_C = ("Relatives of Darnell Okafor held a vigil on Pemberton Street on Sunday, two days after "
          "he was killed in Riverton.")
OTHER = ("A woman was wounded when gunfire hit a car on Lindqvist Avenue in Riverton on Tuesday. "
         "Officers arrested Tobias Vrancken, 31, near the Harbourside bus depot.")


def event(eid, *, day="2024-03-08", precision="day", lat=41.0, lon=-87.0, country="USA", killed=None,
          claims=(), acled="Violence against civilians"):
    fat = None
    if killed is not None or claims:
        fat = {"best": killed, "low": killed, "high": killed, "disputed": False, "claims": list(claims)}
    return {"id": eid, "article_id": f"art-{eid}", "type": "ASSAULT",
            "acled": {"event_type": acled, "sub_event_type": "Attack"} if acled else None,
            "actors": [], "location": {"text": "Riverton", "name": "Riverton", "country": country,
                                       "lat": lat, "lon": lon, "precision": 1},
            "date": {"text": "Friday", "value": day, "precision": precision} if day else None,
            "fatalities": fat, "injured": None, "evidence": [{"start": 0, "end": 20}]}


def doc(did, text, published, *events, error=None, source=None):
    return {"id": did, "text": text, "published": published, "events": list(events), "places": [],
            "error": error, "source": source}


def claim(count, source=None, total=None):
    return {"count": count, "low": count, "high": count, "source": source, "total": total,
            "evidence": {"start": 0, "end": 5}}


def reports():
    return [doc("a", SHOT_A, "2024-03-09", event("ea")),
            doc("b", SHOT_B, "2024-03-10", event("eb", killed=1)),
            doc("c", SHOT_C, "2024-03-10", event("ec", day="2024-03-08")),
            doc("d", OTHER, "2024-03-06", event("ed", day="2024-03-05", lat=41.1))]


def sig(d):
    return signature(d, d["events"][0] if d["events"] else None)


def test_signature_round_trips_through_json():
    s = sig(reports()[0])
    again = Signature.from_dict(json.loads(json.dumps(s.to_dict())))
    assert again == s
    assert s.family == "violence" and s.countries == ("USA",)
    assert "okafor" in s.terms and "pemberton" in s.terms
    assert "the" not in s.terms and "police" not in s.terms  # common words carry nothing


def test_names_weigh_more_than_common_words():
    terms = incidents.text_terms("Officers met Zebulon Quarrington near the hospital on Monday.")
    assert terms["quarrington"] > terms.get("hospital", 0)


@pytest.mark.parametrize("days_apart, share", [(0, True), (9, True), (10, True), (25, False), (60, False)])
def test_block_keys_share_a_key_within_the_bucket(days_apart, share):
    from datetime import date, timedelta

    day = date(2024, 3, 8)
    a = Signature(countries=("USA",), published=day.isoformat())
    b = Signature(countries=("USA",), published=(day + timedelta(days=days_apart)).isoformat())
    assert bool(set(a.block_keys()) & set(b.block_keys())) is share


def test_block_keys_separate_countries():
    a = Signature(countries=("USA",), published="2024-03-08")
    b = Signature(countries=("CAN",), published="2024-03-08")
    assert not set(a.block_keys()) & set(b.block_keys())
    assert all(k.startswith("USA|") for k in a.block_keys())


def test_reports_of_one_incident_match_and_others_do_not():
    a, b, c, d = (sig(x) for x in reports())
    stats = TermStats().add_all([a, b, c, d])
    assert match(a, b, stats) >= incidents.THRESHOLD
    assert match(a, c, stats) >= incidents.THRESHOLD
    assert match(a, d, stats) < incidents.THRESHOLD
    assert match(b, d, stats) < match(a, b, stats)


def test_match_respects_country_and_time():
    a = sig(reports()[0])
    far_away = Signature.from_dict({**a.to_dict(), "countries": ["CAN"], "lat": None, "lon": None})
    much_later = Signature.from_dict({**a.to_dict(), "published": "2024-09-01", "date": None})
    assert match(a, a) > 0.9
    assert match(a, far_away) == 0.0
    assert match(a, much_later) == 0.0


def test_conflicting_dates_and_places_lower_the_score():
    base = sig(reports()[0]).to_dict()
    a = Signature.from_dict({**base, "terms": {"okafor": 3.0, "pemberton": 3.0, "vigil": 2.0}})
    b = Signature.from_dict({**base, "terms": {"okafor": 3.0, "pemberton": 1.0, "mercy": 3.0}})
    other_day = Signature.from_dict({**b.to_dict(), "date": "2024-03-01"})
    other_town = Signature.from_dict({**b.to_dict(), "lat": 44.0, "lon": -80.0})
    assert 0 < match(a, other_day) < match(a, b) < 1
    assert 0 < match(a, other_town) < match(a, b)


def test_clusterer_creates_joins_and_keeps_the_first_id():
    docs = reports()
    c = Clusterer()
    inc_a, hist_a = c.add("ea", sig(docs[0]))
    assert inc_a == incidents.incident_id("ea") and inc_a.startswith("inc-") and len(inc_a) == 16
    assert hist_a == [{"action": "create", "incident": inc_a, "event": "ea", "into": None}]
    inc_b, hist_b = c.add("eb", sig(docs[1]))
    assert inc_b == inc_a and hist_b[0]["action"] == "join"
    inc_d, _ = c.add("ed", sig(docs[3]))
    assert inc_d != inc_a
    assert c.incident_of("eb") == inc_a
    assert c.add("eb", sig(docs[1])) == (inc_a, [])  # adding twice changes nothing


def test_a_bridging_report_merges_two_incidents_into_the_oldest():
    base = sig(reports()[0]).to_dict()
    half1 = {**base, "terms": {"okafor": 3.0, "pemberton": 3.0}}
    half2 = {**base, "terms": {"riverton": 3.0, "mercy": 3.0}}
    both = {**base, "terms": {"okafor": 3.0, "pemberton": 3.0, "riverton": 3.0, "mercy": 3.0}}
    c = Clusterer(threshold=0.5, merge_threshold=0.5)
    first, _ = c.add("e1", Signature.from_dict(half1))
    second, _ = c.add("e2", Signature.from_dict(half2))
    assert first != second
    inc, history = c.add("e3", Signature.from_dict(both))
    assert inc == first
    assert {"action": "merge", "incident": second, "event": "e3", "into": first} in history
    assert c.incident_of("e2") == first
    assert sorted(c.incidents[first]) == ["e1", "e2", "e3"]


def test_removing_the_bridge_splits_the_incident_again():
    base = sig(reports()[0]).to_dict()
    c = Clusterer(threshold=0.5, merge_threshold=0.5)
    c.add("e1", Signature.from_dict({**base, "terms": {"okafor": 3.0, "pemberton": 3.0}}))
    c.add("e2", Signature.from_dict({**base, "terms": {"riverton": 3.0, "mercy": 3.0}}))
    first, _ = c.add("e3", Signature.from_dict({**base, "terms": {"okafor": 3.0, "pemberton": 3.0,
                                                                  "riverton": 3.0, "mercy": 3.0}}))
    history = c.remove("e3")
    assert history[0] == {"action": "leave", "incident": first, "event": "e3", "into": None}
    assert history[1] == {"action": "split", "incident": first, "event": "e3", "into": incidents.incident_id("e2")}
    assert c.incident_of("e1") == first and c.incident_of("e2") == incidents.incident_id("e2")
    assert c.remove("e3") == []


def test_load_preloads_an_incident_from_a_store():
    docs = reports()
    c = Clusterer()
    c.load("inc-000000000001", [("ea", sig(docs[0]))])
    inc, history = c.add("eb", sig(docs[1]))
    assert inc == "inc-000000000001" and history[0]["action"] == "join"


def test_comparisons_stay_within_blocks():
    c = Clusterer()
    for i in range(30):  # thirty events, each in its own country
        c.add(f"e{i}", Signature(countries=(f"C{i:02d}",), published="2024-03-08", terms={"okafor": 3.0}))
    assert c.comparisons == 0
    assert len(set(c.incident_of(f"e{i}") for i in range(30))) == 30


def test_an_event_is_compared_with_at_most_max_candidates(monkeypatch):
    """In a block crowded with alike reports, each new event is compared with the ones sharing most words."""
    monkeypatch.setitem(incidents.config().text, "max_candidates", 5)
    c = Clusterer(threshold=2.0)  # nothing joins: every event is compared with those before it
    common = {"kandahar": 3.0, "arghandab": 3.0}
    for i in range(20):
        c.add(f"e{i}", Signature(countries=("AFG",), published="2024-03-08", terms={**common, f"w{i}": 3.0}))
    assert c.comparisons == sum(min(i, 5) for i in range(20))
    # the event sharing a third word is among those compared, however many share two
    c.add("x", Signature(countries=("AFG",), published="2024-03-08", terms={**common, "w3": 3.0}))
    scores = c._candidates(Signature(countries=("AFG",), published="2024-03-08", terms={**common, "w17": 3.0}),
                           c.stats.weigh({**common, "w17": 3.0}))
    assert incidents.incident_id("e17") in scores and len(scores) == 5


def test_cluster_documents_groups_reports_in_input_order():
    docs = reports() + [doc("x", "", "2024-03-09", error={"code": "E101", "reason": "empty input"})]
    ids = cluster_documents(docs)
    assert len(ids) == len(docs)
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert ids[4] not in ids[:4]  # a dropped document is alone
    assert docs[1]["events"][0]["incident_id"] == ids[1]
    assert ids[3] == incidents.incident_id("ed")  # the earliest report names its incident


def test_a_document_without_events_is_matched_on_its_text():
    docs = reports()
    docs[2]["events"] = []
    ids = cluster_documents(docs)
    assert ids[2] == ids[0]


def test_summarise_unions_claims_per_claimant():
    members = [
        {**event("e1", claims=[claim(2)]), "published": "2024-03-09", "source": "Riverton Herald"},
        {**event("e2", claims=[claim(3)]), "published": "2024-03-10", "source": "Riverton Herald"},
        {**event("e3", claims=[claim(4, source="the coroner")]), "published": "2024-03-10", "source": "Wire"},
    ]
    inc = summarise(members)
    fat = inc["fatalities"]
    assert sorted((c["source"], c["count"]) for c in fat["claims"]) == [("Riverton Herald", 3), ("the coroner", 4)]
    assert (fat["best"], fat["low"], fat["high"], fat["disputed"]) == (3, 3, 4, True)
    assert inc["events"] == ["e1", "e2", "e3"]
    assert inc["type"] == "ASSAULT" and inc["location"]["name"] == "Riverton"
    assert inc["date"] == {"value": "2024-03-08", "precision": "day"}


def test_the_outlet_in_an_events_sources_is_the_claimant():
    first = {**event("e1", claims=[claim(1)]), "published": "2024-03-09", "sources": ["Riverton Herald"]}
    later = {**event("e2", claims=[claim(2)]), "published": "2024-03-11", "sources": ["Riverton Herald"]}
    fat = summarise([later, first])["fatalities"]
    assert [(c["source"], c["count"]) for c in fat["claims"]] == [("Riverton Herald", 2)]


def test_summarise_keeps_a_toll_told_in_parts_together():
    parts = [claim(4, total=6), claim(2, total=6)]
    inc = summarise([{**event("e1", claims=parts), "published": "2024-03-09", "source": "Wire"}])
    assert inc["fatalities"]["best"] == 6 and len(inc["fatalities"]["claims"]) == 2
    assert not inc["fatalities"]["disputed"]


def test_malformed_settings_are_a_data_error():
    with pytest.raises(DataError):
        incidents.parse_config({"threshold": 0.3})


def test_extract_with_incidents_writes_one_on_every_line(tmp_path):
    records = [{"id": "r1", "text": SHOT_A, "published": "2024-03-09"},
               {"id": "r2", "text": SHOT_B, "published": "2024-03-10"},
               {"id": "r3", "text": OTHER, "published": "2024-03-06"},
               {"id": "r4", "text": "", "published": "2024-03-08"}]
    src = write(tmp_path, "in.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli.main, ["extract", src, "-o", str(out), "--incidents", "--quiet"])
    assert result.exit_code == 1, result.output  # r4 is dropped (empty), the rest goes on
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["id"] for d in lines] == ["r1", "r2", "r3", "r4"]
    assert all(d["incident"] and d["incident"].startswith("inc-") for d in lines)
    assert lines[0]["incident"] == lines[1]["incident"] != lines[2]["incident"]
    assert "text" not in lines[0]
