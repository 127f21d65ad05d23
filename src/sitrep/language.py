"""Which language an article is in, cheaply.

:func:`detect` answers ``(code, confidence)`` with an ISO 639-1 code. Most
input is English, so a fast path looks first at the share of words that are
common English function words ("the", "of", "said", ...): clearly English text
gets ``("en", ...)`` without loading anything. Only when that is unsure is
langid's model loaded (about a second, once per process).

Texts with fewer than :data:`MIN_LETTERS` letters get ``("und", 0.0)``:
undetermined. Callers must not treat ``"und"`` as "not English": a short
text is read as English like any other (see :func:`ensure_english`).
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from .errors import UnsupportedLanguage

UNDETERMINED = "und"
MIN_LETTERS = 20  # below this, no language is claimed
FULL_TRUST_LETTERS = 80  # letters from which langid's probability is taken at face value
SAMPLE_CHARS = 5000  # how much of a long text is looked at
CONFIDENT = 0.8  # ensure_english rejects only a language found at least this surely

# Words that are frequent in English and rare as words of other languages that
# use the Latin script ("in", "a", "an", "on", "is", "was", "will", "die",
# "also", "over" are left out: they are common words of German, French,
# Spanish, Italian or Dutch too).
ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the of and to that with for from by have has had it its are be been being
    this these those which who whom whose would could should their they them
    he she his him at as not or but after into more than about other
    there were we our you your said says told what when where while can may
    any some such only against between during before because then
    """.split()
)
# Share of function words from which no model is needed: English news runs at
# about 0.27 (nine in ten texts above 0.19); other languages stay under 0.05.
_CLEARLY_ENGLISH = 0.15
_MIN_WORDS = 8  # fewer words than this and the share says little

_WORD = re.compile(r"[^\W\d_]+")
_lock = threading.Lock()

LANGUAGE_NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fa": "Persian",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "it": "Italian", "ja": "Japanese",
    "ko": "Korean", "nl": "Dutch", "pl": "Polish", "ps": "Pashto", "pt": "Portuguese",
    "ru": "Russian", "so": "Somali", "sw": "Swahili", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "zh": "Chinese",
}


def detect(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, confidence 0-1)``; ``("und", 0.0)`` for texts too short to tell."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if sum(len(w) for w in words) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    share = english_share(words)
    if len(words) >= _MIN_WORDS and share >= _CLEARLY_ENGLISH:
        return "en", round(min(0.99, 0.8 + share), 3)
    code, prob = _identifier().classify(sample)
    return code, round(float(prob) * _length_weight(words), 3)


def _length_weight(words: list[str]) -> float:
    """How far a model's answer can be trusted for a text this long: on a short
    line (a headline, a one-line note) langid is often surely wrong."""
    return min(1.0, sum(len(w) for w in words) / FULL_TRUST_LETTERS)


def english_share(words: list[str]) -> float:
    """The share of ``words`` (lower-cased) that are common English function words."""
    if not words:
        return 0.0
    return sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) / len(words)


def is_english(text: str, *, confident: float = CONFIDENT) -> bool:
    """False only when the text is confidently in another language; short texts count as English."""
    code, confidence = detect(text)
    return code in ("en", UNDETERMINED) or confidence < confident


def ensure_english(text: str, *, confident: float = CONFIDENT) -> tuple[str, float]:
    """``detect(text)``, raising UnsupportedLanguage when the text is confidently not English.

    Undetermined (short) texts and unsure answers pass: they are read as English.
    """
    code, confidence = detect(text)
    if code not in ("en", UNDETERMINED) and confidence >= confident:
        name = LANGUAGE_NAMES.get(code, code)
        raise UnsupportedLanguage(
            f"the text looks like {name} ('{code}', confidence {confidence:.2f}); "
            "sitrep reads English only for now",
            hint="translate the article to English first, or leave it out of the run",
        )
    return code, confidence


def _identifier():
    with _lock:
        return _load_identifier()


@lru_cache(maxsize=1)
def _load_identifier():
    from langid import langid

    return langid.LanguageIdentifier.from_modelstring(langid.model, norm_probs=True)
