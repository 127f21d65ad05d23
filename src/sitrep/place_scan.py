"""Names the model missed or mislabelled, found by reading the text against the gazetteer: towns before a
kind word ("Nijrab district"), lone names the model took for a person ("55 Gainesville residents"), big towns
it did not mark, hyphenated pairs, legislators' home towns, a home state's towns opening organisations'
names, and names told again. places.find_places calls them; the word lists live in places.py."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from . import actors, gazetteer
from .nlp import text_of
from .places import (ADMIN_WORDS, BRANCH_WORDS, CENTRE_WORDS, DIVISION_PLURALS, GAZ_LOCATIVE, LOCAL_BODY_WORDS, LOCATIVE, MAX_WORDS,
                     NAMED_TOWN_MIN, PARTICLES, RESIDENT_NOUNS, STATE_COUNTRIES, PlaceMention, _bare, _capitalised,
                     _common_word, _end_char)


# Words before a lone name that make it a person's: "Mr. Jackson", "Sgt. Warren", "Coach Madison".
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sgt", "cpl", "pvt", "lt", "capt", "col", "gen", "rep", "sen", "gov", "mayor",
          "officer", "deputy", "detective", "trooper", "coach", "judge", "president", "pastor", "rev", "father",
          "sister", "brother", "st", "saint", "prof", "professor", "chief", "councilman", "councilwoman"}
# Verbs after a lone name that make it a person's: "Jackson said".
SPEECH = {"said", "says", "told", "added", "asked", "explained", "noted", "wrote", "testified", "recalled"}


def lone_names(doc: Doc, skip, found: list[PlaceMention], gaz) -> list[PlaceMention]:
    """A name the small model calls a person, an organisation or a product that is, word for word, a town of
    some size, a county or a state ("55 Gainesville residents", "Oconee and Clarke"), where no title before it
    or verb of speech after it makes it a person's. Resolution decides which place it is; one it cannot place
    is dropped."""
    taken = [(p.start, p.end) for p in found] + list(skip)
    out: list[PlaceMention] = []
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "PRODUCT"} or len(ent) > MAX_WORDS:
            continue
        toks = [t for t in ent if t.lower_ not in {"'s", "\u2019s"}]
        if not toks or not all(_capitalised(t) and not t.is_upper for t in toks) \
                or any(ent.start_char < b and a < ent.end_char for a, b in taken):
            continue
        before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        if before in TITLES or after in SPEECH:
            continue
        start, end = toks[0].idx, _end_char(toks[-1])
        name = text_of(doc)[start:end]
        k = gazetteer.key(name)
        if actors.country_of(name) is not None or _common_word(name) or not any(
                gazetteer.key(e.name).removesuffix("county") == k
                and (e.kind in {"admin1", "admin2"} or e.kind == "city" and e.population >= NAMED_TOWN_MIN)
                for e in gaz.candidates(name)):
            continue
        placed = ent.start > 0 and doc[ent.start - 1].lower_ in LOCATIVE
        out.append(PlaceMention(start, end, name, toks[-1], "NAME", attributive=not placed))
        taken.append((start, end))
    return out


PAIR = re.compile(r"([A-Z][a-z]+)-([A-Z][a-z]+)((?: [A-Z][a-z]+)?)")


def pair_parts(doc: Doc, p: PlaceMention, gaz) -> list[PlaceMention]:
    """Two places joined by a hyphen that the gazetteer lacks as one name ("Paris-Henry County", "Athens-Clarke",
    "Logan-Rogersville"): each its own place; any other mention as it is."""
    m = PAIR.fullmatch(_bare(p.text))
    if m is None or p.country is not None or gaz.knows(_bare(p.text)):
        return [p]
    offset = p.start + p.text.index(m.group(0))
    second = m.group(2) + m.group(3) if m.group(3) and gaz.knows(m.group(2) + m.group(3)) else m.group(2)
    if not (gaz.knows(m.group(1)) and gaz.knows(second)):
        return [p]
    a, b = offset, offset + len(m.group(1)) + 1
    return [PlaceMention(a, a + len(m.group(1)), m.group(1), p.root, p.label, attributive=p.attributive),
            PlaceMention(b, b + len(second), second, p.root, p.label, attributive=p.attributive)]


# A legislator's party and home after the name: "Rep. Ann Lee, D-Pleasanton," "Sen. Tom Bakk, DFL-Cook".
PARTY_HOME = re.compile(r"(?<![\w-])(?:D|R|I|DFL|GOP)-(?P<name>[A-Z][\w.']*(?: [A-Z][\w.']*){0,2})(?=[,;)])")


def party_homes(doc: Doc, skip, found: list[PlaceMention], gaz) -> list[PlaceMention]:
    """The home towns (or states) that follow a legislator's party letter, where the gazetteer knows them; listed
    as attributes of the legislator."""
    taken = [(p.start, p.end) for p in found] + list(skip)
    out: list[PlaceMention] = []
    for m in PARTY_HOME.finditer(text_of(doc)):
        a, b = m.span("name")
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or any(a < y and x < b for x, y in taken) or not gaz.knows(m["name"]):
            continue
        out.append(PlaceMention(a, b, m["name"], span.root, "GPE", attributive=True))
    return out

def home_names(doc: Doc, found: list[PlaceMention], skip, gaz) -> list[PlaceMention]:
    """Names the model calls organisations, or names before a word for people, that open with a town or
    county of the article's home state ("the Harwinton Senior Center", "a Clinton couple"): where two or more
    other names place the article in a state, such a name of a town of that state is that town. Listed as
    attributes."""
    home: dict[tuple[str, str], set[str]] = {}
    for p in found:
        if p.entry is not None and p.entry.admin1:
            home.setdefault((p.entry.country, p.entry.admin1), set()).add(gazetteer.key(p.text))
    home = {pair: names for pair, names in home.items() if len(names) >= 2}
    if not home:
        return []
    taken = [(p.start, p.end) for p in found] + list(skip)
    out: list[PlaceMention] = []
    spans = [ent for ent in doc.ents if ent.label_ == "ORG"]
    for tok in doc:  # "an Alexandria woman", "Clinton residents": whoever the model took the name for
        if tok.lower_ in RESIDENT_NOUNS and (lo := _name_before(doc, tok.i)) is not None:
            spans.append(doc[lo:tok.i])
    for ent in spans:
        if any(ent.start_char < b and a < ent.end_char for a, b in taken):
            continue
        toks = [t for t in ent if t.lower_ != "the"]
        for n in range(min(MAX_WORDS, len(toks)), 0, -1):
            head = toks[:n]
            if not all(_capitalised(t) for t in head):
                continue
            start, end = head[0].idx, _end_char(head[-1])
            name = text_of(doc)[start:end]
            here = [e for e in gaz.candidates(name) if e.kind in {"city", "admin2"} and e.admin1
                    and (e.country, e.admin1) in home and gazetteer.key(e.name) == gazetteer.key(name)]
            if here:
                out.append(PlaceMention(start, end, name, head[-1], "ORG", attributive=True,
                                        entry=max(here, key=lambda e: (e.kind == "city", e.population))))
                taken.append((start, end))
                break
    return out


def echoes(doc: Doc, found: list[PlaceMention], skip) -> list[PlaceMention]:
    """Other occurrences of a name the article already uses as a resolved place, where the model missed them
    ("Fargo Mayor ...", "Torrington firefighters"): one name, one place within one article. Listed as
    attributes (the name often qualifies a person or an office) unless a locative preposition leads it."""
    text = text_of(doc)
    named: dict[str, PlaceMention] = {}
    for p in found:
        if p.resolved and p.label != "NORP" and not p.dateline and p.text[:1].isupper() and len(p.text) > 2:
            named.setdefault(p.text, p)
    if not named:
        return []
    taken = [(p.start, p.end) for p in found] + list(skip)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
                         + r")(?![\w-])")
    out: list[PlaceMention] = []
    for m in pattern.finditer(text):
        a, b = m.span()
        if any(a < y and x < b for x, y in taken):
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            continue
        src = named[m.group(0)]
        placed = span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE  # "in Lombard": where, not whose
        out.append(PlaceMention(a, b, m.group(0), span.root, "ECHO", src.country, hint=src.hint,
                                attributive=not placed, entry=src.entry, within=src.within))
    return out

# A capitalised name the model read as no place is taken as a town only where it is a town this big.
BIG_TOWN_MIN = 100_000


def big_towns(doc: Doc, skip, found: list[PlaceMention], gaz) -> list[PlaceMention]:
    """Big towns the model read as a person or nothing ("Farmers blocked trains leaving Jalandhar", "Delhi
    Auto Rickshaw drivers"): listed as attributes, which say where an event is only when its own sentences
    name no place. None within a person's full name."""
    taken = [(p.start, p.end) for p in found] + list(skip)
    lower = {t.text for t in doc if t.is_lower}
    out: list[PlaceMention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if not _capitalised(tok) or (tok.ent_type_ == "PERSON" and _in_full_name(tok)):
            i += 1
            continue
        run = 0  # the capitalised proper nouns from here, up to three: no span is cut for fewer
        while run < 3 and i + run < len(doc) and _capitalised(doc[i + run]) and doc[i + run].pos_ == "PROPN":
            run += 1
        for n in (3, 2, 1):
            if n > run:
                continue
            span = doc[i:i + n]
            if n == 1 and (tok.is_sent_start or tok.lower_ in lower):
                continue  # "Man shot on Elm Street ... a man was shot": an ordinary word, not Man in Ivory Coast
            a, b = span.start_char, span.end_char
            if any(a < y and x < b for x, y in taken) or _common_word(span.text) or actors.country_of(span.text):
                continue
            # a district named after its town sums its towns' people: it hides no town ("Lahore District")
            top = next((e for e in gaz.candidates(span.text) if e.kind != "admin2"), None)
            if top is not None and top.kind == "city" and top.population >= BIG_TOWN_MIN \
                    and gazetteer.key(top.name) == gazetteer.key(span.text):
                out.append(PlaceMention(a, b, span.text, span.root, "ORG", attributive=True))
                taken.append((a, b))
                i += n - 1
                break
        i += 1
    return out


def _in_full_name(tok: Token) -> bool:
    """Is the token part of a person's name of two words or more?"""
    doc = tok.doc
    return (tok.i > 0 and doc[tok.i - 1].ent_type_ == "PERSON" and doc[tok.i].ent_iob_ == "I") or (
        tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON" and doc[tok.i + 1].ent_iob_ == "I")

def _name_before(doc: Doc, end: int) -> int | None:
    """The start of a name ending before token ``end``: capitalised words, hyphens and particles between."""
    start, words = end, 0
    while start > 0 and words < MAX_WORDS:
        tok = doc[start - 1]
        if _capitalised(tok):
            start, words = start - 1, words + 1
        elif tok.lower_ in PARTICLES and start < end:
            j = start - 1  # over a run of particles ("Shahr-e-Safa") to the capitalised word before it
            while j > 0 and doc[j - 1].lower_ in PARTICLES and start - j < 3:
                j -= 1
            if j > 0 and _capitalised(doc[j - 1]):
                start = j
            else:
                break
        else:
            break
    return start if words else None


def _name_after(doc: Doc, start: int) -> int:
    """The end of a name that starts at token ``start`` (see :func:`_name_before`)."""
    end, words = start, 0
    while end < len(doc) and words < MAX_WORDS:
        tok = doc[end]
        if _capitalised(tok):
            end, words = end + 1, words + 1
        elif tok.lower_ in PARTICLES and end > start and end + 1 < len(doc) and (
                _capitalised(doc[end + 1]) or doc[end + 1].lower_ in PARTICLES):
            end += 1
        else:
            break
    while end > start and doc[end - 1].lower_ in PARTICLES:
        end -= 1
    return end

# Words after which a report puts the place's name in brackets: "the hartal here (Noakhali)", "the district (Feni)".
BRACKETED_AFTER = {"here", "there", "town", "district", "area", "place", "city", "village", "upazila", "spot",
                   "municipality"}


def _bracketed_place(doc: Doc, i: int) -> bool:
    """Does the bracket at token ``i`` open a capitalised name alone that names the place just told: "the daylong
    hartal here (Noakhali)", "the same place(Bijoynagar)"?"""
    if i == 0 or doc[i - 1].lower_ not in BRACKETED_AFTER or i + 1 >= len(doc) or not _capitalised(doc[i + 1]):
        return False
    end = _name_after(doc, i + 1)
    return end < len(doc) and doc[end].text == ")"


def gazetteer_places(doc: Doc, skip, found: list[PlaceMention], gaz) -> list[PlaceMention]:
    """Capitalised names the gazetteer knows that the model did not mark: before a word for a kind of place
    ("in Nijrab district"), after a locative preposition ("in Sarban"), or as the province after a place
    and a comma ("X district, Kapisa")."""
    taken = [(p.start, p.end) for p in found] + list(skip)
    out: list[PlaceMention] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    def add(lo: int, hi: int, loose: bool) -> None:
        span = doc[lo:hi]
        if not free(span.start_char, span.end_char) or actors.country_of(span.text) is not None \
                or _common_word(span.text):
            return
        if not (gaz.knows(span.text) or (loose and gaz.candidates(span.text, loose=True))):
            return
        out.append(PlaceMention(span.start_char, span.end_char, span.text, span.root, "GAZ"))
        taken.append((span.start_char, span.end_char))

    def add_town_of_state(comma: int) -> None:
        """"Memphis, Tennessee" in a station's banner the model read as no place: a town the gazetteer has in
        the US state named after the comma."""
        lo = _name_before(doc, comma)
        if lo is None:
            return
        for width in (2, 1):
            state = doc[comma + 1:comma + 1 + width]
            if len(state) < width or not state[0].text[:1].isupper():
                continue
            states = {e.admin1 for e in gaz.candidates(state.text) if e.kind == "admin1" and e.country in STATE_COUNTRIES}
            if not states:
                continue
            span = doc[lo:comma]
            if not free(span.start_char, span.end_char):
                return
            if any(e.kind == "city" and e.admin1 in states and e.country in STATE_COUNTRIES
                   for e in gaz.candidates(span.text)):
                out.append(PlaceMention(span.start_char, span.end_char, span.text, span.root, "GPE"))
                taken.append((span.start_char, span.end_char))
            return

    def add_local(lo: int, hi: int) -> None:
        """"Albuquerque police", "a Brockton man": a town that qualifies a local body or a resident, an
        attribute that tells a local story's town."""
        while lo < hi - 1 and not gaz.knows(doc[lo:hi].text):
            lo += 1  # "PTI Karachi chapter": the town closes the name
        span = doc[lo:hi]
        if not free(span.start_char, span.end_char) or actors.country_of(span.text) is not None \
                or _common_word(span.text):
            return
        # a state or a town ("a Texas man"), not a county bare of its word ("a Smith man" is a family's); a
        # district named after its town, as South Asian news names one ("Surkhet locals"), where no state has it
        if not any(e.kind == "admin1" or e.kind == "city" and e.population >= NAMED_TOWN_MIN
                   or e.kind == "admin2" and e.country not in STATE_COUNTRIES for e in gaz.candidates(span.text)):
            return
        out.append(PlaceMention(span.start_char, span.end_char, span.text, span.root, "ORG", attributive=True))
        taken.append((span.start_char, span.end_char))

    for tok in doc:
        if tok.i > 0 and (tok.text in LOCAL_BODY_WORDS and doc[tok.i - 1].ent_type_ != "PERSON"
                          or tok.lower_ in BRANCH_WORDS):
            lo = _name_before(doc, tok.i)
            if lo is not None:
                add_local(lo, tok.i)
        if tok.text == "," and 0 < tok.i < len(doc) - 1:
            add_town_of_state(tok.i)
        if tok.lower_ in DIVISION_PLURALS:  # "Barrow, Jackson and Madison counties"
            end = tok.i
            while (lo := _name_before(doc, end)) is not None:
                add(lo, end, loose=False)
                end = lo
                while end > 0 and doc[end - 1].lower_ in {",", "and", "or", "&"}:
                    end -= 1
                if end == lo:
                    break
        elif tok.lower_ in ADMIN_WORDS and tok.i > 1 and doc[tok.i - 1].text == ")":
            # "Ab Kamari (Sang Atesh) district": a district and, in brackets, its other name (often its centre)
            opened = next((j for j in range(tok.i - 2, max(-1, tok.i - 10), -1) if doc[j].text == "("), None)
            if opened is not None:
                inner = _name_before(doc, tok.i - 1)
                if inner == opened + 1:
                    add(inner, tok.i - 1, loose=True)
                outer = _name_before(doc, opened)
                if outer is not None:
                    add(outer, opened, loose=True)
        elif tok.lower_ in ADMIN_WORDS and tok.i > 0:
            lo = _name_before(doc, tok.i)
            if lo is not None:
                add(lo, tok.i, loose=True)
        elif tok.text == "(" and _bracketed_place(doc, tok.i):
            add(tok.i + 1, _name_after(doc, tok.i + 1), loose=False)  # "the hartal here (Noakhali)"
        elif tok.lower_ in GAZ_LOCATIVE and tok.i + 1 < len(doc) and _capitalised(doc[tok.i + 1]):
            add(tok.i + 1, _name_after(doc, tok.i + 1), loose=False)
        elif tok.text == "," and tok.i + 1 < len(doc) and _capitalised(doc[tok.i + 1]) and tok.i > 0 and (
                doc[tok.i - 1].lower_ in ADMIN_WORDS.keys() | CENTRE_WORDS or doc[tok.i - 1].ent_type_ in {"GPE", "LOC"}):
            add(tok.i + 1, _name_after(doc, tok.i + 1), loose=False)
    return out
