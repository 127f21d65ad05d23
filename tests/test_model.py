"""The installed language model is the pinned one: per-file digests against data/model.lock.json."""
from __future__ import annotations

import importlib.resources
import importlib.util
import json

import pytest

from sitrep import nlp

LOCK = json.loads(importlib.resources.files("sitrep").joinpath("data/model.lock.json").read_text())


def serve_lock(monkeypatch, lock: dict) -> None:
    """Make verify_model read ``lock`` instead of the packaged lock file."""
    real = importlib.resources.files

    class Lock:
        def joinpath(self, *parts):
            assert "/".join(parts) == "data/model.lock.json"
            return self

        def read_text(self, *args, **kwargs):
            return json.dumps(lock)

    monkeypatch.setattr(importlib.resources, "files", lambda pkg: Lock() if pkg == "sitrep" else real(pkg))


def test_the_lock_names_the_pinned_model():
    assert LOCK["version"] == nlp.MODEL_VERSION
    assert LOCK["package"].replace("-", "_") == nlp.MODEL_PACKAGE
    assert {"meta.json", "config.cfg", "parser/model", "ner/model"} <= set(LOCK["files_sha256"])
    assert all(len(d) == 64 and int(d, 16) >= 0 for d in LOCK["files_sha256"].values())


def test_the_installed_model_is_the_pinned_one():
    assert nlp.verify_model() == []


def test_the_pipeline_names_the_model(pipeline):
    assert nlp.model_id() == f"{nlp.MODEL_NAME}-{nlp.MODEL_VERSION}"
    assert nlp.model_id() in pipeline.id


@pytest.mark.parametrize("file", ["parser/model", "meta.json"])
def test_a_tampered_digest_is_reported(monkeypatch, file):
    lock = json.loads(json.dumps(LOCK))
    lock["files_sha256"][file] = "0" * 64
    serve_lock(monkeypatch, lock)
    assert nlp.verify_model() == [file]


def test_a_file_missing_from_the_model_is_reported(monkeypatch):
    lock = json.loads(json.dumps(LOCK))
    lock["files_sha256"]["extra/weights.bin"] = "0" * 64
    serve_lock(monkeypatch, lock)
    assert nlp.verify_model() == ["extra/weights.bin"]


def test_another_version_fails_every_file(monkeypatch):
    serve_lock(monkeypatch, {**LOCK, "version": "9.9.9"})
    assert nlp.verify_model() == list(LOCK["files_sha256"])


def test_a_missing_package_is_reported(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == nlp.MODEL_PACKAGE else real(name, *a))
    assert nlp.verify_model() == ["<package not installed>"]
