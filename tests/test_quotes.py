"""Who said what: quotes, reported statements, speakers and claim types (the project's own sentences)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write

from sitrep import cli, nlp
from sitrep.quotes import claim_type, find_statements, quoted_spans

ARTICLE = (
    "Gunmen kill four at a market in Kandor\n\n"
    "KANDOR – Gunmen killed four traders at a busy market in Kandor on Monday, police said.\n\n"
    "\u201cThey came on motorbikes and fired at everyone,\u201d said Amir Tahl, the district police chief. "
    "He said two of the wounded were children.\n\n"
    "Interior Minister Sara Holm told reporters the attackers would be found. "
    "\u201cWe know who they are,\u201d Holm said.\n\n"
    "The Red Valley Front claimed responsibility for the attack in a statement. The government accused "
    "the group of targeting civilians, but the front denied any involvement in the killing of children.\n\n"
    "A senior army official said the group had been seen in the hills. Two units were sent north, the "
    "official said.\n"
)


@pytest.fixture(scope="module")
def statements():
    doc = nlp.load()(ARTICLE)
    return find_statements(doc)


def _by(statements, words):
    return next(s for s in statements if words in s.text)


@pytest.mark.parametrize(
    "words, speaker, form",
    [
        ("came on motorbikes", "Amir Tahl", "direct"),
        ("two of the wounded were children", "Amir Tahl", "indirect"),  # "He" -> the last speaker
        ("We know who they are", "Sara Holm", "direct"),  # a surname -> the full name given before
        ("Two units were sent north", "A senior army official", "indirect"),  # "the official" -> named before
        ("the group had been seen in the hills", "A senior army official", "indirect"),
    ],
)
def test_speakers_are_resolved_through_the_text(statements, words, speaker, form):
    s = _by(statements, words)
    assert (s.speaker, s.form) == (speaker, form)


@pytest.mark.parametrize(
    "words, role",
    [
        ("came on motorbikes", "the district police chief"),  # apposition
        ("We know who they are", "Interior Minister"),  # the title before the name
    ],
)
def test_speaker_roles(statements, words, role):
    assert _by(statements, words).speaker_role == role


@pytest.mark.parametrize(
    "words, speaker, claim",
    [
        ("responsibility for the attack", "The Red Valley Front", "responsibility"),
        ("accused the group of targeting civilians", "The government", "accusation"),
        ("denied any involvement", "the front", "denial"),
    ],
)
def test_claims_of_responsibility_denials_and_accusations(statements, words, speaker, claim):
    s = _by(statements, words)
    assert (s.speaker, s.claim) == (speaker, claim)


def test_every_statement_points_into_the_text(statements):
    assert statements
    for s in statements:
        assert ARTICLE[s.content.start:s.content.end].strip() == s.text
        assert s.evidence.start <= s.content.start and s.content.end <= s.evidence.end + 1
        if s.speaker_evidence is not None:
            assert ARTICLE[s.speaker_evidence.start:s.speaker_evidence.end] == s.speaker


@pytest.mark.parametrize(
    "text",
    [
        "Officials did not respond to questions about the raid.",  # nothing said
        "A group called the Night Riders operates in the hills.",  # "called": a name
        "Residents fled the \u201cred zone\u201d after the shelling.",  # scare quotes, no speaker
    ],
)
def test_what_is_not_a_statement(text):
    assert find_statements(nlp.load()(text)) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The group claimed responsibility for the bombing.", "responsibility"),
        ("Rebels took responsibility for the ambush on Sunday.", "responsibility"),
        ("The militia claimed the attack in a post online.", "responsibility"),
        ("The ministry denied any involvement in the blast.", "denial"),
        ("Officials said they had nothing to do with the strike.", "denial"),
        ("The army blamed the rebels for the shelling.", "accusation"),
        ("Police accused two men of planting the bomb.", "accusation"),
        ("The mayor said the market would reopen.", None),
    ],
)
def test_claim_type(text, expected):
    assert claim_type(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said "we will stay" and left.', ["we will stay"]),
        ("\u201cOne,\u201d she said, \u201ctwo.\u201d", ["One,", "two."]),
        ('"an open quote runs to the end', ["an open quote runs to the end"]),
        ("no quotes here", []),
    ],
)
def test_quoted_spans(text, expected):
    assert [text[a:b] for a, b in quoted_spans(text)] == expected


def test_statements_are_on_the_document(extract_doc):
    doc = extract_doc(ARTICLE, published="2024-03-06")
    assert any(s.claim == "responsibility" and s.speaker == "The Red Valley Front" for s in doc.statements)


def test_quotes_command_lists_statements(tmp_path):
    path = write(tmp_path, "market.txt", ARTICLE)
    result = CliRunner().invoke(cli.main, ["quotes", path])
    assert result.exit_code == 0, result.output
    assert "Amir Tahl" in result.output and "[denial]" in result.output


def test_quotes_command_claims_only_as_jsonl(tmp_path):
    path = write(tmp_path, "market.txt", ARTICLE)
    result = CliRunner().invoke(cli.main, ["quotes", path, "--claims", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {r["claim"] for r in rows} == {"responsibility", "denial", "accusation"}
    assert all(r["id"] for r in rows)


def test_quotes_command_reports_an_unreadable_input(tmp_path):
    result = CliRunner().invoke(cli.main, ["quotes", str(tmp_path / "missing.txt")])
    assert result.exit_code != 0


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "airstrike-report.txt"


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds is not beside the repository")
def test_worked_example_claim_and_denial(extract_doc):
    text = SEEDS.read_text(encoding="utf-8")
    doc = extract_doc(text, published="2021-02-26")
    claims = {(s.speaker, s.claim) for s in doc.statements if s.claim}
    assert ("Saraya Awliya al-Dam", "responsibility") in claims
    assert ("Iran", "denial") in claims
    kirby = [s for s in doc.statements if s.speaker == "John Kirby"]
    assert kirby and all(s.speaker_role for s in kirby)
    for s in doc.statements:
        if s.claim:
            assert s.speaker in text[s.evidence.start:s.evidence.end]
