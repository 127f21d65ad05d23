"""The event-type classifier: shipped model current and reproducible, combined typing, confidence, explain.

Every text here was written for these tests.
"""
from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from helpers import write
from sitrep import classify, cli
from sitrep.api import keep_confident


def test_shipped_model_matches_the_training_data():
    """Fails when data/training/ changed and the model was not rebuilt: run `python -m sitrep.train`."""
    assert classify.load().digest == classify.training_digest(), \
        "the training data changed but data/classifier.npz was not rebuilt: run `python -m sitrep.train`"


def test_model_is_plain_arrays():
    from importlib import resources

    with resources.files("sitrep").joinpath(classify.MODEL_FILE).open("rb") as fh:
        arrays = np.load(fh, allow_pickle=False)  # no pickled objects inside
        assert {"vocab", "digest", "calibration", "acled_coef", "plover_coef"} <= set(arrays.files)


def test_heads_cover_the_categories():
    model = classify.load()
    acled = set(model.heads["acled"].classes)
    plover = set(model.heads["plover"].classes)
    assert len(acled) == 26 and classify.NONE in acled and "Air/drone strike" in acled
    assert {"ASSAULT", "PROTEST", "AGREE", "CONSULT", "REJECT", "SANCTION", classify.NO_EVENT} <= plover


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_model(tmp_path):
    pytest.importorskip("sklearn")
    from sitrep import train

    out = tmp_path / "model.npz"
    assert train.main(["--out", str(out)]) == 0
    with open(out, "rb") as fh, np.load(fh, allow_pickle=False) as fresh:
        rebuilt = classify.Model.from_arrays(fresh)
    shipped = classify.load()
    assert rebuilt.vocab == shipped.vocab and rebuilt.digest == shipped.digest
    for h in classify.HEADS:
        assert rebuilt.heads[h].classes == shipped.heads[h].classes
        assert np.allclose(rebuilt.heads[h].coef, shipped.heads[h].coef, atol=1e-3)
        assert rebuilt.heads[h].temperature == pytest.approx(shipped.heads[h].temperature)


def kinds(doc):
    return [(e.type, e.acled.sub_event_type if e.acled else None) for e in doc.events]


def test_each_event_of_an_article_is_typed_on_its_own(extract_doc):
    doc = extract_doc(
        "Coalition aircraft bombed two militia depots near the border on Friday, killing nine fighters. "
        "The strikes came in retaliation for a rocket attack on an air base last week that wounded four soldiers. "
        "Later the president spoke by phone with the prime minister about the raids.",
        published="2024-06-08")
    found = kinds(doc)
    assert found[0] == ("ASSAULT", "Air/drone strike")  # the article's news comes first
    assert ("ASSAULT", "Shelling/artillery/missile attack") in found
    assert ("CONSULT", None) in found


@pytest.mark.parametrize("text", [
    "The home side attacked from the first whistle and won the derby three-nil.",
    "The weekly published a bombshell report about the mayor's villa.",
    "Floods swept away two bridges in the valley after a week of rain.",
])
def test_hard_negatives_are_not_acled_events(extract_doc, text):
    assert not any(e.acled for e in extract_doc(text).events)


def test_a_report_without_a_trigger_gets_the_classifiers_event(extract_doc):
    doc = extract_doc("The European Union gave the government of Chad twelve million euros for rural schools.")
    assert [e.type for e in doc.events] == ["AID"]
    assert doc.events[0].trigger.text == "gave"


def test_confidence_is_a_probability_and_filters(extract_doc):
    doc = extract_doc("Gunmen shot dead a teacher in Ghazni on Monday. Officials said the minister would visit.")
    assert doc.events and all(0 <= e.confidence <= 1 for e in doc.events)
    lowest = min(e.confidence for e in doc.events)
    kept = keep_confident(doc.model_copy(deep=True), lowest + 1e-6)
    assert len(kept.events) == len(doc.events) - sum(e.confidence == lowest for e in doc.events)
    assert len(keep_confident(doc.model_copy(deep=True), None).events) == len(doc.events)


def test_cli_min_confidence(tmp_path):
    path = write(tmp_path, "a.txt", "Rebels fired mortars at an army base near Goma on Sunday.")
    runner = CliRunner()
    every = runner.invoke(cli.main, ["extract", path, "-f", "jsonl", "-q"])
    none = runner.invoke(cli.main, ["extract", path, "-f", "jsonl", "-q", "--min-confidence", "1"])
    assert every.exit_code == 0 and none.exit_code == 0
    assert json.loads(every.output)["events"]
    assert json.loads(none.output)["events"] == []
    bad = runner.invoke(cli.main, ["extract", path, "--min-confidence", "2"])
    assert bad.exit_code == 2


def test_explain_shows_trigger_rule_and_classifier():
    result = CliRunner().invoke(cli.main, ["explain", "Rebels fired mortars at an army base near Goma on Sunday."])
    assert result.exit_code == 0, result.output
    for part in ("mention", "'fired'", "rule      shelling", "PLOVER    ASSAULT", "features"):
        assert part in result.output
    as_json = CliRunner().invoke(cli.main, ["explain", "--json", "The minister met her counterpart in Oslo."])
    found = json.loads(as_json.output)
    assert found[0]["final"] == "consult" and found[0]["plover"][0][0] == "CONSULT"


def test_explain_with_no_event():
    result = CliRunner().invoke(cli.main, ["explain", "The weather was mild."])
    assert result.exit_code == 0 and "no event mention" in result.output
