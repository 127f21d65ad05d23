"""Reading inputs: files, directories, globs, stdin; text, HTML, JSONL, CSV."""
from __future__ import annotations

import io
import json
import random
import sys
from datetime import date

import pytest
from helpers import write
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import read
from sitrep.article import Article, Dropped
from sitrep.errors import EmptyInput, UsageError
from sitrep.read import (
    article_from_text,
    decode_bytes,
    html_to_text,
    iter_articles,
    parse_published,
    sniff_format,
)

REPORT = "Gunmen attacked a police post in the hill town on Monday, killing two officers, officials said.\n"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Gunmen attack police post - The Hill Gazette</title>
<meta property="og:title" content="Gunmen attack police post">
<meta property="og:site_name" content="The Hill Gazette">
<meta property="article:published_time" content="2022-05-09T07:15:00Z">
<link rel="canonical" href="https://gazette.example/news/police-post-attack">
<script>var tracking = true;</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Gunmen attack police post</h1>
<p>Gunmen attacked a police post in the hill town of Varda on Monday, killing two officers
and wounding three others, the district governor said.</p>
<p>No group has said it carried out the attack. Security forces closed the main road
and began searching nearby villages, residents said.</p>
<p>It was the third attack on the police in the district this year, local officials said.</p>
</article>
<div id="sidebar"><h4>Most read</h4><a href="/x">Storm floods coastal villages</a></div>
<footer>Contact us | Terms of use</footer>
</body></html>
"""




def one(inputs, **kwargs):
    items = list(iter_articles(inputs, **kwargs))
    assert len(items) == 1, items
    return items[0]


def feed_stdin(monkeypatch, data: bytes) -> io.BytesIO:
    stream = io.BytesIO(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    return stream


# --- plain text files ------------------------------------------------------


def test_text_file_becomes_an_article(tmp_path):
    path = write(tmp_path, "report.txt", "First line.\r\nSecond line.\r\n")
    article = one([path], published=date(2021, 2, 26))
    assert isinstance(article, Article)
    assert article.id == path and article.source == path
    assert article.text == "First line.\nSecond line.\n"
    assert article.encoding == "utf-8" and article.format == "text"
    assert article.title is None
    assert article.published == date(2021, 2, 26)


@pytest.mark.parametrize(
    "data, encoding",
    [
        (b"\xef\xbb\xbf" + REPORT.encode(), "utf-8-sig"),
        (REPORT.encode("utf-16"), "utf-16"),
        (("Le caf\u00e9 a \u00e9t\u00e9 d\u00e9truit, selon des t\u00e9moins. " * 4).encode("cp1252"), None),
    ],
)
def test_text_is_decoded_with_detection(tmp_path, data, encoding):
    article = one([write(tmp_path, "a.txt", data)])
    assert isinstance(article, Article), article
    assert not article.text.startswith("\ufeff")
    assert "caf\u00e9" in article.text or article.text == REPORT
    if encoding:
        assert article.encoding == encoding
    else:
        assert article.encoding != "utf-8"


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "E101"),
        (b"  \n\t\r\n ", "E101"),
        (b"PK\x03\x04\x00\x00binary\x00stuff" * 20, "E102"),
        (bytes(range(1, 9)) * 100 + b"some text", "E102"),
        (bytes(random.Random(1).randrange(128, 256) for _ in range(3000)), "E104"),
    ],
)
def test_unreadable_files_are_dropped_with_a_code(tmp_path, data, code):
    dropped = one([write(tmp_path, "bad.txt", data)])
    assert isinstance(dropped, Dropped)
    assert dropped.code == code
    assert dropped.reason and dropped.hint


def test_too_large_is_checked_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", "x" * 200)

    def refuse(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(read, "open", refuse, raising=False)
    dropped = one([path], max_bytes=100)
    assert dropped.code == "E103"
    assert "100" in dropped.reason


def test_one_bad_input_does_not_stop_the_rest(tmp_path):
    good = write(tmp_path, "good.txt", REPORT)
    items = list(iter_articles([str(tmp_path / "missing.txt"), good]))
    assert [type(item) for item in items] == [Dropped, Article]
    assert items[0].code == "E100" and "missing.txt" in items[0].reason


# --- directories and globs --------------------------------------------------


def test_directory_is_walked_sorted_skipping_hidden_and_unknown(tmp_path):
    write(tmp_path, "b.txt", REPORT)
    write(tmp_path, "a.md", REPORT)
    write(tmp_path, "sub/c.txt", REPORT)
    write(tmp_path, ".hidden.txt", REPORT)
    write(tmp_path, ".git/d.txt", REPORT)
    write(tmp_path, "image.png", b"\x89PNG\x00\x00")
    ids = [item.id for item in iter_articles([str(tmp_path)])]
    assert ids == [str(tmp_path / "a.md"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.txt")]


@pytest.mark.parametrize("pattern, count", [("*.txt", 1), ("**/*.txt", 2), ("sub/*", 1)])
def test_glob_patterns(tmp_path, pattern, count):
    write(tmp_path, "a.txt", REPORT)
    write(tmp_path, "sub/b.txt", REPORT)
    items = list(iter_articles([str(tmp_path / pattern)]))
    assert len(items) == count and all(isinstance(item, Article) for item in items)


@pytest.mark.parametrize("spec", ["empty_dir", "nothing/*.txt", "no/such/file.txt"])
def test_inputs_that_name_nothing_give_one_dropped(tmp_path, spec):
    (tmp_path / "empty_dir").mkdir()
    dropped = one([str(tmp_path / spec)])
    assert isinstance(dropped, Dropped)
    assert dropped.id == str(tmp_path / spec)
    assert dropped.code in ("E100", "E101")


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError):
        iter_articles(["x.txt"], fmt="pdf")


# --- JSONL ----------------------------------------------------------------


def test_jsonl_records_and_their_drops(tmp_path):
    lines = [
        json.dumps({"id": 7, "text": "  Two killed.\r\nMore.  ", "title": "T", "published": "2021-02-25T10:00:00Z"}),
        "",
        "this is not json",
        json.dumps([1, 2]),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"text": "No id here.", "outlet": "Gazette", "lang": "en"}),
        json.dumps({"id": "late", "text": "x", "published": "last week"}),
        json.dumps({"id": "none", "title": "no text"}),
        json.dumps({"id": "fallback", "text": "Uses the argument.", "published": None}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    items = list(iter_articles([path], published=date(2020, 1, 1)))
    summary = [(item.id, getattr(item, "code", None)) for item in items]
    assert summary == [
        ("7", None),
        (f"{path}:3", "E105"),
        (f"{path}:4", "E105"),
        ("empty", "E101"),
        (f"{path}:6", None),
        ("late", "E105"),
        ("none", "E105"),
        ("fallback", None),
    ]
    first, no_id, fallback = items[0], items[4], items[7]
    assert first.text == "  Two killed.\r\nMore.  "  # kept exactly: spans are offsets into it
    assert first.published == date(2021, 2, 25) and first.title == "T"
    assert first.source == f"{path}:1" and first.format == "jsonl"
    assert no_id.outlet == "Gazette" and no_id.meta == {"lang": "en"}
    assert fallback.published == date(2020, 1, 1)
    assert "last week" in items[5].reason


def test_oversized_jsonl_line_is_dropped_and_reading_goes_on(tmp_path):
    lines = [json.dumps({"id": "big", "text": "x" * 500}), json.dumps({"id": "ok", "text": "fine"})]
    path = write(tmp_path, "b.ndjson", "\n".join(lines))
    items = list(iter_articles([path], max_bytes=100))
    assert [(item.id, getattr(item, "code", None)) for item in items] == [(f"{path}:1", "E103"), ("ok", None)]


def test_json_array_file(tmp_path):
    path = write(tmp_path, "list.json", json.dumps([{"id": "a", "text": "One."}, {"text": "Two."}, 3]))
    items = list(iter_articles([path]))
    assert [(item.id, getattr(item, "code", None)) for item in items] == [
        ("a", None),
        (f"{path}[1]", None),
        (f"{path}[2]", "E105"),
    ]


def test_fmt_forces_the_format(tmp_path):
    path = write(tmp_path, "records.txt", json.dumps({"id": "r1", "text": "Forced."}) + "\n")
    assert one([path], fmt="jsonl").id == "r1"
    assert one([path]).format == "text"


def test_jsonl_streams_line_by_line(monkeypatch):
    record = json.dumps({"text": "A report. " * 20}) + "\n"
    stream = feed_stdin(monkeypatch, (record * 10_000).encode())
    items = iter_articles(["-"], fmt="jsonl")
    assert next(items).id == "-:1"
    assert stream.tell() < 200_000  # two megabytes of input, barely read


# --- CSV ------------------------------------------------------------------


def test_csv_records(tmp_path):
    data = (
        "id,text,title,url,published,outlet\r\n"
        'c1,"A bomb exploded,\r\nkilling three.",Blast,https://x.example/a,2021-03-01,Gazette\r\n'
        ",Second report.,,,,\r\n"
        "c3,,,,,\r\n"
        "c4,Bad date.,,,01/03/2021,\r\n"
        "c5,Too,many,cells,,,,\r\n"
    )
    path = write(tmp_path, "batch.csv", data)
    items = list(iter_articles([path]))
    assert [(item.id, getattr(item, "code", None)) for item in items] == [
        ("c1", None),
        (f"{path}:4", None),
        ("c3", "E101"),
        ("c4", "E105"),
        (f"{path}:7", "E105"),
    ]
    first = items[0]
    assert first.text == "A bomb exploded,\r\nkilling three."
    assert (first.title, first.url, first.outlet) == ("Blast", "https://x.example/a", "Gazette")
    assert first.published == date(2021, 3, 1) and first.format == "csv"


def test_csv_without_text_column_is_dropped(tmp_path):
    dropped = one([write(tmp_path, "x.csv", "id,body\n1,hello\n")])
    assert dropped.code == "E105" and "text" in dropped.reason


# --- HTML -------------------------------------------------------------------


def test_html_main_text_and_metadata(tmp_path):
    article = one([write(tmp_path, "page.html", PAGE)], published=date(2000, 1, 1))
    assert article.format == "html"
    assert "killing two officers" in article.text
    assert "third attack on the police" in article.text
    assert "Storm floods" not in article.text and "Terms of use" not in article.text
    assert "tracking" not in article.text
    assert article.title == "Gunmen attack police post"
    assert article.outlet == "The Hill Gazette"
    assert article.published == date(2022, 5, 9)  # the page's date wins over the argument
    assert article.url == "https://gazette.example/news/police-post-attack"


def test_html_without_date_uses_the_argument(tmp_path):
    page = "<html><body><p>" + REPORT * 3 + "</p></body></html>"
    article = one([write(tmp_path, "p.htm", page)], published=date(2021, 1, 5))
    assert article.published == date(2021, 1, 5)


def test_html_falls_back_to_a_plain_rendering(tmp_path):
    article = one([write(tmp_path, "tiny.html", "<b>Two hurt.</b>")])
    assert article.text == "Two hurt."
    assert article.meta["extraction"] == "plain"


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>Militants <b>burned <i>a police station</p> in the east</div></span><p>Nobody",
        "<<<>>> <p",
        "<html><head><title>x</title></head><body></body></html>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Troops fired on a crowd.</p></body></html>',
        "<html><body><script>document.write('hi')</script></body></html>",
        "<!-- only a comment -->",
        "<svg><p><p>",
    ],
)
def test_malformed_html_never_crashes(tmp_path, page):
    item = one([write(tmp_path, "m.html", page)])
    assert isinstance(item, (Article, Dropped))
    if isinstance(item, Dropped):
        assert item.code == "E106"
    else:
        assert item.text.strip()


_TAGS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "<head>", "<title>", "</title>", "<script>",
     "</script>", "<!--", "-->", "<br/>", "&amp;", "&#0;", "<svg>", "<table><tr><td>", "Two killed.", " ", "<", ">"]
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.lists(_TAGS, max_size=20).map("".join), st.text(max_size=100)))
def test_any_html_gives_an_article_or_a_dropped(tmp_path_factory, page):
    path = tmp_path_factory.mktemp("html") / "page.html"
    path.write_text(page, encoding="utf-8")
    for item in iter_articles([str(path)]):
        assert isinstance(item, (Article, Dropped))


def test_html_to_text_puts_blocks_on_lines():
    text = html_to_text("<div>One<p>Two</p><ul><li>Three</li></ul></div><script>x()</script>")
    assert text.split("\n") == ["One", "Two", "Three"]


def test_html_with_a_declared_charset(tmp_path):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 \x93attack\x94 kills two.</p></body></html>'
    article = one([write(tmp_path, "cp.html", page.encode("latin-1"))])
    assert "Caf\u00e9 \u201cattack\u201d" in article.text
    assert article.encoding == "cp1252"


# --- standard input ---------------------------------------------------------


@pytest.mark.parametrize(
    "data, fmt",
    [
        (REPORT.encode(), "text"),
        (PAGE.encode(), "html"),
        (b'{"id": "s1", "text": "One."}\n\n{"id": "s2", "text": "Two."}\n', "jsonl"),
    ],
)
def test_stdin_is_sniffed(monkeypatch, data, fmt):
    feed_stdin(monkeypatch, data)
    items = list(iter_articles(["-"]))
    assert all(isinstance(item, Article) for item in items)
    assert {item.format for item in items} == {fmt}


def test_stdin_over_the_limit(monkeypatch):
    feed_stdin(monkeypatch, b"word " * 100)
    dropped = one(["-"], max_bytes=50)
    assert dropped.code == "E103" and dropped.id == "-"


@pytest.mark.parametrize(
    "head, fmt",
    [
        (b"  <!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"<p>A short page</p>", "html"),
        (b"<not really html, just angles", "text"),
        (b'{"text": "a"}\n{"text": "b"}', "jsonl"),
        (b'{"text": "a"}\nplain words', "text"),
        (b"Plain words.", "text"),
    ],
)
def test_sniff_format(head, fmt):
    assert sniff_format(head) == fmt


# --- helpers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-02-26", date(2021, 2, 26)),
        ("2021-02-26T23:30:00Z", date(2021, 2, 26)),
        ("2021-02-26T10:00:00+03:00", date(2021, 2, 26)),
        ("2021-02-26 10:00:00", date(2021, 2, 26)),
        (date(2021, 2, 26), date(2021, 2, 26)),
    ],
)
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["26/02/2021", "yesterday", "", 20210226])
def test_parse_published_rejects(value):
    with pytest.raises(ValueError):
        parse_published(value)


def test_article_from_text():
    article = article_from_text(" Two killed. ", published="2021-02-26", title="T")
    assert article.text == " Two killed. "
    assert article.published == date(2021, 2, 26)
    assert article.id == article.hash
    assert article_from_text("x", id="mine").id == "mine"


@pytest.mark.parametrize("text", ["", "   \n"])
def test_article_from_empty_text(text):
    with pytest.raises(EmptyInput):
        article_from_text(text)


def test_decode_bytes_prefers_utf8():
    assert decode_bytes("caf\u00e9".encode()) == ("caf\u00e9", "utf-8")
