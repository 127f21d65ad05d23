"""The ``sitrep`` command: formats, inputs, atomic output, bad inputs and exit codes.

Most tests run the command in-process with click's CliRunner (the pipeline is
the session's); one runs the installed console script.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import write
from click.testing import CliRunner

from sitrep import cli, errors, render
from sitrep.errors import ModelError

GOOD = "Gunmen killed six villagers in the north on Saturday, police said.\n"
# an arrest of armed suspects (arrested protesters would make a protest with intervention, as ACLED codes it)
ARREST = "Police arrested ten suspected militants in the capital on Friday, witnesses said.\n"
THURSDAY = "Rebels attacked an army convoy near the border on Thursday, killing two soldiers.\n"
FRENCH = ("Des hommes armés ont attaqué un poste de police dans le nord du pays jeudi, tuant deux agents, "
          "selon les autorités locales qui ont ouvert une enquête.\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"




def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(cli.main, list(args), input=input)


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def error_code(doc: dict) -> str | None:
    return doc["error"]["code"] if doc["error"] else None


@pytest.fixture(autouse=True)
def _pipeline_loaded(pipeline):
    """The command takes the session's pipeline (sitrep.api.get_pipeline is cached)."""


# --- one text file, each format ---------------------------------------------------------------


def test_extract_a_text_file(tmp_path):
    path = write(tmp_path, "report.txt", GOOD)
    result = run("extract", path)
    assert result.exit_code == errors.EXIT_OK, result.output
    (doc,) = lines(result)  # not a terminal: JSONL by default
    assert doc["id"] == path and doc["source"] == path and doc["error"] is None
    assert doc["events"][0]["type"] == "ASSAULT"
    assert "text" not in doc
    assert "1 articles, 1 events, 0 dropped" in result.stderr


@pytest.mark.parametrize("output, tty, expected", [(None, True, "table"), (None, False, "jsonl"),
                                                   ("out.jsonl", True, "jsonl")])
def test_default_format(monkeypatch, output, tty, expected):
    monkeypatch.setattr(sys, "stdout", type("Out", (io.StringIO,), {"isatty": lambda self: tty})())
    assert cli.default_format(output) == expected


def test_format_json(tmp_path):
    result = run("extract", write(tmp_path, "a.txt", GOOD), write(tmp_path, "b.txt", ARREST), "--format", "json")
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert [d["id"] for d in docs] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert [d["events"][0]["type"] for d in docs] == ["ASSAULT", "COERCE"]


def test_format_jsonl_with_text(tmp_path):
    result = run("extract", write(tmp_path, "a.txt", GOOD), "-f", "jsonl", "--with-text")
    (doc,) = lines(result)
    assert doc["text"] == GOOD
    trigger = doc["events"][0]["trigger"]
    assert GOOD[trigger["evidence"]["start"]:trigger["evidence"]["end"]] == trigger["text"]


def test_format_csv(tmp_path):
    result = run("extract", write(tmp_path, "a.txt", GOOD), write(tmp_path, "b.txt", ARREST), "-f", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == render.CSV_COLUMNS
    assert [(r["doc_id"], r["type"], r["acled_sub_event_type"]) for r in rows] == [
        (str(tmp_path / "a.txt"), "ASSAULT", "Attack"),
        (str(tmp_path / "b.txt"), "COERCE", "Arrests"),
    ]
    assert rows[0]["fatalities_best"] == "6"


def test_format_table(tmp_path):
    result = run("extract", write(tmp_path, "a.txt", GOOD), write(tmp_path, "empty.txt", ""), "-f", "table")
    assert str(tmp_path / "a.txt") in result.stdout
    assert "ASSAULT" in result.stdout and "Attack" in result.stdout
    assert "dropped: E101" in result.stdout


def test_published_anchors_dates(tmp_path):
    result = run("extract", write(tmp_path, "a.txt", THURSDAY), "--published", "2021-02-26")
    (doc,) = lines(result)
    assert doc["published"] == "2021-02-26"
    assert doc["events"][0]["date"]["value"] == "2021-02-25"


def test_a_bad_published_date_is_a_usage_error(tmp_path):
    result = run("extract", write(tmp_path, "a.txt", GOOD), "--published", "26/02/2021")
    assert result.exit_code == errors.EXIT_USAGE
    assert "is not a date" in result.output


# --- --output ---------------------------------------------------------------------------------


def test_output_is_written_whole(tmp_path):
    out = tmp_path / "out" / "events.jsonl"
    out.parent.mkdir()
    result = run("extract", write(tmp_path, "a.txt", GOOD), write(tmp_path, "b.txt", ARREST), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert os.listdir(out.parent) == ["events.jsonl"]  # no .part file left beside it
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


@pytest.mark.parametrize("failure, exit_code", [(ModelError("the model broke"), ModelError.exit_code),
                                                (RuntimeError("a bug"), 1)])
def test_a_failed_run_leaves_no_partial_output(tmp_path, monkeypatch, pipeline, failure, exit_code):
    out = tmp_path / "out" / "events.jsonl"
    out.parent.mkdir()
    out.write_text("the previous run\n")
    real = pipeline.process_many

    def fails_after_one(items):
        it = real(items)
        yield next(it)
        raise failure

    monkeypatch.setattr(pipeline, "process_many", fails_after_one)
    result = run("extract", write(tmp_path, "a.txt", GOOD), write(tmp_path, "b.txt", ARREST), "-o", str(out))
    assert result.exit_code == exit_code
    assert os.listdir(out.parent) == ["events.jsonl"]
    assert out.read_text() == "the previous run\n"  # untouched: written whole or not at all


def test_output_into_a_missing_directory(tmp_path):
    out = tmp_path / "missing" / "events.jsonl"
    result = run("extract", write(tmp_path, "a.txt", GOOD), "-o", str(out))
    assert result.exit_code == errors.EXIT_USAGE
    assert "cannot write --output" in result.stderr and "E001" in result.stderr
    assert not (tmp_path / "missing").exists()


# --- inputs: stdin, directories, globs, JSONL -------------------------------------------------------


def test_stdin(tmp_path):
    result = run("extract", "-", input=GOOD)
    assert result.exit_code == 0, result.output
    (doc,) = lines(result)
    assert doc["id"] == "-" and doc["events"]


def test_stdin_without_arguments():
    result = run("extract", "-q", input=ARREST)
    (doc,) = lines(result)
    assert doc["events"][0]["type"] == "COERCE"


def test_stdin_jsonl():
    data = json.dumps({"id": "s1", "text": GOOD}) + "\n" + json.dumps({"id": "s2", "text": ARREST}) + "\n"
    result = run("extract", "-", input=data)
    assert [d["id"] for d in lines(result)] == ["s1", "s2"]


def test_a_directory(tmp_path):
    folder = tmp_path / "in"
    write(folder, "b.txt", ARREST)
    write(folder, "a.txt", GOOD)
    write(folder, "c.jsonl", json.dumps({"id": "c1", "text": THURSDAY}) + "\n")
    write(folder, "notes.bin", b"\x00\x01")  # not a known extension: not read from a directory
    write(folder, ".hidden.txt", GOOD)
    result = run("extract", str(folder))
    assert result.exit_code == 0, result.output
    assert [d["id"] for d in lines(result)] == [str(folder / "a.txt"), str(folder / "b.txt"), "c1"]


def test_a_glob(tmp_path):
    write(tmp_path, "a.txt", GOOD)
    write(tmp_path, "b.txt", ARREST)
    write(tmp_path, "c.jsonl", json.dumps({"id": "c1", "text": THURSDAY}) + "\n")
    result = run("extract", str(tmp_path / "*.txt"))
    assert [d["id"] for d in lines(result)] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]


def test_a_glob_that_matches_nothing(tmp_path):
    result = run("extract", str(tmp_path / "*.txt"))
    assert result.exit_code == errors.EXIT_INPUT
    (doc,) = lines(result)
    assert error_code(doc) == "E100" and "matches no file" in doc["error"]["reason"]


def test_jsonl_batch_gives_one_line_per_record_in_order(tmp_path):
    records = [
        json.dumps({"id": "r1", "text": GOOD, "published": "2021-02-26"}),
        "this line is not JSON",
        json.dumps({"id": "r3", "title": "a record with no text"}),
        json.dumps({"id": "r4", "text": FRENCH}),
        json.dumps({"id": "r5", "text": "   "}),
        "",
        json.dumps({"text": ARREST}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(records) + "\n")
    result = run("extract", path)
    assert result.exit_code == errors.EXIT_SOME_DROPPED
    docs = lines(result)
    assert [d["id"] for d in docs] == ["r1", f"{path}:2", "r3", "r4", "r5", f"{path}:7"]
    assert [error_code(d) for d in docs] == [None, "E105", "E105", "E200", "E101", None]
    assert docs[0]["published"] == "2021-02-26" and docs[0]["events"]
    assert docs[-1]["events"][0]["type"] == "COERCE"
    assert "not valid JSON" in docs[1]["error"]["reason"] and docs[1]["error"]["hint"]
    assert "has no 'text'" in docs[2]["error"]["reason"]
    assert "6 articles, 2 events, 4 dropped" in result.stderr
    assert "2 × E105 malformed record" in result.stderr


# --- bad inputs: a clear reason, a documented exit code ------------------------------------------


@pytest.mark.parametrize(
    "name, data, code, words",
    [
        ("empty.txt", "", "E101", "is empty"),
        ("blank.txt", " \n\t\n", "E101", "only whitespace"),
        ("image.txt", PNG, "E102", "binary"),
        ("image.png", PNG, "E102", "binary"),
        ("one.jsonl", "{not json}\n", "E105", "not valid JSON"),
        ("one.jsonl", json.dumps({"id": "x", "title": "t"}) + "\n", "E105", "has no 'text'"),
        ("latin.jsonl", b'{"id": "x", "text": "caf\xe9 attacked"}\n', "E104", "not valid UTF-8"),
        ("none.jsonl", "\n\n", "E101", "holds no records"),
        ("header.csv", "id,text\n", "E101", "holds no records"),
    ],
)
def test_a_single_bad_input(tmp_path, name, data, code, words):
    result = run("extract", write(tmp_path, name, data))
    assert result.exit_code == errors.EXIT_INPUT
    (doc,) = lines(result)
    assert error_code(doc) == code
    assert words in doc["error"]["reason"] and doc["error"]["hint"]
    assert doc["events"] == []
    assert f"1 × {code}" in result.stderr


def test_a_missing_file(tmp_path):
    result = run("extract", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == errors.EXIT_INPUT
    assert error_code(lines(result)[0]) == "E100"


def test_a_non_english_input(tmp_path):
    result = run("extract", write(tmp_path, "fr.txt", FRENCH))
    assert result.exit_code == errors.EXIT_LANGUAGE
    (doc,) = lines(result)
    assert error_code(doc) == "E200" and "French" in doc["error"]["reason"]


def test_a_50_mb_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        chunk = THURSDAY.encode() * 10_000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    started = time.monotonic()
    result = run("extract", str(path), write(tmp_path, "ok.txt", GOOD))
    assert time.monotonic() - started < 10
    assert result.exit_code == errors.EXIT_SOME_DROPPED
    big, ok = lines(result)
    assert error_code(big) == "E103" and "over the limit" in big["error"]["reason"]
    assert ok["error"] is None and ok["events"]


def test_a_long_text_under_the_byte_limit_is_not_parsed(tmp_path):
    """Read (it is under the 10 MiB byte limit) but over the pipeline's limit on one article's text."""
    path = write(tmp_path, "long.txt", THURSDAY * 20_000)  # 1.6 MB of text
    started = time.monotonic()
    result = run("extract", path)
    assert time.monotonic() - started < 10
    assert result.exit_code == errors.EXIT_INPUT
    (doc,) = lines(result)
    assert error_code(doc) == "E103" and "characters" in doc["error"]["reason"]


def test_max_bytes_option(tmp_path):
    result = run("extract", write(tmp_path, "a.txt", GOOD), "--max-bytes", "20")
    (doc,) = lines(result)
    assert error_code(doc) == "E103" and "over the limit of 20" in doc["error"]["reason"]
    assert run("extract", write(tmp_path, "b.txt", GOOD), "--max-bytes", "0").exit_code == errors.EXIT_USAGE


def test_latin1_bytes_are_decoded(tmp_path):
    text = "Rebels attacked a convoy near the caf\u00e9 in the old town on Monday, killing two soldiers, the army said.\n"
    result = run("extract", write(tmp_path, "latin.txt", text.encode("latin-1")), "--with-text")
    assert result.exit_code == 0, result.output
    (doc,) = lines(result)
    assert doc["error"] is None
    assert doc["text"] == text
    assert doc["events"][0]["type"] == "ASSAULT"


def test_malformed_html(tmp_path):
    page = ("<html><head><title>Convoy attacked</title><body><div class=story><p>Rebels attacked <b>a convoy "
            "near Goma on Monday, killing <p>two soldiers</div></i><td>the army said.</span><p")
    result = run("extract", write(tmp_path, "broken.html", page), "--with-text")
    assert result.exit_code == 0, result.output
    (doc,) = lines(result)
    assert doc["error"] is None
    assert "Rebels attacked" in doc["text"] and "<b>" not in doc["text"]
    assert "ASSAULT" in {e["type"] for e in doc["events"]}


def test_html_without_text(tmp_path):
    result = run("extract", write(tmp_path, "app.html", "<html><body><script>render()</script></body></html>"))
    assert result.exit_code == errors.EXIT_INPUT
    assert error_code(lines(result)[0]) == "E106"


def test_a_batch_of_good_and_bad_inputs(tmp_path):
    paths = [
        write(tmp_path, "1-good.txt", GOOD),
        write(tmp_path, "2-empty.txt", ""),
        write(tmp_path, "3-image.txt", PNG),
        write(tmp_path, "4-records.jsonl", json.dumps({"id": "r1", "text": ARREST}) + "\n{oops\n"),
        write(tmp_path, "5-latin.txt", GOOD.replace("north", "caf\u00e9 district").encode("latin-1")),
    ]
    result = run("extract", *paths)
    assert result.exit_code == errors.EXIT_SOME_DROPPED
    docs = lines(result)
    assert [d["id"] for d in docs] == [paths[0], paths[1], paths[2], "r1", f"{paths[3]}:2", paths[4]]
    assert [error_code(d) for d in docs] == [None, "E101", "E102", None, "E105", None]
    assert all(d["events"] for d in docs if not d["error"])
    summary = result.stderr
    assert "6 articles" in summary and "3 dropped" in summary
    for reason in ("E101 empty input", "E102 binary input", "E105 malformed record"):
        assert f"1 × {reason}" in summary


def test_quiet_prints_no_summary(tmp_path):
    result = run("extract", write(tmp_path, "a.txt", GOOD), "-q")
    assert result.exit_code == 0 and result.stderr == ""


# --- other commands ---------------------------------------------------------------------------------


def test_schema_command():
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"id", "events", "error"} <= set(schema["properties"])
    assert "Event" in schema["$defs"]


def test_no_input_reads_standard_input():
    result = run("extract")  # not a terminal: standard input, here empty
    assert result.exit_code == errors.EXIT_INPUT
    (doc,) = lines(result)
    assert doc["id"] == "-" and error_code(doc) == "E101"


# --- the installed console script ----------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("sitrep", path=os.path.dirname(sys.executable)) is None,
                    reason="the sitrep console script is not installed beside this Python")
def test_console_script(tmp_path):
    script = shutil.which("sitrep", path=os.path.dirname(sys.executable))
    good, empty = write(tmp_path, "good.txt", GOOD), write(tmp_path, "empty.txt", "")
    out = tmp_path / "events.jsonl"
    proc = subprocess.run([script, "extract", good, empty, "--output", str(out), "--published", "2021-02-26"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == errors.EXIT_SOME_DROPPED, proc.stderr
    assert "2 articles, 1 events, 1 dropped" in proc.stderr
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["id"] for d in docs] == [good, empty]
    assert docs[0]["events"][0]["date"]["value"] == "2021-02-20"
    assert sorted(os.listdir(tmp_path)) == ["empty.txt", "events.jsonl", "good.txt"]


def test_the_readme_first_command_runs_the_examples_cleanly(monkeypatch):
    """`sitrep extract examples/` is the README's main job: every bundled example reads, none is dropped."""
    from sitrep.cli import main

    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["extract", "examples/", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 8 and not any(d["error"] for d in lines)
    assert sum(len(d["events"]) for d in lines) >= 8
