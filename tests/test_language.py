"""Language detection: a fast English path, langid for the rest."""
from __future__ import annotations

import pytest

from sitrep import language
from sitrep.errors import UnsupportedLanguage
from sitrep.language import detect, ensure_english, is_english

ENGLISH = (
    "Police said a man was killed when gunmen opened fire on a checkpoint near the border "
    "on Sunday, and two others were wounded."
)
OTHERS = [
    ("fr", "Deux soldats ont été tués dimanche lors d'une attaque contre un poste de contrôle "
           "près de la frontière, selon la police locale."),
    ("es", "Dos soldados murieron el domingo en un ataque contra un puesto de control cerca de "
           "la frontera, según la policía local."),
    ("de", "Zwei Soldaten wurden am Sonntag bei einem Angriff auf einen Kontrollpunkt nahe der "
           "Grenze getötet, teilte die örtliche Polizei mit."),
    ("ar", "قتل جنديان يوم الأحد في هجوم على نقطة تفتيش قرب الحدود، بحسب ما أفادت الشرطة المحلية "
           "في بيان صدر مساء اليوم."),
]
MIXED = (
    "Police said a man was killed when gunmen opened fire on a checkpoint near the border on Sunday. "
    "\"Nous avons entendu des tirs toute la nuit\", a déclaré un habitant. "
    "The army said it had sent more troops to the area after the attack and that it would hold an inquiry."
)


def test_clear_english_takes_the_fast_path(monkeypatch):
    def no_model():
        raise AssertionError("the model was loaded for clearly English text")

    monkeypatch.setattr(language, "_identifier", no_model)
    code, confidence = detect(ENGLISH)
    assert code == "en" and confidence >= 0.9


@pytest.mark.parametrize("text", [ENGLISH, MIXED, "Rebels seized the town. Government troops withdrew after heavy fighting."])
def test_english(text):
    assert detect(text)[0] == "en"
    assert ensure_english(text)[0] == "en"


@pytest.mark.parametrize("code, text", OTHERS)
def test_other_languages(code, text):
    found, confidence = detect(text)
    assert found == code and confidence >= 0.8
    assert not is_english(text)


@pytest.mark.parametrize("code, text", OTHERS)
def test_ensure_english_rejects_other_languages(code, text):
    with pytest.raises(UnsupportedLanguage) as caught:
        ensure_english(text)
    assert f"'{code}'" in caught.value.message
    assert "English only" in caught.value.message
    assert caught.value.code == "E200"


@pytest.mark.parametrize("text", ["", "Two killed", "12 / 14 — 2021", "  \n  "])
def test_short_texts_are_undetermined_and_pass(text):
    assert detect(text) == ("und", 0.0)
    assert ensure_english(text) == ("und", 0.0)
    assert is_english(text)


def test_short_headline_is_not_rejected():
    # A short English line without function words: the model may guess another
    # language, but not with enough confidence to reject it.
    assert is_english("Three hurt in gunfire outside Brookdale diner Friday night")
