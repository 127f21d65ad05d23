"""The published JSON Schema of one output line, checked against real output.

The check uses a small validator written here (the keywords pydantic's schema
uses), so the suite needs no JSON Schema package.
"""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from sitrep import render
from sitrep.read import article_from_text
from sitrep.record import json_schema, json_schema_text

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = ROOT / "docs" / "schema" / "document.schema.json"

ARTICLE = ("Nigerian troops killed 20 Boko Haram fighters in Borno state on Wednesday, "
           "the army said, while residents put the toll at 25.\n\n"
           "Police arrested two suspects in Maiduguri on Thursday.\n")

TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
    "integer": int, "number": (int, float),
}


def problems(value, schema: dict, root: dict, where: str = "$") -> list[str]:
    """Where ``value`` breaks ``schema`` (empty when it conforms)."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return problems(value, root["$defs"][name], root, where)
    if "anyOf" in schema:
        if all(problems(value, s, root, where) for s in schema["anyOf"]):
            return [f"{where}: matches none of anyOf"]
        return []
    out = []
    if "type" in schema:
        expected = TYPES[schema["type"]]
        if not isinstance(value, expected) or (isinstance(value, bool) and schema["type"] in {"integer", "number"}):
            return [f"{where}: {type(value).__name__} is not {schema['type']}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} not in {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        out.append(f"{where}: {value!r} is not {schema['const']!r}")
    if "minimum" in schema and value < schema["minimum"]:
        out.append(f"{where}: {value} < {schema['minimum']}")
    if "maximum" in schema and value > schema["maximum"]:
        out.append(f"{where}: {value} > {schema['maximum']}")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        out += [f"{where}: {key!r} is required" for key in schema.get("required", []) if key not in value]
        for key, item in value.items():
            if key in props:
                out += problems(item, props[key], root, f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                out.append(f"{where}: {key!r} is not allowed")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            out += problems(item, schema["items"], root, f"{where}[{i}]")
    return out


@pytest.fixture(scope="module")
def line(pipeline) -> dict:
    doc = pipeline.process(article_from_text(ARTICLE, id="ng-1", published="2023-05-12", outlet="Example Wire"))
    return json.loads(render.jsonl_line(doc, with_text=True))


def test_the_schema_is_a_2020_12_schema():
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["type"] == "object" and schema["additionalProperties"] is False
    refs = {v["$ref"].removeprefix("#/$defs/") for v in _walk(schema) if "$ref" in v}
    assert refs <= set(schema["$defs"])  # every reference resolves


def _walk(node):
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


def test_a_real_output_line_conforms(line):
    # The line exercises most of the record: actors, location, date, counts with claims.
    ev = line["events"][0]
    assert ev["actors"] and ev["location"] and ev["date"] and ev["fatalities"]["claims"]
    assert problems(line, json_schema(), json_schema()) == []


def test_an_error_line_conforms(pipeline):
    french = "Des hommes armés ont attaqué un poste de police dans le nord du pays jeudi, selon la police locale."
    line = json.loads(render.jsonl_line(pipeline.process(article_from_text(french))))
    assert line["error"]["code"] == "E200"
    assert problems(line, json_schema(), json_schema()) == []


@pytest.mark.parametrize(
    "path, value",
    [
        (("events", 0, "confidence"), 1.5),
        (("events", 0, "type"), None),
        (("events", 0, "actors", 0, "role"), "bystander"),
        (("events", 0, "trigger", "evidence", "start"), -1),
        (("events", 0, "date", "precision"), "fortnight"),
        (("id",), 7),
        (("events", 0, "unknown_field"), "x"),
    ],
)
def test_a_broken_line_does_not_conform(line, path, value):
    broken = copy.deepcopy(line)
    node = broken
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    assert problems(broken, json_schema(), json_schema())


def test_a_line_without_an_id_does_not_conform(line):
    broken = {k: v for k, v in line.items() if k != "id"}
    assert problems(broken, json_schema(), json_schema()) == ["$: 'id' is required"]


def test_schema_text_is_the_schema():
    assert json.loads(json_schema_text()) == json_schema()


@pytest.mark.skipif(not PUBLISHED.exists(), reason="docs/schema/document.schema.json is not in this checkout")
def test_the_published_schema_is_current():
    assert json.loads(PUBLISHED.read_text(encoding="utf-8")) == json_schema(), (
        "regenerate it: sitrep schema > docs/schema/document.schema.json"
    )
